import { toDelregionSummary } from '../assembly/delregion-summary.mapper.js';
import type { DelregionSummary } from '../model/report-model.js';
import { supportingText, synthesize } from './synthesize.js';

const LABELS = { in_och_utskrivning: 'In- och utskrivningsprocessen', sip: 'Samordnad individuell plan (SIP)', avvikelser: 'Avvikelser' };

function summary(code: string, answers: Record<string, unknown>, status = 'accepted'): DelregionSummary {
  return toDelregionSummary({ taskId: code, taskStatus: status, delregionCode: code, delregionName: `Delregion ${code}`, revisionNumber: 1, answers }, LABELS);
}

/** Six delregions: in_och_utskrivning chosen by 4, sip by 3, avvikelser by 1. */
const six = (): DelregionSummary[] =>
  ['A', 'B', 'C', 'D', 'E', 'F'].map((code, index) =>
    summary(code, {
      theme_tags: [...(index < 4 ? ['in_och_utskrivning'] : []), ...(index >= 3 ? ['sip'] : []), ...(index === 5 ? ['avvikelser'] : [])],
      successes: index === 0 ? 'Bra år.\nUtbildning om utskrivningsprocessen gav resultat.' : null,
      challenges: index === 1 ? 'Inget om temat här.' : null,
    }),
  );

describe('synthesize', () => {
  it('a theme chosen by exactly the threshold is a common denominator; one below is not (4 of 6 vs 3 of 6)', () => {
    const model = synthesize(six(), { threshold: 4, themeLabels: LABELS });
    expect(model).toMatchObject({ threshold: 4, of: 6 });
    expect(model.commonDenominators.map((theme) => [theme.themeKey, theme.delregions.length])).toEqual([['in_och_utskrivning', 4]]);
    expect(model.commonDenominators[0]!.label).toBe('In- och utskrivningsprocessen');

    const lower = synthesize(six(), { threshold: 3, themeLabels: LABELS });
    expect(lower.commonDenominators.map((theme) => [theme.themeKey, theme.delregions.length])).toEqual([['in_och_utskrivning', 4], ['sip', 3]]);
  });

  it('names the delregions behind a theme, with the first paragraph mentioning it or null', () => {
    const [theme] = synthesize(six(), { threshold: 4, themeLabels: LABELS }).commonDenominators;
    expect(theme!.delregions).toEqual([
      { code: 'A', name: 'Delregion A', text: 'Utbildning om utskrivningsprocessen gav resultat.' },
      { code: 'B', name: 'Delregion B', text: null },
      { code: 'C', name: 'Delregion C', text: null },
      { code: 'D', name: 'Delregion D', text: null },
    ]);
  });

  it('finds supporting text in challenges and the deviation analysis too, and not inside another word', () => {
    expect(supportingText({ successes: null, challenges: 'För få SIP:ar upprättas.', deviationsAnalysis: null }, LABELS.sip)).toBe('För få SIP:ar upprättas.');
    expect(supportingText({ successes: 'Gossip.', challenges: null, deviationsAnalysis: '69 % av avvikelserna gällde in- och utskrivning.' }, LABELS.sip)).toBeNull();
    expect(supportingText({ successes: null, challenges: null, deviationsAnalysis: '69 % av avvikelserna gällde X.' }, 'Avvikelser')).toBe('69 % av avvikelserna gällde X.');
    expect(supportingText({ successes: 'Fler meddelanden om utskrivningsklar i tid.', challenges: null, deviationsAnalysis: null }, LABELS.in_och_utskrivning)).toBe('Fler meddelanden om utskrivningsklar i tid.');
    expect(supportingText({ successes: 'Och för med.', challenges: null, deviationsAnalysis: null }, 'Och för med')).toBeNull();
  });

  it('counts a theme once per delregion even when tagged twice', () => {
    const summaries = ['A', 'B'].map((code) => summary(code, { theme_tags: ['sip', 'sip'] }));
    expect(synthesize(summaries, { threshold: 2, themeLabels: LABELS }).commonDenominators[0]!.delregions).toHaveLength(2);
  });

  it('empty input: no themes, the seven fields with no cells, empty matrix and roll-up, the four tables', () => {
    const model = synthesize([], { threshold: 4, themeLabels: {} });
    expect(model).toMatchObject({ threshold: 4, of: 0, commonDenominators: [], fardplan: [], deviations: [] });
    expect(model.differences.map((field) => field.label)).toEqual([
      'Organisation', 'Avtal och överenskommelser', 'Styrning och ekonomi', 'Planering och rapportering', 'Stödfunktioner', 'Implementering', 'Avvikelsehantering',
    ]);
    expect(model.differences.every((field) => field.cells.length === 0)).toBe(true);
    expect(model.tables.map((table) => table.id)).toEqual(['gemensamma-namnare', 'skillnader', 'fardplan', 'avvikelser']);
    expect(model.tables.find((table) => table.id === 'skillnader')!.rows).toHaveLength(7);
  });

  it('a delregion without answers gives nulls, printed as uppgift saknas in the differences table', () => {
    const empty = toDelregionSummary({ taskId: 't', taskStatus: 'in_progress', delregionCode: 'X', delregionName: 'X-regionen', revisionNumber: null, answers: null }, {});
    expect(empty).toMatchObject({ accepted: false, successes: null, challenges: null, deviationsAnalysis: null, deviations: [], activities: [], themes: [], annualReportLink: null, decisionsFollowup: null });
    expect(Object.values(empty.organisation)).toEqual([null, null, null, null, null, null, null]);
    const table = synthesize([empty], { threshold: 4, themeLabels: {} }).tables.find((t) => t.id === 'skillnader')!;
    expect(table.columns).toEqual(['Område', 'X-regionen']);
    expect(table.rows[0]).toEqual(['Organisation', 'uppgift saknas']);
    expect(table.raw![0]).toEqual(['Organisation', null]);
  });

  it('organisation fields side by side, one cell per delregion in their order', () => {
    const model = synthesize([summary('A', { organisation: 'Samordningsgrupp.' }), summary('B', { governance_economy: 'Ansträngd ekonomi.' })], { threshold: 4, themeLabels: {} });
    expect(model.differences[0]).toEqual({ key: 'organisation', label: 'Organisation', cells: [{ delregionCode: 'A', text: 'Samordningsgrupp.' }, { delregionCode: 'B', text: null }] });
    expect(model.differences[2]!.cells).toEqual([{ delregionCode: 'A', text: null }, { delregionCode: 'B', text: 'Ansträngd ekonomi.' }]);
  });

  it('Färdplan: per delregion the six shifts in order with counts per status; unknown shifts and statuses are left out', () => {
    const model = synthesize([
      summary('A', {
        roadmap_activities: [
          { name: 'a', shift: 'continuity_and_coordination', status: 'pågående' },
          { name: 'b', shift: 'continuity_and_coordination', status: 'pågående' },
          { name: 'c', shift: 'continuity_and_coordination', status: 'klart' },
          { name: 'd', shift: 'from_inpatient_to_outpatient', status: 'inte_påbörjad' },
          { name: 'e', shift: 'no_such_shift', status: 'klart' },
          { name: 'f', shift: 'person_centred_care', status: 'kanske' },
        ],
      }),
    ], { threshold: 4, themeLabels: {} });
    const [row] = model.fardplan;
    expect(row!.shifts.map((shift) => shift.shift)).toEqual([
      'from_inpatient_to_outpatient', 'health_promotion_and_prevention', 'continuity_and_coordination', 'trust_and_collaboration', 'person_centred_care', 'accessible_care_digitalisation',
    ]);
    expect(row!.shifts[0]).toEqual({ shift: 'from_inpatient_to_outpatient', shiftLabel: 'Från slutenvård till öppen vård', klart: 0, pågående: 0, inte_påbörjad: 1 });
    expect(row!.shifts[2]).toMatchObject({ klart: 1, pågående: 2, inte_påbörjad: 0 });
    expect(row!.shifts.reduce((sum, shift) => sum + shift.klart + shift.pågående + shift.inte_påbörjad, 0)).toBe(4);
    const table = model.tables.find((t) => t.id === 'fardplan')!;
    expect(table.columns).toEqual(['Delregion', 'Förflyttning', 'Klart', 'Pågående', 'Inte påbörjad']);
    expect(table.raw![2]).toEqual(['Delregion A', 'Kontinuitet och samordning', 1, 2, 0]);
  });

  it('deviations: grouped by trimmed case-insensitive type, sorted by delregions then total, with the regional proposals', () => {
    const model = synthesize([
      summary('A', { deviations_most_frequent: [
        { deviation_type: 'In- och utskrivning', count: 69, system_flaw: true, regional_proposal: 'Tydligare rutin.' },
        { deviation_type: 'Läkemedel', count: 500 },
      ] }),
      summary('B', { deviations_most_frequent: [{ deviation_type: '  in- och UTSKRIVNING ', count: 10, system_flaw: false }, { deviation_type: 'Hjälpmedel' }] }),
      summary('C', { deviations_most_frequent: [{ deviation_type: 'Hjälpmedel', count: 3, regional_proposal: 'Gemensamt hjälpmedelsstöd.' }, { deviation_type: '   ' }] }),
    ], { threshold: 4, themeLabels: {} });
    expect(model.deviations).toEqual([
      { type: 'In- och utskrivning', delregions: ['Delregion A', 'Delregion B'], total: 79, systemFlaw: true, proposals: [{ delregionCode: 'A', text: 'Tydligare rutin.' }] },
      { type: 'Hjälpmedel', delregions: ['Delregion B', 'Delregion C'], total: 3, systemFlaw: false, proposals: [{ delregionCode: 'C', text: 'Gemensamt hjälpmedelsstöd.' }] },
      { type: 'Läkemedel', delregions: ['Delregion A'], total: 500, systemFlaw: false, proposals: [] },
    ]);
    const table = model.tables.find((t) => t.id === 'avvikelser')!;
    expect(table.rows[0]).toEqual(['In- och utskrivning', '2', 'Delregion A, Delregion B', '79', 'Ja', 'Delregion A: Tydligare rutin.']);
    expect(table.rows[2]![5]).toBe('uppgift saknas');
  });

  it('a type with no counts has total null, printed as uppgift saknas', () => {
    const model = synthesize([summary('A', { deviations_most_frequent: [{ deviation_type: 'Okänt' }] })], { threshold: 1, themeLabels: {} });
    expect(model.deviations[0]!.total).toBeNull();
    expect(model.tables.find((t) => t.id === 'avvikelser')!.rows[0]![3]).toBe('uppgift saknas');
  });
});
