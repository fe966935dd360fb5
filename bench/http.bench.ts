/**
 * HTTP bench: the app as production runs it (compiled, NODE_ENV=production, views cached), loaded with autocannon
 * from a separate process. Each endpoint's req/s and p99 is printed next to unauthenticated `GET /health` of the
 * same app in the same run, as a ratio, so the numbers mean the same on a laptop and on CI.
 *
 *   npm run bench:http                           # embedded PostgreSQL in a temporary folder
 *   DATABASE_URL=postgres://… npm run bench:http # that server (a database is created and dropped)
 *   BENCH_SECONDS=10 BENCH_CONNECTIONS=50 npm run bench:http
 */
import 'reflect-metadata';
import { spawn } from 'node:child_process';
import { createHmac, randomBytes } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadConfig, RequestContext, Role } from '@arshjulet/core';
import { DemoSeedService } from '@arshjulet/indicators';
import { ApiTokenService, UserService } from '@arshjulet/org';
import { DataSource } from 'typeorm';
import { createHttpApp } from '../apps/api/src/bootstrap.js';
import { withBenchDatabase } from './support/bench-database.js';

const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 50);
const WARM_UP_SECONDS = 2;
/** dist/bench/http.bench.js → the repository's bench/ (the load runner is plain JavaScript, not compiled). */
const LOAD_RUNNER = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'bench', 'http-load.mjs');

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

/** A signed-in web session, stored as the session store stores one, and its signed cookie. */
async function seedSession(dataSource: DataSource, secret: string, userId: string, idleMinutes: number): Promise<string> {
  const sid = randomBytes(24).toString('base64url');
  const now = new Date();
  const expires = new Date(now.getTime() + idleMinutes * 60_000);
  const sess = {
    cookie: { originalMaxAge: idleMinutes * 60_000, expires: expires.toISOString(), secure: true, httpOnly: true, path: '/', sameSite: 'lax' },
    userId,
    loggedInAt: now.toISOString(),
    csrfToken: randomBytes(16).toString('hex'),
  };
  await dataSource.query('INSERT INTO user_session (sid, sess, expire) VALUES ($1, $2, $3)', [sid, JSON.stringify(sess), expires]);
  // express-session's signed cookie: "s:" + sid + "." + base64 HMAC-SHA256 without padding (cookie-signature).
  const signature = createHmac('sha256', secret).update(sid).digest('base64').replace(/=+$/, '');
  return `arshjulet.sid=${encodeURIComponent(`s:${sid}.${signature}`)}`;
}

async function main(): Promise<void> {
  await withBenchDatabase('http', async ({ url: databaseUrl, embeddedDataDir: dataDir }) => {
    embeddedDataDir = dataDir;
    process.env.NODE_ENV = 'production'; // Express caches compiled views only then
    const secret = randomBytes(32).toString('hex');
    const config = loadConfig({ ...process.env, NODE_ENV: 'production', SESSION_SECRET: secret, LOG_LEVEL: 'warn', LOG_PRETTY: 'false', SCHEDULER: 'false', OUTBOX_WORKER: 'false' });
    const app = await createHttpApp(config, databaseUrl);
    try {
      const ctx = RequestContext.system('bench');
      await app.get(DemoSeedService).seedIfEmpty(ctx);
      const user = await app.get(UserService).create(ctx, {
        email: 'bench@arshjulet.local',
        name: 'Bench',
        password: null,
        assignments: [{ role: Role.CountyCoordinator }],
      });
      const { token } = await app.get(ApiTokenService).issue(ctx, user.id, 'bench', null);
      const cookie = await seedSession(app.get(DataSource), secret, user.id, config.SESSION_IDLE_MINUTES);
      await app.listen(0, '127.0.0.1');
      const base = `http://127.0.0.1:${(app.getHttpServer().address() as AddressInfo).port}`;

      const bearer = { Authorization: `Bearer ${token}` };
      const floor: Endpoint = { name: 'GET /health (no credentials)', path: '/health', headers: {} };
      const endpoints: Endpoint[] = [
        { name: 'GET /health with a token', path: '/health', headers: bearer },
        { name: 'GET /api/v1/indicator-values', path: '/api/v1/indicator-values', headers: bearer },
        { name: 'GET /api/v1/indicators/IU03/comparison', path: '/api/v1/indicators/IU03/comparison', headers: bearer },
        { name: 'GET /indikatorer/IU03 (session cookie)', path: '/indikatorer/IU03', headers: { Cookie: cookie, Accept: 'text/html' } },
      ];
      for (const endpoint of [floor, ...endpoints]) {
        const response = await fetch(base + endpoint.path, { headers: endpoint.headers });
        if (response.status !== 200) throw new Error(`${endpoint.name} answers ${response.status}, not 200`);
      }

      console.log(`${CONNECTIONS} connections, ${SECONDS} s per endpoint (after ${WARM_UP_SECONDS} s of warm-up), Node ${process.version}`);
      const run = async (endpoint: Endpoint): Promise<LoadResult & { cpuPerRequest: number; pgPerRequest: number | null }> => {
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
        `| endpoint | req/s | p50 ms | p99 ms | req/s ÷ /health | app CPU µs/req | PostgreSQL CPU µs/req |`,
        `| --- | ---: | ---: | ---: | ---: | ---: | ---: |`,
      ];
      const row = (name: string, result: LoadResult & { cpuPerRequest: number; pgPerRequest: number | null }) =>
        `| ${name} | ${Math.round(result.requests.average)} | ${result.latency.p50} | ${result.latency.p99} | ` +
        `${(result.requests.average / base_.requests.average).toFixed(2)} | ${Math.round(result.cpuPerRequest)} | ${result.pgPerRequest === null ? '–' : Math.round(result.pgPerRequest)} |`;
      rows.push(row(floor.name, base_));
      for (const endpoint of endpoints) rows.push(row(endpoint.name, await run(endpoint)));
      console.log(rows.join('\n'));

      const writes = await app.get(DataSource).query(`SELECT last_used_at FROM api_token WHERE user_id = $1`, [user.id]);
      console.log(`token last used at ${writes[0].last_used_at?.toISOString() ?? 'never'} (written at most every 5 minutes)`);
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
