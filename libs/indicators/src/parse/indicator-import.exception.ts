export enum IndicatorImportErrorCode {
  EMPTY_FILE = 'EMPTY_FILE',
  NO_DATA_ROWS = 'NO_DATA_ROWS',
  TOO_LARGE = 'TOO_LARGE',
  BINARY_CONTENT = 'BINARY_CONTENT',
  NOT_UTF8 = 'NOT_UTF8',
  NOT_XLSX = 'NOT_XLSX',
  SHEET_NOT_FOUND = 'SHEET_NOT_FOUND',
  MALFORMED_CSV = 'MALFORMED_CSV',
  MALFORMED_XLSX = 'MALFORMED_XLSX',
  /** An `.xlsx` whose unpacked parts, texts, rows or cells pass the limits (a zip bomb, or simply too much). */
  XLSX_TOO_LARGE = 'XLSX_TOO_LARGE',
  MALFORMED_JSON = 'MALFORMED_JSON',
  INVALID_HEADER = 'INVALID_HEADER',
  MISSING_INDICATOR = 'MISSING_INDICATOR',
}

/**
 * A whole-file import failure (the file cannot be read at all). Row-level problems are not exceptions: they are
 * rejections from `RowValidator`. The message is Swedish and safe to show to the user.
 */
export class IndicatorImportException extends Error {
  constructor(
    readonly code: IndicatorImportErrorCode,
    message: string,
    /** The 1-based line or row where reading stopped, when known. */
    readonly line?: number,
  ) {
    super(message);
    this.name = 'IndicatorImportException';
  }
}
