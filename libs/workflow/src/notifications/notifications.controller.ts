import { Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Ctx, RequestContext } from '@arshjulet/core';
import { NotificationService } from '@arshjulet/notify';
import { AccessException, Authenticated, Permission } from '@arshjulet/org';
import { MarkedReadDto, mapNotification, NotificationDto, NotificationPageDto, NotificationQueryDto } from './dto/notification.dto.js';

/** The signed-in user's own in-app notifications (the bell). */
@ApiTags('notifications')
@Controller('api/v1/notifications')
export class NotificationsController {
  constructor(private readonly notifications: NotificationService) {}

  @Get()
  @Authenticated(Permission.AccountSelf)
  @ApiOperation({ summary: 'My notifications, newest first, with the unread count' })
  @ApiOkResponse({ type: NotificationPageDto })
  async list(@Ctx() ctx: RequestContext, @Query() query: NotificationQueryDto): Promise<NotificationPageDto> {
    const page = await this.notifications.list(ctx, userOf(ctx), query);
    return { items: page.items.map(mapNotification), total: page.total, unreadCount: page.unreadCount, page: query.page, pageSize: query.pageSize };
  }

  @Post('read-all')
  @HttpCode(200)
  @Authenticated(Permission.AccountSelf)
  @ApiOperation({ summary: 'Mark all my notifications read' })
  @ApiOkResponse({ type: MarkedReadDto })
  async readAll(@Ctx() ctx: RequestContext): Promise<MarkedReadDto> {
    return { marked: await this.notifications.markAllRead(ctx, userOf(ctx)), unreadCount: 0 };
  }

  @Post(':id/read')
  @HttpCode(200)
  @Authenticated(Permission.AccountSelf)
  @ApiOperation({ summary: 'Mark one of my notifications read' })
  @ApiOkResponse({ type: NotificationDto })
  async read(@Ctx() ctx: RequestContext, @Param('id', ParseUUIDPipe) id: string): Promise<NotificationDto> {
    return mapNotification(await this.notifications.markRead(ctx, userOf(ctx), id));
  }
}

/** Notifications belong to a person; a system actor has none. */
function userOf(ctx: RequestContext): string {
  const userId = ctx.actor?.userId;
  if (!userId) throw AccessException.forbidden();
  return userId;
}
