import { ArgumentsHost, Catch, ExceptionFilter, Injectable } from '@nestjs/common';
import { DomainException, ErrorKind, getRequestContext, STATUS_BY_KIND, TITLE_BY_STATUS } from '@arshjulet/core';
import type { Request, Response } from 'express';
import { AuthErrorCode } from './auth.exception.js';
import { CsrfService } from './csrf.service.js';
import { PASSWORD_MIN_LENGTH } from './password-policy.js';
import { WebSessionService } from './web-session.service.js';

/** The login form answers its errors itself: the form again, with the generic message, 401 or 429. */
@Injectable()
@Catch(DomainException)
export class LoginFormFilter implements ExceptionFilter {
  constructor(private readonly csrf: CsrfService) {}

  catch(exception: DomainException, host: ArgumentsHost): void {
    const request = host.switchToHttp().getRequest<Request>();
    const response = host.switchToHttp().getResponse<Response>();
    if (exception.retryAfter) response.setHeader('Retry-After', String(exception.retryAfter));
    const body = (request.body ?? {}) as Record<string, unknown>;
    response.status(STATUS_BY_KIND[exception.kind]).render('auth/login', {
      title: 'Logga in',
      error: exception.detail,
      email: typeof body.email === 'string' ? body.email : '',
      next: typeof body.next === 'string' ? body.next : '',
      csrfToken: this.csrf.token(request),
    });
  }
}

/**
 * Forms on "Mitt konto": a mistake in the form travels to the next page view (post/redirect/get); not being
 * signed in, or not being allowed, gets the ordinary error page.
 */
@Injectable()
@Catch(DomainException)
export class AccountFormFilter implements ExceptionFilter {
  constructor(private readonly sessions: WebSessionService) {}

  catch(exception: DomainException, host: ArgumentsHost): void {
    const request = host.switchToHttp().getRequest<Request>();
    const response = host.switchToHttp().getResponse<Response>();
    if (exception.kind === ErrorKind.Unauthenticated || exception.kind === ErrorKind.Forbidden) {
      const status = STATUS_BY_KIND[exception.kind];
      response.status(status).render('error', { title: TITLE_BY_STATUS[status], status, detail: exception.detail, requestId: getRequestContext(request).requestId });
      return;
    }
    // Redirect once the message is stored; without it (a failing session store) the page still answers.
    void this.sessions
      .setFlash(request, { error: exception.detail, errors: exception.errors })
      .catch(() => undefined)
      .then(() => response.redirect(303, '/konto'));
  }
}

const GONE = new Set<string>([AuthErrorCode.LinkExpired, AuthErrorCode.LinkUsed]);
const LINK_ERRORS = new Set<string>([AuthErrorCode.LinkUnknown, ...GONE]);

/** The one-time link page: a dead link gets a clear page (410 or 404), a weak password the form again (422). */
@Injectable()
@Catch(DomainException)
export class PasswordLinkFilter implements ExceptionFilter {
  constructor(private readonly csrf: CsrfService) {}

  catch(exception: DomainException, host: ArgumentsHost): void {
    const request = host.switchToHttp().getRequest<Request>();
    const response = host.switchToHttp().getResponse<Response>();
    if (LINK_ERRORS.has(exception.code)) {
      response.status(GONE.has(exception.code) ? 410 : 404).render('auth/link-invalid', { title: 'Länken går inte att använda', detail: exception.detail });
      return;
    }
    response.status(STATUS_BY_KIND[exception.kind]).render('auth/reset', {
      title: 'Välj lösenord',
      token: request.params.token,
      passwordMinLength: PASSWORD_MIN_LENGTH,
      error: exception.detail,
      errors: exception.errors,
      csrfToken: this.csrf.token(request),
    });
  }
}
