import { readIfMatch } from '@arshjulet/core';
import { AnalysisException } from '../analysis.exception.js';

export { etagOf } from '@arshjulet/core';

/** The version If-Match names; missing → 428, unreadable → 400 (the analysis's codes). */
export function versionFromIfMatch(header: string | undefined): number {
  const read = readIfMatch(header);
  if (read === 'absent') throw AnalysisException.ifMatchRequired();
  if (read === 'unreadable') throw AnalysisException.ifMatchUnreadable();
  return read.version;
}
