import Holidays from 'date-holidays';
import type { FieldError } from '@arshjulet/core';

/** The four PDSA phases of the wheel, in order. */
export const PHASES = ['plan', 'do', 'study', 'act'] as const;
export type Phase = (typeof PHASES)[number];

export const PHASE_LABELS_SV: Record<Phase, string> = { plan: 'Plan', do: 'Do', study: 'Study', act: 'Act' };

/** Every date a cycle is planned by (ISO `YYYY-MM-DD`). */
export interface CycleDates {
  planStart: string;
  planEnd: string;
  doStart: string;
  doEnd: string;
  studyStart: string;
  studyEnd: string;
  actStart: string;
  actEnd: string;
  analysisDueDate: string;
}

export interface DateWarning {
  path: keyof CycleDates;
  date: string;
  /** Swedish, e.g. "2026-06-19 är midsommarafton." */
  message: string;
}

/** The default wheel (DOMAIN.md): Plan April, Do May–September, Study October–November, Act December–March. */
export function defaultCycleDates(year: number): CycleDates {
  return {
    planStart: `${year}-04-01`,
    planEnd: `${year}-04-30`,
    doStart: `${year}-05-01`,
    doEnd: `${year}-09-30`,
    studyStart: `${year}-10-01`,
    studyEnd: `${year}-11-30`,
    actStart: `${year}-12-01`,
    actEnd: `${year + 1}-03-31`,
    analysisDueDate: `${year}-09-30`,
  };
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** A real calendar date written `YYYY-MM-DD`. */
export function isIsoDate(value: unknown): value is string {
  if (typeof value !== 'string' || !ISO_DATE.test(value)) return false;
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value;
}

/** Whole days from `from` to `to` (both ISO dates); negative when `to` is earlier. */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

export function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

/** Today's date in Europe/Stockholm, whatever the server's zone. */
export function todayInStockholm(now: Date = new Date()): string {
  return new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Stockholm', year: 'numeric', month: '2-digit', day: '2-digit' }).format(now);
}

/** The phase `date` falls in, or null before Plan starts / after Act ends. */
export function phaseOn(dates: CycleDates, date: string): Phase | null {
  for (const phase of PHASES) {
    const [start, end] = phaseRange(dates, phase);
    if (date >= start && date <= end) return phase;
  }
  return null;
}

export function phaseRange(dates: CycleDates, phase: Phase): [string, string] {
  const key = phase === 'do' ? 'do' : phase;
  return [dates[`${key}Start` as keyof CycleDates], dates[`${key}End` as keyof CycleDates]];
}

/**
 * Field errors of a cycle's dates: each phase ends on or after its start, the next phase starts the day after the
 * previous one ends (contiguous, never overlapping), and the analyses are due inside Do. Empty when all is well.
 */
export function validateCycleDates(dates: CycleDates): FieldError[] {
  const errors: FieldError[] = [];
  for (const [path, value] of Object.entries(dates)) {
    if (!isIsoDate(value)) errors.push({ path, message: 'Ange ett datum som ÅÅÅÅ-MM-DD.' });
  }
  if (errors.length) return errors;
  PHASES.forEach((phase, index) => {
    const [start, end] = phaseRange(dates, phase);
    if (end < start) errors.push({ path: `${phase}End`, message: `${PHASE_LABELS_SV[phase]} kan inte sluta före den börjar (${start}).` });
    if (index > 0) {
      const previous = PHASES[index - 1]!;
      const previousEnd = phaseRange(dates, previous)[1];
      if (start !== addDays(previousEnd, 1)) {
        errors.push({
          path: `${phase}Start`,
          message: `${PHASE_LABELS_SV[phase]} ska börja dagen efter att ${PHASE_LABELS_SV[previous]} slutar (${addDays(previousEnd, 1)}).`,
        });
      }
    }
  });
  if (dates.analysisDueDate < dates.doStart || dates.analysisDueDate > dates.doEnd) {
    errors.push({ path: 'analysisDueDate', message: `Sista dag för analyserna ska ligga i Do-fasen (${dates.doStart} – ${dates.doEnd}).` });
  }
  return errors;
}

const holidays = new Holidays('SE');
const holidayCache = new Map<number, Map<string, string>>();

/** Swedish public holidays and the eves people take off (midsommarafton, julafton, nyårsafton) of `year`, by date. */
function holidaysOf(year: number): Map<string, string> {
  let found = holidayCache.get(year);
  if (!found) {
    found = new Map();
    for (const holiday of holidays.getHolidays(year)) {
      if (holiday.type === 'public' || holiday.type === 'bank') found.set(holiday.date.slice(0, 10), holiday.name);
    }
    holidayCache.set(year, found);
  }
  return found;
}

const WEEKDAY_SV = ['söndag', 'måndag', 'tisdag', 'onsdag', 'torsdag', 'fredag', 'lördag'];

/** Why nobody works on `date`, in Swedish, or null on an ordinary weekday. */
export function nonWorkingDay(date: string): string | null {
  const holiday = holidaysOf(Number(date.slice(0, 4))).get(date);
  if (holiday) return holiday;
  const weekday = new Date(`${date}T00:00:00Z`).getUTCDay();
  return weekday === 0 || weekday === 6 ? `en ${WEEKDAY_SV[weekday]}` : null;
}

/** Warnings (not errors) for dates people plan by that fall on a weekend or a Swedish public holiday. */
export function dateWarnings(dates: CycleDates): DateWarning[] {
  const warnings: DateWarning[] = [];
  for (const [path, date] of Object.entries(dates) as Array<[keyof CycleDates, string]>) {
    if (!isIsoDate(date)) continue;
    const why = nonWorkingDay(date);
    if (why) warnings.push({ path, date, message: `${date} är ${why}.` });
  }
  return warnings;
}
