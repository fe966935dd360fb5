import { randomBytes, randomUUID } from 'node:crypto';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { loadConfig, RequestContext, Role } from '@arshjulet/core';
import { LockKeys } from '@arshjulet/db';
import { ApiTokenService, UserService } from '@arshjulet/org';
import pg from 'pg';
import { createHttpApp } from '../../apps/api/src/bootstrap.js';
import { MIGRATIONS } from '../../apps/api/src/database/migrations.js';
import { buildDist, freePort, type Running, startOnServer, START_BOUND_MS, stopAll, waitReady } from '../support/app-process.js';
import { SmtpInbox } from '../support/smtp-inbox.js';
import { createEmptyTestDatabase, createTestDatabase } from '../support/test-database.js';

/**
 * Two real app processes on different ports against one PostgreSQL database, configured as behind a load balancer
 * (production, one SESSION_SECRET, TRUST_PROXY=1, the proxy's X-Forwarded-* headers on every request), with the mail
 * worker and the scheduler on in both. Whatever one instance does, the other sees at the next request.
 *
 * The daily sweep across two processes is proven in reminders-two-processes.e2e-spec.ts (two `scheduler:run`
 * processes released together send each reminder once); here both instances' mail workers drain one outbox.
 */
const LIMIT_PER_ACCOUNT = 4;
const SECRET = randomBytes(32).toString('base64url');

/** Production behind one proxy: what every instance of a load-balanced deployment is given. */
const instanceEnv = (smtpUrl: string): NodeJS.ProcessEnv => ({
  NODE_ENV: 'production', SESSION_SECRET: SECRET, TRUST_PROXY: '1', SMTP_URL: smtpUrl,
  OUTBOX_WORKER: 'true', OUTBOX_POLL_SECONDS: '0.2', SCHEDULER: 'true',
  LOGIN_LIMIT_PER_ACCOUNT: String(LIMIT_PER_ACCOUNT), LOGIN_LIMIT_PER_IP: '1000', LOGIN_WINDOW_MINUTES: '15',
});

interface Instance {
  running: Running;
  url: string;
}

async function startInstance(databaseUrl: string, env: NodeJS.ProcessEnv, started: Running[]): Promise<{ running: Running; port: number }> {
  const port = await freePort();
  const running = startOnServer('main', databaseUrl, [], { ...env, PORT: String(port) });
  started.push(running);
  return { running, port };
}

/**
 * One person's browser behind the load balancer: a cookie jar holding the session cookie and the CSRF token of the
 * last form it saw, whichever instance each request reaches. The proxy adds X-Forwarded-For and -Proto.
 */
class Browser {
  sid: string | null = null;
  cookieAttributes = '';
  private csrfToken = '';
  constructor(private readonly clientIp = `203.0.113.${1 + Math.floor(Math.random() * 250)}`) {}

  async request(instance: Instance, path: string, form?: Record<string, string>): Promise<Response> {
    const headers: Record<string, string> = { Accept: 'text/html', 'X-Forwarded-Proto': 'https', 'X-Forwarded-For': this.clientIp };
    if (this.sid !== null) headers.Cookie = `arshjulet.sid=${this.sid}`;
    let body: string | undefined;
    if (form) {
      headers['Content-Type'] = 'application/x-www-form-urlencoded';
      body = new URLSearchParams({ _csrf: this.csrfToken, ...form }).toString();
    }
    const response = await fetch(`${instance.url}${path}`, { method: form ? 'POST' : 'GET', headers, body, redirect: 'manual' });
    for (const cookie of response.headers.getSetCookie()) {
      const found = /^arshjulet\.sid=([^;]*)(.*)$/.exec(cookie);
      if (!found) continue;
      const expired = /Expires=Thu, 01 Jan 1970/i.test(found[2]!);
      this.sid = found[1] && !expired ? found[1] : null;
      this.cookieAttributes = found[2]!;
    }
    return response;
  }

  /** Loads a page and keeps its form's CSRF token, as the hidden field would carry it. */
  async page(instance: Instance, path: string): Promise<Response> {
    const response = await this.request(instance, path);
    const text = await response.clone().text();
    const found = /name="_csrf" value="([^"]+)"/.exec(text);
    if (found) this.csrfToken = found[1]!;
    return response;
  }

  async login(instance: Instance, email: string, password: string): Promise<Response> {
    await this.page(instance, '/logga-in');
    return this.request(instance, '/logga-in', { email, password });
  }
}

/** 200 with the person's own account page, or where a signed-out visitor is sent. */
async function accountPage(browser: Browser, instance: Instance): Promise<{ status: number; location: string | null; text: string }> {
  const response = await browser.page(instance, '/konto');
  return { status: response.status, location: response.headers.get('location'), text: await response.text() };
}

describe('Two app instances on one PostgreSQL', () => {
  let inbox: SmtpInbox;
  let database: { url: string; drop: () => Promise<void> };
  let client: pg.Client;
  let seeder: NestExpressApplication;
  const started: Running[] = [];
  let a: Instance;
  let b: Instance;
  let counter = 0;

  beforeAll(async () => {
    buildDist();
    inbox = await SmtpInbox.start();
    database = await createTestDatabase();
    client = new pg.Client({ connectionString: database.url });
    await client.connect();
    // People are made through the product's own service, in the test process; the instances are what is under test.
    seeder = await createHttpApp(loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'warn', LOG_PRETTY: 'false' }), database.url);
    const [first, second] = [await startInstance(database.url, instanceEnv(inbox.url), started), await startInstance(database.url, instanceEnv(inbox.url), started)];
    await Promise.all([waitReady(first.running, first.port), waitReady(second.running, second.port)]);
    a = { running: first.running, url: `http://127.0.0.1:${first.port}` };
    b = { running: second.running, url: `http://127.0.0.1:${second.port}` };
  }, START_BOUND_MS * 2);

  afterAll(async () => {
    await stopAll(started);
    await seeder?.close();
    await client?.end();
    await database?.drop();
    await inbox?.close();
  });

  async function person(role: Role): Promise<{ id: string; email: string; name: string; password: string; token: string }> {
    const n = ++counter;
    const password = `två-instanser-${n}-${randomUUID()}`;
    const ctx = RequestContext.system('test');
    const user = await seeder.get(UserService).create(ctx, {
      email: `${role}.${n}.${randomBytes(3).toString('hex')}@tva-instanser.test`,
      name: `Person ${n} Tvåinstans`,
      password,
      assignments: [{ role, orgUnitCode: null }],
    });
    const { token } = await seeder.get(ApiTokenService).issue(ctx, user.id, 'test', null);
    return { id: user.id, email: user.email, name: user.name, password, token };
  }

  const apiStatus = (instance: Instance, token: string): Promise<number> =>
    fetch(`${instance.url}/api/v1/me/tokens`, { headers: { Authorization: `Bearer ${token}` } }).then((r) => r.status);

  it('a session made on one instance is valid on the other (one SESSION_SECRET, sessions in PostgreSQL)', async () => {
    const viewer = await person(Role.Viewer);
    const browser = new Browser();
    expect((await browser.login(a, viewer.email, viewer.password)).status).toBe(303);
    expect(browser.sid).not.toBeNull();
    expect(browser.cookieAttributes).toMatch(/; Secure/); // https as the proxy reported it (TRUST_PROXY)

    const onB = await accountPage(browser, b);
    expect(onB.status).toBe(200);
    expect(onB.text).toContain(viewer.email);
    // A form rendered by B, posted to A: the CSRF token lives in the shared session too.
    const logout = await browser.request(a, '/logga-ut', {});
    expect(logout.status).toBe(303);
    expect(logout.headers.get('location')).toBe('/logga-in?meddelande=utloggad');
  });

  it('a logout on one instance ends the session on both', async () => {
    const viewer = await person(Role.Viewer);
    const browser = new Browser();
    expect((await browser.login(b, viewer.email, viewer.password)).status).toBe(303);
    expect((await accountPage(browser, a)).status).toBe(200);
    const cookie = browser.sid;

    expect((await browser.request(a, '/logga-ut', {})).status).toBe(303);
    // The cookie as another tab or a copy of it still holds it: neither instance accepts it any more.
    const stale = new Browser();
    stale.sid = cookie;
    for (const instance of [b, a]) {
      const after = await accountPage(stale, instance);
      expect(after.status).toBe(303);
      expect(after.location).toBe('/logga-in?next=%2Fkonto');
    }
  });

  it('a deactivation on one instance takes effect on the other at its next request', async () => {
    const admin = await person(Role.Admin);
    const target = await person(Role.Viewer);
    const theirs = new Browser();
    expect((await theirs.login(b, target.email, target.password)).status).toBe(303);
    expect((await accountPage(theirs, b)).status).toBe(200); // B has served them: nothing it could keep helps now
    expect(await apiStatus(b, target.token)).toBe(200);

    const admins = new Browser();
    expect((await admins.login(a, admin.email, admin.password)).status).toBe(303);
    await admins.page(a, `/administration/anvandare/${target.id}`);
    const [{ version }] = (await client.query('SELECT version FROM app_user WHERE id = $1', [target.id])).rows;
    const deactivated = await admins.request(a, `/administration/anvandare/${target.id}/inaktivera`, { version: String(version) });
    expect(deactivated.status).toBe(303);
    expect((await client.query('SELECT active FROM app_user WHERE id = $1', [target.id])).rows[0].active).toBe(false);

    const next = await accountPage(theirs, b);
    expect(next.status).toBe(303);
    expect(next.location).toBe('/logga-in?next=%2Fkonto');
    expect(await apiStatus(b, target.token)).toBe(401);
    // Nor can they sign in again on either instance.
    for (const instance of [b, a]) expect((await new Browser().login(instance, target.email, target.password)).status).toBe(401);
  });

  it('the login rate limit counts failures on both instances together: 429 with Retry-After on either', async () => {
    const viewer = await person(Role.Viewer);
    // Alternating instances and client addresses: each instance alone sees only half the limit.
    for (let i = 0; i < LIMIT_PER_ACCOUNT; i++) {
      const failed = await new Browser(`198.51.100.${10 + i}`).login(i % 2 === 0 ? a : b, viewer.email, 'inte rätt lösenord');
      expect(failed.status).toBe(401);
    }
    for (const instance of [a, b]) {
      const locked = await new Browser(`198.51.100.${instance === a ? 40 : 41}`).login(instance, viewer.email, viewer.password);
      expect(locked.status).toBe(429);
      const retryAfter = Number(locked.headers.get('retry-after'));
      expect(retryAfter).toBeGreaterThan(14 * 60);
      expect(retryAfter).toBeLessThanOrEqual(15 * 60);
      expect(await locked.text()).toContain('För många inloggningsförsök.');
    }
  });

  it("both instances' mail workers deliver each message of one outbox exactly once", async () => {
    const run = randomUUID();
    const addresses = Array.from({ length: 60 }, (_, i) => `utkorg.${i}.${run}@tva-instanser.test`);
    inbox.delayMs = 20; // deliveries overlap the other worker's polls
    try {
      // One statement: every message becomes due at once, and both workers race for it.
      await client.query(
        `INSERT INTO outbox_message (channel, kind, recipient, subject, body)
         SELECT 'email', 'test.two_instances', address, 'Två instanser', 'Hej!' FROM unnest($1::text[]) AS address`,
        [addresses],
      );
      const deadline = Date.now() + 120_000;
      for (;;) {
        const { rows } = await client.query(`SELECT count(*)::int AS n FROM outbox_message WHERE kind = 'test.two_instances' AND recipient LIKE $1 AND status = 'sent'`, [`%${run}%`]);
        if (rows[0].n === addresses.length) break;
        if (Date.now() > deadline) throw new Error(`only ${rows[0].n} of ${addresses.length} sent:\nA:\n${a.running.output()}\nB:\n${b.running.output()}`);
        await new Promise((done) => setTimeout(done, 100));
      }
    } finally {
      inbox.delayMs = 0;
    }
    expect(addresses.map((address) => inbox.to(address).length)).toEqual(addresses.map(() => 1));
    const { rows } = await client.query(`SELECT max(attempts)::int AS most FROM outbox_message WHERE recipient LIKE $1`, [`%${run}%`]);
    expect(rows[0].most).toBe(1); // never claimed by both
  }, 180_000);
});

describe('Two instances starting at the same moment on an empty database', () => {
  const started: Running[] = [];
  const databases: Array<{ drop: () => Promise<void> }> = [];

  beforeAll(() => buildDist(), START_BOUND_MS);

  afterAll(async () => {
    await stopAll(started);
    for (const database of databases) await database.drop();
  });

  /** Row counts of the tables start-up fills, and what the audit trail says it did. */
  async function startupRows(url: string): Promise<{ tables: Record<string, number>; audit: Record<string, number> }> {
    const db = new pg.Client({ connectionString: url });
    await db.connect();
    try {
      const tables: Record<string, number> = {};
      for (const table of ['org_unit', 'indicator', 'theme_tag', 'template', 'template_version', 'app_user', 'role_assignment', 'outbox_message']) {
        tables[table] = (await db.query(`SELECT count(*)::int AS n FROM ${table}`)).rows[0].n;
      }
      const audit = Object.fromEntries((await db.query(`SELECT action, count(*)::int AS n FROM audit_event GROUP BY action`)).rows.map((row) => [row.action, row.n]));
      return { tables, audit };
    } finally {
      await db.end();
    }
  }

  it('migrates once under the advisory lock, loads reference data once, and both become ready', async () => {
    const empty = await createEmptyTestDatabase();
    databases.push(empty);
    // Hold the migration lock until both instances wait on it, then let them go together.
    const barrier = new pg.Client({ connectionString: empty.url });
    await barrier.connect();
    try {
      await barrier.query('SELECT pg_advisory_lock($1)', [LockKeys.Migration]);
      const env: NodeJS.ProcessEnv = { NODE_ENV: 'production', SESSION_SECRET: SECRET, TRUST_PROXY: '1', OUTBOX_WORKER: 'true', SCHEDULER: 'true' };
      const [c, d] = await Promise.all([startInstance(empty.url, env, started), startInstance(empty.url, env, started)]);
      const deadline = Date.now() + START_BOUND_MS;
      for (;;) {
        const { rows } = await barrier.query(
          `SELECT count(*)::int AS n FROM pg_locks
            WHERE locktype = 'advisory' AND database = (SELECT oid FROM pg_database WHERE datname = current_database())
              AND classid = 0 AND objid = $1 AND NOT granted`,
          [LockKeys.Migration],
        );
        if (rows[0].n === 2) break;
        for (const { running } of [c, d]) if (running.child.exitCode !== null) throw new Error(`exited before migrating:\n${running.output()}`);
        if (Date.now() > deadline) throw new Error(`both did not reach the migration lock:\n${c.running.output()}\n---\n${d.running.output()}`);
        await new Promise((done) => setTimeout(done, 50));
      }
      await barrier.query('SELECT pg_advisory_unlock($1)', [LockKeys.Migration]);
      await Promise.all([waitReady(c.running, c.port), waitReady(d.running, d.port)]);
    } finally {
      await barrier.end();
    }

    const db = new pg.Client({ connectionString: empty.url });
    await db.connect();
    try {
      const { rows: migrations } = await db.query<{ name: string; n: number }>('SELECT name, count(*)::int AS n FROM migration GROUP BY name ORDER BY name');
      expect(migrations.map((row) => row.name).sort()).toEqual(MIGRATIONS.map((migration) => migration.name).sort());
      expect(migrations.every((row) => row.n === 1)).toBe(true);
    } finally {
      await db.end();
    }
    // Reference data as one instance alone loads it (the test template, built by a single start in test mode)...
    const single = await createTestDatabase();
    databases.push(single);
    const [both, one] = [await startupRows(empty.url), await startupRows(single.url)];
    for (const table of ['org_unit', 'indicator', 'theme_tag', 'template', 'template_version']) expect([table, both.tables[table]]).toEqual([table, one.tables[table]]);
    for (const action of ['org_unit.reference_loaded', 'indicator.reference_loaded', 'template.reference_published']) {
      expect([action, both.audit[action]]).toEqual([action, 1]);
    }
    // ...and one first administrator (which test mode does not make), invited once.
    expect([both.tables.app_user, both.tables.role_assignment, both.tables.outbox_message]).toEqual([1, 1, 1]);
    expect([both.audit['user.created'], both.audit['user.invitation_sent']]).toEqual([1, 1]);
  }, START_BOUND_MS * 2);
});
