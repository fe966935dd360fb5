import { ErrorKind, FieldError } from './domain.exception.js';

/** RFC 9457 problem details document. */
export interface ProblemDocument {
  type: string;
  title: string;
  status: number;
  detail: string;
  instance?: string;
  code: string;
  requestId?: string;
  errors?: FieldError[];
  [extension: string]: unknown;
}

export const PROBLEM_TYPE_BASE = 'https://arshjulet.vgregion.se/problems/';

export const STATUS_BY_KIND: Record<ErrorKind, number> = {
  [ErrorKind.BadRequest]: 400,
  [ErrorKind.Validation]: 422,
  [ErrorKind.Unauthenticated]: 401,
  [ErrorKind.Forbidden]: 403,
  [ErrorKind.NotFound]: 404,
  [ErrorKind.Conflict]: 409,
  [ErrorKind.PreconditionRequired]: 428,
  [ErrorKind.PayloadTooLarge]: 413,
  [ErrorKind.UriTooLong]: 414,
  [ErrorKind.UnsupportedMediaType]: 415,
  [ErrorKind.TooManyRequests]: 429,
  [ErrorKind.BadGateway]: 502,
  [ErrorKind.ServiceUnavailable]: 503,
};

/** Swedish titles per status, for pages and for the problem `title`. */
export const TITLE_BY_STATUS: Record<number, string> = {
  400: 'Felaktig begäran',
  401: 'Inloggning krävs',
  403: 'Åtkomst nekad',
  404: 'Hittades inte',
  405: 'Metoden stöds inte',
  409: 'Konflikt',
  413: 'För stor fil eller begäran',
  414: 'För lång adress',
  415: 'Filformatet stöds inte',
  422: 'Uppgifterna innehåller fel',
  428: 'Versionen saknas',
  429: 'För många försök',
  500: 'Internt fel',
  502: 'En extern tjänst svarar inte',
  503: 'Tjänsten är inte tillgänglig',
};
