import { Injectable } from '@nestjs/common';
import type { RequestContext } from '@arshjulet/core';
import { TransactionalConnection } from '@arshjulet/db';
import { Cycle } from './cycle.entity.js';

/** The org unit types a county compilation covers. */
const COMPILED_TYPES = ['nation', 'county', 'delregion', 'municipality', 'hospital'];

/**
 * The figures a launch freezes, as one FROM … WHERE for both the freeze and its preview: every in-scope figure of
 * the compiled org unit types whose period lies within [from, to]. Its four parameters start at `$first`.
 */
function compiledFigures(first: number): string {
  const [codes, types, from, to] = [0, 1, 2, 3].map((k) => `$${first + k}`);
  return `FROM indicator_value v
         JOIN indicator i ON i.id = v.indicator_id
         JOIN org_unit o ON o.id = v.org_unit_id
         WHERE i.code = ANY(${codes}::varchar[]) AND o.type = ANY(${types}::varchar[]) AND v.period_start >= ${from} AND v.period_end <= ${to}`;
}

const compiledFiguresParams = (cycle: Pick<Cycle, 'indicatorCodes'>, from: string, to: string) => [cycle.indicatorCodes, COMPILED_TYPES, from, to];

export interface FrozenCompilation {
  rows: number;
  batchIds: string[];
}

export interface TaskCounts {
  tasks: number;
  accepted: number;
}

/** The cycle's SQL, named by what it does (STYLE.md, "named queries behind a repository seam"). */
@Injectable()
export class CycleRepository {
  constructor(private readonly connection: TransactionalConnection) {}

  create(ctx: RequestContext, init: Partial<Cycle>): Promise<Cycle> {
    const repository = this.connection.getRepository(ctx, Cycle);
    return repository.save(repository.create(init));
  }

  save(ctx: RequestContext, cycle: Cycle): Promise<Cycle> {
    return this.connection.getRepository(ctx, Cycle).save(cycle);
  }

  findById(ctx: RequestContext, id: string): Promise<Cycle | null> {
    return this.connection.getRepository(ctx, Cycle).findOneBy({ id });
  }

  findByYear(ctx: RequestContext, year: number): Promise<Cycle | null> {
    return this.connection.getRepository(ctx, Cycle).findOneBy({ year });
  }

  /** The cycle, locked until the transaction ends: a second launch waits here and then sees it launched. */
  lockById(ctx: RequestContext, id: string): Promise<Cycle | null> {
    return this.connection.getRepository(ctx, Cycle).findOne({ where: { id }, lock: { mode: 'pessimistic_write' } });
  }

  page(ctx: RequestContext, filter: { status?: string; page: number; pageSize: number }): Promise<[Cycle[], number]> {
    return this.connection.getRepository(ctx, Cycle).findAndCount({
      where: filter.status ? { status: filter.status as Cycle['status'] } : {},
      order: { year: 'DESC' },
      skip: (filter.page - 1) * filter.pageSize,
      take: filter.pageSize,
    });
  }

  /** The newest `count` cycles, without counting them all (a start page needs no total). */
  newest(ctx: RequestContext, count: number): Promise<Cycle[]> {
    return this.connection.getRepository(ctx, Cycle).find({ order: { year: 'DESC' }, take: count });
  }

  /** Cycles whose work is under way (not draft, not closed): the ones the daily sweep and start pages look at. */
  findRunning(ctx: RequestContext): Promise<Cycle[]> {
    return this.connection
      .getRepository(ctx, Cycle)
      .createQueryBuilder('c')
      .where("c.status NOT IN ('draft', 'closed')")
      .orderBy('c.year', 'DESC')
      .getMany();
  }

  async countActiveDelregions(ctx: RequestContext): Promise<number> {
    const [row] = await this.connection.manager(ctx).query(`SELECT count(*)::int AS n FROM org_unit WHERE type = 'delregion' AND active`);
    return row.n;
  }

  async taskCounts(ctx: RequestContext, cycleId: string): Promise<TaskCounts> {
    const [row] = await this.connection
      .manager(ctx)
      .query(`SELECT count(*)::int AS tasks, count(*) FILTER (WHERE status = 'accepted')::int AS accepted FROM analysis_task WHERE cycle_id = $1`, [cycleId]);
    return row;
  }

  /** Active indicator codes, for a cycle created without an explicit scope. */
  async activeIndicatorCodes(ctx: RequestContext): Promise<string[]> {
    const rows: Array<{ code: string }> = await this.connection.manager(ctx).query('SELECT code FROM indicator WHERE active ORDER BY code');
    return rows.map((row) => row.code);
  }

  async unknownIndicatorCodes(ctx: RequestContext, codes: string[]): Promise<string[]> {
    const rows: Array<{ code: string }> = await this.connection
      .manager(ctx)
      .query('SELECT c AS code FROM unnest($1::varchar[]) AS c WHERE NOT EXISTS (SELECT 1 FROM indicator i WHERE i.code = c) ORDER BY c', [codes]);
    return rows.map((row) => row.code);
  }

  /**
   * Freezes the county compilation: every in-scope figure of the nation, the county, the delregions, the
   * municipalities and the hospitals whose period lies within [from, to], copied with its codes in ONE
   * INSERT … SELECT, which also reports the import batches the figures came from.
   */
  async freezeCompilation(ctx: RequestContext, cycle: Cycle, from: string, to: string): Promise<FrozenCompilation> {
    const [row] = await this.connection.manager(ctx).query(
      `WITH frozen AS (
         INSERT INTO cycle_compilation_value (cycle_id, indicator_id, indicator_code, org_unit_id, org_unit_code, org_unit_type,
           period, period_start, period_end, breakdown, value, numerator, denominator, status, derived, source_batch_id)
         SELECT $1, v.indicator_id, i.code, v.org_unit_id, o.code, o.type,
           v.period, v.period_start, v.period_end, v.breakdown, v.value, v.numerator, v.denominator, v.status, v.derived, v.source_batch_id
         ${compiledFigures(2)}
         RETURNING source_batch_id
       )
       SELECT count(*)::int AS rows,
              coalesce(array_agg(DISTINCT source_batch_id) FILTER (WHERE source_batch_id IS NOT NULL), '{}') AS "batchIds"
       FROM frozen`,
      [cycle.id, ...compiledFiguresParams(cycle, from, to)],
    );
    return { rows: row.rows, batchIds: row.batchIds };
  }

  /** How many figures {@link freezeCompilation} would copy now, in one COUNT over the same figures. */
  async countCompilation(ctx: RequestContext, cycle: Pick<Cycle, 'indicatorCodes'>, from: string, to: string): Promise<number> {
    const [row] = await this.connection.manager(ctx).query(`SELECT count(*)::int AS n ${compiledFigures(1)}`, compiledFiguresParams(cycle, from, to));
    return row.n;
  }

  /** Cycles by id in one statement (overviews). */
  findByIds(ctx: RequestContext, ids: string[]): Promise<Cycle[]> {
    return this.connection.getRepository(ctx, Cycle).createQueryBuilder('c').where('c.id = ANY(:ids)', { ids }).orderBy('c.year', 'DESC').getMany();
  }

  /** The frozen compilation of a cycle, as launched, in a stable order. */
  compilation(ctx: RequestContext, cycleId: string): Promise<CompilationRow[]> {
    return this.connection.manager(ctx).query(
      `SELECT indicator_code AS "indicatorCode", org_unit_code AS "orgUnitCode", org_unit_type AS "orgUnitType", period,
         to_char(period_start, 'YYYY-MM-DD') AS "periodStart", to_char(period_end, 'YYYY-MM-DD') AS "periodEnd", breakdown,
         value::float8 AS value, numerator::float8 AS numerator, denominator::float8 AS denominator, status, derived,
         source_batch_id AS "sourceBatchId"
       FROM cycle_compilation_value WHERE cycle_id = $1
       ORDER BY indicator_code, period_start, period_end, org_unit_type, org_unit_code, breakdown`,
      [cycleId],
    );
  }
}

export interface CompilationRow {
  indicatorCode: string;
  orgUnitCode: string;
  orgUnitType: string;
  period: string;
  periodStart: string;
  periodEnd: string;
  breakdown: string;
  value: number;
  numerator: number | null;
  denominator: number | null;
  status: string;
  derived: boolean;
  sourceBatchId: string | null;
}
