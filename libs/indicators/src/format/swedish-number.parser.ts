export type NumberParseResult = { ok: true; value: number } | { ok: false; reason: string };

const SPACES = /[\s\u00a0\u202f\u2009]/;
const MINUSES = /^[-\u2212\u2013]/;
const GROUPED_INTEGER = /^\d{1,3}(?:[ \u00a0\u202f\u2009]\d{3})+$/;
const PLAIN_INTEGER = /^\d+$/;
const FRACTION = /^\d+$/;
const EXPONENT = /^[eE][+-]?\d{1,3}$/;
/** What nearly every cell of a large import looks like (`62,6`, `2832`, `-3.2`): parsed without the general path. */
const SIMPLE = /^-?\d+(?:[.,]\d+)?$/;

function fail(reason: string): NumberParseResult {
  return { ok: false, reason };
}

/**
 * Parses a number as written in Swedish imports: `2 832`, `2 832` (no-break space), `62,6`, `62.6`, `−3,2`,
 * `-3,2`, `1 234,5`, `62,6 %`. A single comma or point is always the decimal separator, so `1,234` is 1,234 and
 * never 1234; anything that could be read two ways (`1,234,5`, `1.234,5`, `1.234.567`) is rejected with a reason.
 */
export function parseSwedishNumber(input: string | number | null | undefined): NumberParseResult {
  if (typeof input === 'number') {
    return Number.isFinite(input) ? { ok: true, value: input } : fail(`”${input}” är inget tal`);
  }
  if (input && SIMPLE.test(input)) {
    const value = Number(input.replace(',', '.'));
    return { ok: true, value: value === 0 ? 0 : value };
  }
  const original = (input ?? '').trim();
  if (original === '') {
    return fail('Värdet saknas');
  }
  let text = original.replace(/\s*%$/, '');
  let sign = 1;
  if (MINUSES.test(text)) {
    sign = -1;
    text = text.slice(1).trimStart();
  } else if (text.startsWith('+')) {
    text = text.slice(1).trimStart();
  }

  let exponent = '';
  const exponentAt = text.search(/[eE]/);
  if (exponentAt >= 0) {
    exponent = text.slice(exponentAt);
    text = text.slice(0, exponentAt);
    if (!EXPONENT.test(exponent)) {
      return fail(`”${original}” är inget tal`);
    }
  }

  const commas = text.split(',').length - 1;
  const points = text.split('.').length - 1;
  if (commas > 0 && points > 0) {
    return fail(`”${original}” blandar punkt och komma – använd komma som decimaltecken och mellanslag mellan tusental`);
  }
  if (commas > 1 || points > 1) {
    return fail(`”${original}” har flera decimaltecken – skriv tusental med mellanslag, t.ex. 1 234,5`);
  }

  const [integerPart, fractionPart] = text.split(/[.,]/);
  if (fractionPart !== undefined && !FRACTION.test(fractionPart)) {
    return fail(`”${original}” är inget tal`);
  }
  const integer = integerPart === '' && fractionPart !== undefined ? '0' : integerPart;
  if (!PLAIN_INTEGER.test(integer)) {
    if (SPACES.test(integer) && /^[\d \u00a0\u202f\u2009]+$/.test(integer) && !GROUPED_INTEGER.test(integer)) {
      return fail(`”${original}” har felaktig tusentalsgruppering – grupperna ska ha tre siffror, t.ex. 2 832`);
    }
    if (!GROUPED_INTEGER.test(integer)) {
      return fail(`”${original}” är inget tal`);
    }
  }

  const canonical = `${integer.replace(/\D/g, '')}${fractionPart !== undefined ? `.${fractionPart}` : ''}${exponent}`;
  const value = sign * Number(canonical);
  if (!Number.isFinite(value)) {
    return fail(`”${original}” är inget tal`);
  }
  return { ok: true, value: value === 0 ? 0 : value };
}
