import { Injectable, NestMiddleware } from '@nestjs/common';
import type { NextFunction, Request, Response } from 'express';
import { AuthException } from './auth.exception.js';
import { markCsrfPending } from './csrf-multipart.js';
import { CsrfService } from './csrf.service.js';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Refuses state-changing requests that ride on the session cookie without the session's CSRF token: every
 * web form, and API calls made with a browser session. Bearer-token calls carry no ambient credential and pass.
 */
@Injectable()
export class CsrfMiddleware implements NestMiddleware {
  constructor(private readonly csrf: CsrfService) {}

  use(request: Request, response: Response, next: NextFunction): void {
    if (request.headers.authorization) return next();
    if (SAFE_METHODS.has(request.method)) {
      // Pages of a signed-in user (the header's logout form) get the token without asking for it.
      if (request.session?.userId || this.csrf.hasToken(request)) response.locals.csrfToken = this.csrf.token(request);
      return next();
    }
    const isApi = request.path.startsWith('/api/');
    if (isApi && !request.session?.userId) return next();
    if (!this.csrf.isValid(request)) {
      // A file-upload form: its `_csrf` field is checked by the route's upload reader (see csrf-multipart.ts).
      if (!isApi && request.is('multipart/form-data') && !request.headers['x-csrf-token']) {
        markCsrfPending(request, (token) => this.csrf.matches(request, token));
        response.locals.csrfToken = this.csrf.token(request);
        return next();
      }
      throw AuthException.csrfInvalid();
    }
    if (request.body && typeof request.body === 'object') delete (request.body as Record<string, unknown>)._csrf;
    response.locals.csrfToken = this.csrf.token(request);
    next();
  }
}
