import { Module } from '@nestjs/common';

/** The county compilation and the county report: assembly, charts, rendering (HTML, PDF, XLSX), versions. */
@Module({})
export class ReportModule {}
