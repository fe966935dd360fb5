import { DomainException, ErrorKind } from '@arshjulet/core';

export enum ReportErrorCode {
  CycleNotFound = 'report.cycle_not_found',
  NotFound = 'report.not_found',
  VersionNotFound = 'report.version_not_found',
  NotPublished = 'report.not_published',
  NotLaunched = 'report.not_launched',
  VersionConflict = 'report.version_conflict',
  IfMatchRequired = 'report.if_match_required',
  IfMatchUnreadable = 'report.if_match_unreadable',
  NotDraft = 'report.not_draft',
  UnknownFormat = 'report.unknown_format',
  NotAcceptable = 'report.not_acceptable',
  UnknownAction = 'report.unknown_action',
}

/** Everything the report lib refuses, with a code and a Swedish detail; the app's filter maps the kind. */
export class ReportException extends DomainException {
  static cycleNotFound(): ReportException {
    return new ReportException(ErrorKind.NotFound, { code: ReportErrorCode.CycleNotFound, detail: 'Årshjulet finns inte.' });
  }

  static notFound(): ReportException {
    return new ReportException(ErrorKind.NotFound, { code: ReportErrorCode.NotFound, detail: 'Länsrapporten finns inte ännu.' });
  }

  static versionNotFound(): ReportException {
    return new ReportException(ErrorKind.NotFound, { code: ReportErrorCode.VersionNotFound, detail: 'Den versionen av länsrapporten finns inte.' });
  }

  static notPublished(): ReportException {
    return new ReportException(ErrorKind.NotFound, { code: ReportErrorCode.NotPublished, detail: 'Länsrapporten för det året är inte publicerad.' });
  }

  static notLaunched(): ReportException {
    return new ReportException(ErrorKind.NotFound, {
      code: ReportErrorCode.NotLaunched,
      detail: 'Årshjulet är inte startat ännu; länssammanställningen finns först när siffrorna är frysta.',
    });
  }

  /** 409 with what is stored now, so the editor can show both texts and keep the user's. */
  static versionConflict(current: unknown): ReportException {
    return new ReportException(ErrorKind.Conflict, {
      code: ReportErrorCode.VersionConflict,
      detail: 'Någon annan har ändrat länsrapportens egna avsnitt under tiden. Jämför texterna och spara igen.',
      extensions: { current },
    });
  }

  static ifMatchRequired(): ReportException {
    return new ReportException(ErrorKind.PreconditionRequired, {
      code: ReportErrorCode.IfMatchRequired,
      detail: 'Skicka versionen du läste i If-Match, t.ex. If-Match: "3".',
    });
  }

  static ifMatchUnreadable(): ReportException {
    return new ReportException(ErrorKind.BadRequest, { code: ReportErrorCode.IfMatchUnreadable, detail: 'If-Match ska vara ett versionsnummer, t.ex. "3".' });
  }

  static notDraft(stateLabel: string): ReportException {
    return new ReportException(ErrorKind.Conflict, {
      code: ReportErrorCode.NotDraft,
      detail: `Länsrapporten är i läget ”${stateLabel}”; den kan bara ändras och sammanställas på nytt som utkast.`,
    });
  }

  static unknownFormat(given: string): ReportException {
    const detail = `Okänt format ”${given.slice(0, 40)}”. Välj html, pdf, xlsx eller json.`;
    return new ReportException(ErrorKind.BadRequest, { code: ReportErrorCode.UnknownFormat, detail, errors: [{ path: 'format', message: detail }] });
  }

  static notAcceptable(): ReportException {
    return new ReportException(ErrorKind.BadRequest, {
      code: ReportErrorCode.NotAcceptable,
      detail: 'Rapporten finns som application/json, text/html, application/pdf och Excel (xlsx); Accept nämner inget av dem.',
    });
  }

  static unknownAction(): ReportException {
    return new ReportException(ErrorKind.Validation, {
      code: ReportErrorCode.UnknownAction,
      detail: 'Välj en av rapportens åtgärder.',
      errors: [{ path: 'action', message: 'Välj en av rapportens åtgärder.' }],
    });
  }
}
