import { Injectable } from '@nestjs/common';
import type { RequestContext } from '@arshjulet/core';
import { AuditService } from '@arshjulet/audit';
import { CycleService } from '@arshjulet/cycle';
import { TransactionalConnection } from '@arshjulet/db';
import { AccessService, Permission } from '@arshjulet/org';
import { isReportSection, REPORT_STATE_LABELS_SV, type ReportModel, reportSections, ReportService, type ReportState } from '@arshjulet/report';
import { FeedbackException } from '../feedback.exception.js';
import { FeedbackCommentRepository, type FeedbackCommentRow } from './feedback-comment.repository.js';

/** Reviewers comment while the report is in review (or after they gave feedback, until it moves on). */
export const COMMENTABLE_STATES: readonly string[] = ['in_review', 'feedback_given'];

export interface FeedbackThread extends FeedbackCommentRow {
  answers: FeedbackCommentRow[];
}

export interface FeedbackSectionView {
  id: string;
  title: string;
  level: 1 | 2;
  comments: FeedbackThread[];
}

/** The report's comments as the reviewers see them: every section of the current version with its threads. */
export interface FeedbackView {
  cycleId: string;
  version: { id: string; number: number; state: string; stateLabel: string } | null;
  /** Reviewers may comment now (the report is in review or feedback was given). */
  open: boolean;
  sections: FeedbackSectionView[];
  /** Threads on sections the current version no longer has (kept, never lost). */
  elsewhere: FeedbackThread[];
}

const stateLabel = (state: string): string => REPORT_STATE_LABELS_SV[state as ReportState] ?? state;

/** VVG's comments on the sections of the county report, and the county coordinator's answers. */
@Injectable()
export class FeedbackService {
  constructor(
    private readonly connection: TransactionalConnection,
    private readonly cycles: CycleService,
    private readonly reports: ReportService,
    private readonly comments: FeedbackCommentRepository,
    private readonly access: AccessService,
    private readonly audit: AuditService,
  ) {}

  async list(ctx: RequestContext, cycleId: string): Promise<FeedbackView> {
    this.access.requirePermission(ctx, Permission.ReportRead);
    await this.cycles.get(ctx, cycleId);
    const version = await this.reports.versionForFeedback(ctx, cycleId);
    const rows = await this.comments.listForCycle(ctx, cycleId);
    return threadsBySection(cycleId, version, rows);
  }

  async comment(ctx: RequestContext, cycleId: string, input: { sectionId: string; body: string }): Promise<FeedbackCommentRow> {
    return this.connection.withTransaction(ctx, async (tx) => {
      this.access.requirePermission(tx, Permission.FeedbackWrite);
      await this.cycles.get(tx, cycleId);
      const version = await this.reports.versionForFeedback(tx, cycleId);
      if (!version || !COMMENTABLE_STATES.includes(version.state)) throw FeedbackException.notInReview(version ? stateLabel(version.state) : null);
      if (!isReportSection(version.model, input.sectionId)) throw FeedbackException.unknownSection();
      const id = await this.comments.create(tx, {
        cycleId, reportVersionId: version.id, reportVersionNumber: version.number, sectionId: input.sectionId, body: input.body, parentId: null, authorId: tx.actor?.userId ?? null,
      });
      await this.audit.record(tx, { action: 'feedback.comment_added', entityType: 'cycle', entityId: cycleId, orgUnitId: null, after: { commentId: id, sectionId: input.sectionId, reportVersion: version.number } });
      return (await this.comments.find(tx, cycleId, id))!;
    });
  }

  /** The county coordinator answers a reviewer's comment (on the version current now, in the comment's section). */
  async answer(ctx: RequestContext, cycleId: string, commentId: string, input: { body: string }): Promise<FeedbackCommentRow> {
    return this.connection.withTransaction(ctx, async (tx) => {
      this.access.requirePermission(tx, Permission.ReportManage);
      const parent = await this.comments.find(tx, cycleId, commentId);
      if (!parent) throw FeedbackException.commentNotFound();
      if (parent.parentId) throw FeedbackException.answerToAnswer();
      const version = await this.reports.versionForFeedback(tx, cycleId);
      const id = await this.comments.create(tx, {
        cycleId,
        reportVersionId: version?.id ?? parent.reportVersionId,
        reportVersionNumber: version?.number ?? parent.reportVersionNumber,
        sectionId: parent.sectionId,
        body: input.body,
        parentId: parent.id,
        authorId: tx.actor?.userId ?? null,
      });
      await this.audit.record(tx, { action: 'feedback.comment_answered', entityType: 'cycle', entityId: cycleId, orgUnitId: null, after: { commentId: id, answers: parent.id } });
      return (await this.comments.find(tx, cycleId, id))!;
    });
  }
}

/** Threads (comment + its answers) under the current version's sections, in the report's reading order. */
export function threadsBySection(
  cycleId: string,
  version: { id: string; number: number; state: string; model: ReportModel } | null,
  rows: FeedbackCommentRow[],
): FeedbackView {
  const threads = new Map<string, FeedbackThread>();
  for (const row of rows) if (!row.parentId) threads.set(row.id, { ...row, answers: [] });
  for (const row of rows) if (row.parentId) threads.get(row.parentId)?.answers.push(row);
  const sections = version ? reportSections(version.model).map((s) => ({ ...s, comments: [] as FeedbackThread[] })) : [];
  const byId = new Map(sections.map((s) => [s.id, s]));
  const elsewhere: FeedbackThread[] = [];
  for (const thread of threads.values()) {
    const section = byId.get(thread.sectionId);
    if (section) section.comments.push(thread);
    else elsewhere.push(thread);
  }
  return {
    cycleId,
    version: version ? { id: version.id, number: version.number, state: version.state, stateLabel: stateLabel(version.state) } : null,
    open: version !== null && COMMENTABLE_STATES.includes(version.state),
    sections,
    elsewhere,
  };
}
