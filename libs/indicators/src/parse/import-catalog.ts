import type { IndicatorDirection } from '../compare/indicator-direction.js';
import type { IndicatorUnit } from '../format/indicator-unit.js';

export type CatalogId = string | number;

export type IndicatorKind = 'quality' | 'quantity' | 'cost';

export type OrgUnitType = 'nation' | 'county' | 'delregion' | 'municipality' | 'hospital';

/** What validation needs to know about an indicator. */
export interface ImportIndicator {
  id: CatalogId;
  code: string;
  unit: IndicatorUnit;
  kind: IndicatorKind;
  direction: IndicatorDirection;
}

/** What validation needs to know about an org unit. */
export interface ImportOrgUnit {
  id: CatalogId;
  code: string;
  name: string;
  type: OrgUnitType;
}

/** The catalogue as the validator sees it; `createCatalogLookup` builds one from two lists. */
export interface ImportCatalogLookup {
  findIndicator(codeOrKoladaId: string): ImportIndicator | undefined;
  findOrgUnit(codeNameOrKoladaId: string): ImportOrgUnit | undefined;
}
