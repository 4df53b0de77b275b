/**
 * Intervals and two-sample tests against independent implementations:
 * statsmodels 0.13.5 (tests/vectors/proportion-intervals.json, from
 * tests/vectors/scripts/proportions.py) and R 4.2 (tests/vectors/intervals-r.json,
 * from tests/vectors/scripts/intervals.R), plus hand calculations and laws.
 * Welch's test is the comparison of two means that `compare` runs.
 *
 * Tolerance: 1e-9 relative, the agreement required with R and statsmodels. The one exception: where a
 * bound is exactly 0 or 1 by construction (Wilson at x = 0 and x = n),
 * statsmodels computes it as a difference of doubles and leaves up to 2.2e-16
 * of noise (-5.6e-17, 1.0000000000000002); there the bound must be exactly 0
 * or 1 here and within 1e-15 absolute there.
 */

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Dec, toNumber } from '../../src/core/exact/decimal.js';
import { dyadicOf } from '../../src/core/exact/exact-sum.js';
import { rationalToDouble } from '../../src/core/exact/rational.js';
import { meanDifference, newcombeInterval as newcombeBounds, nMinusOneTwoProportionTest } from '../../src/core/stats/differences.js';
import { normalCriticalValue, tailProbability } from '../../src/core/stats/levels.js';
import { type ExactInput, exactDec, exactSampleVariance, meanInterval as meanBounds, sampleVariance } from '../../src/core/stats/mean-interval.js';
import { type NpsWaldMethod, npsInterval as npsBounds } from '../../src/core/stats/nps-interval.js';
import { type ProportionMethod, proportionInterval as proportionBounds } from '../../src/core/stats/proportion-intervals.js';
import { effectiveSize } from '../../src/core/survey/weights.js';
import { intervalsR } from '../vectors/intervals-r.js';

/*
 * The interval functions return decimal bounds; the result layer converts
 * each to the nearest double once. These wrappers make that conversion, so
 * that the assertions below read the doubles a result would report.
 */

/** A proportion interval's bounds as doubles. */
function proportionInterval(successes: number, total: number, level: number, method: ProportionMethod) {
  const i = proportionBounds(successes, total, level, method);
  if (i === null) return null;
  return { lower: toNumber(i.lower), upper: toNumber(i.upper), standardError: i.standardError === null ? null : toNumber(i.standardError), clamped: i.clamped };
}

/** An NPS interval's bounds and standard error as doubles, with the centre they lie about. */
function npsInterval(promoters: number, passives: number, detractors: number, level: number, method: NpsWaldMethod) {
  const i = npsBounds(promoters, passives, detractors, level, method);
  if (i === null) return null;
  const [lower, upper] = [rationalToDouble(i.lower), rationalToDouble(i.upper)];
  const centre = { num: i.lower.num * i.upper.den + i.upper.num * i.lower.den, den: 2n * i.lower.den * i.upper.den };
  return { centre: rationalToDouble(centre), lower, upper, standardError: rationalToDouble(i.standardError), clamped: i.clamped };
}

/** Newcombe's interval as doubles. */
function newcombeInterval(x1: number, n1: number, x2: number, n2: number, level: number) {
  const i = newcombeBounds(x1, n1, x2, n2, level);
  return i === null ? null : { difference: toNumber(i.difference), lower: toNumber(i.lower), upper: toNumber(i.upper) };
}

/** The t interval of a mean from the count and exact sums of the observations, as doubles, with the mean. */
function meanInterval(n: number, sum: ExactInput, sumSquares: ExactInput, level: number) {
  const mean = exactDec(sum).dividedBy(n);
  const i = meanBounds(n, mean, sampleVariance(n, sum, sumSquares), level);
  if (i === null) return null;
  return { mean: toNumber(mean), lower: toNumber(i.lower), upper: toNumber(i.upper), standardError: toNumber(i.standardError), df: i.df };
}

/** Welch's test of two summarised samples by the comparison of means, as doubles; `null` when there is no test. */
function welchTest(a: { n: number; mean: ExactInput; variance: ExactInput }, b: { n: number; mean: ExactInput; variance: ExactInput }, level: number) {
  const sample = (s: typeof a) => ({ kind: 'mean' as const, n: s.n, mean: exactDec(s.mean), variance: exactDec(s.variance) });
  const o = meanDifference(sample(a), sample(b), level);
  if (o.bounds === null || o.difference === null || o.statistic === null || o.df === null || o.pValue === null) return null;
  return {
    difference: toNumber(o.difference),
    standardError: toNumber(o.bounds.standardError!),
    statistic: o.statistic,
    df: o.df,
    pValue: o.pValue,
    lower: toNumber(o.bounds.lower),
    upper: toNumber(o.bounds.upper),
  };
}

const TOLERANCE = 1e-9;
const vectors = join(import.meta.dirname, '..', 'vectors');
const statsmodels = JSON.parse(readFileSync(join(vectors, 'proportion-intervals.json'), 'utf8')) as {
  proportion: ({ count: number; nobs: number; alpha: number } & Record<string, [number, number]>)[];
  difference: { count1: number; nobs1: number; count2: number; nobs2: number; alpha: number; newcomb: [number, number] }[];
};
const r = intervalsR;

const METHODS: Record<string, ProportionMethod> = {
  wilson: 'wilson',
  agresti_coull: 'agresti-coull',
  beta: 'clopper-pearson',
  jeffreys: 'jeffreys',
  normal: 'wald',
};
const ALL_METHODS: readonly ProportionMethod[] = ['wilson', 'agresti-coull', 'jeffreys', 'clopper-pearson', 'wald'];

function relative(got: number, want: number): number {
  return got === want ? 0 : Math.abs(got - want) / Math.abs(want);
}

/** The level a caller writes for statsmodels' alpha: 0.05 -> 0.95. */
function levelOf(alpha: number): number {
  return new Dec(1).minus(alpha).toNumber();
}

describe('level and critical value', () => {
  it('takes the tail probability from the written level', () => {
    expect(tailProbability(0.95)).toBe(0.025);
    expect(tailProbability(0.9999)).toBe(0.00005);
    expect(normalCriticalValue(0.95)).toBe(1.959963984540054);
    expect(() => tailProbability(1)).toThrow(RangeError);
    expect(() => tailProbability(0)).toThrow(RangeError);
  });
});

describe('proportion intervals against statsmodels proportion_confint', () => {
  it.each(Object.keys(METHODS))(`%s agrees to ${TOLERANCE} relative`, (name) => {
    const method = METHODS[name]!;
    const failures: unknown[] = [];
    for (const row of statsmodels.proportion) {
      const got = proportionInterval(row.count, row.nobs, levelOf(row.alpha), method)!;
      const [lo, hi] = row[name]!;
      const exactEnds = method === 'wilson';
      const okLower = exactEnds && row.count === 0 ? got.lower === 0 && Math.abs(lo) <= 1e-15 : relative(got.lower, lo) <= TOLERANCE;
      const okUpper = exactEnds && row.count === row.nobs ? got.upper === 1 && Math.abs(hi - 1) <= 1e-15 : relative(got.upper, hi) <= TOLERANCE;
      if (!okLower || !okUpper) failures.push({ row: [row.count, row.nobs, row.alpha], got, want: [lo, hi] });
    }
    expect(failures).toStrictEqual([]);
  });
  it('follows statsmodels at x = 0 and x = n', () => {
    // Clopper-Pearson pinned at 0 and 1; Wilson exactly 0 and 1; Wald zero width;
    // Jeffreys not pinned: its lower bound at x = 0 is above 0
    expect(proportionInterval(0, 10, 0.95, 'clopper-pearson')!.lower).toBe(0);
    expect(proportionInterval(10, 10, 0.95, 'clopper-pearson')!.upper).toBe(1);
    expect(proportionInterval(0, 10, 0.95, 'wilson')!.lower).toBe(0);
    expect(proportionInterval(10, 10, 0.95, 'wilson')!.upper).toBe(1);
    expect(proportionInterval(0, 10, 0.95, 'wald')).toStrictEqual({ lower: 0, upper: 0, standardError: 0, clamped: false });
    expect(proportionInterval(0, 10, 0.95, 'jeffreys')!.lower).toBeGreaterThan(0);
    expect(proportionInterval(10, 10, 0.95, 'jeffreys')!.upper).toBeLessThan(1);
    expect(proportionInterval(0, 10, 0.95, 'agresti-coull')!.clamped).toBe(true);
  });
  it('is null for an empty sample', () => {
    for (const m of ALL_METHODS) expect(proportionInterval(0, 0, 0.95, m)).toBe(null);
  });
  it('throws RangeError for arguments out of their domain', () => {
    expect(() => proportionInterval(3, 2, 0.95, 'wilson')).toThrow(RangeError);
    expect(() => proportionInterval(-1, 2, 0.95, 'wilson')).toThrow(RangeError);
    expect(() => proportionInterval(1, 2, 1.5, 'wilson')).toThrow(RangeError);
    expect(() => proportionInterval(1, 2, 0.95, 'exact' as ProportionMethod)).toThrow(RangeError);
  });
});

describe('against R', () => {
  it(`binom.test conf.int is Clopper-Pearson, to ${TOLERANCE} relative`, () => {
    const failures: unknown[] = [];
    for (const row of r.binomTest) {
      const got = proportionInterval(row.x, row.n, row.level, 'clopper-pearson')!;
      const [lo, hi] = row['conf.int'];
      if (!(relative(got.lower, lo) <= TOLERANCE && relative(got.upper, hi) <= TOLERANCE)) failures.push({ row, got });
    }
    expect(failures).toStrictEqual([]);
  });
  it(`prop.test(x, n, correct = FALSE) conf.int is Wilson, to ${TOLERANCE} relative`, () => {
    const failures: unknown[] = [];
    for (const row of r.wilson) {
      const got = proportionInterval(row.x, row.n, row.level, 'wilson')!;
      const [lo, hi] = row['conf.int'];
      if (!(relative(got.lower, lo) <= TOLERANCE && relative(got.upper, hi) <= TOLERANCE)) failures.push({ row, got });
    }
    expect(failures).toStrictEqual([]);
  });
  it(`the N-1 statistic squared is prop.test's X-squared times (N - 1) / N, to ${TOLERANCE} relative`, () => {
    for (const row of r.twoProportions) {
      const got = nMinusOneTwoProportionTest(row.x1, row.n1, row.x2, row.n2)!;
      const total = row.n1 + row.n2;
      expect(relative(got.statistic ** 2, (row.statistic * (total - 1)) / total)).toBeLessThanOrEqual(TOLERANCE);
      expect(Math.sign(got.statistic)).toBe(Math.sign(row.x1 / row.n1 - row.x2 / row.n2));
      // the p-value of an N-1 statistic is prop.test's p-value at X-squared (N - 1) / N
      expect(got.pValue).toBeGreaterThanOrEqual(row['p.value'] * (1 - TOLERANCE));
    }
  });
  it(`t.test(x) conf.int is the Student t interval, to ${TOLERANCE} relative`, () => {
    for (const row of r.tTest) {
      const got = meanInterval(row.n, row.sum, row.sumSquares, row.level)!;
      expect(relative(got.lower, row['conf.int'][0])).toBeLessThanOrEqual(TOLERANCE);
      expect(relative(got.upper, row['conf.int'][1])).toBeLessThanOrEqual(TOLERANCE);
      expect(got.df).toBe(row.n - 1);
    }
  });
  it(`t.test(x, y) is Welch's test, to ${TOLERANCE} relative`, () => {
    for (const row of r.welch) {
      const a = { n: row.n1, mean: new Dec(row.sum1).dividedBy(row.n1), variance: sampleVariance(row.n1, row.sum1, row.sumSquares1)! };
      const b = { n: row.n2, mean: new Dec(row.sum2).dividedBy(row.n2), variance: sampleVariance(row.n2, row.sum2, row.sumSquares2)! };
      const got = welchTest(a, b, 0.95)!;
      expect(relative(got.statistic, row.statistic)).toBeLessThanOrEqual(TOLERANCE);
      expect(relative(got.df, row.df)).toBeLessThanOrEqual(TOLERANCE);
      expect(relative(got.pValue, row['p.value'])).toBeLessThanOrEqual(TOLERANCE);
      expect(relative(got.lower, row['conf.int'][0])).toBeLessThanOrEqual(TOLERANCE);
      expect(relative(got.upper, row['conf.int'][1])).toBeLessThanOrEqual(TOLERANCE);
    }
  });
});

describe('Newcombe hybrid score interval', () => {
  it(`agrees with statsmodels confint_proportions_2indep(method='newcomb') to ${TOLERANCE} relative`, () => {
    for (const row of statsmodels.difference) {
      const got = newcombeInterval(row.count1, row.nobs1, row.count2, row.nobs2, levelOf(row.alpha))!;
      expect(relative(got.lower, row.newcomb[0])).toBeLessThanOrEqual(TOLERANCE);
      expect(relative(got.upper, row.newcomb[1])).toBeLessThanOrEqual(TOLERANCE);
    }
  });
  it('gives Newcombe (1998) Table II example (a): 56/70 - 48/80, 95%, method 10: 0.0524 to 0.3339', () => {
    const got = newcombeInterval(56, 70, 48, 80, 0.95)!;
    expect(got.difference).toBe(0.2);
    expect(got.lower.toFixed(4)).toBe('0.0524');
    expect(got.upper.toFixed(4)).toBe('0.3339');
  });
  it('flips sign and bounds when the samples are swapped, and is null for an empty sample', () => {
    const ab = newcombeInterval(9, 10, 3, 10, 0.9)!;
    const ba = newcombeInterval(3, 10, 9, 10, 0.9)!;
    expect(ba).toStrictEqual({ difference: -ab.difference, lower: -ab.upper, upper: -ab.lower });
    expect(newcombeInterval(0, 0, 3, 10, 0.95)).toBe(null);
  });
});

describe('N-1 two-proportion test', () => {
  it('keeps the direction and is p = 1 for equal samples', () => {
    const t = nMinusOneTwoProportionTest(30, 100, 45, 110)!;
    expect(t.statistic).toBeLessThan(0);
    expect(nMinusOneTwoProportionTest(45, 110, 30, 100)!.statistic).toBe(-t.statistic);
    expect(nMinusOneTwoProportionTest(7, 12, 7, 12)).toStrictEqual({ difference: 0, statistic: 0, pValue: 1 });
  });
  it('has nothing to test when every answer falls on one side', () => {
    expect(nMinusOneTwoProportionTest(0, 10, 0, 20)).toStrictEqual({ difference: 0, statistic: 0, pValue: 1 });
    expect(nMinusOneTwoProportionTest(10, 10, 20, 20)).toStrictEqual({ difference: 0, statistic: 0, pValue: 1 });
    expect(nMinusOneTwoProportionTest(0, 0, 1, 1)).toBe(null);
  });
  it('is Pearson chi-squared times (N - 1) / N, by hand: 9/10 vs 3/10', () => {
    // pooled P = 12/20 = 0.6; z = 0.6 / sqrt(0.6 * 0.4 * (1/10 + 1/10)) = 2.7386127875258306;
    // N-1: z * sqrt(19/20) = 2.6692695630078278; p = 2 Φ(-2.6692695630078278) = 0.0076016414752201705
    // (mpmath, 30 digits)
    const t = nMinusOneTwoProportionTest(9, 10, 3, 10)!;
    expect(relative(t.statistic, 2.6692695630078278)).toBeLessThan(1e-15);
    expect(relative(t.pValue, 0.0076016414752201705)).toBeLessThan(1e-12);
  });
});

describe('NPS intervals', () => {
  // Hand calculation, checked with mpmath at 40 digits (z = 1.959963984540054):
  // 50 promoters, 30 passives, 20 detractors.
  // Wald: p = 0.5, d = 0.2, variance 0.5 + 0.2 - 0.3² = 0.61, SE = 100 sqrt(0.61 / 100) = 7.8102496759066541,
  //   30 ± z SE = 14.692191924957328 to 45.307808075042672.
  // Adjusted Wald: n' = 103, p' = 50.75/103, d' = 20.75/103, centre 100 * 30/103 = 29.12621359223301,
  //   SE = 100 sqrt((p' + d' - (p' - d')²) / 103) = 7.6915104218147557, bounds 14.051130178761609 to 44.20129700570441.
  it('matches the hand calculation for Wald and adjusted Wald', () => {
    const wald = npsInterval(50, 30, 20, 0.95, 'wald')!;
    expect(wald.centre).toBe(30);
    expect(relative(wald.standardError, 7.8102496759066541)).toBeLessThan(1e-15);
    expect(relative(wald.lower, 14.692191924957328)).toBeLessThan(1e-14);
    expect(relative(wald.upper, 45.307808075042672)).toBeLessThan(1e-14);
    expect(wald.clamped).toBe(false);
    const adjusted = npsInterval(50, 30, 20, 0.95, 'adjusted-wald')!;
    expect(relative(adjusted.centre, 29.12621359223301)).toBeLessThan(1e-15);
    expect(relative(adjusted.standardError, 7.6915104218147557)).toBeLessThan(1e-15);
    expect(relative(adjusted.lower, 14.051130178761609)).toBeLessThan(1e-14);
    expect(relative(adjusted.upper, 44.20129700570441)).toBeLessThan(1e-14);
  });
  it('clamps to [-100, 100] and says so; Wald is degenerate when all answers are in one group', () => {
    // 10 promoters: adjusted centre 100 * 10/13 = 76.92..., upper 106.3426... cut to 100
    const adjusted = npsInterval(10, 0, 0, 0.95, 'adjusted-wald')!;
    expect(adjusted.upper).toBe(100);
    expect(adjusted.clamped).toBe(true);
    expect(relative(adjusted.lower, 47.503551544790211)).toBeLessThan(1e-14);
    expect(npsInterval(10, 0, 0, 0.95, 'wald')).toStrictEqual({ centre: 100, lower: 100, upper: 100, standardError: 0, clamped: false });
    const low = npsInterval(0, 1, 3, 0.95, 'adjusted-wald')!;
    expect(low.lower).toBeGreaterThanOrEqual(-100);
  });
  it('is null without answers and symmetric under swapping promoters and detractors', () => {
    expect(npsInterval(0, 0, 0, 0.95, 'wald')).toBe(null);
    const a = npsInterval(12, 5, 4, 0.9, 'adjusted-wald')!;
    const b = npsInterval(4, 5, 12, 0.9, 'adjusted-wald')!;
    expect(b.centre).toBe(-a.centre);
    expect(b.lower).toBe(-a.upper);
    expect(b.upper).toBe(-a.lower);
    expect(() => npsInterval(-1, 0, 0, 0.95, 'wald')).toThrow(RangeError);
    expect(() => npsInterval(1, 0, 0, 0.95, 'bootstrap' as 'wald')).toThrow(RangeError);
  });
});

describe('NPS intervals against 1,000-digit decimal arithmetic', () => {
  /**
   * decimal.js at 1,000 digits, where the sums and products of counts down
   * to 5e-324 are exact: the variance as ((p' + d') n - (p' - d')²) / n², so
   * that no digits cancel, then the root and the bounds.
   */
  const Wide = Dec.clone({ precision: 1000 });
  function oracle(promoters: number, passives: number, detractors: number, level: number, method: NpsWaldMethod) {
    const add = new Wide(method === 'adjusted-wald' ? '0.75' : 0);
    const a = new Wide(promoters).plus(add);
    const c = new Wide(detractors).plus(add);
    const n = a.plus(c).plus(passives).plus(add.times(2));
    const se = a.plus(c).times(n).minus(a.minus(c).pow(2)).dividedBy(n.pow(3)).sqrt().times(100);
    const centre = a.minus(c).times(100).dividedBy(n);
    const z = new Wide(normalCriticalValue(level));
    const [lower, upper] = [centre.minus(z.times(se)), centre.plus(z.times(se))];
    return { centre, se, lower: Wide.max(-100, lower), upper: Wide.min(100, upper), clamped: lower.lessThan(-100) || upper.greaterThan(100) };
  }
  const count = fc.oneof(fc.nat(60), fc.nat(2 ** 40), fc.double({ min: 0, max: 1e6, noNaN: true }), fc.constant(0));
  it('gives every value to within 10^-80 of the standard error, and clamps as the exact bounds do', () => {
    fc.assert(
      fc.property(
        count,
        count,
        count,
        fc.constantFrom(0.5, 0.8, 0.9, 0.95, 0.99, 0.999999),
        fc.constantFrom<NpsWaldMethod>('wald', 'adjusted-wald'),
        (pr, pa, de, lv, m) => {
          const got = npsBounds(pr, pa, de, lv, m);
          if (pr + pa + de === 0) {
            expect(got).toBe(null);
            return;
          }
          const want = oracle(pr, pa, de, lv, m);
          // Near 0 a value is held to the standard error's scale; a zero standard error makes every value exact.
          const tolerance = Wide.max(want.se, '1e-60').times('1e-80');
          for (const [g, w] of [
            [got!.standardError, want.se],
            [got!.lower, want.lower],
            [got!.upper, want.upper],
          ] as const) {
            expect(new Wide(String(g.num)).dividedBy(String(g.den)).minus(w).abs().lessThanOrEqualTo(tolerance)).toBe(true);
          }
          expect(got!.clamped).toBe(want.clamped);
        },
      ),
      { numRuns: 600 },
    );
  });
});

describe('means and weights', () => {
  it('computes the exact sample variance from sums, with BigInt and decimal strings', () => {
    // 1, 2, 3, 4: mean 2.5, variance 5/3
    expect(sampleVariance(4, 10, 30)!.toString()).toBe(new Dec(5).dividedBy(3).toString());
    expect(sampleVariance(4, 10n, '30')!.equals(sampleVariance(4, 10, 30)!)).toBe(true);
    expect(sampleVariance(1, 5, 25)).toBe(null);
    expect(() => sampleVariance(3, 6, 11)).toThrow(RangeError);
  });
  it('computes the exact variance as a rational, and refuses sums no data can give', () => {
    expect(exactSampleVariance(4, 10n, 30n)).toEqual({ num: 20n, den: 12n });
    expect(exactSampleVariance(0, 0n, 0n)).toBe(null);
    expect(exactSampleVariance(1, 5n, 25n)).toBe(null);
    // The decimal variance is the exact one, and numbers, bigints, strings and decimals read alike.
    expect(sampleVariance(4, new Dec(10), 30)!.equals(new Dec(20).dividedBy(12))).toBe(true);
    expect(sampleVariance(2, 0.5, '0.5')!.toString()).toBe('0.375');
    for (const [f, message] of [
      [() => sampleVariance(2.5, 5, 13), 'sampleVariance: expected a count, received 2.5'],
      [() => sampleVariance(-1, 5, 13), 'sampleVariance: expected a count, received -1'],
      [() => exactSampleVariance(2.5, 5n, 13n), 'sampleVariance: expected a count, received 2.5'],
      [() => exactSampleVariance(-2, 5n, 13n), 'sampleVariance: expected a count, received -2'],
      [() => sampleVariance(3, 6, 11), 'sampleVariance: expected a sum of squares of at least sum² / n, received 11'],
      [() => exactSampleVariance(3, 6n, 11n), 'sampleVariance: expected a sum of squares of at least sum² / n, received 11'],
    ] as const) {
      expect(f).toThrow(new RangeError(message));
    }
    // On the boundary, n Σx² = (Σx)²: variance 0.
    expect(exactSampleVariance(3, 6n, 12n)).toEqual({ num: 0n, den: 6n });
  });
  it('gives a zero-width interval for constant data and null below two observations', () => {
    expect(meanInterval(3, 12, 48, 0.95)).toStrictEqual({ mean: 4, lower: 4, upper: 4, standardError: 0, df: 2 });
    expect(meanInterval(1, 4, 16, 0.95)).toBe(null);
  });
  it('keeps exact sums past 2^53', () => {
    // 10^6 answers of 10^7 and 10^6 of 10^7 + 2: mean 10^7 + 1, variance 2 * 10^6 / (2 * 10^6 - 1)
    const n = 2_000_000;
    const sum = 10n ** 6n * 10n ** 7n + 10n ** 6n * (10n ** 7n + 2n);
    const squares = 10n ** 6n * 10n ** 14n + 10n ** 6n * (10n ** 7n + 2n) ** 2n;
    const got = meanInterval(n, sum, squares, 0.95)!;
    expect(got.mean).toBe(10_000_001);
    expect(relative(got.standardError, Math.sqrt(n / (n - 1) / n))).toBeLessThan(1e-15);
  });
  it('Welch: compare(a, a) has difference 0 and p = 1; swapping flips the sign', () => {
    const a = { n: 12, mean: '4.25', variance: '1.5' };
    const b = { n: 20, mean: 3.9, variance: 2.25 };
    expect(welchTest(a, a, 0.95)).toMatchObject({ difference: 0, statistic: 0, pValue: 1 });
    const ab = welchTest(a, b, 0.95)!;
    const ba = welchTest(b, a, 0.95)!;
    expect(ba.statistic).toBe(-ab.statistic);
    expect(ba.pValue).toBe(ab.pValue);
    expect(ba.lower).toBe(-ab.upper);
    expect(welchTest({ n: 1, mean: 1, variance: 0 }, b, 0.95)).toBe(null);
    expect(welchTest({ n: 5, mean: 1, variance: 0 }, { n: 5, mean: 2, variance: 0 }, 0.95)).toBe(null);
  });
  it("Kish's effective sample size is n for equal weights and smaller otherwise", () => {
    const kish = (sum: number, squares: number) => rationalToDouble(effectiveSize(dyadicOf(sum), dyadicOf(squares)));
    expect(kish(10, 10)).toBe(10);
    expect(kish(7.5, 18.75)).toBe(3); // 5 weights of 1.5
    expect(kish(3, 5)).toBe(1.8); // weights 1, 2
    expect(kish(0, 0)).toBe(0); // every weight 0
  });
});

const sample = fc.tuple(fc.integer({ min: 1, max: 5000 }), fc.double({ min: 0, max: 1, noNaN: true })).map(([n, share]) => ({ n, x: Math.round(share * n) }));
const level = fc.constantFrom(0.5, 0.8, 0.9, 0.95, 0.99, 0.999, 0.9999);

function hygienic(v: number): boolean {
  return Number.isFinite(v) && !Object.is(v, -0);
}

describe('laws (fast-check)', () => {
  it('Wald, Wilson and Clopper-Pearson contain the estimate', () => {
    fc.assert(
      fc.property(sample, level, ({ n, x }, lv) => {
        for (const m of ['wald', 'wilson', 'clopper-pearson'] as const) {
          const i = proportionInterval(x, n, lv, m)!;
          const p = x / n;
          expect(i.lower).toBeLessThanOrEqual(p);
          expect(i.upper).toBeGreaterThanOrEqual(p);
        }
      }),
      { numRuns: 200 },
    );
  });
  it('is at least as wide at a higher level', () => {
    fc.assert(
      fc.property(sample, level, level, ({ n, x }, l1, l2) => {
        const [lo, hi] = l1 <= l2 ? [l1, l2] : [l2, l1];
        for (const m of ALL_METHODS) {
          const a = proportionInterval(x, n, lo, m)!;
          const b = proportionInterval(x, n, hi, m)!;
          expect(b.lower).toBeLessThanOrEqual(a.lower);
          expect(b.upper).toBeGreaterThanOrEqual(a.upper);
        }
      }),
      { numRuns: 150 },
    );
  });
  it('is no wider with more data at the same shares', () => {
    fc.assert(
      fc.property(sample, level, fc.integer({ min: 2, max: 50 }), ({ n, x }, lv, k) => {
        for (const m of ALL_METHODS) {
          const a = proportionInterval(x, n, lv, m)!;
          const b = proportionInterval(k * x, k * n, lv, m)!;
          expect(b.upper - b.lower).toBeLessThanOrEqual(a.upper - a.lower + 1e-15);
        }
        const nps1 = npsInterval(x, n - x, Math.floor(x / 2), lv, 'adjusted-wald')!;
        const nps2 = npsInterval(k * x, k * (n - x), k * Math.floor(x / 2), lv, 'adjusted-wald')!;
        expect(nps2.upper - nps2.lower).toBeLessThanOrEqual(nps1.upper - nps1.lower + 1e-12);
      }),
      { numRuns: 150 },
    );
  });
  it('returns ordered, clean numbers inside the range', () => {
    fc.assert(
      fc.property(sample, level, fc.nat(3000), ({ n, x }, lv, extra) => {
        for (const m of ALL_METHODS) {
          const i = proportionInterval(x, n, lv, m)!;
          expect(hygienic(i.lower) && hygienic(i.upper)).toBe(true);
          expect(0 <= i.lower && i.lower <= i.upper && i.upper <= 1).toBe(true);
          if (i.standardError !== null) expect(hygienic(i.standardError)).toBe(true);
        }
        for (const m of ['wald', 'adjusted-wald'] as const) {
          const i = npsInterval(x, extra, n - x, lv, m)!;
          expect([i.centre, i.lower, i.upper, i.standardError].every(hygienic)).toBe(true);
          expect(-100 <= i.lower && i.lower <= i.upper && i.upper <= 100).toBe(true);
        }
        const d = newcombeInterval(x, n, Math.min(extra, n), n, lv)!;
        expect([d.difference, d.lower, d.upper].every(hygienic)).toBe(true);
        expect(-1 <= d.lower && d.lower <= d.difference && d.difference <= d.upper && d.upper <= 1).toBe(true);
        const t = nMinusOneTwoProportionTest(x, n, Math.min(extra, n), n)!;
        expect([t.difference, t.statistic, t.pValue].every(hygienic)).toBe(true);
        expect(0 <= t.pValue && t.pValue <= 1).toBe(true);
      }),
      { numRuns: 200 },
    );
  });
});
