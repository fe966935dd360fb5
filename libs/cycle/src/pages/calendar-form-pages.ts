import type { FormPageOptions } from '@arshjulet/org';
import { CALENDAR_PAGE_PATH } from './calendar-pages.mapper.js';

/** The calendar forms have no fields: a refusal travels back to the calendar page as a message. */
export const CALENDAR_FORM: FormPageOptions = { redirect: () => CALENDAR_PAGE_PATH };
