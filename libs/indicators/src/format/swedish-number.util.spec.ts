import { formatIndicatorValue, formatNumber, formatPercent } from './swedish-number.util.js';

const NBSP = '\u00a0';

describe('formatNumber', () => {
  it('groups thousands with a no-break space', () => {
    expect(formatNumber(2832)).toBe(`2${NBSP}832`);
    expect(formatNumber(1234567.5)).toBe(`1${NBSP}234${NBSP}567,5`);
  });

  it('uses a decimal comma and honours fixed decimals', () => {
    expect(formatNumber(1.15, { decimals: 2 })).toBe('1,15');
    expect(formatNumber(4, { decimals: 1 })).toBe('4,0');
    expect(formatNumber(62.6)).toBe('62,6');
  });

  it('writes negatives with the real minus sign, and never "−0"', () => {
    expect(formatNumber(-3.2)).toBe('\u22123,2');
    expect(formatNumber(-0.04, { maxDecimals: 1 })).toBe('0');
  });

  it('has a plain variant with ordinary space and hyphen-minus', () => {
    expect(formatNumber(-2832.5, { plain: true })).toBe('-2 832,5');
  });

  it('refuses NaN and infinities rather than printing "NaN"', () => {
    expect(() => formatNumber(Number.NaN)).toThrow(RangeError);
  });
});

describe('formatPercent', () => {
  it('takes percent units and keeps the sign on the same line', () => {
    expect(formatPercent(62.6)).toBe(`62,6${NBSP}%`);
    expect(formatPercent(28)).toBe(`28${NBSP}%`);
    expect(formatPercent(57.44)).toBe(`57,4${NBSP}%`);
    expect(formatPercent(71.3, { plain: true })).toBe('71,3 %');
  });
});

describe('formatIndicatorValue', () => {
  it.each([
    [62.6, 'percent', `62,6${NBSP}%`],
    [2832, 'per_100000', `2${NBSP}832`],
    [4.23, 'per_1000', '4,2'],
    [1204, 'count', `1${NBSP}204`],
    [1.15, 'days', '1,15'],
    [82.34, 'years', '82,3'],
    [1.154, 'ratio', '1,15'],
  ] as const)('%s %s → %s', (value, unit, expected) => {
    expect(formatIndicatorValue(value, unit)).toBe(expected);
  });

  it('spells out the unit on request', () => {
    expect(formatIndicatorValue(2832, 'per_100000', { withUnit: true })).toBe(`2${NBSP}832 per 100${NBSP}000 invånare`);
    expect(formatIndicatorValue(1.15, 'days', { withUnit: true })).toBe('1,15 dagar');
    expect(formatIndicatorValue(1, 'days', { withUnit: true })).toBe('1 dag');
    expect(formatIndicatorValue(62.6, 'percent', { withUnit: true })).toBe(`62,6${NBSP}%`);
  });
});
