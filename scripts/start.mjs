import { buildIfNeeded, root } from './build-if-needed.mjs';
buildIfNeeded();
process.chdir(root);
await import('../dist/apps/api/src/main.js');
