import { Body, Controller, Get, Param, ParseIntPipe, Post, Query, Redirect, Render, Req, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { Ctx, RequestContext } from '@arshjulet/core';
import { Authenticated, FormPage, Permission, WebSessionService } from '@arshjulet/org';
import type { Request, Response } from 'express';
import { PublishedReports } from '../reports/published-reports.decorator.js';
import { ReportDocuments } from '../reports/report-documents.service.js';
import { type DocumentFormat, negotiateFormat, type ReportDocument, ReportOutput } from '../reports/report-format.js';
import { ReportException } from '../report.exception.js';
import type { CompilationModel, ReportModel } from '../model/report-model.js';
import { OWN_SECTIONS_FORM, REPORT_ACTION_FORM } from './report-form-pages.js';
import { type FormBody, ReportPagesService } from './report-pages.service.js';

/** A page's ?format=: the document itself (html) unless pdf or xlsx is asked for. */
function pageFormat(format: unknown): DocumentFormat {
  const chosen = negotiateFormat(format, undefined, 'html');
  if (chosen === 'json') throw ReportException.unknownFormat('json');
  return chosen;
}

/**
 * The county report's pages: the editor (state, own sections, assemble, transitions, versions, downloads), each
 * frozen version and the compilation as standalone documents, and the published reports – plain HTML forms.
 */
@ApiExcludeController()
@Controller()
export class ReportPagesController {
  constructor(
    private readonly pages: ReportPagesService,
    private readonly documents: ReportDocuments,
    private readonly output: ReportOutput,
    private readonly sessions: WebSessionService,
  ) {}

  private async done(request: Request, result: { url: string; notice: string }): Promise<{ url: string }> {
    await this.sessions.setFlash(request, { notice: result.notice });
    return { url: result.url };
  }

  private async document(response: Response, format: unknown, load: () => Promise<ReportDocument<ReportModel | CompilationModel>>) {
    const chosen = pageFormat(format);
    return this.output.answer(response, chosen, await load());
  }

  @Get('arshjul/:year/rapport')
  @Authenticated(Permission.ReportRead)
  @Render('report/editor')
  editor(@Ctx() ctx: RequestContext, @Req() request: Request, @Param('year') year: string) {
    const flash = this.sessions.takeFlash(request);
    return this.pages.editor(ctx, year, { notice: flash?.notice, error: flash?.error, errors: flash?.errors });
  }

  @FormPage(REPORT_ACTION_FORM)
  @Post('arshjul/:year/rapport/sammanstall')
  @Authenticated(Permission.ReportManage)
  @Redirect('/arshjul', 303)
  async assemble(@Ctx() ctx: RequestContext, @Req() request: Request, @Param('year') year: string) {
    return this.done(request, await this.pages.assemble(ctx, year));
  }

  @FormPage(OWN_SECTIONS_FORM)
  @Post('arshjul/:year/rapport/egna-avsnitt')
  @Authenticated(Permission.ReportManage)
  @Redirect('/arshjul', 303)
  async ownSections(@Ctx() ctx: RequestContext, @Req() request: Request, @Param('year') year: string, @Body() body: FormBody) {
    return this.done(request, await this.pages.saveOwnSections(ctx, year, body));
  }

  @FormPage(REPORT_ACTION_FORM)
  @Post('arshjul/:year/rapport/atgard')
  @Authenticated(Permission.ReportRead)
  @Redirect('/arshjul', 303)
  async transition(@Ctx() ctx: RequestContext, @Req() request: Request, @Param('year') year: string, @Body() body: FormBody) {
    return this.done(request, await this.pages.transition(ctx, year, body));
  }

  @Get('arshjul/:year/rapport/forhandsgranska')
  @Authenticated(Permission.ReportManage)
  async preview(@Ctx() ctx: RequestContext, @Param('year') year: string, @Query('format') format: unknown, @Res({ passthrough: true }) response: Response) {
    return this.document(response, format, async () => this.documents.preview(ctx, (await this.documents.cycleByYear(ctx, year)).id));
  }

  @Get('arshjul/:year/rapport/versioner/:number')
  @Authenticated(Permission.ReportRead)
  async version(
    @Ctx() ctx: RequestContext, @Param('year') year: string, @Param('number', ParseIntPipe) number: number, @Query('format') format: unknown,
    @Res({ passthrough: true }) response: Response,
  ) {
    return this.document(response, format, async () => this.documents.version(ctx, (await this.documents.cycleByYear(ctx, year)).id, number));
  }

  @Get('arshjul/:year/sammanstallning/dokument')
  @Authenticated(Permission.CycleRead)
  async compilation(@Ctx() ctx: RequestContext, @Param('year') year: string, @Query('format') format: unknown, @Res({ passthrough: true }) response: Response) {
    return this.document(response, format, async () => this.documents.compilation(ctx, (await this.documents.cycleByYear(ctx, year)).id));
  }

  @Get('rapporter')
  @PublishedReports()
  @Render('report/published')
  published(@Ctx() ctx: RequestContext) {
    return this.pages.published(ctx);
  }

  @Get('rapporter/:year')
  @PublishedReports()
  async publishedReport(
    @Ctx() ctx: RequestContext, @Param('year') year: string, @Query('format') format: unknown,
    @Res({ passthrough: true }) response: Response,
  ) {
    return this.document(response, format, () => this.documents.published(ctx, year));
  }
}
