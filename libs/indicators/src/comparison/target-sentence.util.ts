import type { IndicatorDirection } from '../compare/indicator-direction.js';
import type { TargetResult } from '../compare/target.util.js';
import type { IndicatorUnit } from '../format/indicator-unit.js';
import { formatIndicatorValue } from '../format/swedish-number.util.js';
import type { Period } from '../period/period.js';

/** "Målet (minst 80 %) nås: Västra Götaland har 82 % (2024)." / "… nås inte: …". */
export function describeTarget(
  unit: IndicatorUnit,
  direction: IndicatorDirection,
  target: number,
  result: TargetResult,
  subject: { name: string; value: number },
  period: Period,
): string {
  const bound = direction === 'lower' ? 'högst' : 'minst';
  const goal = formatIndicatorValue(target, unit, { withUnit: true });
  const value = formatIndicatorValue(subject.value, unit, { withUnit: true });
  return `Målet (${bound} ${goal}) ${result.met ? 'nås' : 'nås inte'}: ${subject.name} har ${value} (${period.label('short')}).`;
}
