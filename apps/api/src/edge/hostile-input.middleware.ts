import type { RawBodyRequest } from '@nestjs/common';
import type { NextFunction, Request, Response } from 'express';
import { HostileInputCode, HostileInputException } from './hostile-input.exception.js';
import { findInValue, formEncodedProblem, HostileFinding, pathProblem } from './hostile-text.util.js';

/*
 * Text PostgreSQL cannot store (NUL), text that is not Unicode (unpaired surrogates), %-escapes that do not
 * decode, and JSON nested deep enough to overflow class-transformer are refused here, once, with a 400, before
 * any route, guard or pipe sees them. Multipart bodies are streamed by their routes and not read here.
 */

const refuse = ({ code, path }: HostileFinding): HostileInputException => new HostileInputException(code, path || undefined);

/**
 * No page or API address needs more; a longer one would only be echoed back (a redirect's Location, a login's
 * `next`) into response headers larger than clients accept.
 */
export const MAX_URL_LENGTH = 4096;

/** Path and query string, before anything is parsed or routed. */
export function rejectHostileUrl(request: Request, _response: Response, next: NextFunction): void {
  const url = request.originalUrl || request.url;
  if (url.length > MAX_URL_LENGTH) return next(new HostileInputException(HostileInputCode.UrlTooLong));
  const mark = url.indexOf('?');
  const pathCode = pathProblem(mark === -1 ? url : url.slice(0, mark));
  if (pathCode) return next(new HostileInputException(pathCode));
  const queryFinding = mark === -1 ? null : formEncodedProblem(url.slice(mark + 1));
  next(queryFinding ? refuse(queryFinding) : undefined);
}

/** JSON and urlencoded bodies, right after the body parsers. */
export function rejectHostileBody(request: RawBodyRequest<Request>, _response: Response, next: NextFunction): void {
  // The form parser decodes a bad %-escape leniently (to itself or to U+FFFD), so the raw form is read instead.
  const formFinding = request.rawBody && request.is('application/x-www-form-urlencoded') ? formEncodedProblem(request.rawBody.toString('utf8')) : null;
  if (formFinding) return next(refuse(formFinding));
  const bodyFinding = request.body !== null && typeof request.body === 'object' ? findInValue(request.body) : null;
  next(bodyFinding ? refuse(bodyFinding) : undefined);
}
