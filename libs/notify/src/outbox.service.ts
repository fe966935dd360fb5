import { Injectable, Logger } from '@nestjs/common';
import type { RequestContext } from '@arshjulet/core';
import { TransactionalConnection } from '@arshjulet/db';
import type { OutboxDraft } from './outbox-draft.js';
import { OutboxMessage, OutboxStatus } from './outbox-message.entity.js';

/** Writes outbox rows in the caller's transaction: a rolled-back change sends nothing, a committed one is never lost. */
@Injectable()
export class OutboxService {
  private readonly logger = new Logger(OutboxService.name);

  constructor(private readonly connection: TransactionalConnection) {}

  /** Returns how many rows were inserted; a draft whose dedupeKey is already queued is skipped. */
  async enqueue(ctx: RequestContext, drafts: readonly OutboxDraft[]): Promise<number> {
    return (await this.insert(ctx, drafts)).length;
  }

  /** Ids of the rows inserted. */
  async insert(ctx: RequestContext, drafts: readonly OutboxDraft[]): Promise<string[]> {
    if (drafts.length === 0) return [];
    const rows = drafts.map((draft) => ({
      channel: draft.channel,
      kind: draft.kind,
      recipient: draft.recipient,
      recipientUserId: draft.recipientUserId,
      subject: draft.subject,
      body: draft.text,
      html: draft.html ?? null,
      link: draft.link ?? null,
      secret: draft.secret && Object.keys(draft.secret).length ? draft.secret : null,
      payload: draft.payload ?? {},
      dedupeKey: draft.dedupeKey ?? null,
      status: OutboxStatus.Pending,
    }));
    const result = await this.connection
      .manager(ctx)
      .createQueryBuilder()
      .insert()
      .into(OutboxMessage)
      .values(rows as never)
      .orIgnore()
      .returning(['id', 'kind', 'channel', 'recipient'])
      .execute();
    const inserted = result.raw as Array<{ id: string; kind: string; channel: string; recipient: string }>;
    // Who and what, never the text: bodies may carry one-time links.
    await ctx.afterCommit(() => {
      for (const row of inserted) this.logger.log({ outboxId: row.id, kind: row.kind, channel: row.channel, recipient: row.recipient }, 'message queued');
    });
    return inserted.map((row) => row.id);
  }
}
