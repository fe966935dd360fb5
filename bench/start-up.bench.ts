/**
 * Start-up bench: `node scripts/start.mjs` (what `npm start` runs) until `GET /health/ready` answers 200, in
 * development as a fresh clone runs it (embedded PostgreSQL in DATA_DIR, demo data on):
 *
 *   - cold: a fresh DATA_DIR — initdb, migrations, the demo figures and the demo cycle;
 *   - warm: the second start on the same folder (server started, nothing to migrate or seed), BENCH_WARM_RUNS (3);
 *   - floor: the time to the first byte of a trivial `node:http` server spawned the same way (Node's own start-up
 *     and a listening socket), BENCH_FLOOR_RUNS (5).
 *
 * Each run is stopped with SIGTERM and waited for, so its embedded PostgreSQL shuts down before the next. One summary
 * line with the ratios; the result in bench/results/start-up.json.
 *
 *   npm run bench:start-up
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { median, report } from './support/bench-results.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const WARM_RUNS = Number(process.env.BENCH_WARM_RUNS ?? 3);
const FLOOR_RUNS = Number(process.env.BENCH_FLOOR_RUNS ?? 5);
const LIMIT_MS = 10 * 60_000;
/** Runs in which scripts/start.mjs rebuilt dist/ first (another edit landed meanwhile): their time includes it. */
const rebuilt: string[] = [];

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

/** Polls `url` every 25 ms until it answers 200; the milliseconds since `started`. */
async function until200(url: string, started: number, child: ChildProcess, output: () => string): Promise<number> {
  for (;;) {
    if (child.exitCode !== null) throw new Error(`the process exited with ${child.exitCode} before ${url} answered:\n${output().slice(-2000)}`);
    if (performance.now() - started > LIMIT_MS) throw new Error(`${url} did not answer 200 within ${LIMIT_MS / 1000} s`);
    try {
      const response = await fetch(url, { signal: AbortSignal.timeout(2000) });
      await response.arrayBuffer();
      if (response.status === 200) return performance.now() - started;
    } catch {
      // not listening yet
    }
    await new Promise((done) => setTimeout(done, 25));
  }
}

async function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return;
  const exited = new Promise((done) => child.once('exit', done));
  child.kill('SIGTERM');
  await Promise.race([exited, new Promise((done) => setTimeout(done, 60_000))]);
  if (child.exitCode === null && child.signalCode === null) {
    child.kill('SIGKILL');
    await exited;
  }
}

/** Spawns `args` with `env`, waits for `path` to answer 200, stops it: the milliseconds to ready. */
async function timeToReady(label: string, args: string[], env: NodeJS.ProcessEnv, port: number, path: string): Promise<number> {
  let output = '';
  const started = performance.now();
  const child = spawn(process.execPath, args, { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
  child.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  try {
    return await until200(`http://127.0.0.1:${port}${path}`, started, child, () => output);
  } finally {
    await stop(child);
    if (output.includes('Building (nest build)')) rebuilt.push(label);
  }
}

async function main(): Promise<void> {
  const floorRuns: number[] = [];
  const trivial = `require('node:http').createServer((q, s) => s.end('ok')).listen(Number(process.env.PORT), '127.0.0.1')`;
  for (let run = 0; run < FLOOR_RUNS; run++) {
    const port = await freePort();
    floorRuns.push(await timeToReady('floor', ['-e', trivial], { ...process.env, PORT: String(port) }, port, '/'));
  }

  const dataDir = mkdtempSync(join(tmpdir(), 'arshjulet-bench-start-'));
  try {
    const env = (port: number): NodeJS.ProcessEnv => {
      const { DATABASE_URL: _ignored, ...rest } = process.env;
      return { ...rest, NODE_ENV: 'development', DATA_DIR: dataDir, PORT: String(port), LOG_LEVEL: 'warn', LOG_PRETTY: 'false' };
    };
    let port = await freePort();
    const cold = await timeToReady('cold', ['scripts/start.mjs'], env(port), port, '/health/ready');
    console.log(`cold (fresh DATA_DIR: initdb, migrations, demo seed): ${(cold / 1000).toFixed(1)} s`);
    const warmRuns: number[] = [];
    for (let run = 0; run < WARM_RUNS; run++) {
      port = await freePort();
      warmRuns.push(await timeToReady(`warm ${run + 1}`, ['scripts/start.mjs'], env(port), port, '/health/ready'));
      console.log(`warm ${run + 1}: ${(warmRuns.at(-1)! / 1000).toFixed(2)} s`);
    }
    const floor = median(floorRuns);
    const warm = median(warmRuns);
    const summary =
      `npm start to /health/ready 200: cold ${(cold / 1000).toFixed(1)} s (${(cold / floor).toFixed(0)}× floor), ` +
      `warm ${(warm / 1000).toFixed(2)} s (median of ${WARM_RUNS}; ${(warm / floor).toFixed(0)}× floor); ` +
      `floor: a trivial node:http server's first byte ${floor.toFixed(0)} ms (median of ${FLOOR_RUNS})` +
      (rebuilt.length ? `; NOTE: dist/ was rebuilt during ${rebuilt.join(', ')} (included)` : '');
    report('start-up', summary, {
      coldMs: cold, warmMedianMs: warm, floorMedianMs: floor, warmRunsMs: warmRuns, floorRunsMs: floorRuns,
      ratios: { coldToFloor: cold / floor, warmToFloor: warm / floor }, rebuiltDuring: rebuilt,
    });
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
