import { Inject, Injectable, Optional } from '@nestjs/common';
import type { RequestContext } from '@arshjulet/core';
import { OrgUnitType } from '@arshjulet/org';
import type { Indicator } from '../catalogue/indicator.entity.js';
import { buildComparison, type IndicatorComparison } from '../comparison/comparison.service.js';
import { IndicatorException } from '../indicator.exception.js';
import { INDICATOR_CHARTS_PORT, type IndicatorChart, type IndicatorChartsPort } from './indicator-charts.port.js';
import { Period } from '../period/period.js';
import { IndicatorValueRepository, type PeriodFigure } from '../values/indicator-value.repository.js';
import { parsePeriod } from '../values/indicator-values-query.service.js';

/** Columns of the values table: the chosen period and the ones of the same kind before it. */
export const TABLE_PERIODS = 4;
/** Periods of the county-against-nation chart: the chosen one and those of the same kind before it. */
export const HISTORY_PERIODS = 12;

const TYPE_ORDER: string[] = [OrgUnitType.Nation, OrgUnitType.County, OrgUnitType.Delregion, OrgUnitType.Hospital, OrgUnitType.Municipality, OrgUnitType.LocalArea];

export interface TableFigure {
  value: number;
  derived: boolean;
  preliminary: boolean;
}

export interface IndicatorTableRow {
  code: string;
  name: string;
  type: string;
  /** One per column period; null where the unit has no figure. */
  figures: Array<TableFigure | null>;
}

export interface IndicatorPage {
  indicator: Indicator;
  /** Every period with figures, newest first: the choices of the period selector. */
  periods: Period[];
  /** Null while the indicator has no figures. */
  comparison: IndicatorComparison | null;
  columns: Period[];
  rows: IndicatorTableRow[];
  /** The county against the nation over time, and the municipalities in the chosen period (absent when nothing to draw). */
  charts: IndicatorChart[];
}

/** One indicator's page: its comparison for a period and its figures per org unit for the latest periods. */
@Injectable()
export class IndicatorPageService {
  constructor(
    private readonly values: IndicatorValueRepository,
    @Optional() @Inject(INDICATOR_CHARTS_PORT) private readonly chartsPort: IndicatorChartsPort | null = null,
  ) {}

  /** One statement: the indicator, its periods, and the figures of the comparison and the table, read together. */
  async show(ctx: RequestContext, code: string, periodText?: string): Promise<IndicatorPage> {
    const chosen = periodText ? parsePeriod('period', periodText) : null;
    const read = await this.values.indicatorFigures(ctx, code, '', chosen, TABLE_PERIODS, HISTORY_PERIODS);
    if (!read) throw IndicatorException.notFound(code);
    const { indicator } = read;
    const periods = read.periods.map((text) => Period.parse(text));
    if (!read.period) return { indicator, periods, comparison: null, columns: [], rows: [], charts: [] };

    const comparison = buildComparison(indicator, Period.parse(read.period), '', read.figures);
    const columns = periods
      .filter((period) => period.kind === comparison.period.kind && period.compareTo(comparison.period) <= 0)
      .slice(0, TABLE_PERIODS)
      .reverse();
    const charts = await this.charts(indicator, comparison.period, periods, read.figures);
    return { indicator, periods, comparison, columns, rows: tableRows(read.figures, columns), charts };
  }

  /** Drawn from the figures already read (no statement of their own). */
  private async charts(indicator: Indicator, period: Period, periods: Period[], figures: PeriodFigure[]): Promise<IndicatorChart[]> {
    if (!this.chartsPort) return [];
    const history = periods
      .filter((candidate) => candidate.kind === period.kind && candidate.compareTo(period) <= 0)
      .slice(0, HISTORY_PERIODS)
      .reverse();
    const valueOf = (type: string, key: string) => {
      const figure = figures.find((candidate) => candidate.type === type && candidate.period === key);
      return figure ? Number(figure.value) : null;
    };
    const key = period.toString();
    const label = (at: Period) => at.label('short');
    const municipalities = figures
      .filter((figure) => figure.type === OrgUnitType.Municipality && figure.period === key)
      .map((figure) => ({ name: figure.name, value: Number(figure.value) }));
    const drawn = await Promise.all([
      this.chartsPort.countyVsNation({
        id: 'diagram-lan-riket',
        indicatorName: indicator.name,
        unit: indicator.unit,
        series: history.map((at) => ({ period: label(at), county: valueOf(OrgUnitType.County, at.toString()), nation: valueOf(OrgUnitType.Nation, at.toString()) })),
      }),
      municipalities.length === 0 ? null : this.chartsPort.municipalities({
        id: 'diagram-kommuner',
        indicatorName: indicator.name,
        unit: indicator.unit,
        period: label(period),
        rows: municipalities,
        county: valueOf(OrgUnitType.County, key),
      }),
    ]);
    return drawn.filter((chart): chart is IndicatorChart => chart !== null);
  }
}

function tableRows(figures: PeriodFigure[], columns: Period[]): IndicatorTableRow[] {
  const keys = columns.map((period) => period.toString());
  const byUnit = new Map<string, IndicatorTableRow>();
  for (const figure of figures) {
    const column = keys.indexOf(figure.period);
    if (column < 0) continue; // the county's previous figure of a rolling 12, older than the columns
    let row = byUnit.get(figure.org_unit_id);
    if (!row) {
      row = { code: figure.code, name: figure.name, type: figure.type, figures: keys.map(() => null) };
      byUnit.set(figure.org_unit_id, row);
    }
    row.figures[column] = { value: Number(figure.value), derived: figure.derived, preliminary: figure.status === 'preliminary' };
  }
  return [...byUnit.values()].sort(
    (a, b) => TYPE_ORDER.indexOf(a.type) - TYPE_ORDER.indexOf(b.type) || a.name.localeCompare(b.name, 'sv'),
  );
}
