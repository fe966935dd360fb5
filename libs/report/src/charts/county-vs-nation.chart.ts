import type { ChartView } from '../model/report-model.js';
import type { ChartRenderer } from './chart-renderer.js';
import { axisFormat, periodAxis, chartValueText, periodSpan, rawValue, unitLabel } from './chart-format.util.js';
import { baseSpec, PALETTE } from './chart-theme.js';

export interface CountyVsNationInput {
  id: string;
  indicatorName: string;
  unit: string;
  series: Array<{ period: string; county: number | null; nation: number | null }>;
}

const COUNTY = 'Länet';
const NATION = 'Riket';

/** County and nation over the years: two lines (nation dashed), gaps where a value is missing. */
export async function countyVsNationChart(renderer: ChartRenderer, input: CountyVsNationInput): Promise<ChartView | null> {
  const series = input.series;
  const drawn = series.filter((row) => rawValue(row.county) !== null || rawValue(row.nation) !== null);
  if (drawn.length === 0) {
    return null;
  }
  const periods = series.map((row) => row.period);
  const latest = drawn[drawn.length - 1];
  const alt =
    `Linjediagram över ${input.indicatorName} i länet och riket ${periodSpan(periods[0], periods[periods.length - 1])}. ` +
    `Senaste värden (${latest.period}): länet ${chartValueText(latest.county, input.unit, { withUnit: true })}, ` +
    `riket ${chartValueText(latest.nation, input.unit, { withUnit: true })}.`;

  const values = series.flatMap((row) => [
    { period: row.period, series: COUNTY, value: rawValue(row.county) },
    { period: row.period, series: NATION, value: rawValue(row.nation) },
  ]);
  const spec = {
    ...baseSpec(alt),
    height: 240,
    data: { values },
    mark: { type: 'line', point: { size: 40, filled: true }, strokeWidth: 2.5, invalid: 'break-paths-filter-domains' },
    encoding: {
      x: { field: 'period', type: 'ordinal', title: null, scale: { domain: periods }, axis: periodAxis(periods) },
      y: { field: 'value', type: 'quantitative', title: unitLabel(input.unit) || null, axis: { format: axisFormat(input.unit) } },
      color: { field: 'series', type: 'nominal', title: null, scale: { domain: [COUNTY, NATION], range: [PALETTE[0], PALETTE[1]] } },
      strokeDash: { field: 'series', type: 'nominal', title: null, scale: { domain: [COUNTY, NATION], range: [[1, 0], [6, 3]] } },
    },
  };

  return {
    id: input.id,
    kind: 'county_vs_nation',
    title: `${input.indicatorName}: länet och riket över tid`,
    svg: await renderer.svg(spec),
    alt,
    table: {
      id: `${input.id}-data`,
      caption: `${input.indicatorName}: länet och riket per period`,
      columns: ['Period', COUNTY, NATION],
      rows: series.map((row) => [row.period, chartValueText(row.county, input.unit), chartValueText(row.nation, input.unit)]),
      raw: series.map((row) => [row.period, rawValue(row.county), rawValue(row.nation)]),
    },
  };
}
