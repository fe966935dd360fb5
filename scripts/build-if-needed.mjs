// Builds dist/ with `nest build` when any source is newer than the last build, so `npm start` and the
// CLI scripts always run current code without a separate build step.
//
// dist is a symbolic link to the current build, `.dist-<time>-<pid>/` beside it. A build goes into a new folder and
// the link is then swapped in one rename, so a process starting meanwhile finds either the whole old build or the
// whole new one, never a half-emptied dist/ ("Cannot find module dist/…/main.js"); one already running keeps
// importing from the folder it started in (Node resolves the link), which stays until the build after next.
import { execFileSync } from 'node:child_process';
import { existsSync, lstatSync, readdirSync, readFileSync, readlinkSync, renameSync, rmSync, statSync, symlinkSync, utimesSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const root = fileURLToPath(new URL('..', import.meta.url));

function newestSource(dir) {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) newest = Math.max(newest, newestSource(path));
    else if (entry.name.endsWith('.ts')) newest = Math.max(newest, statSync(path).mtimeMs);
  }
  return newest;
}

function upToDate(at) {
  const stamp = join(at, 'dist', '.build-stamp');
  const sources = Math.max(
    ...['apps', 'libs', 'migrations'].map((dir) => newestSource(join(at, dir))),
    ...['tsconfig.json', 'tsconfig.build.json', 'package-lock.json'].map((file) => statSync(join(at, file)).mtimeMs),
  );
  return existsSync(stamp) && statSync(stamp).mtimeMs >= sources;
}

/** `nest build` into `outDir`, a folder of `at` (nest-cli.json's tsconfig.build.json with only the outDir changed). */
function nestBuild(outDir, at) {
  const name = basename(outDir);
  const tsconfig = join(at, `${name}.tsconfig.json`);
  writeFileSync(tsconfig, JSON.stringify({ extends: './tsconfig.build.json', compilerOptions: { outDir: `./${name}` } }));
  try {
    // On stderr, child's output too: `npm run cli -- cycle:export > cycle.json` must get the document alone.
    // nest reads --path relative to the working directory, even an absolute one.
    execFileSync(process.execPath, [join(at, 'node_modules', '@nestjs', 'cli', 'bin', 'nest.js'), 'build', '--path', `${name}.tsconfig.json`], { cwd: at, stdio: ['inherit', 2, 'inherit'] });
  } finally {
    rmSync(tsconfig, { force: true });
  }
}

/**
 * Builds when stale; returns whether this call built. `root` and `compile(outDir, root)` are there for the test;
 * callers use the defaults.
 */
export function buildIfNeeded({ root: at = root, compile = nestBuild } = {}) {
  if (upToDate(at)) return false;
  // Two at once (npm start in one terminal, the CLI or a test worker in another) build once: one builds, the others
  // wait for it and then find dist/ current.
  const release = lockBuild(at);
  try {
    if (upToDate(at)) return false;
    // The stamp carries the time the build started: a source saved while it ran is newer, and the next call builds.
    const started = Date.now();
    const name = `.dist-${started}-${process.pid}`;
    console.error('Building (nest build)…');
    compile(join(at, name), at);
    const stamp = join(at, name, '.build-stamp');
    writeFileSync(stamp, new Date(started).toISOString());
    utimesSync(stamp, started / 1000, started / 1000);
    const previous = publish(at, name, started);
    prune(at, [name, previous]);
    return true;
  } finally {
    release();
  }
}

/** Points dist at `name` in one rename (a new link renamed over the old one); returns the build it pointed at. */
function publish(at, name, started) {
  const dist = join(at, 'dist');
  const link = join(at, `${name}.link`);
  symlinkSync(name, link, 'dir');
  let current = null;
  try {
    current = lstatSync(dist);
  } catch (error) {
    if (error.code !== 'ENOENT') throw error;
  }
  let previous = current?.isSymbolicLink() ? readlinkSync(dist) : null;
  // A real dist/ folder (from before the link, or `nest start --watch`) cannot be renamed over: moved aside as the
  // previous build first, the one moment dist/ is briefly missing.
  if (current && !current.isSymbolicLink()) renameSync(dist, join(at, (previous = `.dist-${started - 1}-previous`)));
  renameSync(link, dist);
  return previous;
}

/**
 * Removes every `.dist-*` but `keep`: the current build and the one before it (a process started from that may
 * still import from it), and with them what a killed builder left (a half-written build, its tsconfig or link).
 * Runs under the lock, so no other build is under way.
 */
function prune(at, keep) {
  for (const entry of readdirSync(at)) if (entry.startsWith('.dist-') && !keep.includes(entry)) rmSync(join(at, entry), { recursive: true, force: true });
}

/** An exclusive-create lock file beside dist/ holding the builder's pid; a dead builder's lock is taken over. */
function lockBuild(at) {
  const lock = join(at, '.build.lock');
  const deadline = Date.now() + 10 * 60_000;
  for (;;) {
    try {
      writeFileSync(lock, String(process.pid), { flag: 'wx' });
      return () => rmSync(lock, { force: true });
    } catch (error) {
      if (error.code !== 'EEXIST') throw error;
    }
    const holder = Number.parseInt(readFileOr(lock, ''), 10);
    if (Number.isInteger(holder) && holder > 0 && !isAlive(holder)) rmSync(lock, { force: true });
    else if (Date.now() > deadline) throw new Error(`Another build (pid ${holder}) has held ${lock} for 10 minutes.`);
    else Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 200);
  }
}

function readFileOr(file, fallback) {
  try {
    return readFileSync(file, 'utf8');
  } catch {
    return fallback;
  }
}

function isAlive(pid) {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return error.code === 'EPERM';
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) buildIfNeeded();
