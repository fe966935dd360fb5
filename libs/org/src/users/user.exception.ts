import { DomainException, ErrorKind } from '@arshjulet/core';

export enum UserErrorCode {
  EmailTaken = 'user.email_taken',
  InvalidEmail = 'user.invalid_email',
  NotFound = 'user.not_found',
  InvalidAssignment = 'user.invalid_assignment',
  AssignmentNotFound = 'user.assignment_not_found',
  VersionConflict = 'user.version_conflict',
  LastAdmin = 'user.last_admin',
}

export class UserException extends DomainException {
  static emailTaken(email: string): UserException {
    return new UserException(ErrorKind.Conflict, {
      code: UserErrorCode.EmailTaken,
      detail: `Det finns redan en användare med e-postadressen ${email}.`,
      errors: [{ path: 'email', message: 'E-postadressen används redan.' }],
    });
  }

  static invalidEmail(message: string): UserException {
    return new UserException(ErrorKind.Validation, {
      code: UserErrorCode.InvalidEmail,
      detail: 'E-postadressen kan inte användas.',
      errors: [{ path: 'email', message }],
    });
  }

  static notFound(): UserException {
    return new UserException(ErrorKind.NotFound, { code: UserErrorCode.NotFound, detail: 'Användaren finns inte.' });
  }

  static invalidAssignment(path: string, message: string): UserException {
    return new UserException(ErrorKind.Validation, {
      code: UserErrorCode.InvalidAssignment,
      detail: 'Rollen kan inte tilldelas så.',
      errors: [{ path, message }],
    });
  }

  static assignmentNotFound(): UserException {
    return new UserException(ErrorKind.NotFound, { code: UserErrorCode.AssignmentNotFound, detail: 'Användaren har inte den rolltilldelningen.' });
  }

  /** Removing the last way to administer the system would lock everyone out. */
  static lastAdmin(): UserException {
    return new UserException(ErrorKind.Conflict, {
      code: UserErrorCode.LastAdmin,
      detail: 'Det måste finnas minst en aktiv administratör. Utse en ny administratör först.',
    });
  }
}
