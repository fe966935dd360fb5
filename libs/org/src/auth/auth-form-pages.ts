import { ErrorKind } from '@arshjulet/core';
import type { FormFailure, FormPageOptions } from '../pages/form-page.filter.js';
import { AuthErrorCode } from './auth.exception.js';
import { CsrfService } from './csrf.service.js';
import { PASSWORD_MIN_LENGTH } from './password-policy.js';

/** The login form answers every refusal itself: the form again with the generic message (401, 429 with Retry-After, 422). */
export const LOGIN_FORM: FormPageOptions = {
  errorPage: [],
  view: 'auth/login',
  model: ({ exception, body, request, get }) => ({
    title: 'Logga in',
    error: exception.detail,
    email: body.email ?? '',
    next: body.next ?? '',
    csrfToken: get(CsrfService).token(request),
  }),
};

/** Forms on "Mitt konto": a mistake travels to the account page; not being signed in or allowed gets the error page. */
export const ACCOUNT_FORM: FormPageOptions = {
  errorPage: [ErrorKind.Unauthenticated, ErrorKind.Forbidden],
  redirect: () => '/konto',
};

const GONE = new Set<string>([AuthErrorCode.LinkExpired, AuthErrorCode.LinkUsed]);
const LINK_ERRORS = new Set<string>([AuthErrorCode.LinkUnknown, ...GONE]);

/** The one-time link page: a dead link gets a clear page (410 or 404), a weak password the form again (422). */
export const PASSWORD_LINK_FORM: FormPageOptions = {
  errorPage: [],
  ownPage: ({ exception }: FormFailure) =>
    LINK_ERRORS.has(exception.code)
      ? { view: 'auth/link-invalid', status: GONE.has(exception.code) ? 410 : 404, model: { title: 'Länken går inte att använda', detail: exception.detail } }
      : undefined,
  view: 'auth/reset',
  model: ({ exception, request, get }) => ({
    title: 'Välj lösenord',
    token: request.params.token,
    passwordMinLength: PASSWORD_MIN_LENGTH,
    error: exception.detail,
    errors: exception.errors,
    csrfToken: get(CsrfService).token(request),
  }),
};
