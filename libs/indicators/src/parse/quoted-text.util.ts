/** A UTF-16 surrogate without its partner: no character at all, and PostgreSQL refuses it in JSON and text. */
export const UNPAIRED_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
const UNPAIRED_SURROGATES = new RegExp(UNPAIRED_SURROGATE.source, 'g');

/** Longest piece of a user's text repeated in a message. */
const QUOTE_CHARS = 60;

/**
 * A user's text as it may be repeated in a message (shown on a page, stored as JSON): at most 60 characters, with
 * NUL bytes and unpaired surrogates, which PostgreSQL cannot store, replaced by �.
 */
export function quoted(text: string): string {
  const cut = text.length > QUOTE_CHARS ? `${text.slice(0, QUOTE_CHARS - 1)}…` : text;
  return cut.replace(UNPAIRED_SURROGATES, '\ufffd').replaceAll('\u0000', '\ufffd');
}
