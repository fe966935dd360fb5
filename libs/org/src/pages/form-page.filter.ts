import { type ArgumentsHost, Catch, type ExceptionFilter, Injectable, type Type, UseFilters } from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import {
  DomainException, ErrorKind, type FieldError, getRequestContext, type RequestContext, STATUS_BY_KIND, TITLE_BY_STATUS,
} from '@arshjulet/core';
import type { Request, Response } from 'express';
import { isCsrfPending } from '../auth/csrf-multipart.js';
import { WebSessionService } from '../auth/web-session.service.js';

/** A form's refusal, as a page's options see it. */
export interface FormFailure {
  exception: DomainException;
  request: Request;
  /** The form's text fields as they were typed. */
  body: Record<string, string>;
  /** What the refusal answers with: 422, 409, 401, 429 … */
  status: number;
  ctx: RequestContext;
  /** A provider of the page's module (the lists a re-rendered form needs). */
  get<T>(type: Type<T>): T;
}

/** A whole page answering a refusal. */
export interface PageAnswer {
  view: string;
  status: number;
  model: object;
}

interface CommonOptions {
  /** Refusals answered with the ordinary error page; default: not signed in, not allowed, not found. */
  errorPage?: readonly ErrorKind[];
  /** A page of its own for some refusals (a dead one-time link), before anything else. */
  ownPage?: (failure: FormFailure) => PageAnswer | undefined;
}

/** The form again at once, with what was typed and each message beside its field. */
export interface ReRenderOptions extends CommonOptions {
  view: string;
  model: (failure: FormFailure) => object | Promise<object>;
}

/** A small action form: the message travels to the page the form sits on (post/redirect/get). */
export interface RedirectOptions extends CommonOptions {
  redirect: (failure: FormFailure) => string;
  /** Default: the exception's detail, and its field errors. */
  flash?: (failure: FormFailure) => { error: string; errors: FieldError[] };
}

export type FormPageOptions = ReRenderOptions | RedirectOptions;

const ERROR_PAGE_BY_DEFAULT: readonly ErrorKind[] = [ErrorKind.Unauthenticated, ErrorKind.Forbidden, ErrorKind.NotFound];

const asStrings = (body: unknown): Record<string, string> =>
  Object.fromEntries(Object.entries(body && typeof body === 'object' ? body : {}).filter(([, value]) => typeof value === 'string')) as Record<string, string>;

/**
 * How a page's form answers a domain exception, in Swedish and never as problem+json or a 500: the ordinary error
 * page (not signed in, not allowed, nothing there), the form again with what was typed, or a message carried back
 * to the form's page. One filter; each route says which with {@link FormPage}.
 */
@Injectable()
export abstract class FormPageFilter implements ExceptionFilter<DomainException> {
  protected abstract readonly options: FormPageOptions;

  constructor(
    private readonly sessions: WebSessionService,
    private readonly moduleRef: ModuleRef,
  ) {}

  catch(exception: DomainException, host: ArgumentsHost): void {
    const request = host.switchToHttp().getRequest<Request>();
    const response = host.switchToHttp().getResponse<Response>();
    const status = STATUS_BY_KIND[exception.kind];
    const ctx = getRequestContext(request);
    const failure: FormFailure = {
      exception, request, status, ctx, body: asStrings(request.body), get: (type) => this.moduleRef.get(type, { strict: false }),
    };
    const errorPage = () =>
      response.status(status).render('error', { title: TITLE_BY_STATUS[status], status, detail: exception.detail, requestId: ctx.requestId });
    if (exception.retryAfter) response.setHeader('Retry-After', String(exception.retryAfter));

    const own = this.options.ownPage?.(failure);
    if (own) {
      response.status(own.status).render(own.view, own.model);
      return;
    }
    // Refused before its CSRF token was read (a declared size over the limit): answer, but change no session.
    if (isCsrfPending(request) || (this.options.errorPage ?? ERROR_PAGE_BY_DEFAULT).includes(exception.kind)) {
      errorPage();
      return;
    }
    if ('view' in this.options) {
      const { view, model } = this.options;
      void Promise.resolve()
        .then(() => model(failure))
        .then((values) => response.status(status).render(view, values))
        .catch(errorPage);
      return;
    }
    const { redirect, flash } = this.options;
    // Redirect once the message is stored; without it (a failing session store) the page still answers.
    void this.sessions
      .setFlash(request, flash ? flash(failure) : { error: exception.detail, errors: exception.errors })
      .catch(() => undefined)
      .then(() => response.redirect(303, redirect(failure)));
  }
}

/**
 * Declares how a page route's form answers its refusals (see {@link FormPageFilter}): `view` + `model` to
 * show the form again, or `redirect` (+ `flash`) to carry the message back to the form's page.
 */
export function FormPage(options: FormPageOptions): MethodDecorator & ClassDecorator {
  return UseFilters(filterFor(options));
}

const filters = new WeakMap<FormPageOptions, Type<FormPageFilter>>();

/** A filter class per page's options, so Nest injects the session service into it in the route's own module. */
function filterFor(options: FormPageOptions): Type<FormPageFilter> {
  let filter = filters.get(options);
  if (!filter) {
    @Injectable()
    @Catch(DomainException)
    class RouteFormPageFilter extends FormPageFilter {
      protected override readonly options = options;
    }
    filter = RouteFormPageFilter;
    filters.set(options, filter);
  }
  return filter;
}
