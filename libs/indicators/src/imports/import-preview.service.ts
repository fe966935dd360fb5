import { randomUUID } from 'node:crypto';
import { Inject, Injectable, Logger } from '@nestjs/common';
import type { RequestContext } from '@arshjulet/core';
import { AuditService } from '@arshjulet/audit';
import { TransactionalConnection } from '@arshjulet/db';
import { IndicatorException } from '../indicator.exception.js';
import { IndicatorImportException } from '../parse/indicator-import.exception.js';
import type { ImportSource } from '../parse/import-source.js';
import type { RawIndicatorRow } from '../parse/raw-indicator-row.js';
import { ByteTap } from './byte-tap.js';
import { ImportBatch, MAX_STORED_CHANGES, type ImportFormat } from './import-batch.entity.js';
import { ImportBatchRepository } from './import-batch.repository.js';
import { ImportCatalogLoader } from './import-catalog.loader.js';
import { detectImportFormat, parseImportFile } from './import-file.parser.js';
import { IMPORT_LIMITS, type ImportLimits } from './import-limits.js';
import { addRejection, emptyTally, stagedChunks, VALIDATOR_WINDOW } from './staged-chunks.stream.js';
import { StagedRowEncoder } from './staged-row.encoder.js';

/** From this many rows on, a batch is big enough to change the query plans: statistics are refreshed. */
export const BULK_ROWS = 10_000;

export interface ImportProgress {
  bytes: number;
  rows: number;
}

/** Any input of the pipeline: something that, read through the tap, yields raw rows. */
export interface ImportInput {
  format: ImportFormat;
  fileName: string;
  sheet?: string | null;
  indicator?: string | null;
  open(tap: ByteTap, maxBytes: number): AsyncIterable<RawIndicatorRow>;
  onProgress?: (progress: ImportProgress) => void;
  /** Aborted when the client is gone: the preview stops and leaves nothing behind. */
  signal?: AbortSignal;
}

export interface ImportFileInput {
  source: ImportSource;
  fileName: string;
  format?: ImportFormat;
  sheet?: string | null;
  indicator?: string | null;
  onProgress?: (progress: ImportProgress) => void;
  /** Aborted when the client is gone: the preview stops and leaves nothing behind. */
  signal?: AbortSignal;
}

/**
 * Upload → preview, in steps that never keep a transaction open while waiting on someone else:
 * 1. the file (or Kolada's pages) streams through its parser and the row validator into the staging table, each
 *    chunk of rows its own short COPY;
 * 2. statistics are refreshed (ANALYZE) for a big batch, so the plans below stay linear;
 * 3. one short transaction removes far duplicates, classifies every staged row as insert, update or unchanged,
 *    and writes the batch with its audit event.
 * A file that cannot be read, a client that hangs up (`signal`: the running statement is cancelled) or any other
 * failure leaves no batch and no staged row behind.
 */
@Injectable()
export class ImportPreviewService {
  private readonly logger = new Logger(ImportPreviewService.name);

  constructor(
    private readonly connection: TransactionalConnection,
    private readonly batches: ImportBatchRepository,
    private readonly catalogLoader: ImportCatalogLoader,
    private readonly audit: AuditService,
    @Inject(IMPORT_LIMITS) private readonly limits: ImportLimits,
  ) {}

  get maxBytes(): number {
    return this.limits.maxBytes;
  }

  async previewFile(ctx: RequestContext, file: ImportFileInput): Promise<ImportBatch> {
    const format = detectImportFormat(file.fileName, file.format);
    const options = { sheet: file.sheet ?? undefined, indicator: file.indicator ?? undefined };
    return this.preview(ctx, {
      format,
      fileName: file.fileName,
      sheet: file.sheet,
      indicator: file.indicator,
      onProgress: file.onProgress,
      signal: file.signal,
      open: (tap, maxBytes) => parseImportFile(format, tap.wrap(toAsyncIterable(file.source)), { ...options, maxBytes, xlsx: this.limits.xlsx }),
    });
  }

  async preview(ctx: RequestContext, input: ImportInput): Promise<ImportBatch> {
    const { signal } = input;
    const catalog = await this.catalogLoader.load(ctx);
    let rowsRead = 0;
    const tap = new ByteTap((bytes) => input.onProgress?.({ bytes, rows: rowsRead }));
    const tally = emptyTally();
    const batchId = randomUUID();
    try {
      const encoder = new StagedRowEncoder(batchId, catalog);
      const rows = input.open(tap, this.limits.maxBytes);
      await this.stage(stagedChunks(rows, catalog.lookup, encoder, tally, (t) => {
        rowsRead = t.rowCount;
      }), signal);
      if (tally.validCount >= BULK_ROWS) {
        await this.connection.withTransaction(ctx, (tx) => this.batches.refreshStatistics(tx, 'indicator_import_row'), { signal });
      }
      return await this.connection.withTransaction(ctx, async (tx) => {
        if (tally.validCount > VALIDATOR_WINDOW) {
          for (const { line, firstLine } of await this.batches.removeStagedDuplicates(tx, batchId)) {
            addRejection(tally, { line, errors: [{ field: 'row', message: `Samma indikator, enhet, period och uppdelning finns redan på rad ${firstLine}.` }] });
          }
          tally.rejections.sort((a, b) => a.line - b.line || (a.column ?? 0) - (b.column ?? 0));
        }
        const counts = await this.batches.classifyStaged(tx, batchId);
        const batch = await this.batches.create(tx, {
          id: batchId,
          status: 'previewed',
          format: input.format,
          fileName: input.fileName.slice(0, 500),
          sheet: input.sheet ?? null,
          indicatorCode: input.indicator ?? null,
          checksum: tap.checksum(),
          byteSize: tap.byteSize,
          createdById: tx.actor?.userId ?? null,
          createdByLabel: tx.actor?.email ?? 'anonym',
          rowCount: tally.rowCount,
          insertCount: counts.inserts,
          updateCount: counts.updates,
          unchangedCount: counts.unchanged,
          rejectedCount: tally.rejectedCount,
          rejectedRows: tally.rejections,
          changes: counts.updates > 0 ? await this.batches.changeExamples(tx, batchId, MAX_STORED_CHANGES) : [],
        });
        await this.audit.record(tx, {
          action: 'indicator_import.previewed',
          entityType: 'import_batch',
          entityId: batch.id,
          after: { fileName: batch.fileName, format: batch.format, checksum: batch.checksum, byteSize: batch.byteSize, ...countsOf(batch) },
        });
        return batch;
      }, { signal });
    } catch (error) {
      await this.discardStaged(ctx, batchId);
      // A statement cancelled because the client hung up fails with "canceling statement"; say why instead.
      if (signal?.aborted) throw signal.reason;
      if (error instanceof IndicatorImportException) throw IndicatorException.fromImportError(error);
      throw error;
    }
  }

  /**
   * COPYs each chunk as it comes, one in flight while the next is parsed (PostgreSQL ingests on the other core).
   * Returns only once no COPY of this batch is running any more, also when it fails.
   */
  private async stage(chunks: AsyncIterable<string>, signal: AbortSignal | undefined): Promise<void> {
    let inFlight: Promise<void> = Promise.resolve();
    try {
      for await (const chunk of chunks) {
        await inFlight;
        signal?.throwIfAborted();
        inFlight = this.batches.copyStagedChunk(chunk, signal);
        // Observed by the next await; until then a failure must not count as unhandled.
        inFlight.catch(() => undefined);
      }
      await inFlight;
    } catch (error) {
      await inFlight.catch(() => undefined);
      throw error;
    }
  }

  /** The staged rows of a preview that did not finish; its batch row was never written. */
  private async discardStaged(ctx: RequestContext, batchId: string): Promise<void> {
    try {
      await this.batches.deleteStaged(ctx, batchId);
    } catch (error) {
      this.logger.warn({ err: error, batchId, requestId: ctx.requestId }, 'could not remove the staged rows of a failed preview');
    }
  }
}

export function countsOf(batch: ImportBatch): Record<string, number> {
  return {
    rowCount: batch.rowCount,
    insertCount: batch.insertCount,
    updateCount: batch.updateCount,
    unchangedCount: batch.unchangedCount,
    rejectedCount: batch.rejectedCount,
    derivedCount: batch.derivedCount,
  };
}

async function* toAsyncIterable(source: ImportSource): AsyncGenerator<Uint8Array | string> {
  if (typeof source === 'string' || source instanceof Uint8Array) {
    yield source;
    return;
  }
  yield* source;
}
