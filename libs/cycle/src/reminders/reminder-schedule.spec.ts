import { reminderFor } from './reminder-schedule.js';

describe('reminderFor: which reminder a daily sweep may send', () => {
  const due = '2026-09-30';

  it('sends nothing before the first moment, then each reminder on its own day', () => {
    expect(reminderFor(due, '2026-09-15')).toBeNull();
    expect(reminderFor(due, '2026-09-16')).toEqual({ kind: '14d', date: '2026-09-16' });
    expect(reminderFor(due, '2026-09-23')).toEqual({ kind: '7d', date: '2026-09-23' });
    expect(reminderFor(due, '2026-09-29')).toEqual({ kind: '1d', date: '2026-09-29' });
    expect(reminderFor(due, '2026-09-30')).toEqual({ kind: '1d', date: '2026-09-29' });
    expect(reminderFor(due, '2026-10-01')).toEqual({ kind: 'overdue', date: '2026-10-01' });
  });

  it('after downtime from 15 to 6 days before, catches up only the 7-day reminder (the 14-day one has passed twice over)', () => {
    expect(reminderFor(due, '2026-09-24')).toEqual({ kind: '7d', date: '2026-09-23' });
  });

  it('names the same moment on every day until the next one, so the ledger sends it once', () => {
    const days = ['2026-09-16', '2026-09-17', '2026-09-22'].map((d) => reminderFor(due, d));
    expect(new Set(days.map((m) => `${m?.kind}@${m?.date}`))).toEqual(new Set(['14d@2026-09-16']));
  });
});
