import { Body, Controller, Get, Param, Post, Redirect, Render, Req } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { Ctx, RequestContext } from '@arshjulet/core';
import { Authenticated, FormPage, Permission, WebSessionService } from '@arshjulet/org';
import type { Request } from 'express';
import { IndicatorEditFormDto } from './dto/indicator-edit-form.dto.js';
import { INDICATOR_EDIT_FORM } from './indicator-admin-form-pages.js';
import { INDICATOR_ADMIN_PATH } from './indicator-admin-pages.mapper.js';
import { IndicatorAdminPagesService } from './indicator-admin-pages.service.js';

/** "Indikatorkatalogen" under Administration: every indicator, active or not, and one's edit form with its history. */
@ApiExcludeController()
@Controller('administration/indikatorer')
export class IndicatorAdminPagesController {
  constructor(
    private readonly pages: IndicatorAdminPagesService,
    private readonly sessions: WebSessionService,
  ) {}

  @Get()
  @Authenticated(Permission.IndicatorManage)
  @Render('admin/indicators')
  list(@Ctx() ctx: RequestContext) {
    return this.pages.list(ctx);
  }

  @Get(':code')
  @Authenticated(Permission.IndicatorManage)
  @Render('admin/indicator')
  async edit(@Ctx() ctx: RequestContext, @Req() request: Request, @Param('code') code: string) {
    return this.pages.edit(ctx, code, { notice: this.sessions.takeFlash(request)?.notice ?? null });
  }

  @Post(':code')
  @Authenticated(Permission.IndicatorManage)
  @FormPage(INDICATOR_EDIT_FORM)
  @Redirect(INDICATOR_ADMIN_PATH, 303)
  async save(@Ctx() ctx: RequestContext, @Req() request: Request, @Param('code') code: string, @Body() form: IndicatorEditFormDto) {
    const { url, notice } = await this.pages.save(ctx, code, form);
    await this.sessions.setFlash(request, { notice });
    return { url };
  }
}
