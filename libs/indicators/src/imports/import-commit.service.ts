import { Inject, Injectable } from '@nestjs/common';
import type { RequestContext } from '@arshjulet/core';
import { AuditService } from '@arshjulet/audit';
import { TransactionalConnection } from '@arshjulet/db';
import { DerivedValuesService } from '../derived/derived-values.service.js';
import { IndicatorException } from '../indicator.exception.js';
import { ImportBatch } from './import-batch.entity.js';
import { ImportBatchRepository } from './import-batch.repository.js';
import { IMPORT_LIMITS, type ImportLimits } from './import-limits.js';
import { BULK_ROWS, countsOf } from './import-preview.service.js';

/**
 * Commit or discard of a previewed batch. A commit is one transaction: history rows for the figures it changes,
 * set-based writes of only the new and changed figures, the derived delregion and county
 * figures, the batch marked committed and the audit event. A batch with any rejected row is refused whole.
 */
@Injectable()
export class ImportCommitService {
  constructor(
    private readonly connection: TransactionalConnection,
    private readonly batches: ImportBatchRepository,
    private readonly derived: DerivedValuesService,
    private readonly audit: AuditService,
    @Inject(IMPORT_LIMITS) private readonly limits: ImportLimits,
  ) {}

  async commit(ctx: RequestContext, batchId: string): Promise<ImportBatch> {
    // Writing a million values takes ~30 s: the commit gets its own, explicit budget instead of the request's.
    return this.connection.withTransaction(ctx, async (tx) => {
      const batch = await this.openBatch(tx, batchId);
      if (batch.rejectedCount > 0) throw IndicatorException.batchHasRejections(batch.rejectedCount);
      await this.batches.lockCommits(tx);
      const staged = await this.batches.countStaged(tx, batch.id);
      if (staged !== batch.rowCount - batch.rejectedCount) throw IndicatorException.previewLost();

      await this.batches.archiveChangedValues(tx, batch.id);
      const written = await this.batches.writeStagedValues(tx, batch.id);
      if (written.inserted + written.updated >= BULK_ROWS) await this.batches.refreshStatistics(tx, 'indicator_value');
      const derived = await this.derived.recomputeForBatch(tx, batch.id);
      await this.batches.deleteStaged(tx, batch.id);

      const before = { status: batch.status, ...countsOf(batch) };
      // The counts now say what the commit did, which can differ from the preview if other imports came between.
      Object.assign(batch, {
        status: 'committed',
        insertCount: written.inserted,
        updateCount: written.updated,
        unchangedCount: staged - written.inserted - written.updated,
        derivedCount: derived.written + derived.removed,
        committedAt: new Date(),
        closedByLabel: tx.actor?.email ?? 'anonym',
      });
      const saved = await this.batches.save(tx, batch);
      await this.audit.record(tx, {
        action: 'indicator_import.committed',
        entityType: 'import_batch',
        entityId: saved.id,
        before,
        after: { status: saved.status, fileName: saved.fileName, checksum: saved.checksum, ...countsOf(saved), derivedRemoved: derived.removed },
      });
      return saved;
    }, { statementTimeoutMs: this.limits.commitStatementTimeoutMs });
  }

  async discard(ctx: RequestContext, batchId: string): Promise<ImportBatch> {
    return this.connection.withTransaction(ctx, async (tx) => {
      const batch = await this.openBatch(tx, batchId);
      await this.batches.deleteStaged(tx, batch.id);
      Object.assign(batch, { status: 'discarded', discardedAt: new Date(), closedByLabel: tx.actor?.email ?? 'anonym' });
      const saved = await this.batches.save(tx, batch);
      await this.audit.record(tx, {
        action: 'indicator_import.discarded',
        entityType: 'import_batch',
        entityId: saved.id,
        before: { status: 'previewed' },
        after: { status: saved.status, fileName: saved.fileName },
      });
      return saved;
    });
  }

  /** The batch locked for this transaction; a concurrent commit or discard waits, then finds it closed (409). */
  private async openBatch(tx: RequestContext, batchId: string): Promise<ImportBatch> {
    const batch = await this.batches.lockById(tx, batchId);
    if (!batch) throw IndicatorException.batchNotFound();
    if (batch.status !== 'previewed') throw IndicatorException.batchClosed(batch.status);
    return batch;
  }
}
