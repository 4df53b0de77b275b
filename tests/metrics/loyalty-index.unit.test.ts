/**
 * The loyalty index's options, answers and tallies: each refusal with its
 * exact code, path and message, sums at the ends of a scale that does not
 * start at 0, and the excluded count a tally carries. Each test loads the
 * library afresh, so it builds the option and tally schemas itself.
 */
import { describe, expect, it, vi } from 'vitest';
import { issuesOf } from '../helpers/errors.js';

async function loadLoyaltyIndex() {
  vi.resetModules();
  return import('../../src/metrics/loyalty-index.js');
}

/** Every issue of the MetricsError that `fn` throws for loyaltyIndex. */
const issuesOfMetric = (fn: () => unknown) => issuesOf('loyaltyIndex', fn);

const HINT = "; pass missing: 'exclude' to skip respondents with missing answers";
const fivePoint = { scale: { min: 1, max: 5 } };

describe('loyaltyIndex options', () => {
  it('refuses an aggregate other than sum or mean, and an interval method other than t', async () => {
    const { loyaltyIndex } = await loadLoyaltyIndex();
    expect(issuesOfMetric(() => loyaltyIndex([], { aggregate: 'median' } as never))).toStrictEqual([
      { code: 'invalid-value', path: ['options', 'aggregate'], message: 'expected "sum" or "mean", received "median"' },
    ]);
    expect(issuesOfMetric(() => loyaltyIndex([], { interval: { method: 'z' } } as never))).toStrictEqual([
      { code: 'invalid-value', path: ['options', 'interval', 'method'], message: 'expected "t", received "z"' },
    ]);
    const answers = [
      { recommend: 9, repurchase: 8, upsell: 6 },
      { recommend: 7, repurchase: 10, upsell: 4 },
    ];
    expect(loyaltyIndex(answers, { interval: { method: 't', level: 0.95 }, decimals: 2 }).interval).toStrictEqual({
      lower: 9.29,
      upper: 34.71,
      level: 0.95,
      method: 't',
      standardError: 1,
      clamped: false,
    });
  });
});

describe('loyaltyIndex answers', () => {
  it('hints at missing: exclude for a missing answer by default, and skips the respondent under it', async () => {
    const { loyaltyIndex } = await loadLoyaltyIndex();
    expect(issuesOfMetric(() => loyaltyIndex([{ recommend: null, repurchase: 1, upsell: 1 }] as never))).toStrictEqual([
      { code: 'missing-value', path: ['answers', 0, 'recommend'], message: `expected an integer from 0 to 10, received null${HINT}` },
    ]);
    const r = loyaltyIndex(
      [
        { recommend: null, repurchase: 1, upsell: 1 },
        { recommend: 2, repurchase: 3, upsell: 4 },
      ] as never,
      { missing: 'exclude' },
    );
    expect(r).toMatchObject({ metric: 'loyaltyIndex', value: 9, total: 1, excluded: 1 });
  });

  it('refuses an answer below the scale when every other answer is on it', async () => {
    const { loyaltyIndex } = await loadLoyaltyIndex();
    expect(issuesOfMetric(() => loyaltyIndex([{ recommend: 0, repurchase: 3, upsell: 5 }], fivePoint))).toStrictEqual([
      { code: 'out-of-range', path: ['answers', 0, 'recommend'], message: 'expected an integer from 1 to 5, received 0' },
    ]);
    expect(issuesOfMetric(() => loyaltyIndex([{ recommend: 1, repurchase: 3, upsell: 6 }], fivePoint))).toStrictEqual([
      { code: 'out-of-range', path: ['answers', 0, 'upsell'], message: 'expected an integer from 1 to 5, received 6' },
    ]);
    expect(loyaltyIndex([{ recommend: 1, repurchase: 3, upsell: 5 }], fivePoint)).toMatchObject({ value: 9, recommend: 1, upsell: 5 });
  });

  it('refuses a bad answer beside a missing one under exclude, whichever question it answers', async () => {
    const { loyaltyIndex } = await loadLoyaltyIndex();
    const exclude = { missing: 'exclude' } as const;
    expect(issuesOfMetric(() => loyaltyIndex([{ recommend: 11, repurchase: null, upsell: 3 }] as never, exclude))).toStrictEqual([
      { code: 'out-of-range', path: ['answers', 0, 'recommend'], message: 'expected an integer from 0 to 10, received 11' },
    ]);
    expect(issuesOfMetric(() => loyaltyIndex([{ recommend: Number.NaN, repurchase: -1, upsell: 3 }], exclude))).toStrictEqual([
      { code: 'out-of-range', path: ['answers', 0, 'repurchase'], message: 'expected an integer from 0 to 10, received -1' },
    ]);
    expect(issuesOfMetric(() => loyaltyIndex([{ recommend: 4, repurchase: undefined, upsell: 2.5 }] as never, exclude))).toStrictEqual([
      { code: 'out-of-range', path: ['answers', 0, 'upsell'], message: 'expected an integer from 0 to 10, received 2.5' },
    ]);
    expect(issuesOfMetric(() => loyaltyIndex([{ recommend: 11, repurchase: 3, upsell: null }] as never, exclude))).toStrictEqual([
      { code: 'out-of-range', path: ['answers', 0, 'recommend'], message: 'expected an integer from 0 to 10, received 11' },
    ]);
  });

  it('refuses a respondent whose answers change between reads', async () => {
    const { loyaltyIndex } = await loadLoyaltyIndex();
    let reads = 0;
    const shifting = {
      get recommend() {
        reads++;
        return reads === 1 ? 11 : 5;
      },
      repurchase: 1,
      upsell: 1,
    };
    expect(issuesOfMetric(() => loyaltyIndex([shifting]))).toStrictEqual([
      { code: 'invalid-value', path: ['answers', 0], message: 'expected an integer from 0 to 10 for each question' },
    ]);
  });
});

describe('loyaltyIndex tallies', () => {
  it('says what a tally and its sums must be', async () => {
    const { loyaltyIndexFromCounts } = await loadLoyaltyIndex();
    expect(issuesOfMetric(() => loyaltyIndexFromCounts(5 as never))).toStrictEqual([
      { code: 'invalid-type', path: ['counts'], message: 'expected a loyalty-index tally, received 5' },
    ]);
    expect(issuesOfMetric(() => loyaltyIndexFromCounts({ respondents: 1, sums: 5 } as never))).toStrictEqual([
      { code: 'invalid-type', path: ['counts', 'sums'], message: 'expected { recommend, repurchase, upsell }, received 5' },
    ]);
  });

  it('takes sums from n min to n max of the scale, and refuses sums beyond them', async () => {
    const { loyaltyIndexFromCounts } = await loadLoyaltyIndex();
    const tally = (recommend: number, repurchase: number) => ({ respondents: 2, sums: { recommend, repurchase, upsell: 6 } });
    expect(issuesOfMetric(() => loyaltyIndexFromCounts(tally(1, 6), fivePoint))).toStrictEqual([
      { code: 'inconsistent', path: ['counts', 'sums', 'recommend'], message: 'expected a sum from 2 to 10 for 2 respondents, received 1' },
    ]);
    expect(issuesOfMetric(() => loyaltyIndexFromCounts(tally(6, 11), fivePoint))).toStrictEqual([
      { code: 'inconsistent', path: ['counts', 'sums', 'repurchase'], message: 'expected a sum from 2 to 10 for 2 respondents, received 11' },
    ]);
    expect(loyaltyIndexFromCounts(tally(2, 10), fivePoint)).toMatchObject({ value: 9, recommend: 1, repurchase: 5, upsell: 3, variance: null });
  });

  it('refuses a sum of squared totals its sums cannot give, and a tally without one when an interval is asked for', async () => {
    const { loyaltyIndexFromCounts } = await loadLoyaltyIndex();
    const sums = { recommend: 2, repurchase: 10, upsell: 10 };
    expect(issuesOfMetric(() => loyaltyIndexFromCounts({ respondents: 2, sums, sumOfSquaredTotals: 241 }, fivePoint))).toStrictEqual([
      {
        code: 'inconsistent',
        path: ['counts', 'sumOfSquaredTotals'],
        message: 'expected a sum of squared totals that 2 respondents with these sums could give, received 241',
      },
    ]);
    expect(issuesOfMetric(() => loyaltyIndexFromCounts({ respondents: 2, sums }, { ...fivePoint, interval: true }))).toStrictEqual([
      {
        code: 'missing-value',
        path: ['counts', 'sumOfSquaredTotals'],
        message: 'expected sumOfSquaredTotals, which an interval needs, received undefined',
      },
    ]);
    // Two respondents answering 1, 5, 5: totals 11 and 11, no spread.
    expect(loyaltyIndexFromCounts({ respondents: 2, sums, sumOfSquaredTotals: 242 }, fivePoint)).toMatchObject({ value: 11, variance: 0 });
  });

  it('keeps the excluded count of a tally, 0 when it has none', async () => {
    const { loyaltyIndexCounts, loyaltyIndexFromCounts } = await loadLoyaltyIndex();
    const counts = loyaltyIndexCounts([{ recommend: 9, repurchase: 8, upsell: 6 }, null] as never, { missing: 'exclude' });
    expect(counts).toStrictEqual({
      metric: 'loyaltyIndex',
      respondents: 1,
      sums: { recommend: 9, repurchase: 8, upsell: 6 },
      sumOfSquaredTotals: 529,
      excluded: 1,
    });
    expect(loyaltyIndexFromCounts(counts)).toMatchObject({ metric: 'loyaltyIndex', value: 23, excluded: 1 });
    expect(loyaltyIndexFromCounts({ respondents: 1, sums: { recommend: 9, repurchase: 8, upsell: 6 } }).excluded).toBe(0);
  });

  it('has no interval for fewer than two respondents, whatever the aggregate', async () => {
    const { loyaltyIndexFromCounts } = await loadLoyaltyIndex();
    const one = { respondents: 1, sums: { recommend: 9, repurchase: 8, upsell: 6 }, sumOfSquaredTotals: 529 };
    expect(loyaltyIndexFromCounts(one, { interval: true }).interval).toBeNull();
    expect(loyaltyIndexFromCounts(one, { interval: true, aggregate: 'mean' }).interval).toBeNull();
    const none = { respondents: 0, sums: { recommend: 0, repurchase: 0, upsell: 0 }, sumOfSquaredTotals: 0 };
    expect(loyaltyIndexFromCounts(none, { interval: true, aggregate: 'mean' })).toMatchObject({ value: null, interval: null, variance: null });
  });
});

describe('a respondent parsed from JSON with a "__proto__" key', () => {
  it('is checked on its answers under missing: exclude, as under the default', async () => {
    const { loyaltyIndex } = await import('../../src/index.js');
    const respondent = JSON.parse('{"recommend":11,"repurchase":null,"upsell":3,"__proto__":{"x":1}}');
    for (const missing of ['exclude', 'error'] as const) {
      let path: unknown;
      try {
        loyaltyIndex([respondent], { missing });
      } catch (error) {
        path = (error as { issues: { path: unknown }[] }).issues[0]!.path;
      }
      expect(path).toEqual(missing === 'exclude' ? ['answers', 0, 'recommend'] : ['answers', 0, expect.any(String)]);
    }
  });
});
