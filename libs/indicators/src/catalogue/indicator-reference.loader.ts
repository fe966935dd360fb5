import { join } from 'node:path';
import { Injectable, Logger } from '@nestjs/common';
import { projectRoot, readReferenceCsv, RequestContext } from '@arshjulet/core';
import { AuditService } from '@arshjulet/audit';
import { TransactionalConnection } from '@arshjulet/db';
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

export interface IndicatorLoadResult {
  inserted: number;
  updated: number;
  unchanged: number;
  customized: number;
}

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
    const result: IndicatorLoadResult = { inserted: 0, updated: 0, unchanged: 0, customized: 0 };
    await this.connection.withTransaction(ctx, async (tx) => {
      const repository = this.connection.getRepository(tx, Indicator);
      const byCode = new Map((await repository.find()).map((indicator) => [indicator.code, indicator]));
      for (const values of wanted) {
        const existing = byCode.get(values.code);
        if (!existing) {
          await repository.save(repository.create({ ...values, description: null, koladaKpiId: null, active: true, customizedAt: null }));
          result.inserted++;
        } else if (existing.customizedAt) {
          result.customized++;
        } else if (Object.entries(values).some(([key, value]) => (existing as unknown as Record<string, unknown>)[key] !== value)) {
          const before = Object.fromEntries(Object.keys(values).map((key) => [key, (existing as unknown as Record<string, unknown>)[key]]));
          await repository.save(Object.assign(existing, values));
          await this.audit.record(tx, { action: 'indicator.reference_updated', entityType: 'indicator', entityId: existing.id, before, after: values });
          result.updated++;
        } else {
          result.unchanged++;
        }
      }
      if (result.inserted > 0) await this.audit.record(tx, { action: 'indicator.reference_loaded', entityType: 'indicator', after: { ...result } });
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
