import { Body, Controller, Get, Post, Query, Redirect, Render, Req, Res, UseGuards } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { Ctx, RequestContext } from '@arshjulet/core';
import type { Request, Response } from 'express';
import { Public } from '../access/authenticated.decorator.js';
import { FormPage } from '../pages/form-page.filter.js';
import { LOGIN_FORM } from './auth-form-pages.js';
import { CsrfService } from './csrf.service.js';
import { LoginFormDto, safeNextPath } from './dto/auth-forms.dto.js';
import { LoginRateLimitGuard } from './login-rate-limit.guard.js';
import { LoginService } from './login.service.js';
import { SESSION_COOKIE, WebSessionService } from './web-session.service.js';

const NOTICES: Record<string, string> = {
  utloggad: 'Du är utloggad.',
  losenord: 'Ditt lösenord är sparat. Logga in med det.',
};

@ApiExcludeController()
@Controller()
export class AuthPagesController {
  constructor(
    private readonly login: LoginService,
    private readonly sessions: WebSessionService,
    private readonly csrf: CsrfService,
  ) {}

  @Get('logga-in')
  @Public()
  @Render('auth/login')
  page(@Req() request: Request, @Query('next') next?: string, @Query('meddelande') notice?: string) {
    return { title: 'Logga in', next: next ?? '', notice: notice ? NOTICES[notice] : undefined, csrfToken: this.csrf.token(request) };
  }

  @Post('logga-in')
  @Public()
  @UseGuards(LoginRateLimitGuard)
  @FormPage(LOGIN_FORM)
  @Redirect('/', 303)
  async submit(@Ctx() ctx: RequestContext, @Req() request: Request, @Body() form: LoginFormDto): Promise<{ url: string }> {
    await this.sessions.establish(request, await this.login.verify(ctx, form.email, form.password));
    return { url: safeNextPath(form.next) };
  }

  @Post('logga-ut')
  @Public()
  @Redirect('/logga-in?meddelande=utloggad', 303)
  async logout(@Ctx() ctx: RequestContext, @Req() request: Request, @Res({ passthrough: true }) response: Response): Promise<void> {
    await this.login.logout(ctx);
    await this.sessions.destroy(request);
    response.clearCookie(SESSION_COOKIE, { path: '/' });
  }
}
