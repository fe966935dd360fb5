import type { Pool, PoolClient } from 'pg';
import type { DataSource } from 'typeorm';
import type { PostgresDriver } from 'typeorm/driver/postgres/PostgresDriver.js';

type Counted = PoolClient & { countedQuery?: true };

/**
 * Records the SQL statements the app's pool runs while `work` runs (TypeORM's and the session store's alike; BEGIN
 * and COMMIT included): the bench prints them per request beside the timings, as test/support/pool-tap.ts does for
 * the tests (the bench runner compiles bench/ alone, so it cannot import that). Sequential use only.
 */
export function statementCounter(dataSource: DataSource): (work: () => Promise<unknown>) => Promise<string[]> {
  const pool = (dataSource.driver as PostgresDriver).master as Pool;
  const state: { current: string[] | null } = { current: null };
  pool.on('acquire', (client: Counted) => {
    if (client.countedQuery) return;
    client.countedQuery = true;
    const query = client.query.bind(client) as (...args: unknown[]) => unknown;
    (client as unknown as { query: (...args: unknown[]) => unknown }).query = (...args: unknown[]) => {
      const text = typeof args[0] === 'string' ? args[0] : (args[0] as { text?: string } | undefined)?.text;
      if (state.current && text) state.current.push(text.trim());
      return query(...args);
    };
  });
  return async (work) => {
    const statements: string[] = [];
    state.current = statements;
    try {
      await work();
      return statements;
    } finally {
      state.current = null;
    }
  };
}
