/**
 * Stale-statistics bench: previews a CSV of 100 001 and of 200 000 values (one far duplicate each, so the SQL
 * duplicate check runs) twice each — once with the staging table's planner statistics stale (ANALYZE of the empty
 * `indicator_import_row`, as autovacuum leaves it after the demo seed), once with fresh ones (analysed full) — and
 * prints both times and their ratio. A plan that turns quadratic on stale statistics shows as a ratio far above 1
 * (or as a statement timeout: the app's default DB_STATEMENT_TIMEOUT_SECONDS applies).
 *
 *   npm run bench:stale-statistics                     # embedded PostgreSQL in a temporary folder
 *   DATABASE_URL=postgres://… npm run bench:stale-statistics
 *   BENCH_ROWS=50000,100001 npm run bench:stale-statistics
 */
import 'reflect-metadata';
import { performance } from 'node:perf_hooks';
import { NestFactory } from '@nestjs/core';
import { loadConfig, RequestContext } from '@arshjulet/core';
import { ImportCommitService, ImportPreviewService } from '@arshjulet/indicators';
import { OrgUnit, OrgUnitType } from '@arshjulet/org';
import { DataSource } from 'typeorm';
import { AppModule } from '../apps/api/src/app.module.js';
import { withBenchDatabase } from './support/bench-database.js';
import { report } from './support/bench-results.js';

const SIZES = (process.env.BENCH_ROWS ?? '100001,200000').split(',').map(Number);

/** `count` distinct SIP02 values and the first one again as the last line (a duplicate far from its first line). */
function csv(count: number, units: string[]): string {
  const lines = ['indikator;enhet;period;värde;uppdelning'];
  for (let year = 1900; lines.length <= count; year++) {
    for (let month = 1; month <= 12 && lines.length <= count; month++) {
      for (const unit of units) {
        for (const breakdown of ['a', 'b']) {
          if (lines.length <= count) lines.push(`SIP02;${unit};${year}-${String(month).padStart(2, '0')};${month};${breakdown}`);
        }
      }
    }
  }
  lines.push(lines[1]!);
  return lines.join('\n');
}

async function main(): Promise<void> {
  await withBenchDatabase('stale', async ({ url: databaseUrl }) => {
    const config = loadConfig({ ...process.env, NODE_ENV: 'production', SESSION_SECRET: 'b'.repeat(40), LOG_LEVEL: 'warn', LOG_PRETTY: 'false' });
    const app = await NestFactory.createApplicationContext(AppModule.forRoot({ config, databaseUrl }), { logger: ['error', 'warn'] });
    const dataSource = app.get(DataSource);
    const previews = app.get(ImportPreviewService);
    const commits = app.get(ImportCommitService);
    const ctx = RequestContext.system('bench');
    try {
      const units = (await dataSource.getRepository(OrgUnit).find({ where: { type: OrgUnitType.Municipality }, order: { code: 'ASC' } })).map((unit) => unit.code);
      console.log(`statement timeout ${config.DB_STATEMENT_TIMEOUT_SECONDS} s; ${units.length} municipalities`);
      const preview = async (file: string, rows: number): Promise<number> => {
        const started = performance.now();
        const batch = await previews.previewFile(ctx, { source: file, fileName: 'stor.csv' });
        const seconds = (performance.now() - started) / 1000;
        if (batch.rowCount !== rows + 1 || batch.rejectedCount !== 1) throw new Error(`unexpected preview: ${batch.rowCount} rows, ${batch.rejectedCount} rejected`);
        await commits.discard(ctx, batch.id);
        return seconds;
      };
      const measured: Array<{ rows: number; staleSeconds: number; freshSeconds: number; ratio: number }> = [];
      for (const rows of SIZES) {
        const file = csv(rows, units);
        // Stale: statistics of the empty staging table.
        await dataSource.query('DELETE FROM indicator_import_row');
        await dataSource.query('ANALYZE indicator_import_row');
        const stale = await preview(file, rows);
        // Fresh: statistics taken with a batch of this size staged (they stay after its rows are removed).
        const staged = await previews.previewFile(ctx, { source: file, fileName: 'stor.csv' });
        await dataSource.query('ANALYZE indicator_import_row');
        await commits.discard(ctx, staged.id);
        const fresh = await preview(file, rows);
        const line = `${rows.toLocaleString('sv-SE')} rows: stale statistics ${stale.toFixed(2)} s, fresh ${fresh.toFixed(2)} s, ratio stale/fresh ${(stale / fresh).toFixed(2)}`;
        console.log(line);
        measured.push({ rows, staleSeconds: stale, freshSeconds: fresh, ratio: stale / fresh });
      }
      report(
        'stale-statistics',
        `import preview with stale vs fresh planner statistics: ${measured.map((m) => `${m.rows.toLocaleString('sv-SE')} rows ${m.staleSeconds.toFixed(2)} s vs ${m.freshSeconds.toFixed(2)} s = ${m.ratio.toFixed(2)}×`).join('; ')} (linear, no timeout: the baseline is the fresh run)`,
        { statementTimeoutSeconds: config.DB_STATEMENT_TIMEOUT_SECONDS, sizes: measured },
      );
    } finally {
      await app.close();
    }
  });
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
