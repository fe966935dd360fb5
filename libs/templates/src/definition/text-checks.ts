const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

/** Text no column can store faithfully: a NUL (PostgreSQL refuses it) or half of a UTF-16 pair. */
export function unstorableTextMessage(text: string): string | null {
  if (text.includes('\u0000')) return 'Texten innehåller ett otillåtet tecken (NUL).';
  if (LONE_SURROGATE.test(text)) return 'Texten innehåller ett ogiltigt tecken.';
  return null;
}

export function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Characters as people count them (a surrogate pair is one). */
export function textLength(text: string): number {
  let length = 0;
  for (const _ of text) length += 1;
  return length;
}

export function formatSv(value: number): string {
  return value.toLocaleString('sv-SE').replace(/\u00a0/g, ' ');
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

export function isIsoDate(text: string): boolean {
  const match = ISO_DATE.exec(text);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

/** A path segment for a key: `a.b` when the key is a plain name, `a["strange key"]` otherwise. */
export function keySegment(prefix: string, key: string): string {
  if (/^[A-Za-z_][A-Za-z0-9_]*$/.test(key)) return prefix ? `${prefix}.${key}` : key;
  return `${prefix}[${JSON.stringify(key.slice(0, 64))}]`;
}
