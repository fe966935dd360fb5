import { Inject, Injectable, Logger } from '@nestjs/common';
import { APP_CONFIG, type AppConfig, RequestContext } from '@arshjulet/core';
import { TransactionalConnection } from '@arshjulet/db';
import { In } from 'typeorm';
import { OutboxMessage, OutboxStatus } from './outbox-message.entity.js';

export interface NewMessage {
  kind: string;
  recipient: string;
  recipientUserId?: string | null;
  subject: string;
  body: string;
  payload?: Record<string, unknown>;
}

/** The notification outbox: enqueue in the caller's transaction; a delivery worker (SMTP) sends later. */
@Injectable()
export class NotifyService {
  private readonly logger = new Logger(NotifyService.name);

  constructor(
    private readonly connection: TransactionalConnection,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async enqueue(ctx: RequestContext, message: NewMessage): Promise<OutboxMessage> {
    const repository = this.connection.getRepository(ctx, OutboxMessage);
    const saved = await repository.save(
      repository.create({
        kind: message.kind,
        recipient: message.recipient,
        recipientUserId: message.recipientUserId ?? null,
        subject: message.subject,
        body: message.body,
        payload: message.payload ?? {},
        status: OutboxStatus.Pending,
      }),
    );
    // No SMTP transport yet: in development the message is shown in the log once it is committed.
    if (this.config.NODE_ENV === 'development') {
      await ctx.afterCommit(() => this.logger.log(`E-post till ${saved.recipient} – ${saved.subject}\n${saved.body}`));
    }
    return saved;
  }

  /** Messages not yet delivered to a user, newest first. */
  async pendingFor(ctx: RequestContext, recipientUserId: string, kinds: string[]): Promise<OutboxMessage[]> {
    return this.connection.getRepository(ctx, OutboxMessage).find({
      where: { recipientUserId, kind: In(kinds), status: OutboxStatus.Pending },
      order: { createdAt: 'DESC' },
    });
  }
}
