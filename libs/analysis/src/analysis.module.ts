import { Module } from '@nestjs/common';
import { CycleModule } from '@arshjulet/cycle';
import { AuthModule } from '@arshjulet/org';
import { AnswersController } from './answers/answers.controller.js';
import { AnswersService } from './answers/answers.service.js';
import { DraftRepository } from './answers/draft.repository.js';
import { AttachmentRepository } from './attachments/attachment.repository.js';
import { AttachmentService } from './attachments/attachment.service.js';
import { AttachmentsController } from './attachments/attachments.controller.js';
import { CommentRepository } from './comments/comment.repository.js';
import { CommentService } from './comments/comment.service.js';
import { CommentsController } from './comments/comments.controller.js';
import { RevisionRepository } from './revisions/revision.repository.js';
import { RevisionService } from './revisions/revision.service.js';
import { RevisionsController } from './revisions/revisions.controller.js';
import { SubmissionHook } from './revisions/submission.hook.js';
import { AnalysisRepository } from './tasks/analysis.repository.js';
import { AnalysisTasks } from './tasks/analysis-tasks.service.js';

/** The delregions' analyses: drafts, submissions as revisions, review comments, attachments, completeness. */
@Module({
  imports: [AuthModule, CycleModule],
  controllers: [AnswersController, RevisionsController, CommentsController, AttachmentsController],
  providers: [
    AnalysisRepository, AnalysisTasks, DraftRepository, AnswersService, RevisionRepository, RevisionService, SubmissionHook,
    CommentRepository, CommentService, AttachmentRepository, AttachmentService,
  ],
  exports: [AnswersService, RevisionService, CommentService, AttachmentService],
})
export class AnalysisModule {}
