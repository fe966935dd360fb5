/**
 * The county report as data: everything the renderer prints, computed once by the assembler. Plain JSON (no
 * classes, no Dates), so a version can be rendered again, a bench can precompute it and a test can write one by hand.
 * Numbers stay numbers here; the renderer formats them with the one Swedish formatter. `null` means "uppgift saknas".
 */

/** A table as printed and as exported to XLSX (one sheet per table). Cells are already Swedish text. */
export interface TableView {
  /** Stable id, unique in the report: the XLSX sheet and the HTML anchor. */
  id: string;
  caption: string;
  columns: string[];
  /** Each cell is formatted text; a missing value is the text 'uppgift saknas'. */
  rows: string[][];
  /** Raw values for XLSX (numbers stay numbers); same shape as rows, null where missing. Optional. */
  raw?: Array<Array<string | number | null>>;
}

export type ChartKind = 'county_vs_nation' | 'hospitals_by_quarter' | 'municipalities_latest' | 'run_chart';

export interface RunChartSignal {
  rule: 'shift' | 'trend' | 'runs' | 'astronomical';
  /** Swedish, e.g. "Skift: 7 punkter i rad över medianen (2024-03 – 2024-09)". */
  description: string;
  /** Indexes into the series the signal covers. */
  points: number[];
}

/** A chart ready to print: inline SVG (no script, no external reference), its text alternative and its data table. */
export interface ChartView {
  id: string;
  kind: ChartKind;
  title: string;
  /** The SVG markup, rendered server-side by vega + vega-lite. Trusted: produced by our code from numbers. */
  svg: string;
  /** One or two Swedish sentences saying what the chart shows (the text alternative). */
  alt: string;
  table: TableView;
  /** Run charts only: the median and the rules that fired. */
  median?: number | null;
  signals?: RunChartSignal[];
}

export interface FigureView {
  orgUnitCode: string;
  orgUnitName: string;
  value: number | null;
}

/** One indicator of the compilation, from the cycle's frozen snapshot. */
export interface CompilationIndicator {
  code: string;
  name: string;
  unit: string;
  direction: 'higher' | 'lower' | 'none';
  /** The period compared, e.g. '2025'. */
  period: string | null;
  county: number | null;
  nation: number | null;
  previousPeriod: string | null;
  previous: number | null;
  /** Judged by the indicator's direction. */
  change: 'better' | 'worse' | 'unchanged' | null;
  spread: { lowest: FigureView; highest: FigureView; among: 'municipality' | 'hospital'; count: number } | null;
  delregions: FigureView[];
  target: number | null;
  targetMet: boolean | null;
  /** The sentences the indicators lib writes (vs nation, change, spread, target), in that order, those that apply. */
  sentences: string[];
  charts: ChartView[];
}

export interface CompilationArea {
  /** Area key (a shift of care or a catalogue area), '' when the indicator has none. */
  area: string;
  title: string;
  indicators: CompilationIndicator[];
}

export interface CompilationGroup {
  group: string;
  title: string;
  areas: CompilationArea[];
}

export interface CompilationModel {
  cycleId: string;
  year: number;
  cycleName: string;
  dataPeriods: string[];
  /** ISO timestamp of the launch that froze the figures; null before launch (a preview of live figures). */
  frozenAt: string | null;
  groups: CompilationGroup[];
  /** Every table of the compilation, for XLSX. */
  tables: TableView[];
}

export interface FardplanActivity {
  name: string;
  shift: string;
  shiftLabel: string;
  status: 'klart' | 'pågående' | 'inte_påbörjad';
  statusLabel: string;
}

export interface DeviationRow {
  type: string;
  count: number | null;
  systemFlaw: boolean | null;
  localMeasure: string | null;
  regionalProposal: string | null;
}

/** One delregion's summary, drawn from its accepted (or, in a preliminary draft, latest submitted) analysis. */
export interface DelregionSummary {
  delregionCode: string;
  delregionName: string;
  taskStatus: string;
  /** False when the text comes from a revision not (yet) accepted: the report is then preliminary. */
  accepted: boolean;
  revisionNumber: number | null;
  /** Markdown source (the renderer sanitises): null when not answered. */
  successes: string | null;
  challenges: string | null;
  deviationsAnalysis: string | null;
  deviations: DeviationRow[];
  activities: FardplanActivity[];
  annualReportLink: string | null;
  themes: Array<{ key: string; label: string }>;
  /** The seven organisation fields, by key (organisation, agreements, governance_economy, planning_reporting, support_functions, implementation, deviation_handling). */
  organisation: Record<string, string | null>;
  /** Follow-up of last year's decisions (Markdown), null when not answered. */
  decisionsFollowup: string | null;
}

export interface CommonDenominator {
  themeKey: string;
  label: string;
  /** Delregions that tagged it, with their supporting text (successes/challenges excerpt mentioning it, or null). */
  delregions: Array<{ code: string; name: string; text: string | null }>;
}

export interface SynthesisModel {
  /** The threshold applied (REPORT_COMMON_THEME_MIN) and of how many delregions. */
  threshold: number;
  of: number;
  commonDenominators: CommonDenominator[];
  /** The seven organisation fields side by side: one row per field, one cell (Markdown or null) per delregion. */
  differences: Array<{ key: string; label: string; cells: Array<{ delregionCode: string; text: string | null }> }>;
  /** Delregion × shift: counts of activities per status. */
  fardplan: Array<{
    delregionCode: string;
    delregionName: string;
    shifts: Array<{ shift: string; shiftLabel: string; klart: number; pågående: number; inte_påbörjad: number }>;
  }>;
  /** Most frequent deviation types across delregions (case-insensitive type), with the proposals for the regional level. */
  deviations: Array<{ type: string; delregions: string[]; total: number | null; systemFlaw: boolean; proposals: Array<{ delregionCode: string; text: string }> }>;
  tables: TableView[];
}

/** The county coordinator's own sections: Markdown, edited in the app, never touched by regeneration. */
export interface OwnSections {
  conclusions: string;
  questions: string;
}

export interface ReportModel {
  cycleId: string;
  year: number;
  title: string;
  /** Any task not accepted: the report may only be a draft, and every page says "Preliminär". */
  preliminary: boolean;
  /** Report state when rendered (draft, in_review, …) and the version number, if any. */
  state: string;
  versionNumber: number | null;
  generatedAt: string;
  compilation: CompilationModel;
  delregions: DelregionSummary[];
  synthesis: SynthesisModel;
  ownSections: OwnSections;
}
