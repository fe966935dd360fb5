export * from './feedback.module.js';
export * from './feedback.exception.js';
export * from './comments/feedback.service.js';
export * from './decisions/decision.entity.js';
export * from './decisions/decision-action.entity.js';
export * from './decisions/decision.service.js';
export * from './act/carried-over.adapter.js';

import { FeedbackComment } from './comments/feedback-comment.entity.js';
import { DecisionAction } from './decisions/decision-action.entity.js';
import { Decision } from './decisions/decision.entity.js';

/** The feedback lib's tables. */
export const FEEDBACK_ENTITIES: Array<new () => unknown> = [FeedbackComment, Decision, DecisionAction];
