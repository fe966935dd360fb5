import pg from 'pg';
import type { AppConfig } from '@arshjulet/core';
import { EmbeddedPostgresError, EmbeddedRole, RunningPostgres, startEmbeddedPostgres } from './embedded-postgres.runner.js';

export interface ResolvedDatabase {
  url: string;
  /** Set when the embedded server is used; `stop()` stops it only when this process started it (`owned`). */
  embedded: RunningPostgres | null;
}

export interface ResolveOptions {
  /** `app` owns the data folder; `cli` (short-lived) uses a running app's server, or starts its own. */
  role?: EmbeddedRole;
  /** PostgreSQL's own output. */
  log?: (message: string) => void;
  /** Waiting for another process on the data folder: worth telling the person at the terminal. */
  notice?: (message: string) => void;
}

export const APP_DATABASE = 'arshjulet';

/**
 * `DATABASE_URL` wins and nothing is started; otherwise a real PostgreSQL is started from the
 * `embedded-postgres` binaries with its data under DATA_DIR (or a running app's is used, for a command line),
 * and the app database created if missing. In production the embedded server is refused unless explicitly allowed.
 */
export async function resolveDatabase(
  config: Pick<AppConfig, 'DATABASE_URL' | 'DATA_DIR' | 'EMBEDDED_PG_PORT' | 'NODE_ENV' | 'EMBEDDED_DB_IN_PRODUCTION'>,
  options: ResolveOptions = {},
): Promise<ResolvedDatabase> {
  if (config.DATABASE_URL) return { url: config.DATABASE_URL, embedded: null };
  if (config.NODE_ENV === 'production' && !config.EMBEDDED_DB_IN_PRODUCTION) {
    throw new EmbeddedPostgresError(
      'NODE_ENV=production needs DATABASE_URL (a managed PostgreSQL server with backups). ' +
        `To run the embedded PostgreSQL in ${config.DATA_DIR}/pg anyway, set EMBEDDED_DB_IN_PRODUCTION=true.`,
    );
  }
  const embedded = await startEmbeddedPostgres({
    dataDir: config.DATA_DIR,
    port: config.EMBEDDED_PG_PORT,
    role: options.role,
    log: options.log,
    notice: options.notice,
  });
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
