import { addDays } from '../cycles/cycle-dates.js';

export type ReminderKind = '14d' | '7d' | '1d' | 'overdue';

/** 14, 7 and 1 days before a task is due, and the day it becomes overdue (the day after its due date). */
export const REMINDER_OFFSETS: ReadonlyArray<{ kind: ReminderKind; days: number }> = [
  { kind: '14d', days: -14 },
  { kind: '7d', days: -7 },
  { kind: '1d', days: -1 },
  { kind: 'overdue', days: 1 },
];

export interface ReminderMoment {
  kind: ReminderKind;
  /** The day the reminder belongs to: the ledger's date, so a catch-up run and a later run agree on it. */
  date: string;
}

/**
 * The one reminder a sweep on `today` may send for a task due on `dueDate`: the most recent moment on or before
 * today. An earlier moment has been passed twice over (a later one came after it), so after downtime only the
 * latest missed reminder goes out; null before the first moment.
 */
export function reminderFor(dueDate: string, today: string): ReminderMoment | null {
  let latest: ReminderMoment | null = null;
  for (const { kind, days } of REMINDER_OFFSETS) {
    const date = addDays(dueDate, days);
    if (date <= today) latest = { kind, date };
  }
  return latest;
}

export const REMINDER_TEXT_SV: Record<ReminderKind, (due: string) => string> = {
  '14d': (due) => `Två veckor kvar: analysen ska lämnas in senast ${due}.`,
  '7d': (due) => `En vecka kvar: analysen ska lämnas in senast ${due}.`,
  '1d': (due) => `I morgon är sista dag: analysen ska lämnas in senast ${due}.`,
  overdue: (due) => `Analysen är försenad: sista dag var ${due}.`,
};
