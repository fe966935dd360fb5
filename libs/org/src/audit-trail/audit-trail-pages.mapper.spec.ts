import { auditChanges, parseAuditQuery, stockholmMidnight } from './audit-trail-pages.mapper.js';

describe('the audit page filters', () => {
  it('reads a day as midnight in Stockholm, in winter and in summer time, and refuses what is no date', () => {
    expect(stockholmMidnight('2026-01-15')?.toISOString()).toBe('2026-01-14T23:00:00.000Z');
    expect(stockholmMidnight('2026-07-01')?.toISOString()).toBe('2026-06-30T22:00:00.000Z');
    expect(stockholmMidnight('2026-03-29')?.toISOString()).toBe('2026-03-28T23:00:00.000Z');
    expect(stockholmMidnight('2026-10-25')?.toISOString()).toBe('2026-10-24T22:00:00.000Z');
    expect(stockholmMidnight('2026-02-30')).toBeNull();
    expect(stockholmMidnight('19 mars')).toBeNull();
  });

  it('makes "till och med" a day the whole day, across the change to summer time', () => {
    const { filter, errors } = parseAuditQuery({ fran: '2026-03-28', till: '2026-03-29' });
    expect(errors).toEqual([]);
    expect(filter.from?.toISOString()).toBe('2026-03-27T23:00:00.000Z');
    expect(filter.to?.toISOString()).toBe('2026-03-29T22:00:00.000Z');
  });

  it('says in Swedish what is wrong with each filter, and ignores what is not text (a repeated parameter)', () => {
    const { errors, filter } = parseAuditQuery({ typ: 'DROP TABLE', handling: 'x;y', fran: '2026-03-20', till: '2026-03-19', aktor: ['a', 'b'], sida: '-1' });
    expect(errors.map((error) => error.path)).toEqual(['typ', 'handling', 'till']);
    expect(filter.actorLabel).toBeUndefined();
    expect(filter.page).toBe(1);
  });

  it('writes each change as before → after in Swedish words', () => {
    expect(auditChanges({ before: { active: true, label: 'Gammal' }, after: { active: false, label: 'Ny', key: 'nytt' } })).toEqual([
      'Aktiv: ja → nej', 'Namn: ”Gammal” → ”Ny”', 'Nyckel: ”nytt”',
    ]);
    expect(auditChanges({ before: { state: 'submitted' }, after: null })).toEqual(['Läge var ”submitted”']);
  });
});
