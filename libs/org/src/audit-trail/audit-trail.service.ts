import { Injectable } from '@nestjs/common';
import { RequestContext } from '@arshjulet/core';
import { AuditEvent, AuditEventQueryDto, AuditQueryService } from '@arshjulet/audit';
import { OrgUnitService } from '../org-units/org-unit.service.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The audit trail as the API offers it: people and org units named the way users know them. */
@Injectable()
export class AuditTrailService {
  constructor(
    private readonly audit: AuditQueryService,
    private readonly orgUnits: OrgUnitService,
  ) {}

  async search(ctx: RequestContext, query: AuditEventQueryDto): Promise<{ items: AuditEvent[]; total: number }> {
    const orgUnitId = query.orgUnit ? (UUID.test(query.orgUnit) ? query.orgUnit : (await this.orgUnits.getByCode(ctx, query.orgUnit)).id) : undefined;
    const actor = query.actor?.trim();
    return this.audit.search(ctx, {
      actorId: actor && UUID.test(actor) ? actor : undefined,
      actorLabel: actor && !UUID.test(actor) ? actor : undefined,
      action: query.action,
      entityType: query.entityType,
      entityId: query.entityId,
      orgUnitId,
      from: query.from,
      to: query.to,
      page: query.page,
      pageSize: query.pageSize,
    });
  }
}
