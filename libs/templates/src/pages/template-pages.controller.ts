import { Body, Controller, Get, Param, ParseUUIDPipe, Post, Redirect, Render, Req } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { Ctx, RequestContext } from '@arshjulet/core';
import { Authenticated, FormPage, Permission, WebSessionService } from '@arshjulet/org';
import type { Request } from 'express';
import { TEMPLATE_COPY_FORM, TEMPLATE_CREATE_FORM, TEMPLATE_EDIT_FORM, TEMPLATE_PUBLISH_FORM } from './template-form-pages.js';
import type { FormBody } from './template-pages.mapper.js';
import { TemplatePagesService } from './template-pages.service.js';

/** "Mallar": the county's template editor – the definition as JSON, a preview as the form, publish and copy. */
@ApiExcludeController()
@Controller('administration/mallar')
export class TemplatePagesController {
  constructor(
    private readonly pages: TemplatePagesService,
    private readonly sessions: WebSessionService,
  ) {}

  private async done(request: Request, result: { url: string; notice: string }): Promise<{ url: string }> {
    await this.sessions.setFlash(request, { notice: result.notice });
    return { url: result.url };
  }

  private messages(request: Request) {
    const flash = this.sessions.takeFlash(request);
    return { notice: flash?.notice ?? null, error: flash?.error ?? null, errorLinks: (flash?.errors ?? []).map((e) => ({ href: `#${e.path}`, message: e.message })) };
  }

  @Get()
  @Authenticated(Permission.TemplateManage)
  @Render('templates/index')
  async list(@Ctx() ctx: RequestContext, @Req() request: Request) {
    return { ...(await this.pages.list(ctx)), ...this.messages(request) };
  }

  @FormPage(TEMPLATE_CREATE_FORM)
  @Post()
  @Authenticated(Permission.TemplateManage)
  @Redirect('/administration/mallar', 303)
  async create(@Ctx() ctx: RequestContext, @Req() request: Request, @Body() body: FormBody) {
    return this.done(request, await this.pages.create(ctx, body));
  }

  @Get('versioner/:id')
  @Authenticated(Permission.TemplateManage)
  @Render('templates/version')
  async version(@Ctx() ctx: RequestContext, @Req() request: Request, @Param('id', ParseUUIDPipe) id: string) {
    const messages = this.messages(request);
    return { ...(await this.pages.version(ctx, id)), ...Object.fromEntries(Object.entries(messages).filter(([, v]) => v !== null && !(Array.isArray(v) && v.length === 0))) };
  }

  @FormPage(TEMPLATE_EDIT_FORM)
  @Post('versioner/:id')
  @Authenticated(Permission.TemplateManage)
  @Redirect('/administration/mallar', 303)
  async save(@Ctx() ctx: RequestContext, @Req() request: Request, @Param('id', ParseUUIDPipe) id: string, @Body() body: FormBody) {
    return this.done(request, await this.pages.save(ctx, id, body));
  }

  @Get('versioner/:id/forhandsgranska')
  @Authenticated(Permission.TemplateManage)
  @Render('templates/preview')
  preview(@Ctx() ctx: RequestContext, @Param('id', ParseUUIDPipe) id: string) {
    return this.pages.preview(ctx, id);
  }

  @Get('versioner/:id/publicera')
  @Authenticated(Permission.TemplateManage)
  @Render('templates/publish')
  publishPage(@Ctx() ctx: RequestContext, @Param('id', ParseUUIDPipe) id: string) {
    return this.pages.publishPage(ctx, id);
  }

  @FormPage(TEMPLATE_PUBLISH_FORM)
  @Post('versioner/:id/publicera')
  @Authenticated(Permission.TemplateManage)
  @Redirect('/administration/mallar', 303)
  async publish(@Ctx() ctx: RequestContext, @Req() request: Request, @Param('id', ParseUUIDPipe) id: string, @Body() body: FormBody) {
    return this.done(request, await this.pages.publish(ctx, id, body));
  }

  @FormPage(TEMPLATE_COPY_FORM)
  @Post('versioner/:id/kopiera')
  @Authenticated(Permission.TemplateManage)
  @Redirect('/administration/mallar', 303)
  async copy(@Ctx() ctx: RequestContext, @Req() request: Request, @Param('id', ParseUUIDPipe) id: string) {
    return this.done(request, await this.pages.copy(ctx, id));
  }
}
