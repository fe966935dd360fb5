export * from './model/report-model.js';
export * from './model/report-sections.js';
export * from './charts/index.js';
export * from './assembly/report-assembler.js';
export * from './synthesis/synthesize.js';
export * from './render/report-renderer.js';
export * from './render/pdf-printer.js';
export * from './render/pdf-print.exception.js';
export * from './report.module.js';
export * from './report.exception.js';
export * from './reports/report-state.machine.js';
export * from './reports/report.service.js';
export * from './reports/report-documents.service.js';
export * from './reports/report-format.js';

import { CountyReport } from './reports/county-report.entity.js';
import { ReportVersion } from './reports/report-version.entity.js';
/** The report lib's tables. */
export const REPORT_ENTITIES: Array<new () => unknown> = [CountyReport, ReportVersion];
