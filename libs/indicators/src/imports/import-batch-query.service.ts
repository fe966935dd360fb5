import { Injectable } from '@nestjs/common';
import type { RequestContext } from '@arshjulet/core';
import { IndicatorException } from '../indicator.exception.js';
import { ImportBatch, type ImportBatchStatus } from './import-batch.entity.js';
import { ImportBatchRepository } from './import-batch.repository.js';

export interface ImportBatchReport {
  batch: ImportBatch;
  /** A committed batch with exactly the same file contents, if there is one. */
  sameFileAs: ImportBatch | null;
}

/** Reading batches: the list, and one batch's preview report. */
@Injectable()
export class ImportBatchQueryService {
  constructor(private readonly batches: ImportBatchRepository) {}

  async list(ctx: RequestContext, filter: { status?: ImportBatchStatus; page: number; pageSize: number }): Promise<[ImportBatch[], number]> {
    return this.batches.page(ctx, filter);
  }

  async report(ctx: RequestContext, id: string): Promise<ImportBatchReport> {
    const batch = await this.batches.findById(ctx, id);
    if (!batch) throw IndicatorException.batchNotFound();
    return this.withSameFile(ctx, batch);
  }

  async withSameFile(ctx: RequestContext, batch: ImportBatch): Promise<ImportBatchReport> {
    return { batch, sameFileAs: await this.batches.findCommittedByChecksum(ctx, batch.checksum, batch.id) };
  }
}
