import { Body, Controller, Get, HttpCode, Param, Post, Redirect, Render, Req } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { Ctx, formatDateTime, RequestContext } from '@arshjulet/core';
import type { Request } from 'express';
import { Authenticated } from '../access/authenticated.decorator.js';
import { Permission } from '../access/permission.js';
import { FormPage } from '../pages/form-page.filter.js';
import { API_TOKEN_DEFAULT_DAYS, API_TOKEN_MAX_DAYS, ApiTokenService } from '../tokens/api-token.service.js';
import { UserService } from '../users/user.service.js';
import { accountTokenView, accountUserView } from './account-view.mapper.js';
import { ACCOUNT_FORM } from './auth-form-pages.js';
import { ChangePasswordFormDto, CreateTokenFormDto } from './dto/auth-forms.dto.js';
import { PasswordChangeService } from './password-change.service.js';
import { PASSWORD_MIN_LENGTH } from './password-policy.js';
import { WebSessionService } from './web-session.service.js';

/** "Mitt konto": who I am, my password, my API tokens. */
@ApiExcludeController()
@Controller('konto')
export class AccountPagesController {
  constructor(
    private readonly users: UserService,
    private readonly tokens: ApiTokenService,
    private readonly passwords: PasswordChangeService,
    private readonly sessions: WebSessionService,
  ) {}

  @Get()
  @Authenticated(Permission.AccountSelf)
  @Render('account/index')
  async show(@Ctx() ctx: RequestContext, @Req() request: Request) {
    const [user, tokens] = await Promise.all([this.users.get(ctx, ctx.actor!.userId!), this.tokens.listForSelf(ctx)]);
    return {
      title: 'Mitt konto',
      user: accountUserView(user),
      tokens: tokens.map(accountTokenView),
      flash: this.sessions.takeFlash(request),
      passwordMinLength: PASSWORD_MIN_LENGTH,
      defaultDays: API_TOKEN_DEFAULT_DAYS,
      maxDays: API_TOKEN_MAX_DAYS,
    };
  }

  @Post('losenord')
  @Authenticated(Permission.AccountSelf)
  @FormPage(ACCOUNT_FORM)
  @Redirect('/konto', 303)
  async changePassword(@Ctx() ctx: RequestContext, @Req() request: Request, @Body() form: ChangePasswordFormDto): Promise<void> {
    await this.passwords.change(ctx, form, request.sessionID);
    await this.sessions.setFlash(request, { notice: 'Ditt lösenord är ändrat. Du har loggats ut på andra enheter.' });
  }

  @Post('nycklar')
  @HttpCode(200)
  @Authenticated(Permission.AccountSelf)
  @FormPage(ACCOUNT_FORM)
  @Render('account/token-created')
  async createToken(@Ctx() ctx: RequestContext, @Body() form: CreateTokenFormDto) {
    const days = form.expiresInDays && /^\d+$/.test(form.expiresInDays) ? Number(form.expiresInDays) : API_TOKEN_DEFAULT_DAYS;
    const { token, record } = await this.tokens.issueForSelf(ctx, form.name, Math.min(Math.max(days, 1), API_TOKEN_MAX_DAYS));
    return { title: 'Ny API-nyckel', token, name: record.name, expiresAt: formatDateTime(record.expiresAt) };
  }

  @Post('nycklar/:id/aterkalla')
  @Authenticated(Permission.AccountSelf)
  @FormPage(ACCOUNT_FORM)
  @Redirect('/konto', 303)
  async revokeToken(@Ctx() ctx: RequestContext, @Req() request: Request, @Param('id') id: string): Promise<void> {
    await this.tokens.revokeForSelf(ctx, id);
    await this.sessions.setFlash(request, { notice: 'API-nyckeln är återkallad och slutar fungera direkt.' });
  }
}
