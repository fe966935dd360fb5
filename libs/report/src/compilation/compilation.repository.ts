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
  /**
   * What a compilation made earlier may have gone stale by: the cycle's version, the last import committed (chart
   * history before the snapshot is read live), and the last edit of the catalogue and of the org units.
   */
  freshness: string;
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

/** An org unit a compilation may name: the nation, the county, delregions, municipalities and hospitals. */
export interface CompiledUnitRow {
  id: string;
  code: string;
  name: string;
  type: 'nation' | 'county' | 'delregion' | 'municipality' | 'hospital';
  parentId: string | null;
  active: boolean;
}

/** One figure of the compilation (total breakdown); `compared` marks the indicator's compared period. */
export interface CompilationFigureRow {
  indicatorCode: string;
  orgUnitId: string;
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
      `SELECT id, year, name, data_periods AS "dataPeriods", launched_at AS "launchedAt", indicator_codes AS "indicatorCodes",
              concat_ws('|', version, (SELECT max(committed_at) FROM import_batch), (SELECT max(updated_at) FROM indicator),
                        (SELECT max(updated_at) FROM org_unit), (SELECT count(*) FROM org_unit)) AS freshness
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

  /** Every org unit of the compiled types, inactive ones too (a frozen figure may name one); by name. */
  units(ctx: RequestContext): Promise<CompiledUnitRow[]> {
    return this.connection.manager(ctx).query(
      `SELECT id, code, name, type, parent_id AS "parentId", active FROM org_unit
        WHERE type IN ('nation', 'county', 'delregion', 'municipality', 'hospital') ORDER BY name, code`,
    );
  }

  /**
   * The figures the compilation prints, in one statement. `frozen`: the cycle's snapshot (cycle_compilation_value);
   * otherwise the live figures of the same range [from, to] (a preview before launch). Per indicator the compared
   * period is the latest (by end, the longer first) with a county or nation (else hospital, else any) figure
   * starting on or after `dataStart`. Returned: every unit's figure of the compared period (`compared`), the
   * county's, nation's and hospitals' figures of the range (the series, the previous period, the hospitals'
   * quarters), and, for the charts' history, the county's and nation's figures before `from`, read live from
   * indicator_value: the snapshot only holds the compared range.
   *
   * Every read is an index probe per indicator × org unit (the snapshot's (cycle, indicator code, org unit code,
   * period) and indicator_value's (indicator, org unit, period)), so a 10-year monthly history costs what it returns.
   */
  figures(ctx: RequestContext, query: { cycleId: string; frozen: boolean; codes: string[]; from: string; to: string; dataStart: string }): Promise<CompilationFigureRow[]> {
    return this.connection.manager(ctx).query(FIGURES, [query.cycleId, query.frozen, query.codes, query.from, query.to, query.dataStart]);
  }
}

/** The figures of one indicator (c) and org unit (u) in the range, from the snapshot or live ($2); `extra` narrows them. */
const inRange = (extra: string) => `
      SELECT v.period, v.period_start, v.period_end, v.value, v.derived, v.status FROM cycle_compilation_value v
       WHERE $2::boolean AND v.cycle_id = $1::uuid AND v.indicator_code = c.code AND v.org_unit_code = u.code AND v.breakdown = '' ${extra}
      UNION ALL
      SELECT v.period, v.period_start, v.period_end, v.value, v.derived, v.status FROM indicator_value v
       WHERE NOT $2::boolean AND v.indicator_id = c.id AND v.org_unit_id = u.id AND v.breakdown = ''
         AND v.period_start >= $4::date AND v.period_end <= $5::date ${extra}`;

const FIGURES = `
  WITH codes AS (SELECT id, code FROM indicator WHERE code = ANY($3::varchar[])),
  units AS (SELECT id, code, type FROM org_unit WHERE type IN ('nation', 'county', 'delregion', 'municipality', 'hospital')),
  series AS MATERIALIZED (
    SELECT c.code, u.id AS unit_id, u.type, f.* FROM codes c JOIN units u ON u.type IN ('county', 'nation', 'hospital')
     CROSS JOIN LATERAL (${inRange('')}) f
  ),
  compared AS (
    SELECT DISTINCT ON (code) code, period FROM series
     WHERE period_start >= $6::date
     ORDER BY code, (type IN ('county', 'nation')) DESC, period_end DESC, period_start ASC
  ),
  chosen AS (
    SELECT code, period FROM compared
    UNION ALL
    SELECT c.code, f.period FROM codes c
     CROSS JOIN LATERAL (
       SELECT v.period, v.period_start, v.period_end FROM cycle_compilation_value v
        WHERE $2::boolean AND v.cycle_id = $1::uuid AND v.indicator_code = c.code AND v.breakdown = '' AND v.period_start >= $6::date
       UNION ALL
       SELECT v.period, v.period_start, v.period_end FROM indicator_value v
        WHERE NOT $2::boolean AND v.indicator_id = c.id AND v.breakdown = '' AND v.period_start >= $6::date AND v.period_end <= $5::date
       ORDER BY period_end DESC, period_start ASC LIMIT 1
     ) f
     WHERE NOT EXISTS (SELECT 1 FROM compared k WHERE k.code = c.code)
  )
  SELECT c.code AS "indicatorCode", u.id AS "orgUnitId", f.period, to_char(f.period_start, 'YYYY-MM-DD') AS "periodStart",
         f.value::float8 AS value, f.derived, f.status, true AS compared
    FROM chosen k JOIN codes c ON c.code = k.code CROSS JOIN units u
   CROSS JOIN LATERAL (${inRange('AND v.period = k.period')}) f
  UNION ALL
  SELECT s.code, s.unit_id, s.period, to_char(s.period_start, 'YYYY-MM-DD'), s.value::float8, s.derived, s.status, false
    FROM series s
   WHERE NOT EXISTS (SELECT 1 FROM chosen k WHERE k.code = s.code AND k.period = s.period)
     AND (s.type IN ('county', 'nation') OR s.period LIKE '%-Q_')
  UNION ALL
  SELECT c.code, u.id, h.period, to_char(h.period_start, 'YYYY-MM-DD'), h.value::float8, h.derived, h.status, false
    FROM codes c JOIN units u ON u.type IN ('county', 'nation')
    LEFT JOIN chosen k ON k.code = c.code
   CROSS JOIN LATERAL (
     SELECT v.period, v.period_start, v.value, v.derived, v.status FROM indicator_value v
      WHERE v.indicator_id = c.id AND v.org_unit_id = u.id AND v.breakdown = '' AND v.period_end < $4::date
        -- The county's every series (its run chart takes the finest); the nation's years and its compared kind only.
        AND (u.type = 'county' OR v.period_kind = 'year' OR v.period_kind = CASE
               WHEN k.period ~ '^[0-9]{4}$' THEN 'year' WHEN k.period LIKE '%-Q%' THEN 'quarter' WHEN k.period LIKE 'R12%' THEN 'rolling12' ELSE 'month' END)
   ) h`;
