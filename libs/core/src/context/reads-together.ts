import type { RequestContext } from './request-context.js';

type Results<T extends readonly (() => unknown)[]> = { -readonly [K in keyof T]: Awaited<ReturnType<T[K]>> };

/**
 * Runs independent reads at once where that helps and one after another where it cannot: outside a transaction
 * each statement takes its own pooled connection, so they overlap; inside one, all of them share the transaction's
 * single connection, where a second `client.query()` while one runs only queues behind it (and node-postgres
 * deprecates that, an error from pg 9). Use it instead of `Promise.all` over queries that may see `ctx.manager`.
 */
export async function readTogether<const T extends readonly (() => unknown)[]>(ctx: RequestContext, reads: T): Promise<Results<T>> {
  if (!ctx.inTransaction) return (await Promise.all(reads.map((read) => read()))) as Results<T>;
  const results: unknown[] = [];
  for (const read of reads) results.push(await read());
  return results as Results<T>;
}
