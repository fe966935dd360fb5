import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildDist, query, runCli, Running, startApp, startCli, stopAll, waitReady } from '../support/app-process.js';

/**
 * `npm run cli -- …` in a second terminal while `npm start` serves on the embedded PostgreSQL (DATA_DIR): the command
 * uses the app's server, and the app keeps serving. A command that started the server itself is waited for.
 */
function freePort(): Promise<number> {
  return new Promise((done) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => done(port));
    });
  });
}

/** The lock names the process that started the embedded server; resolves once `pid` holds it. */
async function lockHeldBy(dataDir: string, pid: number, running: Running): Promise<void> {
  const deadline = Date.now() + 180_000;
  while (Date.now() < deadline) {
    const holder = existsSync(join(dataDir, 'postgres.json')) ? (JSON.parse(readFileSync(join(dataDir, 'postgres.json'), 'utf8')) as { pid: number }).pid : null;
    if (holder === pid) return;
    if (running.child.exitCode !== null) throw new Error(`exited early:\n${running.output()}`);
    await new Promise((done) => setTimeout(done, 100));
  }
  throw new Error(`pid ${pid} did not start the embedded server within 180 s:\n${running.output()}`);
}

describe('the command line beside a running app on the embedded database', () => {
  const folders: string[] = [];
  const started: Running[] = [];
  const newFolder = (): string => {
    const folder = mkdtempSync(join(tmpdir(), 'arshjulet-cli-beside-'));
    folders.push(folder);
    return folder;
  };

  beforeAll(() => buildDist(), 120_000);

  afterAll(async () => {
    await stopAll(started);
    for (const folder of folders) rmSync(folder, { recursive: true, force: true });
  });

  it('lists users, invites the administrator and imports a file while the app serves, and the app keeps serving', async () => {
    const dataDir = newFolder();
    const port = await freePort();
    const app = startApp(dataDir, port);
    started.push(app);
    await waitReady(app, port);
    const [, pgPort] = await app.waitFor(/Embedded PostgreSQL on port (\d+)/);

    const list = await runCli(dataDir, ['user:list']);
    expect(list.output).not.toContain('already using the data folder');
    expect(list.code).toBe(0);
    expect(list.output).toMatch(/admin@arshjulet\.local\s+.*aktiv\s+admin/);

    const invite = await runCli(dataDir, ['user:invite', '--email', 'admin@arshjulet.local']);
    expect(invite.code).toBe(0);
    // The link points at the app serving beside the command, not at the command's own default port.
    expect(invite.output).toMatch(new RegExp(`Länk för admin@arshjulet\\.local .*\\nhttp://localhost:${port}/aterstall/\\S+`));

    const file = join(dataDir, 'urval.csv');
    writeFileSync(file, 'indikator;enhet;period;värde\nSO02;Strömstad;2024;28\nSO02;Essunga;2024;73\n');
    const imported = await runCli(dataDir, ['import', file]);
    expect(imported.code).toBe(0);
    expect(imported.output).toMatch(/Nya:\s+2/);
    const values = await query<{ code: string; value: string }>(
      dataDir,
      Number(pgPort),
      `SELECT o.code, v.value::text AS value FROM indicator_value v JOIN org_unit o ON o.id = v.org_unit_id JOIN indicator i ON i.id = v.indicator_id
        WHERE i.code = 'SO02' AND v.derived = false ORDER BY o.code`,
    );
    expect(values).toEqual([{ code: '1445', value: '73' }, { code: '1486', value: '28' }]);

    // The commands left the app's server running: it still answers, from its database, on the same port.
    expect(app.child.exitCode).toBeNull();
    expect(await fetch(`http://127.0.0.1:${port}/health/ready`).then((r) => r.status)).toBe(200);
    expect(await fetch(`http://127.0.0.1:${port}/logga-in`).then((r) => r.status)).toBe(200);
    expect(JSON.parse(readFileSync(join(dataDir, 'postgres.json'), 'utf8'))).toEqual({ pid: app.child.pid, port: Number(pgPort) });

    app.child.kill('SIGTERM');
    expect(await app.exited).toBe(0);
  }, 600_000);

  it('starts the server for a command when no app runs; an app started meanwhile waits for the command, then serves', async () => {
    const dataDir = newFolder();
    const command = startCli(
      dataDir,
      ['user:create', '--email', 'vanta@test.se', '--name', 'Väntande', '--role', 'viewer', '--password-stdin'],
      { holdStdin: true },
    );
    started.push(command);
    await lockHeldBy(dataDir, command.child.pid!, command);

    const port = await freePort();
    const app = startApp(dataDir, port);
    started.push(app);
    await app.waitFor(new RegExp(`The command line \\(pid ${command.child.pid}\\) is using the embedded PostgreSQL.*waiting for it to finish`));
    expect(app.child.exitCode).toBeNull();

    command.child.stdin!.end('ett långt skriptlösenord\n');
    expect(await command.exited).toBe(0);
    expect(command.output()).toContain('Skapade vanta@test.se (viewer).');

    await waitReady(app, port);
    const [, pgPort] = await app.waitFor(/Embedded PostgreSQL on port (\d+)/);
    expect(await query(dataDir, Number(pgPort), `SELECT name FROM app_user WHERE email = 'vanta@test.se'`)).toEqual([{ name: 'Väntande' }]);

    app.child.kill('SIGTERM');
    expect(await app.exited).toBe(0);
  }, 600_000);
});
