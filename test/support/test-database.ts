import { randomBytes } from 'node:crypto';
import { loadConfig } from '@arshjulet/core';
import { createDatabaseIfMissing, dropDatabaseIfExists, LockKeys, quoteIdent } from '@arshjulet/db';
import pg from 'pg';
import { createHttpApp } from '../../apps/api/src/bootstrap.js';
import { TEST_ENV, urlForDatabase } from './test-server.js';

function testServer(): { adminUrl: string; prefix: string } {
  const adminUrl = process.env[TEST_ENV.adminUrl];
  const prefix = process.env[TEST_ENV.prefix];
  if (!adminUrl || !prefix) throw new Error('The test database server is not set up: run the tests with npm test.');
  return { adminUrl, prefix };
}

/**
 * The template every test database copies: migrated and loaded with reference data by the real app, once
 * per run. Workers race for an advisory lock; the winner builds it, the rest find it ready.
 */
async function ensureTemplate(adminUrl: string, prefix: string): Promise<string> {
  const template = `${prefix}_template`;
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    await client.query('SELECT pg_advisory_lock($1)', [LockKeys.TestTemplate]);
    const { rowCount } = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [template]);
    if (rowCount === 0) {
      const building = `${template}_build`;
      await client.query(`DROP DATABASE IF EXISTS ${quoteIdent(building)}`);
      await client.query(`CREATE DATABASE ${quoteIdent(building)}`);
      const config = loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'warn', LOG_PRETTY: 'false' });
      const app = await createHttpApp(config, urlForDatabase(adminUrl, building));
      await app.close();
      await client.query(`ALTER DATABASE ${quoteIdent(building)} RENAME TO ${quoteIdent(template)}`);
    }
  } finally {
    await client.query('SELECT pg_advisory_unlock($1)', [LockKeys.TestTemplate]).catch(() => undefined);
    await client.end();
  }
  return template;
}

/** A fresh database for one test file, copied from the template. */
export async function createTestDatabase(): Promise<{ url: string; drop: () => Promise<void> }> {
  const { adminUrl, prefix } = testServer();
  const template = await ensureTemplate(adminUrl, prefix);
  const name = `${prefix}_${randomBytes(4).toString('hex')}`;
  await createDatabaseIfMissing(adminUrl, name, template);
  return { url: urlForDatabase(adminUrl, name), drop: () => dropDatabaseIfExists(adminUrl, name) };
}

/** An empty database (no schema, no reference data) for one test, as a first start on a new server finds it. */
export async function createEmptyTestDatabase(): Promise<{ url: string; drop: () => Promise<void> }> {
  const { adminUrl, prefix } = testServer();
  const name = `${prefix}_empty_${randomBytes(4).toString('hex')}`;
  await createDatabaseIfMissing(adminUrl, name);
  return { url: urlForDatabase(adminUrl, name), drop: () => dropDatabaseIfExists(adminUrl, name) };
}
