/**
 * Summing the loyalty index's answers: each kind of bad respondent and
 * answer with its code, path and message, respondents skipped under
 * `missing: 'exclude'`, and squared totals that pass 2^53.
 */
import { describe, expect, it } from 'vitest';
import { sumLoyaltyAnswers } from '../../../src/core/survey/loyalty-answers.js';
import { isMetricsError, type MetricsIssue } from '../../../src/index.js';

const scale = { min: 0, max: 10 };

/** What `fn` throws for loyaltyIndex: every issue. */
function issuesOf(fn: () => unknown): readonly MetricsIssue[] {
  try {
    fn();
  } catch (e) {
    if (isMetricsError(e) && e.metric === 'loyaltyIndex') return e.issues;
    throw e;
  }
  throw new Error('expected a MetricsError');
}

const sum = (answers: unknown, missing: 'error' | 'exclude' = 'error') => sumLoyaltyAnswers('loyaltyIndex', answers, scale, missing);
const HINT = "; pass missing: 'exclude' to skip respondents with missing answers";

describe('sumLoyaltyAnswers', () => {
  it('refuses each kind of bad respondent and answer', () => {
    expect(issuesOf(() => sum('x'))).toStrictEqual([
      { code: 'invalid-type', path: ['answers'], message: 'expected an array of { recommend, repurchase, upsell }, received "x"' },
    ]);
    expect(issuesOf(() => sum([5]))).toStrictEqual([
      { code: 'invalid-type', path: ['answers', 0], message: 'expected an object { recommend, repurchase, upsell }, received 5' },
    ]);
    expect(issuesOf(() => sum([5], 'exclude'))).toStrictEqual([
      { code: 'invalid-type', path: ['answers', 0], message: 'expected an object { recommend, repurchase, upsell }, received 5' },
    ]);
    expect(issuesOf(() => sum([{ recommend: 11, repurchase: 5, upsell: '5' }]))).toStrictEqual([
      { code: 'out-of-range', path: ['answers', 0, 'recommend'], message: 'expected an integer from 0 to 10, received 11' },
      { code: 'invalid-type', path: ['answers', 0, 'upsell'], message: 'expected an integer from 0 to 10, received "5"' },
    ]);
    expect(issuesOf(() => sum([{ recommend: null, repurchase: -1, upsell: 2.5 }]))).toStrictEqual([
      { code: 'missing-value', path: ['answers', 0, 'recommend'], message: `expected an integer from 0 to 10, received null${HINT}` },
      { code: 'out-of-range', path: ['answers', 0, 'repurchase'], message: 'expected an integer from 0 to 10, received -1' },
      { code: 'out-of-range', path: ['answers', 0, 'upsell'], message: 'expected an integer from 0 to 10, received 2.5' },
    ]);
    expect(issuesOf(() => sum([null]))).toStrictEqual([
      { code: 'missing-value', path: ['answers', 0], message: 'expected an object { recommend, repurchase, upsell }, received null' },
    ]);
    // Under exclude a missing answer is not a fault: only the bad one is named, and no hint is given.
    expect(issuesOf(() => sum([{ recommend: null, repurchase: 11, upsell: 3, note: 'x' }], 'exclude'))).toStrictEqual([
      { code: 'out-of-range', path: ['answers', 0, 'repurchase'], message: 'expected an integer from 0 to 10, received 11' },
    ]);
    expect(issuesOf(() => sum([{ recommend: 1, repurchase: Number.NaN, upsell: true }], 'exclude'))).toStrictEqual([
      { code: 'invalid-type', path: ['answers', 0, 'upsell'], message: 'expected an integer from 0 to 10, received true' },
    ]);
  });

  it('sums answers on the scale, bounds included', () => {
    expect(
      sum([
        { recommend: 0, repurchase: 10, upsell: 5 },
        { recommend: 10, repurchase: 0, upsell: 1 },
      ]),
    ).toStrictEqual({
      respondents: 2,
      sums: { recommend: 10, repurchase: 10, upsell: 6 },
      sumOfSquaredTotals: 15 * 15 + 11 * 11,
      excluded: 0,
    });
  });

  it('skips missing respondents and respondents with a missing answer only under exclude', () => {
    const answers = [null, undefined, { recommend: Number.NaN, repurchase: 2, upsell: 3 }, { recommend: 4, repurchase: 5, upsell: 6 }];
    expect(sum(answers, 'exclude')).toStrictEqual({ respondents: 1, sums: { recommend: 4, repurchase: 5, upsell: 6 }, sumOfSquaredTotals: 225, excluded: 3 });
    expect(
      issuesOf(() =>
        sum([
          { recommend: 1, repurchase: 2, upsell: 3 },
          { recommend: 1, repurchase: 2 },
        ]),
      ),
    ).toStrictEqual([{ code: 'missing-value', path: ['answers', 1, 'upsell'], message: `expected an integer from 0 to 10, received undefined${HINT}` }]);
  });

  it('refuses squared totals that pass 2^53', () => {
    const big = { min: 0, max: 2 ** 25 };
    const a = { recommend: 2 ** 25, repurchase: 2 ** 25, upsell: 2 ** 25 };
    expect(issuesOf(() => sumLoyaltyAnswers('loyaltyIndex', [a, a, a, a, a, a, a, a], big, 'error'))).toStrictEqual([
      { code: 'out-of-range', path: ['answers'], message: `expected answers whose squared totals sum below 2^53, received a sum of ${8 * 9 * 2 ** 50}` },
    ]);
  });
});
