import { DomainException, ErrorKind } from '@arshjulet/core';

export enum AccessErrorCode {
  Unauthenticated = 'access.unauthenticated',
  Forbidden = 'access.forbidden',
  NotFound = 'access.not_found',
}

export class AccessException extends DomainException {
  static unauthenticated(): AccessException {
    return new AccessException(ErrorKind.Unauthenticated, { code: AccessErrorCode.Unauthenticated, detail: 'Du behöver logga in.' });
  }

  static forbidden(): AccessException {
    return new AccessException(ErrorKind.Forbidden, { code: AccessErrorCode.Forbidden, detail: 'Du har inte behörighet till detta.' });
  }

  /** Outside one's scope answers as if the thing did not exist: no leak of other delregions' work. */
  static notFound(): AccessException {
    return new AccessException(ErrorKind.NotFound, { code: AccessErrorCode.NotFound, detail: 'Det du söker finns inte.' });
  }
}
