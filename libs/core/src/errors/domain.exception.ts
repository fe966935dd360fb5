/** One field-level problem, addressed by a JSON path such as `rows[3].value`. */
export interface FieldError {
  path: string;
  message: string;
}

/**
 * What kind of failure a domain exception is; the one exception filter maps it to an HTTP status.
 * Libraries throw {@link DomainException} subclasses with these kinds instead of Nest HTTP exceptions.
 */
export enum ErrorKind {
  BadRequest = 'bad_request',
  Validation = 'validation',
  Unauthenticated = 'unauthenticated',
  Forbidden = 'forbidden',
  NotFound = 'not_found',
  Conflict = 'conflict',
  /** A conditional request sent without its condition (If-Match): 428. */
  PreconditionRequired = 'precondition_required',
  PayloadTooLarge = 'payload_too_large',
  /** An address longer than any page or API route needs: 414. */
  UriTooLong = 'uri_too_long',
  UnsupportedMediaType = 'unsupported_media_type',
  TooManyRequests = 'too_many_requests',
  /** A service we depend on (Kolada, SMTP) failed: not the client's mistake, and not ours. */
  BadGateway = 'bad_gateway',
  /** Something this installation lacks or cannot reach right now (e.g. no Chromium for a PDF): 503. */
  ServiceUnavailable = 'service_unavailable',
}

export interface DomainExceptionOptions {
  /** Machine-readable code, e.g. `cycle.not_found`; becomes the problem `type` suffix. */
  code: string;
  /** Swedish, for people: shown on pages and as problem `detail`. */
  detail: string;
  errors?: FieldError[];
  /** Extra members for the problem document, e.g. the current version on a conflict. */
  extensions?: Record<string, unknown>;
  /** Seconds, for 429 answers. */
  retryAfter?: number;
}

/** Base class of every lib's exception (see STYLE.md "Domain exceptions with a code enum"). */
export class DomainException extends Error {
  readonly code: string;
  readonly detail: string;
  readonly errors: FieldError[];
  readonly extensions: Record<string, unknown>;
  readonly retryAfter?: number;

  constructor(
    readonly kind: ErrorKind,
    options: DomainExceptionOptions,
  ) {
    super(options.detail);
    this.name = new.target.name;
    this.code = options.code;
    this.detail = options.detail;
    this.errors = options.errors ?? [];
    this.extensions = options.extensions ?? {};
    this.retryAfter = options.retryAfter;
  }
}

export class ValidationException extends DomainException {
  constructor(errors: FieldError[], detail = 'Uppgifterna innehåller fel. Rätta de markerade fälten.') {
    super(ErrorKind.Validation, { code: 'validation_failed', detail, errors });
  }
}

export class NotFoundException extends DomainException {
  constructor(code: string, detail = 'Det du söker finns inte.') {
    super(ErrorKind.NotFound, { code, detail });
  }
}

/** A concurrent edit: the client's version is stale; the current one travels along so nothing is lost. */
export class VersionConflictException extends DomainException {
  constructor(code: string, current: unknown, detail = 'Någon annan har ändrat uppgifterna under tiden. Läs in den senaste versionen och försök igen.') {
    super(ErrorKind.Conflict, { code, detail, extensions: { current } });
  }
}
