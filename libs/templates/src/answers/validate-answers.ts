import { ACTIVITY_SHIFTS, ACTIVITY_STATUSES } from '../definition/activity-vocabulary.js';
import {
  AnswerProblem,
  Answers,
  DEFAULT_ACTIVITY_MAX_ROWS,
  DEFAULT_COMMENT_MAX,
  DEFAULT_LONG_TEXT_MAX,
  DEFAULT_REPEATABLE_MAX_ROWS,
  DEFAULT_SHORT_TEXT_MAX,
  FieldDef,
  KEY_PATTERN,
  MAX_BREAKDOWN_ROWS,
  TemplateDefinition,
} from '../definition/template-definition.js';
import { formatSv, isIsoDate, isPlainObject, keySegment, textLength, unstorableTextMessage } from '../definition/text-checks.js';
import { isAnswered } from './answered.js';

export type AnswerMode = 'save' | 'submit';

export interface AnswerCheckOptions {
  /** Keys of the theme tags a delregion may choose; without them a tag is only checked for its form. */
  themeTags?: Iterable<string>;
}

const ACTIVITY_NAME_MAX = 500;
const ORG_UNIT_CODE_MAX = 64;

/**
 * Every problem of a set of answers. `save` checks types and bounds only (a draft may be incomplete);
 * `submit` also requires the required fields and complete rows. Unknown keys are problems.
 */
export function validateAnswers(
  definition: TemplateDefinition,
  answers: Answers,
  mode: AnswerMode,
  options: AnswerCheckOptions = {},
): AnswerProblem[] {
  const problems: AnswerProblem[] = [];
  const themes = options.themeTags ? new Set(options.themeTags) : null;
  const fields = new Map<string, { field: FieldDef; section: string }>();
  for (const section of definition.sections) for (const field of section.fields) fields.set(field.key, { field, section: section.key });

  if (!isPlainObject(answers)) {
    return [{ path: '', section: '', field: '', message: 'Svaren måste vara ett objekt med ett värde per fält.' }];
  }
  for (const key of Object.keys(answers)) {
    if (!fields.has(key)) problems.push({ path: keySegment('', key), section: '', field: key, message: 'Mallen har inget fält med den nyckeln.' });
  }
  for (const [key, { field, section }] of fields) {
    const add = (path: string, message: string) => problems.push({ path, section, field: key, message });
    const value = answers[key];
    if (value === undefined || value === null) {
      if (mode === 'submit' && field.required) add(key, 'Fältet måste fyllas i.');
      continue;
    }
    checkValue(field, value, key, mode, themes, add);
    if (mode === 'submit' && field.required && !isAnswered(field, value) && !problems.some((p) => p.field === key)) {
      add(key, 'Fältet måste fyllas i.');
    }
  }
  return problems;
}

type Add = (path: string, message: string) => void;

function checkString(value: unknown, path: string, max: number, add: Add): value is string {
  if (typeof value !== 'string') {
    add(path, 'Måste vara en text.');
    return false;
  }
  const bad = unstorableTextMessage(value);
  if (bad) {
    add(path, bad);
    return false;
  }
  if (textLength(value) > max) {
    add(path, `Texten får vara högst ${formatSv(max)} tecken (nu ${formatSv(textLength(value))}).`);
    return false;
  }
  return true;
}

function checkValue(field: FieldDef, value: unknown, path: string, mode: AnswerMode, themes: Set<string> | null, add: Add): void {
  switch (field.type) {
    case 'short_text':
      checkString(value, path, field.maxLength ?? DEFAULT_SHORT_TEXT_MAX, add);
      return;
    case 'long_text':
      checkString(value, path, field.maxLength ?? DEFAULT_LONG_TEXT_MAX, add);
      return;
    case 'number':
      if (typeof value !== 'number' || !Number.isFinite(value)) {
        add(path, 'Måste vara ett tal.');
        return;
      }
      if (field.integer && !Number.isInteger(value)) add(path, 'Måste vara ett heltal.');
      if (typeof field.min === 'number' && value < field.min) add(path, `Talet får inte vara mindre än ${formatSv(field.min)}.`);
      if (typeof field.max === 'number' && value > field.max) add(path, `Talet får inte vara större än ${formatSv(field.max)}.`);
      return;
    case 'single_choice':
      if (typeof value !== 'string' || !(field.options ?? []).some((option) => option.value === value)) {
        add(path, 'Välj ett av alternativen i listan.');
      }
      return;
    case 'multiple_choice': {
      if (!Array.isArray(value)) {
        add(path, 'Måste vara en lista med valda alternativ.');
        return;
      }
      const allowed = new Set((field.options ?? []).map((option) => option.value));
      const seen = new Set<unknown>();
      value.forEach((item, i) => {
        if (typeof item !== 'string' || !allowed.has(item)) add(`${path}[${i}]`, 'Välj bland alternativen i listan.');
        else if (seen.has(item)) add(`${path}[${i}]`, 'Alternativet är redan valt.');
        seen.add(item);
      });
      return;
    }
    case 'date':
      if (typeof value !== 'string' || !isIsoDate(value)) add(path, 'Ange ett giltigt datum som ÅÅÅÅ-MM-DD.');
      return;
    case 'yes_no':
      if (typeof value !== 'boolean') add(path, 'Svara ja eller nej.');
      return;
    case 'theme_tags': {
      if (!Array.isArray(value)) {
        add(path, 'Måste vara en lista med teman.');
        return;
      }
      const seen = new Set<unknown>();
      value.forEach((item, i) => {
        if (typeof item !== 'string' || !KEY_PATTERN.test(item) || (themes && !themes.has(item))) {
          add(`${path}[${i}]`, 'Välj bland temana i listan.');
        } else if (seen.has(item)) add(`${path}[${i}]`, 'Temat är redan valt.');
        seen.add(item);
      });
      return;
    }
    case 'indicator_breakdown':
      checkBreakdown(field, value, path, add);
      return;
    case 'repeatable_rows':
      checkRows(field, value, path, mode, themes, add);
      return;
    case 'activity_list':
      checkActivities(field, value, path, mode, add);
      return;
    default:
      add(path, 'Fältets typ är okänd.');
  }
}

function checkObjectKeys(value: Record<string, unknown>, allowed: readonly string[], path: string, add: Add): void {
  for (const key of Object.keys(value)) if (!allowed.includes(key)) add(keySegment(path, key), 'Okänd uppgift.');
}

function checkBreakdown(field: FieldDef, value: unknown, path: string, add: Add): void {
  if (!isPlainObject(value)) {
    add(path, 'Måste vara ett objekt med rader (rows) och en samlad tolkning (interpretation).');
    return;
  }
  checkObjectKeys(value, ['rows', 'interpretation'], path, add);
  if (value.interpretation !== undefined) checkString(value.interpretation, `${path}.interpretation`, DEFAULT_LONG_TEXT_MAX, add);
  if (value.rows === undefined) return;
  if (!Array.isArray(value.rows)) {
    add(`${path}.rows`, 'Måste vara en lista med rader.');
    return;
  }
  if (value.rows.length > MAX_BREAKDOWN_ROWS) {
    add(`${path}.rows`, `Högst ${MAX_BREAKDOWN_ROWS} rader.`);
    return;
  }
  const codes = new Set<string>();
  const commentMax = field.commentMaxLength ?? DEFAULT_COMMENT_MAX;
  value.rows.forEach((row, r) => {
    const at = `${path}.rows[${r}]`;
    if (!isPlainObject(row)) {
      add(at, 'Raden måste ha en enhet (orgUnitCode) och en kommentar (comment).');
      return;
    }
    checkObjectKeys(row, ['orgUnitCode', 'comment'], at, add);
    if (typeof row.orgUnitCode !== 'string' || row.orgUnitCode.trim() === '' || row.orgUnitCode.length > ORG_UNIT_CODE_MAX) {
      add(`${at}.orgUnitCode`, 'Ange enhetens kod.');
    } else if (codes.has(row.orgUnitCode)) {
      add(`${at}.orgUnitCode`, 'Enheten finns redan på en annan rad.');
    } else {
      codes.add(row.orgUnitCode);
      const bad = unstorableTextMessage(row.orgUnitCode);
      if (bad) add(`${at}.orgUnitCode`, bad);
    }
    if (row.comment !== undefined && row.comment !== null) checkString(row.comment, `${at}.comment`, commentMax, add);
  });
}

function checkRows(field: FieldDef, value: unknown, path: string, mode: AnswerMode, themes: Set<string> | null, add: Add): void {
  if (!Array.isArray(value)) {
    add(path, 'Måste vara en lista med rader.');
    return;
  }
  const maxRows = field.maxRows ?? DEFAULT_REPEATABLE_MAX_ROWS;
  if (value.length > maxRows) {
    add(path, `Högst ${maxRows} rader.`);
    return;
  }
  const columns = field.columns ?? [];
  value.forEach((row, r) => {
    const at = `${path}[${r}]`;
    if (!isPlainObject(row)) {
      add(at, 'Raden måste vara ett objekt med ett värde per kolumn.');
      return;
    }
    checkObjectKeys(
      row,
      columns.map((column) => column.key),
      at,
      add,
    );
    for (const column of columns) {
      const cell = row[column.key];
      const cellPath = `${at}.${column.key}`;
      if (cell === undefined || cell === null) {
        if (mode === 'submit' && column.required) add(cellPath, `${column.label}: måste fyllas i.`);
        continue;
      }
      let failed = false;
      checkValue(column, cell, cellPath, mode, themes, (p, m) => {
        failed = true;
        add(p, m);
      });
      if (!failed && mode === 'submit' && column.required && !isAnswered(column, cell)) add(cellPath, `${column.label}: måste fyllas i.`);
    }
  });
}

function checkActivities(field: FieldDef, value: unknown, path: string, mode: AnswerMode, add: Add): void {
  if (!Array.isArray(value)) {
    add(path, 'Måste vara en lista med aktiviteter.');
    return;
  }
  const maxRows = field.maxRows ?? DEFAULT_ACTIVITY_MAX_ROWS;
  if (value.length > maxRows) {
    add(path, `Högst ${maxRows} aktiviteter.`);
    return;
  }
  value.forEach((activity, a) => {
    const at = `${path}[${a}]`;
    if (!isPlainObject(activity)) {
      add(at, 'Aktiviteten måste ha namn, förflyttning och status.');
      return;
    }
    checkObjectKeys(activity, ['name', 'shift', 'status'], at, add);
    const { name, shift, status } = activity;
    if (name === undefined || name === null || (typeof name === 'string' && name.trim() === '')) {
      if (mode === 'submit') add(`${at}.name`, 'Ange aktivitetens namn.');
    } else {
      checkString(name, `${at}.name`, ACTIVITY_NAME_MAX, add);
    }
    if (shift === undefined || shift === null || shift === '') {
      if (mode === 'submit') add(`${at}.shift`, 'Välj vilken förflyttning aktiviteten gäller.');
    } else if (!(ACTIVITY_SHIFTS as readonly unknown[]).includes(shift)) {
      add(`${at}.shift`, 'Välj en av Färdplanens sex förflyttningar.');
    }
    if (status === undefined || status === null || status === '') {
      if (mode === 'submit') add(`${at}.status`, 'Välj status: klart, pågående eller inte påbörjad.');
    } else if (!(ACTIVITY_STATUSES as readonly unknown[]).includes(status)) {
      add(`${at}.status`, 'Status måste vara klart, pågående eller inte påbörjad.');
    }
  });
}
