import { poolOf, tapPool } from './pool-tap.js';
import type { TestApp } from './test-app.js';

export interface OverlapWatch {
  /** The statements handed to a pooled connection while another statement was still running on it. */
  overlaps: () => string[];
  stop: () => void;
}

/**
 * Watches the app's pool for two statements at once on ONE connection (what `Promise.all` over queries inside a
 * transaction does): a statement handed to a client while another is in flight there is recorded. Stricter than
 * node-postgres's own "Calling client.query() when the client is already executing a query" deprecation, which
 * `util.deprecate` emits once per process and only once a third statement queues behind a running one; and that
 * warning goes to the real `process`, which a test inside Jest's sandbox (its own `process` object) cannot listen on.
 */
export function watchQueryOverlap(t: TestApp): OverlapWatch {
  const overlaps: string[] = [];
  const stop = tapPool(poolOf(t.dataSource), ({ text, inFlight }) => {
    if (inFlight > 0) overlaps.push((text ?? '(a statement without text)').slice(0, 200));
  });
  return { overlaps: () => [...overlaps], stop };
}
