// The package registry these machines reach lacks some optional, platform-specific binaries of other
// platforms (e.g. @swc/core-darwin-arm64). `npm install` then leaves them out of package-lock.json and
// `npm ci` refuses the lock as out of sync. This records each missing one with the os/cpu its name says,
// so `npm ci` skips it on this platform exactly as it would with a complete lock. Run after `npm install`.
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const file = fileURLToPath(new URL('../package-lock.json', import.meta.url));
const lock = JSON.parse(readFileSync(file, 'utf8'));
const packages = lock.packages;
const OS = ['darwin', 'linux', 'win32', 'android', 'freebsd', 'openharmony', 'sunos', 'aix', 'netbsd', 'openbsd'];
const CPU = ['arm64', 'x64', 'ia32', 'arm', 'ppc64', 's390x', 'riscv64', 'loong64', 'wasm32', 'mips64el'];
let added = 0;

for (const [path, entry] of Object.entries(packages)) {
  for (const [name, spec] of Object.entries(entry.optionalDependencies ?? {})) {
    const key = `node_modules/${name}`;
    if (packages[key] || packages[`${path}/${key}`]) continue;
    const tokens = name.split('/').pop().split('-');
    const os = OS.find((candidate) => tokens.includes(candidate));
    const cpu = CPU.find((candidate) => tokens.includes(candidate));
    if (!cpu || (!os && cpu !== 'wasm32')) throw new Error(`cannot tell the platform of ${name}; add it by hand`);
    packages[key] = {
      version: spec.replace(/^[\^~=]/, ''),
      ...(cpu ? { cpu: [cpu] } : {}),
      ...(entry.dev ? { dev: true } : {}),
      optional: true,
      ...(os ? { os: [os] } : {}),
    };
    added++;
  }
}
lock.packages = Object.fromEntries(Object.entries(packages).sort(([a], [b]) => (a === '' ? -1 : b === '' ? 1 : a.localeCompare(b))));
writeFileSync(file, `${JSON.stringify(lock, null, 2)}\n`);
console.log(`package-lock.json: recorded ${added} foreign-platform optional package(s)`);
