import { DomainException, ErrorKind, type FieldError } from '@arshjulet/core';

export enum AnalysisErrorCode {
  TaskNotFound = 'analysis.task_not_found',
  NoTemplate = 'analysis.no_template',
  IfMatchRequired = 'analysis.if_match_required',
  IfMatchUnreadable = 'analysis.if_match_unreadable',
  VersionConflict = 'analysis.version_conflict',
  NotEditable = 'analysis.not_editable',
  InvalidAnswers = 'analysis.invalid_answers',
  Incomplete = 'analysis.incomplete',
  RevisionNotFound = 'analysis.revision_not_found',
  CommentNotFound = 'analysis.comment_not_found',
  UnknownTarget = 'analysis.unknown_comment_target',
  ReplyOnly = 'analysis.reply_only',
  AttachmentNotFound = 'analysis.attachment_not_found',
  AttachmentTooLarge = 'analysis.attachment_too_large',
  AttachmentType = 'analysis.attachment_type',
  NoFile = 'analysis.no_file',
  BrokenUpload = 'analysis.broken_upload',
}

/** A problem of a submission, with the section and field it belongs to. */
export interface SectionProblem extends FieldError {
  section: string;
  field: string;
}

/** Everything the analysis lib refuses, with a code and a Swedish detail; the app's filter maps the kind. */
export class AnalysisException extends DomainException {
  static taskNotFound(): AnalysisException {
    return new AnalysisException(ErrorKind.NotFound, { code: AnalysisErrorCode.TaskNotFound, detail: 'Analysuppgiften finns inte.' });
  }

  static noTemplate(): AnalysisException {
    return new AnalysisException(ErrorKind.Conflict, { code: AnalysisErrorCode.NoTemplate, detail: 'Uppgiften har ingen analysmall; svar kan inte sparas.' });
  }

  static ifMatchRequired(): AnalysisException {
    return new AnalysisException(ErrorKind.PreconditionRequired, {
      code: AnalysisErrorCode.IfMatchRequired,
      detail: 'Ange versionen du utgick från i huvudet If-Match (till exempel If-Match: "3"), så skriver du inte över någon annans ändringar.',
    });
  }

  static ifMatchUnreadable(): AnalysisException {
    return new AnalysisException(ErrorKind.BadRequest, { code: AnalysisErrorCode.IfMatchUnreadable, detail: 'If-Match ska vara versionen inom citattecken, till exempel "3".' });
  }

  static versionConflict(current: { answers: unknown; version: number; savedBy: string | null; savedAt: string | null }): AnalysisException {
    const who = current.savedBy ? ` ${current.savedBy} sparade` : ' Analysen sparades';
    return new AnalysisException(ErrorKind.Conflict, {
      code: AnalysisErrorCode.VersionConflict,
      detail: `Någon annan har sparat analysen under tiden.${who} version ${current.version}. Jämför och spara igen.`,
      extensions: { current },
    });
  }

  static notEditable(reason: string): AnalysisException {
    return new AnalysisException(ErrorKind.Conflict, { code: AnalysisErrorCode.NotEditable, detail: reason });
  }

  static invalidAnswers(problems: SectionProblem[]): AnalysisException {
    return new AnalysisException(ErrorKind.Validation, {
      code: AnalysisErrorCode.InvalidAnswers,
      detail: 'Svaren innehåller fel och sparades inte. Rätta de markerade fälten.',
      errors: problems,
    });
  }

  static incomplete(problems: SectionProblem[], sections: Array<{ section: string; title: string; problems: SectionProblem[] }>): AnalysisException {
    return new AnalysisException(ErrorKind.Validation, {
      code: AnalysisErrorCode.Incomplete,
      detail: `Analysen kan inte lämnas in ännu: ${problems.length} ${problems.length === 1 ? 'fält behöver' : 'fält behöver'} fyllas i eller rättas.`,
      errors: problems,
      extensions: { sections },
    });
  }

  static revisionNotFound(): AnalysisException {
    return new AnalysisException(ErrorKind.NotFound, { code: AnalysisErrorCode.RevisionNotFound, detail: 'Versionen av analysen finns inte.' });
  }

  static commentNotFound(): AnalysisException {
    return new AnalysisException(ErrorKind.NotFound, { code: AnalysisErrorCode.CommentNotFound, detail: 'Kommentaren finns inte.' });
  }

  static unknownTarget(): AnalysisException {
    const message = 'Mallen har inget fält eller avsnitt med den nyckeln.';
    return new AnalysisException(ErrorKind.Validation, { code: AnalysisErrorCode.UnknownTarget, detail: message, errors: [{ path: 'target', message }] });
  }

  static replyOnly(): AnalysisException {
    return new AnalysisException(ErrorKind.Forbidden, {
      code: AnalysisErrorCode.ReplyOnly,
      detail: 'Du kan svara på länets kommentarer men inte starta en ny tråd.',
    });
  }

  static attachmentNotFound(): AnalysisException {
    return new AnalysisException(ErrorKind.NotFound, { code: AnalysisErrorCode.AttachmentNotFound, detail: 'Bilagan finns inte.' });
  }

  static tooLarge(maxBytes: number): AnalysisException {
    return new AnalysisException(ErrorKind.PayloadTooLarge, {
      code: AnalysisErrorCode.AttachmentTooLarge,
      detail: `Filen är för stor. En bilaga får vara högst ${Math.round(maxBytes / (1024 * 1024))} MB.`,
      errors: [{ path: 'file', message: `Högst ${Math.round(maxBytes / (1024 * 1024))} MB.` }],
    });
  }

  static wrongType(): AnalysisException {
    const message = 'Filen är inte en PDF, ett Word-dokument (DOCX) eller en Excel-fil (XLSX). Typen avgörs av innehållet, inte av filnamnet.';
    return new AnalysisException(ErrorKind.UnsupportedMediaType, { code: AnalysisErrorCode.AttachmentType, detail: message, errors: [{ path: 'file', message }] });
  }

  static noFile(): AnalysisException {
    const message = 'Välj en fil att ladda upp (fältet file i ett multipart-formulär).';
    return new AnalysisException(ErrorKind.Validation, { code: AnalysisErrorCode.NoFile, detail: message, errors: [{ path: 'file', message }] });
  }

  static brokenUpload(): AnalysisException {
    return new AnalysisException(ErrorKind.BadRequest, { code: AnalysisErrorCode.BrokenUpload, detail: 'Uppladdningen avbröts eller var trasig. Försök igen.' });
  }
}
