/**
 * Survey weights: the wording of a refused weight and of refused partial
 * sums, and the weighted mean and variance from exact weight sums, including
 * sums no sample could give. Each test loads the modules afresh.
 */
import { type Rational, rationalToDouble } from '../../../src/core/exact/rational.js';

const value = (r: Rational | null) => (r === null ? null : rationalToDouble(r));

import { describe, expect, it, vi } from 'vitest';
import type { Dyadic } from '../../../src/core/exact/exact-sum.js';
import { issuesOf } from '../../helpers/errors.js';

async function loadWeights() {
  vi.resetModules();
  return import('../../../src/core/survey/weights.js');
}

const int = (n: bigint): Dyadic => ({ mantissa: n, exponent: 0 });

describe('the weights option', () => {
  it('says what a weight must be', async () => {
    const { readWeights } = await loadWeights();
    expect(issuesOf('ces', () => readWeights('ces', [1, -1], 2))).toStrictEqual([
      { code: 'out-of-range', path: ['options', 'weights', 1], message: 'expected a weight: 0, or a number from 1e-100 to 1e100, received -1' },
    ]);
    expect(issuesOf('ces', () => readWeights('ces', new Float64Array([1, 5e-101]), null))).toStrictEqual([
      { code: 'out-of-range', path: ['options', 'weights', 1], message: 'expected a weight: 0, or a number from 1e-100 to 1e100, received 5e-101' },
    ]);
  });

  it('says what the partial sums of a weighted tally must be', async () => {
    vi.resetModules();
    const { cesFromCounts } = await import('../../../src/metrics/ces.js');
    const tally = (weights: unknown) => issuesOf('ces', () => cesFromCounts({ points: { 7: 1 }, weights } as never));
    expect(tally({ count: 1, points: { 7: [1] }, squares: 'x' })).toStrictEqual([
      { code: 'invalid-type', path: ['counts', 'weights', 'squares'], message: 'expected an array of partial sums, received "x"' },
    ]);
    expect(tally({ count: 1, points: { 7: [Number.POSITIVE_INFINITY] }, squares: [1] })).toStrictEqual([
      { code: 'out-of-range', path: ['counts', 'weights', 'points', '7', 0], message: 'expected a finite number, received Infinity' },
    ]);
    expect(cesFromCounts({ points: { 7: 1 }, weights: { count: 1, points: { 7: [2] }, squares: [4] } })).toMatchObject({
      value: 100,
      weighted: { totalWeight: 2, effectiveSampleSize: 1 },
    });
  });
});

describe('the weighted mean and variance', () => {
  it('are the mean and the unbiased variance of the answers, unchanged by a common factor in the weights', async () => {
    const { weightedMean, weightedVariance } = await loadWeights();
    // Answers 1, 2 and 6 of weight 2 each: Σw = 6, Σw² = 12, Σw x = 18, Σw x² = 82.
    const moments = { sum: int(6n), squares: int(12n), first: int(18n), second: int(82n) };
    expect(value(weightedMean(moments))).toBe(3);
    expect(value(weightedVariance(moments))).toBe(7);
    expect(weightedMean({ ...moments, sum: int(0n), first: int(0n) })).toBeNull();
  });

  it('has no variance when the squared weights sum to more than the squared weight sum', async () => {
    const { weightedVariance, effectiveSize } = await loadWeights();
    // Σw = 1 and Σw² = 2: an effective sample size of 1/2, which no weights can give.
    const moments = { sum: int(1n), squares: int(2n), first: int(3n), second: int(10n) };
    expect(value(effectiveSize(moments.sum, moments.squares))).toBe(0.5);
    expect(weightedVariance(moments)).toBeNull();
  });
});
