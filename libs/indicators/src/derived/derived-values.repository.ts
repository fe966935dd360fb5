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
const recomputeSql = (affected: string, sizes: string, sourceBatch: string) => `
WITH affected AS (${affected}),
delregion_members AS (
  SELECT d.id AS group_id, m.id AS member_id
    FROM org_unit d
    JOIN org_unit m ON m.parent_id = d.id AND m.type = 'municipality' AND m.active
   WHERE d.type = 'delregion' AND d.active
),
county_delregions AS (
  SELECT c.id AS county_id, d.id AS delregion_id
    FROM org_unit c
    JOIN org_unit d ON d.parent_id = c.id AND d.type = 'delregion' AND d.active
   WHERE c.type = 'county' AND c.active
),
sizes AS (${sizes}
  UNION ALL
  SELECT c.county_id, count(*)::int FROM county_delregions c JOIN delregion_members m ON m.group_id = c.delregion_id GROUP BY c.county_id
),
-- Keys with at least one group whose figure was not imported: an imported delregion or county figure always wins,
-- so where every group has one there is nothing to derive (and nothing derived to remove).
open_keys AS (
  SELECT a.* FROM affected a
   WHERE EXISTS (
           SELECT 1 FROM sizes z
            WHERE NOT EXISTS (
                    SELECT 1 FROM indicator_value x
                     WHERE x.indicator_id = a.indicator_id AND x.org_unit_id = z.group_id AND x.period = a.period
                       AND x.breakdown = a.breakdown AND NOT x.derived))
),
-- Driven from the members' figures (one hash join), not from every group × member pair; the county is summed from
-- its delregions' sums, each municipality belonging to exactly one delregion.
by_delregion AS (
  SELECT k.indicator_id, k.period, k.breakdown, mb.group_id,
         count(*)::int AS present,
         count(*) FILTER (WHERE v.numerator IS NOT NULL AND v.denominator IS NOT NULL AND v.denominator <> 0)::int AS with_parts,
         sum(v.value) AS sum_value, sum(v.numerator) AS sum_numerator, sum(v.denominator) AS sum_denominator,
         bool_or(v.status = 'preliminary') AS preliminary
    FROM open_keys k
    JOIN indicator_value v ON v.indicator_id = k.indicator_id AND v.period = k.period AND v.breakdown = k.breakdown
    JOIN delregion_members mb ON mb.member_id = v.org_unit_id
   GROUP BY k.indicator_id, k.period, k.breakdown, mb.group_id
),
agg AS (
  SELECT * FROM by_delregion
  UNION ALL
  SELECT b.indicator_id, b.period, b.breakdown, c.county_id, sum(b.present)::int, sum(b.with_parts)::int, sum(b.sum_value),
         sum(b.sum_numerator), sum(b.sum_denominator), bool_or(b.preliminary)
    FROM by_delregion b JOIN county_delregions c ON c.delregion_id = b.group_id
   GROUP BY b.indicator_id, b.period, b.breakdown, c.county_id
),
derivable AS (
  SELECT agg.*, k.period_kind, k.period_start, k.period_end, z.expected, i.unit,
         CASE WHEN i.unit = 'count' THEN sum_value
              ELSE sum_numerator / sum_denominator * ($2::jsonb ->> i.unit)::numeric END AS value,
         CASE WHEN i.unit = 'count' THEN NULL ELSE sum_numerator END AS numerator,
         CASE WHEN i.unit = 'count' THEN NULL ELSE sum_denominator END AS denominator
    FROM agg
    JOIN open_keys k ON k.indicator_id = agg.indicator_id AND k.period = agg.period AND k.breakdown = agg.breakdown
    JOIN sizes z ON z.group_id = agg.group_id
    JOIN indicator i ON i.id = agg.indicator_id
   WHERE present = z.expected
     AND (i.unit = 'count' OR (with_parts = z.expected AND $2::jsonb ? i.unit))
     AND NOT EXISTS (
           SELECT 1 FROM indicator_value x
            WHERE x.indicator_id = agg.indicator_id AND x.org_unit_id = agg.group_id AND x.period = agg.period
              AND x.breakdown = agg.breakdown AND NOT x.derived)
),
upserted AS (
  INSERT INTO indicator_value AS v
         (indicator_id, org_unit_id, period, period_kind, period_start, period_end, breakdown, value, numerator, denominator,
          status, note, derived, source_batch_id, version)
  SELECT indicator_id, group_id, period, period_kind, period_start, period_end, breakdown, value, numerator, denominator,
         CASE WHEN preliminary THEN 'preliminary' ELSE 'final' END, 'Beräknat från ' || expected || ' kommuner', true, ${sourceBatch}, 1
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
   USING open_keys k, sizes z
   WHERE v.indicator_id = k.indicator_id AND v.org_unit_id = z.group_id AND v.period = k.period AND v.breakdown = k.breakdown
     AND v.derived
     AND NOT EXISTS (SELECT 1 FROM derivable d
                      WHERE d.indicator_id = v.indicator_id AND d.group_id = v.org_unit_id AND d.period = v.period
                        AND d.breakdown = v.breakdown)
  RETURNING 1
)
SELECT (SELECT count(*) FROM upserted)::int AS written, (SELECT count(*) FROM removed)::int AS removed`;

/** $1 the batch: the keys its municipality rows touch, for every delregion and the county. */
const RECOMPUTE_SQL = recomputeSql(
  `SELECT DISTINCT s.indicator_id, s.period, s.breakdown, s.period_kind, s.period_start, s.period_end
     FROM indicator_import_row s
     JOIN org_unit m ON m.id = s.org_unit_id AND m.type = 'municipality'
    WHERE s.batch_id = $1`,
  `SELECT group_id, count(*)::int AS expected FROM delregion_members GROUP BY group_id`,
  '$1',
);

/**
 * $1 the delregions whose membership changed (a municipality moved, activated or deactivated): every key a member
 * or the delregion itself has a figure for, for those delregions (an emptied one too, so its derived figures go)
 * and the county. No batch triggered it, so `source_batch_id` is null.
 */
const RECOMPUTE_DELREGIONS_SQL = recomputeSql(
  `SELECT DISTINCT v.indicator_id, v.period, v.breakdown, v.period_kind, v.period_start, v.period_end
     FROM indicator_value v
     JOIN org_unit u ON u.id = v.org_unit_id
    WHERE (u.type = 'municipality' AND u.parent_id = ANY($1::uuid[])) OR (u.id = ANY($1::uuid[]) AND v.derived)`,
  `SELECT d.id AS group_id, count(m.member_id)::int AS expected
     FROM org_unit d LEFT JOIN delregion_members m ON m.group_id = d.id
    WHERE d.id = ANY($1::uuid[]) AND d.type = 'delregion'
    GROUP BY d.id`,
  'NULL::uuid',
);

@Injectable()
export class DerivedValuesRepository {
  constructor(private readonly connection: TransactionalConnection) {}

  /** Recomputes the delregion and county figures of every indicator × period × breakdown the staged batch touches. */
  async recomputeForStagedBatch(ctx: RequestContext, batchId: string, unitScales: Record<string, number>): Promise<DerivedWriteResult> {
    const [row] = await this.connection.manager(ctx).query(RECOMPUTE_SQL, [batchId, JSON.stringify(unitScales)]);
    return row as DerivedWriteResult;
  }

  /** Recomputes the figures of these delregions and the county after their membership changed. */
  async recomputeForDelregions(ctx: RequestContext, delregionIds: string[], unitScales: Record<string, number>): Promise<DerivedWriteResult> {
    const [row] = await this.connection.manager(ctx).query(RECOMPUTE_DELREGIONS_SQL, [delregionIds, JSON.stringify(unitScales)]);
    return row as DerivedWriteResult;
  }
}
