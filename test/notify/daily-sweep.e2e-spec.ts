import { randomUUID } from 'node:crypto';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { loadConfig, RequestContext } from '@arshjulet/core';
import { DailySweep, JobLedger, TransactionalConnection } from '@arshjulet/db';
import type { DataSource } from 'typeorm';
import { createHttpApp } from '../../apps/api/src/bootstrap.js';
import { type CliHarness, openCliHarness } from '../support/cli-harness.js';
import { createTestDatabase } from '../support/test-database.js';

const JOB = 'imports.discard_stale_previews';
const DATE = '2026-09-16';

/** A preview nobody saved, created `daysOld` days before DATE (noon, Stockholm). */
async function seedPreview(query: (sql: string, params: unknown[]) => Promise<unknown>, daysOld: number): Promise<string> {
  const id = randomUUID();
  await query(
    `INSERT INTO import_batch (id, status, format, file_name, checksum, byte_size, created_by_label, version, created_at)
     VALUES ($1, 'previewed', 'csv', $2, repeat('0', 64), 10, 'test', 1, (($3::date - $4::int) + time '12:00') AT TIME ZONE 'Europe/Stockholm')`,
    [id, `fil-${id.slice(0, 8)}.csv`, DATE, daysOld],
  );
  return id;
}

describe('the daily sweep and its job ledger', () => {
  describe('two app instances on one database', () => {
    let apps: NestExpressApplication[];
    let db: DataSource;
    let drop: () => Promise<void>;

    beforeAll(async () => {
      const database = await createTestDatabase();
      drop = database.drop;
      const config = loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'warn', LOG_PRETTY: 'false' });
      apps = [await createHttpApp(config, database.url), await createHttpApp(config, database.url)];
      db = apps[0]!.get(TransactionalConnection).dataSource;
      await db.query('CREATE TABLE sweep_effect (key text NOT NULL)');
    });
    afterAll(async () => {
      for (const app of apps) await app.close();
      await drop();
    });

    const ctx = () => RequestContext.system('test');
    const effects = async (key: string) => (await db.query('SELECT count(*)::int AS n FROM sweep_effect WHERE key = $1', [key]))[0].n as number;
    const addEffect = (key: string) => async (tx: RequestContext) => {
      await tx.manager!.query('INSERT INTO sweep_effect (key) VALUES ($1)', [key]);
    };

    it('JobLedger.once does an effect once, even when both instances try at the same moment', async () => {
      const key = { job: 'test.effect', subject: randomUUID(), date: DATE };
      const ran = await Promise.all(apps.map((app) => app.get(JobLedger).once(ctx(), key, addEffect(key.subject))));
      expect(ran.filter(Boolean)).toHaveLength(1);
      expect(await effects(key.subject)).toBe(1);
      expect(await apps[0]!.get(JobLedger).once(ctx(), key, addEffect(key.subject))).toBe(false);
      expect(await effects(key.subject)).toBe(1);
      // Another date is another effect.
      expect(await apps[1]!.get(JobLedger).once(ctx(), { ...key, date: '2026-09-17' }, addEffect(key.subject))).toBe(true);
    });

    it('a failing effect leaves no ledger row, so the next run does it', async () => {
      const key = { job: 'test.effect', subject: randomUUID(), date: DATE };
      const failing = async (tx: RequestContext) => {
        await addEffect(key.subject)(tx);
        throw new Error('crash mid-effect');
      };
      await expect(apps[0]!.get(JobLedger).once(ctx(), key, failing)).rejects.toThrow('crash mid-effect');
      expect(await effects(key.subject)).toBe(0);
      expect(await apps[0]!.get(JobLedger).done(ctx(), key)).toBe(false);
      expect(await apps[1]!.get(JobLedger).once(ctx(), key, addEffect(key.subject))).toBe(true);
      expect(await effects(key.subject)).toBe(1);
    });

    it('two sweeps for the same date at the same moment discard each stale preview once', async () => {
      const query = (sql: string, params: unknown[]) => db.query(sql, params);
      const stale = [await seedPreview(query, 8), await seedPreview(query, 30), await seedPreview(query, 8)];
      const fresh = await seedPreview(query, 6);
      const outcomes = await Promise.all(apps.map((app) => app.get(DailySweep).run(ctx(), DATE)));
      const reports = outcomes.map((list) => list.find((o) => o.job === JOB)!.report!);
      expect(reports[0]!.done + reports[1]!.done).toBe(3);

      const statuses = await db.query('SELECT id, status FROM import_batch WHERE id = ANY($1) ORDER BY id', [[...stale, fresh]]);
      expect(Object.fromEntries(statuses.map((r: { id: string; status: string }) => [r.id, r.status]))).toEqual({
        [stale[0]!]: 'discarded', [stale[1]!]: 'discarded', [stale[2]!]: 'discarded', [fresh]: 'previewed',
      });
      const audit = await db.query(`SELECT entity_id FROM audit_event WHERE action = 'indicator_import.discarded' AND entity_id = ANY($1)`, [stale]);
      expect(audit).toHaveLength(3);
      const ledger = await db.query('SELECT subject FROM job_run WHERE job = $1 AND subject = ANY($2)', [JOB, stale]);
      expect(ledger).toHaveLength(3);
    });
  });

  describe('npm run cli -- scheduler:run', () => {
    let cli: CliHarness;
    beforeAll(async () => {
      cli = await openCliHarness();
    });
    afterAll(() => cli.close());

    it('runs every daily job for the date and prints what it did; the second run does nothing', async () => {
      const query = (sql: string, params: unknown[]) => cli.client.query(sql, params);
      const id = await seedPreview(query, 10);
      const fileName = (await cli.client.query('SELECT file_name FROM import_batch WHERE id = $1', [id])).rows[0].file_name;
      // Another test of this file may have left a stale preview of its own.
      const stale = (await cli.client.query(`SELECT count(*)::int AS n FROM import_batch WHERE status = 'previewed'`)).rows[0].n;
      const first = await cli.run(['scheduler:run', '--date', DATE]);
      expect(first.out).toContain(`Daglig körning för ${DATE}:`);
      expect(first.out).toContain(`${JOB}: ${stale} gjort nu, 0 redan gjort`);
      expect(first.out).toContain(`Kastade förhandsgranskningen av ${fileName} (äldre än 7 dagar)`);
      expect((await cli.client.query('SELECT status FROM import_batch WHERE id = $1', [id])).rows).toEqual([{ status: 'discarded' }]);

      const second = await cli.run(['scheduler:run', '--date', DATE]);
      expect(second.out).toContain(`${JOB}: 0 gjort nu, 0 redan gjort`);
      expect((await cli.client.query(`SELECT count(*)::int AS n FROM audit_event WHERE action = 'indicator_import.discarded' AND entity_id = $1`, [id])).rows[0].n).toBe(1);
    });

    it('refuses a date that is not one, and changes nothing', async () => {
      const query = (sql: string, params: unknown[]) => cli.client.query(sql, params);
      const id = await seedPreview(query, 10);
      await expect(cli.run(['scheduler:run', '--date', '2026-02-30'])).rejects.toThrow('--date ska vara ett datum');
      expect((await cli.client.query('SELECT status FROM import_batch WHERE id = $1', [id])).rows).toEqual([{ status: 'previewed' }]);
    });
  });
});
