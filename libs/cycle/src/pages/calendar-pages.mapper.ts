import { formatDateTime } from '@arshjulet/core';

export const CALENDAR_PAGE_PATH = '/konto/kalender';

interface Flash {
  notice?: string;
  error?: string;
}

/** "Min kalender": whether I have a subscription link, and the messages of the last action. */
export function calendarPageView(status: { createdAt: Date } | null, flash: Flash | undefined) {
  return {
    title: 'Årshjulet i din kalender',
    subscribed: status !== null,
    createdAt: status ? formatDateTime(status.createdAt) : null,
    notice: flash?.notice ?? null,
    error: flash?.error ?? null,
  };
}

/** The secret link, shown this once (only its fingerprint is stored). */
export function calendarCreatedView(result: { url: string; replaced: boolean }) {
  return {
    title: result.replaced ? 'Din nya kalenderlänk' : 'Din kalenderlänk',
    url: result.url,
    replaced: result.replaced,
  };
}

export const CALENDAR_REVOKED_NOTICE = 'Prenumerationen är avslutad. Länken fungerar inte längre; ta bort kalendern ur ditt kalenderprogram.';
