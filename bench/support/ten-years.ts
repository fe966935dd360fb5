import type { INestApplicationContext } from '@nestjs/common';
import { RequestContext } from '@arshjulet/core';
import { DemoCycleService } from '@arshjulet/cycle';
import { DemoSeedService } from '@arshjulet/indicators';
import { ReportService } from '@arshjulet/report';
import { DataSource } from 'typeorm';

export const FIRST_YEAR = 2016;
export const LAST_YEAR = 2025;

/**
 * SQL for a synthetic figure of indicator `i`, unit `o` and period start `p`: a level that follows the indicator's
 * unit, a deterministic wobble (a hash, so every run draws the same data) and a slow trend from `firstYear`.
 */
export function syntheticFigureSql(periodText: string, firstYear: number): string {
  const base = `CASE i.unit WHEN 'percent' THEN 60 WHEN 'per_100000' THEN 3000 WHEN 'per_1000' THEN 30 WHEN 'count' THEN 1200
                  WHEN 'days' THEN 6 WHEN 'years' THEN 42 WHEN 'ratio' THEN 1.3 ELSE 50 END`;
  return `round((${base}) * (0.85 + (abs(hashtext(i.code || o.code || ${periodText})) % 300) / 1000.0
       + 0.02 * (extract(year FROM p)::int - ${firstYear}))::numeric, 1)`;
}

/** The org units the synthetic figures are drawn for (hospitals have their own, quarterly). */
export const FIGURE_UNITS_SQL = `o.type IN ('nation', 'county', 'delregion', 'municipality') AND o.active`;

export interface TenYears {
  figures: number;
  /** Cycle id by year, FIRST_YEAR–LAST_YEAR. */
  cycles: Map<number, string>;
  tasks: number;
  reportVersions: number;
  seconds: number;
}

/**
 * The demo data scaled to ten years: the demo seed's figures, then yearly and monthly figures 2016–2025 for every
 * catalogue indicator × the nation, the county, the delregions and the municipalities (one INSERT … SELECT over
 * generate_series each, keeping the demo's own figures), then the demo cycle of each year 2016–2025 through the
 * real path (created, launched — the launch freezes that year's figures —, six tasks in mixed states with analyses
 * filled in, in the Act phase), and the county report: assembled once for LAST_YEAR through the report service,
 * its report and version copied to the nine earlier cycles by SQL (assembling ten would cost minutes).
 */
export async function seedTenYears(app: INestApplicationContext): Promise<TenYears> {
  const started = Date.now();
  const ctx = RequestContext.system('bench');
  const dataSource = app.get(DataSource);
  await app.get(DemoSeedService).seedIfEmpty(ctx);

  const value = (periodText: string) => syntheticFigureSql(periodText, FIRST_YEAR);
  const units = FIGURE_UNITS_SQL;
  let figures = 0;
  for (const [kind, step, label, length] of [
    ['year', '1 year', `to_char(p, 'YYYY')`, '1 year'],
    ['month', '1 month', `to_char(p, 'YYYY-MM')`, '1 month'],
  ] as const) {
    const [{ n }] = await dataSource.query(
      `WITH inserted AS (
         INSERT INTO indicator_value (indicator_id, org_unit_id, period, period_kind, period_start, period_end, value)
         SELECT i.id, o.id, ${label}, '${kind}', p::date, (p + interval '${length}' - interval '1 day')::date, ${value(label)}
         FROM indicator i CROSS JOIN org_unit o CROSS JOIN generate_series('${FIRST_YEAR}-01-01'::date, '${LAST_YEAR}-12-01', interval '${step}') p
         WHERE i.active AND ${units}
         ON CONFLICT DO NOTHING
         RETURNING 1)
       SELECT count(*)::int AS n FROM inserted`,
    );
    figures += n as number;
  }
  await dataSource.query('ANALYZE indicator_value');

  const cycles = new Map<number, string>();
  const demo = app.get(DemoCycleService);
  for (let year = FIRST_YEAR; year <= LAST_YEAR; year++) {
    // Mid-January of the next year is the cycle's Act phase: launched, tasks in mixed states, review overridden.
    await demo.seed(ctx, `${year + 1}-01-15`);
    const [{ id }] = await dataSource.query('SELECT id FROM cycle WHERE year = $1', [year]);
    cycles.set(year, id as string);
  }
  await dataSource.query('ANALYZE');

  const last = cycles.get(LAST_YEAR)!;
  await app.get(ReportService).assemble(ctx, last);
  const others = [...cycles.entries()].filter(([year]) => year !== LAST_YEAR).map(([, id]) => id);
  await dataSource.query(
    `INSERT INTO county_report (cycle_id, state, own_sections, version)
     SELECT c, r.state, r.own_sections, r.version FROM county_report r CROSS JOIN unnest($2::uuid[]) c WHERE r.cycle_id = $1`,
    [last, others],
  );
  await dataSource.query(
    `INSERT INTO report_version (report_id, number, state, preliminary, action, reason, html, model, created_by_id, created_at)
     SELECT n.id, v.number, v.state, v.preliminary, v.action, v.reason, v.html, v.model, v.created_by_id, v.created_at
     FROM report_version v JOIN county_report r ON r.id = v.report_id AND r.cycle_id = $1
     CROSS JOIN county_report n WHERE n.cycle_id = ANY($2::uuid[])`,
    [last, others],
  );
  const [{ tasks, versions }] = await dataSource.query(
    `SELECT (SELECT count(*) FROM analysis_task)::int AS tasks, (SELECT count(*) FROM report_version)::int AS versions`,
  );
  await dataSource.query('ANALYZE');
  return { figures, cycles, tasks, reportVersions: versions, seconds: (Date.now() - started) / 1000 };
}
