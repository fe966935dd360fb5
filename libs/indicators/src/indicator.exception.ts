import { DomainException, ErrorKind } from '@arshjulet/core';
import { IndicatorImportErrorCode, IndicatorImportException } from './parse/indicator-import.exception.js';

export enum IndicatorErrorCode {
  NotFound = 'indicator.not_found',
  CodeTaken = 'indicator.code_taken',
  KoladaIdTaken = 'indicator.kolada_id_taken',
  VersionConflict = 'indicator.version_conflict',
  HasValues = 'indicator.has_values',
  OrgUnitNotFound = 'indicator.org_unit_not_found',
  InvalidPeriod = 'indicator.invalid_period',
  NoValues = 'indicator.no_values',
  BatchNotFound = 'indicator_import.not_found',
  BatchClosed = 'indicator_import.closed',
  BatchHasRejections = 'indicator_import.has_rejections',
  PreviewLost = 'indicator_import.preview_lost',
  FileEmpty = 'indicator_import.file_empty',
  FileTooLarge = 'indicator_import.file_too_large',
  FileUnsupported = 'indicator_import.file_unsupported',
  FileUnreadable = 'indicator_import.file_unreadable',
  NoFile = 'indicator_import.no_file',
  BrokenUpload = 'indicator_import.broken_upload',
  KoladaNotConfigured = 'indicator_import.kolada_not_configured',
  KoladaUnavailable = 'indicator_import.kolada_unavailable',
}

const STATUS_LABEL_SV: Record<string, string> = { committed: 'genomförd', discarded: 'förkastad', previewed: 'förhandsgranskad' };

/** Everything the indicators lib refuses, with a code and a Swedish detail; the app's filter maps the kind. */
export class IndicatorException extends DomainException {
  static notFound(code: string): IndicatorException {
    return new IndicatorException(ErrorKind.NotFound, { code: IndicatorErrorCode.NotFound, detail: `Indikatorn ${code} finns inte.` });
  }

  static codeTaken(code: string): IndicatorException {
    return new IndicatorException(ErrorKind.Conflict, { code: IndicatorErrorCode.CodeTaken, detail: `Det finns redan en indikator med koden ${code}.` });
  }

  static koladaIdTaken(koladaKpiId: string): IndicatorException {
    return new IndicatorException(ErrorKind.Conflict, {
      code: IndicatorErrorCode.KoladaIdTaken,
      detail: `Kolada-id ${koladaKpiId} används redan av en annan indikator.`,
    });
  }

  static versionConflict(current: unknown): IndicatorException {
    return new IndicatorException(ErrorKind.Conflict, {
      code: IndicatorErrorCode.VersionConflict,
      detail: 'Någon annan har ändrat indikatorn under tiden. Läs in den senaste versionen och försök igen.',
      extensions: { current },
    });
  }

  static hasValues(code: string): IndicatorException {
    return new IndicatorException(ErrorKind.Conflict, {
      code: IndicatorErrorCode.HasValues,
      detail: `Indikatorn ${code} har värden och kan inte tas bort. Inaktivera den i stället.`,
    });
  }

  static orgUnitNotFound(code: string): IndicatorException {
    return new IndicatorException(ErrorKind.NotFound, { code: IndicatorErrorCode.OrgUnitNotFound, detail: `Organisationsenheten ${code} finns inte.` });
  }

  static invalidPeriod(field: string, reason: string): IndicatorException {
    return new IndicatorException(ErrorKind.BadRequest, {
      code: IndicatorErrorCode.InvalidPeriod,
      detail: 'Perioden kan inte tolkas.',
      errors: [{ path: field, message: reason }],
    });
  }

  static noValues(code: string): IndicatorException {
    return new IndicatorException(ErrorKind.NotFound, { code: IndicatorErrorCode.NoValues, detail: `Det finns inga värden för indikatorn ${code}.` });
  }

  static batchNotFound(): IndicatorException {
    return new IndicatorException(ErrorKind.NotFound, { code: IndicatorErrorCode.BatchNotFound, detail: 'Importen finns inte.' });
  }

  static batchClosed(status: string): IndicatorException {
    return new IndicatorException(ErrorKind.Conflict, {
      code: IndicatorErrorCode.BatchClosed,
      detail: `Importen är redan ${STATUS_LABEL_SV[status] ?? status} och kan inte ändras.`,
      extensions: { batchStatus: status },
    });
  }

  static batchHasRejections(rejected: number): IndicatorException {
    return new IndicatorException(ErrorKind.Validation, {
      code: IndicatorErrorCode.BatchHasRejections,
      detail: `Importen har ${rejected} ${rejected === 1 ? 'avvisad rad' : 'avvisade rader'} och genomförs inte, för att inget ska importeras till hälften. Rätta filen och ladda upp den igen.`,
      extensions: { rejectedCount: rejected },
    });
  }

  static previewLost(): IndicatorException {
    return new IndicatorException(ErrorKind.Conflict, {
      code: IndicatorErrorCode.PreviewLost,
      detail: 'Förhandsgranskningens rader finns inte längre (databasen har startats om). Ladda upp filen igen.',
    });
  }

  /** The multipart envelope ended early or is malformed: a dropped connection or a broken client. */
  static brokenUpload(): IndicatorException {
    return new IndicatorException(ErrorKind.BadRequest, {
      code: IndicatorErrorCode.BrokenUpload,
      detail: 'Uppladdningen kom inte fram hel: överföringen avbröts eller är felaktigt formaterad. Försök igen.',
    });
  }

  static noFile(): IndicatorException {
    return new IndicatorException(ErrorKind.BadRequest, {
      code: IndicatorErrorCode.NoFile,
      detail: 'Begäran innehåller ingen fil. Skicka filen som multipart/form-data i fältet ”file”.',
    });
  }

  static tooLarge(maxBytes: number): IndicatorException {
    return new IndicatorException(ErrorKind.PayloadTooLarge, {
      code: IndicatorErrorCode.FileTooLarge,
      detail: `Filen är för stor. Största tillåtna storlek är ${Math.round(maxBytes / (1024 * 1024))} MB.`,
    });
  }

  static koladaNotConfigured(): IndicatorException {
    return new IndicatorException(ErrorKind.BadRequest, {
      code: IndicatorErrorCode.KoladaNotConfigured,
      detail: 'Hämtning från Kolada är inte konfigurerad (KOLADA_BASE_URL saknas).',
    });
  }

  static koladaUnavailable(reason: string): IndicatorException {
    return new IndicatorException(ErrorKind.BadGateway, {
      code: IndicatorErrorCode.KoladaUnavailable,
      detail: `Kolada kunde inte nås: ${reason}`,
    });
  }

  /** A whole-file failure from the parsers (empty, binary, too large, malformed) as an HTTP-mappable exception. */
  static fromImportError(error: IndicatorImportException): IndicatorException {
    const kind = IMPORT_ERROR_KIND[error.code];
    const code =
      kind === ErrorKind.PayloadTooLarge ? IndicatorErrorCode.FileTooLarge
        : kind === ErrorKind.UnsupportedMediaType ? IndicatorErrorCode.FileUnsupported
          : error.code === IndicatorImportErrorCode.EMPTY_FILE || error.code === IndicatorImportErrorCode.NO_DATA_ROWS ? IndicatorErrorCode.FileEmpty
            : IndicatorErrorCode.FileUnreadable;
    return new IndicatorException(kind, {
      code,
      detail: error.message,
      extensions: { reason: error.code, ...(error.line !== undefined ? { line: error.line } : {}) },
    });
  }
}

const IMPORT_ERROR_KIND: Record<IndicatorImportErrorCode, ErrorKind> = {
  [IndicatorImportErrorCode.EMPTY_FILE]: ErrorKind.BadRequest,
  [IndicatorImportErrorCode.NO_DATA_ROWS]: ErrorKind.BadRequest,
  [IndicatorImportErrorCode.TOO_LARGE]: ErrorKind.PayloadTooLarge,
  [IndicatorImportErrorCode.BINARY_CONTENT]: ErrorKind.UnsupportedMediaType,
  [IndicatorImportErrorCode.NOT_UTF8]: ErrorKind.UnsupportedMediaType,
  [IndicatorImportErrorCode.NOT_XLSX]: ErrorKind.UnsupportedMediaType,
  [IndicatorImportErrorCode.SHEET_NOT_FOUND]: ErrorKind.BadRequest,
  [IndicatorImportErrorCode.MALFORMED_CSV]: ErrorKind.BadRequest,
  [IndicatorImportErrorCode.MALFORMED_XLSX]: ErrorKind.BadRequest,
  [IndicatorImportErrorCode.XLSX_TOO_LARGE]: ErrorKind.PayloadTooLarge,
  [IndicatorImportErrorCode.MALFORMED_JSON]: ErrorKind.BadRequest,
  [IndicatorImportErrorCode.INVALID_HEADER]: ErrorKind.BadRequest,
  [IndicatorImportErrorCode.MISSING_INDICATOR]: ErrorKind.BadRequest,
};
