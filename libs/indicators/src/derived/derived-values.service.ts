import { Injectable } from '@nestjs/common';
import type { RequestContext } from '@arshjulet/core';
import { UNIT_SCALE } from '../format/indicator-unit.js';
import { DerivedValuesRepository, type DerivedWriteResult } from './derived-values.repository.js';

/**
 * Delregion and county figures derived from municipality figures, marked `derived`. Recomputed inside every
 * import commit for the indicator × period × breakdown keys the batch touched, so a reader never sees municipality
 * figures and their aggregates disagree; a figure imported for a delregion or the county always wins.
 */
@Injectable()
export class DerivedValuesService {
  constructor(private readonly repository: DerivedValuesRepository) {}

  async recomputeForBatch(ctx: RequestContext, batchId: string): Promise<DerivedWriteResult> {
    return this.repository.recomputeForStagedBatch(ctx, batchId, UNIT_SCALE as Record<string, number>);
  }

  /** After municipalities joined or left these delregions (an administrator moved or (de)activated one). */
  async recomputeForDelregions(ctx: RequestContext, delregionIds: string[]): Promise<DerivedWriteResult> {
    if (delregionIds.length === 0) return { written: 0, removed: 0 };
    return this.repository.recomputeForDelregions(ctx, delregionIds, UNIT_SCALE as Record<string, number>);
  }
}
