import type { IndicatorUnit } from '../format/indicator-unit.js';
import { formatIndicatorValue } from '../format/swedish-number.util.js';
import type { IndicatorDirection } from './indicator-direction.js';

export type Trend = 'increased' | 'decreased' | 'unchanged';
export type Assessment = 'better' | 'worse' | 'unchanged';

export interface ChangeResult {
  previous: number;
  current: number;
  delta: number;
  trend: Trend;
  /** Null for a central measure (direction `none`): it rises or falls, but neither is better. */
  assessment: Assessment | null;
}

/** How `value` compares with `reference` given the indicator's direction. */
export function assess(value: number, reference: number, direction: IndicatorDirection): Assessment | null {
  if (direction === 'none') {
    return null;
  }
  if (value === reference) {
    return 'unchanged';
  }
  return (value > reference) === (direction === 'higher') ? 'better' : 'worse';
}

/**
 * Change from the previous period. Values equal at display precision (62,6 % and 62,62 %) count as unchanged,
 * so a sentence never says "ökade från 62,6 % till 62,6 %".
 */
export function classifyChange(
  previous: number,
  current: number,
  direction: IndicatorDirection,
  unit: IndicatorUnit,
): ChangeResult {
  const same = formatIndicatorValue(previous, unit) === formatIndicatorValue(current, unit);
  const trend: Trend = same ? 'unchanged' : current > previous ? 'increased' : 'decreased';
  return {
    previous,
    current,
    delta: current - previous,
    trend,
    assessment: same ? (direction === 'none' ? null : 'unchanged') : assess(current, previous, direction),
  };
}
