import { Injectable } from '@nestjs/common';
import type { RequestContext } from '@arshjulet/core';
import { TransactionalConnection } from '@arshjulet/db';
import type { OwnSections, ReportModel } from '../model/report-model.js';
import { CountyReport } from './county-report.entity.js';
import { ReportVersion } from './report-version.entity.js';

/** The cycle a report belongs to, as the report lib needs it. */
export interface ReportCycle {
  id: string;
  year: number;
  name: string;
  status: string;
  launchedAt: Date | null;
}

/** A version without its (large) HTML and model: for lists. */
export interface VersionSummary {
  id: string;
  number: number;
  state: string;
  preliminary: boolean;
  action: string;
  reason: string | null;
  createdAt: Date;
  createdByName: string | null;
}

export interface PublishedSummary {
  year: number;
  cycleName: string;
  number: number;
  publishedAt: Date;
}

const SUMMARY_COLUMNS = `v.id, v.number, v.state, v.preliminary, v.action, v.reason, v.created_at AS "createdAt", u.name AS "createdByName"`;

/** Named queries of the county report and its frozen versions. */
@Injectable()
export class ReportRepository {
  constructor(private readonly connection: TransactionalConnection) {}

  async cycleById(ctx: RequestContext, id: string): Promise<ReportCycle | null> {
    const rows = await this.connection.manager(ctx).query(`SELECT id, year, name, status, launched_at AS "launchedAt" FROM cycle WHERE id = $1`, [id]);
    return (rows[0] as ReportCycle | undefined) ?? null;
  }

  async cycleByYear(ctx: RequestContext, year: number): Promise<ReportCycle | null> {
    const rows = await this.connection.manager(ctx).query(`SELECT id, year, name, status, launched_at AS "launchedAt" FROM cycle WHERE year = $1`, [year]);
    return (rows[0] as ReportCycle | undefined) ?? null;
  }

  findByCycle(ctx: RequestContext, cycleId: string): Promise<CountyReport | null> {
    return this.connection.getRepository(ctx, CountyReport).findOne({ where: { cycleId } });
  }

  lockByCycle(ctx: RequestContext, cycleId: string): Promise<CountyReport | null> {
    return this.connection.getRepository(ctx, CountyReport).findOne({ where: { cycleId }, lock: { mode: 'pessimistic_write' } });
  }

  /** The cycle's report, created as an empty draft the first time (two first writers make one row). */
  async lockOrCreate(ctx: RequestContext, cycleId: string): Promise<CountyReport> {
    await this.connection
      .manager(ctx)
      .query(`INSERT INTO county_report (cycle_id, state, version) VALUES ($1, 'draft', 1) ON CONFLICT (cycle_id) DO NOTHING`, [cycleId]);
    return (await this.lockByCycle(ctx, cycleId))!;
  }

  save(ctx: RequestContext, report: CountyReport): Promise<CountyReport> {
    return this.connection.getRepository(ctx, CountyReport).save(report);
  }

  /** Writes the own sections only if the row still has `expectedVersion`; false when someone saved in between. */
  async saveOwnSections(ctx: RequestContext, reportId: string, expectedVersion: number, sections: OwnSections): Promise<boolean> {
    const [, affected] = (await this.connection
      .manager(ctx)
      .query(`UPDATE county_report SET own_sections = $3, version = version + 1, updated_at = now() WHERE id = $1 AND version = $2`, [
        reportId, expectedVersion, JSON.stringify(sections),
      ])) as [unknown, number];
    return affected === 1;
  }

  /** Appends a frozen version (numbered after the last one; the caller holds the report's row lock). */
  async addVersion(
    ctx: RequestContext,
    input: { reportId: string; state: string; preliminary: boolean; action: string; reason: string | null; html: string; model: ReportModel; createdById: string | null },
  ): Promise<ReportVersion> {
    const number = await this.nextNumber(ctx, input.reportId);
    const repository = this.connection.getRepository(ctx, ReportVersion);
    return repository.save(repository.create({ ...input, number }));
  }

  async nextNumber(ctx: RequestContext, reportId: string): Promise<number> {
    const [row] = await this.connection.manager(ctx).query(`SELECT coalesce(max(number), 0) + 1 AS n FROM report_version WHERE report_id = $1`, [reportId]);
    return Number((row as { n: number }).n);
  }

  latestVersion(ctx: RequestContext, reportId: string, states?: readonly string[]): Promise<ReportVersion | null> {
    const query = this.connection.getRepository(ctx, ReportVersion).createQueryBuilder('v').where('v.report_id = :reportId', { reportId });
    if (states) query.andWhere('v.state IN (:...states)', { states });
    return query.orderBy('v.number', 'DESC').limit(1).getOne();
  }

  version(ctx: RequestContext, reportId: string, number: number): Promise<ReportVersion | null> {
    return this.connection.getRepository(ctx, ReportVersion).findOne({ where: { reportId, number } });
  }

  async versions(ctx: RequestContext, reportId: string): Promise<VersionSummary[]> {
    return this.connection
      .manager(ctx)
      .query(`SELECT ${SUMMARY_COLUMNS} FROM report_version v LEFT JOIN app_user u ON u.id = v.created_by_id WHERE v.report_id = $1 ORDER BY v.number DESC`, [reportId]);
  }

  /** Every published report, newest year first, with the version that published it. */
  async published(ctx: RequestContext): Promise<PublishedSummary[]> {
    return this.connection.manager(ctx).query(
      `SELECT c.year, c.name AS "cycleName", v.number, v.created_at AS "publishedAt"
         FROM county_report r JOIN cycle c ON c.id = r.cycle_id
         JOIN LATERAL (SELECT number, created_at FROM report_version WHERE report_id = r.id AND state = 'published' ORDER BY number DESC LIMIT 1) v ON true
        WHERE r.state = 'published' ORDER BY c.year DESC`,
    );
  }
}
