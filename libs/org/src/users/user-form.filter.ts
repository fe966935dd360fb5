import { ArgumentsHost, Catch, ExceptionFilter, Injectable } from '@nestjs/common';
import { DomainException, ErrorKind, getRequestContext, STATUS_BY_KIND, TITLE_BY_STATUS } from '@arshjulet/core';
import type { Request, Response } from 'express';
import { WebSessionService } from '../auth/web-session.service.js';
import { OrgUnitService } from '../org-units/org-unit.service.js';
import { inviteFormView, USERS_PATH } from './users-pages.mapper.js';

/**
 * The user administration forms answer their mistakes on the page, in Swedish, never as problem+json or a 500.
 * The invite form comes back at once with what was typed and each message beside its field (a secret-free
 * re-render, nothing stored); a form on a user's page travels to that page (post/redirect/get). Not being signed
 * in or allowed, or a user that does not exist, gets the ordinary error page.
 */
@Injectable()
@Catch(DomainException)
export class UserFormFilter implements ExceptionFilter {
  constructor(
    private readonly sessions: WebSessionService,
    private readonly orgUnits: OrgUnitService,
  ) {}

  catch(exception: DomainException, host: ArgumentsHost): void {
    const request = host.switchToHttp().getRequest<Request>();
    const response = host.switchToHttp().getResponse<Response>();
    const status = STATUS_BY_KIND[exception.kind];
    if ([ErrorKind.Unauthenticated, ErrorKind.Forbidden, ErrorKind.NotFound].includes(exception.kind)) {
      response.status(status).render('error', { title: TITLE_BY_STATUS[status], status, detail: exception.detail, requestId: getRequestContext(request).requestId });
      return;
    }
    const id = typeof request.params.id === 'string' ? request.params.id : undefined;
    if (!id) {
      void this.orgUnits
        .delregions(getRequestContext(request))
        .then((delregions) => response.status(status).render('users/new', inviteFormView(delregions, request.body ?? {}, exception)))
        .catch(() => response.status(status).render('error', { title: TITLE_BY_STATUS[status], status, detail: exception.detail }));
      return;
    }
    const roleField = exception.errors.some((error) => /(^|\.)(role|delregion|orgUnit)$/.test(error.path));
    const message = roleField ? 'Rollen kunde inte läggas till. Rätta det som är markerat.' : (exception.errors[0]?.message ?? exception.detail);
    // Redirect once the message is stored; without it (a failing session store) the page still answers.
    void this.sessions
      .setFlash(request, { error: message, errors: exception.errors })
      .catch(() => undefined)
      .then(() => response.redirect(303, `${USERS_PATH}/${encodeURIComponent(id)}`));
  }
}
