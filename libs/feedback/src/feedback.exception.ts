import { DomainException, ErrorKind, type FieldError } from '@arshjulet/core';

export enum FeedbackErrorCode {
  CycleNotFound = 'feedback.cycle_not_found',
  NotInReview = 'feedback.report_not_in_review',
  UnknownSection = 'feedback.unknown_section',
  CommentNotFound = 'feedback.comment_not_found',
  AnswerToAnswer = 'feedback.answer_to_answer',
  DecisionNotFound = 'feedback.decision_not_found',
  DecisionsClosed = 'feedback.decisions_closed',
  InvalidDecision = 'feedback.invalid_decision',
  IfMatchRequired = 'feedback.if_match_required',
  IfMatchUnreadable = 'feedback.if_match_unreadable',
  VersionConflict = 'feedback.version_conflict',
  ActionNotFound = 'feedback.action_not_found',
}

/** Everything the feedback lib refuses, with a code and a Swedish detail; the app's filter maps the kind. */
export class FeedbackException extends DomainException {
  static cycleNotFound(): FeedbackException {
    return new FeedbackException(ErrorKind.NotFound, { code: FeedbackErrorCode.CycleNotFound, detail: 'Årshjulet finns inte.' });
  }

  static notInReview(state: string | null): FeedbackException {
    const now = state ? ` Rapporten är nu i läget ”${state}”.` : ' Det finns ingen rapport att granska än.';
    return new FeedbackException(ErrorKind.Conflict, {
      code: FeedbackErrorCode.NotInReview,
      detail: `Du kan kommentera rapporten bara medan den granskas.${now}`,
    });
  }

  static unknownSection(): FeedbackException {
    const message = 'Rapporten har inget avsnitt med det id:t.';
    return new FeedbackException(ErrorKind.Validation, { code: FeedbackErrorCode.UnknownSection, detail: message, errors: [{ path: 'sectionId', message }] });
  }

  static commentNotFound(): FeedbackException {
    return new FeedbackException(ErrorKind.NotFound, { code: FeedbackErrorCode.CommentNotFound, detail: 'Kommentaren finns inte.' });
  }

  static answerToAnswer(): FeedbackException {
    return new FeedbackException(ErrorKind.Validation, {
      code: FeedbackErrorCode.AnswerToAnswer,
      detail: 'Svara på granskarens kommentar, inte på ett svar.',
      errors: [{ path: 'commentId', message: 'Svara på granskarens kommentar, inte på ett svar.' }],
    });
  }

  static decisionNotFound(): FeedbackException {
    return new FeedbackException(ErrorKind.NotFound, { code: FeedbackErrorCode.DecisionNotFound, detail: 'Beslutet finns inte.' });
  }

  static decisionsClosed(status: string): FeedbackException {
    return new FeedbackException(ErrorKind.Conflict, {
      code: FeedbackErrorCode.DecisionsClosed,
      detail: `Beslut kan registreras och ändras bara när årshjulet är i granskning eller beslut (nu: ”${status}”).`,
    });
  }

  static invalidDecision(errors: FieldError[]): FeedbackException {
    return new FeedbackException(ErrorKind.Validation, {
      code: FeedbackErrorCode.InvalidDecision,
      detail: 'Beslutet innehåller fel och sparades inte. Rätta de markerade fälten.',
      errors,
    });
  }

  static ifMatchRequired(): FeedbackException {
    return new FeedbackException(ErrorKind.PreconditionRequired, {
      code: FeedbackErrorCode.IfMatchRequired,
      detail: 'Ange versionen du utgick från i huvudet If-Match (till exempel If-Match: "3"), så skriver du inte över någon annans ändringar.',
    });
  }

  static ifMatchUnreadable(): FeedbackException {
    return new FeedbackException(ErrorKind.BadRequest, { code: FeedbackErrorCode.IfMatchUnreadable, detail: 'If-Match ska vara versionen inom citattecken, till exempel "3".' });
  }

  static versionConflict(current: unknown): FeedbackException {
    return new FeedbackException(ErrorKind.Conflict, {
      code: FeedbackErrorCode.VersionConflict,
      detail: 'Någon annan har ändrat uppgifterna under tiden. Jämför med den senaste versionen och spara igen.',
      extensions: { current },
    });
  }

  static actionNotFound(): FeedbackException {
    return new FeedbackException(ErrorKind.NotFound, { code: FeedbackErrorCode.ActionNotFound, detail: 'Åtgärden finns inte.' });
  }
}
