import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { CsvError, parse, type Options as CsvParseOptions } from 'csv-parse';
import type { ImportSource } from './import-source.js';
import { guardInput } from './input-guard.util.js';
import { detectCsvDelimiter, findHeaderLine, type CsvDelimiter } from './csv-delimiter.util.js';
import { IndicatorImportErrorCode as Code, IndicatorImportException } from './indicator-import.exception.js';
import type { RawIndicatorRow } from './raw-indicator-row.js';
import { tableRowsToIndicatorRows, type TableLayoutOptions, type TableRow } from './table-rows.parser.js';

export interface CsvImportOptions extends TableLayoutOptions {
  /** Fail as soon as the upload exceeds this many bytes. */
  maxBytes?: number;
  /** Override the separator detected from the header line. */
  delimiter?: CsvDelimiter;
}

/** Bytes looked at to find the header line before giving up and defaulting to `,`. */
const SNIFF_BYTES = 64 * 1024;
const LINE_BREAK = /\r\n|\n|\r/g;

function countLineBreaks(raw: string): number {
  return raw.match(LINE_BREAK)?.length ?? 0;
}

function csvErrorMessage(error: CsvError, line: number): string {
  const where = ` på rad ${line}`;
  switch (error.code) {
    case 'CSV_QUOTE_NOT_CLOSED':
      return `Ett citattecken${where} avslutas aldrig.`;
    case 'CSV_INVALID_CLOSING_QUOTE':
    case 'CSV_NON_TRIMABLE_CHAR_AFTER_CLOSING_QUOTE':
      return `Felaktigt citattecken${where}: efter ett avslutande citattecken ska avgränsningstecken eller radslut följa.`;
    case 'CSV_MAX_RECORD_SIZE':
      return `En rad${where} är orimligt lång. Är avgränsningstecknet fel, eller saknas ett avslutande citattecken?`;
    default:
      return `Filen kunde inte läsas som CSV${where}.`;
  }
}

/**
 * Reads CSV as table rows with their real line numbers (quoted fields may span lines). Tolerates what Swedish
 * Excel writes: `;` or `,` (or tab) detected from the header line, UTF-8 with or without BOM, CRLF, quotes.
 */
export async function* readCsvTableRows(source: ImportSource, options: CsvImportOptions = {}): AsyncGenerator<TableRow> {
  const chunks = guardInput(source, { expect: 'text', maxBytes: options.maxBytes })[Symbol.asyncIterator]();
  const sniffed: Buffer[] = [];
  let sniffedText = '';
  let exhausted = false;
  while (sniffedText.length < SNIFF_BYTES && findHeaderLine(sniffedText, false) === undefined) {
    const next = await chunks.next();
    if (next.done) {
      exhausted = true;
      break;
    }
    sniffed.push(next.value);
    sniffedText += next.value.toString('utf8');
  }
  const delimiter = options.delimiter ?? detectCsvDelimiter(findHeaderLine(sniffedText, true));

  async function* replay(): AsyncGenerator<Buffer> {
    try {
      yield* sniffed;
      for (let next = exhausted ? undefined : await chunks.next(); next && !next.done; next = await chunks.next()) {
        yield next.value;
      }
    } finally {
      await chunks.return?.(undefined);
    }
  }

  // Lines are counted here rather than taken from csv-parse, which counts a CRLF inside quotes twice; errors are
  // collected via on_skip so they carry the line where the broken record starts.
  let nextLine = 1;
  let failure: { line: number; error: CsvError } | undefined;
  const parserOptions: CsvParseOptions = {
    delimiter,
    bom: true,
    raw: true,
    relax_column_count: true,
    relax_quotes: true,
    skip_records_with_error: true,
    on_skip: (error) => {
      failure ??= { line: nextLine, error: error as CsvError };
      return undefined;
    },
    on_record: ((parsed: { record: string[] }, context: { raw?: string }): TableRow => {
      const line = nextLine;
      nextLine += countLineBreaks(context.raw ?? '');
      return { line, cells: parsed.record };
    }) as unknown as CsvParseOptions['on_record'],
  };
  const parser = parse(parserOptions);
  // Failures surface through the parser's iterator below; this catch only stops an unhandled rejection.
  pipeline(Readable.from(replay()), parser).catch(() => undefined);

  const malformed = ({ line, error }: { line: number; error: CsvError }) =>
    new IndicatorImportException(Code.MALFORMED_CSV, csvErrorMessage(error, line), line);
  for await (const row of parser as AsyncIterable<TableRow>) {
    if (failure && row.line > failure.line) {
      throw malformed(failure);
    }
    yield row;
  }
  if (failure) {
    throw malformed(failure);
  }
}

/**
 * Streams raw indicator rows from a CSV upload (long or wide layout, see `tableRowsToIndicatorRows`), one line
 * at a time, so a million-row file never sits in memory.
 */
export function parseIndicatorCsv(source: ImportSource, options: CsvImportOptions = {}): AsyncGenerator<RawIndicatorRow> {
  return tableRowsToIndicatorRows(readCsvTableRows(source, options), options);
}
