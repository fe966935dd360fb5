import type { DomainException, FieldError } from '@arshjulet/core';
import type { FormPageOptions } from '@arshjulet/org';
import { IndicatorErrorCode } from '../indicator.exception.js';

/** Whole-file refusals: the message belongs to the file field of the upload form. */
const FILE_ERRORS = new Set<string>([
  IndicatorErrorCode.NoFile, IndicatorErrorCode.FileEmpty, IndicatorErrorCode.FileTooLarge, IndicatorErrorCode.FileUnsupported,
  IndicatorErrorCode.FileUnreadable,
]);

const FIELD_MESSAGES_SV: Record<string, string> = {
  sheet: 'Bladets namn får vara högst 100 tecken.',
  indicator: 'Ange en indikatorkod som IU03, eller lämna fältet tomt.',
  format: 'Okänt filformat.',
};

function pageError(exception: DomainException): { error: string; errors: FieldError[] } {
  if (exception.code === IndicatorErrorCode.NoFile) {
    const message = 'Välj en fil att ladda upp.';
    return { error: message, errors: [{ path: 'file', message }] };
  }
  if (FILE_ERRORS.has(exception.code)) return { error: 'Filen kunde inte läsas in. Inget har sparats.', errors: [{ path: 'file', message: exception.detail }] };
  if (exception.errors.length > 0) {
    return {
      error: 'Formuläret innehåller fel. Inget har sparats.',
      errors: exception.errors.map((error) => ({ path: error.path, message: FIELD_MESSAGES_SV[error.path] ?? error.message })),
    };
  }
  return { error: exception.detail, errors: [] };
}

/** The upload form: its mistakes travel back to the form on the list (post/redirect/get), tied to their field. */
export const UPLOAD_FORM: FormPageOptions = {
  redirect: () => '/importer#ladda-upp',
  flash: ({ exception }) => pageError(exception),
};

/** Saving or discarding a batch: the message travels back to the batch's page. */
export const BATCH_ACTION_FORM: FormPageOptions = {
  redirect: ({ request }) => `/importer/${String(request.params.id)}`,
  flash: ({ exception }) => pageError(exception),
};
