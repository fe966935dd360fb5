import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import './resolve-ts-sources.cjs';
import { startEmbeddedPostgres } from '../../libs/db/src/embedded-postgres.runner.js';
import { STATE_FILE, TEST_ENV, urlForDatabase } from './test-server.js';

/**
 * One PostgreSQL for the run: the server in DATABASE_URL, or an embedded one in a throwaway folder.
 * The template database (migrated, reference data loaded) is built by the first test file that needs it.
 */
export default async function globalSetup(): Promise<void> {
  const prefix = `arshjulet_t${randomBytes(3).toString('hex')}`;
  let adminUrl: string;
  let embeddedDir: string | null = null;
  if (process.env.DATABASE_URL) {
    adminUrl = urlForDatabase(process.env.DATABASE_URL, 'postgres');
  } else {
    embeddedDir = mkdtempSync(join(tmpdir(), 'arshjulet-test-pg-'));
    const server = await startEmbeddedPostgres({ dataDir: embeddedDir, ephemeral: true });
    (globalThis as { __ARSHJULET_PG__?: unknown }).__ARSHJULET_PG__ = server;
    adminUrl = server.adminUrl;
  }
  process.env[TEST_ENV.adminUrl] = adminUrl;
  process.env[TEST_ENV.prefix] = prefix;
  writeFileSync(STATE_FILE, JSON.stringify({ adminUrl, prefix, embeddedDir }));
}
