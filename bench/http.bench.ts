/**
 * HTTP bench: the app as production runs it (compiled, NODE_ENV=production, views cached), loaded with autocannon
 * from a separate process. Each endpoint's req/s and p99 is printed next to unauthenticated `GET /health` of the
 * same app in the same run, as a ratio, so the numbers mean the same on a laptop and on CI. The data: the demo
 * scaled to ten years (support/ten-years.ts: 2016–2025 figures, ten cycles with tasks, analyses and reports). Reads:
 * the cycle overview, a task's answers, the indicator values, the report page, the delregional start page; then the
 * autosave PATCH (bench/autosave-load.mjs). One summary line; the result in bench/results/http.json.
 *
 *   npm run bench:http                           # embedded PostgreSQL in a temporary folder
 *   DATABASE_URL=postgres://… npm run bench:http # that server (a database is created and dropped)
 *   BENCH_SECONDS=10 BENCH_CONNECTIONS=50 npm run bench:http
 *   BENCH_ENDPOINTS='answers|autosave' npm run bench:http   # only the endpoints whose name matches (and the floor)
 */
import 'reflect-metadata';
import { spawn } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { RequestContext, Role } from '@arshjulet/core';
import { ApiTokenService, UserService } from '@arshjulet/org';
import { DataSource } from 'typeorm';
import { withBenchDatabase } from './support/bench-database.js';
import { startProductionApp } from './support/production-app.js';
import { report } from './support/bench-results.js';
import { FIRST_YEAR, LAST_YEAR, seedTenYears } from './support/ten-years.js';
import { statementCounter } from './support/statement-count.js';

const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 50);
const WARM_UP_SECONDS = 2;
/** dist/bench/http.bench.js → the repository's bench/ (the load runner is plain JavaScript, not compiled). */
const LOAD_RUNNER = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'bench', 'http-load.mjs');
const AUTOSAVE_RUNNER = join(dirname(LOAD_RUNNER), 'autosave-load.mjs');
const READ_RATIO_TARGET = 0.4;
const P99_TARGET_MS = 100;
const AUTOSAVE_TARGET = 1000;
/** Only the endpoints whose name matches (the floor always runs; "autosave" names the PATCH step). */
const ONLY = process.env.BENCH_ENDPOINTS ? new RegExp(process.env.BENCH_ENDPOINTS, 'i') : null;

interface Endpoint {
  name: string;
  path: string;
  headers: Record<string, string>;
}

interface LoadResult {
  requests: { average: number };
  latency: { p99: number; p50: number };
  non2xx: number;
  errors: number;
  timeouts: number;
}

type Measured = LoadResult & { cpuPerRequest: number; pgPerRequest: number | null };

interface AutosaveResult {
  seconds: number;
  saves: number;
  conflicts: number;
  failures: number;
  statuses: Record<string, number>;
  savesPerSecond: number;
  latency: { p50: number | null; p99: number | null };
}

/** Where the embedded server keeps its data, to find its processes; null on DATABASE_URL's server. */
let embeddedDataDir: string | null = null;

/**
 * CPU time (µs) the embedded PostgreSQL has used so far, from /proc (Linux): the postmaster with its reaped
 * children, plus the live backends. Null where it cannot be read (another OS, or DATABASE_URL's shared server).
 */
function postgresCpuMicros(): number | null {
  if (!embeddedDataDir || process.platform !== 'linux') return null;
  const ticks = 1_000_000 / 100; // USER_HZ
  const stat = (pid: string) => {
    const text = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return text.slice(text.lastIndexOf(')') + 2).split(' ');
  };
  try {
    const pids = readdirSync('/proc').filter((name) => /^\d+$/.test(name));
    const postmaster = pids.find((pid) => {
      try {
        return readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes(embeddedDataDir!);
      } catch {
        return false;
      }
    });
    if (!postmaster) return null;
    // Fields after the command: state(0) ppid(1) … utime(11) stime(12) cutime(13) cstime(14).
    const own = stat(postmaster);
    let total = Number(own[11]) + Number(own[12]) + Number(own[13]) + Number(own[14]);
    for (const pid of pids) {
      try {
        const fields = stat(pid);
        if (fields[1] === postmaster) total += Number(fields[11]) + Number(fields[12]);
      } catch {
        // gone meanwhile: its time is in the postmaster's cutime once reaped
      }
    }
    return total * ticks;
  } catch {
    return null;
  }
}

function load(url: string, headers: Record<string, string>, duration: number): Promise<LoadResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [LOAD_RUNNER, JSON.stringify({ url, headers, connections: CONNECTIONS, duration })], {
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.on('error', reject);
    child.on('exit', (code) => (code === 0 ? resolve(JSON.parse(output) as LoadResult) : reject(new Error(`autocannon exited with ${code}`))));
  });
}

/** The autosave load (bench/autosave-load.mjs) in its own process: one task and version chain per connection. */
function autosave(url: string, token: string, tasks: Array<{ id: string; version: number }>, duration: number): Promise<AutosaveResult> {
  return new Promise((resolve, reject) => {
    // As the form's autosave sends it (libs/web/public/js/autosave.js): If-Match and Prefer: return=minimal.
    const options = { url, token, tasks, connections: CONNECTIONS, duration, field: 'successes', prefer: 'return=minimal' };
    const child = spawn(process.execPath, [AUTOSAVE_RUNNER, JSON.stringify(options)], { stdio: ['ignore', 'pipe', 'inherit'] });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.on('error', reject);
    child.on('exit', (code) => (code === 0 ? resolve(JSON.parse(output) as AutosaveResult) : reject(new Error(`autosave load exited with ${code}`))));
  });
}

async function main(): Promise<void> {
  await withBenchDatabase('http', async ({ url: databaseUrl, embeddedDataDir: dataDir }) => {
    embeddedDataDir = dataDir;
    const { app, sessionCookie } = await startProductionApp(databaseUrl);
    try {
      const ctx = RequestContext.system('bench');
      const dataSource = app.get(DataSource);
      const data = await seedTenYears(app);
      console.log(
        `data: ${data.figures.toLocaleString('sv-SE')} figures added for ${FIRST_YEAR}–${LAST_YEAR}, ${data.cycles.size} cycles, ${data.tasks} tasks, ` +
          `${data.reportVersions} report versions, in ${data.seconds.toFixed(0)} s`,
      );
      const users = app.get(UserService);
      const county = await users.create(ctx, { email: 'bench@arshjulet.local', name: 'Bench', password: null, assignments: [{ role: Role.CountyCoordinator }] });
      const delregion = await users.create(ctx, {
        email: 'bench.skaraborg@arshjulet.local', name: 'Bench Skaraborg', password: null, assignments: [{ role: Role.DelregionCoordinator, orgUnitCode: 'DR-SKB' }],
      });
      const delregionCodes: string[] = (await dataSource.query(`SELECT code FROM org_unit WHERE type = 'delregion' AND active ORDER BY code`)).map((r: { code: string }) => r.code);
      const writer = await users.create(ctx, {
        email: 'bench.writer@arshjulet.local', name: 'Bench Writer', password: null,
        assignments: delregionCodes.map((orgUnitCode) => ({ role: Role.DelregionCoordinator, orgUnitCode })),
      });
      const tokens = app.get(ApiTokenService);
      const { token } = await tokens.issue(ctx, county.id, 'bench', null);
      const { token: writerToken } = await tokens.issue(ctx, writer.id, 'bench', null);
      const cookie = await sessionCookie(dataSource, county.id);
      const delregionCookie = await sessionCookie(dataSource, delregion.id);
      await app.listen(0, '127.0.0.1');
      const base = `http://127.0.0.1:${(app.getHttpServer().address() as AddressInfo).port}`;

      const cycleId = data.cycles.get(LAST_YEAR)!;
      // The task with the most answers (an accepted one, filled in by the demo's example).
      const [task] = await dataSource.query(
        `SELECT t.id FROM analysis_task t LEFT JOIN analysis_draft d ON d.task_id = t.id WHERE t.cycle_id = $1 ORDER BY length(d.answers::text) DESC NULLS LAST LIMIT 1`,
        [cycleId],
      );
      const bearer = { Authorization: `Bearer ${token}` };
      const html = (c: string) => ({ Cookie: c, Accept: 'text/html' });
      const floor: Endpoint = { name: 'GET /health (no credentials)', path: '/health', headers: {} };
      const endpoints: Endpoint[] = [
        { name: 'GET /health with a token', path: '/health', headers: bearer },
        { name: `GET /api/v1/cycles/:id/overview (${LAST_YEAR})`, path: `/api/v1/cycles/${cycleId}/overview`, headers: bearer },
        { name: `GET /arshjul/${LAST_YEAR}/uppgifter (cycle overview page)`, path: `/arshjul/${LAST_YEAR}/uppgifter`, headers: html(cookie) },
        { name: 'GET /api/v1/tasks/:id/answers', path: `/api/v1/tasks/${task.id}/answers`, headers: bearer },
        { name: 'GET /api/v1/indicator-values?indicator=IU03&orgUnit=14', path: '/api/v1/indicator-values?indicator=IU03&orgUnit=14', headers: bearer },
        { name: 'GET /api/v1/indicator-values (first page of all)', path: '/api/v1/indicator-values', headers: bearer },
        { name: 'GET /api/v1/indicators/IU03/comparison', path: '/api/v1/indicators/IU03/comparison', headers: bearer },
        { name: 'GET /indikatorer/IU03 (session cookie)', path: '/indikatorer/IU03', headers: html(cookie) },
        { name: `GET /arshjul/${LAST_YEAR}/rapport (report page)`, path: `/arshjul/${LAST_YEAR}/rapport`, headers: html(cookie) },
        { name: 'GET / (delregional start page)', path: '/', headers: html(delregionCookie) },
      ];
      // One request each first: it must answer 200; its SQL statements are counted (where the time goes).
      const countStatements = statementCounter(dataSource);
      const statements = new Map<string, number>();
      const bytes = new Map<string, number>();
      for (const endpoint of [floor, ...endpoints]) {
        const sql = await countStatements(async () => {
          const response = await fetch(base + endpoint.path, { headers: endpoint.headers, redirect: 'manual' });
          bytes.set(endpoint.name, (await response.arrayBuffer()).byteLength);
          if (response.status !== 200) throw new Error(`${endpoint.name} answers ${response.status}, not 200`);
        });
        statements.set(endpoint.name, sql.length);
      }
      console.log(`SQL statements and response bytes per request (BEGIN/COMMIT included): ${[...statements].map(([name, n]) => `${name} ${n}, ${bytes.get(name)} B`).join('; ')}`);

      console.log(`${CONNECTIONS} connections, ${SECONDS} s per endpoint (after ${WARM_UP_SECONDS} s of warm-up), Node ${process.version}`);
      const run = async (endpoint: Endpoint): Promise<Measured> => {
        await load(base + endpoint.path, endpoint.headers, WARM_UP_SECONDS);
        const cpu = process.cpuUsage();
        const pgBefore = postgresCpuMicros();
        const result = await load(base + endpoint.path, endpoint.headers, SECONDS);
        const used = process.cpuUsage(cpu);
        const pgAfter = postgresCpuMicros();
        if (result.non2xx || result.errors || result.timeouts) {
          throw new Error(`${endpoint.name}: ${result.non2xx} non-2xx, ${result.errors} errors, ${result.timeouts} timeouts`);
        }
        // The app's own CPU per request (user + system, µs): what the load on the machine does not change much.
        const served = result.requests.average * SECONDS;
        return { ...result, cpuPerRequest: (used.user + used.system) / served, pgPerRequest: pgBefore === null || pgAfter === null ? null : (pgAfter - pgBefore) / served };
      };
      const base_ = await run(floor);
      const rows = [
        `| endpoint | SQL statements | req/s | p50 ms | p99 ms | req/s ÷ /health | target (≥ 0.40, p99 ≤ 100 ms) | app CPU µs/req | PostgreSQL CPU µs/req |`,
        `| --- | ---: | ---: | ---: | ---: | ---: | --- | ---: | ---: |`,
      ];
      const measured: Array<Record<string, unknown>> = [];
      const row = (endpoint: Endpoint, result: Measured, isFloor = false) => {
        const ratio = result.requests.average / base_.requests.average;
        const met = isFloor ? null : ratio >= READ_RATIO_TARGET && result.latency.p99 <= P99_TARGET_MS;
        measured.push({
          name: endpoint.name, statements: statements.get(endpoint.name) ?? null, responseBytes: bytes.get(endpoint.name) ?? null, path: endpoint.path.replace(/[0-9a-f]{8}-[0-9a-f-]{27}/g, ':id'), reqPerSecond: Math.round(result.requests.average),
          p50Ms: result.latency.p50, p99Ms: result.latency.p99, ratioToFloor: Number(ratio.toFixed(3)), met,
          appCpuMicrosPerRequest: Math.round(result.cpuPerRequest), postgresCpuMicrosPerRequest: result.pgPerRequest === null ? null : Math.round(result.pgPerRequest),
        });
        rows.push(
          `| ${endpoint.name} | ${statements.get(endpoint.name) ?? '–'} | ${Math.round(result.requests.average)} | ${result.latency.p50} | ${result.latency.p99} | ${ratio.toFixed(2)} | ` +
            `${met === null ? 'floor' : met ? 'met' : `missed (${[ratio < READ_RATIO_TARGET ? 'ratio' : '', result.latency.p99 > P99_TARGET_MS ? 'p99' : ''].filter(Boolean).join(', ')})`} | ` +
            `${Math.round(result.cpuPerRequest)} | ${result.pgPerRequest === null ? '–' : Math.round(result.pgPerRequest)} |`,
        );
      };
      row(floor, base_, true);
      for (const endpoint of endpoints.filter((e) => !ONLY || ONLY.test(e.name))) row(endpoint, await run(endpoint));
      console.log(rows.join('\n'));
      if (ONLY && !ONLY.test('autosave')) return;

      // Autosave: one task and version chain per connection. A cycle has one task per delregion (six), so for this
      // part only the ten cycles are put back into their analysis phase and their tasks in progress (SQL), after the
      // reads above were measured on the data as it was.
      await dataSource.query(`UPDATE cycle SET status = 'analysis' WHERE year BETWEEN $1 AND $2`, [FIRST_YEAR, LAST_YEAR]);
      await dataSource.query(`UPDATE analysis_task SET status = 'in_progress' WHERE cycle_id IN (SELECT id FROM cycle WHERE year BETWEEN $1 AND $2)`, [FIRST_YEAR, LAST_YEAR]);
      const chains = async () =>
        (await dataSource.query(
          `SELECT t.id, coalesce(d.version, 0) AS version FROM analysis_task t LEFT JOIN analysis_draft d ON d.task_id = t.id ORDER BY t.id`,
        )) as Array<{ id: string; version: number }>;
      const autosaveTasks = await chains();
      const probe = autosaveTasks[0]!;
      let saveBytes = 0;
      const saveStatements = await countStatements(async () => {
        const response = await fetch(`${base}/api/v1/tasks/${probe.id}/answers`, {
          method: 'PATCH',
          headers: { Authorization: `Bearer ${writerToken}`, 'Content-Type': 'application/json', 'If-Match': `"${probe.version}"`, Prefer: 'return=minimal' },
          body: JSON.stringify({ successes: 'Första sparningen.' }),
        });
        saveBytes = (await response.arrayBuffer()).byteLength;
        if (response.status !== 200) throw new Error(`autosave answers ${response.status}, not 200`);
      });
      if (process.env.BENCH_SHOW_SQL) console.log(saveStatements.join('\n---\n'));
      if (autosaveTasks.length < CONNECTIONS) console.log(`autosave: ${autosaveTasks.length} tasks for ${CONNECTIONS} connections: some share a task (409s are retried)`);
      await autosave(base, writerToken, autosaveTasks, WARM_UP_SECONDS);
      const cpu = process.cpuUsage();
      const pgBefore = postgresCpuMicros();
      const saved = await autosave(base, writerToken, await chains(), SECONDS);
      const used = process.cpuUsage(cpu);
      const pgAfter = postgresCpuMicros();
      const autosaveMet = saved.savesPerSecond >= AUTOSAVE_TARGET && saved.failures === 0;
      console.log(
        `| PATCH /api/v1/tasks/:id/answers (If-Match; ${Math.min(CONNECTIONS, autosaveTasks.length)} chains) | ${saveStatements.length} | ${Math.round(saved.savesPerSecond)} saves/s | ${saved.latency.p50} | ${saved.latency.p99} | ` +
          `${(saved.savesPerSecond / base_.requests.average).toFixed(2)} | ${autosaveMet ? 'met' : 'missed'} (≥ ${AUTOSAVE_TARGET} saves/s) | ` +
          `${Math.round((used.user + used.system) / Math.max(1, saved.saves))} | ${pgBefore === null || pgAfter === null ? '–' : Math.round((pgAfter - pgBefore) / Math.max(1, saved.saves))} |`,
      );
      console.log(`autosave: ${saveStatements.length} SQL statements and ${saveBytes} response bytes per save; ${saved.saves} saves, ${saved.conflicts} conflicts (409, retried), ${saved.failures} failures; statuses ${JSON.stringify(saved.statuses)}`);

      const writes = await dataSource.query(`SELECT last_used_at FROM api_token WHERE user_id = $1`, [county.id]);
      console.log(`token last used at ${writes[0].last_used_at?.toISOString() ?? 'never'} (written at most every 5 minutes)`);

      const reads = measured.filter((m) => m.met !== null);
      const readsMet = reads.filter((m) => m.met).length;
      const worst = reads.length ? reads.reduce((a, b) => ((a.ratioToFloor as number) <= (b.ratioToFloor as number) ? a : b)) : { name: '–' };
      const summary =
        `floor GET /health ${Math.round(base_.requests.average)} req/s at ${CONNECTIONS} connections; reads ${readsMet}/${reads.length} met (≥ ${READ_RATIO_TARGET} of the floor, p99 ≤ ${P99_TARGET_MS} ms): ` +
        reads.map((m) => `${String(m.name).replace(/^GET /, '').replace(/ \(.*\)$/, '')} ${(m.ratioToFloor as number).toFixed(2)}× p99 ${m.p99Ms as number} ms`).join('; ') +
        `; lowest ${String(worst.name)}; autosave ${Math.round(saved.savesPerSecond)} saves/s (target ≥ ${AUTOSAVE_TARGET}: ${autosaveMet ? 'met' : 'missed'})`;
      report('http', summary, {
        connections: CONNECTIONS,
        seconds: SECONDS,
        database: process.env.DATABASE_URL ? 'DATABASE_URL' : 'embedded',
        data: { figuresAdded: data.figures, years: `${FIRST_YEAR}–${LAST_YEAR}`, cycles: data.cycles.size, tasks: data.tasks, reportVersions: data.reportVersions },
        targets: { readRatioToFloorMin: READ_RATIO_TARGET, readP99MaxMs: P99_TARGET_MS, autosaveSavesPerSecondMin: AUTOSAVE_TARGET },
        floor: measured[0],
        endpoints: measured.slice(1),
        autosave: {
          ...saved, statements: saveStatements.length, responseBytes: saveBytes, chains: Math.min(CONNECTIONS, autosaveTasks.length), met: autosaveMet, ratioToFloor: saved.savesPerSecond / base_.requests.average,
          appCpuMicrosPerSave: (used.user + used.system) / Math.max(1, saved.saves),
          postgresCpuMicrosPerSave: pgBefore === null || pgAfter === null ? null : (pgAfter - pgBefore) / Math.max(1, saved.saves),
        },
      });
    } finally {
      // autocannon hangs up with requests still in flight: let them finish before the pool closes under them.
      await new Promise((done) => setTimeout(done, 2000));
      await app.close();
    }
  });
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
