import { randomBytes } from 'node:crypto';
import { Role } from '@arshjulet/core';
import { createTestApp, type SignedInUser, type TestApp, type TestUser } from '../support/test-app.js';
import { importFile } from './indicator-fixtures.js';
import { recordStatements } from '../support/statement-recorder.js';

/**
 * What the indicator reads cost in SQL, counted on the app's own pool (as identification-cost does): each endpoint
 * is one statement besides identifying the caller, and nothing is cached that an edit or an import could leave stale.
 */
describe('indicator reads: one statement each, never stale', () => {
  let t: TestApp;
  let statementsOf: (send: () => PromiseLike<unknown>) => Promise<string[]>;
  let coordinator: SignedInUser;

  beforeAll(async () => {
    t = await createTestApp();
    statementsOf = recordStatements(t);
    coordinator = await t.signedIn(Role.CountyCoordinator);
  });
  afterAll(async () => {
    await t.close();
  });

  /** The statements a token's request runs beyond identifying it (the token's use already recorded). */
  async function ownStatements(user: TestUser, path: string): Promise<string[]> {
    const identification = await statementsOf(() => user.api.get('/health').expect(200));
    const served = await statementsOf(() => user.api.get(path).expect(200));
    return served.slice(identification.length);
  }

  /** An indicator of its own with rolling-12 figures for the county and two municipalities. */
  async function rollingIndicator(importer: TestUser): Promise<string> {
    const code = `RC${randomBytes(4).toString('hex').toUpperCase()}`;
    await importer.api.post('/api/v1/indicators')
      .send({ code, name: 'Antal testbesök', group: 'background', kind: 'quantity', direction: 'higher', unit: 'count', source: 'Test' })
      .expect(201);
    const lines = ['indikator;enhet;period;värde'];
    const periods: Array<[string, number]> = [['R12-2024-09', 100], ['R12-2025-06', 110], ['R12-2025-07', 115], ['R12-2025-08', 118], ['R12-2025-09', 120]];
    for (const [period, county] of periods) {
      lines.push(`${code};14;${period};${county}`, `${code};1444;${period};${county - 40}`, `${code};1445;${period};${county + 30}`);
    }
    await importFile(importer.api, lines.join('\n'), `${code}.csv`);
    return code;
  }

  it('lists values in one statement, the total included, also filtered by indicator code', async () => {
    const importer = await t.userWith(Role.CountyCoordinator);
    const code = await rollingIndicator(importer);
    await importer.api.get('/health').expect(200); // the token's first use is recorded once; not part of a read

    const all = await ownStatements(importer, '/api/v1/indicator-values?pageSize=5');
    expect(all).toHaveLength(1);
    const filtered = await ownStatements(importer, `/api/v1/indicator-values?indicator=${code}&orgUnit=14`);
    expect(filtered).toHaveLength(1);
    const page = await importer.api.get(`/api/v1/indicator-values?indicator=${code}&orgUnit=14&pageSize=2`).expect(200);
    expect(page.body).toMatchObject({ total: 5, totalExact: true, hasMore: true });
    expect(page.body.items.map((item: { period: string }) => item.period)).toEqual(['R12-2024-09', 'R12-2025-06']);
    // The last page says so, also when it is exactly full.
    expect((await importer.api.get(`/api/v1/indicator-values?indicator=${code}&orgUnit=14&page=3&pageSize=2`).expect(200)).body)
      .toMatchObject({ total: 5, hasMore: false, items: [{ period: 'R12-2025-09' }] });
    expect((await importer.api.get(`/api/v1/indicator-values?indicator=${code}&orgUnit=14&pageSize=5`).expect(200)).body)
      .toMatchObject({ total: 5, hasMore: false });
    // Past the end the page is empty and the total still right; an unknown code is still 404.
    expect((await importer.api.get(`/api/v1/indicator-values?indicator=${code}&page=9&pageSize=2`).expect(200)).body)
      .toMatchObject({ items: [], total: 15, totalExact: true, hasMore: false });
    await importer.api.get('/api/v1/indicator-values?indicator=NOPE99').expect(404);
    await importer.api.get('/api/v1/indicator-values?orgUnit=NOPE99').expect(404);
  });

  it('counts at most 10 000 matches: beyond that the total is a lower bound, and hasMore still tells the last page', async () => {
    const importer = await t.userWith(Role.CountyCoordinator);
    const code = `CAP${randomBytes(4).toString('hex').toUpperCase()}`;
    await importer.api.post('/api/v1/indicators')
      .send({ code, name: 'Många värden', group: 'background', kind: 'quantity', direction: 'higher', unit: 'count', source: 'Test' })
      .expect(201);
    // 49 municipalities × 205 months (2000-01 to 2017-01) = 10 045 figures, past the cap.
    await t.dataSource.query(
      `INSERT INTO indicator_value (indicator_id, org_unit_id, period, period_kind, period_start, period_end, value)
       SELECT i.id, o.id, to_char(p, 'YYYY-MM'), 'month', p::date, (p + interval '1 month' - interval '1 day')::date, 1
         FROM indicator i CROSS JOIN org_unit o CROSS JOIN generate_series('2000-01-01'::date, '2017-01-01', interval '1 month') p
        WHERE i.code = $1 AND o.type = 'municipality'`,
      [code],
    );
    const [{ n }] = await t.dataSource.query('SELECT count(*)::int AS n FROM indicator_value WHERE indicator_id = (SELECT id FROM indicator WHERE code = $1)', [code]);
    expect(n).toBeGreaterThan(10_000);

    const first = (await importer.api.get(`/api/v1/indicator-values?indicator=${code}&pageSize=1000`).expect(200)).body;
    expect(first).toMatchObject({ total: 10_000, totalExact: false, hasMore: true });
    expect(first.items).toHaveLength(1000);
    const lastPage = Math.ceil(n / 1000);
    const last = (await importer.api.get(`/api/v1/indicator-values?indicator=${code}&pageSize=1000&page=${lastPage}`).expect(200)).body;
    expect(last).toMatchObject({ total: 10_000, totalExact: false, hasMore: false });
    expect(last.items).toHaveLength(n - (lastPage - 1) * 1000);
    expect((await importer.api.get(`/api/v1/indicator-values?indicator=${code}&pageSize=1000&page=${lastPage + 1}`).expect(200)).body)
      .toMatchObject({ items: [], total: 10_000, totalExact: false, hasMore: false });
    // A filter under the cap is exact again.
    expect((await importer.api.get(`/api/v1/indicator-values?indicator=${code}&orgUnit=1480`).expect(200)).body)
      .toMatchObject({ total: 205, totalExact: true });
  });

  it('compares in one statement, the previous rolling 12 months included', async () => {
    const importer = await t.userWith(Role.CountyCoordinator);
    const code = await rollingIndicator(importer);
    await importer.api.get('/health').expect(200);

    expect(await ownStatements(importer, `/api/v1/indicators/${code}/comparison`)).toHaveLength(1);
    const latest = (await importer.api.get(`/api/v1/indicators/${code}/comparison`).expect(200)).body;
    expect(latest).toMatchObject({ period: 'R12-2025-09', county: { value: 120 }, change: { previousPeriod: 'R12-2024-09', previous: 100, current: 120 } });
    expect(latest.spread).toMatchObject({ among: 'municipality', count: 2 });

    expect(await ownStatements(importer, `/api/v1/indicators/${code}/comparison?period=R12-2025-08`)).toHaveLength(1);
    const chosen = (await importer.api.get(`/api/v1/indicators/${code}/comparison?period=R12-2025-08`).expect(200)).body;
    expect(chosen).toMatchObject({ period: 'R12-2025-08', county: { value: 118 }, change: null });
    await importer.api.get('/api/v1/indicators/NOPE99/comparison').expect(404);
  });

  it('builds the indicator page from one statement besides the menu bell', async () => {
    const code = await rollingIndicator(await t.userWith(Role.CountyCoordinator));
    await coordinator.browser.get('/konto').expect(200);
    const identification = await statementsOf(() => coordinator.browser.get('/health').expect(200));
    const page = await statementsOf(() => coordinator.browser.get(`/indikatorer/${code}`).expect(200));
    // Identification, the bell's unread count, and the page's own statement.
    expect(page.length - identification.length).toBe(2);
    expect(page.filter((sql) => /\bindicator_value\b/.test(sql))).toHaveLength(1);

    const html = (await coordinator.browser.get(`/indikatorer/${code}`).expect(200)).text;
    expect(html).toContain('Jämförelse R12 t.o.m. sep 2025');
    expect(html).toContain('<caption>Värden per enhet, R12 t.o.m. jun 2025–R12 t.o.m. sep 2025</caption>');
  });

  it('shows a catalogue edit and a committed import on the very next read', async () => {
    const importer = await t.userWith(Role.CountyCoordinator);
    const code = await rollingIndicator(importer);
    expect((await importer.api.get(`/api/v1/indicators/${code}/comparison`).expect(200)).body.indicatorName).toBe('Antal testbesök');
    expect((await coordinator.browser.get(`/indikatorer/${code}`).expect(200)).text).toContain('Antal testbesök');

    const { version } = (await importer.api.get(`/api/v1/indicators/${code}`).expect(200)).body;
    await importer.api.patch(`/api/v1/indicators/${code}`).send({ name: 'Antal omdöpta besök', version }).expect(200);
    expect((await importer.api.get(`/api/v1/indicators/${code}/comparison`).expect(200)).body.indicatorName).toBe('Antal omdöpta besök');
    expect((await coordinator.browser.get(`/indikatorer/${code}`).expect(200)).text).toContain('Antal omdöpta besök');

    await importFile(importer.api, `indikator;enhet;period;värde\n${code};14;R12-2025-10;130\n${code};14;R12-2024-10;104`, 'ny.csv');
    const next = (await importer.api.get(`/api/v1/indicators/${code}/comparison`).expect(200)).body;
    expect(next).toMatchObject({ period: 'R12-2025-10', county: { value: 130 }, change: { previous: 104 } });
    expect((await importer.api.get(`/api/v1/indicator-values?indicator=${code}&orgUnit=14`).expect(200)).body.total).toBe(7);
  });

  it('still answers 503, not 500, when a prepared read runs past the statement timeout', async () => {
    const slow = await createTestApp({ DB_STATEMENT_TIMEOUT_SECONDS: '0.3' });
    const locker = slow.dataSource.createQueryRunner();
    try {
      const reader = await slow.userWith(Role.CountyCoordinator);
      await reader.api.get('/api/v1/indicators/IU03/comparison').expect(404); // no figures yet: the read itself works
      await locker.connect();
      await locker.startTransaction();
      await locker.query('LOCK TABLE indicator_value IN ACCESS EXCLUSIVE MODE');
      for (const path of ['/api/v1/indicators/IU03/comparison', '/api/v1/indicator-values']) {
        const answer = await reader.api.get(path).expect(503);
        expect(answer.headers['content-type']).toContain('application/problem+json');
      }
    } finally {
      if (locker.isTransactionActive) await locker.rollbackTransaction();
      await locker.release();
      await slow.close();
    }
  });
});
