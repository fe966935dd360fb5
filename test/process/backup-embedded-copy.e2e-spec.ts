import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildDist, embeddedPassword, freePort, runCli, type Running, startApp, stopAll, waitReady } from '../support/app-process.js';

/**
 * The whole database of the embedded default, as README "Backup and restore" says: copy the stopped app's DATA_DIR
 * and start an app on the copy; and pg_dump against the running server with the port and password from DATA_DIR.
 */
describe('backup of the embedded database (DATA_DIR)', () => {
  const folders: string[] = [];
  const started: Running[] = [];
  const newFolder = (): string => {
    const folder = mkdtempSync(join(tmpdir(), 'arshjulet-backup-copy-'));
    folders.push(folder);
    return folder;
  };

  beforeAll(() => buildDist(), 300_000);

  afterAll(async () => {
    await stopAll(started);
    for (const folder of folders) rmSync(folder, { recursive: true, force: true });
  });

  it('a copy of the stopped app\'s DATA_DIR starts as the same database; pg_dump reaches the running server with DATA_DIR\'s port and password', async () => {
    const original = newFolder();
    const port = await freePort();
    const app = startApp(original, port);
    started.push(app);
    await waitReady(app, port);
    expect((await runCli(original, ['cycle:create', '--year', '2033', '--focus', 'läkemedel'])).code).toBe(0);
    const before = join(original, '..', `${original.split('/').pop()}-2033.json`);
    folders.push(before);
    expect((await runCli(original, ['cycle:export', '--year', '2033', '--out', before])).code).toBe(0);

    // pg_dump as the README writes it: a pg_dump older than the embedded server's PostgreSQL refuses it by name.
    const server = JSON.parse(readFileSync(join(original, 'postgres.json'), 'utf8')) as { port: number };
    const dumped = spawnSync('pg_dump', ['-Fc', '-h', '127.0.0.1', '-p', String(server.port), '-U', 'postgres', '-d', 'arshjulet', '-f', join(original, '..', 'unused.dump')], {
      env: { ...process.env, PGPASSWORD: embeddedPassword(original) },
    });
    const dumpMajor = Number(/(\d+)\.\d+/.exec(spawnSync('pg_dump', ['--version']).stdout.toString())![1]);
    folders.push(join(original, '..', 'unused.dump'));
    expect({ status: dumped.status, refusal: /server version mismatch/.test(dumped.stderr.toString()) }).toEqual(dumpMajor >= 18 ? { status: 0, refusal: false } : { status: 1, refusal: true });

    // The file-level route: stop the app, copy the folder, start on the copy.
    await stopAll([app]);
    const copy = newFolder();
    rmSync(copy, { recursive: true });
    const copied = spawnSync('cp', ['-a', original, copy]);
    expect(copied.status).toBe(0);
    const copyPort = await freePort();
    const restored = startApp(copy, copyPort);
    started.push(restored);
    await waitReady(restored, copyPort);
    const after = join(copy, '..', `${copy.split('/').pop()}-2033.json`);
    folders.push(after);
    expect((await runCli(copy, ['cycle:export', '--year', '2033', '--out', after])).code).toBe(0);
    expect(readFileSync(after, 'utf8')).toBe(readFileSync(before, 'utf8'));
    expect(JSON.parse(readFileSync(after, 'utf8')).tables.cycle[0]).toMatchObject({ year: 2033, focusAreas: ['läkemedel'] });
  }, 600_000);
});
