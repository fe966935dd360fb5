import { Injectable, type OnModuleInit } from '@nestjs/common';
import type { RequestContext } from '@arshjulet/core';
import { AuditService } from '@arshjulet/audit';
import { type OrgUnit, type OrgUnitHook, OrgUnitHooks, OrgUnitType } from '@arshjulet/org';
import { ImportBatchRepository } from '../imports/import-batch.repository.js';
import { DerivedValuesService } from './derived-values.service.js';

/**
 * A municipality that moves to another delregion, or is (de)activated, changes what its delregions' (and the
 * county's) derived figures sum: they are recomputed in the org change's own transaction, one at a time with
 * import commits (their lock), so a reader never sees figures summed over the old membership.
 */
@Injectable()
export class OrgUnitDerivedHook implements OrgUnitHook, OnModuleInit {
  constructor(
    private readonly hooks: OrgUnitHooks,
    private readonly derived: DerivedValuesService,
    private readonly batches: ImportBatchRepository,
    private readonly audit: AuditService,
  ) {}

  onModuleInit(): void {
    this.hooks.register(this);
  }

  async onMoved(ctx: RequestContext, unit: OrgUnit, fromParentId: string | null, toParentId: string | null): Promise<void> {
    if (unit.type !== OrgUnitType.Municipality) return;
    await this.recompute(ctx, unit, [fromParentId, toParentId]);
  }

  async onActiveChanged(ctx: RequestContext, unit: OrgUnit): Promise<void> {
    if (unit.type === OrgUnitType.Municipality) await this.recompute(ctx, unit, [unit.parentId]);
    else if (unit.type === OrgUnitType.Delregion) await this.recompute(ctx, unit, [unit.id]);
  }

  private async recompute(ctx: RequestContext, unit: OrgUnit, delregionIds: Array<string | null>): Promise<void> {
    const ids = [...new Set(delregionIds.filter((id): id is string => id !== null))];
    await this.batches.lockCommits(ctx);
    const result = await this.derived.recomputeForDelregions(ctx, ids);
    if (result.written + result.removed > 0) {
      await this.audit.record(ctx, {
        action: 'indicator_value.derived_recomputed',
        entityType: 'org_unit',
        entityId: unit.id,
        orgUnitId: unit.id,
        after: { delregionIds: ids, written: result.written, removed: result.removed },
      });
    }
  }
}
