import type { IndicatorDirection } from './indicator-direction.js';
import type { OrgUnitValue } from './org-unit-value.js';

export interface RankedValue extends OrgUnitValue {
  /** 1 = best; ties share a rank and the next rank is skipped (1, 2, 2, 4). */
  rank: number;
}

/**
 * Ranks units (e.g. the six delregions) best first by the indicator's direction. A central measure (`none`)
 * has no best, so it is listed highest first and the rank is only a position.
 */
export function rankOrgUnits(values: OrgUnitValue[], direction: IndicatorDirection): RankedValue[] {
  const sign = direction === 'lower' ? 1 : -1;
  const sorted = [...values].sort((a, b) => sign * (a.value - b.value) || a.name.localeCompare(b.name, 'sv'));
  return sorted.map((entry, index) => {
    const firstEqual = sorted.findIndex((other) => other.value === entry.value);
    return { ...entry, rank: (firstEqual === -1 ? index : firstEqual) + 1 };
  });
}
