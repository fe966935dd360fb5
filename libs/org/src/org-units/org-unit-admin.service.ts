import { Injectable } from '@nestjs/common';
import { NotFoundException, RequestContext, VersionConflictException } from '@arshjulet/core';
import { AuditService } from '@arshjulet/audit';
import { LockKeys, TransactionalConnection } from '@arshjulet/db';
import { mapOrgUnit, type OrgUnitResponseDto } from './dto/org-unit.dto.js';
import { OrgUnitHooks } from './org-unit-hooks.js';
import { OrgUnit } from './org-unit.entity.js';
import { OrgUnitErrorCode, OrgUnitException } from './org-unit.exception.js';
import { OrgUnitType } from './org-unit-type.js';

export interface OrgUnitChanges {
  name?: string;
  active?: boolean;
  /** The delregion a municipality moves to. */
  parentCode?: string;
}

/**
 * What an administrator does to the org-unit tree: rename, activate or deactivate, move a municipality to another
 * delregion. One transaction: the unit's row locked, checked against the version the caller read, saved with
 * `customizedAt` (so the reference file no longer overwrites it), audited, and the hooks (derived figures) run.
 */
@Injectable()
export class OrgUnitAdminService {
  constructor(
    private readonly connection: TransactionalConnection,
    private readonly hooks: OrgUnitHooks,
    private readonly audit: AuditService,
  ) {}

  async update(ctx: RequestContext, code: string, expectedVersion: number, changes: OrgUnitChanges): Promise<OrgUnit> {
    return this.connection.withTransaction(ctx, async (tx) => {
      // Before any row: a launch giving tasks to the active delregions waits for this (or this for it), never both at once.
      if (changes.active === false) await this.connection.manager(tx).query('SELECT pg_advisory_xact_lock($1)', [LockKeys.DelregionTasks]);
      const repository = this.connection.getRepository(tx, OrgUnit);
      const unit = await repository.findOne({ where: { code }, lock: { mode: 'pessimistic_write' } });
      if (!unit) throw new NotFoundException('org_unit.not_found', `Organisationsenheten ${code} finns inte.`);
      if (unit.version !== expectedVersion) throw new VersionConflictException(OrgUnitErrorCode.VersionConflict, await this.describe(tx, unit));

      const next: Partial<Pick<OrgUnit, 'name' | 'active' | 'parentId'>> = {};
      const name = changes.name?.trim();
      if (changes.name !== undefined && !name) throw OrgUnitException.invalid('name', 'Ange ett namn.');
      if (name && name !== unit.name) next.name = name;

      let parent = unit.parentId ? await repository.findOneBy({ id: unit.parentId }) : null;
      const parentCode = changes.parentCode?.trim();
      if (parentCode && parentCode !== parent?.code) {
        parent = await this.lockedTarget(tx, unit, parentCode);
        next.parentId = parent.id;
      }
      if (changes.active !== undefined && changes.active !== unit.active) next.active = changes.active;
      if ((next.active ?? unit.active) && unit.type === OrgUnitType.Municipality && parent && !parent.active) {
        throw OrgUnitException.invalid(next.parentId ? 'parentCode' : 'active', `Delregionen ${parent.name} är inaktiverad: flytta kommunen till en aktiv delregion först.`);
      }
      if (next.active === false && unit.type === OrgUnitType.Delregion) await this.requireDeactivatable(tx, unit);
      if (Object.keys(next).length === 0) return unit;

      const before = await this.describe(tx, unit);
      const fromParentId = unit.parentId;
      await repository.update({ id: unit.id }, { ...next, customizedAt: () => 'now()', version: () => 'version + 1', updatedAt: () => 'now()' } as never);
      const saved = await repository.findOneByOrFail({ id: unit.id });
      const after = await this.describe(tx, saved);
      const changed = (Object.keys(after) as Array<keyof OrgUnitResponseDto>).filter((key) => after[key] !== before[key]);
      await this.audit.record(tx, {
        action: next.parentId ? 'org_unit.moved' : 'org_unit.updated',
        entityType: 'org_unit',
        entityId: unit.id,
        orgUnitId: unit.id,
        before: Object.fromEntries(changed.map((key) => [key, before[key]])),
        after: Object.fromEntries(changed.map((key) => [key, after[key]])),
      });
      if (next.parentId) await this.hooks.onMoved(tx, saved, fromParentId, saved.parentId);
      if (next.active !== undefined) await this.hooks.onActiveChanged(tx, saved);
      return saved;
    });
  }

  /** The API's view of a unit, its parent named by code (the 409's `current` and the audit's before/after). */
  async describe(ctx: RequestContext, unit: OrgUnit): Promise<OrgUnitResponseDto> {
    const parent = unit.parentId ? await this.connection.getRepository(ctx, OrgUnit).findOneBy({ id: unit.parentId }) : null;
    return mapOrgUnit(unit, new Map(parent ? [[parent.id, parent.code]] : []));
  }

  /** The delregion a municipality moves to, locked so a concurrent deactivation of it waits for this move (and sees it). */
  private async lockedTarget(ctx: RequestContext, unit: OrgUnit, parentCode: string): Promise<OrgUnit> {
    if (unit.type !== OrgUnitType.Municipality) {
      throw OrgUnitException.invalid('parentCode', `Bara en kommun kan flyttas till en annan delregion; ${unit.name} är ${article(unit.type)}.`);
    }
    const target = await this.connection.getRepository(ctx, OrgUnit).findOne({ where: { code: parentCode }, lock: { mode: 'pessimistic_write' } });
    if (!target) throw OrgUnitException.invalid('parentCode', `Det finns ingen delregion med koden ${parentCode}.`);
    if (target.type !== OrgUnitType.Delregion) {
      throw OrgUnitException.invalid('parentCode', `En kommun kan bara flyttas till en delregion; ${target.name} är ${article(target.type)}.`);
    }
    if (!target.active) throw OrgUnitException.invalid('parentCode', `Delregionen ${target.name} är inaktiverad.`);
    return target;
  }

  /**
   * A delregion is deactivated only when empty (its municipalities moved elsewhere first, so no figure or task is
   * left without a delregion), never the last one, and not while a hook objects (a task in a running cycle). The delregion rows are locked in one order, so two admins
   * deactivating two delregions at once cannot both count the other as still active.
   */
  private async requireDeactivatable(ctx: RequestContext, unit: OrgUnit): Promise<void> {
    const manager = this.connection.manager(ctx);
    const delregions: Array<{ id: string; active: boolean }> = await manager.query(
      `SELECT id, active FROM org_unit WHERE type = 'delregion' ORDER BY id FOR UPDATE`,
    );
    const [{ members }] = await manager.query(
      `SELECT count(*)::int AS members FROM org_unit WHERE parent_id = $1 AND type = 'municipality' AND active`,
      [unit.id],
    );
    if (members > 0) {
      throw OrgUnitException.invalid('active', `${unit.name} har ${members} aktiva kommuner. Flytta dem till en annan delregion innan delregionen inaktiveras.`);
    }
    if (!delregions.some((row) => row.active && row.id !== unit.id)) {
      throw OrgUnitException.invalid('active', 'Det måste finnas minst en aktiv delregion.');
    }
    // Libs above org (cycle: tasks in a running cycle) may object; the rows are locked, so what they count holds.
    const refusal = await this.hooks.deactivationRefusal(ctx, unit);
    if (refusal) throw OrgUnitException.invalid('active', refusal);
  }
}

const ARTICLES: Record<OrgUnitType, string> = {
  [OrgUnitType.Nation]: 'riket',
  [OrgUnitType.County]: 'ett län',
  [OrgUnitType.Delregion]: 'en delregion',
  [OrgUnitType.Municipality]: 'en kommun',
  [OrgUnitType.Hospital]: 'ett sjukhus',
  [OrgUnitType.LocalArea]: 'ett lokalt område',
};
const article = (type: OrgUnitType): string => ARTICLES[type];
