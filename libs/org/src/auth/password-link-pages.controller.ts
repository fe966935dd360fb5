import { Body, Controller, Get, Param, Post, Redirect, Render, Req } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { Ctx, RequestContext } from '@arshjulet/core';
import type { Request } from 'express';
import { Public } from '../access/authenticated.decorator.js';
import { FormPage } from '../pages/form-page.filter.js';
import { PASSWORD_LINK_FORM } from './auth-form-pages.js';
import { CsrfService } from './csrf.service.js';
import { ResetPasswordFormDto } from './dto/auth-forms.dto.js';
import { PasswordLinkPurpose } from './password-reset-token.entity.js';
import { PasswordResetService } from './password-reset.service.js';
import { PASSWORD_MIN_LENGTH } from './password-policy.js';

/** The one-time link of an invitation or a password reset. */
@ApiExcludeController()
@Controller('aterstall')
export class PasswordLinkPagesController {
  constructor(
    private readonly links: PasswordResetService,
    private readonly csrf: CsrfService,
  ) {}

  @Get(':token')
  @Public()
  @FormPage(PASSWORD_LINK_FORM)
  @Render('auth/reset')
  async show(@Ctx() ctx: RequestContext, @Req() request: Request, @Param('token') token: string) {
    const link = await this.links.inspect(ctx, token);
    return {
      title: link.purpose === PasswordLinkPurpose.Invitation ? 'Välkommen – välj lösenord' : 'Välj nytt lösenord',
      invitation: link.purpose === PasswordLinkPurpose.Invitation,
      name: link.name,
      email: link.email,
      token,
      passwordMinLength: PASSWORD_MIN_LENGTH,
      csrfToken: this.csrf.token(request),
    };
  }

  @Post(':token')
  @Public()
  @FormPage(PASSWORD_LINK_FORM)
  @Redirect('/logga-in?meddelande=losenord', 303)
  async choose(@Ctx() ctx: RequestContext, @Param('token') token: string, @Body() form: ResetPasswordFormDto): Promise<void> {
    await this.links.consume(ctx, token, form.password, form.confirmPassword);
  }
}
