import { formatDate, formatDateTime, formatDay } from './swedish-date.util.js';

describe('Swedish dates', () => {
  it('writes dates as 2026-03-19 and times in Stockholm time, summer and winter', () => {
    expect(formatDate(new Date('2026-03-19T10:00:00Z'))).toBe('2026-03-19');
    expect(formatDateTime(new Date('2026-11-24T21:53:58Z'))).toBe('2026-11-24 22:53');
    expect(formatDateTime(new Date('2026-06-30T22:30:00Z'))).toBe('2026-07-01 00:30');
  });

  it('writes a calendar day kept as YYYY-MM-DD the same way, whatever the server zone', () => {
    expect(formatDay('2026-09-30')).toBe('2026-09-30');
    expect(formatDay('2027-03-31')).toBe('2027-03-31');
    expect(formatDay(null)).toBe('–');
  });

  it('shows a dash for a missing date', () => {
    expect(formatDate(null)).toBe('–');
    expect(formatDateTime(undefined)).toBe('–');
  });
});
