import type { IndicatorDirection } from './indicator-direction.js';

export interface TargetResult {
  met: boolean;
  /** How far from the target, positive when met with margin; in the indicator's unit. */
  margin: number;
}

/**
 * Whether a value meets the indicator's target ("at least 80 %" for `higher`, "at most" for `lower`).
 * Null when there is no target or the measure has no direction.
 */
export function evaluateTarget(
  value: number,
  target: number | null | undefined,
  direction: IndicatorDirection,
): TargetResult | null {
  if (target === null || target === undefined || direction === 'none') {
    return null;
  }
  const margin = direction === 'higher' ? value - target : target - value;
  return { met: margin >= 0, margin };
}
