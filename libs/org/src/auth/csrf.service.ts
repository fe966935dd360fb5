import { timingSafeEqual } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { csrfSync } from 'csrf-sync';
import type { Request } from 'express';

type FormRequest = Request & { body?: Record<string, unknown> };

/** Synchronizer tokens kept in the session (csrf-sync); forms carry them in a hidden `_csrf` field. */
@Injectable()
export class CsrfService {
  private readonly csrf = csrfSync({
    getTokenFromRequest: (request) => {
      const field = (request as FormRequest).body?._csrf;
      if (typeof field === 'string') return field;
      const header = request.headers['x-csrf-token'];
      return typeof header === 'string' ? header : undefined;
    },
  });

  /** The session's token, created if it has none. */
  token(request: Request, renew = false): string {
    return this.csrf.generateToken(request, renew);
  }

  hasToken(request: Request): boolean {
    return Boolean(request.session?.csrfToken);
  }

  isValid(request: Request): boolean {
    return Boolean(request.session) && this.csrf.isRequestValid(request);
  }

  /** Whether `token` (read from a form field the middleware could not see) is the session's token. */
  matches(request: Request, token: string | undefined): boolean {
    const expected = request.session?.csrfToken;
    if (!expected || !token) return false;
    const a = Buffer.from(expected);
    const b = Buffer.from(token);
    return a.length === b.length && timingSafeEqual(a, b);
  }
}
