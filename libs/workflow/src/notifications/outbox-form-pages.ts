import type { FormPageOptions } from '@arshjulet/org';
import { DEFAULT_OUTBOX_FILTER, outboxReturnPath } from './outbox-pages.mapper.js';
import { OutboxPagesService } from './outbox-pages.service.js';

/** A filter the list cannot use: the default list, with the message beside the status field and in the summary. */
export const OUTBOX_LIST_PAGE: FormPageOptions = {
  view: 'outbox/index',
  model: ({ exception, ctx, get }) => get(OutboxPagesService).list(ctx, DEFAULT_OUTBOX_FILTER, { error: exception.detail, errors: exception.errors }),
};

/** "Försök igen": a refusal (already back in line, already sent) travels back to the list as it was filtered. */
export const OUTBOX_RETRY_FORM: FormPageOptions = {
  redirect: ({ body }) => outboxReturnPath(body),
};
