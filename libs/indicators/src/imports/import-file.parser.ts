import { extname } from 'node:path';
import { parseIndicatorCsv } from '../parse/csv-indicator.parser.js';
import type { ImportSource } from '../parse/import-source.js';
import { parseKoladaJson } from '../parse/kolada-indicator.parser.js';
import type { RawIndicatorRow } from '../parse/raw-indicator-row.js';
import { parseIndicatorXlsx } from '../parse/xlsx-indicator.parser.js';
import type { XlsxLimits } from '../parse/xlsx-limits.js';
import type { ImportFormat } from './import-batch.entity.js';

export const IMPORT_FORMATS: readonly ImportFormat[] = ['csv', 'xlsx', 'kolada'];

export interface ImportFileOptions {
  /** Worksheet of an XLSX file; the first when omitted. */
  sheet?: string;
  /** Indicator code for files that do not name it per row (the wide layout). */
  indicator?: string;
  maxBytes?: number;
  /** What an `.xlsx` may unpack to; the defaults when omitted. */
  xlsx?: XlsxLimits;
}

/**
 * The format from an explicit choice, else the file name: `.xlsx` Excel, `.json` Kolada, anything else is read
 * as CSV, whose input guard refuses binary content (an `.xls`, a PDF, an image) with a clear message.
 */
export function detectImportFormat(fileName: string, explicit?: ImportFormat): ImportFormat {
  if (explicit) return explicit;
  const extension = extname(fileName).toLowerCase();
  if (extension === '.xlsx' || extension === '.xlsm') return 'xlsx';
  if (extension === '.json') return 'kolada';
  return 'csv';
}

/** Raw rows from an upload, streamed through the parser of its format. */
export function parseImportFile(format: ImportFormat, source: ImportSource, options: ImportFileOptions): AsyncGenerator<RawIndicatorRow> {
  switch (format) {
    case 'xlsx':
      return parseIndicatorXlsx(source, { sheet: options.sheet, indicator: options.indicator, maxBytes: options.maxBytes, limits: options.xlsx });
    case 'kolada':
      return parseKoladaJson(source, { maxBytes: options.maxBytes });
    default:
      return parseIndicatorCsv(source, { indicator: options.indicator, maxBytes: options.maxBytes });
  }
}
