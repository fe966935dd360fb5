/**
 * The cycle backup document (`npm run cli -- cycle:export`): one year's cycle and everything that belongs to it, as
 * one canonical JSON document. Rows keep their ids; what they point at outside the year (users, org units,
 * indicators, template versions) is named by its business key, so the document restores into another database.
 */

export const BACKUP_FORMAT = 'arshjulet.cycle-backup';
export const BACKUP_FORMAT_VERSION = 1;

/** The default bound on a document, read or written (`--max-mb`): it is held in memory whole. */
export const BACKUP_DEFAULT_MAX_MB = 256;

/**
 * How a column travels: its own value in a canonical text form, or a reference replaced by a business key
 * (`user` by e-mail, `orgUnit` and `indicator` by code, `templateVersion` by template and number).
 */
export type ColumnKind =
  | 'uuid' | 'text' | 'int' | 'bool' | 'date' | 'timestamp' | 'json' | 'numeric' | 'real' | 'textArray' | 'bytes'
  | 'user' | 'orgUnit' | 'indicator' | 'templateVersion';

export interface ColumnSpec {
  column: string;
  kind: ColumnKind;
  nullable?: boolean;
}

export interface TableSpec {
  table: string;
  /** Selects the table's rows of the cycle `$1`, the table aliased `t`. */
  where: string;
  orderBy: string;
  columns: ColumnSpec[];
  /** Columns deliberately left out (a surrogate key the target numbers itself). */
  omitted?: string[];
  /** A column pointing at another row of the same table: parents are written first. */
  parentColumn?: string;
}

const col = (column: string, kind: ColumnKind, nullable = false): ColumnSpec => ({ column, kind, nullable });
const tasksOfCycle = 't.task_id IN (SELECT id FROM analysis_task WHERE cycle_id = $1)';

/** Every table of a year, in the order it is written (a row's parents before it). */
export const BACKUP_TABLES: TableSpec[] = [
  {
    table: 'cycle',
    where: 't.id = $1',
    orderBy: 't.id',
    columns: [
      col('id', 'uuid'), col('year', 'int'), col('name', 'text'), col('data_periods', 'textArray'), col('status', 'text'),
      col('plan_start', 'date'), col('plan_end', 'date'), col('do_start', 'date'), col('do_end', 'date'),
      col('study_start', 'date'), col('study_end', 'date'), col('act_start', 'date'), col('act_end', 'date'),
      col('analysis_due_date', 'date'), col('focus_areas', 'textArray'), col('indicator_codes', 'textArray'),
      col('template_version', 'templateVersion', true), col('carried_over_decisions', 'textArray', true),
      col('launched_at', 'timestamp', true), col('snapshot_batch_ids', 'textArray'),
      col('created_at', 'timestamp'), col('updated_at', 'timestamp'), col('version', 'int'),
    ],
  },
  {
    table: 'cycle_compilation_value',
    where: 't.cycle_id = $1',
    orderBy: 't.indicator_code, t.org_unit_code, t.period, t.breakdown',
    omitted: ['id'],
    columns: [
      col('cycle_id', 'uuid'), col('indicator_id', 'indicator'), col('indicator_code', 'text'), col('org_unit_id', 'orgUnit'),
      col('org_unit_code', 'text'), col('org_unit_type', 'text'), col('period', 'text'), col('period_start', 'date'),
      col('period_end', 'date'), col('breakdown', 'text'), col('value', 'numeric'), col('numerator', 'numeric', true),
      col('denominator', 'numeric', true), col('status', 'text'), col('derived', 'bool'), col('source_batch_id', 'uuid', true),
    ],
  },
  {
    table: 'analysis_task',
    where: 't.cycle_id = $1',
    orderBy: 't.id',
    columns: [
      col('id', 'uuid'), col('cycle_id', 'uuid'), col('delregion_id', 'orgUnit'), col('status', 'text'), col('due_date', 'date'),
      col('due_date_reason', 'text', true), col('return_comment', 'text', true), col('template_version', 'templateVersion', true),
      col('last_activity_at', 'timestamp'), col('reminders_sent', 'int'), col('created_at', 'timestamp'), col('updated_at', 'timestamp'),
      col('version', 'int'),
    ],
  },
  {
    table: 'analysis_draft',
    where: tasksOfCycle,
    orderBy: 't.id',
    columns: [
      col('id', 'uuid'), col('task_id', 'uuid'), col('answers', 'json'), col('completeness', 'real'), col('updated_by_id', 'user', true),
      col('updated_at', 'timestamp'), col('version', 'int'),
    ],
  },
  {
    table: 'analysis_revision',
    where: tasksOfCycle,
    orderBy: 't.id',
    columns: [
      col('id', 'uuid'), col('task_id', 'uuid'), col('number', 'int'), col('answers', 'json'), col('template_version_id', 'templateVersion', true),
      col('submitted_by_id', 'user', true), col('submitted_at', 'timestamp'),
    ],
  },
  {
    table: 'analysis_comment',
    where: tasksOfCycle,
    orderBy: 't.id',
    parentColumn: 'parent_id',
    columns: [
      col('id', 'uuid'), col('task_id', 'uuid'), col('target', 'text', true), col('parent_id', 'uuid', true), col('body', 'text'),
      col('author_id', 'user', true), col('resolved_at', 'timestamp', true), col('resolved_by_id', 'user', true),
      col('created_at', 'timestamp'), col('version', 'int'),
    ],
  },
  {
    table: 'analysis_attachment',
    where: tasksOfCycle,
    orderBy: 't.id',
    columns: [
      col('id', 'uuid'), col('task_id', 'uuid'), col('file_name', 'text'), col('content_type', 'text'), col('size', 'int'),
      col('content', 'bytes'), col('uploaded_by_id', 'user', true), col('uploaded_at', 'timestamp'),
    ],
  },
  {
    table: 'county_report',
    where: 't.cycle_id = $1',
    orderBy: 't.id',
    columns: [
      col('id', 'uuid'), col('cycle_id', 'uuid'), col('state', 'text'), col('own_sections', 'json'), col('created_at', 'timestamp'),
      col('updated_at', 'timestamp'), col('version', 'int'),
    ],
  },
  {
    table: 'report_version',
    where: 't.report_id IN (SELECT id FROM county_report WHERE cycle_id = $1)',
    orderBy: 't.id',
    columns: [
      col('id', 'uuid'), col('report_id', 'uuid'), col('number', 'int'), col('state', 'text'), col('preliminary', 'bool'),
      col('action', 'text'), col('reason', 'text', true), col('html', 'text'), col('model', 'json'), col('created_by_id', 'user', true),
      col('created_at', 'timestamp'),
    ],
  },
  {
    table: 'feedback_comment',
    where: 't.cycle_id = $1',
    orderBy: 't.id',
    parentColumn: 'parent_id',
    columns: [
      col('id', 'uuid'), col('cycle_id', 'uuid'), col('report_version_id', 'uuid'), col('report_version_number', 'int'),
      col('section_id', 'text'), col('body', 'text'), col('author_id', 'user', true), col('parent_id', 'uuid', true),
      col('created_at', 'timestamp'),
    ],
  },
  {
    table: 'decision',
    where: 't.cycle_id = $1',
    orderBy: 't.id',
    columns: [
      col('id', 'uuid'), col('cycle_id', 'uuid'), col('text', 'text'), col('priority', 'text'), col('owner_org_unit_id', 'orgUnit'),
      col('due_date', 'date'), col('indicator_codes', 'textArray'), col('theme_keys', 'textArray'), col('created_by_id', 'user', true),
      col('created_at', 'timestamp'), col('updated_at', 'timestamp'), col('version', 'int'),
    ],
  },
  {
    table: 'decision_action',
    where: 't.decision_id IN (SELECT id FROM decision WHERE cycle_id = $1)',
    orderBy: 't.id',
    columns: [
      col('id', 'uuid'), col('decision_id', 'uuid'), col('year', 'int'), col('status', 'text'), col('created_at', 'timestamp'),
      col('updated_at', 'timestamp'), col('version', 'int'),
    ],
  },
];

const REFERENCE_KINDS: ReadonlySet<ColumnKind> = new Set(['user', 'orgUnit', 'indicator', 'templateVersion']);

export const isReference = (kind: ColumnKind): boolean => REFERENCE_KINDS.has(kind);

/** A column's key in the document: camelCase, and a reference without its `_id` (`author_id` → `author`, holding an e-mail). */
export function documentKey(spec: ColumnSpec): string {
  const name = isReference(spec.kind) ? spec.column.replace(/_id$/, '') : spec.column;
  return name.replace(/_([a-z])/g, (_, letter: string) => letter.toUpperCase());
}

/** A bytes column also carries the SHA-256 of its bytes, checked on import. */
export const hashKey = (spec: ColumnSpec): string => `${documentKey(spec)}Sha256`;

export type BackupRow = Record<string, unknown>;

/** A person rows name (an author, a submitter): not whether they may sign in now, which is the target's own business. */
export interface UserReference {
  email: string;
  name: string;
  roles: Array<{ role: string; orgUnit: string | null }>;
}

/**
 * A template version the year pinned, named by its template and number (`vvg-default#1`) rather than by an id, which
 * differs between installations; its definition travels along so a database that lacks it can be given it.
 */
export interface TemplateVersionReference {
  /** How the rows name it in this document: the template's code (or name) and the number, e.g. `vvg-default#1`. */
  key: string;
  templateCode: string | null;
  templateName: string;
  templateDescription: string | null;
  number: number;
  status: string;
  definition: unknown;
}

export const templateVersionKey = (version: { templateCode: string | null; templateName: string; number: number }): string =>
  `${version.templateCode ?? version.templateName}#${version.number}`;

export interface BackupReferences {
  users: UserReference[];
  orgUnits: Array<{ code: string; name: string; type: string }>;
  indicators: Array<{ code: string; name: string }>;
  templateVersions: TemplateVersionReference[];
}

export interface CycleBackupDocument {
  format: typeof BACKUP_FORMAT;
  formatVersion: number;
  /** The last migration of the database it was written from. */
  migrationHead: string;
  year: number;
  references: BackupReferences;
  /** Each table's rows, by table name, in the order of BACKUP_TABLES. */
  tables: Record<string, BackupRow[]>;
}

/** JSON with every object's keys sorted and arrays as given: the same data always gives the same bytes. */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(sortKeys(value), null, 1);
}

function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value === null || typeof value !== 'object') return value;
  const sorted: Record<string, unknown> = {};
  for (const key of Object.keys(value).sort()) sorted[key] = sortKeys((value as Record<string, unknown>)[key]);
  return sorted;
}
