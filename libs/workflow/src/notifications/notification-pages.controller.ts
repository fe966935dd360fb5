import { Controller, Get, Param, ParseUUIDPipe, Post, Query, Redirect, Render, Req } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { Ctx, RequestContext } from '@arshjulet/core';
import { NotificationService } from '@arshjulet/notify';
import { AccessException, Authenticated, Permission, WebSessionService } from '@arshjulet/org';
import type { Request } from 'express';
import { notificationListView, NOTIFICATIONS_PATH } from './notification-pages.mapper.js';

const PAGE_SIZE = 20;
const pageNumber = (text?: string) => (text && /^\d{1,6}$/.test(text) && Number(text) > 0 ? Number(text) : 1);

/** Notifications belong to a person; a system actor has none. */
function userOf(ctx: RequestContext): string {
  const userId = ctx.actor?.userId;
  if (!userId) throw AccessException.forbidden();
  return userId;
}

/** "Aviseringar": my notifications, newest first, marked read one by one or all at once – the API's service. */
@ApiExcludeController()
@Controller('aviseringar')
export class NotificationPagesController {
  constructor(
    private readonly notifications: NotificationService,
    private readonly sessions: WebSessionService,
  ) {}

  @Get()
  @Authenticated(Permission.AccountSelf)
  @Render('notifications/index')
  async list(@Ctx() ctx: RequestContext, @Req() request: Request, @Query('sida') page?: string) {
    const view = notificationListView(await this.notifications.list(ctx, userOf(ctx), { page: pageNumber(page), pageSize: PAGE_SIZE }), pageNumber(page), PAGE_SIZE);
    return { ...view, notice: this.sessions.takeFlash(request)?.notice ?? null };
  }

  @Post('las-alla')
  @Authenticated(Permission.AccountSelf)
  @Redirect(NOTIFICATIONS_PATH, 303)
  async readAll(@Ctx() ctx: RequestContext, @Req() request: Request): Promise<void> {
    const marked = await this.notifications.markAllRead(ctx, userOf(ctx));
    await this.sessions.setFlash(request, { notice: marked === 0 ? 'Alla aviseringar var redan lästa.' : 'Alla aviseringar är markerade som lästa.' });
  }

  @Post(':id/last')
  @Authenticated(Permission.AccountSelf)
  @Redirect(NOTIFICATIONS_PATH, 303)
  async read(@Ctx() ctx: RequestContext, @Req() request: Request, @Param('id', ParseUUIDPipe) id: string): Promise<void> {
    const notification = await this.notifications.markRead(ctx, userOf(ctx), id);
    await this.sessions.setFlash(request, { notice: `”${notification.title}” är markerad som läst.` });
  }
}
