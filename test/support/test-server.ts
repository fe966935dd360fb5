import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';

/** Environment the global setup hands to the test workers. */
export const TEST_ENV = {
  adminUrl: 'ARSHJULET_TEST_ADMIN_URL',
  prefix: 'ARSHJULET_TEST_PREFIX',
} as const;

export const STATE_FILE = join(tmpdir(), `arshjulet-test-${process.ppid}-${process.pid}.json`);

export function urlForDatabase(serverUrl: string, database: string): string {
  const url = new URL(serverUrl);
  url.pathname = `/${database}`;
  return url.toString();
}

export async function dropDatabasesWithPrefix(adminUrl: string, prefix: string): Promise<void> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    const { rows } = await client.query<{ datname: string }>('SELECT datname FROM pg_database WHERE datname LIKE $1', [`${prefix}%`]);
    for (const { datname } of rows) await client.query(`DROP DATABASE IF EXISTS "${datname}" WITH (FORCE)`);
  } finally {
    await client.end();
  }
}
