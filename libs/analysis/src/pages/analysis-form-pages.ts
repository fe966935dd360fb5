import type { FormFailure, FormPageOptions } from '@arshjulet/org';
import { AnalysisPagesService } from './analysis-pages.service.js';
import type { FormBody } from './analysis-pages.mapper.js';

const params = ({ request }: FormFailure) => request.params as Record<string, string>;
const bodyOf = ({ request }: FormFailure) => (request.body && typeof request.body === 'object' ? request.body : {}) as FormBody;

/** My analysis again: what was typed with each error beside its field, the submit checklist, or a conflict to resolve. */
export const ANALYSIS_FORM: FormPageOptions = {
  view: 'analysis/form',
  model: (failure) => failure.get(AnalysisPagesService).refused(failure.ctx, params(failure).year!, params(failure).id!, bodyOf(failure), failure.exception),
};

/** The review page again, the message beside the comment box or the return's summary. */
export const REVIEW_FORM: FormPageOptions = {
  view: 'analysis/review',
  model: (failure) => {
    const errors = failure.exception.errors;
    return failure.get(AnalysisPagesService).review(failure.ctx, params(failure).year!, params(failure).id!, { errors, error: failure.exception.detail });
  },
};

/** My analysis again after a refused upload (wrong type, too large, no file): the message beside the file field. */
export const ATTACHMENT_FORM: FormPageOptions = {
  view: 'analysis/form',
  model: (failure) => failure.get(AnalysisPagesService).refusedUpload(failure.ctx, params(failure).year!, params(failure).id!, failure.exception),
};
