import { Inject, Injectable } from '@nestjs/common';
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
}

export interface ImportFileInput {
  source: ImportSource;
  fileName: string;
  format?: ImportFormat;
  sheet?: string | null;
  indicator?: string | null;
  onProgress?: (progress: ImportProgress) => void;
}

/**
 * Upload → preview: the file streams through its parser and the row validator straight into the staging table
 * (COPY), then one SQL statement classifies every staged row as insert, update or unchanged. All of it in one
 * transaction: a file that cannot be read leaves no batch and no staged row behind.
 */
@Injectable()
export class ImportPreviewService {
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
      open: (tap, maxBytes) => parseImportFile(format, tap.wrap(toAsyncIterable(file.source)), { ...options, maxBytes }),
    });
  }

  async preview(ctx: RequestContext, input: ImportInput): Promise<ImportBatch> {
    const catalog = await this.catalogLoader.load(ctx);
    let rowsRead = 0;
    const tap = new ByteTap((bytes) => input.onProgress?.({ bytes, rows: rowsRead }));
    const tally = emptyTally();
    try {
      return await this.connection.withTransaction(ctx, async (tx) => {
        const batch = await this.batches.create(tx, {
          status: 'previewed',
          format: input.format,
          fileName: input.fileName.slice(0, 500),
          sheet: input.sheet ?? null,
          indicatorCode: input.indicator ?? null,
          checksum: ''.padEnd(64, '0'),
          byteSize: 0,
          createdById: tx.actor?.userId ?? null,
          createdByLabel: tx.actor?.email ?? 'anonym',
        });
        const encoder = new StagedRowEncoder(batch.id, catalog);
        const rows = input.open(tap, this.limits.maxBytes);
        await this.batches.copyStagedRows(tx, stagedChunks(rows, catalog.lookup, encoder, tally, (t) => {
          rowsRead = t.rowCount;
        }));
        if (tally.validCount > VALIDATOR_WINDOW) {
          for (const { line, firstLine } of await this.batches.removeStagedDuplicates(tx, batch.id)) {
            addRejection(tally, { line, errors: [{ field: 'row', message: `Samma indikator, enhet, period och uppdelning finns redan på rad ${firstLine}.` }] });
          }
          tally.rejections.sort((a, b) => a.line - b.line || (a.column ?? 0) - (b.column ?? 0));
        }

        if (tally.validCount >= BULK_ROWS) await this.batches.refreshStatistics(tx, 'indicator_import_row');
        const counts = await this.batches.classifyStaged(tx, batch.id);
        Object.assign(batch, {
          checksum: tap.checksum(),
          byteSize: tap.byteSize,
          rowCount: tally.rowCount,
          insertCount: counts.inserts,
          updateCount: counts.updates,
          unchangedCount: counts.unchanged,
          rejectedCount: tally.rejectedCount,
          rejectedRows: tally.rejections,
          changes: counts.updates > 0 ? await this.batches.changeExamples(tx, batch.id, MAX_STORED_CHANGES) : [],
        });
        const saved = await this.batches.save(tx, batch);
        await this.audit.record(tx, {
          action: 'indicator_import.previewed',
          entityType: 'import_batch',
          entityId: saved.id,
          after: { fileName: saved.fileName, format: saved.format, checksum: saved.checksum, byteSize: saved.byteSize, ...countsOf(saved) },
        });
        return saved;
      });
    } catch (error) {
      if (error instanceof IndicatorImportException) throw IndicatorException.fromImportError(error);
      throw error;
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
