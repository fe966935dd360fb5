import { formatNumber } from '../format/swedish-number.util.js';
import { COLUMN_LABELS_SV, type LongColumn } from './column-aliases.js';
import type { RawIndicatorRow } from './raw-indicator-row.js';
import { UNPAIRED_SURROGATE } from './quoted-text.util.js';

/**
 * Longest text accepted per column. `breakdown` is what the database stores (varchar 200); the others are far
 * above any real code, name, period, number or status, and keep a hostile cell out of messages and memory.
 */
export const FIELD_MAX_CHARS: Record<LongColumn, number> = {
  indicator: 100,
  orgUnit: 200,
  period: 50,
  value: 100,
  numerator: 100,
  denominator: 100,
  breakdown: 200,
  status: 50,
  note: 2000,
};

const COLUMNS = Object.keys(FIELD_MAX_CHARS) as LongColumn[];

export interface FieldProblem {
  field: LongColumn;
  message: string;
}

function label(column: LongColumn): string {
  const name = COLUMN_LABELS_SV[column];
  return name.charAt(0).toLocaleUpperCase('sv') + name.slice(1);
}

/**
 * What no column may hold, whatever the format: more characters than {@link FIELD_MAX_CHARS}, a NUL byte or an
 * unpaired surrogate (neither can be stored as text by PostgreSQL). One problem per offending column.
 */
export function fieldProblems(raw: RawIndicatorRow): FieldProblem[] {
  const problems: FieldProblem[] = [];
  for (const column of COLUMNS) {
    const value = raw[column];
    if (typeof value !== 'string') continue;
    const max = FIELD_MAX_CHARS[column];
    if (value.length > max) {
      problems.push({ field: column, message: `${label(column)}: ${formatNumber(value.length)} tecken är för många, högst ${formatNumber(max)} tillåts.` });
    } else if (value.includes('\u0000')) {
      problems.push({ field: column, message: `${label(column)}: ett NUL-tecken (kod 0) kan inte sparas.` });
    } else if (UNPAIRED_SURROGATE.test(value)) {
      problems.push({ field: column, message: `${label(column)}: ett ogiltigt tecken (ett ensamt UTF-16-surrogat) kan inte sparas.` });
    }
  }
  return problems;
}
