import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { buildDist, embeddedPassword, query, root, Running, startApp, stopAll, waitReady } from '../support/app-process.js';

/**
 * The app as users start it (`node dist/.../main.js` on the embedded default), killed and restarted for real.
 */
const main = join(root, 'dist', 'apps', 'api', 'src', 'main.js');

function freePort(): Promise<number> {
  return new Promise((done) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => done(port));
    });
  });
}

/** The port the app printed; waited for as an event (the line is printed before the app serves). */
async function embeddedPort(running: Running): Promise<number> {
  const [, port] = await running.waitFor(/Embedded PostgreSQL on port (\d+)/);
  return Number(port);
}

function spawnMain(env: NodeJS.ProcessEnv): Promise<{ code: number | null; output: string }> {
  const child = spawn(process.execPath, [main], { cwd: root, env, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  return new Promise((done) => child.on('close', (code) => done({ code, output })));
}

describe('the app on its embedded PostgreSQL', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'arshjulet-restart-'));
  const started: Running[] = [];

  beforeAll(() => buildDist(), 120_000);

  afterAll(async () => {
    await stopAll(started);
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('refuses a second instance on the same data folder, and keeps all data through a SIGKILL', async () => {
    const firstPort = await freePort();
    const first = startApp(dataDir, firstPort);
    started.push(first);
    await waitReady(first, firstPort);
    const pgPort = await embeddedPort(first);
    await query(dataDir, pgPort, `INSERT INTO org_unit (type, code, name, active, version) VALUES ('local_area', 'LA-TEST', 'Testområdet', true, 1)`);

    const second = startApp(dataDir, await freePort());
    started.push(second);
    expect(await second.exited).toBe(1);
    expect(second.output()).toContain('is already using the data folder');

    first.child.kill('SIGKILL');
    await first.exited;

    const thirdPort = await freePort();
    const third = startApp(dataDir, thirdPort);
    started.push(third);
    await waitReady(third, thirdPort);
    const rows = await query<{ name: string }>(dataDir, await embeddedPort(third), `SELECT name FROM org_unit WHERE code = 'LA-TEST'`);
    expect(rows).toEqual([{ name: 'Testområdet' }]);

    third.child.kill('SIGTERM');
    expect(await third.exited).toBe(0);
  }, 600_000);

  it('runs in production on the embedded PostgreSQL when allowed, with a generated password kept private in the data folder, never printed', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'arshjulet-password-'));
    try {
      const port = await freePort();
      const app = startApp(folder, port, { LOG_LEVEL: 'info', NODE_ENV: 'production', SESSION_SECRET: 'x'.repeat(40), EMBEDDED_DB_IN_PRODUCTION: 'true' });
      started.push(app);
      await waitReady(app, port);
      const pgPort = await embeddedPort(app);
      expect(app.output()).toContain('EMBEDDED_DB_IN_PRODUCTION=true: production data lives in the embedded PostgreSQL');

      const password = embeddedPassword(folder);
      expect(password.length).toBeGreaterThanOrEqual(32);
      expect(statSync(join(folder, 'pg-password')).mode & 0o777).toBe(0o600);
      const withDefault = new pg.Client({ host: '127.0.0.1', port: pgPort, user: 'postgres', password: 'postgres', database: 'arshjulet' });
      await expect(withDefault.connect()).rejects.toMatchObject({ code: '28P01' });
      await withDefault.end().catch(() => undefined);
      expect(await query(folder, pgPort, 'SELECT 1 AS one')).toEqual([{ one: 1 }]);

      app.child.kill('SIGTERM');
      await app.exited;
      expect(app.output()).not.toContain(password);
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  }, 600_000);

  it('refuses to start on a bad setting and names it', async () => {
    const { code, output } = await spawnMain({ ...process.env, PORT: 'tre tusen', DATABASE_URL: '' });
    expect(code).toBe(1);
    expect(output).toContain('Årshjulet cannot start');
    expect(output).toContain('PORT="tre tusen"');
  });

  it('refuses the embedded database in production unless explicitly allowed, and says how', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'arshjulet-production-'));
    try {
      const production = { ...process.env, NODE_ENV: 'production', SESSION_SECRET: 'x'.repeat(40), DATA_DIR: folder, DATABASE_URL: '' };
      const refused = await spawnMain(production);
      expect(refused.code).toBe(1);
      expect(refused.output).toContain('Årshjulet cannot start');
      expect(refused.output).toContain('NODE_ENV=production needs DATABASE_URL');
      expect(refused.output).toContain('EMBEDDED_DB_IN_PRODUCTION=true');

      const badFlag = await spawnMain({ ...production, EMBEDDED_DB_IN_PRODUCTION: 'kanske' });
      expect(badFlag.code).toBe(1);
      expect(badFlag.output).toContain('EMBEDDED_DB_IN_PRODUCTION="kanske"');
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  });
});
