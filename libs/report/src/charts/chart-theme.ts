/**
 * The look shared by every chart: 640 px wide (A4 text width at print scale), dark text at sizes readable when
 * printed, and the Okabe–Ito palette (its yellow swapped for a wine red that shows on white), which stays distinguishable for colour-blind readers and in greyscale print
 * (charts also differ by shape or dash where colour carries meaning).
 */
export const CHART_WIDTH = 640;

export const PALETTE = ['#0072B2', '#E69F00', '#009E73', '#D55E00', '#CC79A7', '#56B4E9', '#000000', '#882255'];
export const INK = '#1a1a1a';
export const MUTED = '#595959';

export const VEGA_LITE_SCHEMA = 'https://vega.github.io/schema/vega-lite/v6.json';

export function chartConfig(): Record<string, unknown> {
  return {
    background: 'white',
    font: 'Arial, Helvetica, sans-serif',
    view: { stroke: null },
    axis: {
      labelFontSize: 11,
      titleFontSize: 12,
      labelColor: INK,
      titleColor: INK,
      domainColor: MUTED,
      tickColor: MUTED,
      gridColor: '#e0e0e0',
      titleFontWeight: 'normal',
      labelOverlap: 'greedy',
      aria: false,
    },
    legend: { labelFontSize: 11, titleFontSize: 12, labelColor: INK, titleColor: INK, orient: 'bottom', direction: 'horizontal', columns: 2, labelLimit: 290, aria: false },
    title: { fontSize: 13, color: INK, anchor: 'start' },
    text: { fontSize: 11, color: INK },
    mark: { aria: false },
    range: { category: PALETTE },
    aria: false,
  };
}

/** The frame every builder's spec starts from: fixed width, sizes include axes and legend. */
export function baseSpec(description: string): Record<string, unknown> {
  return {
    $schema: VEGA_LITE_SCHEMA,
    description,
    width: CHART_WIDTH,
    autosize: { type: 'fit-x', contains: 'padding' },
    padding: 8,
    config: chartConfig(),
  };
}
