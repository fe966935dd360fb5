import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { RequestContext } from '@arshjulet/core';
import { DataSource, EntityManager, EntityTarget, ObjectLiteral, Repository } from 'typeorm';

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
   * Runs `work` in one transaction (joining the context's, if it has one) and then the jobs queued with
   * `ctx.afterCommit`. A failing job is logged, never undoes the committed work.
   */
  async withTransaction<T>(ctx: RequestContext, work: (ctx: RequestContext) => Promise<T>): Promise<T> {
    if (ctx.inTransaction) return work(ctx);
    const queue: Array<() => void | Promise<void>> = [];
    const result = await this.dataSource.transaction((manager) => work(ctx.withTransaction(manager, queue)));
    for (const job of queue) {
      try {
        await job();
      } catch (error) {
        this.logger.error({ err: error, requestId: ctx.requestId }, 'after-commit job failed');
      }
    }
    return result;
  }
}
