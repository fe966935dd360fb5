import { HostileInputCode } from './hostile-input.exception.js';
import { findInValue, formEncodedProblem, MAX_JSON_DEPTH, pathProblem, textProblem } from './hostile-text.util.js';

describe('hostile text', () => {
  it('accepts Swedish, emoji (a proper surrogate pair) and ordinary punctuation', () => {
    expect(textProblem('Åsa Öberg – 😀 «100 %»')).toBeNull();
    expect(pathProblem('/indikatorer/%C3%85%C3%84%C3%96')).toBeNull();
    expect(formEncodedProblem('email=anna%40test.se&name=%C3%85sa+%F0%9F%98%80&empty=&flag')).toBeNull();
  });

  it('finds NUL bytes and lone surrogates, naming the field', () => {
    expect(textProblem('a\0b')).toBe(HostileInputCode.NulCharacter);
    expect(textProblem('a\uD800b')).toBe(HostileInputCode.UnpairedSurrogate);
    expect(textProblem('\uDC00')).toBe(HostileInputCode.UnpairedSurrogate);
    expect(findInValue({ assignments: [{ role: 'viewer' }, { orgUnit: 'x\0' }] })).toEqual({ code: HostileInputCode.NulCharacter, path: 'assignments[1].orgUnit' });
    expect(findInValue({ 'bad\0key': 1 })).toEqual({ code: HostileInputCode.NulCharacter, path: '' });
  });

  it('refuses %-escapes that do not decode to UTF-8', () => {
    expect(pathProblem('/api/v1/org-units/%zz')).toBe(HostileInputCode.BadPercentEncoding);
    expect(pathProblem('/a/%ED%A0%80')).toBe(HostileInputCode.BadPercentEncoding);
    expect(formEncodedProblem('ok=1&period=%E0%A4%A')).toEqual({ code: HostileInputCode.BadPercentEncoding, path: 'period' });
    expect(formEncodedProblem('breakdown=%00')).toEqual({ code: HostileInputCode.NulCharacter, path: 'breakdown' });
  });

  it('stops at the depth limit without walking further', () => {
    const nest = (levels: number): unknown => (levels === 0 ? 'x' : [nest(levels - 1)]);
    expect(findInValue(nest(MAX_JSON_DEPTH))).toBeNull();
    expect(findInValue(nest(MAX_JSON_DEPTH + 1))?.code).toBe(HostileInputCode.TooDeep);
    expect(findInValue(JSON.parse('['.repeat(100_000) + ']'.repeat(100_000)))?.code).toBe(HostileInputCode.TooDeep);
  });
});
