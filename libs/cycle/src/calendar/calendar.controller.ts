import { Controller, Delete, Get, Header, HttpCode, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiProperty, ApiQuery, ApiTags } from '@nestjs/swagger';
import { Ctx, RequestContext } from '@arshjulet/core';
import { Authenticated, Permission, Public } from '@arshjulet/org';
import { CalendarService } from './calendar.service.js';

export class CalendarUrlDto {
  @ApiProperty({ description: 'Secret subscription URL, shown once; rotating or revoking stops the old one' }) url: string;
}

@ApiTags('calendar')
@Controller('api/v1/me')
export class CalendarController {
  constructor(private readonly calendars: CalendarService) {}

  @Post('calendar-token')
  @Authenticated(Permission.AccountSelf)
  @ApiOperation({ summary: 'Create or rotate your calendar feed URL' })
  @ApiCreatedResponse({ type: CalendarUrlDto })
  async rotate(@Ctx() ctx: RequestContext): Promise<CalendarUrlDto> {
    return { url: (await this.calendars.rotate(ctx)).url };
  }

  @Delete('calendar-token')
  @HttpCode(204)
  @Authenticated(Permission.AccountSelf)
  @ApiOperation({ summary: 'Revoke your calendar feed URL' })
  @ApiNoContentResponse()
  revoke(@Ctx() ctx: RequestContext): Promise<void> {
    return this.calendars.revoke(ctx);
  }

  @Get('calendar.ics')
  @Public()
  @Header('Content-Type', 'text/calendar; charset=utf-8')
  @Header('Cache-Control', 'private, no-store')
  @ApiOperation({ summary: 'Your iCalendar feed (phases and your own deadlines); the secret token is the credential' })
  @ApiQuery({ name: 'token', required: true })
  @ApiOkResponse({ description: 'text/calendar' })
  feed(@Query('token') token: string | undefined): Promise<string> {
    return this.calendars.feed(typeof token === 'string' ? token : undefined);
  }
}
