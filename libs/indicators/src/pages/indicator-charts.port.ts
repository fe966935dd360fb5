/**
 * The charts of an indicator's page, declared here and provided by the report lib (which sits above this lib and
 * may not be imported by it): the county against the nation over time, and the municipalities in one period.
 */
export interface IndicatorChartsPort {
  countyVsNation(input: CountyVsNationSeries): Promise<IndicatorChart | null>;
  municipalities(input: MunicipalitiesInPeriod): Promise<IndicatorChart | null>;
}

export interface CountyVsNationSeries {
  id: string;
  indicatorName: string;
  unit: string;
  /** Oldest first. */
  series: Array<{ period: string; county: number | null; nation: number | null }>;
}

export interface MunicipalitiesInPeriod {
  id: string;
  indicatorName: string;
  unit: string;
  period: string;
  rows: Array<{ name: string; value: number | null }>;
  county?: number | null;
}

/** A chart as the page prints it: our own SVG (from numbers, never user text), its text alternative and its data. */
export interface IndicatorChart {
  id: string;
  title: string;
  svg: string;
  alt: string;
  table: { caption: string; columns: string[]; rows: string[][] };
}

export const INDICATOR_CHARTS_PORT = Symbol.for('arshjulet.indicators.IndicatorChartsPort');
