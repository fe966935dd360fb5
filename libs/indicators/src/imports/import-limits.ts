import type { AppConfig } from '@arshjulet/core';
import type { XlsxLimits } from '../parse/xlsx-limits.js';

/** Injection token of {@link ImportLimits}. */
export const IMPORT_LIMITS = Symbol('IMPORT_LIMITS');

export interface ImportLimits {
  maxBytes: number;
  /** What an `.xlsx` may unpack to and hold (INDICATOR_IMPORT_XLSX_*). */
  xlsx: XlsxLimits;
  /** Budget per statement of a commit, which may write a million values (IMPORT_STATEMENT_TIMEOUT_SECONDS). */
  commitStatementTimeoutMs: number;
}

export function importLimitsFrom(config: AppConfig): ImportLimits {
  return {
    maxBytes: config.INDICATOR_IMPORT_MAX_MB * 1024 * 1024,
    xlsx: {
      maxSheetBytes: config.INDICATOR_IMPORT_XLSX_MAX_SHEET_MB * 1024 * 1024,
      maxSharedStringsBytes: config.INDICATOR_IMPORT_XLSX_MAX_SHARED_STRINGS_MB * 1024 * 1024,
      maxSharedStrings: config.INDICATOR_IMPORT_XLSX_MAX_SHARED_STRINGS,
      maxRows: config.INDICATOR_IMPORT_XLSX_MAX_ROWS,
      maxCells: config.INDICATOR_IMPORT_XLSX_MAX_CELLS,
    },
    commitStatementTimeoutMs: config.IMPORT_STATEMENT_TIMEOUT_SECONDS * 1000,
  };
}
