import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createDatabaseIfMissing, RunningPostgres, startEmbeddedPostgres } from '@arshjulet/db';
import { buildDist, freePort, Running, startOnServer } from '../support/app-process.js';

/**
 * The app process on a PostgreSQL of its own (an embedded server this test starts and stops; the machine's cluster
 * is left alone). Stopping the server while the app serves: API requests and pages fail at once with 503 (problem+json,
 * a Swedish page), readiness says 503, liveness stays 200 and the process stays up; when the server is back on the
 * same port and data, the app serves again by itself, without a restart.
 */
/** A limit on every request, not a measurement: a request that hangs instead of failing fails the test. */
const REQUEST_LIMIT_MS = 20_000;
const POLL_BOUND_MS = 90_000;
const PASSWORD = 'Avbrott-i-databasen-2026';

interface Answer {
  status: number;
  type: string;
  text: string;
  setCookie: string[];
}

async function until<T>(what: string, read: () => Promise<T | null | undefined | false>): Promise<T> {
  const deadline = Date.now() + POLL_BOUND_MS;
  for (;;) {
    const value = await read();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`${what}: not within ${POLL_BOUND_MS / 1000} s`);
    await new Promise((done) => setTimeout(done, 200));
  }
}

describe('a database outage while the app serves', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'arshjulet-outage-'));
  const started: Running[] = [];
  let server: RunningPostgres | null = null;
  let pgPort: number;
  let base: string;
  let app: Running;

  const get = async (path: string, headers: Record<string, string> = {}): Promise<Answer> => {
    const response = await fetch(`${base}${path}`, { headers, redirect: 'manual', signal: AbortSignal.timeout(REQUEST_LIMIT_MS) });
    return { status: response.status, type: response.headers.get('content-type') ?? '', text: await response.text(), setCookie: response.headers.getSetCookie() };
  };

  const startServer = async (): Promise<RunningPostgres> => startEmbeddedPostgres({ dataDir, port: pgPort, ephemeral: true });

  beforeAll(async () => {
    buildDist();
    pgPort = await freePort();
    server = await startServer();
    await createDatabaseIfMissing(server.adminUrl, 'arshjulet');
    const port = await freePort();
    base = `http://127.0.0.1:${port}`;
    // The mail worker polls the database too: the outage must not take the process down through it either.
    app = startOnServer('main', server.urlFor('arshjulet'), [], { PORT: String(port), OUTBOX_WORKER: 'true', OUTBOX_POLL_SECONDS: '0.2' });
    started.push(app);
    await app.waitFor(/Årshjulet is running at/);
  }, 300_000);

  afterAll(async () => {
    for (const running of started) {
      if (running.child.exitCode === null && running.child.signalCode === null) {
        running.child.kill('SIGKILL');
        await running.exited;
      }
    }
    await server?.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }, 120_000);

  /** A bearer token for the API and a signed-in session (cookie) for the pages, made while the database is up. */
  async function credentials(): Promise<{ token: string; cookie: string }> {
    const url = server!.urlFor('arshjulet');
    const created = startOnServer('cli', url, ['user:create', '--email', 'avbrott@test.se', '--name', 'Ada Avbrott', '--role', 'admin', '--password-stdin'], {}, PASSWORD);
    started.push(created);
    expect(await created.exited).toBe(0);
    const issued = startOnServer('cli', url, ['token:create', '--email', 'avbrott@test.se', '--name', 'avbrott']);
    started.push(issued);
    expect(await issued.exited).toBe(0);
    const token = /arsh_\S+/.exec(issued.output())?.[0];
    if (!token) throw new Error(`no token printed:\n${issued.output()}`);

    const form = await get('/logga-in', { Accept: 'text/html' });
    const csrf = /name="_csrf" value="([^"]+)"/.exec(form.text)?.[1];
    const first = form.setCookie.map((c) => c.split(';')[0]).join('; ');
    const login = await fetch(`${base}/logga-in`, {
      method: 'POST',
      redirect: 'manual',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded', Cookie: first, Accept: 'text/html' },
      body: new URLSearchParams({ _csrf: csrf ?? '', email: 'avbrott@test.se', password: PASSWORD }).toString(),
      signal: AbortSignal.timeout(REQUEST_LIMIT_MS),
    });
    expect(login.status).toBe(303);
    const cookie = login.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ');
    expect(cookie).toContain('arshjulet.sid=');
    return { token, cookie };
  }

  it('answers 503 at once while PostgreSQL is down, stays alive, and serves again by itself when it is back', async () => {
    const { token, cookie } = await credentials();
    const apiRequest = (): Promise<Answer> => get('/api/v1/cycles', { Authorization: `Bearer ${token}`, Accept: 'application/json' });
    const page = (): Promise<Answer> => get('/', { Cookie: cookie, Accept: 'text/html' });
    expect((await apiRequest()).status).toBe(200);
    expect((await page()).status).toBe(200);
    expect((await get('/health/ready')).status).toBe(200);

    await server!.stop();
    server = null;

    await until('readiness to say the database is gone', async () => (await get('/health/ready')).status === 503);
    const ready = await get('/health/ready');
    expect(ready.status).toBe(503);
    expect(ready.type).toContain('application/problem+json');
    expect(JSON.parse(ready.text)).toMatchObject({ status: 503, code: 'not_ready', checks: { database: { status: 'down' } } });

    // Several rounds: the pool's broken connections are dropped, new ones are refused; every answer is 503, none hangs.
    for (let round = 0; round < 3; round++) {
      const answer = await apiRequest();
      expect(answer.status).toBe(503);
      expect(answer.type).toContain('application/problem+json');
      expect(JSON.parse(answer.text)).toMatchObject({ status: 503, code: 'database_unavailable' });

      const shown = await page();
      expect(shown.status).toBe(503);
      expect(shown.type).toContain('text/html');
      expect(shown.text).toContain('Tjänsten är inte tillgänglig');
      expect(shown.text).toContain('Databasen svarar inte just nu');
    }
    expect((await get('/health')).status).toBe(200);
    expect(app.child.exitCode).toBeNull();

    server = await startServer();

    await until('the API to serve again', async () => (await apiRequest()).status === 200);
    expect((await page()).status).toBe(200);
    expect((await get('/health/ready')).status).toBe(200);
    expect(app.child.exitCode).toBeNull();
    expect(app.output()).not.toMatch(/unhandled exception/);
  }, 600_000);
});
