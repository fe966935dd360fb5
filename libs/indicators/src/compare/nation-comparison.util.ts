import type { IndicatorUnit } from '../format/indicator-unit.js';
import { formatIndicatorValue } from '../format/swedish-number.util.js';
import { assess, type Assessment } from './change.util.js';
import type { IndicatorDirection } from './indicator-direction.js';

export interface NationComparison {
  value: number;
  nationValue: number;
  difference: number;
  position: 'above' | 'below' | 'equal';
  /** `unchanged` here means level with the nation; null for a central measure. */
  assessment: Assessment | null;
}

/** County (or any unit) against the nation; equal at display precision counts as level. */
export function compareWithNation(
  value: number,
  nationValue: number,
  direction: IndicatorDirection,
  unit: IndicatorUnit,
): NationComparison {
  const level = formatIndicatorValue(value, unit) === formatIndicatorValue(nationValue, unit);
  return {
    value,
    nationValue,
    difference: value - nationValue,
    position: level ? 'equal' : value > nationValue ? 'above' : 'below',
    assessment: level ? (direction === 'none' ? null : 'unchanged') : assess(value, nationValue, direction),
  };
}
