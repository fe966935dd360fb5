import { OrgUnitService } from '../org-units/org-unit.service.js';
import type { FormPageOptions } from '../pages/form-page.filter.js';
import { inviteFormView, USERS_PATH } from './users-pages.mapper.js';

/** The invite form comes back at once with what was typed and each message beside its field (nothing stored). */
export const INVITE_FORM: FormPageOptions = {
  view: 'users/new',
  model: async ({ ctx, body, exception, get }) => inviteFormView(await get(OrgUnitService).delregions(ctx), body, exception),
};

/** A form on a user's page travels back to that page (post/redirect/get). */
export const USER_ACTION_FORM: FormPageOptions = {
  redirect: ({ request }) => `${USERS_PATH}/${encodeURIComponent(String(request.params.id))}`,
  flash: ({ exception }) => {
    const roleField = exception.errors.some((error) => /(^|\.)(role|delregion|orgUnit)$/.test(error.path));
    const message = roleField ? 'Rollen kunde inte läggas till. Rätta det som är markerat.' : (exception.errors[0]?.message ?? exception.detail);
    return { error: message, errors: exception.errors };
  },
};
