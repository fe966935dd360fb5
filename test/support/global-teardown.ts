import './resolve-ts-sources.cjs';
import { readFileSync, rmSync } from 'node:fs';
import type { RunningPostgres } from '../../libs/db/src/embedded-postgres.runner.js';
import { dropDatabasesWithPrefix, STATE_FILE } from './test-server.js';

export default async function globalTeardown(): Promise<void> {
  const state = JSON.parse(readFileSync(STATE_FILE, 'utf8')) as { adminUrl: string; prefix: string; embeddedDir: string | null };
  const server = (globalThis as { __ARSHJULET_PG__?: RunningPostgres }).__ARSHJULET_PG__;
  if (server) await server.stop();
  else await dropDatabasesWithPrefix(state.adminUrl, state.prefix);
  if (state.embeddedDir) rmSync(state.embeddedDir, { recursive: true, force: true });
  rmSync(STATE_FILE, { force: true });
}
