import { Module } from '@nestjs/common';
import { CycleModule } from '@arshjulet/cycle';
import { AuthModule } from '@arshjulet/org';
import { AssemblyRepository } from './assembly/assembly.repository.js';
import { ReportAssembler } from './assembly/report-assembler.js';
import { CompilationRepository } from './compilation/compilation.repository.js';
import { IndicatorChartsModule } from './indicator-charts/indicator-charts.module.js';
import { ReportPagesController } from './pages/report-pages.controller.js';
import { ReportPagesService } from './pages/report-pages.service.js';
import { PdfPrinter } from './render/pdf-printer.js';
import { ReportRenderer } from './render/report-renderer.js';
import { PublishedReportsGuard } from './reports/published-reports.decorator.js';
import { ReportDocuments } from './reports/report-documents.service.js';
import { ReportOutput } from './reports/report-format.js';
import { ReportRepository } from './reports/report.repository.js';
import { ReportService } from './reports/report.service.js';
import { ReportsController } from './reports/reports.controller.js';

/** The county compilation and the county report: assembly, charts, rendering (HTML, PDF, XLSX), versions. */
@Module({
  imports: [AuthModule, CycleModule, IndicatorChartsModule],
  controllers: [ReportsController, ReportPagesController],
  providers: [
    CompilationRepository, AssemblyRepository, ReportAssembler, ReportRenderer, PdfPrinter,
    ReportRepository, ReportService, ReportDocuments, ReportOutput, ReportPagesService, PublishedReportsGuard,
  ],
  exports: [ReportAssembler, ReportRenderer, PdfPrinter, ReportService, ReportDocuments, ReportOutput],
})
export class ReportModule {}
