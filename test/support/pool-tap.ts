import type { Pool, PoolClient } from 'pg';
import type { DataSource } from 'typeorm';
import type { PostgresDriver } from 'typeorm/driver/postgres/PostgresDriver.js';

/** A statement handed to a pooled client: its text (none for a COPY stream), and how many were still running there. */
export interface TappedStatement {
  text: string | null;
  inFlight: number;
}

type Tapped = PoolClient & { poolTapped?: true };

/** Per pool: the listeners its (once-wrapped) clients report to. */
const taps = new WeakMap<Pool, Set<(statement: TappedStatement) => void>>();

/** The app's own pool (the one TypeORM and the session store share). */
export const poolOf = (dataSource: DataSource): Pool => (dataSource.driver as PostgresDriver).master as Pool;

/**
 * Calls `listener` for every statement any client of `pool` runs (TypeORM's queries and the session store's alike,
 * BEGIN and COMMIT included) until the returned function is called. Each client's `query` is wrapped once, on its
 * first acquire, and reports to whichever listeners the pool has at the time, so a listener added later still hears
 * clients an earlier one saw; the wrapper also counts what is in flight on the client, for the overlap watch.
 */
export function tapPool(pool: Pool, listener: (statement: TappedStatement) => void): () => void {
  let listeners = taps.get(pool);
  if (!listeners) {
    const all = new Set<(statement: TappedStatement) => void>();
    listeners = all;
    taps.set(pool, all);
    pool.on('acquire', (client: Tapped) => {
      if (client.poolTapped) return;
      client.poolTapped = true;
      let inFlight = 0;
      const query = client.query.bind(client) as (...args: unknown[]) => unknown;
      (client as unknown as { query: (...args: unknown[]) => unknown }).query = (...args: unknown[]) => {
        const text = typeof args[0] === 'string' ? args[0] : (args[0] as { text?: string } | undefined)?.text;
        for (const each of all) each({ text: text?.trim() ?? null, inFlight });
        inFlight++;
        let settled = false;
        const settle = (): void => {
          if (settled) return;
          settled = true;
          inFlight--;
        };
        const callback = args.findIndex((arg) => typeof arg === 'function');
        if (callback >= 0) {
          const done = args[callback] as (...result: unknown[]) => void;
          args[callback] = (...result: unknown[]) => {
            settle();
            done(...result);
          };
        }
        const result = query(...args);
        if (result && typeof (result as PromiseLike<unknown>).then === 'function') (result as Promise<unknown>).then(settle, settle);
        else if (callback < 0) settle(); // a stream (COPY): not counted
        return result;
      };
    });
  }
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** Records the statements the pool runs while `work` runs. Sequential use only (one recording at a time). */
export function statementRecorder(pool: Pool): (work: () => PromiseLike<unknown>) => Promise<string[]> {
  return async (work) => {
    const statements: string[] = [];
    const untap = tapPool(pool, ({ text }) => {
      if (text) statements.push(text);
    });
    try {
      await work();
      return statements;
    } finally {
      untap();
    }
  };
}
