import type { DomainException, FieldError } from '@arshjulet/core';
import type { FormPageOptions } from '@arshjulet/org';
import { NEW_THEME_IDS, renameFieldId, THEMES_PATH } from './theme-pages.mapper.js';

/** The errors of a form on the theme page, each tied to the id of the field it belongs to. */
function flashFor(exception: DomainException, idOf: (path: string) => string): { error: string; errors: FieldError[] } {
  const errors = exception.errors.map((error) => ({ path: idOf(error.path), message: error.message }));
  return { error: errors.length ? 'Temat sparades inte. Rätta det som är markerat.' : exception.detail, errors };
}

/** Adding a theme: the messages travel back to the add form. */
export const THEME_CREATE_FORM: FormPageOptions = {
  redirect: () => `${THEMES_PATH}#nytt-tema`,
  flash: ({ exception }) => flashFor(exception, (path) => NEW_THEME_IDS[path] ?? NEW_THEME_IDS.label!),
};

/** Renaming, deactivating or activating one theme: the message goes beside that theme's name. */
export const THEME_ACTION_FORM: FormPageOptions = {
  redirect: () => THEMES_PATH,
  flash: ({ exception, request }) => flashFor(exception, () => renameFieldId(String(request.params.key))),
};
