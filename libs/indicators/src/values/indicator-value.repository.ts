import { Injectable } from '@nestjs/common';
import type { RequestContext } from '@arshjulet/core';
import { TransactionalConnection } from '@arshjulet/db';
import { Indicator } from '../catalogue/indicator.entity.js';
import type { Period } from '../period/period.js';

export interface ValueFilter {
  indicatorId?: string;
  orgUnitId?: string;
  /** By business key, resolved inside the statement (an unknown code simply matches nothing). */
  indicatorCode?: string;
  orgUnitCode?: string;
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

/** One figure of an indicator page or comparison, with its period. */
export type PeriodFigure = UnitFigure & { period: string; status: string };

/** What one indicator's comparison (and page) is built from, read in one statement. */
export interface IndicatorFigures {
  indicator: Indicator;
  /** The period compared: the chosen one, else the latest with a county or nation figure; null when none. */
  period: string | null;
  /** Every period with figures, newest first (by end, then the longer first); only when asked for the table. */
  periods: string[];
  /**
   * The figures of the compared period, the county's figure of the period right before it (same kind, ending the
   * day before it starts), and with the table every figure of the (at most `tablePeriods`) periods of the same
   * kind up to the compared one.
   */
  figures: PeriodFigure[];
}

/** The list counts its matches up to this many; beyond it, `total` is this number and `totalExact` false. */
export const TOTAL_CAP = 10_000;

export interface ValuePage {
  rows: ValueRow[];
  /** Exact when `totalExact`; otherwise `TOTAL_CAP`, and there are more matches than that. */
  total: number;
  totalExact: boolean;
  /** Another page follows this one. */
  hasMore: boolean;
}

function boundedTotal(counted: number): { total: number; totalExact: boolean } {
  return counted > TOTAL_CAP ? { total: TOTAL_CAP, totalExact: false } : { total: counted, totalExact: true };
}

/** Stable: a page never shows a row twice or skips one while the data stands still. */
const ORDER = 'ORDER BY i.code, o.code, v.period_start, v.period_end, v.breakdown, v.id';

/** Named queries over `indicator_value`. */
@Injectable()
export class IndicatorValueRepository {
  constructor(private readonly connection: TransactionalConnection) {}

  /**
   * One page, whether another follows, and a bounded total in one statement. The page is read one row long to tell
   * `hasMore` exactly; the total counts at most `TOTAL_CAP` + 1 matches (an uncorrelated scalar subquery, evaluated
   * once), so an unfiltered list no longer counts every figure in the table on each request (~28 ms of PostgreSQL
   * with ten years of data). Only a page past the end, which has no row to carry the total, costs a second statement.
   */
  async findPage(ctx: RequestContext, filter: ValueFilter, page: number, pageSize: number): Promise<ValuePage> {
    const { where, params } = whereClause(filter);
    const manager = this.connection.manager(ctx);
    const counted = `SELECT count(*)::int FROM (SELECT 1 FROM indicator_value v ${where} LIMIT ${TOTAL_CAP + 1}) capped`;
    const found = await this.connection.preparedQuery<ValueRow & { total_count: number }>(ctx,
      `SELECT page.*, (${counted}) AS total_count
         FROM (${SELECT_VALUES} ${where} ${ORDER} LIMIT $${params.length + 1} OFFSET $${params.length + 2}) page`,
      [...params, pageSize + 1, (page - 1) * pageSize],
    );
    if (found.length === 0 && page > 1) {
      const [{ total }] = await manager.query(`SELECT (${counted}) AS total`, params);
      return { rows: [], ...boundedTotal(total), hasMore: false };
    }
    const rows = found.slice(0, pageSize).map(({ total_count: _, ...row }) => row as ValueRow);
    return { rows, ...boundedTotal(found[0]?.total_count ?? 0), hasMore: found.length > pageSize };
  }

  /**
   * An indicator with the figures its comparison needs, by code, in one statement; null when no such indicator.
   * The catalogue row comes with the data, so it is never older than the figures it describes.
   */
  async indicatorFigures(
    ctx: RequestContext,
    code: string,
    breakdown: string,
    chosen: Period | null,
    tablePeriods: number,
    historyPeriods = 0,
  ): Promise<IndicatorFigures | null> {
    const rows: Array<{ indicator: Record<string, unknown>; period: string | null; periods: string[] | null; figures: PeriodFigure[] | null }> =
      await this.connection.preparedQuery(ctx, INDICATOR_FIGURES, [
        code, breakdown, chosen?.toString() ?? null, chosen?.kind ?? null, chosen?.start ?? null, chosen?.end ?? null, tablePeriods,
        historyPeriods,
      ]);
    if (rows.length === 0) return null;
    const [only] = rows;
    return {
      indicator: this.indicatorFromJson(only.indicator),
      period: only.period,
      periods: only.periods ?? [],
      figures: only.figures ?? [],
    };
  }

  /** `to_jsonb(indicator)` as the entity TypeORM would have loaded (column names, transformers, dates). */
  private indicatorFromJson(json: Record<string, unknown>): Indicator {
    const indicator = new Indicator();
    for (const column of this.connection.dataSource.getMetadata(Indicator).columns) {
      let value = json[column.databaseName] ?? null;
      if (value !== null && (column.type === 'timestamptz' || column.type === Date)) value = new Date(value as string);
      const transformer = column.transformer;
      if (transformer && !Array.isArray(transformer)) value = transformer.from(value);
      (indicator as unknown as Record<string, unknown>)[column.propertyName] = value;
    }
    return indicator;
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
  if (filter.indicatorCode !== undefined) add('v.indicator_id = (SELECT id FROM indicator WHERE code = ?)', filter.indicatorCode);
  if (filter.orgUnitCode !== undefined) add('v.org_unit_id = (SELECT id FROM org_unit WHERE code = ?)', filter.orgUnitCode);
  if (filter.period) add('v.period = ?', filter.period);
  if (filter.breakdown !== undefined) add('v.breakdown = ?', filter.breakdown);
  if (filter.fromDate) add('v.period_start >= ?', filter.fromDate);
  if (filter.toDate) add('v.period_end <= ?', filter.toDate);
  return { where: conditions.length ? `WHERE ${conditions.join(' AND ')}` : '', params };
}

/**
 * $1 code, $2 breakdown, $3–$6 the chosen period (text, kind, start, end) or nulls for the latest with a county or
 * nation figure, $7 how many periods the table shows (0: none, and no period list), $8 how many periods of the
 * county and nation to read for the chart over time (needs $7 > 0).
 * One row: the indicator, the compared period, the period list and the figures as JSON arrays (null when none); no
 * row when there is no such indicator. (One row per figure, each repeating the indicator and the period list, had
 * node-postgres parse those JSON values again for every figure: the page's largest cost in the app.)
 *
 * Period first: the compared period comes from the county's and nation's rows only (the latest of every unit only
 * when neither has one), and the figures are fetched per org unit by (indicator, unit, period, breakdown), the
 * unique index's own key, so the comparison never reads the indicator's whole history. The page's period list is
 * the one read of the whole history. Before, the compared period, the period list and the figures each read all of
 * it (7–13 ms of PostgreSQL per request with ten years of monthly figures).
 */
const INDICATOR_FIGURES = `
  WITH ind AS (SELECT * FROM indicator WHERE code = $1),
  target AS (
    SELECT $3::text AS period, $4::text AS period_kind, $5::date AS period_start, $6::date AS period_end
     WHERE $3::text IS NOT NULL
    UNION ALL
    (SELECT * FROM (
       (SELECT v.period, v.period_kind, v.period_start, v.period_end FROM indicator_value v
         WHERE $3::text IS NULL AND v.indicator_id = (SELECT id FROM ind) AND v.breakdown = $2
           AND v.org_unit_id IN (SELECT id FROM org_unit WHERE type IN ('county', 'nation'))
         ORDER BY v.period_end DESC, v.period_start ASC
         LIMIT 1)
       UNION ALL
       (SELECT v.period, v.period_kind, v.period_start, v.period_end FROM indicator_value v
         WHERE $3::text IS NULL AND v.indicator_id = (SELECT id FROM ind) AND v.breakdown = $2
         ORDER BY v.period_end DESC, v.period_start ASC
         LIMIT 1)
     ) latest LIMIT 1)
  ),
  periods AS (
    -- Hashed, then the few periods sorted (OFFSET 0 keeps the grouping below the sort): sorting the thousands of
    -- history rows to group them cost more than reading them.
    SELECT * FROM (
      SELECT period, period_kind, period_start, period_end FROM indicator_value
       WHERE $7::int > 0 AND indicator_id = (SELECT id FROM ind) AND breakdown = $2
       GROUP BY period, period_kind, period_start, period_end
      OFFSET 0) distinct_periods
     ORDER BY period_end DESC, period_start ASC
     LIMIT 200
  ),
  columns AS (
    SELECT p.period FROM periods p JOIN target t ON p.period_kind = t.period_kind AND p.period_end <= t.period_end
     ORDER BY p.period_end DESC, p.period_start ASC
     LIMIT $7::int
  ),
  history AS (
    SELECT p.period FROM periods p JOIN target t ON p.period_kind = t.period_kind AND p.period_end <= t.period_end
     ORDER BY p.period_end DESC, p.period_start ASC
     LIMIT $8::int
  ),
  county_previous AS (
    SELECT v.period FROM target t
      JOIN indicator_value v ON v.indicator_id = (SELECT id FROM ind) AND v.breakdown = $2 AND v.period_kind = t.period_kind
                            AND v.period_end = t.period_start - 1
     WHERE v.org_unit_id IN (SELECT id FROM org_unit WHERE type = 'county')
  ),
  wanted AS (
    SELECT ARRAY(SELECT period FROM target UNION SELECT period FROM columns) AS every_unit,
           ARRAY(SELECT period FROM history) AS county_and_nation,
           ARRAY(SELECT period FROM county_previous) AS county
  )
  SELECT to_jsonb(ind) AS indicator,
         (SELECT period FROM target) AS period,
         (SELECT json_agg(period ORDER BY period_end DESC, period_start ASC) FROM periods) AS periods,
         (SELECT json_agg(json_build_object(
                   'period', v.period, 'org_unit_id', o.id, 'code', o.code, 'name', o.name, 'type', o.type, 'parent_id', o.parent_id,
                   'value', v.value::text, 'derived', v.derived, 'status', v.status))
            FROM wanted w
            CROSS JOIN org_unit o
            JOIN indicator_value v ON v.indicator_id = ind.id AND v.org_unit_id = o.id AND v.breakdown = $2
             AND v.period = ANY (w.every_unit
               || CASE WHEN o.type IN ('county', 'nation') THEN w.county_and_nation ELSE '{}'::text[] END
               || CASE WHEN o.type = 'county' THEN w.county ELSE '{}'::text[] END)) AS figures
    FROM ind`;
