import {
  ACTIVITY_SHIFT_LABELS_SV, ACTIVITY_STATUS_LABELS_SV, ACTIVITY_STATUSES, type ActivityShift, type ActivityStatus,
} from '@arshjulet/templates';
import type { DelregionSummary, DeviationRow, FardplanActivity } from '../model/report-model.js';
import { ORGANISATION_FIELDS } from '../synthesis/synthesize.js';

/** A task of the cycle with its delregion and its latest revision's answers (null when nothing was submitted). */
export interface TaskRevisionRow {
  taskId: string;
  taskStatus: string;
  delregionCode: string;
  delregionName: string;
  revisionNumber: number | null;
  answers: Record<string, unknown> | null;
}

/**
 * One delregion's summary from its latest revision. Answers are stored as the template's field types give them
 * (text, number, yes/no, rows, activities, theme keys); anything else, or an empty text, reads as null.
 */
export function toDelregionSummary(row: TaskRevisionRow, themeLabels: Record<string, string>): DelregionSummary {
  const answers = row.answers ?? {};
  return {
    delregionCode: row.delregionCode,
    delregionName: row.delregionName,
    taskStatus: row.taskStatus,
    accepted: row.taskStatus === 'accepted',
    revisionNumber: row.revisionNumber,
    successes: text(answers.successes),
    challenges: text(answers.challenges),
    deviationsAnalysis: text(answers.deviations_analysis),
    deviations: list(answers.deviations_most_frequent).flatMap(deviation),
    activities: list(answers.roadmap_activities).flatMap(activity),
    annualReportLink: text(answers.annual_report_link),
    themes: [...new Set(list(answers.theme_tags).filter((key): key is string => typeof key === 'string'))].map((key) => ({ key, label: themeLabels[key] ?? key })),
    organisation: Object.fromEntries(ORGANISATION_FIELDS.map(({ key }) => [key, text(answers[key])])),
    decisionsFollowup: text(answers.previous_decisions_followup),
  };
}

function text(value: unknown): string | null {
  return typeof value === 'string' && value.trim() !== '' ? value : null;
}

function list(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [];
}

function deviation(value: unknown): DeviationRow[] {
  if (!value || typeof value !== 'object') return [];
  const row = value as Record<string, unknown>;
  const type = text(row.deviation_type);
  if (!type) return [];
  const count = typeof row.count === 'number' && Number.isFinite(row.count) ? row.count : null;
  return [{
    type: type.trim(),
    count,
    systemFlaw: typeof row.system_flaw === 'boolean' ? row.system_flaw : null,
    localMeasure: text(row.local_measure),
    regionalProposal: text(row.regional_proposal),
  }];
}

function activity(value: unknown): FardplanActivity[] {
  if (!value || typeof value !== 'object') return [];
  const row = value as Record<string, unknown>;
  const name = text(row.name);
  const shift = typeof row.shift === 'string' ? row.shift : '';
  const status = row.status as ActivityStatus;
  if (!name || !(ACTIVITY_STATUSES as readonly string[]).includes(status)) return [];
  return [{
    name,
    shift,
    shiftLabel: ACTIVITY_SHIFT_LABELS_SV[shift as ActivityShift] ?? shift,
    status,
    statusLabel: ACTIVITY_STATUS_LABELS_SV[status],
  }];
}
