import { Injectable } from '@nestjs/common';
import type {
  CountyVsNationSeries, IndicatorChart, IndicatorChartsPort, MunicipalitiesInPeriod,
} from '@arshjulet/indicators';
import { ChartRenderer } from '../charts/chart-renderer.js';
import { countyVsNationChart } from '../charts/county-vs-nation.chart.js';
import { municipalitiesChart } from '../charts/municipalities.chart.js';
import type { ChartView } from '../model/report-model.js';

/** The report's chart builders for the indicator pages (provided under INDICATOR_CHARTS_PORT). */
@Injectable()
export class IndicatorChartsAdapter implements IndicatorChartsPort {
  // Its own renderer: a page's charts must not push the report's out of the report assembler's cache.
  private readonly renderer = new ChartRenderer({ cacheSize: 200 });

  async countyVsNation(input: CountyVsNationSeries): Promise<IndicatorChart | null> {
    return toChart(await countyVsNationChart(this.renderer, input));
  }

  async municipalities(input: MunicipalitiesInPeriod): Promise<IndicatorChart | null> {
    return toChart(await municipalitiesChart(this.renderer, input));
  }
}

function toChart(view: ChartView | null): IndicatorChart | null {
  if (!view) return null;
  const { id, title, svg, alt, table } = view;
  return { id, title, svg, alt, table: { caption: table.caption, columns: table.columns, rows: table.rows } };
}
