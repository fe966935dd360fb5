import { Body, Controller, Get, Param, ParseUUIDPipe, Post, Redirect, Render, Req } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Request } from 'express';
import { Ctx, RequestContext } from '@arshjulet/core';
import { Authenticated, FormPage, Permission, WebSessionService } from '@arshjulet/org';
import { DECISION_FORM, REVIEW_FORM, STATUS_FORM } from './feedback-form-pages.js';
import { FeedbackPagesService, type FormBody } from './feedback-pages.service.js';

/** VVG's pages: the report in review with comments per section, the year's decisions, and their follow-up. */
@ApiExcludeController()
@Controller()
export class FeedbackPagesController {
  constructor(
    private readonly pages: FeedbackPagesService,
    private readonly sessions: WebSessionService,
  ) {}

  private async done(request: Request, result: { url: string; notice: string }): Promise<{ url: string }> {
    await this.sessions.setFlash(request, { notice: result.notice });
    return { url: result.url };
  }

  private flash(request: Request) {
    const flash = this.sessions.takeFlash(request);
    return { notice: flash?.notice ?? null, error: flash?.error ?? null };
  }

  @Get('arshjul/:year/rapport/granskning')
  @Authenticated(Permission.ReportRead)
  @Render('feedback/review')
  review(@Ctx() ctx: RequestContext, @Req() request: Request, @Param('year') year: string) {
    return this.pages.review(ctx, year, this.flash(request));
  }

  @FormPage(REVIEW_FORM)
  @Post('arshjul/:year/rapport/granskning/kommentarer')
  @Authenticated(Permission.FeedbackWrite)
  @Redirect('/arshjul', 303)
  async comment(@Ctx() ctx: RequestContext, @Req() request: Request, @Param('year') year: string, @Body() body: FormBody) {
    return this.done(request, await this.pages.comment(ctx, year, body ?? {}));
  }

  @FormPage(REVIEW_FORM)
  @Post('arshjul/:year/rapport/granskning/kommentarer/:commentId/svar')
  @Authenticated(Permission.ReportManage)
  @Redirect('/arshjul', 303)
  async answer(@Ctx() ctx: RequestContext, @Req() request: Request, @Param('year') year: string, @Param('commentId', ParseUUIDPipe) commentId: string, @Body() body: FormBody) {
    return this.done(request, await this.pages.answer(ctx, year, commentId, body ?? {}));
  }

  @Get('arshjul/:year/beslut')
  @Authenticated(Permission.ReportRead)
  @Render('feedback/decisions')
  decisions(@Ctx() ctx: RequestContext, @Req() request: Request, @Param('year') year: string) {
    return this.pages.decisionsPage(ctx, year, this.flash(request));
  }

  @FormPage(DECISION_FORM)
  @Post('arshjul/:year/beslut')
  @Authenticated(Permission.DecisionRecord)
  @Redirect('/arshjul', 303)
  async record(@Ctx() ctx: RequestContext, @Req() request: Request, @Param('year') year: string, @Body() body: FormBody) {
    return this.done(request, await this.pages.recordDecision(ctx, year, body ?? {}));
  }

  @Get('beslut')
  @Authenticated(Permission.ReportRead)
  @Render('feedback/followup')
  followup(@Ctx() ctx: RequestContext, @Req() request: Request) {
    return this.pages.followup(ctx, this.flash(request));
  }

  @FormPage(STATUS_FORM)
  @Post('beslut/:id/status')
  @Authenticated(Permission.ReportRead)
  @Redirect('/beslut', 303)
  async status(@Ctx() ctx: RequestContext, @Req() request: Request, @Param('id', ParseUUIDPipe) id: string, @Body() body: FormBody) {
    return this.done(request, await this.pages.setStatus(ctx, id, body ?? {}));
  }
}
