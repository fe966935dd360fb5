import { readIfMatch } from '@arshjulet/core';
import { FeedbackException } from '../feedback.exception.js';

export { etagOf } from '@arshjulet/core';

/** The version If-Match names; missing → 428 (or undefined when not required), unreadable → 400. */
export function versionFromIfMatch(header: string | undefined, required = true): number | undefined {
  const read = readIfMatch(header);
  if (read === 'absent') {
    if (required) throw FeedbackException.ifMatchRequired();
    return undefined;
  }
  if (read === 'unreadable') throw FeedbackException.ifMatchUnreadable();
  return read.version;
}
