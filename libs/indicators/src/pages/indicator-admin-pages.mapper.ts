import type { AuditEvent } from '@arshjulet/audit';
import { type FieldError, formatDateTime } from '@arshjulet/core';
import type { Indicator } from '../catalogue/indicator.entity.js';
import {
  INDICATOR_AREA_LABELS_SV, INDICATOR_DIRECTION_LABELS_SV, INDICATOR_DIRECTIONS, INDICATOR_GROUP_LABELS_SV, INDICATOR_KIND_LABELS_SV,
  INDICATOR_UNIT_LABELS_SV, INDICATOR_UNITS, IndicatorDirection, IndicatorGroup, IndicatorKind, IndicatorUnit,
} from '../catalogue/indicator-vocabulary.js';
import { formatNumber } from '../format/swedish-number.util.js';

export const INDICATOR_ADMIN_PATH = '/administration/indikatorer';
export const indicatorAdminPath = (code: string): string => `${INDICATOR_ADMIN_PATH}/${encodeURIComponent(code)}`;

/** Form fields (as the validation pipe and the editor report them) to the page's element ids. */
const FIELD_IDS: Record<string, string> = {
  name: 'namn', description: 'beskrivning', phrase: 'fras', target: 'mal', direction: 'riktning', unit: 'enhet', active: 'aktiv', version: 'namn',
};

/** The catalogue's fields in Swedish, for the history's "before → after". */
const FIELD_LABELS_SV: Record<string, string> = {
  code: 'Kod', name: 'Namn', description: 'Beskrivning', group: 'Grupp', area: 'Område', kind: 'Typ', direction: 'Riktning', unit: 'Enhet',
  source: 'Källa', target: 'Mål', koladaKpiId: 'Kolada-id', note: 'Anteckning', phrase: 'Fras i genererad text', active: 'Aktiv',
};

const ACTION_LABELS_SV: Record<string, string> = {
  'indicator.created': 'Lades till',
  'indicator.updated': 'Ändrades',
  'indicator.deleted': 'Togs bort',
  'indicator.reference_loaded': 'Lästes in från referensdata',
  'indicator.reference_updated': 'Uppdaterades från referensdata',
};

const EMPTY = '(tomt)';

/** One recorded value in words: labels for the vocabularies, Swedish numbers, ja/nej. */
export function describeValue(field: string, value: unknown): string {
  if (value === null || value === undefined || value === '') return EMPTY;
  if (typeof value === 'boolean') return value ? 'ja' : 'nej';
  if (typeof value === 'number') return formatNumber(value);
  const text = String(value);
  switch (field) {
    case 'direction': return INDICATOR_DIRECTION_LABELS_SV[text as IndicatorDirection] ?? text;
    case 'unit': return INDICATOR_UNIT_LABELS_SV[text as IndicatorUnit] ?? text;
    case 'group': return INDICATOR_GROUP_LABELS_SV[text as IndicatorGroup] ?? text;
    case 'kind': return INDICATOR_KIND_LABELS_SV[text as IndicatorKind] ?? text;
    case 'area': return INDICATOR_AREA_LABELS_SV[text] ?? text;
    case 'target': return Number.isFinite(Number(text)) ? formatNumber(Number(text)) : text;
    default: return `”${text}”`;
  }
}

export interface HistoryChange {
  label: string;
  before: string;
  after: string;
}

/** What an audit row changed, field by field, in the catalogue's own words. */
export function historyChanges(event: Pick<AuditEvent, 'before' | 'after'>): HistoryChange[] {
  const before = event.before ?? {};
  const after = event.after ?? {};
  const fields = [...new Set([...Object.keys(before), ...Object.keys(after)])].filter((field) => field !== 'version' && field !== 'id');
  return fields.map((field) => ({
    label: FIELD_LABELS_SV[field] ?? field,
    before: field in before ? describeValue(field, before[field]) : EMPTY,
    after: field in after ? describeValue(field, after[field]) : EMPTY,
  }));
}

export function historyView(events: AuditEvent[]) {
  return events.map((event) => ({
    when: formatDateTime(event.occurredAt),
    who: event.actorLabel,
    what: ACTION_LABELS_SV[event.action] ?? event.action,
    changes: historyChanges(event),
  }));
}

export function adminCatalogueView(indicators: Indicator[]) {
  return indicators.map((indicator) => ({
    code: indicator.code,
    href: indicatorAdminPath(indicator.code),
    name: indicator.name,
    group: INDICATOR_GROUP_LABELS_SV[indicator.group],
    direction: INDICATOR_DIRECTION_LABELS_SV[indicator.direction],
    unit: INDICATOR_UNIT_LABELS_SV[indicator.unit],
    target: indicator.target === null ? '–' : formatNumber(indicator.target),
    status: indicator.active ? 'Aktiv' : 'Inaktiv',
  }));
}

export interface IndicatorFormValues {
  version: number;
  name: string;
  description: string;
  phrase: string;
  target: string;
  direction: string;
  unit: string;
  active: string;
}

export const formValuesOf = (indicator: Indicator): IndicatorFormValues => ({
  version: indicator.version,
  name: indicator.name,
  description: indicator.description ?? '',
  phrase: indicator.phrase ?? '',
  target: indicator.target === null ? '' : formatNumber(indicator.target, { plain: true, maxDecimals: 4 }),
  direction: indicator.direction,
  unit: indicator.unit,
  active: indicator.active ? 'ja' : 'nej',
});

/** The posted form's text, for showing it again after a refusal. */
export function postedValues(body: Record<string, string>, version: number): IndicatorFormValues {
  const text = (key: string) => (typeof body[key] === 'string' ? body[key]! : '');
  return {
    version, name: text('name'), description: text('description'), phrase: text('phrase'), target: text('target'),
    direction: text('direction'), unit: text('unit'), active: text('active'),
  };
}

function formErrors(errors: FieldError[]) {
  const fieldErrors: Record<string, string> = {};
  for (const error of errors) fieldErrors[FIELD_IDS[error.path] ?? 'namn'] ??= error.message;
  return { errorLinks: errors.map((error) => ({ href: `#${FIELD_IDS[error.path] ?? 'namn'}`, message: error.message })), fieldErrors };
}

export interface IndicatorEditOptions {
  values?: IndicatorFormValues;
  errors?: FieldError[];
  error?: string | null;
  notice?: string | null;
  /** What the person typed, when someone else saved first. */
  yours?: Array<{ label: string; value: string }>;
}

export function indicatorEditView(indicator: Indicator, history: AuditEvent[], options: IndicatorEditOptions = {}) {
  const values = options.values ?? formValuesOf(indicator);
  const errors = formErrors(options.errors ?? []);
  return {
    title: `${indicator.code} ${indicator.name}`,
    code: indicator.code,
    action: indicatorAdminPath(indicator.code),
    publicHref: `/indikatorer/${encodeURIComponent(indicator.code)}`,
    facts: [
      { label: 'Grupp', value: INDICATOR_GROUP_LABELS_SV[indicator.group] },
      { label: 'Område', value: indicator.area ? (INDICATOR_AREA_LABELS_SV[indicator.area] ?? indicator.area) : '–' },
      { label: 'Typ', value: INDICATOR_KIND_LABELS_SV[indicator.kind] },
      { label: 'Källa', value: indicator.source },
      { label: 'Version', value: String(indicator.version) },
    ],
    values,
    directions: INDICATOR_DIRECTIONS.map((value) => ({ value, label: INDICATOR_DIRECTION_LABELS_SV[value], selected: value === values.direction })),
    units: INDICATOR_UNITS.map((value) => ({ value, label: INDICATOR_UNIT_LABELS_SV[value], selected: value === values.unit })),
    activeOptions: [
      { value: 'ja', label: 'Aktiv – används i jämförelser och rapporter', selected: values.active === 'ja' },
      { value: 'nej', label: 'Inaktiv – visas inte i nya jämförelser', selected: values.active === 'nej' },
    ],
    history: historyView(history),
    notice: options.notice ?? null,
    error: options.error ?? (errors.errorLinks.length ? 'Indikatorn sparades inte. Rätta det som är markerat.' : null),
    yours: options.yours ?? null,
    ...errors,
  };
}

export const yourValues = (values: IndicatorFormValues) => [
  { label: 'Namn', value: values.name || EMPTY },
  { label: 'Beskrivning', value: values.description || EMPTY },
  { label: 'Fras i genererad text', value: values.phrase || EMPTY },
  { label: 'Mål', value: values.target || EMPTY },
  { label: 'Riktning', value: values.direction ? describeValue('direction', values.direction) : EMPTY },
  { label: 'Enhet', value: values.unit ? describeValue('unit', values.unit) : EMPTY },
  { label: 'Aktiv', value: values.active || EMPTY },
];
