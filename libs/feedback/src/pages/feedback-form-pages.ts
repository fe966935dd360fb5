import type { FormFailure, FormPageOptions } from '@arshjulet/org';
import { FeedbackPagesService, type FormBody, FOLLOWUP_PATH } from './feedback-pages.service.js';

const params = ({ request }: FormFailure) => request.params as Record<string, string>;
const bodyOf = ({ request }: FormFailure) => (request.body && typeof request.body === 'object' ? request.body : {}) as FormBody;

/** The review page again, the message beside the section's comment box (or the comment's answer box). */
export const REVIEW_FORM: FormPageOptions = {
  view: 'feedback/review',
  model: (failure) => {
    const body = bodyOf(failure);
    const form = params(failure).commentId ?? (typeof body.sectionId === 'string' ? body.sectionId : null);
    return failure.get(FeedbackPagesService).review(failure.ctx, params(failure).year!, {
      error: failure.exception.detail, errors: failure.exception.errors, form, typed: body,
    });
  },
};

/** The decisions page again with what was typed and each message beside its field. */
export const DECISION_FORM: FormPageOptions = {
  view: 'feedback/decisions',
  model: (failure) => failure.get(FeedbackPagesService).decisionsPage(failure.ctx, params(failure).year!, {
    error: failure.exception.detail, errors: failure.exception.errors, typed: bodyOf(failure),
  }),
};

/** A status form on the follow-up page travels back to it with the message. */
export const STATUS_FORM: FormPageOptions = {
  redirect: () => FOLLOWUP_PATH,
};
