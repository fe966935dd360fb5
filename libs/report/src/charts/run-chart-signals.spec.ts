import type { RunChartSignal } from '../model/report-model.js';
import { medianOf, runChartSignals, runsLimits } from './run-chart-signals.js';

/** Points labelled 1, 2, 3, … */
function series(values: number[]): Array<{ label: string; value: number }> {
  return values.map((value, index) => ({ label: String(index + 1), value }));
}

/** 'A' above the median (3), 'B' below (1), 'M' on it (2); balanced patterns keep the median at exactly 2. */
function pattern(text: string): Array<{ label: string; value: number }> {
  return series([...text].map((char) => ({ A: 3, B: 1, M: 2 })[char]!));
}

function fired(values: Array<{ label: string; value: number }>, rule: RunChartSignal['rule']): RunChartSignal[] {
  return runChartSignals(values).signals.filter((signal) => signal.rule === rule);
}

describe('median', () => {
  it('is the middle value, or the mean of the two middle values', () => {
    expect(medianOf([5, 1, 3])).toBe(3);
    expect(medianOf([4, 1, 3, 2])).toBe(2.5);
    expect(medianOf([])).toBeNull();
  });

  it('counts points lying on the median like any other', () => {
    expect(medianOf([1, 2, 2, 2, 3])).toBe(2);
    expect(runChartSignals(pattern('BBBAAAMAAABBB')).median).toBe(2);
  });

  it('is null with no signals for an empty series', () => {
    expect(runChartSignals([])).toEqual({ median: null, signals: [] });
  });
});

describe('shift rule: 6 or more consecutive points on one side of the median', () => {
  it('fires at exactly 6 points above', () => {
    const shifts = fired(pattern('BBBAAAAAABBBBA'), 'shift');
    expect(shifts).toHaveLength(1);
    expect(shifts[0].points).toEqual([3, 4, 5, 6, 7, 8]);
    expect(shifts[0].description).toBe('Skift: 6 punkter i rad över medianen (4 – 9)');
  });

  it('does not fire at 5 points', () => {
    expect(fired(pattern('BBBAAAAABBBBAA'), 'shift')).toEqual([]);
  });

  it('fires below the median too', () => {
    const shifts = fired(pattern('AAABBBBBBAAAAB'), 'shift');
    expect(shifts.map((shift) => shift.description)).toEqual(['Skift: 6 punkter i rad under medianen (4 – 9)']);
  });

  it('lets a point on the median neither break the shift nor count towards it', () => {
    const shifts = fired(pattern('BBBAAAMAAABBB'), 'shift');
    expect(shifts).toHaveLength(1);
    expect(shifts[0].points).toEqual([3, 4, 5, 7, 8, 9]);
    // 5 above, one on the median, then below: six points not below, but only 5 count.
    expect(fired(pattern('BBBAAMAAABB'), 'shift')).toEqual([]);
  });
});

describe('trend rule: 5 or more consecutively rising or falling points', () => {
  it('fires at exactly 5 rising points', () => {
    const trends = fired(series([3, 1, 2, 3, 4, 5, 2, 4, 3, 4]), 'trend');
    expect(trends).toHaveLength(1);
    expect(trends[0].points).toEqual([1, 2, 3, 4, 5]);
    expect(trends[0].description).toBe('Trend: 5 punkter i rad stigande (2 – 6)');
  });

  it('does not fire at 4 rising points', () => {
    expect(fired(series([3, 1, 2, 3, 4, 2, 4, 3, 4, 3]), 'trend')).toEqual([]);
  });

  it('fires at 5 falling points and not at 4', () => {
    expect(fired(series([1, 9, 8, 7, 6, 5, 8, 6, 7, 6]), 'trend').map((trend) => trend.description)).toEqual(['Trend: 5 punkter i rad fallande (2 – 6)']);
    expect(fired(series([1, 9, 8, 7, 6, 8, 6, 7, 6, 7]), 'trend')).toEqual([]);
  });

  it('lets equal neighbours neither add to nor break a trend', () => {
    // 1, 2, 2, 3, 4: the repeated 2 is ignored, so only 4 count.
    expect(fired(series([3, 1, 2, 2, 3, 4, 2, 4, 3, 4]), 'trend')).toEqual([]);
    // 1, 2, 2, 3, 4, 5: five count, and the stretch covers the repeat.
    const trends = fired(series([3, 1, 2, 2, 3, 4, 5, 2, 4, 3]), 'trend');
    expect(trends).toHaveLength(1);
    expect(trends[0].points).toEqual([1, 2, 3, 4, 5, 6]);
    expect(trends[0].description).toContain('5 punkter i rad stigande');
  });
});

describe('runs rule: too few or too many runs for the number of useful points', () => {
  it('has the Swed–Eisenhart limits (5 % per tail) for 14 useful points: fewer than 5 or more than 11 runs signal', () => {
    expect(runsLimits(14)).toEqual({ min: 5, max: 11 });
    expect(runsLimits(10)).toEqual({ min: 4, max: 8 });
    expect(runsLimits(20)).toEqual({ min: 7, max: 15 });
  });

  it('fires at 4 runs of 14 points (too few) and not at 5', () => {
    const runs = fired(pattern('BBBAAAABBBBAAA'), 'runs');
    expect(runs.map((signal) => signal.description)).toEqual(['För få serier: 4 serier runt medianen, minst 5 väntas vid 14 användbara punkter']);
    expect(runs[0].points).toHaveLength(14);
    expect(fired(pattern('AAABBBAABBBBAA'), 'runs')).toEqual([]);
  });

  it('fires at 12 runs of 14 points (too many) and not at 11', () => {
    expect(fired(pattern('AABABABABABABB'), 'runs').map((signal) => signal.description)).toEqual([
      'För många serier: 12 serier runt medianen, högst 11 väntas vid 14 användbara punkter',
    ]);
    expect(fired(pattern('AAABABABABABBB'), 'runs')).toEqual([]);
  });

  it('counts only useful points: those on the median are skipped', () => {
    // 14 useful points in 4 runs, plus two on the median that would otherwise split runs.
    expect(fired(pattern('BBBAAMAABBBBAMAA'), 'runs').map((signal) => signal.description)).toEqual([
      'För få serier: 4 serier runt medianen, minst 5 väntas vid 14 användbara punkter',
    ]);
  });

  it('is not judged with fewer than 10 useful points', () => {
    expect(fired(pattern('BBBBAAAA'), 'runs')).toEqual([]);
  });
});

describe('astronomical point: beyond the median ± 3 × (median moving range / 0.954)', () => {
  // Alternating 10, 11: every moving range 1, so σ̂ = 1/0.954 and the upper limit is 10.5 + 3/0.954 ≈ 13.645.
  const alternating = (last: number): Array<{ label: string; value: number }> => series([10, 11, 10, 11, 10, 11, 10, 11, 10, 11, 10, last]);

  it('fires for a point just beyond the limit', () => {
    const points = fired(alternating(13.7), 'astronomical');
    expect(points).toHaveLength(1);
    expect(points[0].points).toEqual([11]);
    expect(points[0].description).toBe('Astronomisk punkt: 12 ligger långt över medianen');
  });

  it('does not fire for a point just inside it', () => {
    expect(fired(alternating(13.6), 'astronomical')).toEqual([]);
  });

  it('fires below the median too', () => {
    const values = series([10, 11, 10, 11, 10, 11, 10, 11, 10, 11, 11, 7]);
    expect(fired(values, 'astronomical').map((signal) => signal.description)).toEqual(['Astronomisk punkt: 12 ligger långt under medianen']);
  });

  it('never fires for a flat series, and falls back to the mean moving range when most neighbours are equal', () => {
    expect(fired(series(Array(12).fill(5)), 'astronomical')).toEqual([]);
    // Median moving range 0; mean moving range 2·4/11, so σ̂ ≈ 0.64 and a jump of 4 stands out.
    expect(fired(series([5, 5, 5, 5, 5, 9, 5, 5, 5, 5, 5, 5]), 'astronomical').map((signal) => signal.points)).toEqual([[5]]);
  });

  it('calls no point astronomical when many lie beyond the limits: the level changed, the shift rule says so', () => {
    const step = series([50.5, 51, 50, 51.5, 50.5, 51, 60, 61, 60.5, 61.5, 60, 61]);
    expect(fired(step, 'astronomical')).toEqual([]);
    expect(fired(step, 'shift')).toHaveLength(2);
  });

  it('allows two astronomical points in a series of 20 (a tenth), not three', () => {
    const quiet = [10, 11, 10, 11, 10, 11, 10, 11, 10, 11, 10, 11, 10, 11, 10, 11, 10, 11, 10, 11];
    const two = [...quiet];
    two[4] = 20;
    two[12] = 20;
    expect(fired(series(two), 'astronomical').map((signal) => signal.points)).toEqual([[4], [12]]);
    const three = [...two];
    three[16] = 20;
    expect(fired(series(three), 'astronomical')).toEqual([]);
  });
});

describe('a quiet series', () => {
  it('gives no signal at all', () => {
    const values = series([5, 7, 4, 6, 8, 5, 4, 6, 7, 5, 6, 4]);
    expect(runChartSignals(values)).toEqual({ median: 5.5, signals: [] });
  });
});
