import { Module } from '@nestjs/common';
import { AssemblyRepository } from './assembly/assembly.repository.js';
import { ReportAssembler } from './assembly/report-assembler.js';
import { CompilationRepository } from './compilation/compilation.repository.js';

/** The county compilation and the county report: assembly, charts, rendering (HTML, PDF, XLSX), versions. */
@Module({
  providers: [CompilationRepository, AssemblyRepository, ReportAssembler],
  exports: [ReportAssembler],
})
export class ReportModule {}
