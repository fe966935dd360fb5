import { Injectable } from '@nestjs/common';
import { RequestContext } from '@arshjulet/core';
import { TransactionalConnection } from '@arshjulet/db';
import { In } from 'typeorm';
import { OutboxMessage, OutboxStatus } from './outbox-message.entity.js';
import { OutboxService } from './outbox.service.js';

export interface NewMessage {
  kind: string;
  recipient: string;
  recipientUserId?: string | null;
  subject: string;
  body: string;
  /** `payload.link` is taken as a one-time link: stored as a secret, erased once delivered, never logged. */
  payload?: Record<string, unknown>;
}

/** One e-mail to one person (invitations, password resets), queued through the outbox. */
@Injectable()
export class NotifyService {
  constructor(
    private readonly connection: TransactionalConnection,
    private readonly outbox: OutboxService,
  ) {}

  async enqueue(ctx: RequestContext, message: NewMessage): Promise<void> {
    const { link, ...payload } = message.payload ?? {};
    const secret = typeof link === 'string' && link ? { link } : undefined;
    await this.outbox.enqueue(ctx, [
      {
        channel: 'email',
        kind: message.kind,
        recipient: message.recipient,
        recipientUserId: message.recipientUserId ?? null,
        subject: message.subject,
        text: secret ? message.body.split(secret.link).join('{{link}}') : message.body,
        secret,
        payload,
      },
    ]);
  }

  /**
   * E-mails not yet delivered to a user, newest first, with their secret parts in `payload` (for administrators to
   * pass a link on while the app cannot send mail). Delivered messages have lost their secrets.
   */
  async pendingFor(ctx: RequestContext, recipientUserId: string, kinds: string[]): Promise<OutboxMessage[]> {
    const messages = await this.connection.getRepository(ctx, OutboxMessage).find({
      where: { recipientUserId, kind: In(kinds), channel: 'email', status: In([OutboxStatus.Pending, OutboxStatus.Failed, OutboxStatus.Dead]) },
      order: { createdAt: 'DESC' },
    });
    return messages.map((message) => Object.assign(message, { payload: { ...message.payload, ...(message.secret ?? {}) } }));
  }
}
