import type { ChartView } from '../model/report-model.js';
import type { ChartRenderer } from './chart-renderer.js';
import { axisFormat, periodAxis, chartValueText, periodSpan, rawValue, unitLabel } from './chart-format.util.js';
import { baseSpec, PALETTE } from './chart-theme.js';

export interface HospitalsByQuarterInput {
  id: string;
  indicatorName: string;
  unit: string;
  rows: Array<{ hospital: string; period: string; value: number | null }>;
}

// Seven shapes against eight colours: the pairs repeat only after 56 hospitals.
const SHAPES = ['circle', 'square', 'triangle-up', 'diamond', 'cross', 'triangle-down', 'triangle-right'];

/** Each hospital's line over the quarters (colour and point shape per hospital); the table has a column per hospital. */
export async function hospitalsByQuarterChart(renderer: ChartRenderer, input: HospitalsByQuarterInput): Promise<ChartView | null> {
  if (!input.rows.some((row) => rawValue(row.value) !== null)) {
    return null;
  }
  const collator = new Intl.Collator('sv-SE');
  const periods = [...new Set(input.rows.map((row) => row.period))].sort();
  const hospitals = [...new Set(input.rows.map((row) => row.hospital))].sort(collator.compare);
  const byKey = new Map(input.rows.map((row) => [`${row.hospital}\u0000${row.period}`, rawValue(row.value)]));
  const valueOf = (hospital: string, period: string): number | null => byKey.get(`${hospital}\u0000${period}`) ?? null;

  const latestPeriod = [...periods].reverse().find((period) => hospitals.some((hospital) => valueOf(hospital, period) !== null))!;
  const latestValues = hospitals.map((hospital) => `${hospital} ${chartValueText(valueOf(hospital, latestPeriod), input.unit, { withUnit: true })}`);
  const alt =
    `Linjediagram över ${input.indicatorName} per sjukhus och kvartal ${periodSpan(periods[0], periods[periods.length - 1])}, ` +
    `${hospitals.length} sjukhus. Senaste kvartalet (${latestPeriod}): ${latestValues.join(', ')}.`;

  const values = hospitals.flatMap((hospital) => periods.map((period) => ({ hospital, period, value: valueOf(hospital, period) })));
  const spec = {
    ...baseSpec(alt),
    height: 260,
    data: { values },
    mark: { type: 'line', point: { size: 45, filled: true }, strokeWidth: 2, invalid: 'break-paths-filter-domains' },
    encoding: {
      x: { field: 'period', type: 'ordinal', title: null, scale: { domain: periods }, axis: periodAxis(periods) },
      y: { field: 'value', type: 'quantitative', title: unitLabel(input.unit) || null, axis: { format: axisFormat(input.unit) } },
      color: { field: 'hospital', type: 'nominal', title: null, scale: { domain: hospitals, range: PALETTE } },
      shape: { field: 'hospital', type: 'nominal', title: null, scale: { domain: hospitals, range: SHAPES } },
    },
  };

  return {
    id: input.id,
    kind: 'hospitals_by_quarter',
    title: `${input.indicatorName} per sjukhus och kvartal`,
    svg: await renderer.svg(spec),
    alt,
    table: {
      id: `${input.id}-data`,
      caption: `${input.indicatorName} per sjukhus och kvartal`,
      columns: ['Kvartal', ...hospitals],
      rows: periods.map((period) => [period, ...hospitals.map((hospital) => chartValueText(valueOf(hospital, period), input.unit))]),
      raw: periods.map((period) => [period, ...hospitals.map((hospital) => valueOf(hospital, period))]),
    },
  };
}
