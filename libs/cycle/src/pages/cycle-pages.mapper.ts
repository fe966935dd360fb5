import { type FieldError, formatDateTime, formatDay, ValidationException } from '@arshjulet/core';
import { formatNumber, INDICATOR_UNIT_LABELS_SV } from '@arshjulet/indicators';
import { type CycleDates, type DateWarning, defaultCycleDates, isIsoDate, PHASES } from '../cycles/cycle-dates.js';
import type { Cycle } from '../cycles/cycle.entity.js';
import type { CycleOverview } from '../cycles/cycle-overview.service.js';
import type { CompilationRow } from '../cycles/cycle.repository.js';
import type { LaunchPreview } from '../cycles/cycle-transition.service.js';
import { datesOf, type CycleInput } from '../cycles/cycle.service.js';
import { CYCLE_ACTION_LABELS_SV, CYCLE_STATUS_LABELS_SV, type CycleAction } from '../cycles/cycle-state.machine.js';
import type { TaskView } from '../tasks/task.service.js';
import { TASK_ACTION_LABELS_SV, TASK_STATUS_LABELS_SV } from '../tasks/task-state.machine.js';
import { wheelView } from './wheel-svg.util.js';

export const CYCLES_PATH = '/arshjul';
export const cyclePath = (year: number) => `${CYCLES_PATH}/${year}`;
export const taskPath = (year: number, id: string) => `${cyclePath(year)}/uppgifter/${id}`;

const n = (value: number) => formatNumber(value);
const days = (count: number) => `${n(count)} ${count === 1 ? 'dag' : 'dagar'}`;

/** The form's fields in the order they are shown; their ids are the field paths, so errors link to them. */
export const DATE_FIELDS: Array<{ path: keyof CycleDates; label: string; phase: string }> = [
  { path: 'planStart', label: 'Plan börjar', phase: 'plan' },
  { path: 'planEnd', label: 'Plan slutar', phase: 'plan' },
  { path: 'doStart', label: 'Do börjar', phase: 'do' },
  { path: 'doEnd', label: 'Do slutar', phase: 'do' },
  { path: 'analysisDueDate', label: 'Sista dag för analyserna', phase: 'do' },
  { path: 'studyStart', label: 'Study börjar', phase: 'study' },
  { path: 'studyEnd', label: 'Study slutar', phase: 'study' },
  { path: 'actStart', label: 'Act börjar', phase: 'act' },
  { path: 'actEnd', label: 'Act slutar', phase: 'act' },
];

const CYCLE_ACTIONS_WITH_REASON: readonly CycleAction[] = ['override_review', 'reopen'];

// ---- Forms -------------------------------------------------------------------------------------------------

export type FormBody = Record<string, unknown>;

const text = (body: FormBody | undefined, key: string): string => (typeof body?.[key] === 'string' ? (body[key] as string) : '');
const lines = (value: string): string[] => value.split(/\r?\n/).map((line) => line.trim()).filter(Boolean);

/** The create/edit form as plain strings, the way the inputs hold them. */
export type CycleFormValues = Record<string, string>;

export function cycleFormValues(cycle: Pick<Cycle, 'name' | 'dataPeriods' | 'focusAreas'> & CycleDates & { year: number }): CycleFormValues {
  return {
    year: String(cycle.year),
    name: cycle.name,
    dataPeriods: cycle.dataPeriods.join(', '),
    focusAreas: cycle.focusAreas.join('\n'),
    ...Object.fromEntries(DATE_FIELDS.map(({ path }) => [path, cycle[path]])),
  };
}

/** A new cycle's form: the next year without a cycle, with the default wheel's dates. */
export function newCycleValues(year: number): CycleFormValues {
  return cycleFormValues({ year, name: `Årshjulet ${year}`, dataPeriods: [String(year - 1)], focusAreas: [], ...defaultCycleDates(year) });
}

/** The posted form as the service's input; a missing or impossible year is a field error in Swedish. */
export function parseCycleForm(body: FormBody, withYear: boolean): { year: number; version: number; input: CycleInput } {
  const errors: FieldError[] = [];
  const yearText = text(body, 'year').trim();
  const year = Number(yearText);
  if (withYear && (!/^\d{4}$/.test(yearText) || year < 2000 || year > 2100)) errors.push({ path: 'year', message: 'Ange ett årtal mellan 2000 och 2100.' });
  const periods = text(body, 'dataPeriods').split(/[,\s]+/).filter(Boolean);
  if (periods.length === 0) errors.push({ path: 'dataPeriods', message: 'Ange minst en dataperiod, t.ex. 2025.' });
  else if (periods.some((period) => !/^(\d{4}(-Q[1-4]|-(0[1-9]|1[0-2]))?|R12-\d{4}-(0[1-9]|1[0-2]))$/.test(period))) {
    errors.push({ path: 'dataPeriods', message: 'Ange perioder som 2025, 2025-Q3, 2025-03 eller R12-2025-09.' });
  }
  const name = text(body, 'name').trim();
  if (name.length > 200) errors.push({ path: 'name', message: 'Namnet får vara högst 200 tecken.' });
  const focusAreas = lines(text(body, 'focusAreas'));
  if (focusAreas.length > 50 || focusAreas.some((area) => area.length > 200)) errors.push({ path: 'focusAreas', message: 'Högst 50 fokusområden, vart och ett högst 200 tecken.' });
  if (errors.length) throw new ValidationException(errors, 'Formuläret innehåller fel. Inget har sparats.');
  const input: CycleInput = { name: name || undefined, dataPeriods: periods, focusAreas };
  for (const { path } of DATE_FIELDS) input[path] = text(body, path).trim();
  return { year, version: Number(text(body, 'version')) || 0, input };
}

export interface FormState {
  values: CycleFormValues;
  errors?: FieldError[];
  error?: string | null;
}

/** The create or edit form, with each error beside its field and in the summary at the top (linking to it). */
export function cycleFormView(mode: 'create' | 'edit', state: FormState, extra: { version?: number; year?: number } = {}) {
  const errors = state.errors ?? [];
  const fieldError = (path: string) => errors.find((error) => error.path === path)?.message ?? null;
  const field = (path: string, label: string, hint: string | null = null) => ({ id: path, name: path, label, value: state.values[path] ?? '', error: fieldError(path), hint });
  const year = extra.year ?? Number(state.values.year);
  return {
    title: mode === 'create' ? 'Nytt årshjul' : `Ändra årshjulet ${year}`,
    create: mode === 'create',
    action: mode === 'create' ? `${CYCLES_PATH}/ny` : `${cyclePath(year)}/redigera`,
    cancel: mode === 'create' ? CYCLES_PATH : cyclePath(year),
    version: extra.version ?? null,
    error: state.error ?? (errors.length ? 'Formuläret innehåller fel. Inget har sparats.' : null),
    errorLinks: errors.map((error) => ({ href: `#${error.path in state.values || DATE_FIELDS.some((f) => f.path === error.path) ? error.path : 'name'}`, message: error.message })),
    year: field('year', 'År'),
    name: field('name', 'Namn'),
    dataPeriods: field('dataPeriods', 'Dataperioder', 'Perioderna som följs upp, åtskilda med komma: 2025, 2025-Q3, 2025-03 eller R12-2025-09.'),
    focusAreas: field('focusAreas', 'Årets fokusområden', 'Ett per rad, t.ex. avvikelser, in- och utskrivning, läkemedel.'),
    phases: PHASES.map((phase) => ({
      legend: { plan: 'Plan – länssammanställning', do: 'Do – delregional analys', study: 'Study – återkoppling till VVG', act: 'Act – beslut och prioritering' }[phase],
      fields: DATE_FIELDS.filter((f) => f.phase === phase).map((f) => field(f.path, f.label, 'ÅÅÅÅ-MM-DD')),
    })),
  };
}

/** What went wrong on the form, from a refusal of the service (dates out of order, a taken year, a conflict). */
export function formErrors(exception: { detail: string; errors: FieldError[] }): { error: string; errors: FieldError[] } {
  return { error: exception.errors.length ? 'Formuläret innehåller fel. Inget har sparats.' : exception.detail, errors: exception.errors };
}

// ---- Lists and pages ---------------------------------------------------------------------------------------

export function warningsView(warnings: DateWarning[]) {
  const label = (path: string) => DATE_FIELDS.find((f) => f.path === path)?.label ?? path;
  return warnings.map((warning) => `${label(warning.path)}: ${warning.message}`);
}

export function cycleListView(cycles: Cycle[], total: number, page: number, pageSize: number, today: string) {
  const pages = Math.max(1, Math.ceil(total / pageSize));
  return {
    title: 'Årshjul',
    cycles: cycles.map((cycle) => ({
      year: cycle.year,
      href: cyclePath(cycle.year),
      name: cycle.name,
      status: CYCLE_STATUS_LABELS_SV[cycle.status],
      phase: wheelView(cycle.year, datesOf(cycle), today).phases.find((p) => p.current)?.title ?? '–',
      dueDate: formatDay(cycle.analysisDueDate),
    })),
    total: n(total),
    pager: pages > 1 ? {
      label: `Sida ${n(page)} av ${n(pages)}`,
      previous: page > 1 ? `${CYCLES_PATH}?sida=${page - 1}` : null,
      next: page < pages ? `${CYCLES_PATH}?sida=${page + 1}` : null,
    } : null,
  };
}

/** Errors of the small action forms, keyed by the id of the field they belong to (see cycle-form-pages.ts). */
export type FieldErrorsById = Record<string, string>;

function actionForms(cycle: Cycle, allowed: CycleAction[], fieldErrors: FieldErrorsById) {
  return allowed
    .filter((action) => action !== 'launch')
    .map((action) => ({
      action,
      label: CYCLE_ACTION_LABELS_SV[action],
      reason: CYCLE_ACTIONS_WITH_REASON.includes(action) ? { id: `skal-${action}`, label: 'Skäl (krävs)', error: fieldErrors[`skal-${action}`] ?? null } : null,
      formAction: `${cyclePath(cycle.year)}/atgard`,
    }));
}

/** `carried`: last year's decisions as actions (the feedback lib's lines), after any typed on the cycle itself. */
export function cyclePageView(cycle: Cycle, allowed: CycleAction[], warnings: DateWarning[], canManage: boolean, today: string, fieldErrors: FieldErrorsById = {}, carried: string[] = []) {
  return {
    title: cycle.name,
    year: cycle.year,
    status: CYCLE_STATUS_LABELS_SV[cycle.status],
    version: cycle.version,
    wheel: wheelView(cycle.year, datesOf(cycle), today),
    dueDate: formatDay(cycle.analysisDueDate),
    dataPeriods: cycle.dataPeriods.join(', '),
    focusAreas: cycle.focusAreas,
    indicators: n(cycle.indicatorCodes.length),
    carriedOver: [...(cycle.carriedOverDecisions ?? []), ...carried],
    launchedAt: cycle.launchedAt ? formatDateTime(cycle.launchedAt) : null,
    warnings: warningsView(warnings),
    canEdit: canManage && cycle.status !== 'closed',
    editHref: `${cyclePath(cycle.year)}/redigera`,
    launchHref: allowed.includes('launch') ? `${cyclePath(cycle.year)}/starta` : null,
    // A closed year leads on to the next one: its decisions wait there under "Beslut från förra året".
    nextYearHref: canManage && cycle.status === 'closed' ? `${CYCLES_PATH}/ny` : null,
    compilationHref: cycle.launchedAt ? `${cyclePath(cycle.year)}/sammanstallning` : null,
    tasksHref: cycle.launchedAt ? `${cyclePath(cycle.year)}/uppgifter` : null,
    actions: actionForms(cycle, allowed, fieldErrors),
  };
}

export function launchView(cycle: Cycle, delregions: Array<{ code: string; name: string }>, allowed: CycleAction[], preview?: LaunchPreview) {
  return {
    title: `Starta årshjulet ${cycle.year}`,
    year: cycle.year,
    version: cycle.version,
    back: cyclePath(cycle.year),
    action: `${cyclePath(cycle.year)}/starta`,
    canLaunch: allowed.includes('launch'),
    status: CYCLE_STATUS_LABELS_SV[cycle.status],
    dueDate: formatDay(cycle.analysisDueDate),
    dataPeriods: cycle.dataPeriods.join(', '),
    indicators: n(cycle.indicatorCodes.length),
    frozenValues: preview ? `${n(preview.values)} ${preview.values === 1 ? 'värde fryses' : 'värden fryses'}` : null,
    delregions: delregions.map((unit) => `${unit.name} (${unit.code})`),
    delregionCount: n(delregions.length),
  };
}

const ORG_TYPE_ORDER = ['nation', 'county', 'delregion', 'hospital', 'municipality', 'local_area'];

/** The frozen compilation: one table per indicator, a row per org unit, a column per period. */
export function compilationView(cycle: Cycle, rows: CompilationRow[], indicators: Map<string, { name: string; unit: string; group: string }>) {
  const byIndicator = new Map<string, CompilationRow[]>();
  for (const row of rows) {
    if (row.breakdown) continue;
    byIndicator.set(row.indicatorCode, [...(byIndicator.get(row.indicatorCode) ?? []), row]);
  }
  const tables = [...byIndicator.entries()].map(([code, values]) => {
    const periods = [...new Set(values.map((v) => v.period))];
    const units = [...new Map(values.map((v) => [v.orgUnitCode, v.orgUnitType])).entries()]
      .sort((a, b) => ORG_TYPE_ORDER.indexOf(a[1]) - ORG_TYPE_ORDER.indexOf(b[1]) || a[0].localeCompare(b[0], 'sv'));
    const info = indicators.get(code);
    const unitLabel = info ? (INDICATOR_UNIT_LABELS_SV as Record<string, string>)[info.unit] ?? '' : '';
    return {
      id: `indikator-${code}`,
      code,
      caption: `${code} ${info?.name ?? ''}`.trim() + (unitLabel ? ` (${unitLabel})` : ''),
      group: info?.group ?? '',
      periods,
      rows: units.map(([unit]) => ({
        unit,
        figures: periods.map((period) => {
          const figure = values.find((v) => v.orgUnitCode === unit && v.period === period);
          return figure ? `${formatNumber(figure.value, { maxDecimals: 2 })}${figure.derived ? ' *' : ''}` : '–';
        }),
      })),
    };
  });
  return {
    title: `Länssammanställning ${cycle.year}`,
    year: cycle.year,
    back: cyclePath(cycle.year),
    launchedAt: cycle.launchedAt ? formatDateTime(cycle.launchedAt) : null,
    valueCount: n(rows.length),
    batchCount: n(cycle.snapshotBatchIds.length),
    tables,
    hasDerived: rows.some((row) => row.derived),
  };
}

// ---- Tasks -------------------------------------------------------------------------------------------------

/** "12 dagar kvar", "i dag", "försenad sedan 2026-09-30 (3 dagar)", or what happened once submitted. */
export function taskTiming(task: Pick<TaskView, 'status' | 'dueDate' | 'daysLeft' | 'overdue'>): { text: string; late: boolean } {
  if (task.status === 'accepted') return { text: 'Godkänd', late: false };
  if (task.status === 'submitted') return { text: 'Inlämnad', late: false };
  if (task.overdue) return { text: `Försenad sedan ${formatDay(task.dueDate)} (${days(-(task.daysLeft ?? 0))})`, late: true };
  if (task.daysLeft === 0) return { text: 'Ska lämnas in i dag', late: false };
  return { text: `${days(task.daysLeft ?? 0)} kvar`, late: false };
}

function taskForms(task: TaskView, from: 'oversikt' | 'uppgift', fieldErrors: FieldErrorsById) {
  return task.allowedActions.map((action) => ({
    action,
    label: TASK_ACTION_LABELS_SV[action],
    comment: action === 'return'
      ? { id: `kommentar-${task.id}`, label: `Kommentar till ${task.delregionName} (krävs)`, error: fieldErrors[`kommentar-${task.id}`] ?? null }
      : null,
    formAction: `${taskPath(task.cycleYear, task.id)}/atgard`,
    from,
  }));
}

export function overviewView(overview: CycleOverview, canReview: boolean, fieldErrors: FieldErrorsById = {}) {
  const { cycle, counts } = overview;
  return {
    title: `Uppgifter ${cycle.year}`,
    year: cycle.year,
    back: cyclePath(cycle.year),
    summary: `${n(counts.submitted)} av ${n(counts.tasks)} delregioner har lämnat in, ${n(counts.accepted)} godkända, ${n(counts.overdue)} försenade.`,
    tasks: overview.tasks.map((task) => ({
      id: task.id,
      href: taskPath(cycle.year, task.id),
      delregion: task.delregionName,
      status: TASK_STATUS_LABELS_SV[task.status],
      dueDate: formatDay(task.dueDate),
      timing: taskTiming(task),
      lastActivity: formatDateTime(task.lastActivityAt),
      reminders: n(task.remindersSent),
      forms: taskForms(task, 'oversikt', fieldErrors).filter((form) => form.action === 'accept' || form.action === 'return'),
      extend: canReview && task.status !== 'accepted' ? extendForm(task, 'oversikt', fieldErrors) : null,
    })),
  };
}

function extendForm(task: TaskView, from: 'oversikt' | 'uppgift', fieldErrors: FieldErrorsById) {
  return {
    dateError: fieldErrors[`sista-dag-${task.id}`] ?? null,
    reasonError: fieldErrors[`skal-${task.id}`] ?? null,
    action: `${taskPath(task.cycleYear, task.id)}/sista-dag`,
    version: task.version,
    dateId: `sista-dag-${task.id}`,
    reasonId: `skal-${task.id}`,
    dueDate: task.dueDate,
    from,
  };
}

export function taskPageView(task: TaskView, canReview: boolean, fieldErrors: FieldErrorsById = {}) {
  return {
    title: `Analys ${task.cycleYear} – ${task.delregionName}`,
    back: cyclePath(task.cycleYear),
    overviewHref: canReview ? `${cyclePath(task.cycleYear)}/uppgifter` : null,
    analysisHref: `${taskPath(task.cycleYear, task.id)}/analys`,
    reviewHref: canReview ? `${taskPath(task.cycleYear, task.id)}/granska` : null,
    status: TASK_STATUS_LABELS_SV[task.status],
    dueDate: formatDay(task.dueDate),
    dueDateReason: task.dueDateReason,
    returnComment: task.status === 'returned' || task.status === 'in_progress' ? task.returnComment : null,
    timing: taskTiming(task),
    lastActivity: formatDateTime(task.lastActivityAt),
    forms: taskForms(task, 'uppgift', fieldErrors),
    extend: canReview && task.status !== 'accepted' ? extendForm(task, 'uppgift', fieldErrors) : null,
  };
}

type PageFlash = { notice?: string; error?: string; errors?: Array<{ path: string; message: string }> } | undefined;

/** The message carried over from the last action form (post/redirect/get); each error's path is its field's id. */
export function actionMessagesView(flash: PageFlash) {
  const errors = flash?.errors ?? [];
  return {
    notice: flash?.notice ?? null,
    error: flash?.error ?? null,
    errorLinks: errors.map((error) => ({ href: `#${error.path}`, message: error.message })),
    fieldErrors: Object.fromEntries(errors.map((error) => [error.path, error.message])) as FieldErrorsById,
  };
}

/** A due date moved by the county coordinator: both fields are required, the date a real one. */
export function parseExtendForm(body: FormBody): { version: number; dueDate: string; reason: string } {
  const dueDate = text(body, 'dueDate').trim();
  const reason = text(body, 'reason').trim();
  const errors: FieldError[] = [];
  if (!isIsoDate(dueDate)) {
    errors.push({ path: 'dueDate', message: 'Ange ett datum som ÅÅÅÅ-MM-DD.' });
  }
  if (!reason) errors.push({ path: 'reason', message: 'Ange varför sista dagen flyttas.' });
  else if (reason.length > 2000) errors.push({ path: 'reason', message: 'Skälet får vara högst 2 000 tecken.' });
  if (errors.length) throw new ValidationException(errors, 'Sista dagen flyttades inte. Rätta det som är markerat.');
  return { version: Number(text(body, 'version')) || 0, dueDate, reason };
}

export function actionInput(body: FormBody): { action: string; reason: string | null; version: number | undefined } {
  const version = Number(text(body, 'version'));
  return { action: text(body, 'action'), reason: text(body, 'reason').trim() || null, version: Number.isInteger(version) && version > 0 ? version : undefined };
}
