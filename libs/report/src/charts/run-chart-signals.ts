import type { RunChartSignal } from '../model/report-model.js';

/**
 * The four run-chart rules (Perla, Provost & Murray, "The run chart", BMJ Qual Saf 2011; the IHI convention):
 *
 * - Shift: 6 or more consecutive points on the same side of the median. Points exactly on the median neither break
 *   nor count towards a shift.
 * - Trend: 5 or more consecutive points all rising or all falling. Equal neighbours neither add to nor break a trend
 *   (IHI: "if two or more successive points have the same value, ignore one of them when counting").
 * - Runs: too few or too many runs (a run = consecutive points on one side of the median; points on the median are
 *   not "useful" and are skipped) for the number of useful points n. Limits from the exact Swed–Eisenhart
 *   distribution of the number of runs with the useful points split evenly above and below the median (⌊n/2⌋ and
 *   ⌈n/2⌉, the split a median gives), at most 5 % in each tail — the construction of Perla et al.'s table. Judged only
 *   for n ≥ 10 useful points, where that table starts. See `runsLimits(n)`.
 * - Astronomical point: a point outside median ± 3σ̂, σ̂ = median moving range / 0.954 (the median-moving-range
 *   estimate of σ, robust to the very point being judged). When the median moving range is 0 (most neighbours
 *   equal), the mean moving range / 1.128 is used; when that is 0 too, every point is equal and none is astronomical.
 *   Only a few points can be "obviously different from the rest": when more than a tenth of the series (and more
 *   than one point) lies beyond the limits, the series has changed level or swings (a shift, trend or season, which
 *   the other rules report) and no point is called astronomical.
 *
 * The median is of all points, as the chart draws it.
 */
export function runChartSignals(points: Array<{ label: string; value: number }>): { median: number | null; signals: RunChartSignal[] } {
  const values = points.map((point) => point.value);
  if (values.length === 0 || values.some((value) => !Number.isFinite(value))) {
    return { median: values.length === 0 ? null : medianOf(values.filter(Number.isFinite)), signals: [] };
  }
  const median = medianOf(values)!;
  const labels = points.map((point) => point.label);
  return {
    median,
    signals: [...shiftSignals(values, median, labels), ...trendSignals(values, labels), ...runsSignals(values, median), ...astronomicalSignals(values, median, labels)],
  };
}

export const SHIFT_MIN_POINTS = 6;
export const TREND_MIN_POINTS = 5;
export const RUNS_MIN_USEFUL_POINTS = 10;
const SIGMA_FROM_MEDIAN_MOVING_RANGE = 0.954;
const SIGMA_FROM_MEAN_MOVING_RANGE = 1.128;
const ASTRONOMICAL_MAX_SHARE = 0.1;

export function medianOf(values: number[]): number | null {
  if (values.length === 0) {
    return null;
  }
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

function shiftSignals(values: number[], median: number, labels: string[]): RunChartSignal[] {
  const signals: RunChartSignal[] = [];
  for (const run of runsAroundMedian(values, median)) {
    if (run.points.length >= SHIFT_MIN_POINTS) {
      const side = run.side > 0 ? 'över' : 'under';
      signals.push({
        rule: 'shift',
        description: `Skift: ${run.points.length} punkter i rad ${side} medianen (${span(labels, run.points)})`,
        points: run.points,
      });
    }
  }
  return signals;
}

/** The runs: maximal stretches of useful points on one side of the median (points on the median skipped). */
function runsAroundMedian(values: number[], median: number): Array<{ side: 1 | -1; points: number[] }> {
  const runs: Array<{ side: 1 | -1; points: number[] }> = [];
  values.forEach((value, index) => {
    if (value === median) {
      return;
    }
    const side = value > median ? 1 : -1;
    const current = runs.at(-1);
    if (current && current.side === side) {
      current.points.push(index);
    } else {
      runs.push({ side, points: [index] });
    }
  });
  return runs;
}

function trendSignals(values: number[], labels: string[]): RunChartSignal[] {
  const signals: RunChartSignal[] = [];
  // Walk the steps between neighbours; a zero step is ignored (neither adds nor breaks).
  let direction = 0;
  let start = 0;
  let counted = 1;
  let last = 0;
  const close = (): void => {
    if (direction !== 0 && counted >= TREND_MIN_POINTS) {
      const points = range(start, last);
      const word = direction > 0 ? 'stigande' : 'fallande';
      signals.push({ rule: 'trend', description: `Trend: ${counted} punkter i rad ${word} (${span(labels, points)})`, points });
    }
  };
  for (let index = 1; index < values.length; index += 1) {
    const step = Math.sign(values[index] - values[index - 1]);
    if (step === 0) {
      continue;
    }
    if (step === direction) {
      counted += 1;
    } else {
      close();
      // The new trend starts at the last point before this step (the latest of any equal neighbours' first).
      start = firstOfEqualStretch(values, index - 1);
      direction = step;
      counted = 2;
    }
    last = index;
  }
  close();
  return signals;
}

function firstOfEqualStretch(values: number[], index: number): number {
  let first = index;
  while (first > 0 && values[first - 1] === values[index]) {
    first -= 1;
  }
  return first;
}

/**
 * Fewest and most runs not yet signalling for n useful points: fewer than `min` or more than `max` runs signals.
 * Exact Swed–Eisenhart distribution with ⌊n/2⌋ points on one side and ⌈n/2⌉ on the other, at most 5 % per tail.
 */
export function runsLimits(useful: number): { min: number; max: number } {
  let limits = RUNS_LIMITS.get(useful);
  if (!limits) {
    limits = computeRunsLimits(useful);
    // Depends on the count alone: a few hundred entries at most (a series longer than that is rare and still bounded).
    if (RUNS_LIMITS.size < 1000) RUNS_LIMITS.set(useful, limits);
  }
  return { ...limits };
}

const RUNS_LIMITS = new Map<number, { min: number; max: number }>();

function computeRunsLimits(useful: number): { min: number; max: number } {
  const below = Math.floor(useful / 2);
  const above = useful - below;
  const probabilities = runsDistribution(below, above);
  let min = 2;
  let lowerTail = 0;
  while (min <= useful && lowerTail + probabilities[min] <= 0.05) {
    lowerTail += probabilities[min];
    min += 1;
  }
  let max = useful;
  let upperTail = 0;
  while (max >= 2 && upperTail + probabilities[max] <= 0.05) {
    upperTail += probabilities[max];
    max -= 1;
  }
  return { min, max };
}

/** P(R = r) for r = 0…n1+n2 runs in a random arrangement of n1 and n2 points (Swed & Eisenhart 1943). */
function runsDistribution(n1: number, n2: number): number[] {
  const total = binomial(n1 + n2, n1);
  const probabilities = new Array<number>(n1 + n2 + 1).fill(0);
  for (let runs = 2; runs <= n1 + n2; runs += 1) {
    const k = Math.floor(runs / 2);
    const ways =
      runs % 2 === 0
        ? 2 * binomial(n1 - 1, k - 1) * binomial(n2 - 1, k - 1)
        : binomial(n1 - 1, k) * binomial(n2 - 1, k - 1) + binomial(n1 - 1, k - 1) * binomial(n2 - 1, k);
    probabilities[runs] = ways / total;
  }
  return probabilities;
}

function binomial(n: number, k: number): number {
  if (k < 0 || n < 0 || k > n) {
    return 0;
  }
  let result = 1;
  for (let i = 1; i <= Math.min(k, n - k); i += 1) {
    result = (result * (n - i + 1)) / i;
  }
  return result;
}

function runsSignals(values: number[], median: number): RunChartSignal[] {
  const runs = runsAroundMedian(values, median);
  const useful = runs.reduce((sum, run) => sum + run.points.length, 0);
  if (useful < RUNS_MIN_USEFUL_POINTS) {
    return [];
  }
  const { min, max } = runsLimits(useful);
  const points = runs.flatMap((run) => run.points);
  if (runs.length < min) {
    return [{ rule: 'runs', description: `För få serier: ${runs.length} serier runt medianen, minst ${min} väntas vid ${useful} användbara punkter`, points }];
  }
  if (runs.length > max) {
    return [{ rule: 'runs', description: `För många serier: ${runs.length} serier runt medianen, högst ${max} väntas vid ${useful} användbara punkter`, points }];
  }
  return [];
}

function astronomicalSignals(values: number[], median: number, labels: string[]): RunChartSignal[] {
  const sigma = sigmaEstimate(values);
  if (sigma === null) {
    return [];
  }
  const limit = 3 * sigma;
  const beyond = values.flatMap((value, index) => (Math.abs(value - median) > limit ? [index] : []));
  if (beyond.length > Math.max(1, Math.floor(values.length * ASTRONOMICAL_MAX_SHARE))) {
    return [];
  }
  return beyond.map((index) => ({
    rule: 'astronomical',
    description: `Astronomisk punkt: ${labels[index]} ligger långt ${values[index] > median ? 'över' : 'under'} medianen`,
    points: [index],
  }));
}

/** σ̂ from the moving ranges; null when there are none or every point is equal. */
export function sigmaEstimate(values: number[]): number | null {
  const movingRanges = values.slice(1).map((value, index) => Math.abs(value - values[index]));
  if (movingRanges.length === 0) {
    return null;
  }
  const medianRange = medianOf(movingRanges)!;
  if (medianRange > 0) {
    return medianRange / SIGMA_FROM_MEDIAN_MOVING_RANGE;
  }
  const meanRange = movingRanges.reduce((sum, range) => sum + range, 0) / movingRanges.length;
  return meanRange > 0 ? meanRange / SIGMA_FROM_MEAN_MOVING_RANGE : null;
}

function range(from: number, to: number): number[] {
  return Array.from({ length: to - from + 1 }, (_, offset) => from + offset);
}

function span(labels: string[], points: number[]): string {
  return `${labels[points[0]]} – ${labels[points[points.length - 1]]}`;
}
