import { join } from 'node:path';
import { Injectable, Logger } from '@nestjs/common';
import { projectRoot, readReferenceCsv, RequestContext } from '@arshjulet/core';
import { AuditService } from '@arshjulet/audit';
import { LockKeys, ReferenceSync, type ReferenceSyncResult, TransactionalConnection } from '@arshjulet/db';
import { Indicator } from './indicator.entity.js';
import {
  INDICATOR_DIRECTIONS, INDICATOR_GROUPS, INDICATOR_KINDS, INDICATOR_UNITS,
  IndicatorDirection, IndicatorGroup, IndicatorKind, IndicatorUnit,
} from './indicator-vocabulary.js';

interface IndicatorReferenceRow {
  code: string;
  name_sv: string;
  group: string;
  area: string;
  kind: string;
  direction: string;
  unit: string;
  source: string;
  target: string;
  note: string;
}

export type IndicatorLoadResult = ReferenceSyncResult;

export const INDICATORS_FILE = (): string => join(projectRoot(), 'reference', 'indicators.csv');
/** Our own curated addition to the shared catalogue: the noun phrase of each indicator for generated sentences. */
export const INDICATOR_PHRASES_FILE = (): string => join(projectRoot(), 'reference', 'indicator-phrases.csv');

/** Loads the indicator catalogue; idempotent, and never overwrites an administrator's edits. */
@Injectable()
export class IndicatorReferenceLoader {
  private readonly logger = new Logger(IndicatorReferenceLoader.name);

  constructor(
    private readonly connection: TransactionalConnection,
    private readonly audit: AuditService,
  ) {}

  async load(ctx: RequestContext, file = INDICATORS_FILE(), phrasesFile = INDICATOR_PHRASES_FILE()): Promise<IndicatorLoadResult> {
    const rows = readReferenceCsv<keyof IndicatorReferenceRow>(file) as unknown as IndicatorReferenceRow[];
    const phrases = new Map(readReferenceCsv<'code' | 'phrase'>(phrasesFile).map((row) => [row.code, row.phrase]));
    const wanted = rows.map((row) => ({ ...toIndicator(row, file), phrase: phrases.get(row.code) || null }));
    const result = await this.connection.withTransaction(ctx, async (tx) => {
      const sync = await ReferenceSync.open(this.connection.getRepository(tx, Indicator), LockKeys.IndicatorReference, (indicator, before, after) =>
        this.audit.record(tx, { action: 'indicator.reference_updated', entityType: 'indicator', entityId: indicator.id, before, after }),
      );
      for (const values of wanted) await sync.apply(values, { description: null, koladaKpiId: null, active: true });
      if (sync.result.inserted > 0) await this.audit.record(tx, { action: 'indicator.reference_loaded', entityType: 'indicator', after: { ...sync.result } });
      return sync.result;
    });
    if (result.inserted + result.updated > 0) this.logger.log(`indicators: ${JSON.stringify(result)}`);
    return result;
  }
}

function toIndicator(row: IndicatorReferenceRow, file: string) {
  const check = <T extends string>(value: string, allowed: readonly T[], field: string): T => {
    if (!allowed.includes(value as T)) throw new Error(`${file}: ${row.code} has ${field} "${value}", expected one of ${allowed.join(', ')}`);
    return value as T;
  };
  return {
    code: row.code,
    name: row.name_sv,
    group: check<IndicatorGroup>(row.group, INDICATOR_GROUPS, 'group'),
    area: row.area || null,
    kind: check<IndicatorKind>(row.kind, INDICATOR_KINDS, 'kind'),
    direction: check<IndicatorDirection>(row.direction, INDICATOR_DIRECTIONS, 'direction'),
    unit: check<IndicatorUnit>(row.unit, INDICATOR_UNITS, 'unit'),
    source: row.source,
    target: row.target ? Number(row.target) : null,
    note: row.note || null,
  };
}
