import type { FormPageOptions } from '../pages/form-page.filter.js';
import { OrgUnit } from './org-unit.entity.js';
import { OrgUnitService } from './org-unit.service.js';
import { orgUnitFormView } from './org-units-pages.mapper.js';

/** The edit form comes back at once: with what was typed and each message beside its field, or (stale) as it is now. */
export const ORG_UNIT_FORM: FormPageOptions = {
  view: 'org-units/show',
  model: async ({ ctx, body, exception, get, request }) => {
    const units = get(OrgUnitService);
    const unit = await units.getByCode(ctx, String(request.params.code));
    const all = await units.list(ctx, { includeInactive: true });
    const parent: OrgUnit | null = all.find((candidate) => candidate.id === unit.parentId) ?? null;
    return orgUnitFormView(unit, parent, all.filter((candidate) => candidate.type === 'delregion'), { values: body, error: exception });
  },
};
