import type { FormPageOptions } from '@arshjulet/org';
import { outboxReturnPath } from './outbox-pages.mapper.js';

/** "Försök igen": a refusal (already back in line, already sent) travels back to the list as it was filtered. */
export const OUTBOX_RETRY_FORM: FormPageOptions = {
  redirect: ({ body }) => outboxReturnPath(body),
};
