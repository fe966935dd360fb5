import { themeKeyFrom } from './theme-pages.mapper.js';

describe('a theme key made from its name', () => {
  it('folds Swedish letters and joins words with _', () => {
    expect(themeKeyFrom('Vårdövergångar')).toBe('vardovergangar');
    expect(themeKeyFrom('  Psykisk ohälsa & missbruk ')).toBe('psykisk_ohalsa_missbruk');
  });

  it('starts with a letter and stays within 64 characters, as the vocabulary requires', () => {
    expect(themeKeyFrom('2026 års fokus')).toBe('tema_2026_ars_fokus');
    const long = themeKeyFrom('Mycket '.repeat(20));
    expect(long.length).toBeLessThanOrEqual(64);
    expect(long).toMatch(/^[a-z][a-z0-9_]{0,63}$/);
  });
});
