/**
 * Survey weights: the `weights` option (arrays and typed arrays, the
 * bounds 0, 1e-100 and 1e100), the checked weight sums of a tally, Kish's
 * effective sample size and the warnings on it, each refusal with its exact
 * code, path and message.
 */

import { describe, expect, it } from 'vitest';
import type { Dyadic } from '../../../src/core/exact/exact-sum.js';
import { rationalToDouble } from '../../../src/core/exact/rational.js';
import {
  checkUnusedWeights,
  checkWeightSums,
  effectiveProportionWarnings,
  effectiveSampleWarnings,
  effectiveSize,
  readWeights,
  weightedVariance,
} from '../../../src/core/survey/weights.js';
import { csatFromCounts, isMetricsError, type MetricsIssue } from '../../../src/index.js';
import { dyadicText } from '../../helpers/rational.js';

/** What `fn` throws for `metric`: every issue. */
function issuesOf(fn: () => unknown, metric = 'nps'): readonly MetricsIssue[] {
  try {
    fn();
  } catch (e) {
    if (isMetricsError(e) && e.metric === metric) return e.issues;
    throw e;
  }
  throw new Error('expected a MetricsError');
}

const TEXT = 'expected a weight: 0, or a number from 1e-100 to 1e100';
const bad = (index: number, received: string, code = 'out-of-range') => [
  { code, path: ['options', 'weights', index], message: `${TEXT}, received ${received}` },
];
const int = (n: bigint): Dyadic => ({ mantissa: n, exponent: 0 });

describe('readWeights', () => {
  it('refuses each kind of bad weight, in arrays and typed arrays', () => {
    expect(issuesOf(() => readWeights('nps', [1, 'x'], 2))).toStrictEqual(bad(1, '"x"', 'invalid-type'));
    expect(issuesOf(() => readWeights('nps', [null], 1))).toStrictEqual(bad(0, 'null', 'missing-value'));
    expect(issuesOf(() => readWeights('nps', [-1], 1))).toStrictEqual(bad(0, '-1'));
    expect(issuesOf(() => readWeights('nps', [1e-101], 1))).toStrictEqual(bad(0, '1e-101'));
    expect(issuesOf(() => readWeights('nps', [5e-324], 1))).toStrictEqual(bad(0, '5e-324'));
    expect(issuesOf(() => readWeights('nps', [2e100], 1))).toStrictEqual(bad(0, '2e+100'));
    expect(issuesOf(() => readWeights('nps', new Float64Array([1, 1e-101]), 2))).toStrictEqual(bad(1, '1e-101'));
    expect(issuesOf(() => readWeights('nps', new Float64Array([2e100]), 1))).toStrictEqual(bad(0, '2e+100'));
    expect(issuesOf(() => readWeights('nps', new Float64Array([-0.5]), 1))).toStrictEqual(bad(0, '-0.5'));
    expect(issuesOf(() => readWeights('nps', new Float32Array([Number.NaN]), 1))).toStrictEqual(bad(0, 'NaN', 'missing-value'));
    expect(issuesOf(() => readWeights('nps', new Float64Array([Number.POSITIVE_INFINITY]), 1))).toStrictEqual(bad(0, 'Infinity'));
    expect(issuesOf(() => readWeights('nps', new Int8Array([1, -1]), 2))).toStrictEqual(bad(1, '-1'));
  });

  it('refuses what is not a list of weights, and a list of the wrong length', () => {
    expect(issuesOf(() => readWeights('nps', 'x', 1))).toStrictEqual([
      { code: 'invalid-type', path: ['options', 'weights'], message: 'expected an array or a typed array of weights, received "x"' },
    ]);
    expect(issuesOf(() => readWeights('nps', [1, 2], 3))).toStrictEqual([
      { code: 'inconsistent', path: ['options', 'weights'], message: 'expected 3 weights, one per answer, received 2' },
    ]);
    expect(issuesOf(() => checkUnusedWeights('csat', { 0: 1 }), 'csat')).toStrictEqual([
      { code: 'invalid-type', path: ['options', 'weights'], message: 'expected an array or a typed array of weights, received an object' },
    ]);
  });

  it('accepts 0 and every weight from 1e-100 to 1e100, bounds included', () => {
    const list = [0, 1e-100, 1e100, 1];
    expect(readWeights('nps', list, 4)).toBe(list);
    const typed = new Float64Array(list);
    expect(readWeights('nps', typed, null)).toBe(typed);
    expect(() => checkUnusedWeights('nps', undefined)).not.toThrow();
  });
});

describe('checkWeightSums', () => {
  const weights = { count: 2, squares: [5] };
  const groups = [
    { path: ['promoters'], count: 1, partials: [2] },
    { path: ['detractors'], count: 1, partials: [1] },
  ];

  it('returns the exact sums of consistent weights', () => {
    const { sums, sum, squares } = checkWeightSums('nps', weights, groups, 2);
    expect(sums.map((w) => dyadicText(w))).toStrictEqual(['2', '1']);
    expect(dyadicText(sum)).toBe('3');
    expect(dyadicText(squares)).toBe('5');
  });

  it('refuses each inconsistency at its path', () => {
    expect(issuesOf(() => checkWeightSums('nps', weights, groups, 3))).toStrictEqual([
      { code: 'inconsistent', path: ['counts', 'weights', 'count'], message: 'expected weights for the 3 answers of the tally, received weights for 2' },
    ]);
    expect(issuesOf(() => checkWeightSums('nps', weights, [{ path: ['passives'], count: 1, partials: [1, -2] }], 2))).toStrictEqual([
      { code: 'out-of-range', path: ['counts', 'weights', 'passives'], message: 'expected a weight sum of at least 0' },
    ]);
    expect(issuesOf(() => checkWeightSums('nps', weights, [{ path: ['points', '4'], count: 0, partials: [1] }], 2))).toStrictEqual([
      { code: 'inconsistent', path: ['counts', 'weights', 'points', '4'], message: 'expected no weight where the tally has no answers' },
    ]);
    const squares = (s: number) => issuesOf(() => checkWeightSums('nps', { count: 2, squares: [s] }, groups, 2));
    const refused = [
      {
        code: 'inconsistent',
        path: ['counts', 'weights', 'squares'],
        message: 'expected a sum of squared weights that 2 answers with these weight sums could give',
      },
    ];
    // (Σw)² = 9 and n = 2: Σw² must be from 4.5 to 9.
    expect(squares(-1)).toStrictEqual(refused);
    expect(squares(10)).toStrictEqual(refused);
    expect(squares(4)).toStrictEqual(refused);
    expect(dyadicText(checkWeightSums('nps', { count: 2, squares: [4.5] }, groups, 2).squares)).toBe('4.5');
    expect(dyadicText(checkWeightSums('nps', { count: 2, squares: [9] }, groups, 2).squares)).toBe('9');
  });

  it('says what partial sums must be in a tally', () => {
    const counts = (w: unknown) => issuesOf(() => csatFromCounts({ points: { 5: 1 }, weights: w } as never), 'csat');
    expect(counts({ count: 1, points: { 5: ['x'] }, squares: [1] })).toStrictEqual([
      { code: 'invalid-type', path: ['counts', 'weights', 'points', '5', 0], message: 'expected a finite number, received "x"' },
    ]);
    expect(counts({ count: 1, points: { 5: [1] }, squares: 1 })).toStrictEqual([
      { code: 'invalid-type', path: ['counts', 'weights', 'squares'], message: 'expected an array of partial sums, received 1' },
    ]);
  });
});

describe("Kish's effective sample size and the weighted variance", () => {
  it('is (Σw)² / Σw², or 0 when every weight is 0', () => {
    expect(rationalToDouble(effectiveSize(int(3n), int(5n)))).toBe(1.8);
    expect(effectiveSize(int(0n), int(0n))).toEqual({ num: 0n, den: 1n });
  });

  it('has no weighted variance when the effective sample size is 1', () => {
    // One answer x = 4 of weight 2: Σw = 2, Σw² = 4, Σw x = 8, Σw x² = 32.
    expect(weightedVariance({ sum: int(2n), squares: int(4n), first: int(8n), second: int(32n) })).toBeNull();
    // Answers 1 and 3 of weight 1: the sample variance 2.
    expect(weightedVariance({ sum: int(2n), squares: int(2n), first: int(4n), second: int(10n) })).toEqual({ num: 2n, den: 1n });
  });
});

describe('warnings on an effective sample size', () => {
  it('warns below 30 effective answers, rounding the size to three decimals', () => {
    expect(effectiveSampleWarnings(12.34567)).toStrictEqual([
      { code: 'small-sample', message: 'an effective sample size of 12.346: fewer than 30, so the estimate is imprecise' },
    ]);
    expect(effectiveSampleWarnings(29.9)).toHaveLength(1);
    expect(effectiveSampleWarnings(30)).toStrictEqual([]);
    expect(effectiveSampleWarnings(0)).toStrictEqual([]);
  });

  it('warns on a proportion with fewer than 10 effective answers on either side', () => {
    const side = (n: string) => [
      { code: 'small-sample', message: `an effective ${n} on one side of the proportion: fewer than 10, so normal approximations are poor` },
    ];
    expect(effectiveProportionWarnings(0, 0)).toStrictEqual([]);
    expect(effectiveProportionWarnings(0, 29)).toStrictEqual(effectiveSampleWarnings(29));
    expect(effectiveProportionWarnings(0, 29)).toHaveLength(1);
    expect(effectiveProportionWarnings(5, 30)).toStrictEqual(side('5'));
    expect(effectiveProportionWarnings(5.12345, 100)).toStrictEqual(side('5.123'));
    expect(effectiveProportionWarnings(95, 100)).toStrictEqual(side('5'));
    expect(effectiveProportionWarnings(90, 100)).toStrictEqual([]);
    expect(effectiveProportionWarnings(10, 100)).toStrictEqual([]);
    expect(effectiveProportionWarnings(50, 100)).toStrictEqual([]);
  });
});
