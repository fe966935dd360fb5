import type { AuditEvent, AuditFilter } from '@arshjulet/audit';
import { type FieldError, formatDateTime } from '@arshjulet/core';
import type { OrgUnit } from '../org-units/org-unit.entity.js';
import { AUDIT_ACTION_LABELS_SV, AUDIT_ENTITY_TYPE_CHOICES, AUDIT_ENTITY_TYPE_LABELS_SV, AUDIT_FIELD_LABELS_SV } from './audit-vocabulary.js';

export const AUDIT_PAGE_PATH = '/administration/logg';
export const AUDIT_PAGE_SIZE = 50;

/** The filter form's fields (query parameters) and their element ids. */
const FIELDS = ['typ', 'handling', 'aktor', 'enhet', 'fran', 'till'] as const;
type FieldName = (typeof FIELDS)[number];
export type AuditPageQuery = Partial<Record<FieldName | 'sida', unknown>>;

const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;
const EMPTY = '(tomt)';

/** Midnight in Europe/Stockholm at the start of a `YYYY-MM-DD`, or null when it is no date. */
export function stockholmMidnight(day: string): Date | null {
  const match = DAY.exec(day);
  if (!match) return null;
  const utc = new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])));
  if (utc.toISOString().slice(0, 10) !== day) return null;
  // The offset at the guessed instant, not at noon: on the day summer time starts, midnight is still +1.
  const guess = new Date(utc.getTime() - stockholmOffsetHours(utc) * 3_600_000);
  return new Date(utc.getTime() - stockholmOffsetHours(guess) * 3_600_000);
}

const offsetFormat = new Intl.DateTimeFormat('en-US', { timeZone: 'Europe/Stockholm', timeZoneName: 'shortOffset' });

function stockholmOffsetHours(at: Date): number {
  const name = offsetFormat.formatToParts(at).find((part) => part.type === 'timeZoneName')?.value ?? 'GMT+1';
  return Number(/GMT([+-]\d+)/.exec(name)?.[1] ?? '0');
}

export interface ParsedAuditQuery {
  values: Record<FieldName, string>;
  filter: Omit<AuditFilter, 'orgUnitId'> & { orgUnitCode?: string };
  errors: FieldError[];
  page: number;
}

/** The filters as typed, checked; each problem in Swedish for its field. Nothing is searched while any is wrong. */
export function parseAuditQuery(query: AuditPageQuery): ParsedAuditQuery {
  const text = (value: unknown) => (typeof value === 'string' ? value.trim() : '');
  const values = Object.fromEntries(FIELDS.map((field) => [field, text(query[field])])) as Record<FieldName, string>;
  const errors: FieldError[] = [];
  const filter: ParsedAuditQuery['filter'] = { page: 1, pageSize: AUDIT_PAGE_SIZE };

  if (values.typ) {
    if (/^[a-z0-9_]{1,60}$/.test(values.typ)) filter.entityType = values.typ;
    else errors.push({ path: 'typ', message: 'Välj en typ i listan.' });
  }
  if (values.handling) {
    if (/^[a-z0-9_.]{1,80}$/.test(values.handling)) filter.action = values.handling;
    else errors.push({ path: 'handling', message: 'Välj en händelse i listan.' });
  }
  if (values.aktor) {
    if (values.aktor.length <= 320) filter.actorLabel = values.aktor;
    else errors.push({ path: 'aktor', message: 'E-postadressen får vara högst 320 tecken.' });
  }
  if (values.enhet) {
    if (/^[\p{L}0-9-]{1,36}$/u.test(values.enhet)) filter.orgUnitCode = values.enhet;
    else errors.push({ path: 'enhet', message: 'Välj en organisationsenhet i listan.' });
  }
  const from = values.fran ? stockholmMidnight(values.fran) : null;
  if (values.fran && !from) errors.push({ path: 'fran', message: 'Ange ett datum som 2026-03-19.' });
  const until = values.till ? stockholmMidnight(values.till) : null;
  if (values.till && !until) errors.push({ path: 'till', message: 'Ange ett datum som 2026-03-19.' });
  if (from && until && from > until) errors.push({ path: 'till', message: 'Till och med får inte vara före från och med.' });
  if (from) filter.from = from;
  // "Till och med" the day: up to the next midnight.
  if (until) filter.to = stockholmMidnight(new Date(until.getTime() + 36 * 3_600_000).toISOString().slice(0, 10)) ?? undefined;

  const pageText = text(query.sida);
  const page = /^\d{1,6}$/.test(pageText) && Number(pageText) > 0 ? Number(pageText) : 1;
  filter.page = page;
  return { values, filter, errors, page };
}

function describeValue(value: unknown): string {
  if (value === null || value === undefined || value === '') return EMPTY;
  if (typeof value === 'boolean') return value ? 'ja' : 'nej';
  if (typeof value === 'number') return new Intl.NumberFormat('sv-SE').format(value);
  if (typeof value === 'string') return `”${value.length > 120 ? `${value.slice(0, 117)}…` : value}”`;
  const json = JSON.stringify(value);
  return json.length > 120 ? `${json.slice(0, 117)}…` : json;
}

/** Before → after for every field the row recorded (a field only before or only after shows its side). */
export function auditChanges(event: Pick<AuditEvent, 'before' | 'after'>): string[] {
  const before = event.before ?? {};
  const after = event.after ?? {};
  const fields = [...new Set([...Object.keys(before), ...Object.keys(after)])];
  return fields.map((field) => {
    const label = AUDIT_FIELD_LABELS_SV[field] ?? field;
    if (!(field in before)) return `${label}: ${describeValue(after[field])}`;
    if (!(field in after)) return `${label} var ${describeValue(before[field])}`;
    return `${label}: ${describeValue(before[field])} → ${describeValue(after[field])}`;
  });
}

export const actionLabel = (action: string): string => AUDIT_ACTION_LABELS_SV[action] ?? action;
export const entityTypeLabel = (type: string): string => AUDIT_ENTITY_TYPE_LABELS_SV[type] ?? type;

function pageHref(values: Record<FieldName, string>, page: number): string {
  const params = new URLSearchParams(Object.entries(values).filter(([, value]) => value));
  if (page > 1) params.set('sida', String(page));
  const query = params.toString();
  return query ? `${AUDIT_PAGE_PATH}?${query}` : AUDIT_PAGE_PATH;
}

export function auditPageView(input: {
  parsed: ParsedAuditQuery;
  errors: FieldError[];
  items: AuditEvent[];
  total: number;
  orgUnits: OrgUnit[];
}) {
  const { parsed, errors, items, total, orgUnits } = input;
  const { values, page } = parsed;
  const unitNames = new Map(orgUnits.map((unit) => [unit.id, unit.name]));
  const fieldErrors: Record<string, string> = {};
  for (const error of errors) fieldErrors[error.path] ??= error.message;
  const pages = Math.max(1, Math.ceil(total / AUDIT_PAGE_SIZE));
  const filtered = FIELDS.some((field) => values[field]);
  return {
    title: 'Logg',
    values,
    fieldErrors,
    error: errors.length ? 'Filtren innehåller fel. Rätta det som är markerat för att se händelserna.' : null,
    errorLinks: errors.map((error) => ({ href: `#${error.path}`, message: error.message })),
    invalid: errors.length > 0,
    types: AUDIT_ENTITY_TYPE_CHOICES.map((choice) => ({ ...choice, selected: choice.value === values.typ })),
    actions: Object.entries(AUDIT_ACTION_LABELS_SV)
      .map(([value, label]) => ({ value, label, selected: value === values.handling }))
      .sort((a, b) => a.label.localeCompare(b.label, 'sv')),
    orgUnits: orgUnits.map((unit) => ({ value: unit.code, label: unit.name, selected: unit.code === values.enhet })),
    events: items.map((event) => ({
      when: formatDateTime(event.occurredAt),
      actor: event.actorLabel,
      action: actionLabel(event.action),
      entity: `${entityTypeLabel(event.entityType)}${event.entityId ? ` ${event.entityId}` : ''}`,
      orgUnit: event.orgUnitId ? (unitNames.get(event.orgUnitId) ?? event.orgUnitId) : '–',
      changes: auditChanges(event),
    })),
    total,
    summary: errors.length ? null : `${total} ${total === 1 ? 'händelse' : 'händelser'}${filtered ? ' som matchar filtren' : ''}, nyast först.`,
    clearHref: filtered ? AUDIT_PAGE_PATH : null,
    pager: pages > 1 ? {
      label: `Sida ${page} av ${pages}`,
      previous: page > 1 ? pageHref(values, page - 1) : null,
      next: page < pages ? pageHref(values, page + 1) : null,
    } : null,
  };
}
