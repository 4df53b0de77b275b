/**
 * The result layer of the intervals: decimal bounds become the `interval`
 * field of a result with one rounding and one conversion to a double; the t
 * interval of a mean is the same for a whole count and for an effective
 * sample size; the method lists; and a few exact values of the interval
 * modules.
 */
import { describe, expect, it } from 'vitest';
import { Dec, toNumber } from '../../src/core/exact/decimal.js';
import { percentInterval, proportionIntervalSchema, tInterval, tIntervalOf, toInterval } from '../../src/core/stats/interval-fields.js';
import { normalCriticalValue, tailProbability } from '../../src/core/stats/levels.js';
import { meanInterval, sampleVariance } from '../../src/core/stats/mean-interval.js';
import { NPS_INTERVAL_METHODS } from '../../src/core/stats/nps-interval.js';
import { PROPORTION_METHODS, proportionInterval } from '../../src/core/stats/proportion-intervals.js';

const EXACT = { decimals: null, rounding: 'half-up' } as const;

describe('exact values', () => {
  it('of the levels, the variance and a pinned proportion bound', () => {
    expect(tailProbability(0.95)).toBe(0.025);
    expect(normalCriticalValue(0.95)).toBe(1.959963984540054);
    expect(sampleVariance(4, 10, 30)?.toFixed(4)).toBe('1.6667');
    expect(proportionInterval(0, 10, 0.95, 'wilson')?.lower.toNumber()).toBe(0);
  });
});

describe('method lists', () => {
  it('list each method once, the default first', () => {
    expect(PROPORTION_METHODS).toStrictEqual(['wilson', 'agresti-coull', 'jeffreys', 'clopper-pearson', 'wald']);
    expect(NPS_INTERVAL_METHODS).toStrictEqual(['adjusted-wald', 'wald', 'bootstrap']);
    for (const method of PROPORTION_METHODS) expect(proportionIntervalSchema().safeParse({ method }).success).toBe(true);
    expect(proportionIntervalSchema().safeParse({ method: 'exact' }).success).toBe(false);
  });
});

describe('toInterval', () => {
  it('rounds the decimal bound, then converts it: no double rounding through a double', () => {
    // 2.345 + 1e-23 rounds half-even to 2.35; through the double 2.345 (just below it) it would give 2.34
    const bounds = { lower: new Dec('2.34500000000000000000001'), upper: new Dec(3), standardError: null, clamped: false };
    const interval = toInterval(bounds, { level: 0.95, method: 'wilson' }, { decimals: 2, rounding: 'half-even' });
    expect(interval).toStrictEqual({ lower: 2.35, upper: 3, level: 0.95, method: 'wilson', standardError: null, clamped: false });
  });
  it('scales a proportion to percent in decimals, converting each bound once', () => {
    for (const method of PROPORTION_METHODS) {
      const bounds = proportionInterval(37, 50, 0.9, method)!;
      const interval = percentInterval(37, 50, { level: 0.9, method }, EXACT)!;
      expect(interval.lower).toBe(toNumber(bounds.lower.times(100)));
      expect(interval.upper).toBe(toNumber(bounds.upper.times(100)));
      expect(interval.standardError).toBe(bounds.standardError === null ? null : toNumber(bounds.standardError.times(100)));
    }
    expect(percentInterval(0, 0, { level: 0.95, method: 'wilson' }, EXACT)).toBe(null);
  });
});

describe('the t interval of a mean', () => {
  it('is the same from exact sums and from the mean and variance, for a whole n', () => {
    // 1, 2, 3, 4, 10: sum 20, squares 130
    const settings = { level: 0.9, method: 't' as const };
    const fromSums = tInterval(5, 20n, '130', settings, EXACT);
    const fromMoments = tIntervalOf(new Dec(5), new Dec(4), sampleVariance(5, 20, 130), settings, EXACT);
    expect(fromSums).toStrictEqual(fromMoments);
    expect(fromSums?.method).toBe('t');
    expect(tInterval(1, 4, 16, settings, EXACT)).toBe(null);
  });
  it('takes a fractional (effective) sample size, with n - 1 degrees of freedom', () => {
    const whole = meanInterval(5, new Dec(4), new Dec('12.5'), 0.95)!;
    expect(meanInterval(new Dec(5), new Dec(4), new Dec('12.5'), 0.95)).toStrictEqual(whole);
    const effective = meanInterval(new Dec('4.5'), new Dec(4), new Dec('12.5'), 0.95)!;
    expect(effective.df).toBe(3.5);
    expect(effective.upper.minus(effective.lower).greaterThan(whole.upper.minus(whole.lower))).toBe(true);
  });
  it('is null without a variance, for n of 1 or less, and when the t quantile is infinite', () => {
    expect(meanInterval(5, new Dec(4), null, 0.95)).toBe(null);
    expect(meanInterval(new Dec(1), new Dec(4), new Dec(1), 0.95)).toBe(null);
    expect(meanInterval(new Dec('0.5'), new Dec(4), new Dec(1), 0.95)).toBe(null);
    // 0.001 degrees of freedom: the 0.025 quantile overflows to -Infinity
    expect(meanInterval(new Dec('1.001'), new Dec(4), new Dec(1), 0.95)).toBe(null);
    expect(() => meanInterval(5, new Dec(4), new Dec(1), 1)).toThrow(RangeError);
  });
});
