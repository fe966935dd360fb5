import { formatIndicatorValue, formatNumber, INDICATOR_UNIT_LABELS_SV, INDICATOR_UNITS } from '@arshjulet/indicators';

export const MISSING_VALUE = 'uppgift saknas';

type FormatUnit = Parameters<typeof formatIndicatorValue>[1];

function isKnownUnit(unit: string): unit is FormatUnit {
  return (INDICATOR_UNITS as readonly string[]).includes(unit);
}

/** A value as the report prints it (the one Swedish formatter); missing or not finite → 'uppgift saknas'. */
export function chartValueText(value: number | null | undefined, unit: string, options: { withUnit?: boolean } = {}): string {
  if (value === null || value === undefined || !Number.isFinite(value)) {
    return MISSING_VALUE;
  }
  return isKnownUnit(unit) ? formatIndicatorValue(value, unit, { withUnit: options.withUnit }) : formatNumber(value);
}

/** Raw value for the XLSX export: a finite number or null. */
export function rawValue(value: number | null | undefined): number | null {
  return value === null || value === undefined || !Number.isFinite(value) ? null : value;
}

/** Swedish unit label for the value axis ('Procent', 'Per 100 000 invånare'), '' for an unknown unit. */
export function unitLabel(unit: string): string {
  return isKnownUnit(unit) ? ((INDICATOR_UNIT_LABELS_SV as Record<string, string>)[unit] ?? '') : '';
}

const AXIS_DECIMALS: Record<string, number> = { percent: 1, per_100000: 0, per_1000: 1, count: 0, days: 2, years: 1, ratio: 2 };

/** d3-format for axis labels with the unit's precision, trailing zeros dropped; grouping and comma come from the locale. */
export function axisFormat(unit: string): string {
  return `,.${AXIS_DECIMALS[unit] ?? 2}~f`;
}

/** "2020–2025" or just "2025". */
export function periodSpan(first: string, last: string): string {
  return first === last ? first : `${first}–${last}`;
}

const SUB_YEAR_PERIOD = /^(\d{4})-(\d{2}|Q\d|K\d)$/i;
const FIRST_OF_YEAR = /^\d{4}-(01|Q1|K1)$/i;

/**
 * The x axis of periods: every period labelled when few; for many months or quarters the first period of each year
 * labelled with just the year (every second or fifth year over long spans); otherwise about a dozen evenly spaced
 * labels ending at the latest.
 */
export function periodAxis(periods: string[], maxLabels = 12): Record<string, unknown> {
  const axis = { labelAngle: 0 };
  if (periods.length <= maxLabels) {
    return { ...axis, values: periods };
  }
  if (periods.every((period) => SUB_YEAR_PERIOD.test(period))) {
    const yearStarts = periods.filter((period) => FIRST_OF_YEAR.test(period));
    if (yearStarts.length >= 2) {
      const step = [1, 2, 5, 10].find((candidate) => Math.ceil(yearStarts.length / candidate) <= maxLabels) ?? 10;
      return { ...axis, values: yearStarts.filter((_, index) => index % step === 0), labelExpr: 'substring(datum.value, 0, 4)' };
    }
  }
  const step = Math.ceil(periods.length / maxLabels);
  const last = periods.length - 1;
  return { ...axis, values: periods.filter((_, index) => (last - index) % step === 0) };
}
