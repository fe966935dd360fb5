/** The row version an `If-Match` header names (`"3"`, `W/"3"` or `3`); undefined when absent or not one number. */
export function versionFromIfMatch(header: string | undefined): number | undefined {
  if (!header) return undefined;
  const match = /^\s*(?:W\/)?"?(\d{1,9})"?\s*$/.exec(header);
  return match ? Number(match[1]) : undefined;
}

export const etagOf = (rowVersion: number): string => `"${rowVersion}"`;
