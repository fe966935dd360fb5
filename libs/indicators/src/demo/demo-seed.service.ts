import { createReadStream, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { Injectable } from '@nestjs/common';
import { projectRoot, RequestContext } from '@arshjulet/core';
import { IndicatorException } from '../indicator.exception.js';
import type { ImportBatch } from '../imports/import-batch.entity.js';
import { ImportCommitService } from '../imports/import-commit.service.js';
import { ImportPreviewService } from '../imports/import-preview.service.js';
import { IndicatorValueRepository } from '../values/indicator-value.repository.js';

/** The demo files: figures quoted in the seed documents (see reference/demo/README.md). */
export const demoDirectory = (): string => join(projectRoot(), 'reference', 'demo');

export interface DemoSeedResult {
  file: string;
  /** `imported`: committed; `unchanged`: every value was already there, the preview was discarded. */
  outcome: 'imported' | 'unchanged';
  batch: ImportBatch;
}

/**
 * Demo data through the real import pipeline (preview, then commit) as the system user `demo`, so a fresh
 * install shows real figures. Idempotent: a second run previews every value as unchanged and saves nothing.
 */
@Injectable()
export class DemoSeedService {
  constructor(
    private readonly previews: ImportPreviewService,
    private readonly commits: ImportCommitService,
    private readonly values: IndicatorValueRepository,
  ) {}

  async seed(ctx: RequestContext = RequestContext.system('demo'), directory = demoDirectory()): Promise<DemoSeedResult[]> {
    const results: DemoSeedResult[] = [];
    for (const file of readdirSync(directory).filter((name) => name.endsWith('.csv')).sort()) {
      const preview = await this.previews.previewFile(ctx, { source: createReadStream(join(directory, file)), fileName: `demo/${file}` });
      if (preview.rejectedCount > 0) {
        await this.commits.discard(ctx, preview.id);
        throw IndicatorException.batchHasRejections(preview.rejectedCount);
      }
      if (preview.insertCount + preview.updateCount === 0) {
        results.push({ file, outcome: 'unchanged', batch: await this.commits.discard(ctx, preview.id) });
      } else {
        results.push({ file, outcome: 'imported', batch: await this.commits.commit(ctx, preview.id) });
      }
    }
    return results;
  }

  /** Seeds only a database without a single indicator value; null when it already had some. */
  async seedIfEmpty(ctx: RequestContext = RequestContext.system('demo')): Promise<DemoSeedResult[] | null> {
    if (await this.values.hasAny(ctx)) return null;
    return this.seed(ctx);
  }
}

/** One Swedish line per demo file, for the CLI and the start-up log. */
export function describeDemoSeed(results: DemoSeedResult[]): string[] {
  return results.map(({ file, outcome, batch }) =>
    outcome === 'imported'
      ? `${file}: importerad (${batch.insertCount} nya, ${batch.updateCount} ändrade värden).`
      : `${file}: oförändrad (alla ${batch.unchangedCount} värden fanns redan).`,
  );
}
