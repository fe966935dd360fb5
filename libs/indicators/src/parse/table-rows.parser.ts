import { Period } from '../period/period.js';
import {
  COLUMN_LABELS_SV,
  longColumnFor,
  normalizeHeader,
  WIDE_ORG_HEADERS,
  type LongColumn,
} from './column-aliases.js';
import { columnLetter } from './column-letter.util.js';
import { IndicatorImportErrorCode as Code, IndicatorImportException } from './indicator-import.exception.js';
import type { RawIndicatorRow } from './raw-indicator-row.js';
import { quoted } from './quoted-text.util.js';

export type TableCell = string | number | null;

/** One line of a CSV file or row of a worksheet, with its 1-based number in the file. */
export interface TableRow {
  line: number;
  cells: TableCell[];
}

export interface TableLayoutOptions {
  /** Indicator code for files that do not name it per row (always needed for the wide layout, unless in the file). */
  indicator?: string;
}

const METADATA = /^(?:indicator|indikator)\s*[:=]\s*(\S.*)?$/i;
const BARE_QUARTER = /^[QK]\d$/i;

function cellText(cell: TableCell | undefined): string {
  return cell === null || cell === undefined ? '' : String(cell).trim();
}

function rawCell(cell: TableCell | undefined): string | number | null {
  if (typeof cell === 'number') {
    return cell;
  }
  const text = cellText(cell);
  return text === '' ? null : text;
}

function isBlank(row: TableRow): boolean {
  return row.cells.every((cell) => cellText(cell) === '');
}

/** `indikator: IU03` in the first cell, or `indikator:` followed by the code in the second. */
function metadataIndicator(row: TableRow): string | undefined {
  const [first, second, ...rest] = row.cells.map(cellText);
  const match = (first ?? '').match(METADATA);
  if (!match || rest.some((cell) => cell !== '')) {
    return undefined;
  }
  const code = (match[1] ?? '').trim() || (second ?? '');
  return code === '' || (match[1] && second) ? undefined : code;
}

function resolveIndicator(option: string | undefined, inFile: string | undefined, line: number): string | undefined {
  if (option && inFile && option.toLocaleLowerCase('sv') !== inFile.toLocaleLowerCase('sv')) {
    throw new IndicatorImportException(
      Code.INVALID_HEADER,
      `Filen anger indikatorn ”${quoted(inFile)}” (rad ${line}) men importen gäller ”${quoted(option)}”.`,
      line,
    );
  }
  return option || inFile;
}

function isWideHeader(cells: string[]): boolean {
  return WIDE_ORG_HEADERS.includes(normalizeHeader(cells[0] ?? '')) && cells.slice(1).some((cell) => cell !== '');
}

type LongMapping = Map<LongColumn, number>;

function longMapping(header: TableRow, indicator: string | undefined): LongMapping {
  const columns: LongMapping = new Map();
  header.cells.map(cellText).forEach((text, index) => {
    const column = longColumnFor(text);
    if (!column) {
      return;
    }
    if (columns.has(column)) {
      throw new IndicatorImportException(
        Code.INVALID_HEADER,
        `Kolumnen ”${COLUMN_LABELS_SV[column]}” finns två gånger i rubrikraden (rad ${header.line}, kolumn ${columnLetter(index + 1)}).`,
        header.line,
      );
    }
    columns.set(column, index);
  });
  const required: LongColumn[] = indicator ? ['orgUnit', 'period', 'value'] : ['indicator', 'orgUnit', 'period', 'value'];
  const missing = required.filter((column) => !columns.has(column));
  if (missing.length > 0) {
    throw new IndicatorImportException(
      Code.INVALID_HEADER,
      `Rubrikraden (rad ${header.line}) saknar ${missing.length === 1 ? 'kolumnen' : 'kolumnerna'} ` +
        `${missing.map((column) => COLUMN_LABELS_SV[column]).join(', ')}. ` +
        'Förväntade rubriker: indikator, enhet, period, värde (eller indicator, org_unit, period, value).',
      header.line,
    );
  }
  return columns;
}

function widePeriods(header: TableRow): (string | null)[] {
  return header.cells.slice(1).map((cell, index) => {
    const text = cellText(cell);
    if (text === '') {
      return null;
    }
    const parsed = Period.tryParse(text);
    if (!parsed.ok) {
      const hint = BARE_QUARTER.test(text) ? ` Ange året, t.ex. ”${text.toUpperCase()} 2025”.`
        : quoted(text) === text ? ` ${parsed.reason}` : '';
      throw new IndicatorImportException(
        Code.INVALID_HEADER,
        `Kolumnrubriken ”${quoted(text)}” (rad ${header.line}, kolumn ${columnLetter(index + 2)}) är ingen period.${hint}`,
        header.line,
      );
    }
    return text;
  });
}

/**
 * Turns table rows (CSV or XLSX) into raw indicator rows, recognising two layouts from the header row:
 *
 * - long: columns `indicator, org_unit, period, value[, numerator, denominator, breakdown, status, note]`
 *   (any order, case-insensitive, Swedish names accepted: indikator, enhet, period, värde, täljare, nämnare,
 *   uppdelning, status, kommentar);
 * - wide: first header cell `org_unit`/`enhet`/`sjukhus`/`kommun`/… or empty, every further header cell a period
 *   (`2025-Q1`, `Q1 2025`, `2025`, …); one row per org unit, one value per period cell; empty cells are no data.
 *
 * Above the header, blank rows and one metadata row `indikator: IU03` (or `indikator:` | `IU03`) may appear.
 */
export async function* tableRowsToIndicatorRows(
  rows: AsyncIterable<TableRow>,
  options: TableLayoutOptions = {},
): AsyncGenerator<RawIndicatorRow> {
  let header: TableRow | undefined;
  let indicatorInFile: string | undefined;
  let indicatorLine = 0;
  let indicator: string | undefined;
  let long: LongMapping | undefined;
  let periods: (string | null)[] = [];
  let yielded = 0;

  for await (const row of rows) {
    if (isBlank(row)) {
      continue;
    }
    if (!header) {
      const fromMetadata = metadataIndicator(row);
      if (fromMetadata !== undefined) {
        indicatorInFile = fromMetadata;
        indicatorLine = row.line;
        continue;
      }
      header = row;
      indicator = resolveIndicator(options.indicator?.trim(), indicatorInFile, indicatorLine);
      const texts = row.cells.map(cellText);
      const headerColumns = texts.map(longColumnFor);
      if (headerColumns.includes('period') && headerColumns.includes('value')) {
        long = longMapping(row, indicator);
      } else if (isWideHeader(texts)) {
        periods = widePeriods(row);
        if (!indicator) {
          throw new IndicatorImportException(
            Code.MISSING_INDICATOR,
            'Filen har en period per kolumn men anger inte indikatorn. Välj indikator vid importen eller skriv ' +
              '”indikator: KOD” på raden ovanför rubrikraden.',
            row.line,
          );
        }
      } else {
        long = longMapping(row, indicator);
      }
      continue;
    }

    if (long) {
      const cell = (column: LongColumn) => {
        const index = long!.get(column);
        return index === undefined ? null : rawCell(row.cells[index]);
      };
      const optional = (column: LongColumn) => (long!.has(column) ? { [column]: cell(column) } : {});
      yielded++;
      yield {
        line: row.line,
        indicator: cellText(cell('indicator')) || indicator || '',
        orgUnit: cellText(cell('orgUnit')),
        period: cellText(cell('period')),
        value: cell('value'),
        ...optional('numerator'),
        ...optional('denominator'),
        ...optional('breakdown'),
        ...optional('status'),
        ...optional('note'),
      } as RawIndicatorRow;
      continue;
    }

    const orgUnit = cellText(row.cells[0]);
    for (let index = 0; index < periods.length; index++) {
      const period = periods[index];
      const value = rawCell(row.cells[index + 1]);
      if (period === null || value === null) {
        continue;
      }
      yielded++;
      yield { line: row.line, column: index + 2, indicator: indicator!, orgUnit, period, value };
    }
  }

  if (!header) {
    throw new IndicatorImportException(Code.INVALID_HEADER, 'Filen saknar rubrikrad.');
  }
  if (yielded === 0) {
    throw new IndicatorImportException(Code.NO_DATA_ROWS, 'Filen har en rubrikrad men inga värden.', header.line);
  }
}
