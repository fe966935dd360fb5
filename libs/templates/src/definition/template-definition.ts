export const FIELD_TYPES = [
  'short_text',
  'long_text',
  'number',
  'single_choice',
  'multiple_choice',
  'date',
  'yes_no',
  'indicator_breakdown',
  'repeatable_rows',
  'activity_list',
  'theme_tags',
] as const;
export type FieldType = (typeof FIELD_TYPES)[number];

/** The types a repeatable row's column may have: plain values, no tables inside a table. */
export const COLUMN_TYPES: readonly FieldType[] = ['short_text', 'long_text', 'number', 'single_choice', 'multiple_choice', 'date', 'yes_no'];

export const FIELD_TYPE_LABELS_SV: Record<FieldType, string> = {
  short_text: 'Kort text',
  long_text: 'Lång text (Markdown)',
  number: 'Tal',
  single_choice: 'Ett val',
  multiple_choice: 'Flera val',
  date: 'Datum',
  yes_no: 'Ja/nej',
  indicator_breakdown: 'Indikator per kommun och sjukhus',
  repeatable_rows: 'Tabell med rader',
  activity_list: 'Aktiviteter i Färdplanen',
  theme_tags: 'Teman',
};

export interface ChoiceOption {
  value: string;
  label: string;
}

/**
 * One field of a template. Options per type:
 * - short_text / long_text: `maxLength` (defaults 500 / 20 000)
 * - number: `min`, `max`, `unit` (shown beside the box), `integer`
 * - single_choice / multiple_choice: `options`
 * - indicator_breakdown: `indicator` (a catalogue code), `commentMaxLength` (default 2 000)
 * - repeatable_rows: `columns` (plain fields), `maxRows` (default 50)
 * - activity_list: `maxRows` (default 100)
 * - theme_tags: `vocabulary` ('themes', the controlled theme tags)
 */
export interface FieldDef {
  key: string;
  type: FieldType;
  label: string;
  help?: string;
  required?: boolean;
  maxLength?: number;
  min?: number;
  max?: number;
  unit?: string;
  integer?: boolean;
  options?: ChoiceOption[];
  indicator?: string;
  commentMaxLength?: number;
  columns?: FieldDef[];
  maxRows?: number;
  vocabulary?: 'themes';
  [option: string]: unknown;
}

export interface SectionDef {
  key: string;
  title: string;
  intro?: string;
  fields: FieldDef[];
}

export interface TemplateDefinition {
  sections: SectionDef[];
}

export type TemplateVersionStatus = 'draft' | 'published';

export interface TemplateVersionView {
  id: string;
  templateId: string;
  name: string;
  version: number;
  status: TemplateVersionStatus;
  definition: TemplateDefinition;
  publishedAt: string | null;
}

/** One problem of a definition or of answers; `path` like `sections[2].fields[0].max` or `deviations[1].count`. */
export interface DefinitionProblem {
  path: string;
  message: string;
}

export interface AnswerProblem {
  path: string;
  /** The section key of the field ('' for a key no section has). */
  section: string;
  /** The top-level field key. */
  field: string;
  message: string;
}

export type Answers = Record<string, unknown>;

export const DEFAULT_SHORT_TEXT_MAX = 500;
export const DEFAULT_LONG_TEXT_MAX = 20_000;
export const MAX_TEXT_LENGTH = 20_000;
export const DEFAULT_COMMENT_MAX = 2_000;
export const DEFAULT_REPEATABLE_MAX_ROWS = 50;
export const DEFAULT_ACTIVITY_MAX_ROWS = 100;
export const MAX_ROWS_LIMIT = 200;
/** More rows than a delregion has municipalities and hospitals, with room to spare. */
export const MAX_BREAKDOWN_ROWS = 200;
export const KEY_PATTERN = /^[a-z][a-z0-9_]{0,63}$/;
