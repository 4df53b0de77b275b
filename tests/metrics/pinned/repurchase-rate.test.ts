/**
 * repurchaseRate: both methods, the wording of every refusal, which keys a
 * tally may have, repeat purchases at 2^53, purchase counts of 256 and more
 * in typed arrays, and the order of the keys of a tally.
 *
 * Schemas are built on first use, once per module, and the first test is
 * that first use: it reads every option and refuses every kind of argument,
 * so that a schema built wrong fails it.
 */
import { describe, expect, it } from 'vitest';
import { isMetricsError, type MetricsIssue, repurchaseRate, repurchaseRateCounts, repurchaseRateFromCounts } from '../../../src/index.js';

const EXPECTED = 'a number of purchases (an integer >= 0)';

/** What `fn` throws for repurchaseRate: every issue. */
function issuesOf(fn: () => unknown): readonly MetricsIssue[] {
  try {
    fn();
  } catch (e) {
    if (isMetricsError(e) && e.metric === 'repurchaseRate') return e.issues;
    throw e;
  }
  throw new Error('expected a MetricsError');
}

describe('repurchaseRate: arguments', () => {
  it("reads method 'customers' and 'repurchases', and words every refusal", () => {
    const counts = { purchases: { 5: 30, 3: 15, 1: 55 } };
    expect(repurchaseRateFromCounts(counts, { method: 'customers', decimals: 0 }).value).toBe(45);
    expect(repurchaseRateFromCounts(counts, { method: 'repurchases', rounding: 'half-even' }).value).toBe(1.5);
    expect(issuesOf(() => repurchaseRate([1], { method: 'times' } as never))).toStrictEqual([
      { code: 'invalid-value', path: ['options', 'method'], message: 'expected "customers" or "repurchases", received "times"' },
    ]);
    expect(issuesOf(() => repurchaseRate([1, 2], { method: 'repurchases', interval: true }))).toStrictEqual([
      {
        code: 'inconsistent',
        path: ['options', 'interval'],
        message: "expected no interval with method: 'repurchases' (a ratio of purchases per customer, not a proportion), received an interval option",
      },
    ]);
    expect(issuesOf(() => repurchaseRateFromCounts(5 as never))).toStrictEqual([
      { code: 'invalid-type', path: ['counts'], message: 'expected a repurchaseRate tally { purchases: { [purchases]: customers } }, received 5' },
    ]);
    expect(issuesOf(() => repurchaseRateFromCounts({ purchases: 5 } as never))).toStrictEqual([
      {
        code: 'invalid-type',
        path: ['counts', 'purchases'],
        message: 'expected an object from number of purchases to number of customers, received 5',
      },
    ]);
    expect(issuesOf(() => repurchaseRateFromCounts({ metric: 'nps', purchases: {} } as never))).toStrictEqual([
      { code: 'invalid-value', path: ['counts', 'metric'], message: 'expected "repurchaseRate", received "nps"' },
    ]);
    expect(issuesOf(() => repurchaseRate('12' as never))).toStrictEqual([
      { code: 'invalid-type', path: ['purchasesPerCustomer'], message: 'expected an array or a typed array of purchase counts, received "12"' },
    ]);
    expect(issuesOf(() => repurchaseRate([1, -1]))).toStrictEqual([
      { code: 'out-of-range', path: ['purchasesPerCustomer', 1], message: `expected ${EXPECTED}, received -1` },
    ]);
  });
});

describe('repurchaseRateFromCounts: keys', () => {
  it('takes every number of purchases written as a plain integer', () => {
    expect(repurchaseRateFromCounts({ purchases: { 0: 1, 5: 2, 10: 3, 100: 4 } }, { method: 'repurchases' })).toMatchObject({
      total: 10,
      repeatCustomers: 9,
      // 4 * 2 + 9 * 3 + 99 * 4
      repeatPurchases: 431,
    });
  });

  it('refuses a key written any other way, naming it', () => {
    for (const key of ['01', '00', '1e3', '1.5', '-1', ' 1', '1 ', '0x1', '9007199254740993']) {
      expect(
        issuesOf(() => repurchaseRateFromCounts({ purchases: { [key]: 1 } })),
        key,
      ).toStrictEqual([
        { code: 'invalid-value', path: ['counts', 'purchases', key], message: `expected ${EXPECTED} as the key, received ${JSON.stringify(key)}` },
      ]);
    }
  });
});

describe('repurchaseRateFromCounts: repeat purchases at 2^53', () => {
  it('takes repeat purchases of 2^53 - 1 and refuses 2^53', () => {
    expect(repurchaseRateFromCounts({ purchases: { 2: Number.MAX_SAFE_INTEGER } }, { method: 'repurchases' })).toMatchObject({
      value: 1,
      repeatPurchases: Number.MAX_SAFE_INTEGER,
    });
    // 2^52 customers with 3 purchases: 2 * 2^52 = 2^53 repeat purchases.
    expect(issuesOf(() => repurchaseRateFromCounts({ purchases: { 3: 2 ** 52 } }))).toStrictEqual([
      { code: 'out-of-range', path: ['counts', 'purchases'], message: 'expected repeat purchases that stay below 2^53, received 9007199254740992' },
    ]);
  });
});

describe('repurchaseRateCounts: tallies', () => {
  it('counts purchase numbers of 256 and more in typed arrays', () => {
    const purchases = { 1: 1, 255: 1, 256: 2, 300: 3 };
    expect(repurchaseRateCounts(new Uint16Array([300, 256, 300, 1, 255, 256, 300]))).toStrictEqual({ metric: 'repurchaseRate', purchases });
    expect(repurchaseRateCounts(new Int32Array([300, 256, 300, 1, 255, 256, 300]))).toStrictEqual({ metric: 'repurchaseRate', purchases });
  });

  it('lists numbers of purchases in increasing order, also past 2^32', () => {
    // Keys from 2^32 - 1 on are not array indices: an object keeps them in the order they were added.
    const tally = repurchaseRateCounts([5_000_000_000, 4_294_967_296, 4_294_967_295, 300, 5_000_000_000]);
    expect(Object.keys(tally.purchases)).toStrictEqual(['300', '4294967295', '4294967296', '5000000000']);
    expect(tally.purchases).toStrictEqual({ 300: 1, 4294967295: 1, 4294967296: 1, 5000000000: 2 });
  });
});
