import {
  COLUMN_TYPES,
  DefinitionProblem,
  FIELD_TYPES,
  FieldType,
  KEY_PATTERN,
  MAX_ROWS_LIMIT,
  MAX_TEXT_LENGTH,
} from './template-definition.js';
import { isPlainObject, unstorableTextMessage } from './text-checks.js';

export interface DefinitionCheckOptions {
  /** The catalogue's indicator codes; without them an indicator code is only checked for its form. */
  indicatorCodes?: Iterable<string>;
}

const BASE_PROPERTIES = ['key', 'type', 'label', 'help', 'required'];
const TYPE_PROPERTIES: Record<FieldType, string[]> = {
  short_text: ['maxLength'],
  long_text: ['maxLength'],
  number: ['min', 'max', 'unit', 'integer'],
  single_choice: ['options'],
  multiple_choice: ['options'],
  date: [],
  yes_no: [],
  indicator_breakdown: ['indicator', 'commentMaxLength'],
  repeatable_rows: ['columns', 'maxRows'],
  activity_list: ['maxRows'],
  theme_tags: ['vocabulary'],
};
const INDICATOR_CODE = /^[A-Z]{1,6}[0-9]{1,4}$/;
const MAX_SECTIONS = 100;
const MAX_FIELDS_PER_SECTION = 200;
const MAX_OPTIONS = 200;
const MAX_COLUMNS = 30;

/** Every problem of a template definition (unique keys, known types, sane bounds), each with its path. */
export function validateDefinition(definition: unknown, options: DefinitionCheckOptions = {}): DefinitionProblem[] {
  const problems: DefinitionProblem[] = [];
  const add = (path: string, message: string) => problems.push({ path, message });
  const indicatorCodes = options.indicatorCodes ? new Set(options.indicatorCodes) : null;

  if (!isPlainObject(definition)) {
    add('', 'Mallen måste vara ett objekt med avsnitt (sections).');
    return problems;
  }
  for (const key of Object.keys(definition)) if (key !== 'sections') add(key, 'Okänd egenskap.');
  const sections = definition.sections;
  if (!Array.isArray(sections)) {
    add('sections', 'Mallen måste ha en lista med avsnitt.');
    return problems;
  }
  if (sections.length === 0) add('sections', 'Mallen måste ha minst ett avsnitt.');
  if (sections.length > MAX_SECTIONS) add('sections', `Mallen får ha högst ${MAX_SECTIONS} avsnitt.`);

  const sectionKeys = new Map<string, string>();
  const fieldKeys = new Map<string, string>();
  sections.forEach((section, s) => {
    const path = `sections[${s}]`;
    if (!isPlainObject(section)) {
      add(path, 'Avsnittet måste vara ett objekt.');
      return;
    }
    for (const key of Object.keys(section)) if (!['key', 'title', 'intro', 'fields'].includes(key)) add(`${path}.${key}`, 'Okänd egenskap.');
    checkKey(section.key, `${path}.key`, sectionKeys, 'avsnitt', add);
    checkText(section.title, `${path}.title`, true, 200, add);
    checkText(section.intro, `${path}.intro`, false, MAX_TEXT_LENGTH, add);
    if (!Array.isArray(section.fields)) {
      add(`${path}.fields`, 'Avsnittet måste ha en lista med fält.');
      return;
    }
    if (section.fields.length === 0) add(`${path}.fields`, 'Avsnittet måste ha minst ett fält.');
    if (section.fields.length > MAX_FIELDS_PER_SECTION) add(`${path}.fields`, `Ett avsnitt får ha högst ${MAX_FIELDS_PER_SECTION} fält.`);
    section.fields.forEach((field, f) => checkField(field, `${path}.fields[${f}]`, fieldKeys, false, indicatorCodes, add));
  });
  // A comment targets a field or a section by key, so the two must never share one.
  for (const [key, fieldPath] of fieldKeys) {
    const sectionPath = sectionKeys.get(key);
    if (sectionPath !== undefined) add(`${fieldPath}.key`, `Nyckeln ”${key}” används redan av avsnittet ${sectionPath}; ett fält och ett avsnitt får inte ha samma nyckel.`);
  }
  return problems;
}

type Add = (path: string, message: string) => void;

function checkKey(key: unknown, path: string, seen: Map<string, string>, what: string, add: Add): void {
  if (typeof key !== 'string' || !KEY_PATTERN.test(key)) {
    add(path, 'Nyckeln måste börja med en liten bokstav a–z och bara innehålla a–z, 0–9 och _ (högst 64 tecken).');
    return;
  }
  const earlier = seen.get(key);
  if (earlier !== undefined) add(path, `Nyckeln ”${key}” används redan (${earlier}); varje ${what} måste ha en egen nyckel.`);
  else seen.set(key, path.replace(/\.key$/, ''));
}

function checkText(value: unknown, path: string, required: boolean, max: number, add: Add): void {
  if (value === undefined || value === null) {
    if (required) add(path, 'Texten måste fyllas i.');
    return;
  }
  if (typeof value !== 'string') {
    add(path, 'Måste vara en text.');
    return;
  }
  if (required && value.trim() === '') add(path, 'Texten måste fyllas i.');
  if (value.length > max) add(path, `Texten får vara högst ${max} tecken.`);
  const bad = unstorableTextMessage(value);
  if (bad) add(path, bad);
}

function checkInteger(value: unknown, path: string, min: number, max: number, add: Add): void {
  if (value === undefined) return;
  if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > max) {
    add(path, `Måste vara ett heltal från ${min} till ${max}.`);
  }
}

function checkField(
  field: unknown,
  path: string,
  keys: Map<string, string>,
  asColumn: boolean,
  indicatorCodes: Set<string> | null,
  add: Add,
): void {
  if (!isPlainObject(field)) {
    add(path, 'Fältet måste vara ett objekt.');
    return;
  }
  checkKey(field.key, `${path}.key`, keys, asColumn ? 'kolumn i tabellen' : 'fält i mallen', add);
  checkText(field.label, `${path}.label`, true, 500, add);
  checkText(field.help, `${path}.help`, false, 5000, add);
  if (field.required !== undefined && typeof field.required !== 'boolean') add(`${path}.required`, 'Måste vara sant eller falskt.');

  const type = field.type;
  if (typeof type !== 'string' || !(FIELD_TYPES as readonly string[]).includes(type)) {
    add(`${path}.type`, `Okänd fälttyp. Tillåtna: ${FIELD_TYPES.join(', ')}.`);
    return;
  }
  const fieldType = type as FieldType;
  if (asColumn && !COLUMN_TYPES.includes(fieldType)) {
    add(`${path}.type`, `En kolumn kan inte vara av typen ${fieldType}; tillåtna: ${COLUMN_TYPES.join(', ')}.`);
    return;
  }
  const allowed = new Set([...BASE_PROPERTIES, ...TYPE_PROPERTIES[fieldType]]);
  for (const key of Object.keys(field)) if (!allowed.has(key)) add(`${path}.${key}`, `Egenskapen gäller inte fälttypen ${fieldType}.`);

  switch (fieldType) {
    case 'short_text':
    case 'long_text':
      checkInteger(field.maxLength, `${path}.maxLength`, 1, MAX_TEXT_LENGTH, add);
      break;
    case 'number': {
      for (const bound of ['min', 'max'] as const) {
        const value = field[bound];
        if (value !== undefined && (typeof value !== 'number' || !Number.isFinite(value))) add(`${path}.${bound}`, 'Måste vara ett tal.');
      }
      if (typeof field.min === 'number' && typeof field.max === 'number' && field.min > field.max) {
        add(`${path}.max`, 'Största värdet får inte vara mindre än minsta värdet.');
      }
      checkText(field.unit, `${path}.unit`, false, 50, add);
      if (field.integer !== undefined && typeof field.integer !== 'boolean') add(`${path}.integer`, 'Måste vara sant eller falskt.');
      if (field.integer === true) {
        if (typeof field.min === 'number' && typeof field.max === 'number' && Math.ceil(field.min) > Math.floor(field.max)) {
          add(`${path}.max`, 'Inget heltal ryms mellan minsta och största värdet.');
        }
      }
      break;
    }
    case 'single_choice':
    case 'multiple_choice':
      checkOptions(field.options, `${path}.options`, add);
      break;
    case 'indicator_breakdown':
      if (typeof field.indicator !== 'string' || !INDICATOR_CODE.test(field.indicator)) {
        add(`${path}.indicator`, 'Ange indikatorns kod, t.ex. IU03.');
      } else if (indicatorCodes && !indicatorCodes.has(field.indicator)) {
        add(`${path}.indicator`, `Indikatorn ${field.indicator} finns inte i katalogen.`);
      }
      checkInteger(field.commentMaxLength, `${path}.commentMaxLength`, 1, MAX_TEXT_LENGTH, add);
      break;
    case 'repeatable_rows': {
      checkInteger(field.maxRows, `${path}.maxRows`, 1, MAX_ROWS_LIMIT, add);
      const columns = field.columns;
      if (!Array.isArray(columns) || columns.length === 0) {
        add(`${path}.columns`, 'Tabellen måste ha minst en kolumn.');
        break;
      }
      if (columns.length > MAX_COLUMNS) add(`${path}.columns`, `Tabellen får ha högst ${MAX_COLUMNS} kolumner.`);
      const columnKeys = new Map<string, string>();
      columns.forEach((column, c) => checkField(column, `${path}.columns[${c}]`, columnKeys, true, indicatorCodes, add));
      break;
    }
    case 'activity_list':
      checkInteger(field.maxRows, `${path}.maxRows`, 1, MAX_ROWS_LIMIT, add);
      break;
    case 'theme_tags':
      if (field.vocabulary !== undefined && field.vocabulary !== 'themes') add(`${path}.vocabulary`, 'Den enda ordlistan är themes.');
      break;
    case 'date':
    case 'yes_no':
      break;
  }
}

function checkOptions(options: unknown, path: string, add: Add): void {
  if (!Array.isArray(options) || options.length === 0) {
    add(path, 'Ange minst ett alternativ.');
    return;
  }
  if (options.length > MAX_OPTIONS) add(path, `Högst ${MAX_OPTIONS} alternativ.`);
  const values = new Set<string>();
  options.forEach((option, o) => {
    const at = `${path}[${o}]`;
    if (!isPlainObject(option)) {
      add(at, 'Alternativet måste ha value och label.');
      return;
    }
    for (const key of Object.keys(option)) if (key !== 'value' && key !== 'label') add(`${at}.${key}`, 'Okänd egenskap.');
    if (typeof option.value !== 'string' || option.value.trim() === '' || option.value.length > 100) {
      add(`${at}.value`, 'Värdet måste vara en text på 1–100 tecken.');
    } else if (values.has(option.value)) {
      add(`${at}.value`, `Värdet ”${option.value}” finns redan bland alternativen.`);
    } else {
      values.add(option.value);
      const bad = unstorableTextMessage(option.value);
      if (bad) add(`${at}.value`, bad);
    }
    checkText(option.label, `${at}.label`, true, 500, add);
  });
}
