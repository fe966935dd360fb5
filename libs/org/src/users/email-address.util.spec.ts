import { emailAddressProblem, normalizeEmail } from './email-address.util.js';

describe('e-mail addresses', () => {
  it('normalises case, surrounding space and compatibility forms', () => {
    expect(normalizeEmail('  Anna@Example.SE ')).toBe('anna@example.se');
    expect(normalizeEmail('\uff41\uff4e\uff4e\uff41\uff20example.se')).toBe('anna@example.se');
    expect(normalizeEmail('Åsa.Öberg@vgregion.se')).toBe('åsa.öberg@vgregion.se');
  });

  it.each(['anna@example.se', 'åsa.öberg+test@vgregion.se', 'ольга@example.se', '山田@example.jp', 'admin@arshjulet.local', 'x@xn--exmple-cua.se'])('accepts %s', (email) => {
    expect(emailAddressProblem(email)).toBeNull();
  });

  it.each([
    ['\u0430nna@example.se', 'olika alfabet'],
    ['anna.\u03bf@example.se', 'olika alfabet'],
    ['anna@ex\u00e4mple.se', 'xn--'],
    ['anna@example', 'xn--'],
    ['anna@-example.se', 'xn--'],
    ['@example.se', 'giltig'],
    ['anna@', 'giltig'],
  ])('refuses %s', (email, message) => {
    expect(emailAddressProblem(email)).toContain(message);
  });
});
