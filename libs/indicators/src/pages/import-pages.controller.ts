import { Controller, Get, Param, ParseUUIDPipe, Post, Query, Redirect, Render, Req } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { Ctx, RequestContext } from '@arshjulet/core';
import { Authenticated, CsrfInMultipartBody, FormPage, Permission, WebSessionService } from '@arshjulet/org';
import type { Request } from 'express';
import { ImportBatchQueryService } from '../imports/import-batch-query.service.js';
import { ImportCommitService } from '../imports/import-commit.service.js';
import { UploadImportService } from '../imports/upload-import.service.js';
import { BATCH_ACTION_FORM, UPLOAD_FORM } from './import-form-pages.js';
import { commitNotice, DISCARD_NOTICE, formMessagesView, importListView, importReportView } from './import-pages.mapper.js';

const PAGE_SIZE = 25;
const pageNumber = (text?: string) => (text && /^\d{1,6}$/.test(text) && Number(text) > 0 ? Number(text) : 1);

/** "Importer": upload a file, read its preview, save or discard it – the same services as the API. */
@ApiExcludeController()
@Controller('importer')
export class ImportPagesController {
  constructor(
    private readonly upload: UploadImportService,
    private readonly query: ImportBatchQueryService,
    private readonly commits: ImportCommitService,
    private readonly sessions: WebSessionService,
  ) {}

  @Get()
  @Authenticated(Permission.IndicatorValueImport)
  @Render('imports/index')
  async list(@Ctx() ctx: RequestContext, @Req() request: Request, @Query('sida') page?: string) {
    const [batches, total] = await this.query.list(ctx, { page: pageNumber(page), pageSize: PAGE_SIZE });
    return { title: 'Importer', ...importListView(batches, total, pageNumber(page), PAGE_SIZE), ...formMessagesView(this.sessions.takeFlash(request)) };
  }

  @Post()
  @Authenticated(Permission.IndicatorValueImport)
  @CsrfInMultipartBody()
  @FormPage(UPLOAD_FORM)
  @Redirect('/importer', 303)
  async create(@Ctx() ctx: RequestContext, @Req() request: Request): Promise<{ url: string }> {
    return { url: `/importer/${(await this.upload.previewUpload(ctx, request)).batch.id}` };
  }

  @Get(':id')
  @Authenticated(Permission.IndicatorValueImport)
  @Render('imports/show')
  async show(@Ctx() ctx: RequestContext, @Req() request: Request, @Param('id', ParseUUIDPipe) id: string) {
    return { ...importReportView(await this.query.report(ctx, id)), ...formMessagesView(this.sessions.takeFlash(request)) };
  }

  @Post(':id/spara')
  @Authenticated(Permission.IndicatorValueImport)
  @FormPage(BATCH_ACTION_FORM)
  @Redirect('/importer', 303)
  async commit(@Ctx() ctx: RequestContext, @Req() request: Request, @Param('id', ParseUUIDPipe) id: string): Promise<{ url: string }> {
    await this.sessions.setFlash(request, { notice: commitNotice(await this.commits.commit(ctx, id)) });
    return { url: `/importer/${id}` };
  }

  @Post(':id/kasta')
  @Authenticated(Permission.IndicatorValueImport)
  @FormPage(BATCH_ACTION_FORM)
  @Redirect('/importer', 303)
  async discard(@Ctx() ctx: RequestContext, @Req() request: Request, @Param('id', ParseUUIDPipe) id: string): Promise<{ url: string }> {
    await this.commits.discard(ctx, id);
    await this.sessions.setFlash(request, { notice: DISCARD_NOTICE });
    return { url: `/importer/${id}` };
  }
}
