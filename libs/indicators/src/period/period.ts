import { InvalidPeriodError } from './invalid-period.error.js';

export type PeriodKind = 'year' | 'quarter' | 'month' | 'rolling12';

export type PeriodParseResult = { ok: true; period: Period } | { ok: false; reason: string };

const MONTHS_SV = [
  'januari', 'februari', 'mars', 'april', 'maj', 'juni',
  'juli', 'augusti', 'september', 'oktober', 'november', 'december',
];
const MONTHS_SV_SHORT = ['jan', 'feb', 'mar', 'apr', 'maj', 'jun', 'jul', 'aug', 'sep', 'okt', 'nov', 'dec'];

const MIN_YEAR = 1900;
const MAX_YEAR = 2100;
const EXAMPLES = 'Använd t.ex. 2025, 2025-Q3, 2025-03 eller R12-2025-09.';

const YEAR = /^(\d{4})$/;
const QUARTER_YEAR_FIRST = /^(\d{4})\s*-?\s*[QK](\d)$/i;
const QUARTER_YEAR_LAST = /^[QK](\d)\s*-?\s*(\d{4})$/i;
const MONTH = /^(\d{4})-(\d{1,2})$/;
const ROLLING_12 = /^R12[\s-]*(\d{4})-(\d{1,2})$/i;
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

function pad2(n: number): string {
  return String(n).padStart(2, '0');
}

function isoDate(year: number, month: number, day: number): string {
  return `${year}-${pad2(month)}-${pad2(day)}`;
}

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** Months since year 0, so month arithmetic is one subtraction. */
function monthIndex(year: number, month: number): number {
  return year * 12 + (month - 1);
}

/**
 * A reporting period: a year (`2025`), a quarter (`2025-Q3`), a month (`2025-03`) or a rolling 12 months ending
 * with a month (`R12-2025-09`). Immutable; `toString()` gives the canonical form stored in the database.
 */
export class Period {
  private constructor(
    readonly kind: PeriodKind,
    readonly year: number,
    /** Quarter 1–4 for quarters, month 1–12 for months and for the last month of a rolling 12. */
    readonly index: number,
  ) {}

  static year(year: number): Period {
    return new Period('year', year, 1);
  }

  static quarter(year: number, quarter: number): Period {
    return new Period('quarter', year, quarter);
  }

  static month(year: number, month: number): Period {
    return new Period('month', year, month);
  }

  static rolling12(endYear: number, endMonth: number): Period {
    return new Period('rolling12', endYear, endMonth);
  }

  /** Accepts `2025`, `2025-Q3`, `2025 Q3`, `Q3 2025`, `2025K3`, `2025-03`, `R12-2025-09` (case-insensitive). */
  static tryParse(input: string | number | null | undefined): PeriodParseResult {
    const text = String(input ?? '').trim();
    if (text === '') {
      return { ok: false, reason: `Perioden saknas. ${EXAMPLES}` };
    }
    let match: RegExpMatchArray | null;
    if ((match = text.match(YEAR))) {
      return Period.checked(text, 'year', Number(match[1]), 1);
    }
    if ((match = text.match(QUARTER_YEAR_FIRST))) {
      return Period.checked(text, 'quarter', Number(match[1]), Number(match[2]));
    }
    if ((match = text.match(QUARTER_YEAR_LAST))) {
      return Period.checked(text, 'quarter', Number(match[2]), Number(match[1]));
    }
    if ((match = text.match(ROLLING_12))) {
      return Period.checked(text, 'rolling12', Number(match[1]), Number(match[2]));
    }
    if ((match = text.match(MONTH))) {
      return Period.checked(text, 'month', Number(match[1]), Number(match[2]));
    }
    if (ISO_DATE.test(text)) {
      return { ok: false, reason: `”${text}” är ett datum, inte en period. ${EXAMPLES}` };
    }
    return { ok: false, reason: `”${text}” är ingen giltig period. ${EXAMPLES}` };
  }

  /** Like `tryParse`, but throws `InvalidPeriodError` with the Swedish reason. */
  static parse(input: string | number): Period {
    const result = Period.tryParse(input);
    if (!result.ok) {
      throw new InvalidPeriodError(String(input), result.reason);
    }
    return result.period;
  }

  static compare(a: Period, b: Period): number {
    return a.compareTo(b);
  }

  private static checked(text: string, kind: PeriodKind, year: number, index: number): PeriodParseResult {
    if (year < MIN_YEAR || year > MAX_YEAR) {
      return { ok: false, reason: `”${text}”: året ska ligga mellan ${MIN_YEAR} och ${MAX_YEAR}.` };
    }
    if (kind === 'quarter' && (index < 1 || index > 4)) {
      return { ok: false, reason: `”${text}”: kvartalet ska vara 1–4.` };
    }
    if ((kind === 'month' || kind === 'rolling12') && (index < 1 || index > 12)) {
      return { ok: false, reason: `”${text}”: månaden ska vara 01–12.` };
    }
    return { ok: true, period: new Period(kind, year, index) };
  }

  private get firstMonth(): number {
    switch (this.kind) {
      case 'year':
        return monthIndex(this.year, 1);
      case 'quarter':
        return monthIndex(this.year, this.index * 3 - 2);
      case 'month':
        return monthIndex(this.year, this.index);
      case 'rolling12':
        return monthIndex(this.year, this.index) - 11;
    }
  }

  private get lastMonth(): number {
    switch (this.kind) {
      case 'year':
        return monthIndex(this.year, 12);
      case 'quarter':
        return monthIndex(this.year, this.index * 3);
      default:
        return monthIndex(this.year, this.index);
    }
  }

  /** First day, ISO `YYYY-MM-DD`. */
  get start(): string {
    const m = this.firstMonth;
    return isoDate(Math.floor(m / 12), (m % 12) + 1, 1);
  }

  /** Last day (inclusive), ISO `YYYY-MM-DD`. */
  get end(): string {
    const m = this.lastMonth;
    const year = Math.floor(m / 12);
    const month = (m % 12) + 1;
    return isoDate(year, month, daysInMonth(year, month));
  }

  /**
   * The adjacent period of the same kind and length that ends right before this one starts. For a rolling 12
   * that is the window 12 months earlier: comparing overlapping windows would hide the change.
   */
  previous(): Period {
    switch (this.kind) {
      case 'year':
        return Period.year(this.year - 1);
      case 'quarter':
        return this.index === 1 ? Period.quarter(this.year - 1, 4) : Period.quarter(this.year, this.index - 1);
      case 'month':
        return this.index === 1 ? Period.month(this.year - 1, 12) : Period.month(this.year, this.index - 1);
      case 'rolling12':
        return Period.rolling12(this.year - 1, this.index);
    }
  }

  /** Ordered by end date, then by start date (a year sorts before its fourth quarter). */
  compareTo(other: Period): number {
    return this.lastMonth - other.lastMonth || this.firstMonth - other.firstMonth;
  }

  equals(other: Period): boolean {
    return this.kind === other.kind && this.year === other.year && this.index === other.index;
  }

  /**
   * Swedish label. Long: `2025`, `kvartal 3 2025`, `mars 2025`, `rullande 12 mån t.o.m. september 2025`.
   * Short, for tables and parentheses: `2025`, `Q3 2025`, `mar 2025`, `R12 t.o.m. sep 2025`. The pages use the
   * short form everywhere (one voice: "Q2 2025", never "kvartal 2 2025" beside it).
   */
  label(style: 'long' | 'short' = 'long'): string {
    const long = style === 'long';
    switch (this.kind) {
      case 'year':
        return String(this.year);
      case 'quarter':
        return long ? `kvartal ${this.index} ${this.year}` : `Q${this.index} ${this.year}`;
      case 'month':
        return `${(long ? MONTHS_SV : MONTHS_SV_SHORT)[this.index - 1]} ${this.year}`;
      case 'rolling12':
        return long
          ? `rullande 12 mån t.o.m. ${MONTHS_SV[this.index - 1]} ${this.year}`
          : `R12 t.o.m. ${MONTHS_SV_SHORT[this.index - 1]} ${this.year}`;
    }
  }

  /** Canonical form: `2025`, `2025-Q3`, `2025-03`, `R12-2025-09`. */
  toString(): string {
    switch (this.kind) {
      case 'year':
        return String(this.year);
      case 'quarter':
        return `${this.year}-Q${this.index}`;
      case 'month':
        return `${this.year}-${pad2(this.index)}`;
      case 'rolling12':
        return `R12-${this.year}-${pad2(this.index)}`;
    }
  }

  toJSON(): string {
    return this.toString();
  }
}
