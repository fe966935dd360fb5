import { FeedbackException } from '../feedback.exception.js';

/** The version in `If-Match: "3"` (weak `W/"3"` and bare `3` accepted); missing → 428, unreadable → 400. */
export function versionFromIfMatch(header: string | undefined, required = true): number | undefined {
  if (header === undefined || header.trim() === '') {
    if (required) throw FeedbackException.ifMatchRequired();
    return undefined;
  }
  const found = /^\s*(?:W\/)?"?(\d{1,9})"?\s*$/.exec(header);
  if (!found) throw FeedbackException.ifMatchUnreadable();
  return Number(found[1]);
}

export const etagOf = (version: number): string => `"${version}"`;
