/** Units of the indicator catalogue (`reference/indicators.csv`, column `unit`). */
export const INDICATOR_UNITS = ['percent', 'per_100000', 'per_1000', 'count', 'days', 'years', 'ratio'] as const;

export type IndicatorUnit = (typeof INDICATOR_UNITS)[number];

export function isIndicatorUnit(value: string): value is IndicatorUnit {
  return (INDICATOR_UNITS as readonly string[]).includes(value);
}

/** Multiplier from numerator/denominator to the unit; undefined where a ratio of parts means nothing. */
export const UNIT_SCALE: Partial<Record<IndicatorUnit, number>> = {
  percent: 100,
  per_1000: 1000,
  per_100000: 100000,
  ratio: 1,
  days: 1,
  years: 1,
};
