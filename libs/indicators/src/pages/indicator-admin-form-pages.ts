import type { FormPageOptions } from '@arshjulet/org';
import { IndicatorAdminPagesService } from './indicator-admin-pages.service.js';

/** The edit form again at once: what was typed, each message beside its field; a stale save shows the indicator as it is now. */
export const INDICATOR_EDIT_FORM: FormPageOptions = {
  view: 'admin/indicator',
  model: ({ get, ctx, request, body, exception }) => get(IndicatorAdminPagesService).refused(ctx, String(request.params.code), body, exception),
};
