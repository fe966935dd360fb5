/**
 * What an `If-Match` header says: the row version it names (`"3"`, weak `W/"3"` and bare `3` accepted), that it is
 * absent (or blank), or that it cannot be read. Each lib answers the last two with its own problem codes.
 */
export type IfMatch = { version: number } | 'absent' | 'unreadable';

export function readIfMatch(header: string | undefined): IfMatch {
  if (header === undefined || header.trim() === '') return 'absent';
  const found = /^\s*(?:W\/)?"?(\d{1,9})"?\s*$/.exec(header);
  return found ? { version: Number(found[1]) } : 'unreadable';
}

/** The ETag of a row version, as If-Match sends it back. */
export const etagOf = (version: number): string => `"${version}"`;
