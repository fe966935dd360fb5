import type { CatalogId } from '../parse/import-catalog.js';

/** One org unit's value for one indicator and period, as loaded for a comparison. */
export interface OrgUnitValue {
  orgUnitId: CatalogId;
  name: string;
  value: number;
}
