import type { PrefillRow } from '../tasks/analysis.repository.js';

export interface BreakdownPrefill {
  indicator: string;
  rows: Array<{
    orgUnitCode: string;
    orgUnitName: string;
    orgUnitType: string;
    values: Array<{ period: string; breakdown: string; value: number; derived: boolean }>;
  }>;
}

/** The rows of one indicator's breakdown, municipalities first then the hospital, each with its frozen figures. */
export function prefillOf(indicator: string, rows: PrefillRow[]): BreakdownPrefill {
  const units = new Map<string, BreakdownPrefill['rows'][number]>();
  for (const row of rows) {
    if (row.indicatorCode !== indicator) continue;
    let unit = units.get(row.orgUnitCode);
    if (!unit) {
      unit = { orgUnitCode: row.orgUnitCode, orgUnitName: row.orgUnitName, orgUnitType: row.orgUnitType, values: [] };
      units.set(row.orgUnitCode, unit);
    }
    if (row.period !== null && row.value !== null) {
      unit.values.push({ period: row.period, breakdown: row.breakdown ?? '', value: Number(row.value), derived: Boolean(row.derived) });
    }
  }
  return { indicator, rows: [...units.values()] };
}
