import { Injectable } from '@nestjs/common';
import type { RequestContext } from '@arshjulet/core';
import { TransactionalConnection } from '@arshjulet/db';

export interface CompilationCycleRow {
  id: string;
  year: number;
  name: string;
  dataPeriods: string[];
  launchedAt: Date | null;
  indicatorCodes: string[];
}

export interface CatalogueRow {
  code: string;
  name: string;
  unit: string;
  direction: 'higher' | 'lower' | 'none';
  target: number | null;
  phrase: string | null;
  group: string;
  area: string | null;
}

export interface MemberUnitRow {
  id: string;
  code: string;
  name: string;
  type: 'delregion' | 'municipality';
}

/** One figure of the compilation (total breakdown), with its org unit; `compared` marks the indicator's compared period. */
export interface CompilationFigureRow {
  indicatorCode: string;
  orgUnitId: string;
  orgUnitCode: string;
  orgUnitName: string;
  orgUnitType: string;
  parentId: string | null;
  period: string;
  periodStart: string;
  value: number;
  derived: boolean;
  status: string;
  compared: boolean;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * The compilation's reads, a fixed number of statements whatever the number of indicators: the cycle, the
 * catalogue rows of its indicators, the delregions and municipalities, and the figures.
 */
@Injectable()
export class CompilationRepository {
  constructor(private readonly connection: TransactionalConnection) {}

  async cycle(ctx: RequestContext, id: string): Promise<CompilationCycleRow | null> {
    if (!UUID.test(id)) return null;
    const [row] = await this.connection.manager(ctx).query(
      `SELECT id, year, name, data_periods AS "dataPeriods", launched_at AS "launchedAt", indicator_codes AS "indicatorCodes"
         FROM cycle WHERE id = $1`,
      [id],
    );
    return (row as CompilationCycleRow | undefined) ?? null;
  }

  catalogue(ctx: RequestContext, codes: string[]): Promise<CatalogueRow[]> {
    return this.connection.manager(ctx).query(
      `SELECT code, name, unit, direction, target::float8 AS target, phrase, "group", area
         FROM indicator WHERE code = ANY($1::varchar[]) ORDER BY code`,
      [codes],
    );
  }

  /** Active delregions and municipalities: each indicator lists every one of them, with null where a figure is missing. */
  memberUnits(ctx: RequestContext): Promise<MemberUnitRow[]> {
    return this.connection.manager(ctx).query(
      `SELECT id, code, name, type FROM org_unit WHERE type IN ('delregion', 'municipality') AND active ORDER BY name, code`,
    );
  }

  /**
   * The figures the compilation prints, in one statement. `frozen`: the cycle's snapshot (cycle_compilation_value);
   * otherwise the live figures of the same range [from, to] (a preview before launch). Per indicator the compared
   * period is the latest (by end, the longer first) with a county or nation figure starting on or after
   * `dataStart`, else the latest with any figure. Returned: every figure of the compared period (all unit types),
   * every county and nation figure (the series, the previous period), hospitals' quarters (their chart), and, for
   * the charts' history, the county and nation figures before `from`, read live from indicator_value: the
   * snapshot only holds the compared range.
   */
  figures(ctx: RequestContext, query: { cycleId: string; frozen: boolean; codes: string[]; from: string; to: string; dataStart: string }): Promise<CompilationFigureRow[]> {
    return this.connection.manager(ctx).query(FIGURES, [query.cycleId, query.frozen, query.codes, query.from, query.to, query.dataStart]);
  }
}

const FIGURES = `
  WITH snap AS (
    SELECT v.indicator_code AS code, v.org_unit_id, v.org_unit_code AS unit_code, v.org_unit_type AS type, v.period,
           v.period_start, v.period_end, v.value, v.derived, v.status
      FROM cycle_compilation_value v
     WHERE $2::boolean AND v.cycle_id = $1::uuid AND v.breakdown = ''
    UNION ALL
    SELECT i.code, v.org_unit_id, o.code, o.type, v.period, v.period_start, v.period_end, v.value, v.derived, v.status
      FROM indicator_value v
      JOIN indicator i ON i.id = v.indicator_id
      JOIN org_unit o ON o.id = v.org_unit_id
     WHERE NOT $2::boolean AND i.code = ANY($3::varchar[]) AND v.breakdown = ''
       AND o.type IN ('nation', 'county', 'delregion', 'municipality', 'hospital')
       AND v.period_start >= $4::date AND v.period_end <= $5::date
  ),
  compared AS (
    SELECT DISTINCT ON (code) code, period FROM snap
     WHERE period_start >= $6::date
     ORDER BY code, (type IN ('county', 'nation')) DESC, period_end DESC, period_start ASC
  )
  SELECT s.code AS "indicatorCode", s.org_unit_id AS "orgUnitId", s.unit_code AS "orgUnitCode", o.name AS "orgUnitName",
         s.type AS "orgUnitType", o.parent_id AS "parentId", s.period, to_char(s.period_start, 'YYYY-MM-DD') AS "periodStart",
         s.value::float8 AS value, s.derived, s.status, (c.period IS NOT NULL) AS compared
    FROM snap s
    JOIN org_unit o ON o.id = s.org_unit_id
    LEFT JOIN compared c ON c.code = s.code AND c.period = s.period
   WHERE c.period IS NOT NULL OR s.type IN ('county', 'nation') OR (s.type = 'hospital' AND s.period LIKE '%-Q_')
  UNION ALL
  SELECT i.code, v.org_unit_id, o.code, o.name, o.type, o.parent_id, v.period, to_char(v.period_start, 'YYYY-MM-DD'),
         v.value::float8, v.derived, v.status, false
    FROM indicator_value v
    JOIN indicator i ON i.id = v.indicator_id
    JOIN org_unit o ON o.id = v.org_unit_id
   WHERE i.code = ANY($3::varchar[]) AND o.type IN ('county', 'nation') AND v.breakdown = '' AND v.period_end < $4::date`;
