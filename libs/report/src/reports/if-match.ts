import { readIfMatch } from '@arshjulet/core';
import { ReportException } from '../report.exception.js';

export { etagOf } from '@arshjulet/core';

/** The version If-Match names; missing → 428, unreadable → 400 (the report's codes). */
export function versionFromIfMatch(header: string | undefined): number {
  const read = readIfMatch(header);
  if (read === 'absent') throw ReportException.ifMatchRequired();
  if (read === 'unreadable') throw ReportException.ifMatchUnreadable();
  return read.version;
}
