import type { FieldError } from '@arshjulet/core';
import { formatNumber } from '@arshjulet/indicators';
import { isAnswered } from '../answers/answered.js';
import { ACTIVITY_SHIFT_LABELS_SV, ACTIVITY_SHIFTS, ACTIVITY_STATUS_LABELS_SV, ACTIVITY_STATUSES } from '../definition/activity-vocabulary.js';
import type { Answers, FieldDef, SectionDef, TemplateDefinition } from '../definition/template-definition.js';
import { isPlainObject } from '../definition/text-checks.js';
import { renderMarkdown } from './markdown.util.js';

/**
 * The analysis form as plain HTML: one partial per field type (views/partials/fields/), inputs named by their
 * answer path (`f.deviations.1.count`) and identified by it (`f-deviations-1-count`), so an error's path from
 * validateAnswers links to its input. The same names are read back by {@link parseAnswerForm} and by the autosave
 * script (public/js/autosave.js).
 */

/** A breakdown's prefilled rows: the delregion's municipalities and hospital with the frozen figures. */
export interface BreakdownPrefillView {
  rows: Array<{ orgUnitCode: string; orgUnitName: string; values: Array<{ period: string; breakdown: string; value: number }> }>;
}

export interface CommentView {
  id: string;
  author: string;
  at: string;
  body: string;
  resolved: boolean;
}

export interface AnswerFormInput {
  definition: TemplateDefinition;
  /** Saved or typed values; a number typed wrongly stays the string it was. */
  answers: Answers;
  errors?: FieldError[];
  prefill?: Record<string, BreakdownPrefillView>;
  themeTags?: Array<{ key: string; label: string }>;
  /** Comments per field or section key. */
  comments?: Record<string, CommentView[]>;
}

/** `deviations[1].count` → `f-deviations-1-count`. */
export const fieldId = (path: string): string => `f-${path.replace(/\[(\d+)\]/g, '.$1').replace(/\./g, '-')}`;
const fieldName = (path: string): string => `f.${path.replace(/\[(\d+)\]/g, '.$1')}`;
const parentPath = (path: string): string => path.replace(/(\.[^.[\]]+|\[\d+\])$/, '');

const asText = (value: unknown): string => (value === undefined || value === null ? '' : typeof value === 'number' ? formatNumber(value) : String(value));

/** One field (or one cell of a row) as its partial sees it. */
export interface FieldView {
  partial: string;
  key: string;
  path: string;
  id: string;
  name: string;
  label: string;
  help: string | null;
  hintId: string;
  required: boolean;
  error: string | null;
  errorId: string;
  describedBy: string | null;
  value: string;
  [extra: string]: unknown;
}

interface Build {
  errors: FieldError[];
  /** answer path → id of the element an error of that path links to */
  anchors: Map<string, string>;
  input: AnswerFormInput;
}

function errorsAt(build: Build, path: string, deep: boolean): string | null {
  const messages = build.errors
    .filter((e) => e.path === path || (deep && (e.path.startsWith(`${path}[`) || e.path.startsWith(`${path}.`))))
    .map((e) => e.message);
  return messages.length ? [...new Set(messages)].join(' ') : null;
}

function base(build: Build, field: FieldDef, path: string, label: string, deepErrors = true): FieldView {
  const id = fieldId(path);
  const error = errorsAt(build, path, deepErrors);
  const help = field.help?.trim() || null;
  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  const describedBy = [help ? hintId : null, error ? errorId : null].filter(Boolean).join(' ') || null;
  build.anchors.set(path, id);
  return {
    partial: `fields/${field.type}`, key: field.key, path, id, name: fieldName(path), label, help, hintId,
    required: Boolean(field.required), error, errorId, describedBy, value: '',
  };
}

function optionsOf(id: string, name: string, options: Array<{ value: string; label: string }>, chosen: (value: string) => boolean) {
  return options.map((option, i) => ({ id: i === 0 ? id : `${id}--${i + 1}`, name, value: option.value, label: option.label, checked: chosen(option.value) }));
}

function fieldView(build: Build, field: FieldDef, path: string, value: unknown, label = field.label, compact = false): FieldView {
  const view = base(build, field, path, label, !['repeatable_rows', 'activity_list', 'indicator_breakdown'].includes(field.type));
  switch (field.type) {
    case 'short_text':
    case 'date':
      return { ...view, value: asText(value), date: field.type === 'date' };
    case 'long_text':
      return { ...view, value: asText(value), rows: compact ? 3 : 6 };
    case 'number': {
      const bounds = [typeof field.min === 'number' ? `minst ${formatNumber(field.min)}` : null, typeof field.max === 'number' ? `högst ${formatNumber(field.max)}` : null].filter(Boolean);
      const unitId = `${view.id}-unit`;
      return {
        ...view, value: asText(value), unit: field.unit ?? null, unitId, bounds: bounds.length ? `Ett tal, ${bounds.join(' och ')}.` : null,
        describedBy: [field.unit ? unitId : null, view.describedBy].filter(Boolean).join(' ') || null,
      };
    }
    case 'single_choice':
      return { ...view, select: compact, options: optionsOf(view.id, view.name, field.options ?? [], (v) => v === value) };
    case 'multiple_choice': {
      const chosen = Array.isArray(value) ? value : [];
      return { ...view, options: optionsOf(view.id, view.name, field.options ?? [], (v) => chosen.includes(v)) };
    }
    case 'theme_tags': {
      const chosen = Array.isArray(value) ? value : [];
      return { ...view, partial: 'fields/theme_tags', options: optionsOf(view.id, view.name, (build.input.themeTags ?? []).map((t) => ({ value: t.key, label: t.label })), (v) => chosen.includes(v)) };
    }
    case 'yes_no':
      return {
        ...view, select: compact,
        options: optionsOf(view.id, view.name, [{ value: 'true', label: 'Ja' }, { value: 'false', label: 'Nej' }], (v) => String(value) === v),
      };
    case 'repeatable_rows': {
      const rows = Array.isArray(value) ? value : [];
      const columns = field.columns ?? [];
      return {
        ...view,
        addId: `${view.id}-add`,
        addValue: `add:${field.key}`,
        rows: rows.map((row, r) => ({
          legend: `${field.label}, rad ${r + 1}`,
          marker: fieldName(`${path}[${r}]`),
          error: errorsAt(build, `${path}[${r}]`, false),
          removeValue: `remove:${field.key}:${r}`,
          cells: columns.map((column) => fieldView(build, column, `${path}[${r}].${column.key}`, isPlainObject(row) ? row[column.key] : undefined, column.label, true)),
        })),
        ...anchorOn(build, path, `${view.id}-add`),
      };
    }
    case 'activity_list': {
      const rows = Array.isArray(value) ? value : [];
      const shift: FieldDef = { key: 'shift', type: 'single_choice', label: 'Förflyttning', options: ACTIVITY_SHIFTS.map((s) => ({ value: s, label: ACTIVITY_SHIFT_LABELS_SV[s] })) };
      const status: FieldDef = { key: 'status', type: 'single_choice', label: 'Status', options: ACTIVITY_STATUSES.map((s) => ({ value: s, label: ACTIVITY_STATUS_LABELS_SV[s] })) };
      const name: FieldDef = { key: 'name', type: 'short_text', label: 'Aktivitet' };
      return {
        ...view,
        addId: `${view.id}-add`,
        addValue: `add:${field.key}`,
        rows: rows.map((row, r) => {
          const at = (key: string) => (isPlainObject(row) ? row[key] : undefined);
          return {
            legend: `Aktivitet ${r + 1}`,
            marker: fieldName(`${path}[${r}]`),
            error: errorsAt(build, `${path}[${r}]`, false),
            removeValue: `remove:${field.key}:${r}`,
            cells: [name, shift, status].map((cell) => fieldView(build, cell, `${path}[${r}].${cell.key}`, at(cell.key), cell.label, true)),
          };
        }),
        ...anchorOn(build, path, `${view.id}-add`),
      };
    }
    case 'indicator_breakdown': {
      const answer = isPlainObject(value) ? value : {};
      const answered = Array.isArray(answer.rows) ? answer.rows.filter(isPlainObject) : [];
      const prefill = build.input.prefill?.[field.key]?.rows ?? [];
      const units = [
        ...prefill.map((row) => ({ code: row.orgUnitCode, name: row.orgUnitName, values: row.values })),
        ...answered.filter((row) => !prefill.some((p) => p.orgUnitCode === row.orgUnitCode)).map((row) => ({ code: String(row.orgUnitCode ?? ''), name: String(row.orgUnitCode ?? ''), values: [] })),
      ];
      const interpretationPath = `${path}.interpretation`;
      const interpretation = fieldView(build, { key: 'interpretation', type: 'long_text', label: 'Samlad tolkning' }, interpretationPath, answer.interpretation, `Samlad tolkning: ${field.label}`);
      build.anchors.set(path, interpretation.id);
      return {
        ...view,
        indicator: field.indicator ?? null,
        caption: field.label,
        rows: units.map((unit, r) => {
          const comment = answered.find((row) => row.orgUnitCode === unit.code)?.comment;
          const rowPath = `${path}.rows[${r}]`;
          return {
            unit: unit.name,
            figures: unit.values.length ? unit.values.map((v) => `${v.period}${v.breakdown ? ` (${v.breakdown})` : ''}: ${formatNumber(v.value)}`).join(', ') : 'Inga värden',
            codeName: fieldName(`${rowPath}.orgUnitCode`),
            code: unit.code,
            comment: fieldView(build, { key: 'comment', type: 'short_text', label: `Kommentar om ${unit.name}` }, `${rowPath}.comment`, comment, `Kommentar om ${unit.name}`, true),
          };
        }),
        interpretation,
      };
    }
    default:
      return view;
  }
}

/** Containers link their errors to an element of their own (the add button, the interpretation). */
function anchorOn(build: Build, path: string, id: string): Record<string, never> {
  build.anchors.set(path, id);
  return {};
}

function resolveAnchor(anchors: Map<string, string>, path: string): string {
  let at = path;
  while (at) {
    const id = anchors.get(at);
    if (id) return id;
    const parent = parentPath(at);
    if (parent === at) break;
    at = parent;
  }
  return anchors.values().next().value ?? 'main';
}

export interface SectionView {
  key: string;
  title: string;
  intro: string | null;
  anchor: string;
  headingId: string;
  complete: boolean;
  mark: string;
  fields: Array<FieldView & { comments: CommentView[] }>;
  comments: CommentView[];
}

/** Completion of a section in words (never colour or a tick alone). */
function sectionMark(section: SectionDef, answers: Answers): { complete: boolean; mark: string } {
  const required = section.fields.filter((f) => f.required);
  const answered = required.filter((f) => isAnswered(f, answers[f.key])).length;
  if (required.length === 0) {
    return section.fields.some((f) => isAnswered(f, answers[f.key])) ? { complete: true, mark: 'Ifyllt' } : { complete: false, mark: 'Frivilligt' };
  }
  return answered === required.length ? { complete: true, mark: 'Klart' } : { complete: false, mark: `${answered} av ${required.length} obligatoriska ifyllda` };
}

/** The whole form: sections with their completion marks, fields and comments, and the error summary's links. */
export function answerFormView(input: AnswerFormInput) {
  const build: Build = { errors: input.errors ?? [], anchors: new Map(), input };
  const answers = isPlainObject(input.answers) ? input.answers : {};
  const fieldKeys = new Set(input.definition.sections.flatMap((s) => s.fields.map((f) => f.key)));
  const sections: SectionView[] = input.definition.sections.map((section) => ({
    key: section.key,
    title: section.title,
    intro: section.intro?.trim() || null,
    anchor: `avsnitt-${section.key}`,
    headingId: `avsnitt-${section.key}-rubrik`,
    ...sectionMark(section, answers),
    // A section sharing its key with a field: the comments stand beside the field, once.
    comments: fieldKeys.has(section.key) ? [] : (input.comments?.[section.key] ?? []),
    fields: section.fields.map((field) => ({ ...fieldView(build, field, field.key, answers[field.key]), comments: input.comments?.[field.key] ?? [] })),
  }));
  const labels = new Map(input.definition.sections.flatMap((s) => s.fields.map((f) => [f.key, f.label] as const)));
  const errorLinks = build.errors.map((error) => {
    const top = error.path.split(/[.[]/)[0] ?? '';
    const label = labels.get(top);
    return { href: `#${resolveAnchor(build.anchors, error.path)}`, message: label ? `${label}: ${error.message}` : error.message };
  });
  return { sections, errorLinks, anchorOf: (path: string) => resolveAnchor(build.anchors, path) };
}

// ---- Reading the form back ----------------------------------------------------------------------------------

export type FormValues = Record<string, string | string[] | undefined>;

/** Empty → null, "3,5" → 3.5; anything else is a Swedish error and the text as typed. */
function parseNumber(text: string, path: string, errors: FieldError[]): number | string | null {
  const compact = text.replace(/[\s\u00a0]/g, '').replace(/\u2212/g, '-');
  if (compact === '') return null;
  if (/^-?\d+([.,]\d+)?$/.test(compact)) return Number(compact.replace(',', '.'));
  errors.push({ path, message: 'Ange ett tal, t.ex. 12 eller 3,5.' });
  return text;
}

const normalise = (text: string): string => text.replace(/\r\n?/g, '\n');

/**
 * The posted form as answers: every field of the definition (null = empty, so a cleared field is removed) and the
 * errors only the form can have (a number that is not one). Types and bounds are left to validateAnswers.
 */
export function parseAnswerForm(definition: TemplateDefinition, body: FormValues): { answers: Answers; errors: FieldError[] } {
  const errors: FieldError[] = [];
  const one = (name: string): string => {
    const value = body[name];
    return normalise(Array.isArray(value) ? String(value[0] ?? '') : typeof value === 'string' ? value : '');
  };
  const many = (name: string): string[] => {
    const value = body[name];
    return (Array.isArray(value) ? value : value === undefined ? [] : [value]).filter((v): v is string => typeof v === 'string' && v !== '');
  };
  const indexes = (prefix: string): number[] => {
    const pattern = new RegExp(`^${prefix.replace(/\./g, '\\.')}\\.(\\d{1,3})(\\.|$)`);
    const found = new Set<number>();
    for (const key of Object.keys(body)) {
      const match = pattern.exec(key);
      if (match) found.add(Number(match[1]));
    }
    return [...found].sort((a, b) => a - b);
  };

  const scalar = (field: FieldDef, path: string): unknown => {
    const name = fieldName(path);
    switch (field.type) {
      case 'number':
        return parseNumber(one(name), path, errors);
      case 'yes_no':
        return one(name) === 'true' ? true : one(name) === 'false' ? false : null;
      case 'multiple_choice':
      case 'theme_tags': {
        const chosen = many(name);
        return chosen.length ? chosen : null;
      }
      case 'date':
      case 'single_choice': {
        const text = one(name).trim();
        return text === '' ? null : text;
      }
      default: {
        const text = one(name);
        return text.trim() === '' ? null : text;
      }
    }
  };

  const answers: Answers = {};
  for (const field of definition.sections.flatMap((s) => s.fields)) {
    const path = field.key;
    const prefix = fieldName(path);
    if (field.type === 'repeatable_rows' || field.type === 'activity_list') {
      const columns = field.type === 'activity_list'
        ? (['name', 'shift', 'status'].map((key) => ({ key, type: key === 'name' ? 'short_text' : 'single_choice', label: key })) as FieldDef[])
        : (field.columns ?? []);
      const rows = indexes(prefix).map((r, position) => {
        const row: Record<string, unknown> = {};
        for (const column of columns) {
          const cell = scalar(column, `${path}[${r}].${column.key}`);
          if (cell !== null) row[column.key] = cell;
        }
        // Errors name the row by its position in what is saved.
        for (const error of errors) error.path = error.path.replace(`${path}[${r}]`, `${path}[${position}]`);
        return row;
      });
      answers[path] = rows.length ? rows : null;
    } else if (field.type === 'indicator_breakdown') {
      const rows = indexes(`${prefix}.rows`)
        .map((r) => ({ orgUnitCode: one(`${prefix}.rows.${r}.orgUnitCode`).trim(), comment: one(`${prefix}.rows.${r}.comment`) }))
        .filter((row) => row.orgUnitCode !== '');
      const interpretation = one(`${prefix}.interpretation`);
      // Every row is kept once anything is written, so a row's path is the same on the page and in the answers.
      const written = rows.some((row) => row.comment.trim() !== '') || interpretation.trim() !== '';
      answers[path] = written ? { rows, ...(interpretation.trim() ? { interpretation } : {}) } : null;
    } else {
      answers[path] = scalar(field, path);
    }
  }
  return { answers, errors };
}

/** "Lägg till rad" / "Ta bort rad": the answers with one row added to or removed from a table. */
export function applyRowAction(definition: TemplateDefinition, answers: Answers, action: string | undefined): { answers: Answers; focus: string | null } {
  const match = /^(add|remove):([a-z][a-z0-9_]*)(?::(\d{1,3}))?$/.exec(action ?? '');
  if (!match) return { answers, focus: null };
  const [, op, key, index] = match;
  const field = definition.sections.flatMap((s) => s.fields).find((f) => f.key === key);
  if (!field || !['repeatable_rows', 'activity_list'].includes(field.type)) return { answers, focus: null };
  const rows = Array.isArray(answers[key!]) ? [...(answers[key!] as unknown[])] : [];
  if (op === 'add') {
    rows.push({});
    const first = field.type === 'activity_list' ? 'name' : field.columns?.[0]?.key;
    return { answers: { ...answers, [key!]: rows }, focus: first ? fieldId(`${key}[${rows.length - 1}].${first}`) : fieldId(key!) };
  }
  rows.splice(Number(index), 1);
  return { answers: { ...answers, [key!]: rows.length ? rows : null }, focus: `${fieldId(key!)}-add` };
}

// ---- Reading answers (review, revisions) ---------------------------------------------------------------------

export interface DisplayView {
  label: string;
  key: string;
  empty: boolean;
  text?: string;
  html?: string;
  list?: string[];
  table?: { caption: string; head: string[]; rows: Array<{ cells: Array<{ text?: string; html?: string }> }> };
  interpretation?: string;
}

function displayValue(field: FieldDef, value: unknown, themeLabels: Map<string, string>): Omit<DisplayView, 'label' | 'key' | 'empty'> {
  const option = (v: unknown) => field.options?.find((o) => o.value === v)?.label ?? String(v);
  switch (field.type) {
    case 'long_text':
      return { html: renderMarkdown(String(value)) };
    case 'number':
      return { text: `${typeof value === 'number' ? formatNumber(value) : String(value)}${field.unit ? ` ${field.unit}` : ''}` };
    case 'single_choice':
      return { text: option(value) };
    case 'yes_no':
      return { text: value === true ? 'Ja' : value === false ? 'Nej' : String(value) };
    case 'multiple_choice':
      return { list: (value as unknown[]).map(option) };
    case 'theme_tags':
      return { list: (value as unknown[]).map((v) => themeLabels.get(String(v)) ?? String(v)) };
    default:
      return { text: String(value) };
  }
}

/** The answers in the template's structure, read-only: Markdown rendered and sanitised, tables as tables. */
export function answerDisplayView(definition: TemplateDefinition, answers: Answers, options: { themeTags?: Array<{ key: string; label: string }>; prefill?: Record<string, BreakdownPrefillView> } = {}) {
  const themeLabels = new Map((options.themeTags ?? []).map((t) => [t.key, t.label]));
  const source = isPlainObject(answers) ? answers : {};
  return definition.sections.map((section) => ({
    key: section.key,
    title: section.title,
    anchor: `avsnitt-${section.key}`,
    headingId: `avsnitt-${section.key}-rubrik`,
    fields: section.fields.map((field): DisplayView => {
      const value = source[field.key];
      const view: DisplayView = { label: field.label, key: field.key, empty: !isAnswered(field, value) && !(field.type === 'indicator_breakdown' && isPlainObject(value)) };
      if (view.empty) return view;
      if (field.type === 'repeatable_rows') {
        const columns = field.columns ?? [];
        view.table = {
          caption: field.label,
          head: columns.map((c) => c.label),
          rows: (value as unknown[]).map((row) => ({
            cells: columns.map((c) => {
              const cell = isPlainObject(row) ? row[c.key] : undefined;
              return cell === undefined || cell === null ? { text: '–' } : displayValue(c, cell, themeLabels);
            }),
          })),
        };
      } else if (field.type === 'activity_list') {
        view.table = {
          caption: field.label,
          head: ['Aktivitet', 'Förflyttning', 'Status'],
          rows: (value as unknown[]).filter(isPlainObject).map((row) => ({
            cells: [
              { text: String(row.name ?? '–') },
              { text: ACTIVITY_SHIFT_LABELS_SV[row.shift as keyof typeof ACTIVITY_SHIFT_LABELS_SV] ?? '–' },
              { text: ACTIVITY_STATUS_LABELS_SV[row.status as keyof typeof ACTIVITY_STATUS_LABELS_SV] ?? '–' },
            ],
          })),
        };
      } else if (field.type === 'indicator_breakdown') {
        const answer = value as { rows?: Array<{ orgUnitCode: string; comment?: string }>; interpretation?: string };
        const names = new Map((options.prefill?.[field.key]?.rows ?? []).map((r) => [r.orgUnitCode, r.orgUnitName]));
        view.table = {
          caption: field.label,
          head: ['Enhet', 'Kommentar'],
          rows: (answer.rows ?? []).map((row) => ({ cells: [{ text: names.get(row.orgUnitCode) ?? row.orgUnitCode }, { text: row.comment ?? '' }] })),
        };
        view.html = answer.interpretation ? renderMarkdown(answer.interpretation) : undefined;
      } else {
        Object.assign(view, displayValue(field, value, themeLabels));
      }
      return view;
    }),
  }));
}
