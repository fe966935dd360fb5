import { Role } from '@arshjulet/core';
import { AuditEvent } from '@arshjulet/audit';
import { Indicator, IndicatorReferenceLoader } from '@arshjulet/indicators';
import { parse } from 'csv-parse/sync';
import { createTestApp, TestApp, TestUser } from '../support/test-app.js';
import { importFile, upload } from './indicator-fixtures.js';

describe('values, export, catalogue edits and who may do what', () => {
  let t: TestApp;
  let coordinator: TestUser;
  let delregion: TestUser;
  beforeAll(async () => {
    t = await createTestApp();
    coordinator = await t.userWith(Role.CountyCoordinator);
    delregion = await t.userWith(Role.DelregionCoordinator, 'DR-SIMBA');
    await importFile(coordinator.api, [
      'indikator;enhet;period;värde;kommentar;uppdelning',
      'IU03;H-KS;2024;12,5;=HYPERLINK("http://example.test");',
      'IU03;H-KS;2025-Q1;13;+46 70 123;',
      'IU03;H-KS;2025-Q2;15;@SUM(A1);-kvinnor',
      'IU03;H-NU;2025-Q2;5,7;;',
      'IU03;H-KS;2025-03;14;;',
    ].join('\n'), 'export.csv');
  });
  afterAll(async () => {
    await t.close();
  });

  it('pages values in a stable order and filters by org unit code and period range', async () => {
    const all = await coordinator.api.get('/api/v1/indicator-values?indicator=IU03').expect(200);
    expect(all.body.items.map((v: { orgUnit: string; period: string }) => `${v.orgUnit} ${v.period}`)).toEqual([
      'H-KS 2024', 'H-KS 2025-Q1', 'H-KS 2025-03', 'H-KS 2025-Q2', 'H-NU 2025-Q2',
    ]);

    const pages = await Promise.all([1, 2, 3].map((page) => coordinator.api.get(`/api/v1/indicator-values?indicator=IU03&page=${page}&pageSize=2`).expect(200)));
    expect(pages.flatMap((page) => page.body.items)).toEqual(all.body.items);
    expect(pages[0].body).toMatchObject({ page: 1, pageSize: 2, total: 5 });

    const ranged = await coordinator.api.get('/api/v1/indicator-values?orgUnit=H-KS&from=2025&to=2025-Q1').expect(200);
    expect(ranged.body.items.map((v: { period: string }) => v.period)).toEqual(['2025-Q1', '2025-03']);

    const bad = await coordinator.api.get('/api/v1/indicator-values?period=våren').expect(400);
    expect(bad.body.errors).toEqual([{ path: 'period', message: expect.stringContaining('”våren” är ingen giltig period') }]);
    await coordinator.api.get('/api/v1/indicator-values?orgUnit=XX').expect(404);
  });

  it('exports CSV for Excel without echoing =, +, - or @ cells unescaped, and the export reads back in', async () => {
    const response = await coordinator.api.get('/api/v1/indicator-values/export?indicator=IU03').expect(200);
    expect(response.headers['content-type']).toContain('text/csv');
    expect(response.text.startsWith('\ufeff')).toBe(true);

    const rows: string[][] = parse(response.text, { delimiter: ';', bom: true, relax_column_count: false });
    const [header, ...data] = rows;
    expect(header).toEqual(['indikator', 'indikatornamn', 'enhet', 'enhetsnamn', 'period', 'uppdelning', 'värde', 'täljare', 'nämnare', 'status', 'beräknad', 'kommentar']);
    for (const cell of data.flat()) expect(cell).not.toMatch(/^[=+\-@]/);
    expect(data.map((row) => row[11])).toContain('\'=HYPERLINK("http://example.test")');
    expect(data.map((row) => row[11])).toContain("'@SUM(A1)");
    expect(data.find((row) => row[4] === '2025-Q2' && row[2] === 'H-NU')![6]).toBe('5,7');
    expect(new Set(data.map((row) => row[9]))).toEqual(new Set(['slutlig']));

    // Round trip: every row reads back; only cells that had to be escaped come back with their quote mark (two
    // notes differ, and the breakdown `-kvinnor` returns as the new breakdown `'-kvinnor`).
    const again = await upload(coordinator.api, response.text, 'export.csv').expect(201);
    expect(again.body).toMatchObject({ rejectedCount: 0, unchangedCount: 2, updateCount: 2, insertCount: 1 });
  });

  it('lets a delregion coordinator read values and comparisons but not import', async () => {
    await delregion.api.get('/api/v1/indicator-values?indicator=IU03').expect(200);
    await delregion.api.get('/api/v1/indicators/IU03/comparison?period=2025-Q2').expect(200);
    const refused = await upload(delregion.api, 'indikator;enhet;period;värde\nIU03;H-KS;2023;1', 'x.csv').expect(403);
    expect(refused.body.code).toBe('access.forbidden');
    await delregion.api.get('/api/v1/indicator-imports').expect(403);
    await delregion.api.patch('/api/v1/indicators/IU03').send({ version: 1, target: 5 }).expect(403);
  });

  it('audits a catalogue edit with before and after, keeps it from the reference loader, and refuses a stale version', async () => {
    const current = await coordinator.api.get('/api/v1/indicators/RL01').expect(200);
    const edited = await coordinator.api.patch('/api/v1/indicators/RL01').send({ version: current.body.version, target: 85, note: 'Nytt mål 2026' }).expect(200);
    expect(edited.body).toMatchObject({ target: 85, version: current.body.version + 1 });

    const audit = await t.dataSource.getRepository(AuditEvent).findOneByOrFail({ action: 'indicator.updated' });
    expect(audit.before).toEqual({ target: 80, note: 'national goal: at least 80 %' });
    expect(audit.after).toEqual({ target: 85, note: 'Nytt mål 2026' });

    expect(await t.app.get(IndicatorReferenceLoader).load(t.systemContext())).toMatchObject({ customized: 1 });
    expect(await t.dataSource.getRepository(Indicator).findOneByOrFail({ code: 'RL01' })).toMatchObject({ target: 85 });

    const stale = await coordinator.api.patch('/api/v1/indicators/RL01').send({ version: current.body.version, target: 90 }).expect(409);
    expect(stale.body).toMatchObject({ code: 'indicator.version_conflict', current: { code: 'RL01', target: 85, version: current.body.version + 1 } });
  });

  it('refuses null for a catalogue field that must have a value (name, group, active …) with 400 and changes nothing', async () => {
    const before = (await coordinator.api.post('/api/v1/indicators').send({
      code: 'NV01', name: 'Nollvärden', group: 'background', kind: 'quantity', direction: 'none', unit: 'count', source: 'VGR', note: 'en anteckning',
    }).expect(201)).body;
    for (const field of ['name', 'group', 'kind', 'direction', 'unit', 'source', 'active']) {
      const refused = await coordinator.api.patch('/api/v1/indicators/NV01').send({ version: before.version, [field]: null });
      expect([field, refused.status, [...new Set(refused.body.errors?.map((error: { path: string }) => error.path))]]).toEqual([field, 400, [field]]);
    }
    expect((await coordinator.api.get('/api/v1/indicators/NV01').expect(200)).body).toEqual(before);
  });

  it('creates and removes an indicator; one with values cannot be removed', async () => {
    const created = await coordinator.api.post('/api/v1/indicators').send({
      code: 'MH02', name: 'Ny munhälsoindikator', group: 'governing_document', area: 'oral_health', kind: 'quality',
      direction: 'higher', unit: 'percent', source: 'VGR',
    }).expect(201);
    expect(created.body).toMatchObject({ code: 'MH02', version: 1, active: true });
    await coordinator.api.post('/api/v1/indicators').send({ ...created.body, id: undefined }).expect(400);
    const duplicate = await coordinator.api.post('/api/v1/indicators').send({
      code: 'MH02', name: 'Igen', group: 'governing_document', kind: 'quality', direction: 'higher', unit: 'percent', source: 'VGR',
    }).expect(409);
    expect(duplicate.body.code).toBe('indicator.code_taken');

    await coordinator.api.delete('/api/v1/indicators/MH02').expect(204);
    const withValues = await coordinator.api.delete('/api/v1/indicators/IU03').expect(409);
    expect(withValues.body.code).toBe('indicator.has_values');
  });
});
