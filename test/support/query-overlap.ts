import type { Pool, PoolClient } from 'pg';
import type { PostgresDriver } from 'typeorm/driver/postgres/PostgresDriver.js';
import type { TestApp } from './test-app.js';

/** A client's `query` is wrapped once; each watch that acquires it points `overlapSink` at its own record. */
type Watched = PoolClient & { overlapWatched?: true; overlapSink?: (text: string) => void };

export interface OverlapWatch {
  /** The statements handed to a pooled connection while another statement was still running on it. */
  overlaps: () => string[];
  stop: () => void;
}

/**
 * Watches the app's pool for two statements at once on ONE connection (what `Promise.all` over queries inside a
 * transaction does): each pooled client's `query` counts what it has in flight, and a call while that count is
 * above zero is recorded. Stricter than node-postgres's own "Calling client.query() when the client is already
 * executing a query" deprecation, which `util.deprecate` emits once per process and only once a third statement
 * queues behind a running one; and that warning goes to the real `process`, which a test inside Jest's sandbox
 * (its own `process` object) cannot listen on.
 */
export function watchQueryOverlap(t: TestApp): OverlapWatch {
  const pool = (t.dataSource.driver as PostgresDriver).master as Pool;
  const overlaps: string[] = [];
  let watching = true;
  const record = (text: string): void => {
    if (watching) overlaps.push(text);
  };
  const onAcquire = (client: Watched): void => {
    // A client an earlier watch wrapped reports to this one from now on (it used to keep reporting to the stopped
    // one, so the watch saw nothing when another test had run first).
    client.overlapSink = record;
    if (client.overlapWatched) return;
    client.overlapWatched = true;
    let inFlight = 0;
    const query = client.query.bind(client) as (...args: unknown[]) => unknown;
    (client as unknown as { query: (...args: unknown[]) => unknown }).query = (...args: unknown[]) => {
      const text = typeof args[0] === 'string' ? args[0] : (args[0] as { text?: string } | undefined)?.text;
      if (inFlight > 0) client.overlapSink?.((text ?? String(args[0])).trim().slice(0, 200));
      const callback = args.findIndex((arg) => typeof arg === 'function');
      inFlight++;
      let settled = false;
      const settle = (): void => {
        if (settled) return;
        settled = true;
        inFlight--;
      };
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
  };
  pool.on('acquire', onAcquire);
  return {
    overlaps: () => [...overlaps],
    stop: () => {
      watching = false;
      pool.off('acquire', onAcquire);
    },
  };
}
