import pg from 'pg';
import { buildDist, freePort, Running, startOnServer } from '../support/app-process.js';
import { createTestDatabase } from '../support/test-database.js';

/**
 * The real app process is killed with SIGKILL in the middle of an import commit, a cycle launch and a report
 * assembly. "The middle" is made certain, not timed: the test holds an EXCLUSIVE lock on audit_event, which each of
 * the three writes last in its transaction, and kills the app once its statement waits for that lock while it
 * already holds the locks of what it wrote before (values, tasks and compilation, report version). The COMMIT was
 * never sent, so PostgreSQL rolls the transaction back when the lock is let go. After a restart nothing of it is
 * left, and the same operation succeeds. (Mail delivery under kill -9: outbox-kill.e2e-spec.ts.)
 */
const BOUND_MS = 120_000;

interface Scene {
  db: pg.Client;
  url: string;
  drop: () => Promise<void>;
  app: Running;
  base: string;
  token: string;
}

const started: Running[] = [];
const scenes: Scene[] = [];

async function until<T>(what: string, read: () => Promise<T | null | undefined | false>, boundMs = BOUND_MS): Promise<T> {
  const deadline = Date.now() + boundMs;
  for (;;) {
    const value = await read();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`${what}: not within ${boundMs / 1000} s`);
    await new Promise((done) => setTimeout(done, 100));
  }
}

async function startApp(url: string): Promise<{ app: Running; base: string }> {
  const port = await freePort();
  const app = startOnServer('main', url, [], { PORT: String(port) });
  started.push(app);
  await app.waitFor(/Årshjulet is running at/);
  return { app, base: `http://127.0.0.1:${port}` };
}

/** A fresh database, the app on it (its first start makes the administrator) and an API token for them. */
async function scene(): Promise<Scene> {
  const { url, drop } = await createTestDatabase();
  const db = new pg.Client({ connectionString: url });
  await db.connect();
  const { app, base } = await startApp(url);
  const cli = startOnServer('cli', url, ['token:create', '--email', 'admin@arshjulet.local', '--name', 'krasch']);
  started.push(cli);
  expect(await cli.exited).toBe(0);
  const token = /arsh_\S+/.exec(cli.output())?.[0];
  if (!token) throw new Error(`no token printed:\n${cli.output()}`);
  const made = { db, url, drop, app, base, token };
  scenes.push(made);
  return made;
}

/** What the tests read of an answer: ids and states. */
type Json = { id: string; status: string } & Record<string, unknown>;

async function api(s: Scene, method: string, path: string, body?: unknown): Promise<{ status: number; body: Json }> {
  const init: RequestInit = { method, headers: { Authorization: `Bearer ${s.token}`, Accept: 'application/json' } };
  if (body instanceof FormData) init.body = body;
  else if (body !== undefined) {
    init.body = JSON.stringify(body);
    (init.headers as Record<string, string>)['Content-Type'] = 'application/json';
  }
  const response = await fetch(`${s.base}${path}`, init);
  const text = await response.text();
  return { status: response.status, body: (text ? JSON.parse(text) : {}) as Json };
}

async function ok(s: Scene, method: string, path: string, body?: unknown): Promise<Json> {
  const answer = await api(s, method, path, body);
  if (answer.status >= 300) throw new Error(`${method} ${path}: ${answer.status} ${JSON.stringify(answer.body)}`);
  return answer.body;
}

async function count(s: Scene, sql: string, params: unknown[] = []): Promise<number> {
  const { rows } = await s.db.query(`SELECT count(*)::int AS n FROM ${sql}`, params);
  return rows[0].n;
}

/** Long format, SIP02 for every municipality, month and two breakdowns from `firstYear` on: `rows` lines. */
async function csv(s: Scene, rows: number, firstYear: number): Promise<FormData> {
  const units = (await s.db.query(`SELECT code FROM org_unit WHERE type = 'municipality' AND active ORDER BY code`)).rows.map((r) => r.code as string);
  const lines = ['indikator;enhet;period;värde;uppdelning'];
  for (let year = firstYear; lines.length <= rows; year++) {
    for (let month = 1; month <= 12 && lines.length <= rows; month++) {
      for (const unit of units) {
        for (const breakdown of ['a', 'b']) {
          if (lines.length <= rows) lines.push(`SIP02;${unit};${year}-${String(month).padStart(2, '0')};${(month * 7 + unit.length) % 100};${breakdown}`);
        }
      }
    }
  }
  const form = new FormData();
  form.append('file', new Blob([lines.join('\n')], { type: 'text/csv' }), 'stor.csv');
  return form;
}

/**
 * Runs `operation` against the app while the test holds audit_event, waits until the app's statement waits for that
 * lock while it holds a write lock on every table of `wrote`, kills the app, lets go of the lock, and waits until
 * PostgreSQL has ended the killed app's session (rolling back its transaction).
 */
async function killInTheMiddle(s: Scene, operation: () => Promise<unknown>, wrote: string[]): Promise<void> {
  const blocker = new pg.Client({ connectionString: s.url });
  await blocker.connect();
  try {
    await blocker.query('BEGIN');
    await blocker.query('LOCK TABLE audit_event IN EXCLUSIVE MODE');
    const inFlight = operation().catch(() => 'the app was killed');
    const pid = await until('the operation waiting on audit_event', async () => {
      const { rows } = await s.db.query(
        `SELECT pid FROM pg_stat_activity
          WHERE datname = current_database() AND wait_event_type = 'Lock' AND query ILIKE 'INSERT INTO "audit_event"%'`,
      );
      return rows[0]?.pid as number | undefined;
    });
    const { rows: held } = await s.db.query(
      `SELECT c.relname FROM pg_locks l JOIN pg_class c ON c.oid = l.relation
        WHERE l.pid = $1 AND l.granted AND l.mode = 'RowExclusiveLock' AND c.relname = ANY($2)`,
      [pid, wrote],
    );
    expect(held.map((r) => r.relname).sort()).toEqual([...wrote].sort());

    s.app.child.kill('SIGKILL');
    await s.app.exited;
    await inFlight;
    await blocker.query('ROLLBACK');
    await until('the killed session ended', async () => (await count(s, 'pg_stat_activity WHERE pid = $1', [pid])) === 0);
  } finally {
    await blocker.end();
  }
}

async function restart(s: Scene): Promise<void> {
  Object.assign(s, await startApp(s.url));
}

async function plannedCycle(s: Scene, year: number): Promise<{ id: string }> {
  const cycle = await ok(s, 'POST', '/api/v1/cycles', { year, dataPeriods: [String(year - 1)], indicatorCodes: ['SIP02'] });
  await ok(s, 'POST', `/api/v1/cycles/${cycle.id}/transitions`, { action: 'start_planning' });
  return cycle;
}

describe('kill -9 in the middle of a transaction', () => {
  beforeAll(() => buildDist(), 180_000);

  afterAll(async () => {
    for (const running of started) if (running.child.exitCode === null && running.child.signalCode === null) running.child.kill('SIGKILL');
    await Promise.all(started.map((running) => running.exited));
    for (const s of scenes) {
      await s.db.end();
      await s.drop();
    }
  }, BOUND_MS);

  it('an import commit of 20 000 values leaves no partial batch; the same batch then commits whole', async () => {
    const s = await scene();
    const preview = await ok(s, 'POST', '/api/v1/indicator-imports', await csv(s, 20_000, 2001));
    expect(preview.status).toBe('previewed');
    const values = `indicator_value v JOIN indicator i ON i.id = v.indicator_id WHERE i.code = 'SIP02'`;
    const before = { values: await count(s, values), history: await count(s, 'indicator_value_history') };

    await killInTheMiddle(s, () => api(s, 'POST', `/api/v1/indicator-imports/${preview.id}/commit`), ['indicator_value', 'indicator_import_row', 'import_batch']);

    expect(await count(s, values)).toBe(before.values);
    expect(await count(s, 'indicator_value_history')).toBe(before.history);
    expect((await s.db.query('SELECT status, committed_at FROM import_batch WHERE id = $1', [preview.id])).rows).toEqual([{ status: 'previewed', committed_at: null }]);
    expect(await count(s, 'indicator_import_row WHERE batch_id = $1', [preview.id])).toBe(20_000);
    expect(await count(s, `audit_event WHERE action = 'indicator_import.committed'`)).toBe(0);

    await restart(s);
    const committed = await ok(s, 'POST', `/api/v1/indicator-imports/${preview.id}/commit`);
    expect(committed.status).toBe('committed');
    expect(await count(s, `${values} AND NOT v.derived`)).toBe(20_000);
    expect(await count(s, 'indicator_import_row WHERE batch_id = $1', [preview.id])).toBe(0);
  }, 600_000);

  it('a launch leaves the cycle in planning with no task, no frozen compilation and no message; launching again works', async () => {
    const s = await scene();
    const figures = await ok(s, 'POST', '/api/v1/indicator-imports', await csv(s, 2_000, 2024));
    await ok(s, 'POST', `/api/v1/indicator-imports/${figures.id}/commit`);
    const cycle = await plannedCycle(s, 2025);
    const outbox = await count(s, 'outbox_message');

    await killInTheMiddle(s, () => api(s, 'POST', `/api/v1/cycles/${cycle.id}/launch`, {}), ['analysis_task', 'cycle_compilation_value', 'cycle']);

    expect((await s.db.query('SELECT status, launched_at FROM cycle WHERE id = $1', [cycle.id])).rows).toEqual([{ status: 'planning', launched_at: null }]);
    expect(await count(s, 'analysis_task WHERE cycle_id = $1', [cycle.id])).toBe(0);
    expect(await count(s, 'cycle_compilation_value WHERE cycle_id = $1', [cycle.id])).toBe(0);
    expect(await count(s, 'outbox_message')).toBe(outbox);
    expect(await count(s, `audit_event WHERE action = 'cycle.launched'`)).toBe(0);

    await restart(s);
    const launched = await ok(s, 'POST', `/api/v1/cycles/${cycle.id}/launch`, {});
    expect(launched.status).toBe('analysis');
    expect(await count(s, 'analysis_task WHERE cycle_id = $1', [cycle.id])).toBe(await count(s, `org_unit WHERE type = 'delregion' AND active`));
    expect(await count(s, 'cycle_compilation_value WHERE cycle_id = $1', [cycle.id])).toBeGreaterThan(0);
  }, 600_000);

  it('a report assembly leaves no report and no version behind; assembling again makes version 1', async () => {
    const s = await scene();
    const cycle = await plannedCycle(s, 2026);
    await ok(s, 'POST', `/api/v1/cycles/${cycle.id}/launch`, {});

    await killInTheMiddle(s, () => api(s, 'POST', `/api/v1/cycles/${cycle.id}/report/assemble`), ['report_version', 'county_report']);

    expect(await count(s, 'county_report WHERE cycle_id = $1', [cycle.id])).toBe(0);
    expect(await count(s, 'report_version')).toBe(0);
    expect(await count(s, `audit_event WHERE action = 'report.version_saved'`)).toBe(0);

    await restart(s);
    await ok(s, 'POST', `/api/v1/cycles/${cycle.id}/report/assemble`);
    expect((await s.db.query('SELECT v.number FROM report_version v JOIN county_report r ON r.id = v.report_id WHERE r.cycle_id = $1', [cycle.id])).rows).toEqual([{ number: 1 }]);
  }, 600_000);
});
