/**
 * The one place an e-mail address is normalised and judged, wherever it enters (API, CLI, login form, first
 * administrator): compared and stored as NFKC (full-width and other compatibility forms folded), trimmed, lower case.
 */
export function normalizeEmail(email: string): string {
  return email.normalize('NFKC').trim().toLowerCase();
}

/** A domain as DNS spells it: ASCII labels; an international domain is given in its xn-- form. */
const ASCII_DOMAIN = /^(?=.{1,253}$)[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)+$/;

/** Scripts whose letters can pass for each other's; Japanese writing mixes three of them by design. */
const SCRIPTS: Array<[name: string, pattern: RegExp]> = [
  ['latin', /\p{Script=Latin}/u],
  ['cyrillic', /\p{Script=Cyrillic}/u],
  ['greek', /\p{Script=Greek}/u],
  ['armenian', /\p{Script=Armenian}/u],
  ['cherokee', /\p{Script=Cherokee}/u],
  ['japanese', /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]/u],
];

function scriptOf(letter: string): string {
  return SCRIPTS.find(([, pattern]) => pattern.test(letter))?.[0] ?? 'other';
}

/**
 * Why a normalised address cannot be a user's e-mail (Swedish, for the `email` field), or null. Refuses a local
 * part whose letters come from more than one script (`аnna` with a Cyrillic а looks like `anna` but is another
 * address) and a domain that is not plain ASCII DNS.
 */
export function emailAddressProblem(email: string): string | null {
  const at = email.lastIndexOf('@');
  if (at <= 0 || at === email.length - 1) return 'Ange en giltig e-postadress.';
  const local = email.slice(0, at);
  const domain = email.slice(at + 1);
  if (!ASCII_DOMAIN.test(domain)) {
    return 'Domänen (efter @) får bara innehålla a–z, 0–9, punkt och bindestreck; en internationell domän skrivs i sin xn--form.';
  }
  const scripts = new Set([...local].filter((char) => /\p{L}/u.test(char)).map(scriptOf));
  if (scripts.size > 1) {
    return 'Adressen blandar bokstäver från olika alfabet (till exempel latinska och kyrilliska), som kan förväxlas. Skriv den med ett alfabet.';
  }
  return null;
}
