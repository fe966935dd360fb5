import { Body, Controller, Get, Headers, HttpCode, Param, ParseIntPipe, ParseUUIDPipe, Post, Put, Query, Res } from '@nestjs/common';
import {
  ApiConflictResponse, ApiHeader, ApiOkResponse, ApiOperation, ApiProduces, ApiQuery, ApiServiceUnavailableResponse, ApiTags,
} from '@nestjs/swagger';
import type { Response } from 'express';
import { Ctx, RequestContext } from '@arshjulet/core';
import { CompilationDto, CycleQueryService, mapCompilation } from '@arshjulet/cycle';
import { Authenticated, Permission } from '@arshjulet/org';
import type { CompilationModel, ReportModel } from '../model/report-model.js';
import { mapPublished, mapReport, mapVersion, OwnSectionsDto, PublishedReportDto, ReportDto, ReportTransitionDto, ReportVersionDto } from './dto/report.dto.js';
import { etagOf, versionFromIfMatch } from './if-match.js';
import { PublishedReports } from './published-reports.decorator.js';
import { ReportDocuments } from './report-documents.service.js';
import { negotiateFormat, type ReportDocument, ReportOutput, XLSX_MIME } from './report-format.js';
import { ReportService } from './report.service.js';

const FORMAT_QUERY = { name: 'format', required: false, enum: ['json', 'html', 'pdf', 'xlsx'], description: 'Overrides Accept' } as const;
const PRODUCES = ['application/json', 'text/html', 'application/pdf', XLSX_MIME];
const NO_PDF = 'No Chromium at CHROMIUM_PATH (or it failed to start): the PDF is unavailable, with a Swedish reason';

/** The county report and compilation over HTTP: JSON by default, HTML, PDF or XLSX by ?format= or Accept. */
@ApiTags('report')
@Controller('api/v1')
export class ReportsController {
  constructor(
    private readonly reports: ReportService,
    private readonly documents: ReportDocuments,
    private readonly output: ReportOutput,
    private readonly cycles: CycleQueryService,
  ) {}

  private async negotiate<M extends ReportModel | CompilationModel>(
    response: Response, format: unknown, accept: string | undefined, load: () => Promise<ReportDocument<M>>, json: (document: ReportDocument<M>) => unknown,
  ): Promise<unknown> {
    const chosen = negotiateFormat(format, accept);
    const document = await load();
    return chosen === 'json' ? json(document) : this.output.answer(response, chosen, document as ReportDocument<ReportModel | CompilationModel>);
  }

  private async view(ctx: RequestContext, cycleId: string, response: Response): Promise<ReportDto> {
    const overview = await this.documents.overview(ctx, cycleId);
    const dto = mapReport(overview, overview.report ? this.reports.allowedActions(ctx, overview.report.state) : []);
    response.setHeader('ETag', etagOf(dto.version));
    return dto;
  }

  @Get('cycles/:id/compilation')
  @Authenticated(Permission.CycleRead)
  @ApiOperation({ summary: 'The frozen county compilation: its figures exactly as at launch (JSON), or the compilation document as HTML, PDF or XLSX' })
  @ApiQuery(FORMAT_QUERY)
  @ApiProduces(...PRODUCES)
  @ApiOkResponse({ type: CompilationDto })
  @ApiServiceUnavailableResponse({ description: NO_PDF })
  async frozenCompilation(
    @Ctx() ctx: RequestContext, @Param('id', ParseUUIDPipe) id: string, @Query('format') format: unknown, @Headers('accept') accept: string | undefined,
    @Res({ passthrough: true }) response: Response,
  ): Promise<unknown> {
    if (negotiateFormat(format, accept) === 'json') {
      const { cycle, values } = await this.cycles.compilation(ctx, id);
      return mapCompilation(cycle, values);
    }
    return this.negotiate(response, format, accept, () => this.documents.compilation(ctx, id), (document) => document.model);
  }

  @Get('cycles/:id/report/compilation')
  @Authenticated(Permission.CycleRead)
  @ApiOperation({ summary: 'The county compilation (indicators with county, nation, change, spread, delregions, charts); before launch a preview for the county only' })
  @ApiQuery(FORMAT_QUERY)
  @ApiProduces(...PRODUCES)
  @ApiServiceUnavailableResponse({ description: NO_PDF })
  compilation(
    @Ctx() ctx: RequestContext, @Param('id', ParseUUIDPipe) id: string, @Query('format') format: unknown, @Headers('accept') accept: string | undefined,
    @Res({ passthrough: true }) response: Response,
  ): Promise<unknown> {
    return this.negotiate(response, format, accept, () => this.documents.compilation(ctx, id), (document) => document.model);
  }

  @Get('cycles/:id/report')
  @Authenticated(Permission.ReportRead)
  @ApiOperation({ summary: 'The report: state, own sections, versions and allowed actions (JSON); or the newest version you may read as HTML, PDF or XLSX' })
  @ApiQuery(FORMAT_QUERY)
  @ApiProduces(...PRODUCES)
  @ApiOkResponse({ type: ReportDto })
  @ApiServiceUnavailableResponse({ description: NO_PDF })
  async report(
    @Ctx() ctx: RequestContext, @Param('id', ParseUUIDPipe) id: string, @Query('format') format: unknown, @Headers('accept') accept: string | undefined,
    @Res({ passthrough: true }) response: Response,
  ): Promise<unknown> {
    const chosen = negotiateFormat(format, accept);
    if (chosen === 'json') return this.view(ctx, id, response);
    return this.output.answer(response, chosen, await this.documents.latest(ctx, id));
  }

  @Post('cycles/:id/report/assemble')
  @HttpCode(200)
  @Authenticated(Permission.ReportManage)
  @ApiOperation({ summary: 'Assemble the draft from the frozen figures and the analyses as they are now, and freeze it as the next version (a draft only)' })
  @ApiOkResponse({ type: ReportDto })
  async assemble(@Ctx() ctx: RequestContext, @Param('id', ParseUUIDPipe) id: string, @Res({ passthrough: true }) response: Response): Promise<ReportDto> {
    await this.reports.assemble(ctx, id);
    return this.view(ctx, id, response);
  }

  @Put('cycles/:id/report/own-sections')
  @Authenticated(Permission.ReportManage)
  @ApiOperation({ summary: 'Save the conclusions and the questions (Markdown) of a draft; If-Match required (428 without, 409 with the current text when stale)' })
  @ApiHeader({ name: 'If-Match', required: true, description: 'The report version you read, e.g. "3" ("0" before the report exists)' })
  @ApiOkResponse({ type: ReportDto })
  @ApiConflictResponse({ description: 'Stale version: `current` holds the stored sections, version and when they were saved' })
  async ownSections(
    @Ctx() ctx: RequestContext, @Param('id', ParseUUIDPipe) id: string, @Headers('if-match') ifMatch: string | undefined, @Body() body: OwnSectionsDto,
    @Res({ passthrough: true }) response: Response,
  ): Promise<ReportDto> {
    await this.reports.saveOwnSections(ctx, id, versionFromIfMatch(ifMatch), body);
    return this.view(ctx, id, response);
  }

  @Post('cycles/:id/report/transitions')
  @HttpCode(200)
  @Authenticated(Permission.ReportRead)
  @ApiOperation({ summary: 'Take an action of the report machine (each freezes a version); who may take which is in the machine' })
  @ApiOkResponse({ type: ReportDto })
  async transition(
    @Ctx() ctx: RequestContext, @Param('id', ParseUUIDPipe) id: string, @Body() body: ReportTransitionDto, @Res({ passthrough: true }) response: Response,
  ): Promise<ReportDto> {
    await this.reports.transition(ctx, id, body.action, { reason: body.reason ?? null }, body.version);
    return this.view(ctx, id, response);
  }

  @Get('cycles/:id/report/versions')
  @Authenticated(Permission.ReportRead)
  @ApiOperation({ summary: 'The frozen versions you may read, newest first (drafts only for those who manage the report)' })
  @ApiOkResponse({ type: [ReportVersionDto] })
  async versions(@Ctx() ctx: RequestContext, @Param('id', ParseUUIDPipe) id: string): Promise<ReportVersionDto[]> {
    return (await this.documents.overview(ctx, id)).versions.map(mapVersion);
  }

  @Get('cycles/:id/report/versions/:number')
  @Authenticated(Permission.ReportRead)
  @ApiOperation({ summary: 'One frozen version: its model (JSON) or its stored HTML, or PDF/XLSX made from them' })
  @ApiQuery(FORMAT_QUERY)
  @ApiProduces(...PRODUCES)
  @ApiServiceUnavailableResponse({ description: NO_PDF })
  version(
    @Ctx() ctx: RequestContext, @Param('id', ParseUUIDPipe) id: string, @Param('number', ParseIntPipe) number: number, @Query('format') format: unknown,
    @Headers('accept') accept: string | undefined, @Res({ passthrough: true }) response: Response,
  ): Promise<unknown> {
    return this.negotiate(response, format, accept, () => this.documents.version(ctx, id, number), (document) => document.model);
  }

  @Get('cycles/:id/report/preview')
  @Authenticated(Permission.ReportManage)
  @ApiOperation({ summary: 'The draft as it would be assembled now (not stored): model, HTML, PDF or XLSX' })
  @ApiQuery(FORMAT_QUERY)
  @ApiProduces(...PRODUCES)
  @ApiServiceUnavailableResponse({ description: NO_PDF })
  preview(
    @Ctx() ctx: RequestContext, @Param('id', ParseUUIDPipe) id: string, @Query('format') format: unknown, @Headers('accept') accept: string | undefined,
    @Res({ passthrough: true }) response: Response,
  ): Promise<unknown> {
    return this.negotiate(response, format, accept, () => this.documents.preview(ctx, id), (document) => document.model);
  }

  @Get('reports')
  @PublishedReports()
  @ApiOperation({ summary: 'Published county reports, newest year first (viewer and up; anyone when PUBLISHED_REPORTS_PUBLIC)' })
  @ApiOkResponse({ type: [PublishedReportDto] })
  async published(@Ctx() ctx: RequestContext): Promise<PublishedReportDto[]> {
    return (await this.documents.publishedList(ctx)).map(mapPublished);
  }

  @Get('reports/:year')
  @PublishedReports()
  @ApiOperation({ summary: 'A year’s published county report: model (JSON), HTML, PDF or XLSX' })
  @ApiQuery(FORMAT_QUERY)
  @ApiProduces(...PRODUCES)
  @ApiServiceUnavailableResponse({ description: NO_PDF })
  publishedReport(
    @Ctx() ctx: RequestContext, @Param('year') year: string, @Query('format') format: unknown, @Headers('accept') accept: string | undefined,
    @Res({ passthrough: true }) response: Response,
  ): Promise<unknown> {
    return this.negotiate(response, format, accept, () => this.documents.published(ctx, year), (document) => document.model);
  }
}
