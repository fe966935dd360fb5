import { Injectable } from '@nestjs/common';
import type { RequestContext } from '@arshjulet/core';
import { TransactionalConnection } from '@arshjulet/db';
import { AuditEvent } from './audit-event.entity.js';

export interface AuditEntry {
  action: string;
  entityType: string;
  entityId?: string | null;
  orgUnitId?: string | null;
  before?: Record<string, unknown> | null;
  after?: Record<string, unknown> | null;
}

/** Writes audit events in the caller's transaction, so a rolled-back change leaves no trace. */
@Injectable()
export class AuditService {
  constructor(private readonly connection: TransactionalConnection) {}

  async record(ctx: RequestContext, entry: AuditEntry): Promise<void> {
    const event: Partial<AuditEvent> = {
      actorId: ctx.actor?.userId ?? null,
      actorLabel: ctx.actor ? ctx.actor.email : 'anonym',
      action: entry.action,
      entityType: entry.entityType,
      entityId: entry.entityId ?? null,
      orgUnitId: entry.orgUnitId ?? null,
      before: entry.before ?? null,
      after: entry.after ?? null,
      requestId: ctx.requestId,
    };
    // jsonb columns defeat insert()'s deep-partial typing; the shape above is checked against the entity.
    await this.connection.getRepository(ctx, AuditEvent).insert(event as never);
  }
}
