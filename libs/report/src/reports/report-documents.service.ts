import { Injectable } from '@nestjs/common';
import type { RequestContext } from '@arshjulet/core';
import { AccessService, Permission } from '@arshjulet/org';
import { ReportAssembler } from '../assembly/report-assembler.js';
import type { CompilationModel, ReportModel } from '../model/report-model.js';
import { ReportRenderer } from '../render/report-renderer.js';
import { ReportException } from '../report.exception.js';
import type { CountyReport } from './county-report.entity.js';
import type { ReportDocument } from './report-format.js';
import { type PublishedSummary, type ReportCycle, ReportRepository, type VersionSummary } from './report.repository.js';
import { REPORT_MACHINE, type ReportState } from './report-state.machine.js';

export interface ReportOverview {
  cycle: ReportCycle;
  report: CountyReport | null;
  /** The versions the actor may read, newest first. */
  versions: VersionSummary[];
  canManage: boolean;
}

/** Who may read a version frozen in `state`: drafts are the county's own work; published reports are for everyone. */
export function permissionToRead(state: string): Permission {
  if (state === 'draft') return Permission.ReportManage;
  if (state === 'published') return Permission.ReportReadPublished;
  return Permission.ReportRead;
}

const fileBase = (kind: string, year: number, suffix = '') => `${kind}-${year}${suffix}`;

/** Reads of the report: its versions (each checked against who may read its state), the live preview, the compilation, published reports. */
@Injectable()
export class ReportDocuments {
  constructor(
    private readonly reports: ReportRepository,
    private readonly assembler: ReportAssembler,
    private readonly renderer: ReportRenderer,
    private readonly access: AccessService,
  ) {}

  async cycle(ctx: RequestContext, cycleId: string): Promise<ReportCycle> {
    const cycle = await this.reports.cycleById(ctx, cycleId);
    if (!cycle) throw ReportException.cycleNotFound();
    return cycle;
  }

  async cycleByYear(ctx: RequestContext, yearText: string | number): Promise<ReportCycle> {
    const year = Number(yearText);
    const cycle = Number.isInteger(year) && year >= 1900 && year <= 9999 ? await this.reports.cycleByYear(ctx, year) : null;
    if (!cycle) throw ReportException.cycleNotFound();
    return cycle;
  }

  async overview(ctx: RequestContext, cycleId: string): Promise<ReportOverview> {
    const cycle = await this.cycle(ctx, cycleId);
    const report = await this.reports.findByCycle(ctx, cycle.id);
    const versions = report ? (await this.reports.versions(ctx, report.id)).filter((v) => this.may(ctx, v.state)) : [];
    return { cycle, report, versions, canManage: this.access.hasPermission(ctx, Permission.ReportManage) };
  }

  /** One frozen version, if the actor may read its state (a draft's only the county's). */
  async version(ctx: RequestContext, cycleId: string, number: number): Promise<ReportDocument> {
    const cycle = await this.cycle(ctx, cycleId);
    const report = await this.reports.findByCycle(ctx, cycle.id);
    const version = report && Number.isSafeInteger(number) ? await this.reports.version(ctx, report.id, number) : null;
    if (!version) throw ReportException.versionNotFound();
    this.access.requirePermission(ctx, permissionToRead(version.state));
    return reportDocument(version.model, version.html, fileBase('lansrapport', cycle.year, `-v${version.number}`));
  }

  /** The newest version the actor may read: a manager sees the draft, a reviewer the latest sent to review. */
  async latest(ctx: RequestContext, cycleId: string): Promise<ReportDocument> {
    const cycle = await this.cycle(ctx, cycleId);
    const report = await this.reports.findByCycle(ctx, cycle.id);
    const readable = (['draft', 'in_review', 'feedback_given', 'approved', 'published'] as const).filter((state) => this.may(ctx, state));
    const latest = report && readable.length ? await this.reports.latestVersion(ctx, report.id, readable) : null;
    if (!latest) throw ReportException.notFound();
    return reportDocument(latest.model, latest.html, fileBase('lansrapport', cycle.year, `-v${latest.number}`));
  }

  /** The draft as it would be assembled now, not stored (ReportManage). */
  async preview(ctx: RequestContext, cycleId: string): Promise<ReportDocument> {
    this.access.requirePermission(ctx, Permission.ReportManage);
    const cycle = await this.cycle(ctx, cycleId);
    const report = await this.reports.findByCycle(ctx, cycle.id);
    const model = await this.assembler.assemble(ctx, cycle.id, {
      ownSections: report?.ownSections ?? { conclusions: '', questions: '' },
      state: report?.state ?? 'draft',
      versionNumber: null,
    });
    return reportDocument(model, null, fileBase('lansrapport', cycle.year, '-forhandsgranskning'), this.renderer);
  }

  /**
   * The county compilation: from the frozen snapshot once the cycle is launched (every cycle reader: delregions get
   * it at launch), before that a preview of live figures for the county coordinator only.
   */
  async compilation(ctx: RequestContext, cycleId: string): Promise<ReportDocument<CompilationModel>> {
    const cycle = await this.cycle(ctx, cycleId);
    if (!cycle.launchedAt) this.access.requirePermission(ctx, Permission.ReportManage);
    const model = await this.assembler.compilation(ctx, cycle.id);
    return { model, preliminary: false, fileName: fileBase('lanssammanstallning', cycle.year), html: () => this.renderer.compilationHtml(model) };
  }

  publishedList(ctx: RequestContext): Promise<PublishedSummary[]> {
    return this.reports.published(ctx);
  }

  /** The published report of a year (its latest published version). */
  async published(ctx: RequestContext, yearText: string | number): Promise<ReportDocument & { number: number }> {
    const year = Number(yearText);
    const cycle = Number.isInteger(year) && year >= 1900 && year <= 9999 ? await this.reports.cycleByYear(ctx, year) : null;
    const report = cycle ? await this.reports.findByCycle(ctx, cycle.id) : null;
    const version = report?.state === 'published' ? await this.reports.latestVersion(ctx, report.id, ['published']) : null;
    if (!cycle || !version) throw ReportException.notPublished();
    return { ...reportDocument(version.model, version.html, fileBase('lansrapport', cycle.year)), number: version.number };
  }

  stateLabel(state: ReportState): string {
    return REPORT_MACHINE.stateLabel(state);
  }

  private may(ctx: RequestContext, state: string): boolean {
    const permission = permissionToRead(state);
    // A published report is readable by its readers too, whatever their role table says about "published".
    return this.access.hasPermission(ctx, permission) || (state === 'published' && this.access.hasPermission(ctx, Permission.ReportRead));
  }
}

function reportDocument(model: ReportModel, html: string | null, fileName: string, renderer?: ReportRenderer): ReportDocument {
  return { model, preliminary: model.preliminary, fileName, html: () => html ?? renderer!.html(model) };
}
