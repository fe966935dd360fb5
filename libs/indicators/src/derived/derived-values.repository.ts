import { Injectable } from '@nestjs/common';
import type { RequestContext } from '@arshjulet/core';
import { TransactionalConnection } from '@arshjulet/db';

export interface DerivedWriteResult {
  /** Derived figures inserted or changed. */
  written: number;
  /** Derived figures removed because their members no longer allow them (e.g. a member lost its numerator). */
  removed: number;
}

/**
 * The set-based twin of `deriveAggregate` (aggregate/derived-aggregate.util.ts), run inside PostgreSQL so a
 * million-row commit does not ship its municipality figures to Node and back. Same rules: only when every member
 * has a figure; counts are summed; every other unit is sum(numerator) / sum(denominator) × the unit's scale, and
 * only when every member has both; never an average of the members' values. A test holds the two to each other.
 */
const RECOMPUTE_SQL = `
WITH affected AS (
  SELECT DISTINCT s.indicator_id, s.period, s.breakdown
    FROM indicator_import_row s
    JOIN org_unit m ON m.id = s.org_unit_id AND m.type = 'municipality'
   WHERE s.batch_id = $1
),
members AS (
  SELECT d.id AS group_id, m.id AS member_id
    FROM org_unit d
    JOIN org_unit m ON m.parent_id = d.id AND m.type = 'municipality' AND m.active
   WHERE d.type = 'delregion' AND d.active
  UNION ALL
  SELECT c.id, m.id
    FROM org_unit c
    JOIN org_unit d ON d.parent_id = c.id AND d.type = 'delregion' AND d.active
    JOIN org_unit m ON m.parent_id = d.id AND m.type = 'municipality' AND m.active
   WHERE c.type = 'county' AND c.active
),
sizes AS (SELECT group_id, count(*)::int AS expected FROM members GROUP BY group_id),
candidates AS (
  SELECT a.indicator_id, a.period, a.breakdown, z.group_id, z.expected
    FROM affected a CROSS JOIN sizes z
   WHERE NOT EXISTS (
           SELECT 1 FROM indicator_value x
            WHERE x.indicator_id = a.indicator_id AND x.org_unit_id = z.group_id AND x.period = a.period
              AND x.breakdown = a.breakdown AND NOT x.derived)
),
agg AS (
  SELECT c.indicator_id, c.period, c.breakdown, c.group_id, c.expected, i.unit,
         count(*)::int AS present,
         count(*) FILTER (WHERE v.numerator IS NOT NULL AND v.denominator IS NOT NULL AND v.denominator <> 0)::int AS with_parts,
         sum(v.value) AS sum_value, sum(v.numerator) AS sum_numerator, sum(v.denominator) AS sum_denominator,
         min(v.period_kind) AS period_kind, min(v.period_start) AS period_start, min(v.period_end) AS period_end,
         bool_or(v.status = 'preliminary') AS preliminary
    FROM candidates c
    JOIN indicator i ON i.id = c.indicator_id
    JOIN members mb ON mb.group_id = c.group_id
    JOIN indicator_value v ON v.indicator_id = c.indicator_id AND v.org_unit_id = mb.member_id
                          AND v.period = c.period AND v.breakdown = c.breakdown
   GROUP BY c.indicator_id, c.period, c.breakdown, c.group_id, c.expected, i.unit
),
derivable AS (
  SELECT agg.*,
         CASE WHEN unit = 'count' THEN sum_value
              ELSE sum_numerator / sum_denominator * ($2::jsonb ->> unit)::numeric END AS value,
         CASE WHEN unit = 'count' THEN NULL ELSE sum_numerator END AS numerator,
         CASE WHEN unit = 'count' THEN NULL ELSE sum_denominator END AS denominator
    FROM agg
   WHERE present = expected
     AND (unit = 'count' OR (with_parts = expected AND $2::jsonb ? unit))
),
upserted AS (
  INSERT INTO indicator_value AS v
         (indicator_id, org_unit_id, period, period_kind, period_start, period_end, breakdown, value, numerator, denominator,
          status, note, derived, source_batch_id, version)
  SELECT indicator_id, group_id, period, period_kind, period_start, period_end, breakdown, value, numerator, denominator,
         CASE WHEN preliminary THEN 'preliminary' ELSE 'final' END, 'Beräknat från ' || expected || ' kommuner', true, $1, 1
    FROM derivable
  ON CONFLICT (indicator_id, org_unit_id, period, breakdown) DO UPDATE
     SET value = EXCLUDED.value, numerator = EXCLUDED.numerator, denominator = EXCLUDED.denominator, status = EXCLUDED.status,
         note = EXCLUDED.note, source_batch_id = EXCLUDED.source_batch_id, updated_at = now(), version = v.version + 1
   WHERE v.derived
     AND (v.value, v.numerator, v.denominator, v.status, v.note)
         IS DISTINCT FROM (EXCLUDED.value, EXCLUDED.numerator, EXCLUDED.denominator, EXCLUDED.status, EXCLUDED.note)
  RETURNING 1
),
removed AS (
  DELETE FROM indicator_value v
   USING candidates c
   WHERE v.derived AND v.indicator_id = c.indicator_id AND v.org_unit_id = c.group_id AND v.period = c.period
     AND v.breakdown = c.breakdown
     AND NOT EXISTS (SELECT 1 FROM derivable d
                      WHERE d.indicator_id = c.indicator_id AND d.group_id = c.group_id AND d.period = c.period
                        AND d.breakdown = c.breakdown)
  RETURNING 1
)
SELECT (SELECT count(*) FROM upserted)::int AS written, (SELECT count(*) FROM removed)::int AS removed`;

@Injectable()
export class DerivedValuesRepository {
  constructor(private readonly connection: TransactionalConnection) {}

  /** Recomputes the delregion and county figures of every indicator × period × breakdown the staged batch touches. */
  async recomputeForStagedBatch(ctx: RequestContext, batchId: string, unitScales: Record<string, number>): Promise<DerivedWriteResult> {
    const [row] = await this.connection.manager(ctx).query(RECOMPUTE_SQL, [batchId, JSON.stringify(unitScales)]);
    return row as DerivedWriteResult;
  }
}
