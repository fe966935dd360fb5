import { StateMachine, type TransitionDef } from '@arshjulet/core';
import { Permission } from '@arshjulet/org';
import type { Cycle } from './cycle.entity.js';
import { type CycleDates, isIsoDate } from './cycle-dates.js';

export const CYCLE_STATUSES = ['draft', 'planning', 'analysis', 'review', 'decision', 'closed'] as const;
export type CycleStatus = (typeof CYCLE_STATUSES)[number];

export const CYCLE_ACTIONS = ['start_planning', 'launch', 'start_review', 'override_review', 'start_decision', 'close', 'reopen'] as const;
export type CycleAction = (typeof CYCLE_ACTIONS)[number];

export const CYCLE_STATUS_LABELS_SV: Record<CycleStatus, string> = {
  draft: 'Utkast',
  planning: 'Planering',
  analysis: 'Analys',
  review: 'Sammanställning och granskning',
  decision: 'Beslut',
  closed: 'Avslutad',
};

export const CYCLE_ACTION_LABELS_SV: Record<CycleAction, string> = {
  start_planning: 'Börja planera',
  launch: 'Starta årshjulet',
  start_review: 'Gå vidare till sammanställning och granskning',
  override_review: 'Gå vidare utan att alla analyser är godkända',
  start_decision: 'Gå vidare till beslut',
  close: 'Avsluta årshjulet',
  reopen: 'Gå tillbaka ett steg',
};

/** What the guards read: the cycle and the counts the launch and review rules depend on. */
export interface CycleSubject {
  cycle: Cycle;
  activeDelregions: number;
  tasks: number;
  acceptedTasks: number;
}

function launchRefusal({ cycle, activeDelregions }: CycleSubject): string | null {
  if (cycle.launchedAt) return 'Årshjulet är redan startat.';
  const dates = cycle as unknown as CycleDates;
  if (!isIsoDate(dates.analysisDueDate) || cycle.analysisDueDate < cycle.doStart || cycle.analysisDueDate > cycle.doEnd) {
    return `Sista dag för analyserna ska ligga i Do-fasen (${cycle.doStart} – ${cycle.doEnd}).`;
  }
  if (activeDelregions === 0) return 'Det finns ingen aktiv delregion att ge en analysuppgift.';
  return null;
}

function reviewRefusal({ tasks, acceptedTasks }: CycleSubject): string | null {
  if (tasks > acceptedTasks) return `${tasks - acceptedTasks} av ${tasks} analyser är inte godkända. Länssamordnaren kan gå vidare ändå med ett skäl (override_review).`;
  return null;
}

const manage = { permission: Permission.CycleManage, scope: 'none' } as const;
const reopen = (from: CycleStatus, to: CycleStatus): TransitionDef<CycleStatus, CycleAction, CycleSubject> => ({
  from: [from], action: 'reopen', to, permission: Permission.CycleReopen, scope: 'none', requiresReason: true, audit: 'cycle.reopened',
});

/**
 * The cycle's table: forward only; an administrator may step back once at a time with a reason, except out of
 * analysis (the launch froze the compilation and created the tasks, which cannot be undone).
 */
export const CYCLE_MACHINE = new StateMachine<CycleStatus, CycleAction, CycleSubject>('cycle', CYCLE_STATUSES, CYCLE_ACTIONS, [
  { from: ['draft'], action: 'start_planning', to: 'planning', ...manage, audit: 'cycle.planning_started' },
  { from: ['planning'], action: 'launch', to: 'analysis', ...manage, guard: launchRefusal, audit: 'cycle.launched' },
  { from: ['analysis'], action: 'start_review', to: 'review', ...manage, guard: reviewRefusal, audit: 'cycle.review_started' },
  { from: ['analysis'], action: 'override_review', to: 'review', ...manage, requiresReason: true, audit: 'cycle.review_started_by_override' },
  { from: ['review'], action: 'start_decision', to: 'decision', ...manage, audit: 'cycle.decision_started' },
  { from: ['decision'], action: 'close', to: 'closed', ...manage, audit: 'cycle.closed' },
  reopen('planning', 'draft'),
  reopen('review', 'analysis'),
  reopen('decision', 'review'),
  reopen('closed', 'decision'),
], { states: CYCLE_STATUS_LABELS_SV, actions: CYCLE_ACTION_LABELS_SV });
