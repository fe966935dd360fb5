import { Global, Module } from '@nestjs/common';
import { ANSWER_PREFILL_PORT } from '@arshjulet/analysis';
import { CARRIED_OVER_DECISIONS_PORT, CycleModule } from '@arshjulet/cycle';
import { AuthModule } from '@arshjulet/org';
import { ReportModule } from '@arshjulet/report';
import { ActHook } from './act/act.hook.js';
import { CarriedOverAdapter } from './act/carried-over.adapter.js';
import { FeedbackCommentRepository } from './comments/feedback-comment.repository.js';
import { FeedbackController } from './comments/feedback.controller.js';
import { FeedbackService } from './comments/feedback.service.js';
import { DecisionRepository } from './decisions/decision.repository.js';
import { DecisionService } from './decisions/decision.service.js';
import { DecisionsController } from './decisions/decisions.controller.js';
import { FeedbackPagesController } from './pages/feedback-pages.controller.js';
import { FeedbackPagesService } from './pages/feedback-pages.service.js';

/**
 * VVG's feedback on the county report, its decisions, and the actions they become in next year's cycle. Global so
 * the cycle's planning page and the analysis form (below this lib) receive the ports they declare without importing it.
 */
@Global()
@Module({
  imports: [AuthModule, CycleModule, ReportModule],
  controllers: [FeedbackController, DecisionsController, FeedbackPagesController],
  providers: [
    FeedbackCommentRepository, FeedbackService, DecisionRepository, DecisionService, ActHook, CarriedOverAdapter, FeedbackPagesService,
    { provide: CARRIED_OVER_DECISIONS_PORT, useExisting: CarriedOverAdapter },
    { provide: ANSWER_PREFILL_PORT, useExisting: CarriedOverAdapter },
  ],
  exports: [FeedbackService, DecisionService, CARRIED_OVER_DECISIONS_PORT, ANSWER_PREFILL_PORT],
})
export class FeedbackModule {}
