import { Injectable } from '@nestjs/common';
import type { PageRequest, RequestContext } from '@arshjulet/core';
import { AuditService } from '@arshjulet/audit';
import { TransactionalConnection } from '@arshjulet/db';
import { In } from 'typeorm';
import { OutboxMessage, OutboxStatus } from '../outbox-message.entity.js';
import { NotifyException } from '../notify.exception.js';

const RETRYABLE = [OutboxStatus.Dead, OutboxStatus.Failed];

/** What administrators see of the outbox (dead letters, what waits) and the one thing they do: retry. */
@Injectable()
export class OutboxAdminService {
  constructor(
    private readonly connection: TransactionalConnection,
    private readonly audit: AuditService,
  ) {}

  /** Newest first; `status` narrows to one status or several (the page's "not sent": pending, failed and dead). */
  async list(ctx: RequestContext, query: PageRequest & { status?: OutboxStatus | readonly OutboxStatus[] }): Promise<{ items: OutboxMessage[]; total: number }> {
    const { status } = query;
    const [items, total] = await this.connection.getRepository(ctx, OutboxMessage).findAndCount({
      where: status === undefined ? {} : { status: typeof status === 'string' ? status : In([...status]) },
      order: { createdAt: 'DESC', id: 'DESC' },
      skip: (query.page - 1) * query.pageSize,
      take: query.pageSize,
    });
    return { items, total };
  }

  /** A failed or dead message goes back in line with fresh attempts; the worker delivers it on its next round. */
  async retry(ctx: RequestContext, id: string): Promise<OutboxMessage> {
    return this.connection.withTransaction(ctx, async (tx) => {
      const repository = this.connection.getRepository(tx, OutboxMessage);
      const message = await repository.findOne({ where: { id }, lock: { mode: 'pessimistic_write' } });
      if (!message) throw NotifyException.outboxMessageNotFound();
      if (!RETRYABLE.includes(message.status)) throw NotifyException.notRetryable(message.status);
      await repository.update(
        { id, status: In(RETRYABLE) },
        { status: OutboxStatus.Pending, attempts: 0, nextAttemptAt: () => 'now()', lockedUntil: null, claimedBy: null },
      );
      await this.audit.record(tx, {
        action: 'outbox.retried',
        entityType: 'outbox_message',
        entityId: id,
        before: { status: message.status, attempts: message.attempts, lastError: message.lastError },
        after: { status: OutboxStatus.Pending },
      });
      return repository.findOneByOrFail({ id });
    });
  }
}
