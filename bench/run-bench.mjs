// Runs a bench against the compiled app (dist/, built by `nest build` when stale), as production runs it: no
// TypeScript compiler in the process, so the memory measured is the app's. Usage: node bench/run-bench.mjs import
import { spawnSync } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { transformSync } from '@swc/core';
import { buildIfNeeded, root } from '../scripts/build-if-needed.mjs';

const name = process.argv[2] ?? 'import';
buildIfNeeded();
const outDir = join(root, 'dist', 'bench');
/** Compiles bench/<file>.ts to dist/bench/<file>.js; `up` is how deep it sits below bench/ (for the lib aliases). */
function compile(file, up) {
  const source = join(root, 'bench', `${file}.ts`);
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
  const compiled = code.replace(/(['"])@arshjulet\/([a-z-]+)\1/g, (_, quote, lib) => `${quote}${'../'.repeat(up)}libs/${lib}/src/index.js${quote}`);
  const target = join(outDir, `${file}.js`);
  mkdirSync(dirname(target), { recursive: true });
  writeFileSync(target, compiled);
  return target;
}
// The benches' shared helpers (bench/support/*.ts), which they import as ./support/x.js.
for (const file of readdirSync(join(root, 'bench', 'support')).filter((f) => f.endsWith('.ts'))) compile(`support/${file.slice(0, -3)}`, 2);
const target = compile(`${name}.bench`, 1);
const result = spawnSync(process.execPath, [...process.execArgv, target], { stdio: 'inherit', env: process.env });
process.exit(result.status ?? 1);
