import { ChildProcess, execFileSync, spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import pg from 'pg';

/**
 * The app and the command line as users start them (`node dist/...` on the embedded default in DATA_DIR), as real
 * processes. Everything waits for an event (a line printed, an exit) with a generous bound, never a fixed sleep.
 */
export const root = join(import.meta.dirname, '..', '..');
const main = join(root, 'dist', 'apps', 'api', 'src', 'main.js');
const cli = join(root, 'dist', 'apps', 'api', 'src', 'cli.js');

/** Generous: a first start runs initdb, migrations and reference data on a machine shared by other test runs. */
export const START_BOUND_MS = 180_000;

export interface Running {
  child: ChildProcess;
  /** stdout and stderr so far, interleaved as they arrived. */
  output: () => string;
  exited: Promise<number | null>;
  /** Resolves with the first match of `pattern` in the output once it has been printed; rejects if the process exits first. */
  waitFor: (pattern: RegExp, boundMs?: number) => Promise<RegExpExecArray>;
}

/** A port free right now on 127.0.0.1 (released again: whoever binds it next may lose a race, which tests accept). */
export function freePort(): Promise<number> {
  return new Promise((done) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => done(port));
    });
  });
}

export function buildDist(): void {
  execFileSync(process.execPath, [join(root, 'scripts', 'build-if-needed.mjs')], { cwd: root, stdio: 'inherit' });
}

export function embeddedEnv(dataDir: string, extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, DATA_DIR: dataDir, LOG_LEVEL: 'warn', LOG_PRETTY: 'false', NODE_ENV: 'development', SEED_DEMO: 'false', ...extra };
  delete env.DATABASE_URL;
  return env;
}

function track(child: ChildProcess): Running {
  let output = '';
  const listeners = new Set<() => void>();
  const append = (chunk: Buffer): void => {
    output += chunk.toString();
    for (const listener of listeners) listener();
  };
  child.stdout?.on('data', append);
  child.stderr?.on('data', append);
  // 'close' fires after the process exited and its stdout/stderr were read to the end.
  const exited = new Promise<number | null>((done) => child.on('close', (code) => done(code)));
  const waitFor = (pattern: RegExp, boundMs = START_BOUND_MS): Promise<RegExpExecArray> =>
    new Promise((done, fail) => {
      const check = (): boolean => {
        const match = pattern.exec(output);
        if (!match) return false;
        cleanup();
        done(match);
        return true;
      };
      const timer = setTimeout(() => {
        cleanup();
        fail(new Error(`${pattern} not printed within ${boundMs / 1000} s:\n${output}`));
      }, boundMs);
      const onClose = (): void => {
        if (check()) return;
        cleanup();
        fail(new Error(`exited (${child.exitCode}) before printing ${pattern}:\n${output}`));
      };
      const cleanup = (): void => {
        clearTimeout(timer);
        listeners.delete(onData);
        child.off('close', onClose);
      };
      const onData = (): void => void check();
      listeners.add(onData);
      child.on('close', onClose);
      check();
    });
  return { child, output: () => output, exited, waitFor };
}

/** `npm start` on the embedded database in `dataDir`, serving HTTP on `port`. */
export function startApp(dataDir: string, port: number, extra: NodeJS.ProcessEnv = {}): Running {
  return track(spawn(process.execPath, [main], { cwd: root, env: embeddedEnv(dataDir, { PORT: String(port), ...extra }), stdio: ['ignore', 'pipe', 'pipe'] }));
}

/** `npm start` itself (scripts/start.mjs: build if needed, then the app) on the embedded database in `dataDir`. */
export function npmStart(dataDir: string, port: number, extra: NodeJS.ProcessEnv = {}): Running {
  const script = join(root, 'scripts', 'start.mjs');
  return track(spawn(process.execPath, [script], { cwd: root, env: embeddedEnv(dataDir, { PORT: String(port), ...extra }), stdio: ['ignore', 'pipe', 'pipe'] }));
}

/**
 * Ready when *this* process says it serves (printed after `listen`) and then answers. Polling the port alone proved
 * nothing: the port was chosen free and released before the app bound it, so another server on a busy machine could
 * answer there while this app was still starting PostgreSQL.
 */
export async function waitReady(running: Running, port: number): Promise<void> {
  await running.waitFor(/Årshjulet is running at/);
  const status = await fetch(`http://127.0.0.1:${port}/health/ready`).then((r) => r.status);
  if (status !== 200) throw new Error(`/health/ready answered ${status}:\n${running.output()}`);
}

/**
 * The app (`main`) or the command line (`cli`, with `args`) on a PostgreSQL server of the caller's choosing: DATABASE_URL
 * is `databaseUrl`, not the embedded default. Development settings, no scheduler or mail worker unless `extra` says so;
 * `stdin` is written and closed.
 */
export function startOnServer(entry: 'main' | 'cli', databaseUrl: string, args: string[] = [], extra: NodeJS.ProcessEnv = {}, stdin = ''): Running {
  const env: NodeJS.ProcessEnv = {
    ...process.env, LOG_LEVEL: 'warn', LOG_PRETTY: 'false', NODE_ENV: 'development', SEED_DEMO: 'false', SCHEDULER: 'false', OUTBOX_WORKER: 'false',
    ...extra, DATABASE_URL: databaseUrl,
  };
  const child = spawn(process.execPath, [entry === 'main' ? main : cli, ...args], { cwd: root, env, stdio: ['pipe', 'pipe', 'pipe'] });
  child.stdin?.end(stdin);
  return track(child);
}

/** `npm run cli -- <args>` as its own process on the same data folder; `stdin` is written and closed unless `holdStdin`. */
export function startCli(dataDir: string, args: string[], options: { stdin?: string; holdStdin?: boolean } = {}): Running {
  const child = spawn(process.execPath, [cli, ...args], { cwd: root, env: embeddedEnv(dataDir), stdio: ['pipe', 'pipe', 'pipe'] });
  if (!options.holdStdin) child.stdin?.end(options.stdin ?? '');
  return track(child);
}

export async function runCli(dataDir: string, args: string[], stdin?: string): Promise<{ code: number | null; output: string }> {
  const running = startCli(dataDir, args, { stdin });
  const code = await running.exited;
  return { code, output: running.output() };
}

/** The embedded server's generated password, as the app keeps it in the data folder. */
export function embeddedPassword(dataDir: string): string {
  return readFileSync(join(dataDir, 'pg-password'), 'utf8').trim();
}

export async function query<T>(dataDir: string, pgPort: number, sql: string, params: unknown[] = []): Promise<T[]> {
  const client = new pg.Client({ host: '127.0.0.1', port: pgPort, user: 'postgres', password: embeddedPassword(dataDir), database: 'arshjulet' });
  await client.connect();
  try {
    return (await client.query(sql, params)).rows as T[];
  } finally {
    await client.end();
  }
}

export async function stopAll(started: Running[]): Promise<void> {
  for (const running of started) {
    if (running.child.exitCode === null && running.child.signalCode === null) {
      running.child.kill('SIGTERM');
      await running.exited;
    }
  }
}
