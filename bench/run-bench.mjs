// Runs a bench against the compiled app (dist/, built by `nest build` when stale), as production runs it: no
// TypeScript compiler in the process, so the memory measured is the app's. Usage: node bench/run-bench.mjs import
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { transformSync } from '@swc/core';
import { buildIfNeeded, root } from '../scripts/build-if-needed.mjs';

const name = process.argv[2] ?? 'import';
buildIfNeeded();
const source = join(root, 'bench', `${name}.bench.ts`);
const { code } = transformSync(readFileSync(source, 'utf8'), {
  filename: source,
  jsc: {
    parser: { syntax: 'typescript', decorators: true },
    transform: { legacyDecorator: true, decoratorMetadata: true },
    target: 'es2022',
  },
  module: { type: 'es6' },
});
// dist/bench/x.js sits beside dist/apps and dist/libs: point the lib aliases at the compiled indexes.
const compiled = code.replace(/(['"])@arshjulet\/([a-z-]+)\1/g, (_, quote, lib) => `${quote}../libs/${lib}/src/index.js${quote}`);
const outDir = join(root, 'dist', 'bench');
mkdirSync(outDir, { recursive: true });
const target = join(outDir, `${name}.bench.js`);
writeFileSync(target, compiled);
const result = spawnSync(process.execPath, [...process.execArgv, target], { stdio: 'inherit', env: process.env });
process.exit(result.status ?? 1);
