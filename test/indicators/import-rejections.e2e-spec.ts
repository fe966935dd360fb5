import { request as httpRequest } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Role } from '@arshjulet/core';
import { ImportBatch, IndicatorValue } from '@arshjulet/indicators';
import ExcelJS from 'exceljs';
import { onOwnApp } from '../support/own-app.js';
import { createTestApp, TestApp, TestUser } from '../support/test-app.js';
import { upload } from './indicator-fixtures.js';

const NBSP = '\u00a0';

describe('bad input is rejected with reasons and never half-imported', () => {
  let t: TestApp;
  let coordinator: TestUser;
  beforeAll(async () => {
    t = await createTestApp({ INDICATOR_IMPORT_MAX_MB: '1' });
    coordinator = await t.userWith(Role.CountyCoordinator);
  });
  afterAll(async () => {
    await t.close();
  });

  const nothingWritten = async () => {
    expect(await t.dataSource.getRepository(IndicatorValue).count()).toBe(0);
    const [{ staged }] = await t.dataSource.query('SELECT count(*)::int AS staged FROM indicator_import_row');
    expect(staged).toBe(0);
  };

  it('lists every bad row with its line and a Swedish reason, and refuses to commit any of the file', async () => {
    const file = [
      'indikator;enhet;period;värde',
      'IU03;H-KS;2025-Q1;13',
      'XX99;H-KS;2025-Q1;13',
      'IU03;Okänt sjukhus;2025-Q1;13',
      'IU03;H-NU;våren 2025;5',
      'IU03;H-SU;2025-Q1;tolv',
      'IU03;H-KS;2025-Q1;14',
      'IU03;H-ALS;2025-Q1;112',
      'SIP02;1482;2025-03;-4',
    ].join('\r\n');

    const preview = await upload(coordinator.api, file, 'fel.csv').expect(201);

    expect(preview.body).toMatchObject({ rowCount: 8, rejectedCount: 7, insertCount: 1, committable: false, rejectedNotListed: 0 });
    expect(preview.body.rejectedRows.map((row: { line: number; message: string }) => [row.line, row.message])).toEqual([
      [3, 'Rad 3: Okänd indikator ”XX99”.'],
      [4, 'Rad 4: Okänd enhet ”Okänt sjukhus”.'],
      [5, 'Rad 5: ”våren 2025” är ingen giltig period. Använd t.ex. 2025, 2025-Q3, 2025-03 eller R12-2025-09.'],
      [6, 'Rad 6: Värde: ”tolv” är inget tal.'],
      [7, 'Rad 7: Samma indikator, enhet, period och uppdelning finns redan på rad 2.'],
      [8, `Rad 8: Andelen 112${NBSP}% ligger utanför 0–100${NBSP}%.`],
      [9, 'Rad 9: Ett antal kan inte vara negativt (\u22124).'],
    ]);
    expect(preview.body.summary).toContain('Rätta de avvisade raderna');

    const commit = await coordinator.api.post(`/api/v1/indicator-imports/${preview.body.id}/commit`).expect(422);
    expect(commit.body).toMatchObject({ code: 'indicator_import.has_rejections', rejectedCount: 7 });
    expect(commit.headers['content-type']).toContain('application/problem+json');
    expect(await t.dataSource.getRepository(IndicatorValue).count()).toBe(0);

    await coordinator.api.post(`/api/v1/indicator-imports/${preview.body.id}/discard`).expect(200);
    await nothingWritten();
  });

  it.each([
    ['an empty file', '', 'tom.csv', 400, 'indicator_import.file_empty', 'Filen är tom.'],
    ['a file with only a header', 'indikator;enhet;period;värde\r\n', 'rubrik.csv', 400, 'indicator_import.file_empty', 'Filen har en rubrikrad men inga värden.'],
    ['a binary file', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d]), 'bild.csv', 415, 'indicator_import.file_unsupported', 'Filen innehåller binära data och är ingen textfil.'],
    ['an old .xls file', Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(64, 1)]), 'gammal.xls', 415, 'indicator_import.file_unsupported', 'Filen är i det äldre Excel-formatet (.xls). Spara den som CSV UTF-8 eller som .xlsx.'],
    ['a file over the size limit', `indikator;enhet;period;värde\r\n${'IU03;H-KS;2025-Q1;13\r\n'.repeat(52_000)}`, 'stor.csv', 413, 'indicator_import.file_too_large', 'Filen är för stor. Största tillåtna storlek är 1 MB.'],
  ])('answers %s with a clear problem and writes nothing', async (_what, content, name, status, code, detail) => {
    const batchesBefore = await t.dataSource.getRepository(ImportBatch).count();

    const response = await upload(coordinator.api, content, name).expect(status);

    expect(response.body).toMatchObject({ status, code, detail });
    expect(await t.dataSource.getRepository(ImportBatch).count()).toBe(batchesBefore);
    await nothingWritten();
  });

  it('refuses a declared 200 MB upload at once, before reading its body', async () => {
    const { port } = (t.app.getHttpServer().address() ?? (await t.app.listen(0), t.app.getHttpServer().address())) as AddressInfo;
    // Only 64 KB of the declared 200 MB are ever sent: an answer at all proves the limit is applied before the body is
    // read (a server that waited would leave this request hanging). How fast imports run is measured in bench/ (npm run
    // bench:import, as a ratio to a plain COPY), not here.
    const answer = await new Promise<{ status: number; body: string }>((resolve, reject) => {
      const request = httpRequest({
        host: '127.0.0.1', port, method: 'POST', path: '/api/v1/indicator-imports',
        headers: {
          authorization: `Bearer ${coordinator.token}`,
          'content-type': 'multipart/form-data; boundary=x',
          'content-length': String(200 * 1024 * 1024),
        },
      }, (response) => {
        let body = '';
        response.on('data', (chunk) => (body += chunk));
        response.on('end', () => resolve({ status: response.statusCode ?? 0, body }));
      });
      request.on('error', reject);
      request.write(`--x\r\nContent-Disposition: form-data; name="file"; filename="stor.csv"\r\n\r\n${'x'.repeat(64 * 1024)}`);
    });

    expect(answer.status).toBe(413);
    expect(JSON.parse(answer.body)).toMatchObject({ code: 'indicator_import.file_too_large' });
    await nothingWritten();
  });

  // This one saves values, so it runs on its own app: every other test here proves that nothing at all was written.
  it('reads an Excel formula as its cached result, from the named sheet', () => onOwnApp(async (t) => {
    const coordinator = await t.userWith(Role.CountyCoordinator);
    const workbook = new ExcelJS.Workbook();
    workbook.addWorksheet('Anteckningar').addRow(['inget här']);
    const sheet = workbook.addWorksheet('Data');
    sheet.addRow(['indikator', 'enhet', 'period', 'värde']);
    sheet.addRow(['IU03', 'Kungälvs sjukhus', '2025-Q1', { formula: '26/2', result: 13 }]);
    sheet.addRow(['IU03', 'H-NU', '2025-Q1', 5.7]);
    const file = Buffer.from(await workbook.xlsx.writeBuffer());

    const preview = await upload(coordinator.api, file, 'IU03.xlsx', { sheet: 'Data' }).expect(201);
    expect(preview.body).toMatchObject({ format: 'xlsx', sheet: 'Data', insertCount: 2, rejectedCount: 0 });
    await coordinator.api.post(`/api/v1/indicator-imports/${preview.body.id}/commit`).expect(200);

    const values = await coordinator.api.get('/api/v1/indicator-values?indicator=IU03&orgUnit=H-KS').expect(200);
    expect(values.body.items).toEqual([expect.objectContaining({ orgUnit: 'H-KS', period: '2025-Q1', value: 13, formatted: `13${NBSP}%` })]);

    const missing = await upload(coordinator.api, file, 'IU03.xlsx', { sheet: 'Blad9' }).expect(400);
    expect(missing.body.detail).toBe('Bladet ”Blad9” finns inte i filen. Filen har bladen ”Anteckningar”, ”Data”.');
  }, { INDICATOR_IMPORT_MAX_MB: '1' }));

  it('says what is wrong with a request without a file or with unknown options', async () => {
    const noFile = await coordinator.api.post('/api/v1/indicator-imports').send({}).expect(400);
    expect(noFile.body.code).toBe('indicator_import.no_file');
    const badFormat = await upload(coordinator.api, 'x', 'a.csv', { format: 'pdf' }).expect(400);
    expect(badFormat.body.errors).toEqual([{ path: 'format', message: 'format must be one of: csv, xlsx, kolada' }]);
  });

  it('answers a multipart upload without its boundary with 400, not 500, and stores no batch', async () => {
    const batchesBefore = await t.dataSource.getRepository(ImportBatch).count();
    const response = await coordinator.api.post('/api/v1/indicator-imports').set('Content-Type', 'multipart/form-data').send('indikator;enhet;period;värde').expect(400);
    expect(response.body.code).toBe('indicator_import.broken_upload');
    expect(await t.dataSource.getRepository(ImportBatch).count()).toBe(batchesBefore);
    await nothingWritten();
  });

  it('refuses a Kolada fetch when no Kolada address is configured', async () => {
    const response = await coordinator.api.post('/api/v1/indicator-imports/kolada').send({ indicator: 'HF01', years: [2023] }).expect(400);
    expect(response.body.code).toBe('indicator_import.kolada_not_configured');
  });
});
