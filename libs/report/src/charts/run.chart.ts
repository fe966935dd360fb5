import type { ChartView, RunChartSignal } from '../model/report-model.js';
import type { ChartRenderer } from './chart-renderer.js';
import { axisFormat, periodAxis, chartValueText, periodSpan, rawValue, unitLabel } from './chart-format.util.js';
import { baseSpec, MUTED, PALETTE } from './chart-theme.js';
import { runChartSignals } from './run-chart-signals.js';

export interface RunChartInput {
  id: string;
  indicatorName: string;
  unit: string;
  orgUnitName: string;
  points: Array<{ period: string; value: number }>;
}

/** Fewer points than this and a run chart says nothing: no chart. */
export const RUN_CHART_MIN_POINTS = 10;

export const RUN_CHART_RULE_LABELS_SV: Record<RunChartSignal['rule'], string> = {
  shift: 'Skift',
  trend: 'Trend',
  runs: 'Antal serier',
  astronomical: 'Astronomisk punkt',
};

/**
 * Marked rules, drawn biggest first so a point in several signals shows every symbol nested. The runs rule concerns
 * the whole series: it is stated in the subtitle, alt text and table caption, not marked on points.
 */
const MARKED: Array<{ rule: RunChartSignal['rule']; shape: string; size: number; color: string }> = [
  { rule: 'shift', shape: 'circle', size: 170, color: PALETTE[1] },
  { rule: 'astronomical', shape: 'diamond', size: 100, color: PALETTE[3] },
  { rule: 'trend', shape: 'triangle-up', size: 40, color: PALETTE[2] },
];

/**
 * A run chart: the series as a line, its median as a dashed rule, and the points of each signal of the four rules
 * (shift, trend, too few/many runs, astronomical point) marked by shape and colour, listed in the subtitle and alt.
 */
export async function runChart(renderer: ChartRenderer, input: RunChartInput): Promise<ChartView | null> {
  const points = input.points.filter((point) => rawValue(point.value) !== null);
  if (points.length < RUN_CHART_MIN_POINTS) {
    return null;
  }
  const { median, signals } = runChartSignals(points.map((point) => ({ label: point.period, value: point.value })));
  const periods = points.map((point) => point.period);
  const latest = points[points.length - 1];
  const withUnit = (value: number | null): string => chartValueText(value, input.unit, { withUnit: true });
  const summary = summariseSignals(signals, periods);
  const signalText =
    summary.length === 0 ? 'Inga signaler enligt de fyra reglerna (skift, trend, antal serier, astronomisk punkt).' : `Signaler: ${summary.join('; ')}.`;
  const alt =
    `Seriediagram över ${input.indicatorName} för ${input.orgUnitName} ${periodSpan(periods[0], periods[periods.length - 1])}, ` +
    `${points.length} punkter med medianen ${withUnit(median)}. Senaste värde (${latest.period}): ${withUnit(latest.value)}. ${signalText}`;

  const rulesAt = (index: number): Array<RunChartSignal['rule']> =>
    [...new Set(signals.filter((signal) => signal.rule !== 'runs' && signal.points.includes(index)).map((signal) => signal.rule))];
  const marked = MARKED.filter((mark) => signals.some((signal) => signal.rule === mark.rule));
  const signalDomain = marked.map((mark) => RUN_CHART_RULE_LABELS_SV[mark.rule]);
  const x = { field: 'period', type: 'ordinal', title: null, scale: { domain: periods }, axis: periodAxis(periods) };
  const y = { field: 'value', type: 'quantitative', title: unitLabel(input.unit) || null, scale: { zero: false }, axis: { format: axisFormat(input.unit) } };
  const layers: object[] = [
    {
      data: { values: points },
      mark: { type: 'line', color: PALETTE[0], strokeWidth: 2, point: { size: 30, filled: true, color: PALETTE[0] } },
      encoding: { x, y },
    },
  ];
  // One layer per rule (each with its own size); colour and shape share one scale, so one legend.
  for (const mark of marked) {
    const values = points.flatMap((point, index) => (rulesAt(index).includes(mark.rule) ? [{ period: point.period, value: point.value, signal: RUN_CHART_RULE_LABELS_SV[mark.rule] }] : []));
    layers.push({
      data: { values },
      mark: { type: 'point', filled: true, opacity: 1, size: mark.size, stroke: 'white', strokeWidth: 0.75 },
      encoding: {
        x,
        y,
        shape: { field: 'signal', type: 'nominal', title: 'Signal', scale: { domain: signalDomain, range: marked.map((m) => m.shape) } },
        color: { field: 'signal', type: 'nominal', title: 'Signal', scale: { domain: signalDomain, range: marked.map((m) => m.color) } },
      },
    });
  }
  // The median last, so its label sits on top of the points.
  layers.push(
    {
      data: { values: [{ median, label: `Median ${chartValueText(median, input.unit)}` }] },
      layer: [
        { mark: { type: 'rule', color: MUTED, strokeWidth: 1.5, strokeDash: [6, 4] }, encoding: { y: { field: 'median', type: 'quantitative' } } },
        ...[{ stroke: 'white', strokeWidth: 4 }, {}].map((halo) => ({
          mark: { type: 'text', align: 'left', baseline: 'bottom', x: 0, dx: 2, dy: -3, color: MUTED, fontWeight: 'bold', ...halo },
          encoding: { y: { field: 'median', type: 'quantitative' }, text: { field: 'label' } },
        })),
      ],
    }
  );
  const subtitle = summary.length === 0 ? ['Inga signaler enligt de fyra reglerna'] : summary;
  const spec = {
    ...baseSpec(alt),
    height: 240,
    title: { text: `${input.orgUnitName}: seriediagram med median`, subtitle, subtitleFontSize: 11, subtitleColor: MUTED },
    layer: layers,
  };

  return {
    id: input.id,
    kind: 'run_chart',
    title: `${input.indicatorName}: seriediagram för ${input.orgUnitName}`,
    svg: await renderer.svg(spec),
    alt,
    table: {
      id: `${input.id}-data`,
      caption: `${input.indicatorName} för ${input.orgUnitName} per period, median ${chartValueText(median, input.unit)}`,
      columns: ['Period', 'Värde', 'Signal'],
      rows: points.map((point, index) => {
        const rules = rulesAt(index);
        return [point.period, chartValueText(point.value, input.unit), rules.length === 0 ? 'Ingen' : rules.map((rule) => RUN_CHART_RULE_LABELS_SV[rule]).join(', ')];
      }),
      raw: points.map((point, index) => [point.period, point.value, rulesAt(index).map((rule) => RUN_CHART_RULE_LABELS_SV[rule]).join(', ') || null]),
    },
    median,
    signals,
  };
}

const RULE_ORDER: Array<RunChartSignal['rule']> = ['shift', 'trend', 'runs', 'astronomical'];
const LISTED_ASTRONOMICAL = 5;

/**
 * One line per rule that fired, so a long noisy series still reads in a sentence or four: a single signal as its own
 * description, several as their count and the latest (astronomical points: the first few periods named).
 */
export function summariseSignals(signals: RunChartSignal[], labels: string[]): string[] {
  return RULE_ORDER.flatMap((rule) => {
    const fired = signals.filter((signal) => signal.rule === rule);
    if (fired.length <= 1) {
      return fired.map((signal) => signal.description);
    }
    if (rule === 'astronomical') {
      const periods = fired.map((signal) => labels[signal.points[0]]);
      const listed = periods.slice(0, LISTED_ASTRONOMICAL).join(', ');
      return [`${fired.length} astronomiska punkter: ${listed}${periods.length > LISTED_ASTRONOMICAL ? ' med flera' : ''}`];
    }
    const latest = fired[fired.length - 1].description.replace(/^[^:]*: /, '');
    return [`${RUN_CHART_RULE_LABELS_SV[rule]}: ${fired.length} gånger, senast ${latest}`];
  });
}
