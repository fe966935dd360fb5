import { DomainException, ErrorKind } from '@arshjulet/core';

export enum ApiTokenErrorCode {
  NotFound = 'api_token.not_found',
  RequiresLogin = 'api_token.requires_login',
}

export class ApiTokenException extends DomainException {
  static notFound(): ApiTokenException {
    return new ApiTokenException(ErrorKind.NotFound, { code: ApiTokenErrorCode.NotFound, detail: 'API-nyckeln finns inte.' });
  }

  /** A leaked token must not be able to mint its own successors: new tokens need a person who logged in. */
  static requiresLogin(): ApiTokenException {
    return new ApiTokenException(ErrorKind.Forbidden, {
      code: ApiTokenErrorCode.RequiresLogin,
      detail: 'En API-nyckel kan inte skapa nya API-nycklar. Logga in på webben och skapa nyckeln under Mitt konto.',
    });
  }
}
