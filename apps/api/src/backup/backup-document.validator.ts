import { createHash } from 'node:crypto';
import type { FieldError } from '@arshjulet/core';
import { BackupException } from './backup.exception.js';
import {
  BACKUP_FORMAT, BACKUP_FORMAT_VERSION, BACKUP_TABLES, documentKey, hashKey, type ColumnKind, type ColumnSpec,
  type CycleBackupDocument,
} from './cycle-backup.format.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const DATE = /^\d{4}-\d{2}-\d{2}$/;
const TIMESTAMP = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}Z$/;
const NUMERIC = /^-?\d+(\.\d+)?$/;
const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);
const isDate = (value: unknown): boolean => typeof value === 'string' && DATE.test(value) && !Number.isNaN(Date.parse(`${value}T00:00:00Z`)) && new Date(`${value}T00:00:00Z`).toISOString().startsWith(value);
const isTimestamp = (value: unknown): boolean => typeof value === 'string' && TIMESTAMP.test(value) && isDate(value.slice(0, 10));

const KIND_CHECKS: Record<Exclude<ColumnKind, 'user' | 'orgUnit' | 'indicator' | 'templateVersion'>, [(value: unknown) => boolean, string]> = {
  uuid: [(value) => typeof value === 'string' && UUID.test(value), 'ska vara ett id (uuid)'],
  text: [(value) => typeof value === 'string', 'ska vara en text'],
  int: [(value) => Number.isSafeInteger(value), 'ska vara ett heltal'],
  bool: [(value) => typeof value === 'boolean', 'ska vara true eller false'],
  date: [isDate, 'ska vara ett datum (ÅÅÅÅ-MM-DD)'],
  timestamp: [isTimestamp, 'ska vara en tidpunkt i UTC (ÅÅÅÅ-MM-DDTtt:mm:ss.ssssssZ)'],
  json: [() => true, ''],
  numeric: [(value) => typeof value === 'string' && NUMERIC.test(value), 'ska vara ett tal skrivet som text, t.ex. "12.5"'],
  real: [(value) => typeof value === 'number' && Number.isFinite(value), 'ska vara ett tal'],
  textArray: [(value) => Array.isArray(value) && value.every((item) => typeof item === 'string'), 'ska vara en lista av texter'],
  bytes: [(value) => typeof value === 'string' && value.length % 4 === 0 && BASE64.test(value), 'ska vara filens innehåll i base64'],
};

const REFERENCE_MESSAGES: Record<'user' | 'orgUnit' | 'indicator' | 'templateVersion', string> = {
  user: 'hänvisar till en användare som inte finns i references.users',
  orgUnit: 'hänvisar till en organisationsenhet som inte finns i references.orgUnits',
  indicator: 'hänvisar till en indikator som inte finns i references.indicators',
  templateVersion: 'hänvisar till en mallversion som inte finns i references.templateVersions',
};

/**
 * Checks a parsed document before anything is written: its format and version, every row's fields against the
 * format, that the rows hang together (one cycle of the document's year, every task, report and decision of it)
 * and that each attachment's bytes match their hash. Every problem is listed with its path, in Swedish.
 */
export function validateBackupDocument(value: unknown, knownMigrations: readonly string[]): CycleBackupDocument {
  const errors: FieldError[] = [];
  const problem = (path: string, message: string): void => void errors.push({ path, message });

  if (!isObject(value) || value.format !== BACKUP_FORMAT) {
    throw BackupException.invalid([{ path: 'format', message: `ska vara "${BACKUP_FORMAT}": dokumentet är inte en säkerhetskopia av ett årshjul (npm run cli -- cycle:export).` }]);
  }
  if (value.formatVersion !== BACKUP_FORMAT_VERSION) {
    throw BackupException.invalid([{ path: 'formatVersion', message: `version ${String(value.formatVersion)} stöds inte; den här versionen av Årshjulet läser version ${BACKUP_FORMAT_VERSION}.` }]);
  }
  if (typeof value.migrationHead !== 'string' || !knownMigrations.includes(value.migrationHead)) {
    problem('migrationHead', `${String(value.migrationHead)} är ingen migrering som den här versionen av Årshjulet känner till: dokumentet skrevs av en nyare version. Uppgradera först.`);
  }
  if (!Number.isSafeInteger(value.year)) problem('year', 'ska vara ett år, t.ex. 2025');

  const references = isObject(value.references) ? value.references : {};
  if (!isObject(value.references)) problem('references', 'saknas');
  const keys = {
    user: listOf(references.users, 'references.users', problem, (item, path) => {
      expectFields(item, path, { email: 'text', name: 'text' }, problem);
      if (!Array.isArray(item.roles)) problem(`${path}.roles`, 'ska vara en lista');
      else item.roles.forEach((role, i) => {
        if (!isObject(role) || typeof role.role !== 'string' || !(role.orgUnit === null || typeof role.orgUnit === 'string')) problem(`${path}.roles[${i}]`, 'ska vara { role, orgUnit } (orgUnit en kod eller null)');
      });
      return item.email;
    }),
    orgUnit: listOf(references.orgUnits, 'references.orgUnits', problem, (item, path) => (expectFields(item, path, { code: 'text', name: 'text', type: 'text' }, problem), item.code)),
    indicator: listOf(references.indicators, 'references.indicators', problem, (item, path) => (expectFields(item, path, { code: 'text', name: 'text' }, problem), item.code)),
    templateVersion: listOf(references.templateVersions, 'references.templateVersions', problem, (item, path) => {
      expectFields(item, path, { key: 'text', templateName: 'text', number: 'int' }, problem);
      if (!(item.templateCode === null || typeof item.templateCode === 'string')) problem(`${path}.templateCode`, 'ska vara en text eller null');
      if (!(item.templateDescription === null || typeof item.templateDescription === 'string')) problem(`${path}.templateDescription`, 'ska vara en text eller null');
      if (item.status !== 'published') problem(`${path}.status`, 'ska vara "published": ett årshjul hänvisar bara till publicerade mallversioner');
      if (!isObject(item.definition)) problem(`${path}.definition`, 'ska vara mallens definition (ett objekt)');
      return item.key;
    }),
  };
  for (const role of (Array.isArray(references.users) ? references.users : []).flatMap((user) => (isObject(user) && Array.isArray(user.roles) ? user.roles : []))) {
    if (isObject(role) && typeof role.orgUnit === 'string' && !keys.orgUnit.has(role.orgUnit)) problem('references.users', `rollen ${String(role.role)} hänvisar till ${role.orgUnit}, som inte finns i references.orgUnits`);
  }

  const tables = isObject(value.tables) ? value.tables : {};
  if (!isObject(value.tables)) problem('tables', 'saknas');
  for (const name of Object.keys(tables)) if (!BACKUP_TABLES.some((spec) => spec.table === name)) problem(`tables.${name}`, 'okänd tabell');
  for (const spec of BACKUP_TABLES) {
    const rows = tables[spec.table];
    if (!Array.isArray(rows)) {
      problem(`tables.${spec.table}`, 'ska vara en lista av rader');
      continue;
    }
    rows.forEach((row, i) => validateRow(row, `tables.${spec.table}[${i}]`, spec.columns, keys, problem));
  }
  if (errors.length === 0) validateStructure(value as unknown as CycleBackupDocument, problem);
  if (errors.length) throw BackupException.invalid(errors);
  return value as unknown as CycleBackupDocument;
}

type Problem = (path: string, message: string) => void;

function listOf(list: unknown, path: string, problem: Problem, check: (item: Record<string, unknown>, path: string) => unknown): Set<string> {
  const keys = new Set<string>();
  if (!Array.isArray(list)) {
    problem(path, 'ska vara en lista');
    return keys;
  }
  list.forEach((item, i) => {
    if (!isObject(item)) return problem(`${path}[${i}]`, 'ska vara ett objekt');
    const key = check(item, `${path}[${i}]`);
    if (typeof key !== 'string') return;
    if (keys.has(key)) problem(`${path}[${i}]`, `${key} finns två gånger`);
    keys.add(key);
  });
  return keys;
}

function expectFields(item: Record<string, unknown>, path: string, fields: Record<string, keyof typeof KIND_CHECKS>, problem: Problem, nullable: string[] = []): void {
  for (const [field, kind] of Object.entries(fields)) {
    const value = item[field];
    if (value === null && nullable.includes(field)) continue;
    const [check, message] = KIND_CHECKS[kind];
    if (value === undefined) problem(`${path}.${field}`, 'saknas');
    else if (!check(value)) problem(`${path}.${field}`, message);
  }
}

function validateRow(row: unknown, path: string, columns: ColumnSpec[], keys: Record<'user' | 'orgUnit' | 'indicator' | 'templateVersion', Set<string>>, problem: Problem): void {
  if (!isObject(row)) return problem(path, 'ska vara ett objekt');
  const expected = new Set<string>();
  for (const column of columns) {
    const key = documentKey(column);
    expected.add(key);
    if (column.kind === 'bytes') expected.add(hashKey(column));
    const value = row[key];
    if (value === undefined) {
      problem(`${path}.${key}`, 'saknas');
      continue;
    }
    if (value === null) {
      if (!column.nullable) problem(`${path}.${key}`, 'får inte vara null');
      continue;
    }
    if (column.kind === 'user' || column.kind === 'orgUnit' || column.kind === 'indicator' || column.kind === 'templateVersion') {
      if (typeof value !== 'string' || !keys[column.kind].has(value)) problem(`${path}.${key}`, `${REFERENCE_MESSAGES[column.kind]} (${String(value)})`);
      continue;
    }
    const [check, message] = KIND_CHECKS[column.kind];
    if (!check(value)) {
      problem(`${path}.${key}`, message);
      continue;
    }
    if (column.kind === 'bytes') {
      const hash = createHash('sha256').update(Buffer.from(value as string, 'base64')).digest('hex');
      if (row[hashKey(column)] !== hash) problem(`${path}.${hashKey(column)}`, 'stämmer inte med innehållet: filen är skadad eller ändrad');
    }
  }
  for (const key of Object.keys(row)) if (!expected.has(key)) problem(`${path}.${key}`, 'okänt fält');
}

/** The rows hang together: one cycle of the year, everything else of it, parents present, ids unique. */
function validateStructure(document: CycleBackupDocument, problem: Problem): void {
  const { tables } = document;
  const ids = (table: string): Set<string> => new Set(tables[table]!.map((row) => row.id as string));
  for (const spec of BACKUP_TABLES) {
    if (!spec.columns.some((column) => column.column === 'id')) continue;
    const seen = new Set<string>();
    tables[spec.table]!.forEach((row, i) => {
      if (seen.has(row.id as string)) problem(`tables.${spec.table}[${i}].id`, `${String(row.id)} finns två gånger`);
      seen.add(row.id as string);
    });
  }
  const [cycle, ...more] = tables.cycle!;
  if (!cycle || more.length) return problem('tables.cycle', 'ska innehålla precis ett årshjul');
  if (cycle.year !== document.year) problem('tables.cycle[0].year', `ska vara dokumentets år (${document.year})`);
  if (tables.county_report!.length > 1) problem('tables.county_report', 'ett årshjul har högst en länsrapport');

  const belongs = (table: string, key: string, parents: Set<string>, what: string): void =>
    tables[table]!.forEach((row, i) => {
      const parent = row[key];
      if (parent !== null && !parents.has(parent as string)) problem(`tables.${table}[${i}].${key}`, `hänvisar till ${what} som inte finns i dokumentet (${String(parent)})`);
    });
  const cycleIds = new Set([cycle.id as string]);
  for (const table of ['cycle_compilation_value', 'analysis_task', 'county_report', 'feedback_comment', 'decision']) belongs(table, 'cycleId', cycleIds, 'ett annat årshjul');
  for (const table of ['analysis_draft', 'analysis_revision', 'analysis_comment', 'analysis_attachment']) belongs(table, 'taskId', ids('analysis_task'), 'en uppgift');
  belongs('analysis_comment', 'parentId', ids('analysis_comment'), 'en kommentar');
  belongs('report_version', 'reportId', ids('county_report'), 'en rapport');
  belongs('feedback_comment', 'reportVersionId', ids('report_version'), 'en rapportversion');
  belongs('feedback_comment', 'parentId', ids('feedback_comment'), 'en kommentar');
  belongs('decision_action', 'decisionId', ids('decision'), 'ett beslut');
  tables.analysis_attachment!.forEach((row, i) => {
    if (Buffer.byteLength(row.content as string, 'base64') !== row.size) problem(`tables.analysis_attachment[${i}].size`, 'stämmer inte med innehållets storlek');
  });
}
