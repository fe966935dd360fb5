import type { FormPageOptions } from '@arshjulet/org';
import { TEMPLATES_PATH, versionPath } from './template-pages.mapper.js';
import { TemplatePagesService } from './template-pages.service.js';

const idOf = (request: { params: unknown }) => String((request.params as Record<string, string>).id);

/** The draft's form again: what was typed and every problem of the definition listed beside it. */
export const TEMPLATE_EDIT_FORM: FormPageOptions = {
  view: 'templates/version',
  model: ({ get, ctx, request, body, exception }) => get(TemplatePagesService).refused(ctx, idOf(request), body, exception),
};

/** Publish: a definition with problems shows them on the editor, like a save. */
export const TEMPLATE_PUBLISH_FORM: FormPageOptions = TEMPLATE_EDIT_FORM;

/** Create and copy: the message travels back to the list or the version. */
export const TEMPLATE_CREATE_FORM: FormPageOptions = { redirect: () => TEMPLATES_PATH };
export const TEMPLATE_COPY_FORM: FormPageOptions = { redirect: ({ request }) => versionPath(idOf(request)) };
