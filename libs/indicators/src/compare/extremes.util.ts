import type { OrgUnitValue } from './org-unit-value.js';

export interface Extremes {
  /** Every unit sharing the lowest value, by name. */
  lowest: OrgUnitValue[];
  highest: OrgUnitValue[];
}

/** Lowest and highest among a set (municipalities, hospitals, delregions); undefined for an empty set. */
export function findExtremes(values: OrgUnitValue[]): Extremes | undefined {
  if (values.length === 0) {
    return undefined;
  }
  const min = Math.min(...values.map((entry) => entry.value));
  const max = Math.max(...values.map((entry) => entry.value));
  const byName = (a: OrgUnitValue, b: OrgUnitValue) => a.name.localeCompare(b.name, 'sv');
  return {
    lowest: values.filter((entry) => entry.value === min).sort(byName),
    highest: values.filter((entry) => entry.value === max).sort(byName),
  };
}
