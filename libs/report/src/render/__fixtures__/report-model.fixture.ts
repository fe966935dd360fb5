import type { ChartView, CompilationIndicator, DelregionSummary, ReportModel, TableView } from '../../model/report-model.js';

/**
 * A county report written by hand: two groups, indicators with and without figures, three delregions (one with
 * hostile text), a preliminary flag and a chart with a tiny inline SVG. For the renderer's tests, the browser test
 * and the bench; `reportModelFixture({ preliminary: false })` gives the final variant.
 */

const SVG = `<svg xmlns="http://www.w3.org/2000/svg" width="320" height="160" viewBox="0 0 320 160"><rect x="20" y="40" width="60" height="100" fill="#1f5f8b"></rect><rect x="120" y="60" width="60" height="80" fill="#7aa6c2"></rect><text x="20" y="155" font-size="12">2024</text><text x="120" y="155" font-size="12">2025</text></svg>`;

const chartTable = (id: string): TableView => ({
  id,
  caption: 'Slutenvårdstillfällen per 100 000 invånare, länet och riket',
  columns: ['Period', 'Länet', 'Riket'],
  rows: [
    ['2024', '2\u00a0901', '3\u00a0050'],
    ['2025', '2\u00a0832', 'uppgift saknas'],
  ],
  raw: [
    ['2024', 2901, 3050],
    ['2025', 2832, null],
  ],
});

const countyVsNation: ChartView = {
  id: 'diagram-n1-lan-riket',
  kind: 'county_vs_nation',
  title: 'Slutenvårdstillfällen: länet och riket över åren',
  svg: SVG,
  alt: 'Stapeldiagram: länet hade 2 901 slutenvårdstillfällen per 100 000 invånare 2024 och 2 832 år 2025.',
  table: chartTable('tabell-n1-lan-riket'),
};

const indicatorN1: CompilationIndicator = {
  code: 'N1',
  name: 'Slutenvårdstillfällen',
  unit: 'per_100000',
  direction: 'lower',
  period: '2025',
  county: 2832,
  nation: 3010.4,
  previousPeriod: '2024',
  previous: 2901,
  change: 'better',
  spread: {
    lowest: { orgUnitCode: '1480', orgUnitName: 'Göteborg', value: 2410 },
    highest: { orgUnitCode: '1460', orgUnitName: 'Bengtsfors', value: 3720 },
    among: 'municipality',
    count: 49,
  },
  delregions: [
    { orgUnitCode: 'DR1', orgUnitName: 'Göteborg', value: 2410 },
    { orgUnitCode: 'DR2', orgUnitName: 'Södra Bohuslän', value: 2905.5 },
    { orgUnitCode: 'DR3', orgUnitName: 'Fyrbodal', value: null },
  ],
  target: 2900,
  targetMet: true,
  sentences: ['Länet ligger lägre än riket.', 'Värdet har förbättrats sedan 2024.', 'Spridningen mellan kommunerna är 2 410–3 720.', 'Målet är nått.'],
  charts: [countyVsNation],
};

const indicatorN2: CompilationIndicator = {
  code: 'N2',
  name: 'Andel med samordnad individuell plan',
  unit: 'percent',
  direction: 'higher',
  period: '2025',
  county: 62.6,
  nation: null,
  previousPeriod: null,
  previous: null,
  change: null,
  spread: null,
  delregions: [
    { orgUnitCode: 'DR1', orgUnitName: 'Göteborg', value: 70 },
    { orgUnitCode: 'DR2', orgUnitName: 'Södra Bohuslän', value: null },
    { orgUnitCode: 'DR3', orgUnitName: 'Fyrbodal', value: 55.25 },
  ],
  target: null,
  targetMet: null,
  sentences: [],
  charts: [],
};

const indicatorR1: CompilationIndicator = {
  code: 'R1',
  name: 'Återinskrivningar inom 30 dagar',
  unit: 'count',
  direction: 'none',
  period: null,
  county: null,
  nation: null,
  previousPeriod: null,
  previous: null,
  change: null,
  spread: null,
  delregions: [],
  target: null,
  targetMet: null,
  sentences: [],
  charts: [],
};

const delregionTable = (indicator: CompilationIndicator, text: (value: number | null) => string): TableView => ({
  id: `tabell-${indicator.code.toLowerCase()}-delregioner`,
  caption: `${indicator.name} per delregion`,
  columns: ['Delregion', 'Värde'],
  rows: indicator.delregions.map((figure) => [figure.orgUnitName, text(figure.value)]),
  raw: indicator.delregions.map((figure) => [figure.orgUnitName, figure.value]),
});

const ORGANISATION_KEYS = ['organisation', 'agreements', 'governance_economy', 'planning_reporting', 'support_functions', 'implementation', 'deviation_handling'];
const ORGANISATION_LABELS = ['Organisation', 'Överenskommelser', 'Styrning och ekonomi', 'Planering och uppföljning', 'Stödfunktioner', 'Implementering', 'Avvikelsehantering'];

const delregion = (code: string, name: string, overrides: Partial<DelregionSummary>): DelregionSummary => ({
  delregionCode: code,
  delregionName: name,
  taskStatus: 'accepted',
  accepted: true,
  revisionNumber: 2,
  successes: `${name} har infört gemensamma **mobila team**.`,
  challenges: 'Bemanning av distriktssköterskor.',
  deviationsAnalysis: 'Avvikelserna gäller främst informationsöverföring.',
  deviations: [{ type: 'Informationsöverföring', count: 12, systemFlaw: true, localMeasure: 'Rutin för utskrivning', regionalProposal: 'Gemensam journalåtkomst' }],
  activities: [
    { name: 'Mobila team', shift: 'from_inpatient_to_outpatient', shiftLabel: 'Från slutenvård till öppen vård', status: 'klart', statusLabel: 'Klart' },
    { name: 'Hälsosamtal', shift: 'health_promotion_and_prevention', shiftLabel: 'Hälsofrämjande och förebyggande arbete', status: 'pågående', statusLabel: 'Pågående' },
  ],
  annualReportLink: `https://example.se/${code.toLowerCase()}/arsrapport-2025.pdf`,
  themes: [
    { key: 'mobila_team', label: 'Mobila team' },
    { key: 'kompetensforsorjning', label: 'Kompetensförsörjning' },
  ],
  organisation: Object.fromEntries(ORGANISATION_KEYS.map((key, index) => [key, `${name}: ${ORGANISATION_LABELS[index]!.toLowerCase()} beskrivs här.`])),
  decisionsFollowup: 'Förra årets beslut är genomförda.',
  ...overrides,
});

const formatPer100000 = (value: number | null): string => (value === null ? 'uppgift saknas' : new Intl.NumberFormat('sv-SE', { maximumFractionDigits: 0 }).format(value));
const formatPercent = (value: number | null): string => (value === null ? 'uppgift saknas' : `${new Intl.NumberFormat('sv-SE', { maximumFractionDigits: 1 }).format(value)}\u00a0%`);

/** A fresh copy each call: a test may change it freely. */
export function reportModelFixture(overrides: Partial<ReportModel> = {}): ReportModel {
  return structuredClone(buildFixture(overrides));
}

function buildFixture(overrides: Partial<ReportModel>): ReportModel {
  const delregions: DelregionSummary[] = [
    delregion('DR1', 'Göteborg', {}),
    delregion('DR2', 'Södra Bohuslän', {
      taskStatus: 'submitted',
      accepted: false,
      successes: 'Bra samarbete <script>alert("xss")</script> och {{constructor.constructor "alert(1)"}} i texten.',
      challenges: null,
      annualReportLink: null,
      deviations: [{ type: 'Läkemedel', count: null, systemFlaw: null, localMeasure: null, regionalProposal: null }],
      activities: [{ name: 'Digitala vårdbesök', shift: 'accessible_care_digitalisation', shiftLabel: 'Tillgänglig vård, t.ex. digitalisering', status: 'inte_påbörjad', statusLabel: 'Inte påbörjad' }],
      themes: [{ key: 'mobila_team', label: 'Mobila team' }],
    }),
    delregion('DR3', 'Fyrbodal', { decisionsFollowup: null, organisation: { organisation: null } }),
  ];
  const nationalTables = [delregionTable(indicatorN1, formatPer100000), delregionTable(indicatorN2, formatPercent)];
  const synthesisTables: TableView[] = [
    {
      id: 'tabell-fardplan',
      caption: 'Färdplanen: aktiviteter per delregion och förflyttning',
      columns: ['Delregion', 'Förflyttning', 'Klart', 'Pågående', 'Inte påbörjad'],
      rows: [
        ['Göteborg', 'Från slutenvård till öppen vård', '1', '0', '0'],
        ['Södra Bohuslän', 'Tillgänglig vård, t.ex. digitalisering', '0', '0', '1'],
      ],
      raw: [
        ['Göteborg', 'Från slutenvård till öppen vård', 1, 0, 0],
        ['Södra Bohuslän', 'Tillgänglig vård, t.ex. digitalisering', 0, 0, 1],
      ],
    },
  ];
  return {
    cycleId: '00000000-0000-4000-8000-000000000025',
    year: 2025,
    title: 'Länsrapport 2025',
    preliminary: true,
    state: 'draft',
    versionNumber: 3,
    generatedAt: '2026-03-19T13:05:00.000Z',
    compilation: {
      cycleId: '00000000-0000-4000-8000-000000000025',
      year: 2025,
      cycleName: 'Årshjulet 2025',
      dataPeriods: ['2024', '2025'],
      frozenAt: '2026-02-01T08:00:00.000Z',
      groups: [
        {
          group: 'national',
          title: 'Nationella indikatorer',
          areas: [
            { area: 'from_inpatient_to_outpatient', title: 'Från slutenvård till öppen vård', indicators: [indicatorN1] },
            { area: 'sip', title: 'Samordnad individuell plan (SIP)', indicators: [indicatorN2] },
          ],
        },
        { group: 'regional', title: 'Regionala indikatorer', areas: [{ area: '', title: '', indicators: [indicatorR1] }] },
      ],
      tables: [...nationalTables, countyVsNation.table],
    },
    delregions,
    synthesis: {
      threshold: 2,
      of: 3,
      commonDenominators: [
        {
          themeKey: 'mobila_team',
          label: 'Mobila team',
          delregions: [
            { code: 'DR1', name: 'Göteborg', text: 'Göteborg har infört gemensamma **mobila team**.' },
            { code: 'DR2', name: 'Södra Bohuslän', text: null },
            { code: 'DR3', name: 'Fyrbodal', text: 'Fyrbodal har infört gemensamma mobila team.' },
          ],
        },
      ],
      differences: ORGANISATION_KEYS.map((key, index) => ({
        key,
        label: ORGANISATION_LABELS[index]!,
        cells: delregions.map((summary) => ({ delregionCode: summary.delregionCode, text: summary.organisation[key] ?? null })),
      })),
      fardplan: [
        {
          delregionCode: 'DR1',
          delregionName: 'Göteborg',
          shifts: [
            { shift: 'from_inpatient_to_outpatient', shiftLabel: 'Från slutenvård till öppen vård', klart: 1, pågående: 0, inte_påbörjad: 0 },
            { shift: 'health_promotion_and_prevention', shiftLabel: 'Hälsofrämjande och förebyggande arbete', klart: 0, pågående: 1, inte_påbörjad: 0 },
          ],
        },
        {
          delregionCode: 'DR2',
          delregionName: 'Södra Bohuslän',
          shifts: [
            { shift: 'from_inpatient_to_outpatient', shiftLabel: 'Från slutenvård till öppen vård', klart: 0, pågående: 0, inte_påbörjad: 0 },
            { shift: 'health_promotion_and_prevention', shiftLabel: 'Hälsofrämjande och förebyggande arbete', klart: 0, pågående: 0, inte_påbörjad: 1 },
          ],
        },
      ],
      deviations: [
        { type: 'Informationsöverföring', delregions: ['Göteborg', 'Fyrbodal'], total: 24, systemFlaw: true, proposals: [{ delregionCode: 'DR1', text: 'Gemensam journalåtkomst' }] },
        { type: 'Läkemedel', delregions: ['Södra Bohuslän'], total: null, systemFlaw: false, proposals: [] },
      ],
      tables: synthesisTables,
    },
    ownSections: {
      conclusions: '## Slutsatser\n\nSamverkan har **stärkts**. <script>alert("own")</script> {{#each this}}x{{/each}}',
      questions: '- Hur når vi målet för SIP?\n- Vem äger frågan om journalåtkomst?',
    },
    ...overrides,
  };
}
