/** Dates as people in the county write them (`2026-03-19`, `2026-03-19 14:05`), always in Stockholm time. */
const TIME_ZONE = 'Europe/Stockholm';
const dateFormat = new Intl.DateTimeFormat('sv-SE', { timeZone: TIME_ZONE, dateStyle: 'short' });
const dateTimeFormat = new Intl.DateTimeFormat('sv-SE', { timeZone: TIME_ZONE, dateStyle: 'short', timeStyle: 'short' });

export const formatDate = (value: Date | null | undefined): string => (value ? dateFormat.format(value) : '–');

export const formatDateTime = (value: Date | null | undefined): string => (value ? dateTimeFormat.format(value) : '–');

/** A calendar day kept as ISO `YYYY-MM-DD` (a due date, a phase boundary), written the same Swedish way. */
export const formatDay = (value: string | null | undefined): string => (value ? formatDate(new Date(`${value}T12:00:00Z`)) : '–');
