import { Controller, Get, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Ctx, RequestContext } from '@arshjulet/core';
import { AuditEventPageDto, AuditEventQueryDto, mapAuditEvent } from '@arshjulet/audit';
import { Authenticated } from '../access/authenticated.decorator.js';
import { Permission } from '../access/permission.js';
import { AuditTrailService } from './audit-trail.service.js';

/**
 * Reading the audit trail. It lives here rather than in libs/audit because permissions are declared with
 * libs/org's decorator, and libs/org already depends on libs/audit. There is deliberately no write route.
 */
@ApiTags('audit')
@Controller('api/v1/audit-events')
export class AuditEventsController {
  constructor(private readonly trail: AuditTrailService) {}

  @Get()
  @Authenticated(Permission.AuditRead)
  @ApiOperation({ summary: 'Audit events, newest first; filter by actor, action, entity, org unit and time' })
  @ApiOkResponse({ type: AuditEventPageDto })
  async search(@Ctx() ctx: RequestContext, @Query() query: AuditEventQueryDto): Promise<AuditEventPageDto> {
    const { items, total } = await this.trail.search(ctx, query);
    return { items: items.map(mapAuditEvent), total, page: query.page, pageSize: query.pageSize };
  }
}
