import { buildIfNeeded } from './build-if-needed.mjs';
buildIfNeeded();
await import('../dist/apps/api/src/database/migration.cli.js');
