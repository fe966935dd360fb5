import { DomainException, ErrorKind, FieldError } from '@arshjulet/core';

export enum AuthErrorCode {
  InvalidCredentials = 'auth.invalid_credentials',
  LockedOut = 'auth.locked_out',
  CsrfInvalid = 'auth.csrf_invalid',
  LinkUnknown = 'auth.link_unknown',
  LinkExpired = 'auth.link_expired',
  LinkUsed = 'auth.link_used',
  WeakPassword = 'auth.weak_password',
  WrongCurrentPassword = 'auth.wrong_current_password',
  NotYourDelregion = 'auth.not_your_delregion',
}

export class AuthException extends DomainException {
  /** The one answer for an unknown e-mail, a wrong password and a deactivated account. */
  static invalidCredentials(): AuthException {
    return new AuthException(ErrorKind.Unauthenticated, {
      code: AuthErrorCode.InvalidCredentials,
      detail: 'Fel e-postadress eller lösenord.',
    });
  }

  static lockedOut(retryAfterSeconds: number): AuthException {
    const minutes = Math.max(1, Math.ceil(retryAfterSeconds / 60));
    return new AuthException(ErrorKind.TooManyRequests, {
      code: AuthErrorCode.LockedOut,
      detail: `För många inloggningsförsök. Vänta ${minutes} ${minutes === 1 ? 'minut' : 'minuter'} och försök igen.`,
      retryAfter: Math.max(1, Math.ceil(retryAfterSeconds)),
    });
  }

  static csrfInvalid(): AuthException {
    return new AuthException(ErrorKind.Forbidden, {
      code: AuthErrorCode.CsrfInvalid,
      detail: 'Formuläret kunde inte skickas eftersom det har gått ut eller kom från en annan webbplats. Ladda om sidan och försök igen.',
    });
  }

  static notYourDelregion(): AuthException {
    return new AuthException(ErrorKind.Validation, {
      code: AuthErrorCode.NotYourDelregion,
      detail: 'Du är inte samordnare för den delregionen. Välj en av dina delregioner.',
    });
  }

  static linkUnknown(): AuthException {
    return new AuthException(ErrorKind.NotFound, {
      code: AuthErrorCode.LinkUnknown,
      detail: 'Länken är ogiltig. Kontrollera att du har kopierat hela länken, eller be en administratör om en ny.',
    });
  }

  static linkExpired(): AuthException {
    return new AuthException(ErrorKind.NotFound, {
      code: AuthErrorCode.LinkExpired,
      detail: 'Länken har gått ut – den gäller i 24 timmar. Be en administratör om en ny länk.',
    });
  }

  static linkUsed(): AuthException {
    return new AuthException(ErrorKind.NotFound, {
      code: AuthErrorCode.LinkUsed,
      detail: 'Länken har redan använts och gäller inte längre. Logga in med ditt lösenord, eller be en administratör om en ny länk.',
    });
  }

  static weakPassword(errors: FieldError[]): AuthException {
    return new AuthException(ErrorKind.Validation, { code: AuthErrorCode.WeakPassword, detail: 'Lösenordet uppfyller inte kraven.', errors });
  }

  static wrongCurrentPassword(): AuthException {
    return new AuthException(ErrorKind.Validation, {
      code: AuthErrorCode.WrongCurrentPassword,
      detail: 'Lösenordet kunde inte ändras.',
      errors: [{ path: 'currentPassword', message: 'Nuvarande lösenord stämmer inte.' }],
    });
  }
}
