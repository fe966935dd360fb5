import { Role } from '@arshjulet/core';
import { IndicatorValue } from '@arshjulet/indicators';
import ExcelJS from 'exceljs';
import { createTestApp, TestApp, TestUser } from '../support/test-app.js';
import { upload } from './indicator-fixtures.js';

const LONG = 'x'.repeat(5000);
const HEADER = ['indikator', 'enhet', 'period', 'värde', 'täljare', 'nämnare', 'uppdelning', 'status', 'kommentar'];
const GOOD = ['IU03', 'H-KS', '2025-Q1', '13', '', '', '', 'slutlig', ''];
const FIELDS = ['indicator', 'orgUnit', 'period', 'value', 'numerator', 'denominator', 'breakdown', 'status', 'note'];
const LABELS = ['Indikator', 'Enhet', 'Period', 'Värde', 'Täljare', 'Nämnare', 'Uppdelning', 'Status', 'Kommentar'];

/** One row per column, each with that one column replaced by `bad`; line 2 is the first of them. */
function rowsWith(bad: string): string[][] {
  return HEADER.map((_, column) => GOOD.map((cell, index) => (index === column ? bad : cell)));
}

interface Rejection {
  line: number;
  errors: { field: string; message: string }[];
  message: string;
}

describe('an over-long, NUL or broken-Unicode value in any column of any format is a rejected row, never a 500', () => {
  let t: TestApp;
  let coordinator: TestUser;
  beforeAll(async () => {
    t = await createTestApp();
    coordinator = await t.userWith(Role.CountyCoordinator);
  });
  afterAll(async () => {
    await t.close();
  });

  const expectOneRejectionPerColumn = (body: { rowCount: number; rejectedCount: number; rejectedRows: Rejection[] }, reason: RegExp) => {
    expect({ rowCount: body.rowCount, rejectedCount: body.rejectedCount }).toEqual({ rowCount: 9, rejectedCount: 9 });
    expect(body.rejectedRows.map((row) => [row.line, row.errors.map((error) => error.field)])).toEqual(FIELDS.map((field, index) => [index + 2, [field]]));
    body.rejectedRows.forEach((row, index) => {
      expect(row.message).toMatch(new RegExp(`^Rad ${index + 2}: ${LABELS[index]}: ${reason.source}`));
      expect(row.message.length).toBeLessThan(200);
    });
  };

  it('CSV: a 5 000-character value in each of the nine columns is listed with its line and column', async () => {
    const csv = [HEADER, ...rowsWith(LONG)].map((cells) => cells.join(';')).join('\r\n');

    const preview = await upload(coordinator.api, csv, 'lang.csv').expect(201);

    expectOneRejectionPerColumn(preview.body, /5\u00a0000 tecken är för många, högst [\d\u00a0]+ tillåts\.$/);
    await coordinator.api.post(`/api/v1/indicator-imports/${preview.body.id}/commit`).expect(422);
    expect(await t.dataSource.getRepository(IndicatorValue).count()).toBe(0);
  });

  it('CSV: a breakdown of 201 characters is refused, one of 200 accepted', async () => {
    const csv = [HEADER.join(';'), ['IU03', 'H-KS', '2025-Q1', '13', '', '', 'b'.repeat(200), '', ''].join(';'), ['IU03', 'H-KS', '2025-Q1', '13', '', '', 'b'.repeat(201), '', ''].join(';')].join('\n');

    const preview = await upload(coordinator.api, csv, 'uppdelning.csv').expect(201);

    expect(preview.body).toMatchObject({ rowCount: 2, rejectedCount: 1, insertCount: 1 });
    expect(preview.body.rejectedRows[0].message).toBe('Rad 3: Uppdelning: 201 tecken är för många, högst 200 tillåts.');
  });

  it('CSV: a NUL byte or a UTF-8-encoded lone surrogate refuses the whole file as not text (415)', async () => {
    const nul = await upload(coordinator.api, `${HEADER.join(';')}\nIU03;H-KS;2025-Q1;13;;;a\u0000b;;\n`, 'nul.csv').expect(415);
    expect(nul.body).toMatchObject({ code: 'indicator_import.file_unsupported', detail: 'Filen innehåller binära data och är ingen textfil.' });

    const surrogate = Buffer.concat([Buffer.from(`${HEADER.join(';')}\nIU03;H-KS;2025-Q1;13;;;a`), Buffer.from([0xed, 0xa0, 0x80]), Buffer.from(';;\n')]);
    const response = await upload(coordinator.api, surrogate, 'surrogat.csv').expect(415);
    expect(response.body.detail).toMatch(/^Filen är inte UTF-8-kodad/);
  });

  it('XLSX: a 5 000-character cell in each of the nine columns is listed with its row', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('Blad1');
    sheet.addRow(HEADER);
    for (const row of rowsWith(LONG)) sheet.addRow(row);

    const preview = await upload(coordinator.api, Buffer.from(await workbook.xlsx.writeBuffer()), 'lang.xlsx').expect(201);

    expectOneRejectionPerColumn(preview.body, /5\u00a0000 tecken är för många, högst [\d\u00a0]+ tillåts\.$/);
  });

  it.each([
    ['5 000 characters', LONG, /5\u00a00\d\d tecken är för många, högst [\d\u00a0]+ tillåts\.$/],
    ['a NUL byte', 'a\u0000b', /ett NUL-tecken \(kod 0\) kan inte sparas\.$/],
    ['a lone surrogate', 'a\ud800b', /ett ogiltigt tecken \(ett ensamt UTF-16-surrogat\) kan inte sparas\.$/],
  ])('Kolada JSON: %s in each field is a rejected row', async (_what, bad, reason) => {
    const entry = (field: string) => ({
      kpi: field === 'kpi' ? bad : 'IU03',
      municipality: field === 'municipality' ? bad : 'H-KS',
      period: field === 'period' ? bad : '2025-Q1',
      values: [{ gender: field === 'gender' ? bad : 'T', value: field === 'value' ? bad : 13, status: field === 'status' ? bad : null }],
    });
    const json = JSON.stringify({ values: ['kpi', 'municipality', 'period', 'value', 'gender', 'status'].map(entry) });

    const preview = await upload(coordinator.api, json, 'kolada.json').expect(201);

    expect(preview.body).toMatchObject({ rowCount: 6, rejectedCount: 6 });
    expect(preview.body.rejectedRows.map((row: Rejection) => [row.line, row.errors.map((error) => error.field)])).toEqual([
      [1, ['indicator']], [2, ['orgUnit']], [3, ['period']], [4, ['value']], [5, ['breakdown']], [6, ['note']],
    ]);
    for (const row of preview.body.rejectedRows as Rejection[]) expect(row.message).toMatch(reason);
  });
});
