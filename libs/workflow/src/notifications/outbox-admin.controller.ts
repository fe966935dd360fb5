import { Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Ctx, RequestContext } from '@arshjulet/core';
import { OutboxAdminService } from '@arshjulet/notify';
import { Authenticated, Permission } from '@arshjulet/org';
import { mapOutboxMessage, OutboxMessageDto, OutboxPageDto, OutboxQueryDto } from './dto/notification.dto.js';

/** Administrators: what waits in the outbox, what failed, and retrying dead letters. */
@ApiTags('admin')
@Controller('api/v1/admin/outbox')
export class OutboxAdminController {
  constructor(private readonly outbox: OutboxAdminService) {}

  @Get()
  @Authenticated(Permission.OutboxManage)
  @ApiOperation({ summary: 'Outbox messages by status (dead, pending, failed, sent), newest first; never their secrets' })
  @ApiOkResponse({ type: OutboxPageDto })
  async list(@Ctx() ctx: RequestContext, @Query() query: OutboxQueryDto): Promise<OutboxPageDto> {
    const { items, total } = await this.outbox.list(ctx, query);
    return { items: items.map(mapOutboxMessage), total, page: query.page, pageSize: query.pageSize };
  }

  @Post(':id/retry')
  @HttpCode(200)
  @Authenticated(Permission.OutboxManage)
  @ApiOperation({ summary: 'Put a failed or dead message back in line with fresh attempts' })
  @ApiOkResponse({ type: OutboxMessageDto })
  async retry(@Ctx() ctx: RequestContext, @Param('id', ParseUUIDPipe) id: string): Promise<OutboxMessageDto> {
    return mapOutboxMessage(await this.outbox.retry(ctx, id));
  }
}
