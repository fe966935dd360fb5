import { Injectable } from '@nestjs/common';
import { readTogether, type RequestContext } from '@arshjulet/core';
import { TransactionalConnection } from '@arshjulet/db';
import { OrgUnit, OrgUnitType } from '@arshjulet/org';
import { Indicator } from '../catalogue/indicator.entity.js';
import { createCatalogLookup, type CatalogOrgUnit } from '../parse/catalog-lookup.util.js';
import type { ImportCatalogLookup, OrgUnitType as ImportOrgUnitType } from '../parse/import-catalog.js';

/** The catalogue as one import sees it, loaded once per batch. */
export interface ImportCatalog {
  lookup: ImportCatalogLookup;
  /**
   * The lookup hands out small integer ids (positions in these arrays) rather than uuids, so the validator's
   * duplicate-key memory stays small on a million-row file; these map them back.
   */
  indicatorIds: string[];
  orgUnitIds: string[];
}

/** Other names the seeds and exports use for units. */
const EXTRA_ALIASES: Partial<Record<OrgUnitType, string[]>> = {
  [OrgUnitType.Nation]: ['Sverige', 'Hela riket'],
  [OrgUnitType.County]: ['Västra Götalands län', 'Västra Götalandsregionen', 'VGR', 'Länet'],
};

@Injectable()
export class ImportCatalogLoader {
  constructor(private readonly connection: TransactionalConnection) {}

  async load(ctx: RequestContext): Promise<ImportCatalog> {
    // An import loads it inside its transaction, on one connection: the two reads go one after the other there.
    const [indicators, units] = await readTogether(ctx, [
      () => this.connection.getRepository(ctx, Indicator).find({ order: { code: 'ASC' } }),
      () => this.connection.getRepository(ctx, OrgUnit).find({ order: { code: 'ASC' } }),
    ]);
    const lookup = createCatalogLookup(
      indicators.map((indicator, index) => ({
        id: index,
        code: indicator.code,
        unit: indicator.unit,
        kind: indicator.kind,
        direction: indicator.direction,
        koladaId: indicator.koladaKpiId,
      })),
      units.map((unit, index): CatalogOrgUnit => ({
        id: index,
        code: unit.code,
        name: unit.name,
        // Local areas are not import targets yet; the validator's type list does not know them.
        type: unit.type as ImportOrgUnitType,
        koladaId: unit.koladaId,
        aliases: [...aliasesOf(unit), ...(EXTRA_ALIASES[unit.type] ?? [])],
      })),
    );
    return { lookup, indicatorIds: indicators.map((indicator) => indicator.id), orgUnitIds: units.map((unit) => unit.id) };
  }
}

/** `SAMLA – Vårdsamverkan Lerum Alingsås` is called `SAMLA` in every table. */
function aliasesOf(unit: OrgUnit): string[] {
  const short = unit.name.split(' – ')[0]?.trim();
  return short && short !== unit.name ? [short] : [];
}
