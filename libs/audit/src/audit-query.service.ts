import { Injectable } from '@nestjs/common';
import type { RequestContext } from '@arshjulet/core';
import { TransactionalConnection } from '@arshjulet/db';
import { AuditEvent } from './audit-event.entity.js';

export interface AuditFilter {
  actorId?: string;
  /** The actor's e-mail as recorded (case-insensitive). */
  actorLabel?: string;
  /** Exact action, or a prefix ending in `.` (`user.` for every user event). */
  action?: string;
  entityType?: string;
  entityId?: string;
  orgUnitId?: string;
  from?: Date;
  to?: Date;
  page: number;
  pageSize: number;
}

/** Reading the audit trail; nothing here (or anywhere) updates or deletes it. */
@Injectable()
export class AuditQueryService {
  constructor(private readonly connection: TransactionalConnection) {}

  /** Newest first. */
  async search(ctx: RequestContext, filter: AuditFilter): Promise<{ items: AuditEvent[]; total: number }> {
    const query = this.connection.getRepository(ctx, AuditEvent).createQueryBuilder('event');
    if (filter.actorId) query.andWhere('event.actorId = :actorId', { actorId: filter.actorId });
    if (filter.actorLabel) query.andWhere('lower(event.actorLabel) = lower(:actorLabel)', { actorLabel: filter.actorLabel });
    if (filter.action?.endsWith('.')) query.andWhere('event.action LIKE :action', { action: `${filter.action.replace(/[\\%_]/g, (c) => `\\${c}`)}%` });
    else if (filter.action) query.andWhere('event.action = :action', { action: filter.action });
    if (filter.entityType) query.andWhere('event.entityType = :entityType', { entityType: filter.entityType });
    if (filter.entityId) query.andWhere('event.entityId = :entityId', { entityId: filter.entityId });
    if (filter.orgUnitId) query.andWhere('event.orgUnitId = :orgUnitId', { orgUnitId: filter.orgUnitId });
    if (filter.from) query.andWhere('event.occurredAt >= :from', { from: filter.from });
    if (filter.to) query.andWhere('event.occurredAt < :to', { to: filter.to });
    const [items, total] = await query
      .orderBy('event.occurredAt', 'DESC')
      .addOrderBy('event.id', 'DESC')
      .skip((filter.page - 1) * filter.pageSize)
      .take(filter.pageSize)
      .getManyAndCount();
    return { items, total };
  }
}
