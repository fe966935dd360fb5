export * from './analysis.exception.js';
export * from './analysis.module.js';
export * from './answers/answers.service.js';
export * from './answers/answer-prefill.port.js';
export * from './answers/breakdown-prefill.js';
export * from './attachments/attachment.service.js';
export * from './attachments/attachment.repository.js';
export * from './comments/comment.service.js';
export * from './comments/comment.repository.js';
export * from './revisions/revision.service.js';
export * from './revisions/revision.repository.js';
export * from './revisions/revision-diff.js';

import { AnalysisDraft } from './answers/analysis-draft.entity.js';
import { AnalysisAttachment } from './attachments/analysis-attachment.entity.js';
import { AnalysisComment } from './comments/analysis-comment.entity.js';
import { AnalysisRevision } from './revisions/analysis-revision.entity.js';
export const ANALYSIS_ENTITIES = [AnalysisDraft, AnalysisRevision, AnalysisComment, AnalysisAttachment];
export * from './pages/analysis-pages.module.js';
