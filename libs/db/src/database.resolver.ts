import pg from 'pg';
import type { AppConfig } from '@arshjulet/core';
import { RunningPostgres, startEmbeddedPostgres } from './embedded-postgres.runner.js';

export interface ResolvedDatabase {
  url: string;
  /** Set when the app started its own embedded server; stop it on shutdown. */
  embedded: RunningPostgres | null;
}

export const APP_DATABASE = 'arshjulet';

/**
 * `DATABASE_URL` wins and nothing is started; otherwise a real PostgreSQL is started from the
 * `embedded-postgres` binaries with its data under DATA_DIR, and the app database created if missing.
 */
export async function resolveDatabase(
  config: Pick<AppConfig, 'DATABASE_URL' | 'DATA_DIR' | 'EMBEDDED_PG_PORT'>,
  log?: (message: string) => void,
): Promise<ResolvedDatabase> {
  if (config.DATABASE_URL) return { url: config.DATABASE_URL, embedded: null };
  const embedded = await startEmbeddedPostgres({ dataDir: config.DATA_DIR, port: config.EMBEDDED_PG_PORT, log });
  try {
    await createDatabaseIfMissing(embedded.adminUrl, APP_DATABASE);
  } catch (error) {
    await embedded.stop();
    throw error;
  }
  return { url: embedded.urlFor(APP_DATABASE), embedded };
}

export async function createDatabaseIfMissing(adminUrl: string, name: string, template?: string): Promise<void> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    const { rowCount } = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
    if (rowCount === 0) {
      const from = template ? ` TEMPLATE ${quoteIdent(template)}` : '';
      await client.query(`CREATE DATABASE ${quoteIdent(name)}${from}`);
    }
  } finally {
    await client.end();
  }
}

export async function dropDatabaseIfExists(adminUrl: string, name: string): Promise<void> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    await client.query(`DROP DATABASE IF EXISTS ${quoteIdent(name)} WITH (FORCE)`);
  } finally {
    await client.end();
  }
}

export function quoteIdent(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}
