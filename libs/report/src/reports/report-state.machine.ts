import { StateMachine } from '@arshjulet/core';
import { Permission } from '@arshjulet/org';
import type { ReportModel } from '../model/report-model.js';
import type { CountyReport } from './county-report.entity.js';

export const REPORT_STATES = ['draft', 'in_review', 'feedback_given', 'approved', 'published'] as const;
export type ReportState = (typeof REPORT_STATES)[number];

export const REPORT_ACTIONS = ['send_to_review', 'give_feedback', 'revise', 'approve', 'publish'] as const;
export type ReportAction = (typeof REPORT_ACTIONS)[number];

export const REPORT_STATE_LABELS_SV: Record<ReportState, string> = {
  draft: 'Utkast',
  in_review: 'Under granskning',
  feedback_given: 'Återkoppling lämnad',
  approved: 'Godkänd',
  published: 'Publicerad',
};

export const REPORT_ACTION_LABELS_SV: Record<ReportAction, string> = {
  send_to_review: 'Skicka till granskning',
  give_feedback: 'Lämna återkoppling',
  revise: 'Arbeta om (tillbaka till utkast)',
  approve: 'Godkänn',
  publish: 'Publicera',
};

/** What the guards read: the report row and the model the transition would freeze. */
export interface ReportSubject {
  report: CountyReport;
  model: ReportModel;
}

function previewRefusal({ model }: ReportSubject): string | null {
  if (!model.preliminary) return null;
  const open = model.delregions.filter((d) => !d.accepted).length;
  return open > 0
    ? `Rapporten är preliminär: ${open} av ${model.delregions.length} analyser är inte godkända. Den kan bara vara ett utkast tills alla är godkända.`
    : 'Rapporten är preliminär: det finns inga godkända analyser. Den kan bara vara ett utkast.';
}

const manage = { permission: Permission.ReportManage, scope: 'none' } as const;

/**
 * The county report's table: the county coordinator sends a complete (not preliminary) draft to VVG, VVG gives
 * feedback and approves, the county coordinator publishes; a report under review or with feedback may go back to
 * draft with a reason. Every transition freezes a version (ReportService).
 */
export const REPORT_MACHINE = new StateMachine<ReportState, ReportAction, ReportSubject>('county_report', REPORT_STATES, REPORT_ACTIONS, [
  { from: ['draft'], action: 'send_to_review', to: 'in_review', ...manage, guard: previewRefusal, audit: 'report.sent_to_review' },
  { from: ['in_review'], action: 'give_feedback', to: 'feedback_given', permission: Permission.FeedbackWrite, scope: 'none', audit: 'report.feedback_given' },
  { from: ['in_review', 'feedback_given'], action: 'revise', to: 'draft', ...manage, requiresReason: true, audit: 'report.revised' },
  { from: ['feedback_given'], action: 'approve', to: 'approved', permission: Permission.DecisionRecord, scope: 'none', audit: 'report.approved' },
  { from: ['approved'], action: 'publish', to: 'published', ...manage, audit: 'report.published' },
], { states: REPORT_STATE_LABELS_SV, actions: REPORT_ACTION_LABELS_SV });
