import { execFileSync, spawn } from 'node:child_process';
import { join } from 'node:path';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { loadConfig, RequestContext, Role } from '@arshjulet/core';
import { CycleService, CycleTransitionService } from '@arshjulet/cycle';
import { OutboxWorker } from '@arshjulet/notify';
import { UserService } from '@arshjulet/org';
import pg from 'pg';
import { createHttpApp } from '../../apps/api/src/bootstrap.js';
import { SmtpInbox } from '../support/smtp-inbox.js';
import { createTestDatabase } from '../support/test-database.js';

/**
 * Two `npm run cli -- scheduler:run --date …` PROCESSES sweep the same date at the same moment against one
 * PostgreSQL: both are held at a barrier inside the reminder job (the test holds a lock on analysis_task) and
 * released together. Every reminder then reaches each recipient exactly once, counted by a real SMTP server after
 * the outbox drains, and a third run for the same date sends nothing.
 */
const root = join(import.meta.dirname, '..', '..');
const cliEntry = join(root, 'dist', 'apps', 'api', 'src', 'cli.js');
const YEAR = 2090;
const DATE = `${YEAR}-09-23`; // 7 days before the default due date, 30 September; inside Do

interface Run {
  output: () => string;
  exited: Promise<number | null>;
}

describe('Two processes sweeping the same date deliver each reminder once', () => {
  let inbox: SmtpInbox;
  let database: { url: string; drop: () => Promise<void> };
  let app: NestExpressApplication;
  let client: pg.Client;
  const coordinators = new Map<string, string>(); // delregion code → e-mail
  const countyEmail = 'lan.tva.processer@test.se';

  beforeAll(async () => {
    execFileSync(process.execPath, [join(root, 'scripts', 'build-if-needed.mjs')], { cwd: root, stdio: 'inherit' });
    inbox = await SmtpInbox.start();
    database = await createTestDatabase();
    client = new pg.Client({ connectionString: database.url });
    await client.connect();
    app = await createHttpApp(loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'warn', LOG_PRETTY: 'false', SMTP_URL: inbox.url }), database.url);

    const ctx = RequestContext.system('test');
    const users = app.get(UserService);
    await users.create(ctx, { email: countyEmail, name: 'Lena Län', password: null, assignments: [{ role: Role.CountyCoordinator, orgUnitCode: null }] });
    const delregions: Array<{ code: string }> = (await client.query(`SELECT code FROM org_unit WHERE type = 'delregion' AND active ORDER BY code`)).rows;
    for (const { code } of delregions) {
      const email = `${code.toLowerCase().replace(/[^a-z]/g, '')}.tva.processer@test.se`;
      await users.create(ctx, { email, name: `Samordnare ${code}`, password: null, assignments: [{ role: Role.DelregionCoordinator, orgUnitCode: code }] });
      coordinators.set(code, email);
    }
    const { cycle } = await app.get(CycleService).create(ctx, YEAR, { indicatorCodes: ['HF01'] });
    await app.get(CycleTransitionService).transition(ctx, cycle.id, 'start_planning');
    await app.get(CycleTransitionService).launch(ctx, cycle.id);
    await drain(); // the launch's own announcements, before the sweep
  }, 300_000);

  afterAll(async () => {
    await app?.close();
    await client?.end();
    await database?.drop();
    await inbox?.close();
  });

  async function drain(): Promise<void> {
    const worker = app.get(OutboxWorker);
    while ((await worker.drainOnce()).claimed > 0);
  }

  function sweepProcess(): Run {
    const env: NodeJS.ProcessEnv = {
      ...process.env, DATABASE_URL: database.url, NODE_ENV: 'test', LOG_LEVEL: 'warn', LOG_PRETTY: 'false',
      SMTP_URL: inbox.url, OUTBOX_WORKER: 'false', SCHEDULER: 'false', SEED_DEMO: 'false',
    };
    const child = spawn(process.execPath, [cliEntry, 'scheduler:run', '--date', DATE], { cwd: root, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    return { output: () => output, exited: new Promise((done) => child.on('close', (code) => done(code))) };
  }

  /** `cycle.task_reminders: 3 gjort nu, 3 redan gjort` → [3, 3]. */
  function counts(run: Run, job: string): [number, number] {
    const found = new RegExp(`${job.replace('.', '\\.')}: (\\d+) gjort nu, (\\d+) redan gjort`).exec(run.output());
    if (!found) throw new Error(`no line for ${job}:\n${run.output()}`);
    return [Number(found[1]), Number(found[2])];
  }

  const reminderMails = () => inbox.received.filter((mail) => mail.text.includes(`En vecka kvar: analysen ska lämnas in senast ${YEAR}-09-30`));

  it('releases both sweeps together: 6 tasks × (delregion coordinator + county coordinator) mails, each exactly once; a third run sends nothing', async () => {
    const barrier = new pg.Client({ connectionString: database.url });
    await barrier.connect();
    await barrier.query('BEGIN');
    await barrier.query('LOCK TABLE analysis_task IN SHARE MODE'); // the reminder job's first write waits here
    const runs = [sweepProcess(), sweepProcess()];
    const deadline = Date.now() + 120_000;
    for (;;) {
      const { rows } = await client.query(
        `SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock' AND query ILIKE '%INSERT INTO analysis_task%'`,
      );
      if (rows[0].n === 2) break;
      if (Date.now() > deadline) throw new Error(`both sweeps did not reach the barrier:\n${runs.map((r) => r.output()).join('\n---\n')}`);
      await new Promise((done) => setTimeout(done, 50));
    }
    await barrier.query('COMMIT');
    await barrier.end();
    expect(await Promise.all(runs.map((r) => r.exited))).toEqual([0, 0]);

    const [a, b] = runs.map((r) => counts(r, 'cycle.task_reminders'));
    expect(a[0] + b[0]).toBe(6);
    expect(a[1] + b[1]).toBe(6);
    const [pa, pb] = runs.map((r) => counts(r, 'cycle.phase_announcements'));
    expect(pa[0] + pb[0]).toBe(1);

    await drain();
    const mails = reminderMails();
    expect(mails).toHaveLength(12);
    expect([...coordinators.values()].map((email) => mails.filter((mail) => mail.to.includes(email)).length)).toEqual([...coordinators.values()].map(() => 1));
    const county = mails.filter((mail) => mail.to.includes(countyEmail));
    expect(county).toHaveLength(6);
    const names: string[] = (await client.query(`SELECT name FROM org_unit WHERE type = 'delregion' AND active`)).rows.map((r: { name: string }) => r.name);
    expect(names.map((name) => county.filter((mail) => mail.text.includes(`${name}: En vecka kvar`)).length)).toEqual(names.map(() => 1));
    const [{ n: ledger }] = (await client.query(`SELECT count(*)::int AS n FROM job_run WHERE job = 'task.reminder.7d' AND run_date = $1`, [DATE])).rows;
    expect(ledger).toBe(6);

    const received = inbox.received.length;
    const third = sweepProcess();
    expect(await third.exited).toBe(0);
    expect(counts(third, 'cycle.task_reminders')).toEqual([0, 6]);
    expect(counts(third, 'cycle.phase_announcements')).toEqual([0, 1]);
    await drain();
    expect(inbox.received.length).toBe(received);
  }, 240_000);
});
