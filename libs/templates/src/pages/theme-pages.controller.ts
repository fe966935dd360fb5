import { Body, Controller, Get, Param, Post, Redirect, Render, Req } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { Ctx, RequestContext } from '@arshjulet/core';
import { Authenticated, FormPage, Permission, WebSessionService } from '@arshjulet/org';
import type { Request } from 'express';
import { ThemeTagService } from '../themes/theme-tag.service.js';
import { THEME_ACTION_FORM, THEME_CREATE_FORM } from './theme-form-pages.js';
import { ThemeCreateFormDto, ThemeRenameFormDto, ThemeVersionFormDto } from './theme-forms.dto.js';
import { themeKeyFrom, themeListView, THEMES_PATH } from './theme-pages.mapper.js';

/** "Teman": the theme vocabulary analyses are tagged with – add, rename, deactivate and activate again. */
@ApiExcludeController()
@Controller('administration/teman')
export class ThemePagesController {
  constructor(
    private readonly themes: ThemeTagService,
    private readonly sessions: WebSessionService,
  ) {}

  private async done(request: Request, notice: string): Promise<{ url: string }> {
    await this.sessions.setFlash(request, { notice });
    return { url: THEMES_PATH };
  }

  @Get()
  @Authenticated(Permission.TemplateManage)
  @Render('admin/themes')
  async list(@Ctx() ctx: RequestContext, @Req() request: Request) {
    return themeListView(await this.themes.list(ctx, true), this.sessions.takeFlash(request));
  }

  @Post()
  @Authenticated(Permission.TemplateManage)
  @FormPage(THEME_CREATE_FORM)
  @Redirect(THEMES_PATH, 303)
  async create(@Ctx() ctx: RequestContext, @Req() request: Request, @Body() form: ThemeCreateFormDto) {
    const tag = await this.themes.create(ctx, { key: form.key ?? themeKeyFrom(form.label), label: form.label });
    return this.done(request, `Temat ${tag.label} är tillagt.`);
  }

  @Post(':key')
  @Authenticated(Permission.TemplateManage)
  @FormPage(THEME_ACTION_FORM)
  @Redirect(THEMES_PATH, 303)
  async rename(@Ctx() ctx: RequestContext, @Req() request: Request, @Param('key') key: string, @Body() form: ThemeRenameFormDto) {
    const tag = await this.themes.update(ctx, key, form.version, { label: form.label });
    return this.done(request, `Temat heter nu ${tag.label}.`);
  }

  @Post(':key/inaktivera')
  @Authenticated(Permission.TemplateManage)
  @FormPage(THEME_ACTION_FORM)
  @Redirect(THEMES_PATH, 303)
  async deactivate(@Ctx() ctx: RequestContext, @Req() request: Request, @Param('key') key: string, @Body() form: ThemeVersionFormDto) {
    const tag = await this.themes.update(ctx, key, form.version, { active: false });
    return this.done(request, `Temat ${tag.label} är inaktiverat: det går inte att välja i nya analyser, men analyser som har det behåller det.`);
  }

  @Post(':key/aktivera')
  @Authenticated(Permission.TemplateManage)
  @FormPage(THEME_ACTION_FORM)
  @Redirect(THEMES_PATH, 303)
  async activate(@Ctx() ctx: RequestContext, @Req() request: Request, @Param('key') key: string, @Body() form: ThemeVersionFormDto) {
    const tag = await this.themes.update(ctx, key, form.version, { active: true });
    return this.done(request, `Temat ${tag.label} är aktivt igen.`);
  }
}
