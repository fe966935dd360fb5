import { poolOf, statementRecorder } from './pool-tap.js';
import type { TestApp } from './test-app.js';

/**
 * Counts SQL on the app's own pool: every statement any pooled client runs (TypeORM's queries and the session
 * store's alike) while `send` is served. Used by the tests that hold a request to a number of statements.
 */
export function recordStatements(t: TestApp): (send: () => PromiseLike<unknown>) => Promise<string[]> {
  return statementRecorder(poolOf(t.dataSource));
}
