import { Body, Controller, Post, Redirect, Req } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { Role } from '@arshjulet/core';
import type { Request } from 'express';
import { Authenticated } from '../access/authenticated.decorator.js';
import { Permission } from '../access/permission.js';
import { FormPage } from '../pages/form-page.filter.js';
import { ACCOUNT_FORM } from './auth-form-pages.js';
import { AuthException } from './auth.exception.js';
import { ActingDelregionFormDto } from './dto/auth-forms.dto.js';
import { WebSessionService } from './web-session.service.js';

/** The header's switch: a coordinator of several delregions picks the one they act for; the start page follows. */
@ApiExcludeController()
@Controller('konto')
export class ActingDelregionPagesController {
  constructor(private readonly sessions: WebSessionService) {}

  @Post('delregion')
  @Authenticated(Permission.AccountSelf)
  @FormPage(ACCOUNT_FORM)
  @Redirect('/', 303)
  async actFor(@Req() request: Request, @Body() form: ActingDelregionFormDto): Promise<void> {
    const chosen = form.delregion.trim();
    // The full list, not the actor's: the actor is already narrowed to the current choice.
    const mine = (request.session?.loaded?.identity?.assignments ?? [])
      .filter((a) => a.role === Role.DelregionCoordinator)
      .map((a) => a.orgUnitId);
    if (chosen && !mine.includes(chosen)) throw AuthException.notYourDelregion();
    await this.sessions.actFor(request, chosen || null);
  }
}
