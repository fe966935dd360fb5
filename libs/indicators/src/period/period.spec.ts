import { InvalidPeriodError } from './invalid-period.error.js';
import { Period } from './period.js';

describe('Period', () => {
  it.each([
    ['2025', '2025', 'year'],
    [2025, '2025', 'year'],
    ['2025-Q3', '2025-Q3', 'quarter'],
    ['2025 Q3', '2025-Q3', 'quarter'],
    ['Q3 2025', '2025-Q3', 'quarter'],
    ['q3-2025', '2025-Q3', 'quarter'],
    ['2025K3', '2025-Q3', 'quarter'],
    ['2025-k3', '2025-Q3', 'quarter'],
    ['2025-03', '2025-03', 'month'],
    ['2025-3', '2025-03', 'month'],
    ['R12-2025-09', 'R12-2025-09', 'rolling12'],
    ['r12 2025-09', 'R12-2025-09', 'rolling12'],
  ])('parses %j to canonical %s', (input, canonical, kind) => {
    const period = Period.parse(input);
    expect(period.toString()).toBe(canonical);
    expect(period.kind).toBe(kind);
  });

  it.each([
    ['', 'Perioden saknas. Använd t.ex. 2025, 2025-Q3, 2025-03 eller R12-2025-09.'],
    ['2025-Q5', '”2025-Q5”: kvartalet ska vara 1–4.'],
    ['2025-13', '”2025-13”: månaden ska vara 01–12.'],
    ['R12-2025-00', '”R12-2025-00”: månaden ska vara 01–12.'],
    ['1850', '”1850”: året ska ligga mellan 1900 och 2100.'],
    ['2025-03-01', '”2025-03-01” är ett datum, inte en period. Använd t.ex. 2025, 2025-Q3, 2025-03 eller R12-2025-09.'],
    ['våren 2025', '”våren 2025” är ingen giltig period. Använd t.ex. 2025, 2025-Q3, 2025-03 eller R12-2025-09.'],
  ])('rejects %j with a Swedish reason', (input, reason) => {
    expect(Period.tryParse(input)).toEqual({ ok: false, reason });
    expect(() => Period.parse(input)).toThrow(new InvalidPeriodError(input, reason));
  });

  it.each([
    ['2024', '2024-01-01', '2024-12-31'],
    ['2025-Q1', '2025-01-01', '2025-03-31'],
    ['2024-02', '2024-02-01', '2024-02-29'],
    ['R12-2025-09', '2024-10-01', '2025-09-30'],
    ['R12-2025-12', '2025-01-01', '2025-12-31'],
  ])('%s runs from %s to %s', (input, start, end) => {
    const period = Period.parse(input);
    expect([period.start, period.end]).toEqual([start, end]);
  });

  it.each([
    ['2024', '2023'],
    ['2025-Q1', '2024-Q4'],
    ['2025-Q3', '2025-Q2'],
    ['2025-01', '2024-12'],
    ['2025-03', '2025-02'],
    ['R12-2025-09', 'R12-2024-09'],
  ])('the period before %s is %s', (input, previous) => {
    expect(Period.parse(input).previous().toString()).toBe(previous);
  });

  it.each([
    ['2025', '2025', '2025'],
    ['2025-Q3', 'kvartal 3 2025', 'Q3 2025'],
    ['2025-03', 'mars 2025', 'mar 2025'],
    ['R12-2025-09', 'rullande 12 mån t.o.m. september 2025', 'R12 t.o.m. sep 2025'],
  ])('labels %s in Swedish', (input, long, short) => {
    const period = Period.parse(input);
    expect(period.label()).toBe(long);
    expect(period.label('short')).toBe(short);
  });

  it('orders by end date, then the longer period first', () => {
    const sorted = ['2025-Q4', '2025-12', '2024', '2025', '2025-Q1', 'R12-2025-06', '2025-02']
      .map((text) => Period.parse(text))
      .sort(Period.compare)
      .map(String);
    expect(sorted).toEqual(['2024', '2025-02', '2025-Q1', 'R12-2025-06', '2025', '2025-Q4', '2025-12']);
  });

  it('compares by value and serialises canonically', () => {
    expect(Period.parse('Q3 2025').equals(Period.quarter(2025, 3))).toBe(true);
    expect(Period.parse('2025').equals(Period.parse('2025-Q4'))).toBe(false);
    expect(JSON.stringify({ period: Period.parse('2025K2') })).toBe('{"period":"2025-Q2"}');
  });
});
