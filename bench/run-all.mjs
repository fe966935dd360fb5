// `npm run bench`: every bench in turn, each in its own process (node bench/run-bench.mjs <name>), then their
// one-line summaries together. Each writes bench/results/<name>.json (gitignored; the latest run).
//   BENCH_ONLY=http,pages npm run bench      # just these
//   BENCH_SKIP=import,xlsx-bomb npm run bench
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
/** In order; the import bench runs with the heap cap `npm run bench:import` gives it. */
const BENCHES = [
  { name: 'http' },
  { name: 'import', execArgv: ['--max-old-space-size=160'] },
  { name: 'report' },
  { name: 'start-up' },
  { name: 'pages' },
  { name: 'stale-statistics' },
  { name: 'xlsx-bomb' },
];
const list = (value) => (value ? value.split(',').map((s) => s.trim()).filter(Boolean) : null);
const only = list(process.env.BENCH_ONLY);
const skip = list(process.env.BENCH_SKIP) ?? [];
const chosen = BENCHES.filter((b) => (!only || only.includes(b.name)) && !skip.includes(b.name));
const resultsDir = process.env.BENCH_RESULTS_DIR ?? join(root, 'bench', 'results');

const outcomes = [];
for (const bench of chosen) {
  const file = join(resultsDir, `${bench.name}.json`);
  const before = existsSync(file) ? statSync(file).mtimeMs : 0;
  const started = Date.now();
  console.log(`\n=== bench ${bench.name} ===`);
  const run = spawnSync(process.execPath, [...(bench.execArgv ?? []), join(root, 'bench', 'run-bench.mjs'), bench.name], { stdio: 'inherit', env: process.env });
  const seconds = Math.round((Date.now() - started) / 1000);
  const fresh = existsSync(file) && statSync(file).mtimeMs > before;
  const summary = fresh ? JSON.parse(readFileSync(file, 'utf8')).summary : null;
  outcomes.push({ name: bench.name, ok: run.status === 0 && fresh, seconds, summary: summary ?? `failed (exit ${run.status ?? run.signal})` });
}

console.log('\n=== npm run bench: summaries ===');
for (const o of outcomes) console.log(`${o.ok ? '' : 'FAILED '}[${o.name}] ${o.summary} (${o.seconds} s)`);
process.exit(outcomes.every((o) => o.ok) ? 0 : 1);
