import { ArgumentsHost, Catch, ExceptionFilter, HttpException, HttpStatus, Logger } from '@nestjs/common';
import {
  DomainException, FieldError, getRequestContext, PROBLEM_TYPE_BASE, ProblemDocument, STATUS_BY_KIND, TITLE_BY_STATUS,
} from '@arshjulet/core';
import { isDatabaseUnavailable } from '@arshjulet/db';
import { pageLocals } from '@arshjulet/org';
import type { Request, Response } from 'express';
import { QueryFailedError } from 'typeorm';

interface Problem {
  status: number;
  code: string;
  detail: string;
  errors?: FieldError[];
  extensions?: Record<string, unknown>;
  retryAfter?: number;
}

/**
 * The one exception filter: domain exceptions and Nest's HTTP exceptions become RFC 9457 problem+json
 * under /api and a Swedish error page elsewhere; anything unexpected is logged and answered with a bare 500.
 */
@Catch()
export class ProblemDetailsFilter implements ExceptionFilter {
  private readonly logger = new Logger('Errors');

  catch(exception: unknown, host: ArgumentsHost): void {
    if (host.getType() !== 'http') throw exception;
    const request = host.switchToHttp().getRequest<Request>();
    const response = host.switchToHttp().getResponse<Response>();
    const problem = this.toProblem(exception, request);
    if (response.headersSent) return;

    const requestId = getRequestContext(request).requestId;
    // Refusals at the edge (body parsers, hostile input) come before the logger has given the request its id.
    if (!response.getHeader('X-Request-Id')) response.setHeader('X-Request-Id', requestId);
    if (problem.retryAfter) response.setHeader('Retry-After', String(problem.retryAfter));

    if (!isApiRequest(request) && request.accepts(['json', 'html']) === 'html') {
      if (problem.status === 401 && request.method === 'GET') {
        response.redirect(303, `/logga-in?next=${encodeURIComponent(request.originalUrl)}`);
        return;
      }
      // In the layout with the signed-in person's header and menu, also where no guard or interceptor ran.
      if (response.locals.currentUser === undefined) Object.assign(response.locals, pageLocals(request));
      response.status(problem.status).render('error', {
        title: TITLE_BY_STATUS[problem.status] ?? 'Fel',
        status: problem.status,
        detail: problem.detail,
        errors: problem.errors,
        requestId,
      });
      return;
    }

    const body: ProblemDocument = {
      type: `${PROBLEM_TYPE_BASE}${problem.code}`,
      title: TITLE_BY_STATUS[problem.status] ?? 'Fel',
      status: problem.status,
      detail: problem.detail,
      instance: request.originalUrl,
      code: problem.code,
      requestId,
      ...(problem.errors?.length ? { errors: problem.errors } : {}),
      ...problem.extensions,
    };
    response.status(problem.status).type('application/problem+json').send(JSON.stringify(body));
  }

  private toProblem(exception: unknown, request: Request): Problem {
    if (exception instanceof DomainException) {
      return {
        status: STATUS_BY_KIND[exception.kind],
        code: exception.code,
        detail: exception.detail,
        errors: exception.errors,
        extensions: exception.extensions,
        retryAfter: exception.retryAfter,
      };
    }
    if (exception instanceof HttpException) return fromHttpException(exception);
    // PostgreSQL stopped, restarting or unreachable: answered at once (the pool's connect timeout bounds the wait)
    // and without a stack per request; the pool reconnects by itself when the server is back.
    if (isDatabaseUnavailable(exception)) {
      this.logger.warn({ method: request.method, url: request.originalUrl, reason: (exception as Error).message }, 'database unavailable');
      return { status: 503, code: 'database_unavailable', detail: 'Databasen svarar inte just nu. Försök igen om en stund.', retryAfter: 5 };
    }
    if (exception instanceof QueryFailedError) {
      const pgCode = (exception.driverError as { code?: string } | undefined)?.code;
      // Input PostgreSQL could not read (a malformed uuid, a number out of range) is the client's mistake.
      if (pgCode === '22P02' || pgCode === '22003' || pgCode === '22007' || pgCode === '22008') {
        return { status: 400, code: 'bad_request', detail: 'Begäran innehåller ett värde som inte kan tolkas.' };
      }
      // statement_timeout (DB_STATEMENT_TIMEOUT_SECONDS) or a cancel: a plan that ran too long, not a crash.
      if (pgCode === '57014') {
        this.logger.warn({ method: request.method, url: request.originalUrl, reason: exception.message }, 'statement cancelled');
        return { status: 503, code: 'statement_timeout', detail: 'Frågan tog för lång tid och avbröts. Försök igen om en stund, eller begränsa urvalet.' };
      }
      // disk_full: PostgreSQL cannot write (reads still work); nothing half-written, the statement was rolled back.
      if (pgCode === '53100') {
        this.logger.error({ method: request.method, url: request.originalUrl, reason: exception.message }, 'database disk full');
        return { status: 503, code: 'disk_full', detail: 'Databasen har inte plats att spara just nu. Inget sparades. Kontakta den som sköter Årshjulet.' };
      }
      if (pgCode === '23505') {
        return { status: 409, code: 'conflict', detail: 'Det finns redan en post med samma nyckel.' };
      }
    }
    this.logger.error({ err: exception, method: request.method, url: request.originalUrl }, 'unhandled exception');
    return { status: 500, code: 'internal', detail: 'Ett oväntat fel inträffade. Försök igen, och kontakta supporten om felet kvarstår.' };
  }
}

function fromHttpException(exception: HttpException): Problem {
  const status = exception.getStatus();
  const response = exception.getResponse();
  const retryAfter = status === HttpStatus.TOO_MANY_REQUESTS ? 60 : undefined;
  const detailByStatus: Record<number, string> = {
    400: 'Begäran kunde inte tolkas.',
    404: 'Sidan eller resursen finns inte.',
    405: 'Metoden stöds inte här.',
    413: 'Begäran eller filen är för stor.',
    415: 'Formatet stöds inte.',
    429: 'För många försök. Vänta en stund och försök igen.',
  };
  let detail = detailByStatus[status] ?? (status >= 500 ? 'Ett oväntat fel inträffade.' : 'Begäran kunde inte utföras.');
  // body-parser's JSON errors say where the syntax broke; that helps the client and leaks nothing.
  if (status === 400 && typeof response === 'object' && response && 'message' in response && typeof response.message === 'string') {
    detail = `Begäran kunde inte tolkas: ${response.message}`;
  }
  // Readiness (Terminus) refused: say which check is down (database, migrations) instead of a bare 503.
  if (status === HttpStatus.SERVICE_UNAVAILABLE && typeof response === 'object' && response && 'details' in response) {
    return { status, code: 'not_ready', detail: 'Tjänsten är inte redo: se checks.', extensions: { checks: response.details }, retryAfter: 5 };
  }
  const code = status === 404 ? 'not_found' : status === 429 ? 'too_many_requests' : status === 413 ? 'payload_too_large' : status >= 500 ? 'internal' : 'bad_request';
  return { status, code, detail, retryAfter };
}

function isApiRequest(request: Request): boolean {
  return request.path.startsWith('/api/') || request.path === '/api' || request.path.startsWith('/health');
}

