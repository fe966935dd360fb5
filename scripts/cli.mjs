import { buildIfNeeded } from './build-if-needed.mjs';
buildIfNeeded();
await import('../dist/apps/api/src/cli.js');
