import {
  buildComparison, formatIndicatorValue, INDICATOR_AREA_LABELS_SV, INDICATOR_GROUP_LABELS_SV, INDICATOR_GROUPS, Period,
  type Indicator, type IndicatorComparison, type IndicatorGroup, type IndicatorUnit, type PeriodKind,
} from '@arshjulet/indicators';
import { countyVsNationChart, hospitalsByQuarterChart, municipalitiesChart, runChart, type ChartRenderer } from '../charts/index.js';
import type {
  ChartView, CompilationArea, CompilationGroup, CompilationIndicator, CompilationModel, FigureView, TableView,
} from '../model/report-model.js';
import type { CatalogueRow, CompilationCycleRow, CompilationFigureRow, CompiledUnitRow } from './compilation.repository.js';

const MISSING = 'uppgift saknas';
type PeriodFigure = Parameters<typeof buildComparison>[3][number];
/** The hospitals chart shows this many of the latest quarters. */
const HOSPITAL_QUARTERS = 8;
/** A run chart needs this many points (the contract's rule); finer periods first, rolling 12 months never (they overlap). */
const RUN_CHART_MIN_POINTS = 10;
const RUN_CHART_KINDS: PeriodKind[] = ['month', 'quarter', 'year'];

export interface CompilationInput {
  cycle: CompilationCycleRow;
  frozenAt: string | null;
  catalogue: CatalogueRow[];
  units: CompiledUnitRow[];
  figures: CompilationFigureRow[];
}

/** A figure with its org unit's code, name and type. */
interface Figure extends CompilationFigureRow {
  orgUnitCode: string;
  orgUnitName: string;
  orgUnitType: string;
  parentId: string | null;
}

const slug = (text: string): string =>
  text.toLowerCase().normalize('NFKD').replace(/[\u0300-\u036f]/g, '').replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');

/** The compilation model from rows already read (pure but for the charts' rendering). */
export async function buildCompilation(input: CompilationInput, renderer: ChartRenderer): Promise<CompilationModel> {
  const units = new Map(input.units.map((unit) => [unit.id, unit]));
  const byIndicator = new Map<string, Figure[]>();
  for (const row of input.figures) {
    const unit = units.get(row.orgUnitId);
    if (!unit) continue;
    // The rows are ours: completed in place, not copied (a 10-year history is thousands of them).
    const figure = Object.assign(row, { orgUnitCode: unit.code, orgUnitName: unit.name, orgUnitType: unit.type, parentId: unit.parentId });
    const list = byIndicator.get(row.indicatorCode);
    if (list) list.push(figure);
    else byIndicator.set(row.indicatorCode, [figure]);
  }
  const periods = new PeriodCache();
  const delregions = input.units.filter((unit) => unit.type === 'delregion' && unit.active);
  const municipalities = input.units.filter((unit) => unit.type === 'municipality' && unit.active);
  const indicators = await Promise.all(
    input.catalogue.map((row) => buildIndicator(row, byIndicator.get(row.code) ?? [], { delregions, municipalities, periods, renderer })),
  );

  const groups: CompilationGroup[] = [];
  for (const group of INDICATOR_GROUPS) {
    const inGroup = input.catalogue.map((row, index) => ({ row, indicator: indicators[index]! })).filter(({ row }) => row.group === group);
    if (inGroup.length === 0) continue;
    const areaKeys = [...new Set(inGroup.map(({ row }) => row.area ?? ''))].sort((a, b) => areaRank(a) - areaRank(b) || a.localeCompare(b));
    const areas: CompilationArea[] = areaKeys.map((area) => ({
      area,
      title: area ? (INDICATOR_AREA_LABELS_SV[area] ?? area) : areaKeys.length > 1 ? 'Övriga indikatorer' : 'Indikatorer',
      indicators: inGroup.filter(({ row }) => (row.area ?? '') === area).map(({ indicator }) => indicator),
    }));
    groups.push({ group, title: INDICATOR_GROUP_LABELS_SV[group as IndicatorGroup], areas });
  }
  // Indicators of a group the vocabulary does not know (none today) still show, last.
  const unknown = input.catalogue.map((row, index) => ({ row, indicator: indicators[index]! })).filter(({ row }) => !(INDICATOR_GROUPS as string[]).includes(row.group));
  if (unknown.length) groups.push({ group: 'other', title: 'Övriga indikatorer', areas: [{ area: '', title: 'Indikatorer', indicators: unknown.map(({ indicator }) => indicator) }] });

  const ordered = groups.flatMap((group) => group.areas.flatMap((area) => area.indicators));
  return {
    cycleId: input.cycle.id,
    year: input.cycle.year,
    cycleName: input.cycle.name,
    dataPeriods: input.cycle.dataPeriods,
    frozenAt: input.frozenAt,
    groups,
    tables: [overviewTable(ordered), delregionTable(ordered, delregions), ...ordered.flatMap((indicator) => indicator.charts.map((chart) => chart.table))],
  };
}

const AREA_ORDER = Object.keys(INDICATOR_AREA_LABELS_SV);
const areaRank = (area: string) => (area === '' ? AREA_ORDER.length + 1 : AREA_ORDER.includes(area) ? AREA_ORDER.indexOf(area) : AREA_ORDER.length);

/** Period parsing is the hot loop's cost: each distinct period text is parsed once per compilation. */
class PeriodCache {
  private readonly parsed = new Map<string, Period | null>();
  get(text: string): Period | null {
    let period = this.parsed.get(text);
    if (period === undefined) {
      const result = Period.tryParse(text);
      period = result.ok ? result.period : null;
      this.parsed.set(text, period);
    }
    return period;
  }
  kind(text: string): PeriodKind | null {
    return this.get(text)?.kind ?? null;
  }
}

interface IndicatorContext {
  delregions: CompiledUnitRow[];
  municipalities: CompiledUnitRow[];
  periods: PeriodCache;
  renderer: ChartRenderer;
}

async function buildIndicator(row: CatalogueRow, figures: Figure[], context: IndicatorContext): Promise<CompilationIndicator> {
  const comparedText = figures.find((figure) => figure.compared)?.period ?? null;
  const compared = comparedText ? context.periods.get(comparedText) : null;
  const previousKey = compared?.previous().toString();
  const read = figures.filter((f) => f.compared || (f.period === previousKey && f.orgUnitType === 'county'));
  const comparison = compared ? buildComparison(asIndicator(row), compared, '', read.map(toPeriodFigure)) : null;
  const previousPeriod = comparison?.change?.previousPeriod.toString() ?? compared?.previous().toString() ?? null;
  const inCompared = figures.filter((figure) => figure.compared);
  const valueOf = (unitId: string) => inCompared.find((figure) => figure.orgUnitId === unitId)?.value ?? null;

  const indicator: Omit<CompilationIndicator, 'charts'> = {
    code: row.code,
    name: row.name,
    unit: row.unit,
    direction: row.direction,
    period: comparedText,
    county: comparison?.county?.value ?? null,
    nation: comparison?.nation?.value ?? null,
    previousPeriod,
    previous: comparison?.change?.previous ?? null,
    change: comparison?.change?.assessment ?? null,
    spread: spreadOf(comparison),
    delregions: context.delregions.map((unit) => ({ orgUnitCode: unit.code, orgUnitName: unit.name, value: valueOf(unit.id) })),
    target: row.target,
    targetMet: comparison?.target?.met ?? null,
    sentences: comparison
      ? [comparison.versusNation?.sentence, comparison.change?.sentence, comparison.spread?.sentence, comparison.target?.sentence].filter((s): s is string => !!s)
      : [],
  };
  const charts = await chartsOf(row, figures, comparedText, indicator.county, context);
  return { ...indicator, charts };
}

function asIndicator(row: CatalogueRow): Indicator {
  return { code: row.code, name: row.name, unit: row.unit, direction: row.direction, target: row.target, phrase: row.phrase } as unknown as Indicator;
}

function toPeriodFigure(figure: Figure): PeriodFigure {
  return {
    org_unit_id: figure.orgUnitId,
    code: figure.orgUnitCode,
    name: figure.orgUnitName,
    type: figure.orgUnitType,
    parent_id: figure.parentId,
    value: String(figure.value),
    derived: figure.derived,
    period: figure.period,
    status: figure.status,
  };
}

function spreadOf(comparison: IndicatorComparison | null): CompilationIndicator['spread'] {
  const spread = comparison?.spread;
  if (!spread) return null;
  const view = (unit: (typeof spread.lowest)[number]): FigureView => ({ orgUnitCode: (unit as { code?: string }).code ?? '', orgUnitName: unit.name, value: unit.value });
  return { lowest: view(spread.lowest[0]!), highest: view(spread.highest[0]!), among: spread.among, count: spread.count };
}

async function chartsOf(
  row: CatalogueRow, figures: Figure[], comparedText: string | null, county: number | null, context: IndicatorContext,
): Promise<ChartView[]> {
  const { periods, renderer } = context;
  const id = slug(row.code);
  const base = { indicatorName: row.name, unit: row.unit };
  const byStart = (a: Figure, b: Figure) => a.periodStart.localeCompare(b.periodStart) || a.period.localeCompare(b.period);
  const countyNation = figures.filter((f) => f.orgUnitType === 'county' || f.orgUnitType === 'nation').sort(byStart);
  const charts: Array<Promise<ChartView | null>> = [];

  // County vs nation per year; an indicator with no yearly figures shows the kind of its compared period.
  const seriesKind: PeriodKind | null = countyNation.some((f) => periods.kind(f.period) === 'year') ? 'year' : comparedText ? periods.kind(comparedText) : null;
  if (seriesKind) {
    const series = new Map<string, { period: string; county: number | null; nation: number | null }>();
    for (const figure of countyNation) {
      if (periods.kind(figure.period) !== seriesKind) continue;
      const point = series.get(figure.period) ?? { period: figure.period, county: null, nation: null };
      point[figure.orgUnitType as 'county' | 'nation'] = figure.value;
      series.set(figure.period, point);
    }
    if (series.size > 0) charts.push(countyVsNationChart(renderer, { id: `${id}-lan-riket`, ...base, series: [...series.values()] }));
  }

  // Hospitals by quarter: the latest quarters with a hospital figure, every hospital reporting in them.
  const hospitals = figures.filter((f) => f.orgUnitType === 'hospital' && periods.kind(f.period) === 'quarter').sort(byStart);
  if (hospitals.length > 0) {
    const quarters = [...new Set(hospitals.map((f) => f.period))].slice(-HOSPITAL_QUARTERS);
    const names = [...new Set(hospitals.filter((f) => quarters.includes(f.period)).map((f) => f.orgUnitName))].sort((a, b) => a.localeCompare(b, 'sv'));
    const rows = names.flatMap((hospital) =>
      quarters.map((period) => ({ hospital, period, value: hospitals.find((f) => f.orgUnitName === hospital && f.period === period)?.value ?? null })),
    );
    charts.push(hospitalsByQuarterChart(renderer, { id: `${id}-sjukhus`, ...base, rows }));
  }

  // Municipalities in the compared period: all of them, a missing figure as null, when any has one.
  if (comparedText) {
    const values = new Map(figures.filter((f) => f.compared && f.orgUnitType === 'municipality').map((f) => [f.orgUnitId, f.value]));
    if (values.size > 0) {
      const rows = context.municipalities.map((m) => ({ name: m.name, value: values.get(m.id) ?? null }));
      charts.push(municipalitiesChart(renderer, { id: `${id}-kommuner`, ...base, period: comparedText, rows, county }));
    }
  }

  // Run chart of the county's series of the finest kind with enough points.
  const countySeries = countyNation.filter((f) => f.orgUnitType === 'county');
  for (const kind of RUN_CHART_KINDS) {
    const points = countySeries.filter((f) => periods.kind(f.period) === kind);
    if (points.length < RUN_CHART_MIN_POINTS) continue;
    const orgUnitName = points[0]!.orgUnitName;
    charts.push(runChart(renderer, { id: `${id}-styrdiagram`, ...base, orgUnitName, points: points.map((f) => ({ period: f.period, value: f.value })) }));
    break;
  }

  return (await Promise.all(charts)).filter((chart): chart is ChartView => chart !== null);
}

const value = (number: number | null, unit: string) => (number === null ? MISSING : formatIndicatorValue(number, unit as IndicatorUnit));
const CHANGE_SV = { better: 'Bättre', worse: 'Sämre', unchanged: 'Oförändrat' } as const;

function overviewTable(indicators: CompilationIndicator[]): TableView {
  const columns = ['Kod', 'Indikator', 'Period', 'Länet', 'Riket', 'Föregående period', 'Föregående värde', 'Förändring', 'Lägst', 'Högst', 'Målvärde', 'Målet nått'];
  const spreadText = (figure: FigureView | undefined, unit: string) => (figure ? `${figure.orgUnitName} ${value(figure.value, unit)}` : MISSING);
  const yesNo = (met: boolean | null) => (met === null ? MISSING : met ? 'Ja' : 'Nej');
  return {
    id: 'indikatorer',
    caption: 'Indikatorerna: länet, riket, förändring, spridning och mål',
    columns,
    rows: indicators.map((i) => [
      i.code, i.name, i.period ?? MISSING, value(i.county, i.unit), value(i.nation, i.unit), i.previousPeriod ?? MISSING, value(i.previous, i.unit),
      i.change ? CHANGE_SV[i.change] : MISSING, spreadText(i.spread?.lowest, i.unit), spreadText(i.spread?.highest, i.unit), value(i.target, i.unit), yesNo(i.targetMet),
    ]),
    raw: indicators.map((i) => [
      i.code, i.name, i.period, i.county, i.nation, i.previousPeriod, i.previous, i.change ? CHANGE_SV[i.change] : null,
      i.spread ? `${i.spread.lowest.orgUnitName} ${value(i.spread.lowest.value, i.unit)}` : null,
      i.spread ? `${i.spread.highest.orgUnitName} ${value(i.spread.highest.value, i.unit)}` : null,
      i.target, i.targetMet === null ? null : i.targetMet ? 'Ja' : 'Nej',
    ]),
  };
}

function delregionTable(indicators: CompilationIndicator[], delregions: CompiledUnitRow[]): TableView {
  return {
    id: 'indikatorer-delregioner',
    caption: 'Indikatorerna per delregion',
    columns: ['Kod', 'Indikator', 'Period', ...delregions.map((d) => d.name)],
    rows: indicators.map((i) => [i.code, i.name, i.period ?? MISSING, ...i.delregions.map((d) => value(d.value, i.unit))]),
    raw: indicators.map((i) => [i.code, i.name, i.period, ...i.delregions.map((d) => d.value)]),
  };
}
