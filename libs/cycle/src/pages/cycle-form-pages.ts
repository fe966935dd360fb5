import type { FieldError } from '@arshjulet/core';
import type { FormFailure, FormPageOptions } from '@arshjulet/org';
import type { Cycle } from '../cycles/cycle.entity.js';
import { CYCLES_PATH, cycleFormValues, cycleFormView, cyclePath, formErrors, taskPath } from './cycle-pages.mapper.js';

const yearOf = ({ request }: FormFailure) => Number(request.params.year);
const taskIdOf = ({ request }: FormFailure) => String(request.params.id);

/** The create form comes back at once with what was typed and each message beside its field. */
export const CYCLE_CREATE_FORM: FormPageOptions = {
  view: 'cycles/form',
  model: ({ body, exception }) => cycleFormView('create', { values: body, ...formErrors(exception) }),
};

/** The edit form likewise; a conflict shows the values as they are now, and what this person typed. */
export const CYCLE_EDIT_FORM: FormPageOptions = {
  view: 'cycles/form',
  model: (failure) => {
    const { body, exception } = failure;
    const year = yearOf(failure);
    const current = exception.extensions.current as (Cycle & { year: number }) | undefined;
    if (current && typeof current === 'object' && 'version' in current) {
      // Someone saved in between: show the cycle as it is now, and what this person typed, so nothing is lost.
      return {
        ...cycleFormView('edit', { values: cycleFormValues(current), error: `${exception.detail} Fälten visar värdena som gäller nu.` }, { version: current.version, year }),
        yourValues: Object.entries(body).filter(([key]) => !['_csrf', 'version'].includes(key)).map(([key, value]) => ({ key, value })),
      };
    }
    return cycleFormView('edit', { values: body, ...formErrors(exception) }, { version: Number(body.version) || 0, year });
  },
};

/** The action buttons on a cycle's page: the message travels back there, tied to the id of its reason field. */
export const CYCLE_ACTION_FORM: FormPageOptions = {
  redirect: (failure) => (Number.isInteger(yearOf(failure)) ? cyclePath(yearOf(failure)) : CYCLES_PATH),
  flash: (failure) => actionFlash(failure, (path) => (path === 'reason' ? `skal-${failure.body.action ?? ''}` : path)),
};

/** The launch confirmation: a refusal is shown on the confirmation page itself. */
export const LAUNCH_FORM: FormPageOptions = {
  redirect: (failure) => `${cyclePath(yearOf(failure))}/starta`,
  flash: (failure) => actionFlash(failure, (path) => (path === 'reason' ? `skal-${failure.body.action ?? ''}` : path)),
};

/** A task's forms (act, move the due date), on its own page or on the overview it was posted from. */
export const TASK_ACTION_FORM: FormPageOptions = {
  redirect: (failure) => (failure.body.from === 'oversikt' ? `${cyclePath(yearOf(failure))}/uppgifter` : taskPath(yearOf(failure), taskIdOf(failure))),
  flash: (failure) => {
    const id = taskIdOf(failure);
    return actionFlash(failure, (path) => {
      if (path === 'dueDate') return `sista-dag-${id}`;
      if (path === 'reason') return failure.body.action === 'return' ? `kommentar-${id}` : `skal-${id}`;
      return path;
    });
  },
};

/** The message of a small action form, its errors keyed by the id of the field they belong to (as the views name them). */
function actionFlash({ exception }: FormFailure, fieldId: (path: string) => string): { error: string; errors: FieldError[] } {
  const errors = exception.errors.map((error) => ({ path: fieldId(error.path), message: error.message }));
  // The heading says what happened; the list under it names each field's problem once (not twice, as before).
  return { error: exception.detail, errors };
}

