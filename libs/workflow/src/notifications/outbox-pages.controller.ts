import { Body, Controller, Get, Param, ParseUUIDPipe, Post, Query, Redirect, Render, Req, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { Ctx, RequestContext } from '@arshjulet/core';
import { Authenticated, FormPage, Permission, WebSessionService } from '@arshjulet/org';
import type { Request, Response } from 'express';
import { OUTBOX_RETRY_FORM } from './outbox-form-pages.js';
import { OUTBOX_PAGE_PATH, outboxReturnPath } from './outbox-pages.mapper.js';
import { OutboxPagesService } from './outbox-pages.service.js';

/** "Utskick" for administrators: what waits, what failed and what gave up, and "Försök igen" – the admin API's service. */
@ApiExcludeController()
@Controller('administration/utskick')
export class OutboxPagesController {
  constructor(
    private readonly pages: OutboxPagesService,
    private readonly sessions: WebSessionService,
  ) {}

  @Get()
  @Authenticated(Permission.OutboxManage)
  @Render('outbox/index')
  async list(@Ctx() ctx: RequestContext, @Req() request: Request, @Res({ passthrough: true }) response: Response, @Query() query: Record<string, unknown>) {
    const { status, view } = await this.pages.list(ctx, query, this.sessions.takeFlash(request));
    response.status(status);
    return view;
  }

  @Post(':id/forsok-igen')
  @Authenticated(Permission.OutboxManage)
  @FormPage(OUTBOX_RETRY_FORM)
  @Redirect(OUTBOX_PAGE_PATH, 303)
  async retry(@Ctx() ctx: RequestContext, @Req() request: Request, @Param('id', ParseUUIDPipe) id: string, @Body() body: Record<string, unknown>) {
    await this.sessions.setFlash(request, { notice: await this.pages.retry(ctx, id) });
    return { url: outboxReturnPath(body) };
  }
}
