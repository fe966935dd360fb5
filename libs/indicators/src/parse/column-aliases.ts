export type LongColumn =
  | 'indicator'
  | 'orgUnit'
  | 'period'
  | 'value'
  | 'numerator'
  | 'denominator'
  | 'breakdown'
  | 'status'
  | 'note';

/** Header names per column, compared after `normalizeHeader`. English first, then Swedish. */
export const COLUMN_ALIASES: Record<LongColumn, readonly string[]> = {
  indicator: ['indicator', 'indicator_code', 'indikator', 'indikatorkod', 'kpi'],
  orgUnit: ['org_unit', 'orgunit', 'org', 'organisation', 'organization', 'organisationsenhet', 'org_enhet', 'enhet'],
  period: ['period', 'tidsperiod'],
  value: ['value', 'värde', 'varde'],
  numerator: ['numerator', 'täljare', 'taljare'],
  denominator: ['denominator', 'nämnare', 'namnare'],
  breakdown: ['breakdown', 'uppdelning'],
  status: ['status'],
  note: ['note', 'comment', 'kommentar', 'anmärkning', 'notering'],
};

/** Swedish name of each column, for messages. */
export const COLUMN_LABELS_SV: Record<LongColumn, string> = {
  indicator: 'indikator',
  orgUnit: 'enhet',
  period: 'period',
  value: 'värde',
  numerator: 'täljare',
  denominator: 'nämnare',
  breakdown: 'uppdelning',
  status: 'status',
  note: 'kommentar',
};

/** First header cell of the wide layout (an empty cell, as in a pasted slide table, is also accepted). */
export const WIDE_ORG_HEADERS: readonly string[] = [
  ...COLUMN_ALIASES.orgUnit,
  'sjukhus',
  'sjukhusgrupp',
  'kommun',
  'delregion',
  'region',
  '',
];

/** `"Värde (%)"` → `"värde"`, `"Org unit"` → `"org_unit"`. */
export function normalizeHeader(text: string): string {
  return text
    .normalize('NFC')
    .toLocaleLowerCase('sv')
    .replace(/\(.*?\)/g, '')
    .replace(/:$/, '')
    .trim()
    .replace(/[\s-]+/g, '_');
}

const BY_ALIAS = new Map<string, LongColumn>(
  (Object.entries(COLUMN_ALIASES) as [LongColumn, readonly string[]][]).flatMap(([column, aliases]) =>
    aliases.map((alias) => [alias, column] as const),
  ),
);

export function longColumnFor(header: string): LongColumn | undefined {
  return BY_ALIAS.get(normalizeHeader(header));
}
