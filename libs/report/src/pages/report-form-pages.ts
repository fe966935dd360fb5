import type { FieldError } from '@arshjulet/core';
import type { FormFailure, FormPageOptions } from '@arshjulet/org';
import { type FormBody, ReportPagesService, reportPath } from './report-pages.service.js';

const yearOf = ({ request }: FormFailure) => String((request.params as Record<string, string>).year ?? '');
const bodyOf = ({ request }: FormFailure) => (request.body && typeof request.body === 'object' ? request.body : {}) as FormBody;
const safeYear = (failure: FormFailure) => (/^\d{4}$/.test(yearOf(failure)) ? yearOf(failure) : null);

/** The own sections again: the message, what was typed, and on a conflict the text someone else saved beside it. */
export const OWN_SECTIONS_FORM: FormPageOptions = {
  view: 'report/editor',
  model: (failure) => failure.get(ReportPagesService).refusedOwnSections(failure.ctx, yearOf(failure), bodyOf(failure), failure.exception),
};

/** The assemble button and the transition buttons: the message travels back to the editor, tied to a reason field. */
export const REPORT_ACTION_FORM: FormPageOptions = {
  redirect: (failure) => (safeYear(failure) ? reportPath(safeYear(failure)!) : '/arshjul'),
  flash: ({ exception, body }) => {
    const errors: FieldError[] = exception.errors.map((error) => ({ path: error.path === 'reason' ? `skal-${body.action ?? ''}` : error.path, message: error.message }));
    return { error: exception.detail, errors };
  },
};
