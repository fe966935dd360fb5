export * from './model/report-model.js';
export * from './model/report-sections.js';
export * from './assembly/report-assembler.js';
export * from './synthesis/synthesize.js';
export * from './report.module.js';
export * from './report.exception.js';
export * from './reports/report-state.machine.js';

import { CountyReport } from './reports/county-report.entity.js';
import { ReportVersion } from './reports/report-version.entity.js';
/** The report lib's tables. */
export const REPORT_ENTITIES: Array<new () => unknown> = [CountyReport, ReportVersion];
