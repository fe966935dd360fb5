import { Controller, Get, Query, Render, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { AuditQueryService } from '@arshjulet/audit';
import { Ctx, RequestContext } from '@arshjulet/core';
import type { Response } from 'express';
import { Authenticated } from '../access/authenticated.decorator.js';
import { Permission } from '../access/permission.js';
import { OrgUnitService } from '../org-units/org-unit.service.js';
import { type AuditPageQuery, auditPageView, parseAuditQuery } from './audit-trail-pages.mapper.js';

/**
 * "Logg": the audit trail, filtered by kind of thing, event, person, org unit and dates, paged, every row in
 * Swedish. A GET form: the filters are in the address, so a filtered view can be bookmarked or passed on.
 */
@ApiExcludeController()
@Controller('administration/logg')
export class AuditTrailPagesController {
  constructor(
    private readonly audit: AuditQueryService,
    private readonly orgUnits: OrgUnitService,
  ) {}

  @Get()
  @Authenticated(Permission.AuditRead)
  @Render('admin/audit')
  async list(@Ctx() ctx: RequestContext, @Query() query: AuditPageQuery, @Res({ passthrough: true }) response: Response) {
    const parsed = parseAuditQuery(query ?? {});
    const units = await this.orgUnits.list(ctx, { includeInactive: true });
    const errors = [...parsed.errors];
    const { orgUnitCode, ...filter } = parsed.filter;
    const orgUnitId = orgUnitCode ? units.find((unit) => unit.code === orgUnitCode)?.id : undefined;
    if (orgUnitCode && !orgUnitId) errors.push({ path: 'enhet', message: 'Organisationsenheten finns inte. Välj en i listan.' });
    if (errors.length) {
      response.status(400);
      return auditPageView({ parsed, errors, items: [], total: 0, orgUnits: units });
    }
    const { items, total } = await this.audit.search(ctx, { ...filter, orgUnitId });
    return auditPageView({ parsed, errors, items, total, orgUnits: units });
  }
}
