import { Controller, Get, HttpCode, Post, Redirect, Render, Req } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { Ctx, RequestContext } from '@arshjulet/core';
import { Authenticated, FormPage, Permission, WebSessionService } from '@arshjulet/org';
import type { Request } from 'express';
import { CalendarService } from '../calendar/calendar.service.js';
import { CALENDAR_FORM } from './calendar-form-pages.js';
import { CALENDAR_PAGE_PATH, CALENDAR_REVOKED_NOTICE, calendarCreatedView, calendarPageView } from './calendar-pages.mapper.js';

/** "Årshjulet i din kalender": my secret iCalendar link – create, replace, stop – on the API's service. */
@ApiExcludeController()
@Controller('konto/kalender')
export class CalendarPagesController {
  constructor(
    private readonly calendars: CalendarService,
    private readonly sessions: WebSessionService,
  ) {}

  @Get()
  @Authenticated(Permission.AccountSelf)
  @Render('calendar/index')
  async show(@Ctx() ctx: RequestContext, @Req() request: Request) {
    return calendarPageView(await this.calendars.status(ctx), this.sessions.takeFlash(request));
  }

  @Post('lank')
  @HttpCode(200)
  @Authenticated(Permission.AccountSelf)
  @FormPage(CALENDAR_FORM)
  @Render('calendar/created')
  async rotate(@Ctx() ctx: RequestContext) {
    return calendarCreatedView(await this.calendars.rotate(ctx));
  }

  @Post('avsluta')
  @Authenticated(Permission.AccountSelf)
  @FormPage(CALENDAR_FORM)
  @Redirect(CALENDAR_PAGE_PATH, 303)
  async revoke(@Ctx() ctx: RequestContext, @Req() request: Request): Promise<void> {
    await this.calendars.revoke(ctx);
    await this.sessions.setFlash(request, { notice: CALENDAR_REVOKED_NOTICE });
  }
}
