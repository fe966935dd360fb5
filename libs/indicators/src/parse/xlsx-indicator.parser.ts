import ExcelJS from 'exceljs';
import type { ImportSource } from './import-source.js';
import { toReadable } from './import-source.js';
import { IndicatorImportErrorCode as Code, IndicatorImportException } from './indicator-import.exception.js';
import { guardInput } from './input-guard.util.js';
import type { RawIndicatorRow } from './raw-indicator-row.js';
import { tableRowsToIndicatorRows, type TableCell, type TableLayoutOptions, type TableRow } from './table-rows.parser.js';
import { xlsxCellValue } from './xlsx-cell.util.js';

export interface XlsxImportOptions extends TableLayoutOptions {
  /** Worksheet name (case-insensitive); the first sheet when omitted. */
  sheet?: string;
  /** Fail as soon as the upload exceeds this many bytes. */
  maxBytes?: number;
}

type WorksheetReader = AsyncIterable<ExcelJS.Row> & { name: string };

function malformed(error: unknown): unknown {
  return error instanceof IndicatorImportException
    ? error
    : new IndicatorImportException(Code.MALFORMED_XLSX, 'Excel-filen kunde inte läsas. Den kan vara skadad eller lösenordsskyddad.');
}

/**
 * exceljs neither rethrows nor ends when its input stream fails (size limit, not a zip): it waits forever.
 * Every step therefore races the source's failure.
 */
async function* untilFailure<T>(items: AsyncIterable<T>, failure: Promise<never>): AsyncGenerator<T> {
  const iterator = items[Symbol.asyncIterator]();
  let finished = false;
  try {
    for (;;) {
      const next = await Promise.race([iterator.next(), failure]);
      if (next.done) {
        finished = true;
        return;
      }
      yield next.value;
    }
  } finally {
    if (!finished) {
      // Not awaited: after a source failure the pending step never settles.
      iterator.return?.(undefined).catch(() => undefined);
    }
  }
}

function rowCells(row: ExcelJS.Row): TableCell[] {
  const cells: TableCell[] = [];
  row.eachCell({ includeEmpty: false }, (cell, column) => {
    cells[column - 1] = xlsxCellValue(cell.value, cell.numFmt);
  });
  return Array.from(cells, (cell) => cell ?? null);
}

/** Streams the rows of one worksheet with their Excel row numbers, never holding the workbook in memory. */
export async function* readXlsxTableRows(source: ImportSource, options: XlsxImportOptions = {}): AsyncGenerator<TableRow> {
  const input = toReadable(guardInput(source, { expect: 'xlsx', maxBytes: options.maxBytes }));
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(input, {
    worksheets: 'emit',
    sharedStrings: 'cache',
    // Styles carry the number formats that tell a percent cell (0,626 shown as 62,6 %) from a plain number.
    styles: 'cache',
    hyperlinks: 'ignore',
    entries: 'ignore',
  });
  const failure = new Promise<never>((_, reject) => input.once('error', reject));
  failure.catch(() => undefined);
  const wanted = options.sheet?.trim().toLocaleLowerCase('sv');
  const seen: string[] = [];
  try {
    for await (const worksheet of untilFailure(reader as AsyncIterable<WorksheetReader>, failure)) {
      seen.push(worksheet.name);
      if (wanted !== undefined && worksheet.name.toLocaleLowerCase('sv') !== wanted) {
        continue;
      }
      for await (const row of untilFailure(worksheet, failure)) {
        yield { line: row.number, cells: rowCells(row) };
      }
      return;
    }
  } catch (error) {
    throw malformed(error);
  } finally {
    input.destroy();
  }
  throw wanted === undefined
    ? new IndicatorImportException(Code.MALFORMED_XLSX, 'Excel-filen innehåller inga blad.')
    : new IndicatorImportException(
        Code.SHEET_NOT_FOUND,
        `Bladet ”${options.sheet}” finns inte i filen. Filen har ${seen.length === 1 ? 'bladet' : 'bladen'} ${seen.map((name) => `”${name}”`).join(', ')}.`,
      );
}

/**
 * Streams raw indicator rows from an XLSX upload, long or wide layout (see `tableRowsToIndicatorRows`), with
 * formula cells read as their cached results.
 */
export function parseIndicatorXlsx(source: ImportSource, options: XlsxImportOptions = {}): AsyncGenerator<RawIndicatorRow> {
  return tableRowsToIndicatorRows(readXlsxTableRows(source, options), options);
}
