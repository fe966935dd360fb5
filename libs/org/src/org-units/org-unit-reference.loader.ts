import { join } from 'node:path';
import { Injectable, Logger } from '@nestjs/common';
import { projectRoot, readReferenceCsv, RequestContext } from '@arshjulet/core';
import { AuditService } from '@arshjulet/audit';
import { LockKeys, ReferenceSync, type ReferenceSyncResult, TransactionalConnection } from '@arshjulet/db';
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

export type ReferenceLoadResult = ReferenceSyncResult;

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
    const result = await this.connection.withTransaction(ctx, async (tx) => {
      const sync = await ReferenceSync.open(this.connection.getRepository(tx, OrgUnit), LockKeys.OrgUnitReference, (unit, before, after) =>
        this.audit.record(tx, { action: 'org_unit.reference_updated', entityType: 'org_unit', entityId: unit.id, before, after }),
      );
      // Parents come before children in the file; resolve codes as we go.
      for (const row of rows) {
        if (!ORG_UNIT_TYPES.includes(row.type as OrgUnitType)) throw new Error(`${file}: unknown org unit type "${row.type}" (${row.code})`);
        const parent = row.parent_code ? sync.find(row.parent_code) : null;
        if (row.parent_code && !parent) throw new Error(`${file}: parent "${row.parent_code}" of ${row.code} must come earlier`);
        await sync.apply(
          {
            type: row.type as OrgUnitType,
            code: row.code,
            name: row.name,
            parentId: parent?.id ?? null,
            koladaId: row.kolada_id || null,
            note: row.note || null,
          },
          { active: true },
        );
      }
      if (sync.result.inserted > 0) {
        await this.audit.record(tx, { action: 'org_unit.reference_loaded', entityType: 'org_unit', after: { ...sync.result } });
      }
      return sync.result;
    });
    if (result.inserted + result.updated > 0) this.logger.log(`org units: ${JSON.stringify(result)}`);
    return result;
  }
}
