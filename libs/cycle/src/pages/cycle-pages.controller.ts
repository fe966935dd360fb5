import { Body, Controller, Get, Param, ParseUUIDPipe, Post, Query, Redirect, Render, Req } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { Ctx, RequestContext } from '@arshjulet/core';
import { Authenticated, FormPage, Permission, WebSessionService } from '@arshjulet/org';
import type { Request } from 'express';
import { CYCLE_ACTION_FORM, CYCLE_CREATE_FORM, CYCLE_EDIT_FORM, LAUNCH_FORM, TASK_ACTION_FORM } from './cycle-form-pages.js';
import { actionMessagesView, type FormBody } from './cycle-pages.mapper.js';
import { CyclePagesService } from './cycle-pages.service.js';

const pageNumber = (text?: string) => (text && /^\d{1,6}$/.test(text) && Number(text) > 0 ? Number(text) : 1);

/**
 * "Årshjul": the county coordinator's cycles (list, create, edit, launch, compilation, the six tasks) and each
 * delregion's own task page – plain HTML forms on the same services as the API.
 */
@ApiExcludeController()
@Controller('arshjul')
export class CyclePagesController {
  constructor(
    private readonly pages: CyclePagesService,
    private readonly sessions: WebSessionService,
  ) {}

  /** Stores the page message, then answers the redirect (post/redirect/get). */
  private async done(request: Request, result: { url: string; notice: string }): Promise<{ url: string }> {
    await this.sessions.setFlash(request, { notice: result.notice });
    return { url: result.url };
  }

  private messages(request: Request) {
    return actionMessagesView(this.sessions.takeFlash(request));
  }

  @Get()
  @Authenticated(Permission.CycleRead)
  @Render('cycles/index')
  async list(@Ctx() ctx: RequestContext, @Req() request: Request, @Query('sida') page?: string) {
    return { ...(await this.pages.list(ctx, pageNumber(page))), ...this.messages(request) };
  }

  @Get('ny')
  @Authenticated(Permission.CycleManage)
  @Render('cycles/form')
  newForm(@Ctx() ctx: RequestContext) {
    return this.pages.newForm(ctx);
  }

  @FormPage(CYCLE_CREATE_FORM)
  @Post('ny')
  @Authenticated(Permission.CycleManage)
  @Redirect('/arshjul', 303)
  async create(@Ctx() ctx: RequestContext, @Req() request: Request, @Body() body: FormBody) {
    return this.done(request, await this.pages.create(ctx, body));
  }

  @Get(':year')
  @Authenticated(Permission.CycleRead)
  @Render('cycles/show')
  async show(@Ctx() ctx: RequestContext, @Req() request: Request, @Param('year') year: string) {
    const messages = this.messages(request);
    return { ...(await this.pages.show(ctx, year, messages.fieldErrors)), ...messages };
  }

  @Get(':year/redigera')
  @Authenticated(Permission.CycleManage)
  @Render('cycles/form')
  editForm(@Ctx() ctx: RequestContext, @Param('year') year: string) {
    return this.pages.editForm(ctx, year);
  }

  @FormPage(CYCLE_EDIT_FORM)
  @Post(':year/redigera')
  @Authenticated(Permission.CycleManage)
  @Redirect('/arshjul', 303)
  async update(@Ctx() ctx: RequestContext, @Req() request: Request, @Param('year') year: string, @Body() body: FormBody) {
    return this.done(request, await this.pages.update(ctx, year, body));
  }

  @FormPage(CYCLE_ACTION_FORM)
  @Post(':year/atgard')
  @Authenticated(Permission.CycleRead)
  @Redirect('/arshjul', 303)
  async act(@Ctx() ctx: RequestContext, @Req() request: Request, @Param('year') year: string, @Body() body: FormBody) {
    return this.done(request, await this.pages.act(ctx, year, body));
  }

  @Get(':year/starta')
  @Authenticated(Permission.CycleManage)
  @Render('cycles/launch')
  async launchPage(@Ctx() ctx: RequestContext, @Req() request: Request, @Param('year') year: string) {
    return { ...(await this.pages.launchPage(ctx, year)), ...this.messages(request) };
  }

  @FormPage(LAUNCH_FORM)
  @Post(':year/starta')
  @Authenticated(Permission.CycleManage)
  @Redirect('/arshjul', 303)
  async launch(@Ctx() ctx: RequestContext, @Req() request: Request, @Param('year') year: string, @Body() body: FormBody) {
    return this.done(request, await this.pages.launch(ctx, year, body));
  }

  @Get(':year/sammanstallning')
  @Authenticated(Permission.CycleRead)
  @Render('cycles/compilation')
  compilation(@Ctx() ctx: RequestContext, @Param('year') year: string) {
    return this.pages.compilation(ctx, year);
  }

  @Get(':year/uppgifter')
  @Authenticated(Permission.CycleRead)
  @Render('cycles/tasks')
  async overview(@Ctx() ctx: RequestContext, @Req() request: Request, @Param('year') year: string) {
    const messages = this.messages(request);
    return { ...(await this.pages.overview(ctx, year, messages.fieldErrors)), ...messages };
  }

  @Get(':year/uppgifter/:id')
  @Authenticated(Permission.AnalysisRead)
  @Render('cycles/task')
  async task(@Ctx() ctx: RequestContext, @Req() request: Request, @Param('year') year: string, @Param('id', ParseUUIDPipe) id: string) {
    const messages = this.messages(request);
    return { ...(await this.pages.task(ctx, year, id, messages.fieldErrors)), ...messages };
  }

  @FormPage(TASK_ACTION_FORM)
  @Post(':year/uppgifter/:id/atgard')
  @Authenticated(Permission.AnalysisRead)
  @Redirect('/arshjul', 303)
  async taskAction(@Ctx() ctx: RequestContext, @Req() request: Request, @Param('year') year: string, @Param('id', ParseUUIDPipe) id: string, @Body() body: FormBody) {
    return this.done(request, await this.pages.taskAction(ctx, year, id, body));
  }

  @FormPage(TASK_ACTION_FORM)
  @Post(':year/uppgifter/:id/sista-dag')
  @Authenticated(Permission.AnalysisReview)
  @Redirect('/arshjul', 303)
  async extend(@Ctx() ctx: RequestContext, @Req() request: Request, @Param('year') year: string, @Param('id', ParseUUIDPipe) id: string, @Body() body: FormBody) {
    return this.done(request, await this.pages.extend(ctx, year, id, body));
  }
}
