import { createHash } from 'node:crypto';
import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { RequestContext } from '@arshjulet/core';
import type pg from 'pg';
import { DataSource, EntityManager, EntityTarget, ObjectLiteral, QueryFailedError, Repository } from 'typeorm';
import type { PostgresDriver } from 'typeorm/driver/postgres/PostgresDriver.js';

/**
 * The transaction helper (Vendure's TransactionalConnection): repositories bound to the context's open
 * transaction, and `withTransaction` that commits everything a use case wrote, with its audit rows, or nothing.
 */
@Injectable()
export class TransactionalConnection {
  private readonly logger = new Logger(TransactionalConnection.name);

  constructor(@InjectDataSource() readonly dataSource: DataSource) {}

  manager(ctx: RequestContext): EntityManager {
    return ctx.manager ?? this.dataSource.manager;
  }

  getRepository<T extends ObjectLiteral>(ctx: RequestContext, entity: EntityTarget<T>): Repository<T> {
    return this.manager(ctx).getRepository(entity);
  }

  /**
   * A hot read as a named prepared statement: each pooled connection parses it once, and PostgreSQL may then keep
   * a generic plan instead of planning it on every request. Inside a transaction it runs on the transaction's
   * connection as an ordinary statement. Errors are TypeORM's `QueryFailedError`, as from `manager(ctx).query`.
   */
  async preparedQuery<T>(ctx: RequestContext, text: string, values: unknown[]): Promise<T[]> {
    if (ctx.manager) return ctx.manager.query(text, values);
    let name = this.statementNames.get(text);
    if (!name) {
      name = `p_${createHash('sha256').update(text).digest('hex').slice(0, 24)}`;
      this.statementNames.set(text, name);
    }
    try {
      return (await ((this.dataSource.driver as PostgresDriver).master as pg.Pool).query({ name, text, values })).rows as T[];
    } catch (error) {
      throw new QueryFailedError(text, values, error as Error);
    }
  }

  private readonly statementNames = new Map<string, string>();

  /**
   * Runs `work` in one transaction (joining the context's, if it has one) and then the jobs queued with
   * `ctx.afterCommit`. A failing job is logged, never undoes the committed work.
   */
  async withTransaction<T>(ctx: RequestContext, work: (ctx: RequestContext) => Promise<T>, options: StatementOptions = {}): Promise<T> {
    if (ctx.inTransaction) return work(ctx);
    const queue: Array<() => void | Promise<void>> = [];
    const result = await this.dataSource.transaction(async (manager) => {
      if (options.statementTimeoutMs) await manager.query(`SET LOCAL statement_timeout = ${Math.round(options.statementTimeoutMs)}`);
      const client: unknown = options.signal ? await manager.queryRunner?.connect() : null;
      return this.cancellable(client, options.signal, () => work(ctx.withTransaction(manager, queue)));
    });
    for (const job of queue) {
      try {
        await job();
      } catch (error) {
        this.logger.error({ err: error, requestId: ctx.requestId }, 'after-commit job failed');
      }
    }
    return result;
  }

  /**
   * Runs `work` on one pooled connection outside any transaction (each statement commits on its own); `signal`
   * cancels the statement running on it. For work that must not hold a transaction open while it waits, e.g. on
   * an upload.
   */
  async withConnection<T>(options: StatementOptions, work: (client: pg.PoolClient) => Promise<T>): Promise<T> {
    const runner = this.dataSource.createQueryRunner();
    try {
      const client = (await runner.connect()) as pg.PoolClient;
      return await this.cancellable(client, options.signal, () => work(client));
    } finally {
      await runner.release();
    }
  }

  /**
   * `signal` (a client that hung up) cancels the statement running on `client` with pg_cancel_backend. Waits for
   * the cancel to land before the connection goes back to the pool, so it never hits another request's query.
   */
  private async cancellable<T>(client: unknown, signal: AbortSignal | undefined, work: () => Promise<T>): Promise<T> {
    const pid = (client as { processID?: number } | null)?.processID;
    if (!signal || !pid) return work();
    signal.throwIfAborted();
    let cancelling: Promise<unknown> | null = null;
    const cancel = () => {
      cancelling = this.dataSource.query('SELECT pg_cancel_backend($1)', [pid]).catch((error: unknown) => {
        this.logger.warn({ err: error, pid }, 'could not cancel the query of a client that hung up');
      });
    };
    signal.addEventListener('abort', cancel, { once: true });
    try {
      return await work();
    } finally {
      signal.removeEventListener('abort', cancel);
      if (cancelling) await cancelling;
    }
  }
}

export interface StatementOptions {
  /** Aborted when the client is gone: the running statement is cancelled and the work fails. */
  signal?: AbortSignal;
  /** `SET LOCAL statement_timeout` for this transaction: an explicit budget for work known to run long. */
  statementTimeoutMs?: number;
}
