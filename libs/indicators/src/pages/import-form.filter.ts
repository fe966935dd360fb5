import { ArgumentsHost, Catch, ExceptionFilter, Injectable } from '@nestjs/common';
import { DomainException, ErrorKind, FieldError, getRequestContext, STATUS_BY_KIND, TITLE_BY_STATUS } from '@arshjulet/core';
import { isCsrfPending, WebSessionService } from '@arshjulet/org';
import type { Request, Response } from 'express';
import { IndicatorErrorCode } from '../indicator.exception.js';

/** Whole-file refusals: the message belongs to the file field of the upload form. */
const FILE_ERRORS = new Set<string>([
  IndicatorErrorCode.NoFile, IndicatorErrorCode.FileEmpty, IndicatorErrorCode.FileTooLarge, IndicatorErrorCode.FileUnsupported,
  IndicatorErrorCode.FileUnreadable,
]);

const FIELD_MESSAGES_SV: Record<string, string> = {
  sheet: 'Bladets namn får vara högst 100 tecken.',
  indicator: 'Ange en indikatorkod som IU03, eller lämna fältet tomt.',
  format: 'Okänt filformat.',
};

/**
 * The import pages answer their mistakes on the page (post/redirect/get with a Swedish message tied to its
 * field), never with problem+json or a 500. Not being signed in or allowed, or a batch that does not exist,
 * gets the ordinary error page.
 */
@Injectable()
@Catch(DomainException)
export class ImportFormFilter implements ExceptionFilter {
  constructor(private readonly sessions: WebSessionService) {}

  catch(exception: DomainException, host: ArgumentsHost): void {
    const request = host.switchToHttp().getRequest<Request>();
    const response = host.switchToHttp().getResponse<Response>();
    // Refused before its CSRF token was read (a declared size over the limit): answer, but change no session.
    const unverified = isCsrfPending(request);
    if (unverified || [ErrorKind.Unauthenticated, ErrorKind.Forbidden, ErrorKind.NotFound].includes(exception.kind)) {
      const status = STATUS_BY_KIND[exception.kind];
      response.status(status).render('error', { title: TITLE_BY_STATUS[status], status, detail: exception.detail, requestId: getRequestContext(request).requestId });
      return;
    }
    const id = request.params.id;
    // Redirect once the message is stored; without it (a failing session store) the page still answers.
    void this.sessions
      .setFlash(request, pageError(exception))
      .catch(() => undefined)
      .then(() => response.redirect(303, id ? `/importer/${id}` : '/importer#ladda-upp'));
  }
}

function pageError(exception: DomainException): { error: string; errors: FieldError[] } {
  if (exception.code === IndicatorErrorCode.NoFile) {
    const message = 'Välj en fil att ladda upp.';
    return { error: message, errors: [{ path: 'file', message }] };
  }
  if (FILE_ERRORS.has(exception.code)) return { error: 'Filen kunde inte läsas in. Inget har sparats.', errors: [{ path: 'file', message: exception.detail }] };
  if (exception.errors.length > 0) {
    return {
      error: 'Formuläret innehåller fel. Inget har sparats.',
      errors: exception.errors.map((error) => ({ path: error.path, message: FIELD_MESSAGES_SV[error.path] ?? error.message })),
    };
  }
  return { error: exception.detail, errors: [] };
}
