import type { IndicatorUnit } from './indicator-unit.js';

export const NO_BREAK_SPACE = '\u00a0';
export const MINUS_SIGN = '\u2212';

export interface SwedishNumberOptions {
  /** Exactly this many decimals (pads with zeros). */
  decimals?: number;
  /** At most this many decimals, trailing zeros dropped. Default 3, as `Intl`. */
  maxDecimals?: number;
  /**
   * Plain ASCII-friendly output: ordinary space and hyphen-minus instead of U+00A0 / U+2212.
   * For plain-text mail, logs and machine-read text. The default suits HTML and PDF: a number never wraps.
   */
  plain?: boolean;
}

const formatters = new Map<string, Intl.NumberFormat>();

function numberFormat(minimumFractionDigits: number, maximumFractionDigits: number): Intl.NumberFormat {
  const key = `${minimumFractionDigits}:${maximumFractionDigits}`;
  let formatter = formatters.get(key);
  if (!formatter) {
    // signDisplay 'negative' keeps −0,04 rounded to one decimal from showing as "−0".
    formatter = new Intl.NumberFormat('sv-SE', { minimumFractionDigits, maximumFractionDigits, signDisplay: 'negative' });
    formatters.set(key, formatter);
  }
  return formatter;
}

function toPlain(text: string): string {
  return text.replace(/[\u00a0\u202f]/g, ' ').replace(/\u2212/g, '-');
}

/**
 * The one Swedish number formatter: `2 832`, `1,15`, `−3,2`.
 * Group separator is U+00A0 and minus is U+2212, as `Intl.NumberFormat('sv-SE')` gives; `plain` swaps them.
 */
export function formatNumber(value: number, options: SwedishNumberOptions = {}): string {
  if (!Number.isFinite(value)) {
    throw new RangeError(`Cannot format non-finite number ${value}`);
  }
  const min = options.decimals ?? 0;
  const max = options.decimals ?? Math.max(options.maxDecimals ?? 3, min);
  const text = numberFormat(min, max).format(value);
  return options.plain ? toPlain(text) : text;
}

/** A value already in percent units: `formatPercent(62.6) === '62,6 %'` (with U+00A0 before `%`). */
export function formatPercent(value: number, options: SwedishNumberOptions = {}): string {
  const space = options.plain ? ' ' : NO_BREAK_SPACE;
  return `${formatNumber(value, { maxDecimals: 1, ...options })}${space}%`;
}

const DEFAULT_MAX_DECIMALS: Record<IndicatorUnit, number> = {
  percent: 1,
  per_100000: 0,
  per_1000: 1,
  count: 0,
  days: 2,
  years: 1,
  ratio: 2,
};

export interface IndicatorValueFormatOptions extends SwedishNumberOptions {
  /** Append the unit in words where the number alone is not self-explanatory (`per 100 000 invånare`, `dagar`). */
  withUnit?: boolean;
}

function unitSuffix(value: number, unit: IndicatorUnit, space: string): string {
  switch (unit) {
    case 'per_100000':
      return `per 100${space}000 invånare`;
    case 'per_1000':
      return `per 1${space}000 invånare`;
    case 'days':
      return value === 1 ? 'dag' : 'dagar';
    case 'years':
      return 'år';
    default:
      return '';
  }
}

/**
 * Formats a value by indicator unit with the catalogue's display precision:
 * `percent` 62,6 %, `per_100000` 2 832, `per_1000` 4,2, `count` 1 204, `days` 1,15, `years` 82,3, `ratio` 1,15.
 */
export function formatIndicatorValue(value: number, unit: IndicatorUnit, options: IndicatorValueFormatOptions = {}): string {
  const { withUnit, ...numberOptions } = options;
  const precision = { maxDecimals: DEFAULT_MAX_DECIMALS[unit], ...numberOptions };
  if (unit === 'percent') {
    return formatPercent(value, precision);
  }
  const text = formatNumber(value, precision);
  const suffix = withUnit ? unitSuffix(value, unit, options.plain ? ' ' : NO_BREAK_SPACE) : '';
  return suffix ? `${text} ${suffix}` : text;
}
