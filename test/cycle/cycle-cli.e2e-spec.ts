import { CliHarness, openCliHarness } from '../support/cli-harness.js';

/** `cycle:create`, `cycle:launch` and the demo cycle of `demo:seed`, run the way `npm run cli -- …` runs them. */
describe('CLI: cycles and the demo cycle', () => {
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

  it('cycle:create makes a draft with the default wheel and warns about a holiday; cycle:launch says what it did', async () => {
    const created = await cli(['cycle:create', '--year', '2051', '--focus', 'avvikelser, läkemedel', '--data-periods', '2023']);
    expect(created.out).toContain('Skapade Årshjulet 2051 (utkast), uppföljning av 2023');
    expect(created.out).toMatch(/Plan\s+2051-04-01 – 2051-04-30/);
    expect(created.out).toMatch(/Act\s+2051-12-01 – 2052-03-31/);
    expect(created.out).toContain('Sista dag för analyserna: 2051-09-30');
    expect(created.out).toContain('Varning (doStart): 2051-05-01 är första maj.');
    const cycle = await one<{ status: string; focus_areas: string[] }>('SELECT status, focus_areas FROM cycle WHERE year = 2051');
    expect(cycle).toEqual({ status: 'draft', focus_areas: ['avvikelser', 'läkemedel'] });

    const delregions = (await one<{ n: number }>(`SELECT count(*)::int AS n FROM org_unit WHERE type = 'delregion' AND active`)).n;
    const launched = await cli(['cycle:launch', '--year', '2051']);
    expect(launched.out).toContain('Årshjulet 2051: från utkast till planering.');
    expect(launched.out).toContain(`${delregions} delregioner fick en analysuppgift med sista dag 2051-09-30.`);
    const frozen = (await one<{ n: number }>('SELECT count(*)::int AS n FROM cycle_compilation_value v JOIN cycle c ON c.id = v.cycle_id WHERE c.year = 2051')).n;
    expect(launched.out).toMatch(new RegExp(`${frozen} värden frysta i länssammanställningen`));
    expect((await one<{ status: string }>('SELECT status FROM cycle WHERE year = 2051')).status).toBe('analysis');
    expect((await one<{ n: number }>('SELECT count(*)::int AS n FROM analysis_task t JOIN cycle c ON c.id = t.cycle_id WHERE c.year = 2051')).n).toBe(delregions);

    await expect(cli(['cycle:launch', '--year', '2051'])).rejects.toThrow(/Årshjulet 2051 startades redan \d{4}-\d{2}-\d{2}; inget ändrat\./);
    expect((await one<{ n: number }>('SELECT count(*)::int AS n FROM analysis_task t JOIN cycle c ON c.id = t.cycle_id WHERE c.year = 2051')).n).toBe(delregions);
  }, 120_000);

  it('refuses a bad year, a due date outside Do and a second cycle for a year, creating nothing', async () => {
    await expect(cli(['cycle:create', '--year', 'snart'])).rejects.toThrow('--year ska vara ett år som 2026');
    await expect(cli(['cycle:create', '--year', '2052', '--due', '2052-12-24'])).rejects.toMatchObject({
      errors: [expect.objectContaining({ path: 'analysisDueDate' })],
    });
    expect((await one<{ n: number }>('SELECT count(*)::int AS n FROM cycle WHERE year = 2052')).n).toBe(0);
    await cli(['cycle:create', '--year', '2053', '--due', '2053-06-12']);
    await expect(cli(['cycle:create', '--year', '2053'])).rejects.toMatchObject({ detail: 'Det finns redan ett årshjul för 2053.' });
    await expect(cli(['cycle:launch', '--year', '2054'])).rejects.toMatchObject({ detail: 'Årshjulet finns inte.' });
  }, 120_000);

  it('demo:seed on 2026-11-30 makes the 2026 cycle in Study (review) with six mixed tasks and demo users; a second run changes nothing', async () => {
    // Its own database: the demo users are printed only when made, and another test's demo:seed may have made them.
    const own = await openCliHarness();
    const cli = (args: string[]) => own.run(args);
    const one = async <T>(sql: string, params: unknown[] = []): Promise<T> => (await own.client.query(sql, params)).rows[0] as T;
    const rows = async <T>(sql: string, params: unknown[] = []): Promise<T[]> => (await own.client.query(sql, params)).rows as T[];
    try {
      const first = await cli(['demo:seed', '--today', '2026-11-30']);
      expect(first.out).toContain('Demo-årshjul 2026 skapat, i läget ”Sammanställning och granskning”');

      const cycle = await one<{ id: string; status: string; launched: boolean }>('SELECT id, status, launched_at IS NOT NULL AS launched FROM cycle WHERE year = 2026');
      expect(cycle.status).toBe('review');
      expect(cycle.launched).toBe(true);
      const tasks = await rows<{ status: string; overdue: boolean }>(
        `SELECT status, status IN ('not_started', 'in_progress', 'returned') AND due_date < DATE '2026-11-30' AS overdue FROM analysis_task WHERE cycle_id = $1`,
        [cycle.id],
      );
      expect(tasks).toHaveLength(6);
      const statuses = tasks.map((t) => t.status).sort();
      expect(statuses).toEqual(['accepted', 'accepted', 'in_progress', 'in_progress', 'returned', 'submitted']);
      expect(tasks.filter((t) => t.overdue)).toEqual([{ status: 'in_progress', overdue: true }]);
      const returned = await one<{ comment: string }>(`SELECT return_comment AS comment FROM analysis_task WHERE cycle_id = $1 AND status = 'returned'`, [cycle.id]);
      expect(returned.comment).toMatch(/Komplettera/);

      const users = await rows<{ email: string; role: string; org: string | null }>(
        `SELECT u.email, ra.role, o.code AS org FROM app_user u JOIN role_assignment ra ON ra.user_id = u.id LEFT JOIN org_unit o ON o.id = ra.org_unit_id
         WHERE u.email LIKE '%.demo@arshjulet.local' ORDER BY ra.role`,
      );
      expect(users.map((u) => u.role)).toEqual(['admin', 'county_coordinator', 'delregion_coordinator', 'viewer', 'vvg_reviewer']);
      expect(users.find((u) => u.role === 'delregion_coordinator')?.org).toBe('DR-SKB');

      // Printed once with the documented password and, per user, a one-time link to choose an own password (24 h).
      expect(first.out).toContain('Logga in på /logga-in med lösenordet arshjulet-demo-2026, eller välj ett eget med användarens engångslänk');
      const printed = [...first.out.matchAll(/^ {2}(\S+@arshjulet\.local) – .+\n {4}(http:\/\/\S+\/aterstall\/([\w-]{43}))$/gm)];
      expect(printed.map((m) => m[1]).sort()).toEqual(users.map((u) => u.email).sort());
      for (const [, email, , token] of printed) {
        const link = await one<{ purpose: string; used: boolean; hours: number } | undefined>(
          `SELECT t.purpose, t.used_at IS NOT NULL AS used, round(extract(epoch FROM t.expires_at - t.created_at) / 3600)::int AS hours
             FROM password_reset_token t JOIN app_user u ON u.id = t.user_id WHERE u.email = $1 AND t.token_hash = encode(sha256(convert_to($2, 'UTF8')), 'hex')`,
          [email, token],
        );
        expect(link).toEqual({ purpose: 'invitation', used: false, hours: 24 });
      }

      const snapshot = async () =>
        one<{ cycles: number; tasks: number; users: number; audit: number; outbox: number; values: number }>(
          `SELECT (SELECT count(*)::int FROM cycle) AS cycles, (SELECT count(*)::int FROM analysis_task) AS tasks,
             (SELECT count(*)::int FROM app_user) AS users, (SELECT count(*)::int FROM audit_event WHERE entity_type <> 'import_batch') AS audit,
             (SELECT count(*)::int FROM outbox_message) AS outbox, (SELECT count(*)::int FROM indicator_value) AS values`,
        );
      // The figures' importer audits its (discarded, all-unchanged) preview of each file on every run; nothing else moves.
      const before = await snapshot();
      const second = await cli(['demo:seed', '--today', '2026-11-30']);
      expect(second.out).toContain('Demo-årshjul 2026 fanns redan');
      expect(await snapshot()).toEqual(before);
    } finally {
      await own.close();
    }
  }, 180_000);

  it('demo:seed puts the cycle in the phase of the date it is told: Do (analysis) in June, Act (decision) of last year in February', async () => {
    await cli(['demo:seed', '--today', '2031-06-15']);
    const june = await one<{ id: string; status: string }>('SELECT id, status FROM cycle WHERE year = 2031');
    expect(june.status).toBe('analysis');
    const overdue = await rows<{ status: string }>(`SELECT status FROM analysis_task WHERE cycle_id = $1 AND due_date < DATE '2031-06-15' AND status <> 'accepted' AND status <> 'submitted'`, [june.id]);
    expect(overdue).toEqual([{ status: 'in_progress' }]);

    const february = await cli(['demo:seed', '--today', '2034-02-10']);
    expect(february.out).toContain('Demo-årshjul 2033 skapat');
    expect((await one<{ status: string }>('SELECT status FROM cycle WHERE year = 2033')).status).toBe('decision');
    await expect(cli(['demo:seed', '--today', '2034-02-30'])).rejects.toThrow('--today ska vara ett datum');
  }, 180_000);

  it('the database refuses a task, a frozen value or a calendar token pointing at nothing (foreign keys)', async () => {
    const ghost = '00000000-0000-4000-8000-000000000000';
    const delregion = (await one<{ id: string }>(`SELECT id FROM org_unit WHERE type = 'delregion' LIMIT 1`)).id;
    await expect(harness.client.query(`INSERT INTO analysis_task (cycle_id, delregion_id, due_date, version) VALUES ($1, $2, '2055-09-30', 1)`, [ghost, delregion])).rejects.toMatchObject({
      code: '23503', constraint: 'fk_analysis_task_cycle_id',
    });
    await expect(harness.client.query(`INSERT INTO calendar_token (user_id, token_hash) VALUES ($1, 'x')`, [ghost])).rejects.toMatchObject({
      code: '23503', constraint: 'fk_calendar_token_user_id',
    });
    await cli(['cycle:create', '--year', '2055']);
    const cycle = (await one<{ id: string }>('SELECT id FROM cycle WHERE year = 2055')).id;
    await expect(harness.client.query(`INSERT INTO analysis_task (cycle_id, delregion_id, due_date, version) VALUES ($1, $2, '2055-09-30', 1)`, [cycle, ghost])).rejects.toMatchObject({
      code: '23503', constraint: 'fk_analysis_task_delregion_id',
    });
    await expect(harness.client.query('DELETE FROM cycle WHERE id = $1', [cycle])).resolves.toBeDefined();
  }, 60_000);
});
