import { SetMetadata } from '@nestjs/common';
import type { Request } from 'express';
import { AuthException } from './auth.exception.js';

/**
 * A plain HTML form that uploads a file is multipart: its hidden `_csrf` field is not parsed when the CSRF
 * middleware runs, only when the route streams the body. Such a request is let through *pending*; only routes
 * marked {@link CsrfInMultipartBody} accept it (everything else refuses it in {@link CsrfPendingGuard}), and
 * their upload reader must call {@link settleMultipartCsrf} with the fields before it touches the file.
 */
export const CSRF_IN_MULTIPART_KEY = 'arshjulet:csrf-in-multipart';

/** The route reads a multipart body whose `_csrf` field (sent before the file) carries the token. */
export const CsrfInMultipartBody = (): MethodDecorator => SetMetadata(CSRF_IN_MULTIPART_KEY, true);

type TokenCheck = (token: string | undefined) => boolean;
const pending = new WeakMap<Request, TokenCheck>();

export function markCsrfPending(request: Request, check: TokenCheck): void {
  pending.set(request, check);
}

export function isCsrfPending(request: Request): boolean {
  return pending.has(request);
}

/** Verifies a pending request's token from its multipart fields; a request that was not pending passes. */
export function settleMultipartCsrf(request: Request, fields: Record<string, string>): void {
  const check = pending.get(request);
  if (!check) return;
  if (!check(fields._csrf)) throw AuthException.csrfInvalid();
  pending.delete(request);
}
