import { join } from 'node:path';
import { Injectable, Logger } from '@nestjs/common';
import { projectRoot, readReferenceCsv, RequestContext } from '@arshjulet/core';
import { AuditService } from '@arshjulet/audit';
import { TransactionalConnection } from '@arshjulet/db';
import { OrgUnit } from './org-unit.entity.js';
import { ORG_UNIT_TYPES, OrgUnitType } from './org-unit-type.js';

export interface OrgUnitReferenceRow {
  type: string;
  code: string;
  name: string;
  parent_code: string;
  kolada_id: string;
  note: string;
}

export interface ReferenceLoadResult {
  inserted: number;
  updated: number;
  unchanged: number;
  /** Rows left alone because an administrator has edited the unit. */
  customized: number;
}

export const ORG_UNITS_FILE = (): string => join(projectRoot(), 'reference', 'org-units.csv');

/**
 * Loads the org-unit tree from the project's reference file. Idempotent: a second run changes nothing,
 * and units an administrator has edited (`customizedAt`) are never overwritten.
 */
@Injectable()
export class OrgUnitReferenceLoader {
  private readonly logger = new Logger(OrgUnitReferenceLoader.name);

  constructor(
    private readonly connection: TransactionalConnection,
    private readonly audit: AuditService,
  ) {}

  async load(ctx: RequestContext, file = ORG_UNITS_FILE()): Promise<ReferenceLoadResult> {
    const rows = readReferenceCsv<keyof OrgUnitReferenceRow>(file) as unknown as OrgUnitReferenceRow[];
    const result: ReferenceLoadResult = { inserted: 0, updated: 0, unchanged: 0, customized: 0 };
    await this.connection.withTransaction(ctx, async (tx) => {
      const repository = this.connection.getRepository(tx, OrgUnit);
      const byCode = new Map((await repository.find()).map((unit) => [unit.code, unit]));
      // Parents come before children in the file; resolve codes as we go.
      for (const row of rows) {
        if (!ORG_UNIT_TYPES.includes(row.type as OrgUnitType)) throw new Error(`${file}: unknown org unit type "${row.type}" (${row.code})`);
        const parent = row.parent_code ? byCode.get(row.parent_code) : null;
        if (row.parent_code && !parent) throw new Error(`${file}: parent "${row.parent_code}" of ${row.code} must come earlier`);
        const wanted = {
          type: row.type as OrgUnitType,
          code: row.code,
          name: row.name,
          parentId: parent?.id ?? null,
          koladaId: row.kolada_id || null,
          note: row.note || null,
        };
        const existing = byCode.get(row.code);
        if (!existing) {
          const created = await repository.save(repository.create({ ...wanted, active: true, customizedAt: null }));
          byCode.set(created.code, created);
          result.inserted++;
        } else if (existing.customizedAt) {
          result.customized++;
        } else if (differs(existing, wanted)) {
          const before = pick(existing, Object.keys(wanted));
          Object.assign(existing, wanted);
          await repository.save(existing);
          await this.audit.record(tx, { action: 'org_unit.reference_updated', entityType: 'org_unit', entityId: existing.id, before, after: wanted });
          result.updated++;
        } else {
          result.unchanged++;
        }
      }
      if (result.inserted > 0) {
        await this.audit.record(tx, { action: 'org_unit.reference_loaded', entityType: 'org_unit', after: { ...result } });
      }
    });
    if (result.inserted + result.updated > 0) this.logger.log(`org units: ${JSON.stringify(result)}`);
    return result;
  }
}

function differs(existing: OrgUnit, wanted: Record<string, unknown>): boolean {
  return Object.entries(wanted).some(([key, value]) => (existing as unknown as Record<string, unknown>)[key] !== value);
}

function pick(entity: OrgUnit, keys: string[]): Record<string, unknown> {
  return Object.fromEntries(keys.map((key) => [key, (entity as unknown as Record<string, unknown>)[key]]));
}
