import { Injectable } from '@nestjs/common';
import type { RequestContext } from '@arshjulet/core';
import { TransactionalConnection } from '@arshjulet/db';
import type { OutboxDraft } from './outbox-draft.js';
import { OutboxMessage, OutboxStatus } from './outbox-message.entity.js';

/** Writes outbox rows in the caller's transaction: a rolled-back change sends nothing, a committed one is never lost. */
@Injectable()
export class OutboxService {
  constructor(private readonly connection: TransactionalConnection) {}

  /** Returns how many rows were inserted. */
  async enqueue(ctx: RequestContext, drafts: readonly OutboxDraft[]): Promise<number> {
    if (drafts.length === 0) return 0;
    const repository = this.connection.getRepository(ctx, OutboxMessage);
    const rows = drafts.map((draft) =>
      repository.create({
        kind: draft.kind,
        recipient: draft.recipient,
        recipientUserId: draft.recipientUserId,
        subject: draft.subject,
        body: draft.text,
        payload: { channel: draft.channel, html: draft.html ?? null, link: draft.link ?? null, dedupeKey: draft.dedupeKey ?? null },
        status: OutboxStatus.Pending,
      }),
    );
    await repository.insert(rows as never);
    return rows.length;
  }
}
