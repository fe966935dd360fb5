import { ChildProcess, execFileSync, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';

/**
 * The app as users start it (`node dist/.../main.js` on the embedded default), killed and restarted for real.
 */
const root = join(import.meta.dirname, '..', '..');
const main = join(root, 'dist', 'apps', 'api', 'src', 'main.js');

interface Running {
  child: ChildProcess;
  output: () => string;
  exited: Promise<number | null>;
}

function start(dataDir: string, port: number): Running {
  const env: NodeJS.ProcessEnv = { ...process.env, DATA_DIR: dataDir, PORT: String(port), LOG_LEVEL: 'warn', LOG_PRETTY: 'false', NODE_ENV: 'development', SEED_DEMO: 'false' };
  delete env.DATABASE_URL;
  const child = spawn(process.execPath, [main], { cwd: root, env, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<number | null>((done) => child.on('exit', (code) => done(code)));
  return { child, output: () => output, exited };
}

async function waitReady(port: number, running: Running): Promise<void> {
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (running.child.exitCode !== null) throw new Error(`app exited early:\n${running.output()}`);
    const status = await fetch(`http://127.0.0.1:${port}/health/ready`).then((r) => r.status).catch(() => 0);
    if (status === 200) return;
    await new Promise((done) => setTimeout(done, 250));
  }
  throw new Error(`not ready within 60 s:\n${running.output()}`);
}

function freePort(): Promise<number> {
  return new Promise((done) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => done(port));
    });
  });
}

function embeddedPort(running: Running): number {
  const match = /Embedded PostgreSQL on port (\d+)/.exec(running.output());
  if (!match) throw new Error(`no embedded port printed:\n${running.output()}`);
  return Number(match[1]);
}

async function query<T>(port: number, sql: string, params: unknown[] = []): Promise<T[]> {
  const client = new pg.Client({ connectionString: `postgres://postgres:postgres@127.0.0.1:${port}/arshjulet` });
  await client.connect();
  try {
    return (await client.query(sql, params)).rows as T[];
  } finally {
    await client.end();
  }
}

describe('the app on its embedded PostgreSQL', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'arshjulet-restart-'));
  const started: Running[] = [];

  beforeAll(() => {
    execFileSync(process.execPath, [join(root, 'scripts', 'build-if-needed.mjs')], { cwd: root, stdio: 'inherit' });
  }, 120_000);

  afterAll(async () => {
    for (const running of started) {
      if (running.child.exitCode === null) {
        running.child.kill('SIGTERM');
        await running.exited;
      }
    }
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('refuses a second instance on the same data folder, and keeps all data through a SIGKILL', async () => {
    const firstPort = await freePort();
    const first = start(dataDir, firstPort);
    started.push(first);
    await waitReady(firstPort, first);
    const pgPort = embeddedPort(first);
    await query(pgPort, `INSERT INTO org_unit (type, code, name, active, version) VALUES ('local_area', 'LA-TEST', 'Testområdet', true, 1)`);

    const second = start(dataDir, await freePort());
    started.push(second);
    expect(await second.exited).toBe(1);
    expect(second.output()).toContain('is already using the data folder');

    first.child.kill('SIGKILL');
    await first.exited;

    const thirdPort = await freePort();
    const third = start(dataDir, thirdPort);
    started.push(third);
    await waitReady(thirdPort, third);
    const rows = await query<{ name: string }>(embeddedPort(third), `SELECT name FROM org_unit WHERE code = 'LA-TEST'`);
    expect(rows).toEqual([{ name: 'Testområdet' }]);

    third.child.kill('SIGTERM');
    expect(await third.exited).toBe(0);
  }, 150_000);

  it('refuses to start on a bad setting and names it', async () => {
    const running = start(dataDir, await freePort());
    running.child.kill('SIGTERM');
    const bad = spawn(process.execPath, [main], { cwd: root, env: { ...process.env, PORT: 'tre tusen', DATABASE_URL: '' }, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    bad.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
    const code = await new Promise<number | null>((done) => bad.on('exit', done));
    await running.exited;
    expect(code).toBe(1);
    expect(output).toContain('Årshjulet cannot start');
    expect(output).toContain('PORT="tre tusen"');
  });
});
