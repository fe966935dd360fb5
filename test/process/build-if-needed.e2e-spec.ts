import { spawn } from 'node:child_process';
import { existsSync, lstatSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * scripts/build-if-needed.mjs in a checkout of its own (a temporary folder with a source and the configs it looks
 * at), with a slow stand-in for `nest build`, run by real processes: while callers build, dist/ is never missing
 * a file, and callers at once build once.
 */
const SCRIPT = join(import.meta.dirname, '..', '..', 'scripts', 'build-if-needed.mjs');

// The child: buildIfNeeded on $ROOT with a compile that logs itself and takes its time between two files.
const CHILD = `
import { appendFileSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
const { buildIfNeeded } = await import(process.env.SCRIPT_URL);
const built = buildIfNeeded({ root: process.env.ROOT, compile: (outDir) => {
  appendFileSync(join(process.env.ROOT, 'compiles.log'), process.pid + '\\n');
  mkdirSync(join(outDir, 'apps'), { recursive: true });
  writeFileSync(join(outDir, 'apps', 'first.js'), '');
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 400);
  writeFileSync(join(outDir, 'apps', 'main.js'), 'export const version = ' + JSON.stringify(process.env.VERSION) + ';\\n');
} });
console.log(built ? 'built' : 'current');
`;

describe('build-if-needed', () => {
  let root: string;

  beforeEach(() => {
    root = mkdtempSync(join(tmpdir(), 'build-if-needed-'));
    for (const dir of ['apps', 'libs', 'migrations']) mkdirSync(join(root, dir));
    writeFileSync(join(root, 'apps', 'main.ts'), 'export {};\n');
    for (const file of ['tsconfig.json', 'tsconfig.build.json', 'package-lock.json']) writeFileSync(join(root, file), '{}\n');
  });
  afterEach(() => rmSync(root, { recursive: true, force: true }));

  function build(version: string): Promise<{ code: number | null; output: string }> {
    const child = spawn(process.execPath, ['--input-type=module', '-e', CHILD], {
      env: { ...process.env, ROOT: root, SCRIPT_URL: new URL(`file://${SCRIPT}`).href, VERSION: version },
    });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    return new Promise((done) => child.on('close', (code) => done({ code, output })));
  }

  const main = () => join(root, 'dist', 'apps', 'main.js');
  const compiles = () => readFileSync(join(root, 'compiles.log'), 'utf8').trim().split('\n').length;
  /** Makes the source newer than the build, as an edit does. */
  const edit = () => {
    const now = Date.now() / 1000;
    utimesSync(join(root, 'dist', '.build-stamp'), now - 60, now - 60);
    utimesSync(join(root, 'apps', 'main.ts'), now - 30, now - 30);
  };

  it('two callers at once on a stale build build once, and dist/main.js is there all along; a current build is left alone', async () => {
    expect((await build('1')).output).toContain('built');
    expect(lstatSync(join(root, 'dist')).isSymbolicLink()).toBe(true);
    expect(readFileSync(main(), 'utf8')).toContain('"1"');
    expect((await build('unused')).output).toMatch(/^current$/m);
    expect(compiles()).toBe(1);

    edit();
    let checks = 0;
    let missing = 0;
    const watcher = setInterval(() => {
      checks++;
      if (!existsSync(main())) missing++;
    }, 1);
    try {
      const [a, b] = await Promise.all([build('2'), build('2')]);
      expect([a.code, b.code]).toEqual([0, 0]);
      expect([a.output, b.output].map((output) => output.trim().split('\n').at(-1)).sort()).toEqual(['built', 'current']);
    } finally {
      clearInterval(watcher);
    }
    expect(checks).toBeGreaterThan(10);
    expect(missing).toBe(0);
    expect(compiles()).toBe(2);
    expect(readFileSync(main(), 'utf8')).toContain('"2"');
  }, 120_000);

  it('keeps the build before the current one (a process started from it may still import) and removes older ones', async () => {
    const builds = () => readdirSync(root).filter((entry) => entry.startsWith('.dist-')).sort();
    await build('1');
    const [first] = builds();
    edit();
    await build('2');
    expect(builds()).toHaveLength(2);
    expect(builds()).toContain(first);
    edit();
    await build('3');
    expect(builds()).toHaveLength(2);
    expect(builds()).not.toContain(first);
    expect(readFileSync(main(), 'utf8')).toContain('"3"');
  }, 120_000);

  it('a real dist/ folder from before (or from nest start --watch) is moved aside and replaced by the link', async () => {
    mkdirSync(join(root, 'dist', 'apps'), { recursive: true });
    writeFileSync(join(root, 'dist', 'apps', 'main.js'), 'export const version = "old";\n');
    expect((await build('1')).code).toBe(0);
    expect(lstatSync(join(root, 'dist')).isSymbolicLink()).toBe(true);
    expect(readFileSync(main(), 'utf8')).toContain('"1"');
    const aside = readdirSync(root).filter((entry) => entry.startsWith('.dist-') && entry.endsWith('-previous'));
    expect(aside).toHaveLength(1);
    expect(readFileSync(join(root, aside[0]!, 'apps', 'main.js'), 'utf8')).toContain('"old"');
  }, 120_000);
});
