import { Injectable } from '@nestjs/common';
import type { RequestContext, TransitionInput } from '@arshjulet/core';
import { AuditService } from '@arshjulet/audit';
import { TransactionalConnection } from '@arshjulet/db';
import { TransitionRunner } from '@arshjulet/workflow';
import { ReportAssembler } from '../assembly/report-assembler.js';
import type { OwnSections, ReportModel } from '../model/report-model.js';
import { ReportRenderer } from '../render/report-renderer.js';
import { ReportException } from '../report.exception.js';
import type { CountyReport } from './county-report.entity.js';
import type { ReportVersion } from './report-version.entity.js';
import { type ReportCycle, ReportRepository } from './report.repository.js';
import { REPORT_MACHINE, type ReportAction, type ReportState, type ReportSubject } from './report-state.machine.js';

/** The own sections as stored now: what a conflict answers with, so the editor shows both texts. */
export interface CurrentOwnSections {
  version: number;
  ownSections: OwnSections;
  savedAt: string | null;
}

export interface ReportChange {
  report: CountyReport;
  /** The version the change froze (null for an own-sections save). */
  version: ReportVersion | null;
}

const EMPTY_SECTIONS: OwnSections = { conclusions: '', questions: '' };

/**
 * The county report's workflow: assemble a draft and freeze it as a version, the county coordinator's own sections
 * with optimistic locking, and the transitions of REPORT_MACHINE through the one TransitionRunner path. Every
 * version is rendered by the report lib's own renderer in the transaction that stores it.
 */
@Injectable()
export class ReportService {
  constructor(
    private readonly connection: TransactionalConnection,
    private readonly runner: TransitionRunner,
    private readonly reports: ReportRepository,
    private readonly assembler: ReportAssembler,
    private readonly renderer: ReportRenderer,
    private readonly audit: AuditService,
  ) {}

  /** The report's state, or null when nobody has assembled one for the cycle yet (for the feedback lib). */
  async state(ctx: RequestContext, cycleId: string): Promise<ReportState | null> {
    return (await this.reports.findByCycle(ctx, cycleId))?.state ?? null;
  }

  /** The latest frozen version with its model (the feedback lib checks its state), or null when there is none. */
  async versionForFeedback(ctx: RequestContext, cycleId: string): Promise<{ id: string; number: number; state: string; model: ReportModel } | null> {
    const report = await this.reports.findByCycle(ctx, cycleId);
    const latest = report ? await this.reports.latestVersion(ctx, report.id) : null;
    return latest ? { id: latest.id, number: latest.number, state: latest.state, model: latest.model } : null;
  }

  /** Assembles the draft from the figures and analyses as they are now and freezes it as the next version. */
  assemble(ctx: RequestContext, cycleId: string): Promise<ReportChange> {
    return this.connection.withTransaction(ctx, async (tx) => {
      await this.requireCycle(tx, cycleId);
      const report = await this.reports.lockOrCreate(tx, cycleId);
      if (report.state !== 'draft') throw ReportException.notDraft(REPORT_MACHINE.stateLabel(report.state));
      const number = await this.reports.nextNumber(tx, report.id);
      const model = await this.assembler.assemble(tx, cycleId, { ownSections: report.ownSections ?? EMPTY_SECTIONS, state: 'draft', versionNumber: number });
      const version = await this.freeze(tx, report, model, 'save', null);
      await this.audit.record(tx, {
        action: 'report.version_saved', entityType: 'county_report', entityId: report.id, after: { number: version.number, preliminary: version.preliminary },
      });
      return { report, version };
    });
  }

  /**
   * Saves the conclusions and the questions (Markdown) if the report is still at `expectedVersion` (0: no report
   * yet); otherwise 409 with what is stored now. Only a draft's sections change.
   */
  saveOwnSections(ctx: RequestContext, cycleId: string, expectedVersion: number, sections: OwnSections): Promise<ReportChange> {
    return this.connection.withTransaction(ctx, async (tx) => {
      await this.requireCycle(tx, cycleId);
      let report = await this.reports.lockByCycle(tx, cycleId);
      if (!report && expectedVersion === 0) {
        report = await this.reports.lockOrCreate(tx, cycleId);
        expectedVersion = report.version;
      }
      if (!report) throw ReportException.versionConflict({ version: 0, ownSections: EMPTY_SECTIONS, savedAt: null } satisfies CurrentOwnSections);
      if (report.version !== expectedVersion) throw ReportException.versionConflict(currentOf(report));
      if (report.state !== 'draft') throw ReportException.notDraft(REPORT_MACHINE.stateLabel(report.state));
      const clean: OwnSections = { conclusions: sections.conclusions.trim(), questions: sections.questions.trim() };
      if (!(await this.reports.saveOwnSections(tx, report.id, expectedVersion, clean))) throw ReportException.versionConflict(currentOf(report));
      await this.audit.record(tx, { action: 'report.own_sections_saved', entityType: 'county_report', entityId: report.id, after: { version: expectedVersion + 1 } });
      return { report: (await this.reports.findByCycle(tx, cycleId))!, version: null };
    });
  }

  /**
   * Takes `action` on the cycle's report and freezes the result as a version in the same transaction. Out of a
   * draft the report is assembled afresh (the guard reads whether it is preliminary); later steps carry forward
   * the model VVG reviewed, so what is approved and published is what was read.
   */
  async transition(ctx: RequestContext, cycleId: string, action: ReportAction, input: TransitionInput = {}, expectedVersion?: number): Promise<ReportChange> {
    let frozen: ReportVersion | null = null;
    const subject = await this.runner.run<ReportState, ReportAction, ReportSubject>(ctx, {
      machine: REPORT_MACHINE,
      entityType: 'county_report',
      action,
      input,
      expectedVersion,
      versionOf: (s) => s.report.version,
      load: async (tx) => {
        await this.requireCycle(tx, cycleId);
        const report = await this.reports.lockOrCreate(tx, cycleId);
        return { report, model: await this.modelFor(tx, report) };
      },
      stateOf: (s) => s.report.state,
      idOf: (s) => s.report.id,
      orgUnitOf: () => null,
      apply: async (tx, s, to, given) => {
        s.report.state = to;
        const report = await this.reports.save(tx, s.report);
        frozen = await this.freeze(tx, report, s.model, action, given.reason?.trim() || null);
        return { ...s, report };
      },
    });
    return { report: subject.report, version: frozen };
  }

  /** Actions the actor could take on the report now (for buttons and the API's allowedActions). */
  allowedActions(ctx: RequestContext, state: ReportState): ReportAction[] {
    return this.runner.allowedActions(ctx, REPORT_MACHINE, state, null);
  }

  private async modelFor(tx: RequestContext, report: CountyReport): Promise<ReportModel> {
    const latest = report.state === 'draft' ? null : await this.reports.latestVersion(tx, report.id);
    if (latest) return latest.model;
    return this.assembler.assemble(tx, report.cycleId, { ownSections: report.ownSections ?? EMPTY_SECTIONS, state: report.state, versionNumber: null });
  }

  /** Renders `model` as the report now stands and stores it as the next version (the caller holds the row lock). */
  private async freeze(tx: RequestContext, report: CountyReport, model: ReportModel, action: string, reason: string | null): Promise<ReportVersion> {
    const number = await this.reports.nextNumber(tx, report.id);
    const stamped: ReportModel = { ...model, state: report.state, versionNumber: number };
    return this.reports.addVersion(tx, {
      reportId: report.id,
      state: report.state,
      preliminary: stamped.preliminary,
      action,
      reason,
      html: this.renderer.html(stamped),
      model: stamped,
      createdById: tx.actor?.userId ?? null,
    });
  }

  private async requireCycle(ctx: RequestContext, cycleId: string): Promise<ReportCycle> {
    const cycle = await this.reports.cycleById(ctx, cycleId);
    if (!cycle) throw ReportException.cycleNotFound();
    return cycle;
  }
}

function currentOf(report: CountyReport): CurrentOwnSections {
  return { version: report.version, ownSections: report.ownSections ?? EMPTY_SECTIONS, savedAt: report.updatedAt ? new Date(report.updatedAt).toISOString() : null };
}
