import { CliHarness, openCliHarness } from '../support/cli-harness.js';

/** `npm run cli -- demo:seed`, run in this process against a fresh test database. */
describe('demo data: npm run cli -- demo:seed', () => {
  let harness: CliHarness;
  const demoSeed = async (): Promise<string[]> => (await harness.run(['demo:seed'])).out.split('\n');

  beforeAll(async () => {
    harness = await openCliHarness();
  });
  afterAll(async () => {
    await harness.close();
  });

  const value = async (indicator: string, unit: string, period: string) =>
    (await harness.client.query(
      `SELECT v.value::float AS value FROM indicator_value v JOIN indicator i ON i.id = v.indicator_id JOIN org_unit o ON o.id = v.org_unit_id
        WHERE i.code = $1 AND o.name = $2 AND v.period = $3 AND v.breakdown = ''`,
      [indicator, unit, period],
    )).rows[0]?.value;

  it('imports the seed documents\' figures through the import pipeline as the system user, and changes nothing the second time', async () => {
    // The figures come first; the demo cycle's lines after them are test/cycle/cycle-cli.e2e-spec.ts's to check.
    const first = await demoSeed();
    expect(first.slice(0, 2)).toEqual([
      'arsredovisning-2024-urval.csv: importerad (12 nya, 0 ändrade värden).',
      'iu03-sjukhus-per-kvartal-2025.csv: importerad (28 nya, 0 ändrade värden).',
    ]);
    expect(first[2]).toMatch(/^Demo-årshjul \d{4} skapat/);
    expect(await value('HF01', 'Västra Götaland', '2023')).toBe(2832);
    expect(await value('HF01', 'Riket', '2023')).toBe(3421);
    expect(await value('SO02', 'Strömstad', '2024')).toBe(28);
    expect(await value('PC01', 'Västra Götaland', '2024')).toBe(62.6);
    expect(await value('IU03', 'Kungälvs sjukhus', '2025-Q2')).toBe(15);
    const batches = (await harness.client.query(`SELECT status, created_by_label FROM import_batch ORDER BY created_at`)).rows;
    expect(batches).toEqual([
      { status: 'committed', created_by_label: 'demo@arshjulet.local' },
      { status: 'committed', created_by_label: 'demo@arshjulet.local' },
    ]);
    const count = async () => (await harness.client.query('SELECT count(*)::int AS n, max(version) AS v FROM indicator_value')).rows[0];
    const before = await count();

    expect((await demoSeed()).slice(0, 2)).toEqual([
      'arsredovisning-2024-urval.csv: oförändrad (alla 12 värden fanns redan).',
      'iu03-sjukhus-per-kvartal-2025.csv: oförändrad (alla 28 värden fanns redan).',
    ]);
    expect(await count()).toEqual(before);
    expect((await harness.client.query(`SELECT count(*)::int AS n FROM indicator_value_history`)).rows[0].n).toBe(0);
  }, 60_000);
});
