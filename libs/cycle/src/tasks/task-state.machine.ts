import { StateMachine } from '@arshjulet/core';
import { Permission } from '@arshjulet/org';
import type { AnalysisTask } from './analysis-task.entity.js';

export const TASK_STATUSES = ['not_started', 'in_progress', 'submitted', 'returned', 'accepted'] as const;
export type TaskStatus = (typeof TASK_STATUSES)[number];

export const TASK_ACTIONS = ['start', 'submit', 'accept', 'return', 'resume'] as const;
export type TaskAction = (typeof TASK_ACTIONS)[number];

export const TASK_STATUS_LABELS_SV: Record<TaskStatus, string> = {
  not_started: 'Inte påbörjad',
  in_progress: 'Pågår',
  submitted: 'Inlämnad',
  returned: 'Återsänd för komplettering',
  accepted: 'Godkänd',
};

export const TASK_ACTION_LABELS_SV: Record<TaskAction, string> = {
  start: 'Påbörja analysen',
  submit: 'Lämna in analysen',
  accept: 'Godkänn analysen',
  return: 'Återsänd för komplettering',
  resume: 'Återuppta arbetet',
};

/** What the guards read: the task and the status of its cycle. */
export interface TaskSubject {
  task: AnalysisTask;
  cycleStatus: string;
  cycleYear: number;
  delregionName: string;
}

/**
 * Tasks move while the delregions analyse and while the county reviews: a review started by override leaves
 * late analyses that may still come in and be accepted. From VVG's decision on, the analyses are final.
 */
const TASKS_OPEN_IN = ['analysis', 'review'];
const inAnalysis = ({ cycleStatus }: TaskSubject): string | null =>
  TASKS_OPEN_IN.includes(cycleStatus) ? null : 'Årshjulet är förbi analys och granskning; uppgiften kan inte ändras nu.';

const ownDelregion = { permission: Permission.AnalysisEdit, scope: 'delregion', guard: inAnalysis } as const;
const review = { permission: Permission.AnalysisReview, scope: 'none', guard: inAnalysis } as const;

/** The analysis task's table: the delregion works on its own task; the county accepts or returns it with a comment. */
export const TASK_MACHINE = new StateMachine<TaskStatus, TaskAction, TaskSubject>('task', TASK_STATUSES, TASK_ACTIONS, [
  { from: ['not_started'], action: 'start', to: 'in_progress', ...ownDelregion, audit: 'task.started' },
  { from: ['in_progress'], action: 'submit', to: 'submitted', ...ownDelregion, audit: 'task.submitted' },
  { from: ['submitted'], action: 'accept', to: 'accepted', ...review, audit: 'task.accepted' },
  { from: ['submitted'], action: 'return', to: 'returned', ...review, requiresReason: true, audit: 'task.returned' },
  { from: ['returned'], action: 'resume', to: 'in_progress', ...ownDelregion, audit: 'task.resumed' },
], { states: TASK_STATUS_LABELS_SV, actions: TASK_ACTION_LABELS_SV });
