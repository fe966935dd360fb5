import type { Pool, PoolClient } from 'pg';
import type { PostgresDriver } from 'typeorm/driver/postgres/PostgresDriver.js';
import type { TestApp } from './test-app.js';

type Counted = PoolClient & { countedQuery?: true };

/**
 * Counts SQL on the app's own pool: every statement any pooled client runs (TypeORM's queries and the session
 * store's alike) while `send` is served. Used by the tests that hold a request to a number of statements.
 */
/** Per pool: its clients are wrapped once, and every recorder of that pool writes to the one recording under way. */
const recordings = new WeakMap<Pool, { current: string[] | null }>();

export function recordStatements(t: TestApp): (send: () => PromiseLike<unknown>) => Promise<string[]> {
  const pool = (t.dataSource.driver as PostgresDriver).master as Pool;
  let state = recordings.get(pool);
  if (!state) {
    const shared: { current: string[] | null } = { current: null };
    state = shared;
    recordings.set(pool, shared);
    pool.on('acquire', (client: Counted) => {
      if (client.countedQuery) return;
      client.countedQuery = true;
      const query = client.query.bind(client) as (...args: unknown[]) => unknown;
      (client as unknown as { query: (...args: unknown[]) => unknown }).query = (...args: unknown[]) => {
        const text = typeof args[0] === 'string' ? args[0] : (args[0] as { text?: string } | undefined)?.text;
        if (shared.current && text) shared.current.push(text.trim());
        return query(...args);
      };
    });
  }
  const recording = state;
  return async (send) => {
    const statements: string[] = [];
    recording.current = statements;
    try {
      await send();
      return statements;
    } finally {
      recording.current = null;
    }
  };
}
