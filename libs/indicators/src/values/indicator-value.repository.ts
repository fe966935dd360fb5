import { Injectable } from '@nestjs/common';
import type { RequestContext } from '@arshjulet/core';
import { TransactionalConnection } from '@arshjulet/db';

export interface ValueFilter {
  indicatorId?: string;
  orgUnitId?: string;
  period?: string;
  breakdown?: string;
  /** Periods that start on or after this day. */
  fromDate?: string;
  /** Periods that end on or before this day. */
  toDate?: string;
}

/** One figure with the codes and names a reader needs. */
export interface ValueRow {
  id: string;
  indicator_code: string;
  indicator_name: string;
  unit: string;
  org_unit_code: string;
  org_unit_name: string;
  org_unit_type: string;
  period: string;
  period_kind: string;
  breakdown: string;
  value: string;
  numerator: string | null;
  denominator: string | null;
  status: string;
  note: string | null;
  derived: boolean;
  source_batch_id: string | null;
  updated_at: Date;
  version: number;
}

/** One org unit's figure for one indicator, period and breakdown, for comparisons. */
export interface UnitFigure {
  org_unit_id: string;
  code: string;
  name: string;
  type: string;
  parent_id: string | null;
  value: string;
  derived: boolean;
}

const SELECT_VALUES = `
  SELECT v.id, i.code AS indicator_code, i.name AS indicator_name, i.unit, o.code AS org_unit_code, o.name AS org_unit_name,
         o.type AS org_unit_type, v.period, v.period_kind, v.breakdown, v.value, v.numerator, v.denominator, v.status, v.note,
         v.derived, v.source_batch_id, v.updated_at, v.version
    FROM indicator_value v
    JOIN indicator i ON i.id = v.indicator_id
    JOIN org_unit o ON o.id = v.org_unit_id`;

/** Stable: a page never shows a row twice or skips one while the data stands still. */
const ORDER = 'ORDER BY i.code, o.code, v.period_start, v.period_end, v.breakdown, v.id';

/** Named queries over `indicator_value`. */
@Injectable()
export class IndicatorValueRepository {
  constructor(private readonly connection: TransactionalConnection) {}

  async findPage(ctx: RequestContext, filter: ValueFilter, page: number, pageSize: number): Promise<{ rows: ValueRow[]; total: number }> {
    const { where, params } = whereClause(filter);
    const manager = this.connection.manager(ctx);
    const rows: ValueRow[] = await manager.query(
      `${SELECT_VALUES} ${where} ${ORDER} LIMIT $${params.length + 1} OFFSET $${params.length + 2}`,
      [...params, pageSize, (page - 1) * pageSize],
    );
    const [{ total }] = await manager.query(`SELECT count(*)::int AS total FROM indicator_value v ${where}`, params);
    return { rows, total };
  }

  /**
   * Every matching figure in the list's order, fetched through a cursor so an export never sits in memory. The
   * query runs and the first rows are fetched before this resolves: an error then is still an error answer,
   * not a file cut off after its header.
   */
  async openStream(filter: ValueFilter, batchSize = 2000): Promise<AsyncGenerator<ValueRow>> {
    const { where, params } = whereClause(filter);
    const runner = this.connection.dataSource.createQueryRunner();
    const close = async () => {
      if (runner.isTransactionActive) await runner.rollbackTransaction();
      await runner.release();
    };
    let first: ValueRow[];
    try {
      await runner.connect();
      await runner.startTransaction('REPEATABLE READ');
      await runner.query(`DECLARE value_export NO SCROLL CURSOR FOR ${SELECT_VALUES} ${where} ${ORDER}`, params);
      first = await runner.query(`FETCH ${batchSize} FROM value_export`);
    } catch (error) {
      await close();
      throw error;
    }
    return (async function* rest(): AsyncGenerator<ValueRow> {
      try {
        let rows = first;
        while (rows.length > 0) {
          yield* rows;
          rows = await runner.query(`FETCH ${batchSize} FROM value_export`);
        }
        await runner.commitTransaction();
      } finally {
        // Also when the client hangs up (the stream is destroyed): the transaction and connection are given back.
        await close();
      }
    })();
  }

  /** Every org unit's figure for one indicator, period and breakdown. */
  async figuresFor(ctx: RequestContext, indicatorId: string, period: string, breakdown: string): Promise<UnitFigure[]> {
    return this.connection.manager(ctx).query(
      `SELECT v.org_unit_id, o.code, o.name, o.type, o.parent_id, v.value, v.derived
         FROM indicator_value v JOIN org_unit o ON o.id = v.org_unit_id
        WHERE v.indicator_id = $1 AND v.period = $2 AND v.breakdown = $3`,
      [indicatorId, period, breakdown],
    );
  }

  /** The latest period with a county or nation figure (the one a comparison is about), else any figure. */
  async latestPeriod(ctx: RequestContext, indicatorId: string, breakdown: string): Promise<string | null> {
    const [row] = await this.connection.manager(ctx).query(
      `SELECT v.period
         FROM indicator_value v JOIN org_unit o ON o.id = v.org_unit_id
        WHERE v.indicator_id = $1 AND v.breakdown = $2
        ORDER BY (o.type IN ('county', 'nation')) DESC, v.period_end DESC, v.period_start ASC
        LIMIT 1`,
      [indicatorId, breakdown],
    );
    return (row as { period: string } | undefined)?.period ?? null;
  }

  /** The periods an indicator has figures for, newest first (by end, then the longer period first). */
  async periodsFor(ctx: RequestContext, indicatorId: string, breakdown: string, limit = 200): Promise<string[]> {
    const rows: Array<{ period: string }> = await this.connection.manager(ctx).query(
      `SELECT period FROM indicator_value
        WHERE indicator_id = $1 AND breakdown = $2
        GROUP BY period, period_start, period_end
        ORDER BY period_end DESC, period_start ASC
        LIMIT $3`,
      [indicatorId, breakdown, limit],
    );
    return rows.map((row) => row.period);
  }

  /** Every org unit's figure for one indicator in the given periods, for a table of units × periods. */
  async figuresForPeriods(ctx: RequestContext, indicatorId: string, periods: string[], breakdown: string): Promise<Array<UnitFigure & { period: string; status: string }>> {
    return this.connection.manager(ctx).query(
      `SELECT v.org_unit_id, o.code, o.name, o.type, o.parent_id, v.period, v.value, v.derived, v.status
         FROM indicator_value v JOIN org_unit o ON o.id = v.org_unit_id
        WHERE v.indicator_id = $1 AND v.period = ANY($2) AND v.breakdown = $3`,
      [indicatorId, periods, breakdown],
    );
  }

  async hasAny(ctx: RequestContext): Promise<boolean> {
    const rows: unknown[] = await this.connection.manager(ctx).query('SELECT 1 FROM indicator_value LIMIT 1');
    return rows.length > 0;
  }

  async countForIndicator(ctx: RequestContext, indicatorId: string): Promise<number> {
    const [row] = await this.connection.manager(ctx).query('SELECT count(*)::int AS n FROM indicator_value WHERE indicator_id = $1', [indicatorId]);
    return (row as { n: number }).n;
  }
}

function whereClause(filter: ValueFilter): { where: string; params: unknown[] } {
  const conditions: string[] = [];
  const params: unknown[] = [];
  const add = (sql: string, value: unknown) => {
    params.push(value);
    conditions.push(sql.replace('?', `$${params.length}`));
  };
  if (filter.indicatorId) add('v.indicator_id = ?', filter.indicatorId);
  if (filter.orgUnitId) add('v.org_unit_id = ?', filter.orgUnitId);
  if (filter.period) add('v.period = ?', filter.period);
  if (filter.breakdown !== undefined) add('v.breakdown = ?', filter.breakdown);
  if (filter.fromDate) add('v.period_start >= ?', filter.fromDate);
  if (filter.toDate) add('v.period_end <= ?', filter.toDate);
  return { where: conditions.length ? `WHERE ${conditions.join(' AND ')}` : '', params };
}
