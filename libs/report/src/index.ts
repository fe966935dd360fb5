export * from './model/report-model.js';
export * from './model/report-sections.js';
export * from './report.module.js';

/** The report lib's tables (filled as its entities land). */
export const REPORT_ENTITIES: Array<new () => unknown> = [];
