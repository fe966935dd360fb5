import { formatNumber } from '@arshjulet/indicators';
import { ACTIVITY_SHIFT_LABELS_SV, ACTIVITY_SHIFTS, ACTIVITY_STATUS_LABELS_SV, ACTIVITY_STATUSES } from '@arshjulet/templates';
import type { CommonDenominator, DelregionSummary, SynthesisModel, TableView } from '../model/report-model.js';

/** The seven organisation fields of the default template, in its order, with its Swedish labels. */
export const ORGANISATION_FIELDS: ReadonlyArray<{ key: string; label: string }> = [
  { key: 'organisation', label: 'Organisation' },
  { key: 'agreements', label: 'Avtal och överenskommelser' },
  { key: 'governance_economy', label: 'Styrning och ekonomi' },
  { key: 'planning_reporting', label: 'Planering och rapportering' },
  { key: 'support_functions', label: 'Stödfunktioner' },
  { key: 'implementation', label: 'Implementering' },
  { key: 'deviation_handling', label: 'Avvikelsehantering' },
];

const MISSING = 'uppgift saknas';

export interface SynthesisOptions {
  /** A theme is a common denominator when at least this many delregions chose it (REPORT_COMMON_THEME_MIN). */
  threshold: number;
  /** Theme key → Swedish label (the theme_tag vocabulary). */
  themeLabels: Record<string, string>;
}

/**
 * What the delregions have in common and where they differ, from their summaries alone (pure: the same summaries
 * give the same synthesis, so a stored version can be checked against a regeneration).
 */
export function synthesize(summaries: DelregionSummary[], options: SynthesisOptions): SynthesisModel {
  const commonDenominators = commonThemes(summaries, options);
  const differences = ORGANISATION_FIELDS.map(({ key, label }) => ({
    key,
    label,
    cells: summaries.map((summary) => ({ delregionCode: summary.delregionCode, text: summary.organisation[key] ?? null })),
  }));
  const fardplan = summaries.map((summary) => ({
    delregionCode: summary.delregionCode,
    delregionName: summary.delregionName,
    shifts: ACTIVITY_SHIFTS.map((shift) => {
      const of = (status: string) => summary.activities.filter((activity) => activity.shift === shift && activity.status === status).length;
      return { shift, shiftLabel: ACTIVITY_SHIFT_LABELS_SV[shift], klart: of('klart'), pågående: of('pågående'), inte_påbörjad: of('inte_påbörjad') };
    }),
  }));
  const deviations = deviationRollUp(summaries);
  const model: Omit<SynthesisModel, 'tables'> = { threshold: options.threshold, of: summaries.length, commonDenominators, differences, fardplan, deviations };
  return { ...model, tables: synthesisTables(model, summaries) };
}

function commonThemes(summaries: DelregionSummary[], { threshold, themeLabels }: SynthesisOptions): CommonDenominator[] {
  const byTheme = new Map<string, DelregionSummary[]>();
  for (const summary of summaries) {
    for (const key of new Set(summary.themes.map((theme) => theme.key))) byTheme.set(key, [...(byTheme.get(key) ?? []), summary]);
  }
  const labelOf = (key: string) => themeLabels[key] ?? summaries.flatMap((s) => s.themes).find((theme) => theme.key === key)?.label ?? key;
  return [...byTheme.entries()]
    .filter(([, chosenBy]) => chosenBy.length >= threshold)
    .map(([themeKey, chosenBy]) => {
      const label = labelOf(themeKey);
      return {
        themeKey,
        label,
        delregions: chosenBy.map((summary) => ({ code: summary.delregionCode, name: summary.delregionName, text: supportingText(summary, label) })),
      };
    })
    .sort((a, b) => b.delregions.length - a.delregions.length || a.label.localeCompare(b.label, 'sv'));
}

const STOP_WORDS = new Set(['och', 'för', 'med', 'den', 'det', 'som', 'till', 'vid', 'från', 'samt', 'eller', 'inom', 'hos', 'mot']);
/** Label words are matched by their first letters, so Swedish inflections and compounds meet ("utskrivningsprocessen" ~ "utskrivning"). */
const STEM_LENGTH = 7;

/**
 * The first paragraph of the delregion's successes, challenges or deviation analysis (in that order) mentioning one
 * of the label's words: a word of the paragraph starting with the label word's first seven letters (the whole word
 * when shorter); null when none does.
 */
export function supportingText(summary: Pick<DelregionSummary, 'successes' | 'challenges' | 'deviationsAnalysis'>, label: string): string | null {
  const stems = words(label)
    .filter((word) => word.length >= 3 && !STOP_WORDS.has(word))
    .map((word) => word.slice(0, STEM_LENGTH));
  if (stems.length === 0) return null;
  for (const text of [summary.successes, summary.challenges, summary.deviationsAnalysis]) {
    for (const paragraph of (text ?? '').split(/\n+/).map((line) => line.trim())) {
      if (paragraph && words(paragraph).some((word) => stems.some((stem) => word.startsWith(stem)))) return paragraph;
    }
  }
  return null;
}

const words = (text: string): string[] => text.toLocaleLowerCase('sv').split(/[^\p{L}\p{N}]+/u).filter(Boolean);

function deviationRollUp(summaries: DelregionSummary[]): SynthesisModel['deviations'] {
  const byType = new Map<string, { type: string; delregions: string[]; counts: number[]; systemFlaw: boolean; proposals: Array<{ delregionCode: string; text: string }> }>();
  for (const summary of summaries) {
    for (const row of summary.deviations) {
      const type = row.type.trim();
      if (!type) continue;
      const key = type.toLocaleLowerCase('sv');
      const entry = byType.get(key) ?? { type, delregions: [], counts: [], systemFlaw: false, proposals: [] };
      if (!entry.delregions.includes(summary.delregionName)) entry.delregions.push(summary.delregionName);
      if (row.count !== null) entry.counts.push(row.count);
      entry.systemFlaw ||= row.systemFlaw === true;
      const proposal = row.regionalProposal?.trim();
      if (proposal) entry.proposals.push({ delregionCode: summary.delregionCode, text: proposal });
      byType.set(key, entry);
    }
  }
  return [...byType.values()]
    .map(({ counts, ...entry }) => ({ ...entry, total: counts.length ? counts.reduce((sum, count) => sum + count, 0) : null }))
    .sort((a, b) => b.delregions.length - a.delregions.length || (b.total ?? 0) - (a.total ?? 0) || a.type.localeCompare(b.type, 'sv'));
}

const text = (value: string | null | undefined) => (value === null || value === undefined || value.trim() === '' ? MISSING : value);
const count = (value: number) => formatNumber(value);

function synthesisTables(model: Omit<SynthesisModel, 'tables'>, summaries: DelregionSummary[]): TableView[] {
  const names = new Map(summaries.map((summary) => [summary.delregionCode, summary.delregionName]));
  const common: TableView = {
    id: 'gemensamma-namnare',
    caption: `Gemensamma nämnare: teman som minst ${model.threshold} av ${model.of} delregioner valt`,
    columns: ['Tema', 'Antal delregioner', 'Delregioner'],
    rows: model.commonDenominators.map((theme) => [theme.label, count(theme.delregions.length), theme.delregions.map((d) => d.name).join(', ')]),
    raw: model.commonDenominators.map((theme) => [theme.label, theme.delregions.length, theme.delregions.map((d) => d.name).join(', ')]),
  };
  const differences: TableView = {
    id: 'skillnader',
    caption: 'Skillnader: så är delregionerna organiserade',
    columns: ['Område', ...summaries.map((summary) => summary.delregionName)],
    rows: model.differences.map((field) => [field.label, ...field.cells.map((cell) => text(cell.text))]),
    raw: model.differences.map((field) => [field.label, ...field.cells.map((cell) => cell.text)]),
  };
  const statusColumns = ACTIVITY_STATUSES.map((status) => ACTIVITY_STATUS_LABELS_SV[status]);
  const fardplanRows = model.fardplan.flatMap((delregion) =>
    delregion.shifts.map((shift) => [delregion.delregionName, shift.shiftLabel, shift.klart, shift.pågående, shift.inte_påbörjad] as const),
  );
  const fardplan: TableView = {
    id: 'fardplan',
    caption: 'Färdplanen: aktiviteter per delregion och förflyttning',
    columns: ['Delregion', 'Förflyttning', ...statusColumns],
    rows: fardplanRows.map(([name, shift, ...counts]) => [name, shift, ...counts.map(count)]),
    raw: fardplanRows.map((row) => [...row]),
  };
  const deviations: TableView = {
    id: 'avvikelser',
    caption: 'Avvikelser i samverkan: vanligaste typerna i delregionerna',
    columns: ['Typ av avvikelse', 'Antal delregioner', 'Delregioner', 'Antal totalt', 'Systemfel', 'Förslag till åtgärd på regional nivå'],
    rows: model.deviations.map((row) => [
      row.type,
      count(row.delregions.length),
      row.delregions.join(', '),
      row.total === null ? MISSING : count(row.total),
      row.systemFlaw ? 'Ja' : 'Nej',
      proposalsText(row.proposals, names),
    ]),
    raw: model.deviations.map((row) => [row.type, row.delregions.length, row.delregions.join(', '), row.total, row.systemFlaw ? 'Ja' : 'Nej', proposalsText(row.proposals, names)]),
  };
  return [common, differences, fardplan, deviations];
}

function proposalsText(proposals: Array<{ delregionCode: string; text: string }>, names: Map<string, string>): string {
  return proposals.length ? proposals.map((proposal) => `${names.get(proposal.delregionCode) ?? proposal.delregionCode}: ${proposal.text}`).join('\n') : MISSING;
}
