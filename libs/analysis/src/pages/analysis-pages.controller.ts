import { Body, Controller, Get, Param, ParseIntPipe, ParseUUIDPipe, Post, Redirect, Render, Req } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { Ctx, RequestContext } from '@arshjulet/core';
import { Authenticated, CsrfInMultipartBody, FormPage, Permission, WebSessionService } from '@arshjulet/org';
import type { Request } from 'express';
import { ANALYSIS_FORM, ATTACHMENT_FORM, REVIEW_FORM } from './analysis-form-pages.js';
import type { FormBody } from './analysis-pages.mapper.js';
import { AnalysisPagesService } from './analysis-pages.service.js';

/** The delregion's analysis form, its revisions and diffs, and the county's review – plain HTML forms. */
@ApiExcludeController()
@Controller('arshjul/:year/uppgifter/:id')
export class AnalysisPagesController {
  constructor(
    private readonly pages: AnalysisPagesService,
    private readonly sessions: WebSessionService,
  ) {}

  private async done(request: Request, result: { url: string; notice: string }): Promise<{ url: string }> {
    await this.sessions.setFlash(request, { notice: result.notice });
    return { url: result.url };
  }

  private notice(request: Request) {
    return { notice: this.sessions.takeFlash(request)?.notice ?? null };
  }

  @Get('analys')
  @Authenticated(Permission.AnalysisRead)
  @Render('analysis/form')
  form(@Ctx() ctx: RequestContext, @Req() request: Request, @Param('year') year: string, @Param('id', ParseUUIDPipe) id: string) {
    return this.pages.form(ctx, year, id, this.notice(request));
  }

  @FormPage(ANALYSIS_FORM)
  @Post('analys')
  @Authenticated(Permission.AnalysisEdit)
  @Redirect('/arshjul', 303)
  async save(@Ctx() ctx: RequestContext, @Req() request: Request, @Param('year') year: string, @Param('id', ParseUUIDPipe) id: string, @Body() body: FormBody) {
    return this.done(request, await this.pages.save(ctx, year, id, body));
  }

  @FormPage(ANALYSIS_FORM)
  @Post('analys/konflikt')
  @Authenticated(Permission.AnalysisEdit)
  @Redirect('/arshjul', 303)
  async resolveConflict(@Ctx() ctx: RequestContext, @Req() request: Request, @Param('year') year: string, @Param('id', ParseUUIDPipe) id: string, @Body() body: FormBody) {
    return this.done(request, await this.pages.resolveConflict(ctx, year, id, body));
  }

  @FormPage(ATTACHMENT_FORM)
  @Post('analys/bilagor')
  @Authenticated(Permission.AnalysisEdit)
  @CsrfInMultipartBody()
  @Redirect('/arshjul', 303)
  async upload(@Ctx() ctx: RequestContext, @Req() request: Request, @Param('year') year: string, @Param('id', ParseUUIDPipe) id: string) {
    return this.done(request, await this.pages.upload(ctx, year, id, request));
  }

  @FormPage(ANALYSIS_FORM)
  @Post('analys/bilagor/:attachmentId/ta-bort')
  @Authenticated(Permission.AnalysisEdit)
  @Redirect('/arshjul', 303)
  async removeAttachment(
    @Ctx() ctx: RequestContext, @Req() request: Request, @Param('year') year: string, @Param('id', ParseUUIDPipe) id: string,
    @Param('attachmentId', ParseUUIDPipe) attachmentId: string,
  ) {
    return this.done(request, await this.pages.removeAttachment(ctx, year, id, attachmentId));
  }

  @Get('analys/versioner/:number')
  @Authenticated(Permission.AnalysisRead)
  @Render('analysis/revision')
  revision(@Ctx() ctx: RequestContext, @Param('year') year: string, @Param('id', ParseUUIDPipe) id: string, @Param('number', ParseIntPipe) number: number) {
    return this.pages.revision(ctx, year, id, number);
  }

  @Get('analys/versioner/:a/jamfor/:b')
  @Authenticated(Permission.AnalysisRead)
  @Render('analysis/diff')
  diff(@Ctx() ctx: RequestContext, @Param('year') year: string, @Param('id', ParseUUIDPipe) id: string, @Param('a', ParseIntPipe) a: number, @Param('b', ParseIntPipe) b: number) {
    return this.pages.diff(ctx, year, id, a, b);
  }

  @Get('granska')
  @Authenticated(Permission.AnalysisReview)
  @Render('analysis/review')
  review(@Ctx() ctx: RequestContext, @Req() request: Request, @Param('year') year: string, @Param('id', ParseUUIDPipe) id: string) {
    return this.pages.review(ctx, year, id, this.notice(request));
  }

  @FormPage(REVIEW_FORM)
  @Post('granska/kommentarer')
  @Authenticated(Permission.AnalysisReview)
  @Redirect('/arshjul', 303)
  async comment(@Ctx() ctx: RequestContext, @Req() request: Request, @Param('year') year: string, @Param('id', ParseUUIDPipe) id: string, @Body() body: FormBody) {
    return this.done(request, await this.pages.comment(ctx, year, id, body));
  }

  @FormPage(REVIEW_FORM)
  @Post('granska/kommentarer/:commentId/los')
  @Authenticated(Permission.AnalysisReview)
  @Redirect('/arshjul', 303)
  async resolve(@Ctx() ctx: RequestContext, @Req() request: Request, @Param('year') year: string, @Param('id', ParseUUIDPipe) id: string, @Param('commentId', ParseUUIDPipe) commentId: string) {
    return this.done(request, await this.pages.resolveComment(ctx, year, id, commentId));
  }

  @FormPage(REVIEW_FORM)
  @Post('granska/atgard')
  @Authenticated(Permission.AnalysisReview)
  @Redirect('/arshjul', 303)
  async act(@Ctx() ctx: RequestContext, @Req() request: Request, @Param('year') year: string, @Param('id', ParseUUIDPipe) id: string, @Body() body: FormBody) {
    return this.done(request, await this.pages.act(ctx, year, id, body));
  }
}
