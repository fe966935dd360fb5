import { HostileInputCode } from './hostile-input.exception.js';

/** Deepest JSON nesting accepted: our deepest body is 3 levels; class-transformer overflows the stack in the thousands. */
export const MAX_JSON_DEPTH = 32;

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

export interface HostileFinding {
  code: HostileInputCode;
  /** Where, as a field path (`assignments[0].name`); empty when the problem has no field. */
  path: string;
}

/** Text PostgreSQL cannot store (NUL) or that is not Unicode at all (a surrogate without its pair). */
export function textProblem(text: string): HostileInputCode | null {
  if (text.includes('\0')) return HostileInputCode.NulCharacter;
  if (LONE_SURROGATE.test(text)) return HostileInputCode.UnpairedSurrogate;
  return null;
}

/** The first hostile string, key or nesting level in a parsed body; walks no deeper than {@link MAX_JSON_DEPTH}. */
export function findInValue(value: unknown, path = '', depth = 0): HostileFinding | null {
  if (typeof value === 'string') {
    const code = textProblem(value);
    return code ? { code, path } : null;
  }
  if (value === null || typeof value !== 'object') return null;
  if (depth >= MAX_JSON_DEPTH) return { code: HostileInputCode.TooDeep, path };
  if (Array.isArray(value)) {
    for (const [index, item] of value.entries()) {
      const found = findInValue(item, `${path}[${index}]`, depth + 1);
      if (found) return found;
    }
    return null;
  }
  for (const [key, item] of Object.entries(value)) {
    const keyCode = textProblem(key);
    // The key itself cannot be echoed back as a path: it is the bad text.
    if (keyCode) return { code: keyCode, path };
    const found = findInValue(item, path ? `${path}.${key}` : key, depth + 1);
    if (found) return found;
  }
  return null;
}

/** Decodes one percent-encoded component, or null when its %-escapes are not valid UTF-8. */
function decode(component: string): string | null {
  try {
    return decodeURIComponent(component);
  } catch {
    return null;
  }
}

/** A URL path: refused when its %-escapes do not decode or decode to a NUL. */
export function pathProblem(rawPath: string): HostileInputCode | null {
  const decoded = decode(rawPath);
  return decoded === null ? HostileInputCode.BadPercentEncoding : textProblem(decoded);
}

/** A query string or an urlencoded form body (`a=1&b=%C3%A5`): the first bad name or value. */
export function formEncodedProblem(raw: string): HostileFinding | null {
  if (!raw) return null;
  for (const pair of raw.split('&')) {
    const [rawName = '', ...rest] = pair.split('=');
    const name = decode(rawName.replace(/\+/g, ' '));
    if (name === null) return { code: HostileInputCode.BadPercentEncoding, path: '' };
    const nameCode = textProblem(name);
    if (nameCode) return { code: nameCode, path: '' };
    const value = decode(rest.join('=').replace(/\+/g, ' '));
    if (value === null) return { code: HostileInputCode.BadPercentEncoding, path: name };
    const valueCode = textProblem(value);
    if (valueCode) return { code: valueCode, path: name };
  }
  return null;
}
