import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Query, Req } from '@nestjs/common';
import { ApiBody, ApiConsumes, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Ctx, RequestContext } from '@arshjulet/core';
import { Authenticated, Permission } from '@arshjulet/org';
import type { Request } from 'express';
import {
  ImportBatchPageDto, ImportBatchQueryDto, ImportBatchReportDto, mapImportBatchReport, mapImportBatchSummary,
} from './dto/import-batch.dto.js';
import { KoladaFetchDto } from './dto/kolada-fetch.dto.js';
import { ImportBatchQueryService } from './import-batch-query.service.js';
import { ImportCommitService } from './import-commit.service.js';
import { KoladaFetcher } from './kolada/kolada.fetcher.js';
import { whenClientGone } from './multipart-upload.js';
import { UploadImportService } from './upload-import.service.js';

@ApiTags('indicator-imports')
@Controller('api/v1/indicator-imports')
export class IndicatorImportsController {
  constructor(
    private readonly upload: UploadImportService,
    private readonly kolada: KoladaFetcher,
    private readonly query: ImportBatchQueryService,
    private readonly commits: ImportCommitService,
  ) {}

  @Post()
  @Authenticated(Permission.IndicatorValueImport)
  @ApiOperation({
    summary: 'Upload a file (CSV, XLSX or Kolada JSON) and get its preview: rows to insert, update, leave, and every rejected row',
    description: 'Nothing is written to the values until POST …/{id}/commit. Empty files answer 400, binary ones 415, too large 413.',
  })
  @ApiConsumes('multipart/form-data')
  @ApiBody({
    schema: {
      type: 'object',
      required: ['file'],
      properties: {
        format: { type: 'string', enum: ['csv', 'xlsx', 'kolada'] },
        sheet: { type: 'string' },
        indicator: { type: 'string', example: 'IU03' },
        file: { type: 'string', format: 'binary' },
      },
    },
  })
  @ApiOkResponse({ type: ImportBatchReportDto })
  async create(@Ctx() ctx: RequestContext, @Req() request: Request): Promise<ImportBatchReportDto> {
    return mapImportBatchReport(await this.upload.previewUpload(ctx, request));
  }

  @Post('kolada')
  @Authenticated(Permission.IndicatorValueImport)
  @ApiOperation({ summary: 'Fetch an indicator from the Kolada API (KOLADA_BASE_URL) and get its preview, as for an upload' })
  @ApiOkResponse({ type: ImportBatchReportDto })
  async fetchKolada(@Ctx() ctx: RequestContext, @Body() body: KoladaFetchDto, @Req() request: Request): Promise<ImportBatchReportDto> {
    return mapImportBatchReport(await this.kolada.fetchAndPreview(ctx, body, whenClientGone(request)));
  }

  @Get()
  @Authenticated(Permission.IndicatorValueImport)
  @ApiOperation({ summary: 'Import batches, newest first' })
  @ApiOkResponse({ type: ImportBatchPageDto })
  async list(@Ctx() ctx: RequestContext, @Query() query: ImportBatchQueryDto): Promise<ImportBatchPageDto> {
    const [batches, total] = await this.query.list(ctx, query);
    return { items: batches.map(mapImportBatchSummary), page: query.page, pageSize: query.pageSize, total };
  }

  @Get(':id')
  @Authenticated(Permission.IndicatorValueImport)
  @ApiOperation({ summary: 'One batch with its preview report (every rejected row with line and Swedish reason)' })
  @ApiOkResponse({ type: ImportBatchReportDto })
  async get(@Ctx() ctx: RequestContext, @Param('id', ParseUUIDPipe) id: string): Promise<ImportBatchReportDto> {
    return mapImportBatchReport(await this.query.report(ctx, id));
  }

  @Post(':id/commit')
  @HttpCode(200)
  @Authenticated(Permission.IndicatorValueImport)
  @ApiOperation({
    summary: 'Write a previewed batch atomically (history for changed figures, derived delregion/county figures)',
    description: '422 while the batch has rejected rows; 409 when it is already committed or discarded (e.g. a concurrent commit won).',
  })
  @ApiOkResponse({ type: ImportBatchReportDto })
  async commit(@Ctx() ctx: RequestContext, @Param('id', ParseUUIDPipe) id: string): Promise<ImportBatchReportDto> {
    return mapImportBatchReport(await this.query.withSameFile(ctx, await this.commits.commit(ctx, id)));
  }

  @Post(':id/discard')
  @HttpCode(200)
  @Authenticated(Permission.IndicatorValueImport)
  @ApiOperation({ summary: 'Drop a previewed batch; nothing is written' })
  @ApiOkResponse({ type: ImportBatchReportDto })
  async discard(@Ctx() ctx: RequestContext, @Param('id', ParseUUIDPipe) id: string): Promise<ImportBatchReportDto> {
    return mapImportBatchReport(await this.query.withSameFile(ctx, await this.commits.discard(ctx, id)));
  }
}
