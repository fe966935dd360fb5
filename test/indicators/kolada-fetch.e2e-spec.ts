import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Role } from '@arshjulet/core';
import { IndicatorValue } from '@arshjulet/indicators';
import { createTestApp, TestApp, TestUser } from '../support/test-app.js';
import { upload } from './indicator-fixtures.js';

const NBSP = '\u00a0';

/** Two pages as Kolada's /v2/data answers them; only this local server is ever asked. */
function koladaPages(base: string) {
  return {
    '/v2/data/kpi/U00406/year/2022,2023': {
      count: 2,
      values: [
        { kpi: 'U00406', municipality: '0014', period: 2023, values: [
          { gender: 'T', value: 2832, count: 1, status: '' },
          { gender: 'K', value: 3010, count: 1, status: '' },
        ] },
        { kpi: 'U00406', municipality: '0000', period: 2023, values: [{ gender: 'T', value: 3421, count: 1, status: '' }] },
      ],
      next_page: `${base}/v2/data/kpi/U00406/year/2022,2023?page=2`,
    },
    '/v2/data/kpi/U00406/year/2022,2023?page=2': {
      count: 2,
      values: [
        { kpi: 'U00406', municipality: '0014', period: 2022, values: [{ gender: 'T', value: 2901, count: 1, status: 'Reviderad' }] },
        { kpi: 'U00406', municipality: '1486', period: 2023, values: [{ gender: 'T', value: null, count: 0, status: 'Saknas' }] },
      ],
    },
  } as Record<string, unknown>;
}

describe('Kolada: the fetcher against a local fake server, and Kolada JSON uploads', () => {
  let server: Server;
  let t: TestApp;
  let coordinator: TestUser;
  const asked: string[] = [];
  beforeAll(async () => {
    server = createServer((request, response) => {
      asked.push(request.url ?? '');
      const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
      const page = koladaPages(base)[request.url ?? ''];
      response.writeHead(page ? 200 : 404, { 'content-type': 'application/json' }).end(JSON.stringify(page ?? { error: 'not found' }));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    t = await createTestApp({ KOLADA_BASE_URL: `http://127.0.0.1:${(server.address() as AddressInfo).port}` });
    coordinator = await t.userWith(Role.CountyCoordinator);
    const hf01 = await coordinator.api.get('/api/v1/indicators/HF01').expect(200);
    await coordinator.api.patch('/api/v1/indicators/HF01').send({ version: hf01.body.version, koladaKpiId: 'U00406' }).expect(200);
  });
  afterAll(async () => {
    await t.close();
    await new Promise((resolve) => server.close(resolve));
  });

  it('fetches every page into a preview, commits it, and compares the county with the nation in Swedish', async () => {
    asked.length = 0; // only this test's requests: the others ask the same server in any order
    const preview = await coordinator.api.post('/api/v1/indicator-imports/kolada').send({ indicator: 'HF01', years: [2022, 2023] }).expect(201);

    expect(asked).toEqual(['/v2/data/kpi/U00406/year/2022,2023', '/v2/data/kpi/U00406/year/2022,2023?page=2']);
    expect(preview.body).toMatchObject({ format: 'kolada', rowCount: 4, insertCount: 4, rejectedCount: 0, indicator: 'HF01' });
    expect(preview.body.fileName).toMatch(/\/v2\/data\/kpi\/U00406\/year\/2022,2023$/);
    await coordinator.api.post(`/api/v1/indicator-imports/${preview.body.id}/commit`).expect(200);

    const women = await coordinator.api.get('/api/v1/indicator-values?indicator=HF01&orgUnit=14&period=2023&breakdown=gender:female').expect(200);
    expect(women.body.items).toEqual([expect.objectContaining({ value: 3010, breakdown: 'gender:female' })]);

    const comparison = await coordinator.api.get('/api/v1/indicators/HF01/comparison').expect(200);
    expect(comparison.body).toMatchObject({
      period: '2023',
      county: { code: '14', value: 2832, formatted: `2${NBSP}832` },
      nation: { code: 'SE', value: 3421 },
      versusNation: { position: 'below', assessment: 'better' },
      change: { previousPeriod: '2022', previous: 2901, current: 2832, trend: 'decreased', assessment: 'better' },
    });
    expect(comparison.body.versusNation.sentence).toBe(
      `Västra Götaland rapporterade 2${NBSP}832 fallskador per 100 000 invånare 65 år och äldre (2023), jämfört med rikets 3${NBSP}421.`,
    );
  });

  it('reports an unreachable Kolada clearly and writes nothing', async () => {
    const before = await t.dataSource.getRepository(IndicatorValue).count();
    const response = await coordinator.api.post('/api/v1/indicator-imports/kolada').send({ indicator: 'HF01', years: [2019] }).expect(502);
    expect(response.body).toMatchObject({ code: 'indicator_import.kolada_unavailable', detail: 'Kolada kunde inte nås: svaret var HTTP 404.' });
    expect(await t.dataSource.getRepository(IndicatorValue).count()).toBe(before);
  });

  it('imports an uploaded Kolada answer through the same pipeline', async () => {
    const answer = { values: [{ kpi: 'U00406', municipality: '1486', period: 2024, values: [{ gender: 'T', value: 2500, count: 1, status: '' }] }] };
    const preview = await upload(coordinator.api, JSON.stringify(answer), 'kolada.json').expect(201);
    expect(preview.body).toMatchObject({ format: 'kolada', insertCount: 1, rejectedCount: 0 });
  });
});
