import { Body, Controller, Get, Param, Post, Redirect, Render, Req } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { Ctx, RequestContext } from '@arshjulet/core';
import type { Request } from 'express';
import { Authenticated } from '../access/authenticated.decorator.js';
import { Permission } from '../access/permission.js';
import { WebSessionService } from '../auth/web-session.service.js';
import { FormPage } from '../pages/form-page.filter.js';
import { OrgUnitFormDto } from './dto/update-org-unit.dto.js';
import { OrgUnitAdminService } from './org-unit-admin.service.js';
import { OrgUnitType } from './org-unit-type.js';
import { OrgUnitService } from './org-unit.service.js';
import { ORG_UNIT_FORM } from './org-units-form-pages.js';
import { orgUnitFormView, orgUnitHref, orgUnitListView, ORG_UNITS_PATH } from './org-units-pages.mapper.js';

/** "Organisation": administrators rename, (de)activate and move municipalities on plain HTML forms, via the API's service. */
@ApiExcludeController()
@Controller(ORG_UNITS_PATH.slice(1))
export class OrgUnitsPagesController {
  constructor(
    private readonly orgUnits: OrgUnitService,
    private readonly admin: OrgUnitAdminService,
    private readonly sessions: WebSessionService,
  ) {}

  @Get()
  @Authenticated(Permission.OrgUnitManage)
  @Render('org-units/index')
  async list(@Ctx() ctx: RequestContext, @Req() request: Request) {
    return orgUnitListView(await this.orgUnits.list(ctx, { includeInactive: true }), this.sessions.takeFlash(request)?.notice ?? null);
  }

  @Get(':code')
  @Authenticated(Permission.OrgUnitManage)
  @Render('org-units/show')
  async show(@Ctx() ctx: RequestContext, @Req() request: Request, @Param('code') code: string) {
    const unit = await this.orgUnits.getByCode(ctx, code);
    const all = await this.orgUnits.list(ctx, { includeInactive: true });
    const parent = all.find((candidate) => candidate.id === unit.parentId) ?? null;
    const delregions = all.filter((candidate) => candidate.type === OrgUnitType.Delregion);
    return orgUnitFormView(unit, parent, delregions, { notice: this.sessions.takeFlash(request)?.notice ?? null });
  }

  @Post(':code')
  @Authenticated(Permission.OrgUnitManage)
  @FormPage(ORG_UNIT_FORM)
  @Redirect(ORG_UNITS_PATH, 303)
  async save(@Ctx() ctx: RequestContext, @Req() request: Request, @Param('code') code: string, @Body() form: OrgUnitFormDto) {
    const unit = await this.admin.update(ctx, code, form.version, { name: form.name, active: form.active, parentCode: form.parentCode || undefined });
    await this.sessions.setFlash(request, { notice: `${unit.name} är sparad.` });
    return { url: orgUnitHref(unit.code) };
  }
}
