import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { Injectable } from '@nestjs/common';
import type { RequestContext } from '@arshjulet/core';
import { LockKeys, TransactionalConnection } from '@arshjulet/db';
import { from as copyFrom } from 'pg-copy-streams';
import { ImportBatch, type ImportBatchStatus, type StoredChange } from './import-batch.entity.js';
import { STAGED_COLUMNS } from './staged-row.encoder.js';

export interface StagedClassification {
  inserts: number;
  updates: number;
  unchanged: number;
}

/** Joins a staged row `s` to the stored figure `v` with the same key. */
const SAME_KEY = 'v.indicator_id = s.indicator_id AND v.org_unit_id = s.org_unit_id AND v.period = s.period AND v.breakdown = s.breakdown';

/** A staged row differs from the stored figure (a derived figure replaced by an imported one counts as a change). */
const CHANGED = '(v.value, v.numerator, v.denominator, v.status, v.note, v.derived) IS DISTINCT FROM (s.value, s.numerator, s.denominator, s.status, s.note, false)';

/** The SQL of the import pipeline, named by what it does (see STYLE.md, "named queries behind a repository seam"). */
@Injectable()
export class ImportBatchRepository {
  constructor(private readonly connection: TransactionalConnection) {}

  async create(ctx: RequestContext, init: Partial<ImportBatch>): Promise<ImportBatch> {
    const repository = this.connection.getRepository(ctx, ImportBatch);
    return repository.save(repository.create(init));
  }

  async save(ctx: RequestContext, batch: ImportBatch): Promise<ImportBatch> {
    return this.connection.getRepository(ctx, ImportBatch).save(batch);
  }

  async findById(ctx: RequestContext, id: string): Promise<ImportBatch | null> {
    return this.connection.getRepository(ctx, ImportBatch).findOneBy({ id });
  }

  /** The batch, locked until the transaction ends: a second commit of it waits here and then sees it closed. */
  async lockById(ctx: RequestContext, id: string): Promise<ImportBatch | null> {
    return this.connection.getRepository(ctx, ImportBatch).findOne({ where: { id }, lock: { mode: 'pessimistic_write' } });
  }

  async page(ctx: RequestContext, filter: { status?: ImportBatchStatus; page: number; pageSize: number }): Promise<[ImportBatch[], number]> {
    return this.connection.getRepository(ctx, ImportBatch).findAndCount({
      where: filter.status ? { status: filter.status } : {},
      order: { createdAt: 'DESC', id: 'ASC' },
      skip: (filter.page - 1) * filter.pageSize,
      take: filter.pageSize,
      // The stored rejections can be a thousand rows: the list shows counts only.
      select: {
        id: true, status: true, format: true, fileName: true, sheet: true, indicatorCode: true, checksum: true, byteSize: true,
        createdById: true, createdByLabel: true, rowCount: true, insertCount: true, updateCount: true, unchangedCount: true,
        rejectedCount: true, derivedCount: true, createdAt: true, committedAt: true, discardedAt: true, closedByLabel: true,
        updatedAt: true, version: true,
      },
    });
  }

  /** The latest committed batch with the same file contents, if any (to tell the user). */
  async findCommittedByChecksum(ctx: RequestContext, checksum: string, exceptId: string): Promise<ImportBatch | null> {
    return this.connection
      .getRepository(ctx, ImportBatch)
      .createQueryBuilder('b')
      .select(['b.id', 'b.committedAt', 'b.fileName'])
      .where('b.checksum = :checksum AND b.status = :status AND b.id <> :exceptId', { checksum, status: 'committed', exceptId })
      .orderBy('b.committed_at', 'DESC')
      .limit(1)
      .getOne();
  }

  /**
   * One chunk of COPY text into the staging table, as its own short statement on a pooled connection (no
   * transaction stays open while the rest of the file is still arriving). `signal` cancels the COPY.
   */
  async copyStagedChunk(chunk: string, signal?: AbortSignal): Promise<void> {
    await this.connection.withConnection({ signal }, async (client) => {
      await pipeline(Readable.from([chunk]), client.query(copyFrom(`COPY indicator_import_row (${STAGED_COLUMNS.join(', ')}) FROM STDIN`)));
    });
  }

  /**
   * Fresh planner statistics after a bulk write. Without them PostgreSQL believes the staging table (or a table
   * that just grew by a million rows) is nearly empty and picks nested loops that take minutes instead of seconds.
   */
  async refreshStatistics(ctx: RequestContext, table: 'indicator_import_row' | 'indicator_value'): Promise<void> {
    await this.connection.manager(ctx).query(`ANALYZE ${table}`);
  }

  /**
   * Removes staged rows whose key an earlier line of the file already had (beyond what the row validator's window
   * caught), returning them with the first line, in file order.
   *
   * No join anywhere, so no statistics can turn it into a nested loop (stale ones once made it run for minutes):
   * one window pass over the batch's rows (a sort, O(n log n)), and the DELETE by row address (a TID scan).
   */
  async removeStagedDuplicates(ctx: RequestContext, batchId: string): Promise<Array<{ line: number; firstLine: number }>> {
    const rows: Array<{ line: number; first_line: number }> = await this.connection.manager(ctx).query(
      `WITH ranked AS (
         SELECT ctid AS row_address, line,
                first_value(line) OVER same_key AS first_line,
                row_number() OVER same_key AS nth
           FROM indicator_import_row
          WHERE batch_id = $1
         WINDOW same_key AS (PARTITION BY indicator_id, org_unit_id, period, breakdown ORDER BY seq)
       ),
       duplicates AS MATERIALIZED (
         SELECT row_address, line, first_line FROM ranked WHERE nth > 1
       ),
       removed AS (
         DELETE FROM indicator_import_row
          WHERE ctid = ANY (ARRAY(SELECT row_address FROM duplicates))
         RETURNING 1
       )
       SELECT line, first_line FROM duplicates ORDER BY line`,
      [batchId],
    );
    return rows.map((row) => ({ line: row.line, firstLine: row.first_line }));
  }

  async classifyStaged(ctx: RequestContext, batchId: string): Promise<StagedClassification> {
    const [row] = await this.connection.manager(ctx).query(
      `SELECT count(*) FILTER (WHERE v.id IS NULL)::int AS inserts,
              count(*) FILTER (WHERE v.id IS NOT NULL AND ${CHANGED})::int AS updates,
              count(*) FILTER (WHERE v.id IS NOT NULL AND NOT ${CHANGED})::int AS unchanged
         FROM indicator_import_row s
         LEFT JOIN indicator_value v ON ${SAME_KEY}
        WHERE s.batch_id = $1`,
      [batchId],
    );
    return row as StagedClassification;
  }

  async changeExamples(ctx: RequestContext, batchId: string, limit: number): Promise<StoredChange[]> {
    const rows: Array<Record<string, string | number>> = await this.connection.manager(ctx).query(
      `SELECT s.line, i.code AS indicator, o.code AS org_unit, s.period, s.breakdown, v.value AS old_value, s.value AS new_value
         FROM indicator_import_row s
         JOIN indicator_value v ON ${SAME_KEY}
         JOIN indicator i ON i.id = s.indicator_id
         JOIN org_unit o ON o.id = s.org_unit_id
        WHERE s.batch_id = $1 AND ${CHANGED}
        ORDER BY s.seq
        LIMIT $2`,
      [batchId, limit],
    );
    return rows.map((row) => ({
      line: Number(row.line),
      indicator: String(row.indicator),
      orgUnit: String(row.org_unit),
      period: String(row.period),
      breakdown: String(row.breakdown),
      oldValue: Number(row.old_value),
      newValue: Number(row.new_value),
    }));
  }

  async countStaged(ctx: RequestContext, batchId: string): Promise<number> {
    const [row] = await this.connection.manager(ctx).query('SELECT count(*)::int AS n FROM indicator_import_row WHERE batch_id = $1', [batchId]);
    return (row as { n: number }).n;
  }

  /** Serialises commits, so each history row holds the figure the commit really replaced. */
  async lockCommits(ctx: RequestContext): Promise<void> {
    await this.connection.manager(ctx).query('SELECT pg_advisory_xact_lock($1)', [LockKeys.ImportCommit]);
  }

  /** Keeps the current state of every figure the batch is about to change. */
  async archiveChangedValues(ctx: RequestContext, batchId: string): Promise<void> {
    await this.connection.manager(ctx).query(
      `INSERT INTO indicator_value_history
              (value_id, indicator_id, org_unit_id, period, breakdown, value, numerator, denominator, status, note, derived,
               source_batch_id, version, valid_from, replaced_by_batch_id)
       SELECT v.id, v.indicator_id, v.org_unit_id, v.period, v.breakdown, v.value, v.numerator, v.denominator, v.status, v.note,
              v.derived, v.source_batch_id, v.version, v.updated_at, $1
         FROM indicator_import_row s
         JOIN indicator_value v ON ${SAME_KEY}
        WHERE s.batch_id = $1 AND ${CHANGED}`,
      [batchId],
    );
  }

  /**
   * Writes the batch: changed figures updated in place (version + 1), new ones inserted, unchanged ones not
   * touched. Two plain statements rather than one INSERT … ON CONFLICT (no speculative insertion per row); safe
   * because every commit holds {@link lockCommits}, so no other writer can add a key between them.
   */
  async writeStagedValues(ctx: RequestContext, batchId: string): Promise<{ inserted: number; updated: number }> {
    const manager = this.connection.manager(ctx);
    const [, updated] = await manager.query(
      `UPDATE indicator_value v
          SET value = s.value, numerator = s.numerator, denominator = s.denominator, status = s.status, note = s.note,
              derived = false, source_batch_id = s.batch_id, updated_at = now(), version = v.version + 1
         FROM indicator_import_row s
        WHERE s.batch_id = $1 AND ${SAME_KEY} AND ${CHANGED}`,
      [batchId],
    );
    const [{ inserted }] = await manager.query(
      `WITH written AS (
         INSERT INTO indicator_value
                (indicator_id, org_unit_id, period, period_kind, period_start, period_end, breakdown, value, numerator, denominator,
                 status, note, derived, source_batch_id, version)
         SELECT s.indicator_id, s.org_unit_id, s.period, s.period_kind, s.period_start, s.period_end, s.breakdown, s.value,
                s.numerator, s.denominator, s.status, s.note, false, s.batch_id, 1
           FROM indicator_import_row s
          WHERE s.batch_id = $1 AND NOT EXISTS (SELECT 1 FROM indicator_value v WHERE ${SAME_KEY})
         RETURNING 1
       )
       SELECT count(*)::int AS inserted FROM written`,
      [batchId],
    );
    return { inserted, updated: Number(updated ?? 0) };
  }

  async deleteStaged(ctx: RequestContext, batchId: string): Promise<void> {
    await this.connection.manager(ctx).query('DELETE FROM indicator_import_row WHERE batch_id = $1', [batchId]);
  }
}
