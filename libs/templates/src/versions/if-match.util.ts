import { readIfMatch } from '@arshjulet/core';

export { etagOf } from '@arshjulet/core';

/** The row version an `If-Match` header names; undefined when absent or not one number. */
export function versionFromIfMatch(header: string | undefined): number | undefined {
  const read = readIfMatch(header);
  return typeof read === 'object' ? read.version : undefined;
}
