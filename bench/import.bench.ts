/**
 * Import benchmark: generates ~1.1 million indicator values as a CSV file on disk, then measures in one run
 * (a) the import pipeline end to end (parse → validate → stage with COPY → classify → commit with history and
 * derived figures) and (b) a plain PostgreSQL COPY of the same rows into the same, emptied, indicator_value table.
 *
 *   npm run bench:import                      # embedded PostgreSQL in a temporary folder
 *   DATABASE_URL=postgres://… npm run bench:import   # a server of yours (creates and drops a database)
 *   BENCH_SCALE=0.1 npm run bench:import      # a tenth of the rows, for a quick look
 */
import 'reflect-metadata';
import { createReadStream, createWriteStream, mkdtempSync, rmSync, statSync } from 'node:fs';
import { once } from 'node:events';
import { cpus, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { performance } from 'node:perf_hooks';
import { NestFactory } from '@nestjs/core';
import type { INestApplicationContext } from '@nestjs/common';
import { loadConfig, RequestContext } from '@arshjulet/core';
import { ImportCommitService, ImportPreviewService, Indicator } from '@arshjulet/indicators';
import { OrgUnit, OrgUnitType } from '@arshjulet/org';
import pg from 'pg';
import { from as copyFrom, to as copyTo } from 'pg-copy-streams';
import { DataSource } from 'typeorm';
import { AppModule } from '../apps/api/src/app.module.js';
import { withBenchDatabase } from './support/bench-database.js';
import { report } from './support/bench-results.js';

const SCALE = Number(process.env.BENCH_SCALE ?? '1');
const YEARS = Array.from({ length: 10 }, (_, index) => 2016 + index);
const BREAKDOWNS = ['', 'kvinnor', 'män'];
const COLUMNS = 'indicator_id, org_unit_id, period, period_kind, period_start, period_end, breakdown, value, numerator, denominator, status, note, derived, source_batch_id, version';

/** Deterministic pseudo-random numbers, so every run imports the same file. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state * 1664525 + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

function valueText(unit: string, next: () => number): string {
  const n = next();
  switch (unit) {
    case 'percent': return (n * 100).toFixed(1).replace('.', ',');
    case 'per_100000': return String(Math.round(n * 5000));
    case 'per_1000': return (n * 80).toFixed(1).replace('.', ',');
    case 'days': return (n * 10).toFixed(2).replace('.', ',');
    case 'years': return (38 + n * 10).toFixed(1).replace('.', ',');
    case 'ratio': return (1 + n).toFixed(2).replace('.', ',');
    default: return String(Math.round(n * 20000));
  }
}

/** 49 municipalities + 6 delregions + county + nation × 40 indicators × 10 years × (12 months + 4 quarters) × 3 breakdowns. */
async function generateCsv(file: string, indicators: Indicator[], units: OrgUnit[]): Promise<number> {
  const out = createWriteStream(file);
  const next = random(2026);
  const periods = YEARS.flatMap((year) => [
    ...Array.from({ length: 12 }, (_, m) => `${year}-${String(m + 1).padStart(2, '0')}`),
    ...[1, 2, 3, 4].map((q) => `${year}-Q${q}`),
  ]);
  const unitCount = Math.max(1, Math.round(units.length * SCALE));
  let rows = 0;
  let chunk = 'indikator;enhet;period;värde;uppdelning\r\n';
  for (const unit of units.slice(0, unitCount)) {
    for (const indicator of indicators) {
      for (const period of periods) {
        for (const breakdown of BREAKDOWNS) {
          chunk += `${indicator.code};${unit.code};${period};${valueText(indicator.unit, next)};${breakdown}\r\n`;
          rows++;
        }
      }
      if (chunk.length > 1 << 18) {
        if (!out.write(chunk)) await once(out, 'drain');
        chunk = '';
      }
    }
  }
  out.end(chunk);
  await once(out, 'finish');
  return rows;
}

interface Measurement {
  seconds: number;
  rows: number;
  peakRssMb: number;
  peakHeapMb: number;
}

/** Samples RSS while `work` runs (maxRSS covers the whole process; this isolates one phase). */
async function measure(rows: number, work: () => Promise<void>): Promise<Measurement> {
  let peak = process.memoryUsage().rss;
  let peakHeap = process.memoryUsage().heapUsed;
  const timer = setInterval(() => {
    const usage = process.memoryUsage();
    peak = Math.max(peak, usage.rss);
    peakHeap = Math.max(peakHeap, usage.heapUsed);
  }, 50);
  const start = performance.now();
  try {
    await work();
  } finally {
    clearInterval(timer);
  }
  const seconds = (performance.now() - start) / 1000;
  return { seconds, rows, peakRssMb: Math.max(peak, process.memoryUsage().rss) / 2 ** 20, peakHeapMb: peakHeap / 2 ** 20 };
}

async function main(): Promise<void> {
  const work = mkdtempSync(join(tmpdir(), 'arshjulet-bench-'));
  try {
    await withBenchDatabase('import', async ({ url: databaseUrl }) => {
      const config = loadConfig({ ...process.env, NODE_ENV: 'production', SESSION_SECRET: 'b'.repeat(40), LOG_LEVEL: 'warn', LOG_PRETTY: 'false', INDICATOR_IMPORT_MAX_MB: '1024' });
      const app: INestApplicationContext = await NestFactory.createApplicationContext(AppModule.forRoot({ config, databaseUrl }), { logger: ['error', 'warn'] });
      const dataSource = app.get(DataSource);
      console.log(`RSS with the app started: ${(process.memoryUsage().rss / 2 ** 20).toFixed(0)} MB`);
      const ctx = RequestContext.system('bench');
      try {
        const indicators = await dataSource.getRepository(Indicator).find({ order: { code: 'ASC' } });
        const units = (await dataSource.getRepository(OrgUnit).find({ order: { code: 'ASC' } }))
          .filter((unit) => unit.type !== OrgUnitType.Hospital && unit.type !== OrgUnitType.LocalArea);

        const csv = join(work, 'values.csv');
        const generated = performance.now();
        const rows = await generateCsv(csv, indicators, units);
        const csvMb = statSync(csv).size / 2 ** 20;
        console.log(`Generated ${rows.toLocaleString('sv-SE')} values (${units.length} units × ${indicators.length} indicators × 160 periods × 3 breakdowns), ${csvMb.toFixed(0)} MB CSV in ${((performance.now() - generated) / 1000).toFixed(1)} s`);

        const checkpoint = () => dataSource.query('CHECKPOINT');
        await checkpoint();

        // (a) the import pipeline, end to end.
        let previewSeconds = 0;
        const imported = await measure(rows, async () => {
          const started = performance.now();
          const batch = await app.get(ImportPreviewService).previewFile(ctx, { source: createReadStream(csv, { highWaterMark: 1 << 20 }), fileName: 'values.csv' });
          previewSeconds = (performance.now() - started) / 1000;
          if (batch.rejectedCount > 0 || batch.insertCount !== rows) throw new Error(`unexpected preview: ${JSON.stringify(batch.rejectedRows.slice(0, 3))} ${batch.insertCount}`);
          const committed = await app.get(ImportCommitService).commit(ctx, batch.id);
          if (committed.insertCount !== rows) throw new Error(`commit inserted ${committed.insertCount} of ${rows}`);
        });
        const [{ count }] = await dataSource.query('SELECT count(*)::int AS count FROM indicator_value');
        if (count !== rows) throw new Error(`indicator_value has ${count} rows, expected ${rows}`);

        // The same rows, as PostgreSQL holds them, out to a file: the input of the plain COPY.
        const dump = join(work, 'values.copy');
        const client = new pg.Client({ connectionString: databaseUrl });
        await client.connect();
        let copied: Measurement;
        try {
          await pipeline(client.query(copyTo(`COPY indicator_value (${COLUMNS}) TO STDOUT`)), createWriteStream(dump));
          await client.query('TRUNCATE indicator_value, indicator_value_history');
          await client.query('CHECKPOINT');

          // (b) a plain COPY of the same rows into the same (now empty) table, same indexes and constraints.
          copied = await measure(rows, async () => {
            await client.query('BEGIN');
            await pipeline(createReadStream(dump, { highWaterMark: 1 << 20 }), client.query(copyFrom(`COPY indicator_value (${COLUMNS}) FROM STDIN`)));
            await client.query('COMMIT');
          });
        } finally {
          await client.end();
        }

        const rate = (m: Measurement) => Math.round(m.rows / m.seconds).toLocaleString('sv-SE');
        const maxRssMb = process.resourceUsage().maxRSS / 1024;
        console.log('');
        console.log(`machine: ${cpus().length} cores (${cpus()[0]?.model ?? '?'}), ${(totalmem() / 2 ** 30).toFixed(0)} GB, Node ${process.version}, PostgreSQL ${process.env.DATABASE_URL ? 'from DATABASE_URL' : 'embedded'}`);
        console.log(`(a) import pipeline: ${imported.seconds.toFixed(1)} s  ${rate(imported)} rows/s  (preview ${previewSeconds.toFixed(1)} s, commit ${(imported.seconds - previewSeconds).toFixed(1)} s)  peak RSS ${imported.peakRssMb.toFixed(0)} MB, peak JS heap ${imported.peakHeapMb.toFixed(0)} MB`);
        console.log(`(b) plain COPY:      ${copied.seconds.toFixed(1)} s  ${rate(copied)} rows/s`);
        console.log(`ratio import / COPY: ${(imported.seconds / copied.seconds).toFixed(2)}  (target ≤ 2)`);
        console.log(`process max RSS:     ${maxRssMb.toFixed(0)} MB  (target < 300 MB; the PostgreSQL server's memory is not included)`);
        const ratio = imported.seconds / copied.seconds;
        report(
          'import',
          `${rows.toLocaleString('sv-SE')} values: import pipeline ${imported.seconds.toFixed(1)} s (${rate(imported)} rows/s) vs plain COPY ${copied.seconds.toFixed(1)} s (${rate(copied)} rows/s): ` +
            `ratio ${ratio.toFixed(2)} (target ≤ 2: ${ratio <= 2 ? 'met' : 'missed'}); max RSS ${maxRssMb.toFixed(0)} MB (target < 300 MB: ${maxRssMb < 300 ? 'met' : 'missed'})`,
          {
            rows, scale: Number(process.env.BENCH_SCALE ?? 1), importSeconds: imported.seconds, previewSeconds, copySeconds: copied.seconds, ratio,
            peakRssMb: imported.peakRssMb, peakHeapMb: imported.peakHeapMb, maxRssMb, targets: { ratioMax: 2, maxRssMbBelow: 300 },
          },
        );
      } finally {
        await app.close();
      }
    });
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
