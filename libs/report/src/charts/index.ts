export * from './chart-renderer.js';
export * from './run-chart-signals.js';
export * from './county-vs-nation.chart.js';
export * from './hospitals-by-quarter.chart.js';
export * from './municipalities.chart.js';
export * from './run.chart.js';
export { MISSING_VALUE } from './chart-format.util.js';
