import { Period } from '../period/period.js';
import type { ValidIndicatorRow } from '../parse/row-validator.js';
import type { ImportCatalog } from './import-catalog.loader.js';

/** The staging table's columns in COPY order. */
export const STAGED_COLUMNS = [
  'batch_id', 'seq', 'line', 'indicator_id', 'org_unit_id', 'period', 'period_kind', 'period_start', 'period_end',
  'breakdown', 'value', 'numerator', 'denominator', 'status', 'note',
] as const;

/** COPY text format: backslash, tab and line breaks escaped; `\N` is NULL. */
export function copyText(value: string | null): string {
  if (value === null) return '\\N';
  return /[\\\t\n\r]/.test(value) ? value.replace(/[\\\t\n\r]/g, (char) => COPY_ESCAPES[char]!) : value;
}

const COPY_ESCAPES: Record<string, string> = { '\\': '\\\\', '\t': '\\t', '\n': '\\n', '\r': '\\r' };

function copyNumber(value: number | null): string {
  return value === null ? '\\N' : String(value);
}

/** Turns validated rows into lines of the staging table's COPY input. */
export class StagedRowEncoder {
  private readonly periodBounds = new Map<string, string>();

  constructor(
    private readonly batchId: string,
    private readonly catalog: ImportCatalog,
  ) {}

  encode(row: ValidIndicatorRow, seq: number): string {
    return [
      this.batchId,
      String(seq),
      String(row.line),
      this.catalog.indicatorIds[row.indicatorId as number],
      this.catalog.orgUnitIds[row.orgUnitId as number],
      row.period,
      row.periodKind,
      this.bounds(row.period),
      copyText(row.breakdown ?? ''),
      copyNumber(row.value),
      copyNumber(row.numerator),
      copyNumber(row.denominator),
      row.status,
      copyText(row.note),
    ].join('\t') + '\n';
  }

  /** `start\tend` of a canonical period; a file has few distinct periods, so they are parsed once each. */
  private bounds(period: string): string {
    let bounds = this.periodBounds.get(period);
    if (bounds === undefined) {
      const parsed = Period.parse(period);
      bounds = `${parsed.start}\t${parsed.end}`;
      this.periodBounds.set(period, bounds);
    }
    return bounds;
  }
}
