import { Role } from '@arshjulet/core';
import { ImportBatch, IndicatorValue } from '@arshjulet/indicators';
import ExcelJS from 'exceljs';
import { createTestApp, TestApp, TestUser } from '../support/test-app.js';
import { upload } from './indicator-fixtures.js';
import { withClaimedSizes, xlsxBomb } from './xlsx-bomb.fixture.js';

const MB = 1024 * 1024;

describe('an Excel zip bomb is refused while it is read, and the service keeps serving', () => {
  let t: TestApp;
  let coordinator: TestUser;
  beforeAll(async () => {
    // Default size limits; counts lowered so the test's own files stay small.
    t = await createTestApp({
      INDICATOR_IMPORT_XLSX_MAX_SHARED_STRINGS: '10000',
      INDICATOR_IMPORT_XLSX_MAX_ROWS: '5000',
      INDICATOR_IMPORT_XLSX_MAX_CELLS: '40000',
    });
    coordinator = await t.userWith(Role.CountyCoordinator);
  });
  afterAll(async () => {
    await t.close();
  });

  /** Uploads, expects the problem, and proves nothing was written and the app still answers with bounded memory. */
  const refused = async (file: Buffer, status: number, code: string, detail: RegExp) => {
    const batchesBefore = await t.dataSource.getRepository(ImportBatch).count();
    global.gc?.();
    const rssBefore = process.memoryUsage().rss;

    const response = await upload(coordinator.api, file, 'bomb.xlsx');

    expect({ status: response.status, code: response.body.code }).toEqual({ status, code });
    expect(response.headers['content-type']).toContain('application/problem+json');
    expect(response.body.detail).toMatch(detail);
    expect(process.memoryUsage().rss - rssBefore).toBeLessThan(100 * MB);
    expect(await t.dataSource.getRepository(ImportBatch).count()).toBe(batchesBefore);
    expect(await t.dataSource.getRepository(IndicatorValue).count()).toBe(0);
    await t.http.get('/health').expect(200);
    return response;
  };

  it('refuses shared strings that unpack past the limit (70 MB from a few hundred kB) with 413, before unpacking them', async () => {
    const bomb = await xlsxBomb({ sharedStrings: 70_000, stringLength: 1000 });
    expect(bomb.length).toBeLessThan(2 * MB);

    const response = await refused(bomb, 413, 'indicator_import.file_too_large', /^Excel-filen packas upp till \d+ MB \(de delade texterna\); högst 64 MB tillåts\./);
    expect(response.body.reason).toBe('XLSX_TOO_LARGE');
  });

  it('stops a bomb whose zip directory lies about its sizes as soon as more comes out than it claims', async () => {
    const bomb = withClaimedSizes(await xlsxBomb({ sharedStrings: 70_000, stringLength: 1000 }), 4096);

    const response = await refused(bomb, 400, 'indicator_import.file_unreadable', /^Excel-filen är skadad: en del av den packas upp till mer än filen anger\./);
    expect(response.body.reason).toBe('MALFORMED_XLSX');
  });

  it('refuses more shared strings than allowed, however short', async () => {
    const response = await refused(await xlsxBomb({ sharedStrings: 20_000, stringLength: 3 }), 413, 'indicator_import.file_too_large', /^Excel-filen innehåller fler än 10\u00a0000 olika texter/);
    expect(response.body.reason).toBe('XLSX_TOO_LARGE');
  });

  it('refuses a sheet with more rows than allowed', async () => {
    const response = await refused(await xlsxBomb({ rows: 6000 }), 413, 'indicator_import.file_too_large', /^Bladet har fler än 5\u00a0000 rader/);
    expect(response.body.reason).toBe('XLSX_TOO_LARGE');
  });

  it('refuses a row with more cells than Excel has columns', async () => {
    const response = await refused(await xlsxBomb({ cellsInRow: 20_000 }), 413, 'indicator_import.file_too_large', /^En rad i bladet har fler än 16\u00a0384 celler/);
    expect(response.body.reason).toBe('XLSX_TOO_LARGE');
  });

  it('still reads a real workbook, from the sheet asked for', async () => {
    const workbook = new ExcelJS.Workbook();
    workbook.addWorksheet('Anteckningar').addRow(['inget att importera här']);
    const values = workbook.addWorksheet('Värden');
    values.addRow(['indikator', 'enhet', 'period', 'värde', 'kommentar']);
    values.addRow(['IU03', 'H-KS', '2025-Q1', 13, 'Skövde – ”akut” å ä ö']);

    const response = await upload(coordinator.api, Buffer.from(await workbook.xlsx.writeBuffer()), 'varden.xlsx', { sheet: 'värden' }).expect(201);

    expect(response.body).toMatchObject({ rowCount: 1, rejectedCount: 0, insertCount: 1 });
  });
});
