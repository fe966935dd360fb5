import type { Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import type { ImportSource } from './import-source.js';
import { toReadable } from './import-source.js';
import { IndicatorImportErrorCode as Code, IndicatorImportException } from './indicator-import.exception.js';
import { guardInput } from './input-guard.util.js';
import { quoted } from './quoted-text.util.js';
import type { RawIndicatorRow } from './raw-indicator-row.js';
import { tableRowsToIndicatorRows, type TableCell, type TableLayoutOptions, type TableRow } from './table-rows.parser.js';
import { xlsxCellValue } from './xlsx-cell.util.js';
import { DEFAULT_XLSX_LIMITS, MAX_XLSX_METADATA_BYTES, MAX_XLSX_ROW_CELLS, type XlsxLimits } from './xlsx-limits.js';
import { XlsxZip } from './xlsx-zip.reader.js';

export interface XlsxImportOptions extends TableLayoutOptions {
  /** Worksheet name (case-insensitive); the first sheet when omitted. */
  sheet?: string;
  /** Fail as soon as the upload exceeds this many bytes. */
  maxBytes?: number;
  /** What the workbook may unpack to and hold; {@link DEFAULT_XLSX_LIMITS} when omitted. */
  limits?: XlsxLimits;
}

/** The parts of exceljs's streaming reader used here: its XML parsers per part, fed with guarded streams. */
interface ExcelPartReader {
  model?: { sheets?: { name: string; rId: string }[] };
  workbookRels?: { Id: string; Target: string }[];
  sharedStrings?: (string | null)[];
  properties?: unknown;
  _parseRels(entry: Readable): Promise<void>;
  _parseWorkbook(entry: Readable): Promise<void>;
  _parseStyles(entry: Readable): Promise<void>;
  _parseSharedStrings(entry: Readable): AsyncGenerator<{ index: number; text: SharedText }>;
  _parseWorksheet(rows: AsyncIterable<unknown>, sheetNo: string): Generator<{ value: AsyncIterable<ExcelJS.Row> }>;
}

type SharedText = string | null | { richText: { text: string | null }[] };

const RELS = 'xl/_rels/workbook.xml.rels';
const WORKBOOK = 'xl/workbook.xml';
const STYLES = 'xl/styles.xml';
const SHARED_STRINGS = 'xl/sharedStrings.xml';
const SHEET = /^xl\/worksheets\/sheet(\d+)\.xml$/;

function malformed(error: unknown): unknown {
  return error instanceof IndicatorImportException
    ? error
    : new IndicatorImportException(Code.MALFORMED_XLSX, 'Excel-filen kunde inte läsas. Den kan vara skadad eller lösenordsskyddad.');
}

function plainText(text: SharedText): string | null {
  return text !== null && typeof text === 'object' ? text.richText.map((run) => run.text ?? '').join('') : text;
}

function rowCells(row: ExcelJS.Row): TableCell[] {
  const cells: TableCell[] = [];
  row.eachCell({ includeEmpty: false }, (cell, column) => {
    if (column > MAX_XLSX_ROW_CELLS) {
      throw new IndicatorImportException(Code.MALFORMED_XLSX, `Rad ${row.number} har en cell bortom Excels sista kolumn.`, row.number);
    }
    cells[column - 1] = xlsxCellValue(cell.value, cell.numFmt);
  });
  return Array.from(cells, (cell) => cell ?? null);
}

interface SheetPart {
  name: string;
  path: string;
}

/** The workbook's sheets in the order Excel shows them, each with its part in the zip. */
function sheetsOf(reader: ExcelPartReader, zip: XlsxZip): SheetPart[] {
  const targets = new Map((reader.workbookRels ?? []).map((rel) => [rel.Id, rel.Target]));
  return (reader.model?.sheets ?? []).flatMap((sheet) => {
    const target = targets.get(sheet.rId);
    const path = target === undefined ? undefined : target.startsWith('/') ? target.slice(1) : `xl/${target}`;
    return path !== undefined && zip.parts.has(path) ? [{ name: sheet.name, path }] : [];
  });
}

/**
 * Streams the rows of one worksheet with their Excel row numbers, never holding the workbook in memory: the zip
 * directory is checked first, only the parts needed are unpacked, each through a guard that counts bytes, texts,
 * rows and cells against {@link XlsxLimits}, and the shared texts are kept as plain strings.
 */
export async function* readXlsxTableRows(source: ImportSource, options: XlsxImportOptions = {}): AsyncGenerator<TableRow> {
  const limits = options.limits ?? DEFAULT_XLSX_LIMITS;
  const zip = await XlsxZip.open(toReadable(guardInput(source, { expect: 'xlsx', maxBytes: options.maxBytes })));
  const metadata = (label: string) => ({ label, maxBytes: MAX_XLSX_METADATA_BYTES });
  let sheet: SheetPart | undefined;
  let sheets: SheetPart[] | undefined;
  try {
    const reader = new ExcelJS.stream.xlsx.WorkbookReader(null as never, {
      worksheets: 'emit',
      sharedStrings: 'emit',
      // Styles carry the number formats that tell a percent cell (0,626 shown as 62,6 %) from a plain number.
      styles: 'cache',
      hyperlinks: 'ignore',
      entries: 'ignore',
    }) as unknown as ExcelPartReader;
    await reader._parseRels(await zip.read(RELS, metadata('arbetsbokens relationer')));
    await reader._parseWorkbook(await zip.read(WORKBOOK, metadata('arbetsboken')));
    if (zip.parts.has(STYLES)) {
      await reader._parseStyles(await zip.read(STYLES, metadata('formatmallarna')));
    }
    const texts: (string | null)[] = [];
    if (zip.parts.has(SHARED_STRINGS)) {
      const part = await zip.read(SHARED_STRINGS, {
        label: 'de delade texterna',
        maxBytes: limits.maxSharedStringsBytes,
        maxSharedStrings: limits.maxSharedStrings,
      });
      for await (const { text } of reader._parseSharedStrings(part)) {
        texts.push(plainText(text));
      }
    }
    reader.sharedStrings = texts;

    sheets = sheetsOf(reader, zip);
    const wanted = options.sheet?.trim().toLocaleLowerCase('sv');
    sheet = wanted === undefined ? sheets[0] : sheets.find((candidate) => candidate.name.toLocaleLowerCase('sv') === wanted);
    if (sheet) {
      const part = await zip.read(sheet.path, {
        label: `bladet ”${quoted(sheet.name)}”`,
        maxBytes: limits.maxSheetBytes,
        maxRows: limits.maxRows,
        maxCells: limits.maxCells,
      });
      const [{ value: worksheet }] = [...reader._parseWorksheet(part, SHEET.exec(sheet.path)?.[1] ?? '1')];
      for await (const row of worksheet) {
        yield { line: row.number, cells: rowCells(row) };
      }
    }
  } catch (error) {
    throw malformed(error);
  } finally {
    await zip.close();
  }
  if (sheet) {
    return;
  }
  throw options.sheet === undefined
    ? new IndicatorImportException(Code.MALFORMED_XLSX, 'Excel-filen innehåller inga blad.')
    : new IndicatorImportException(
        Code.SHEET_NOT_FOUND,
        `Bladet ”${quoted(options.sheet)}” finns inte i filen. Filen har ${sheets?.length === 1 ? 'bladet' : 'bladen'} ` +
          `${(sheets ?? []).map((candidate) => `”${quoted(candidate.name)}”`).join(', ')}.`,
      );
}

/**
 * Streams raw indicator rows from an XLSX upload, long or wide layout (see `tableRowsToIndicatorRows`), with
 * formula cells read as their cached results.
 */
export function parseIndicatorXlsx(source: ImportSource, options: XlsxImportOptions = {}): AsyncGenerator<RawIndicatorRow> {
  return tableRowsToIndicatorRows(readXlsxTableRows(source, options), options);
}
