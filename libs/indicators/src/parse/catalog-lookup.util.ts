import type { ImportCatalogLookup, ImportIndicator, ImportOrgUnit } from './import-catalog.js';

export type CatalogIndicator = ImportIndicator & { koladaId?: string | null };
export type CatalogOrgUnit = ImportOrgUnit & { koladaId?: string | null; aliases?: string[] };

/**
 * Name key that survives how names are typed in slides and exports: case, apostrophes and hyphens
 * (`Kungälv's sjukhus`, `Sahlgrenska Universitets-sjukhuset`, `NU-sjukvården`) and repeated spaces.
 */
export function orgNameKey(name: string): string {
  return name
    .normalize('NFC')
    .toLocaleLowerCase('sv')
    .replace(/['’´`\u00ad\-‐–]/g, '')
    .replace(/\s+/g, ' ')
    .trim();
}

function codeKey(code: string): string {
  return code.normalize('NFC').trim().toLocaleUpperCase('sv');
}

/**
 * An in-memory lookup over the (small) catalogue: indicators by code or Kolada id; org units by code, Kolada id
 * (`0014`, `1486`) or name/alias case-insensitively (`Kungälvs sjukhus`, `Västra Götaland`, `Riket`).
 * Codes win over names, so a name can never shadow another unit's code.
 */
export function createCatalogLookup(indicators: CatalogIndicator[], orgUnits: CatalogOrgUnit[]): ImportCatalogLookup {
  const indicatorByKey = new Map<string, ImportIndicator>();
  for (const indicator of indicators) {
    if (indicator.koladaId) {
      indicatorByKey.set(codeKey(indicator.koladaId), indicator);
    }
  }
  for (const indicator of indicators) {
    indicatorByKey.set(codeKey(indicator.code), indicator);
  }

  const orgByCode = new Map<string, ImportOrgUnit>();
  const orgByName = new Map<string, ImportOrgUnit>();
  for (const unit of orgUnits) {
    if (unit.koladaId) {
      orgByCode.set(codeKey(unit.koladaId), unit);
    }
    for (const name of [unit.name, ...(unit.aliases ?? [])]) {
      orgByName.set(orgNameKey(name), unit);
    }
  }
  for (const unit of orgUnits) {
    orgByCode.set(codeKey(unit.code), unit);
  }

  return {
    findIndicator: (codeOrKoladaId) => indicatorByKey.get(codeKey(codeOrKoladaId)),
    findOrgUnit: (codeNameOrKoladaId) =>
      orgByCode.get(codeKey(codeNameOrKoladaId)) ?? orgByName.get(orgNameKey(codeNameOrKoladaId)),
  };
}
