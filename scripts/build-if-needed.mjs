// Builds dist/ with `nest build` when any source is newer than the last build, so `npm start` and the
// CLI scripts always run current code without a separate build step.
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const root = fileURLToPath(new URL('..', import.meta.url));
const stamp = join(root, 'dist', '.build-stamp');

function newestSource(dir) {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) newest = Math.max(newest, newestSource(path));
    else if (entry.name.endsWith('.ts')) newest = Math.max(newest, statSync(path).mtimeMs);
  }
  return newest;
}

function upToDate() {
  const sources = Math.max(
    ...['apps', 'libs', 'migrations'].map((dir) => newestSource(join(root, dir))),
    ...['tsconfig.json', 'tsconfig.build.json', 'package-lock.json'].map((file) => statSync(join(root, file)).mtimeMs),
  );
  return existsSync(stamp) && statSync(stamp).mtimeMs >= sources;
}

export function buildIfNeeded() {
  if (upToDate()) return;
  // `nest build` empties dist/ first: two at once (npm start in one terminal, the CLI or a test worker in another)
  // would delete each other's output midway. One builds; the others wait for it and then find dist/ current.
  const release = lockBuild();
  try {
    if (upToDate()) return;
    // On stderr, child's output too: `npm run cli -- cycle:export > cycle.json` must get the document alone.
    console.error('Building (nest build)…');
    execFileSync(process.execPath, [join(root, 'node_modules', '@nestjs', 'cli', 'bin', 'nest.js'), 'build'], { cwd: root, stdio: ['inherit', 2, 'inherit'] });
    writeFileSync(stamp, new Date().toISOString());
  } finally {
    release();
  }
}

/** An exclusive-create lock file beside dist/ holding the builder's pid; a dead builder's lock is taken over. */
function lockBuild() {
  const lock = join(root, '.build.lock');
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
