import { Module } from '@nestjs/common';
import { CycleModule } from '@arshjulet/cycle';
import { AuthModule } from '@arshjulet/org';
import { AnalysisModule } from '../analysis.module.js';
import { AnalysisPagesController } from './analysis-pages.controller.js';
import { AnalysisPagesService } from './analysis-pages.service.js';

/** The analysis pages (the delregion's form, revisions, the county's review) on the services of AnalysisModule. */
@Module({
  imports: [AnalysisModule, CycleModule, AuthModule],
  controllers: [AnalysisPagesController],
  providers: [AnalysisPagesService],
})
export class AnalysisPagesModule {}
