import { CliHarness, openCliHarness } from '../support/cli-harness.js';

/** `demo:reset`: the demo cycle removed and made again, with its two analyses partly filled in from seed 002. */
describe('CLI: demo:reset', () => {
  let harness: CliHarness;
  const cli = (args: string[]) => harness.run(args);
  const one = async <T>(sql: string, params: unknown[] = []): Promise<T> => (await harness.client.query(sql, params)).rows[0] as T;
  const rows = async <T>(sql: string, params: unknown[] = []): Promise<T[]> => (await harness.client.query(sql, params)).rows as T[];

  beforeAll(async () => {
    harness = await openCliHarness();
  });
  afterAll(async () => {
    await harness.close();
  });

  /** The demo cycle of 2041 as the database holds it: its tasks by delregion with their drafts. */
  async function demoYear() {
    const cycle = await one<{ id: string; name: string; status: string }>('SELECT id, name, status FROM cycle WHERE year = 2041');
    const tasks = await rows<{ code: string; status: string; overdue: boolean; answers: Record<string, unknown> | null; completeness: number | null }>(
      `SELECT o.code, t.status, t.due_date < DATE '2041-11-30' AS overdue, d.answers, d.completeness::float AS completeness
         FROM analysis_task t JOIN org_unit o ON o.id = t.delregion_id LEFT JOIN analysis_draft d ON d.task_id = t.id
        WHERE t.cycle_id = $1 ORDER BY o.code`,
      [cycle.id],
    );
    return { cycle, tasks };
  }

  it('refuses outside development without --force, and touches nothing', async () => {
    await expect(cli(['demo:reset', '--today', '2045-11-30'])).rejects.toThrow('körs bara i utveckling');
    expect((await one<{ n: number }>('SELECT count(*)::int AS n FROM cycle WHERE year = 2045')).n).toBe(0);
  });

  it('makes the demo cycle again with two analyses partly filled in from seed 002; a second reset gives the same year', async () => {
    const first = await cli(['demo:reset', '--today', '2041-11-30', '--force']);
    expect(first.out).toContain('Demo-årshjul 2041 skapat');
    expect(first.out).toContain('två delvis ifyllda ur seed 002');
    const before = await demoYear();
    expect(before.cycle).toMatchObject({ name: 'Årshjulet 2041 (demo)', status: 'review' });
    expect(before.tasks).toHaveLength(6);

    const partly = before.tasks.filter((task) => task.code === 'DR-SKB' || task.code === 'DR-SÄ');
    expect(partly.map((task) => task.status)).toEqual(['in_progress', 'in_progress']);
    for (const task of partly) {
      expect(task.completeness).toBeGreaterThan(0);
      expect(task.completeness).toBeLessThan(1);
    }
    const skaraborg = partly.find((task) => task.code === 'DR-SKB')!;
    expect(skaraborg.answers?.successes).toContain('webbutbildning om SIP-processen i Skaraborg');
    expect(skaraborg.answers).not.toHaveProperty('deviations_analysis');
    expect(partly.find((task) => task.code === 'DR-SÄ')!.answers?.successes).toContain('Närvårdskontorets arbetssätt');

    // A coordinator's change to the demo is undone by the next reset.
    await harness.client.query(`UPDATE analysis_draft SET answers = '{}'::jsonb WHERE task_id IN (SELECT id FROM analysis_task WHERE cycle_id = $1)`, [before.cycle.id]);
    const second = await cli(['demo:reset', '--today', '2041-11-30', '--force']);
    expect(second.out).toContain('Demo-årshjul 2041 borttaget');
    expect(second.out).toContain('Demo-årshjul 2041 skapat');
    const after = await demoYear();
    expect(after.cycle.id).not.toBe(before.cycle.id);
    expect(after.tasks).toEqual(before.tasks);
    expect((await one<{ n: number }>('SELECT count(*)::int AS n FROM cycle WHERE year = 2041')).n).toBe(1);
    expect((await one<{ n: number }>('SELECT count(*)::int AS n FROM analysis_task t LEFT JOIN cycle c ON c.id = t.cycle_id WHERE c.id IS NULL')).n).toBe(0);
  }, 240_000);

  it('leaves a year that is not the demo\'s alone', async () => {
    await cli(['cycle:create', '--year', '2043']);
    await expect(cli(['demo:reset', '--today', '2043-11-30', '--force'])).rejects.toThrow('är inte demo-årshjulet');
    expect((await one<{ status: string }>('SELECT status FROM cycle WHERE year = 2043')).status).toBe('draft');
  }, 120_000);
});
