import { describe, expect, it } from 'vitest';
import { mergeCounts, repurchaseRate, repurchaseRateCounts, repurchaseRateFromCounts } from '../../src/index.js';
import { expectMetricsError } from '../helpers/errors.js';
import { repurchaseVectors } from '../vectors/revenue.js';

const M = 'repurchaseRate';

describe('repurchaseRate: documented examples', () => {
  it('repeats the TSDoc examples', () => {
    expect(repurchaseRate([1, 2, 5, 1]).value).toBe(50);
    expect(repurchaseRate([1, 2, 5, 1], { method: 'repurchases' }).value).toBe(1.25);
    expect(repurchaseRate(new Uint8Array([0, 1, 3])).repeatPurchases).toBe(2);
    expect(repurchaseRate([]).value).toBe(null);
    expectMetricsError(() => repurchaseRate([1, -1]), M, ['purchasesPerCustomer', 1], 'out-of-range');
    expect(repurchaseRateCounts([1, 2, 5, 1])).toStrictEqual({ metric: 'repurchaseRate', purchases: { 1: 2, 2: 1, 5: 1 } });
    const counts = { purchases: { 5: 30, 3: 15, 1: 55 } };
    expect(repurchaseRateFromCounts(counts, { method: 'repurchases' }).value).toBe(1.5);
    expect(repurchaseRateFromCounts(counts).value).toBe(45);
    expect(repurchaseRate([1, 2, 5, 1], { interval: { method: 'jeffreys' }, decimals: 1 }).interval).toStrictEqual({
      lower: 12.3,
      upper: 87.7,
      level: 0.95,
      method: 'jeffreys',
      standardError: null,
      clamped: false,
    });
    expectMetricsError(() => repurchaseRate([1, 2, 5, 1], { method: 'repurchases', interval: true }), M, ['options', 'interval'], 'inconsistent');
  });
});

describe('repurchaseRate: reference vectors', () => {
  it.each(repurchaseVectors.map((v) => [v.name, v] as const))('%s', (_name, v) => {
    const r = repurchaseRateFromCounts({ purchases: v.input }, v.options);
    expect({ value: r.value, unit: r.unit }).toStrictEqual(v.expected);
    // The same customers, one element each.
    const raw = Object.entries(v.input).flatMap(([k, n]) => Array<number>(n).fill(Number(k)));
    expect(repurchaseRate(raw, v.options)).toStrictEqual(r);
  });
});

describe('repurchaseRate: results', () => {
  it('returns the whole skeleton for both methods', () => {
    expect(repurchaseRate([0, 1, 2, 4])).toStrictEqual({
      metric: 'repurchaseRate',
      unit: 'percent',
      value: 50,
      method: 'customers',
      total: 4,
      repeatCustomers: 2,
      repeatPurchases: 4,
      warnings: [{ code: 'small-sample', message: expect.any(String) }],
    });
    expect(repurchaseRate([0, 1, 2, 4], { method: 'repurchases' })).toStrictEqual({
      metric: 'repurchaseRate',
      unit: 'ratio',
      value: 1,
      method: 'repurchases',
      total: 4,
      repeatCustomers: 2,
      repeatPurchases: 4,
      warnings: [{ code: 'small-sample', message: expect.any(String) }],
    });
  });

  it("adds the interval of the customers' share before the warnings only when asked for", () => {
    const counts = { purchases: { 5: 30, 3: 15, 1: 55 } };
    const r = repurchaseRateFromCounts(counts, { interval: true, decimals: 2 });
    expect(r).toStrictEqual({
      metric: 'repurchaseRate',
      unit: 'percent',
      value: 45,
      method: 'customers',
      total: 100,
      repeatCustomers: 45,
      repeatPurchases: 150,
      interval: { lower: 35.61, upper: 54.76, level: 0.95, method: 'wilson', standardError: null, clamped: false },
      warnings: [],
    });
    expect(Object.keys(r).slice(-2)).toStrictEqual(['interval', 'warnings']);
    expect('interval' in repurchaseRateFromCounts(counts)).toBe(false);
    expect('interval' in repurchaseRateFromCounts(counts, { method: 'repurchases', interval: false })).toBe(false);
    expect(repurchaseRate([], { interval: true })).toMatchObject({ value: null, interval: null, warnings: [] });
    // Customers with no purchase count in the denominator: 2 repeat of 40.
    const withNone = repurchaseRateFromCounts({ purchases: { 0: 20, 1: 18, 2: 2 } }, { interval: { method: 'clopper-pearson' } });
    expect(withNone.interval).toStrictEqual(repurchaseRateFromCounts({ purchases: { 1: 38, 3: 2 } }, { interval: { method: 'clopper-pearson' } }).interval);
  });

  it('warns by the proportion rule for customers, by the count of customers for repurchases', () => {
    const codes = (p: Record<string, number>, o = {}) => repurchaseRateFromCounts({ purchases: p }, o).warnings.map((w) => w.code);
    expect(codes({ 1: 20, 2: 9 })).toStrictEqual(['small-sample']);
    expect(codes({ 1: 20, 2: 10 })).toStrictEqual([]);
    expect(codes({ 1: 9, 2: 21 })).toStrictEqual(['small-sample']);
    expect(codes({ 1: 29, 2: 1 }, { method: 'repurchases' })).toStrictEqual([]);
    expect(codes({ 1: 28, 2: 1 }, { method: 'repurchases' })).toStrictEqual(['small-sample']);
    expect(codes({})).toStrictEqual([]);
    expect(codes({}, { method: 'repurchases' })).toStrictEqual([]);
  });

  it('handles every boundary: 0, 1 and 2 purchases, one customer, none', () => {
    expect(repurchaseRate([0]).value).toBe(0);
    expect(repurchaseRate([1]).value).toBe(0);
    expect(repurchaseRate([2]).value).toBe(100);
    expect(repurchaseRate([2], { method: 'repurchases' }).value).toBe(1);
    expect(repurchaseRate([0], { method: 'repurchases' }).value).toBe(0);
    expect(repurchaseRate([], { method: 'repurchases' })).toMatchObject({ value: null, unit: 'ratio', total: 0 });
    expect(repurchaseRateFromCounts({ purchases: {} }).value).toBe(null);
  });

  it('counts large purchase numbers exactly', () => {
    expect(repurchaseRate([255, 256, 1_000_000]).repeatPurchases).toBe(254 + 255 + 999_999);
    expect(repurchaseRateCounts([300, 2, 300])).toStrictEqual({ metric: 'repurchaseRate', purchases: { 2: 1, 300: 2 } });
  });

  it('rounds as asked', () => {
    expect(repurchaseRate([2, 1, 1], { decimals: 1 }).value).toBe(33.3);
    expect(repurchaseRate([2, 1, 1], { method: 'repurchases', decimals: 3 }).value).toBe(0.333);
    // 1 / 8 = 12.5%
    expect(repurchaseRate([2, 1, 1, 1, 1, 1, 1, 1], { decimals: 0, rounding: 'half-even' }).value).toBe(12);
  });

  it('accepts typed arrays of every kind', () => {
    const p = [0, 1, 2, 5, 1];
    const expected = repurchaseRate(p);
    for (const T of [Uint8Array, Int8Array, Uint8ClampedArray, Int16Array, Uint16Array, Int32Array, Uint32Array, Float32Array, Float64Array]) {
      expect(repurchaseRate(new T(p))).toStrictEqual(expected);
    }
  });

  it('reads frozen input and returns frozen results', () => {
    const p = Object.freeze([1, 3]);
    expect(repurchaseRate(p).value).toBe(50);
    expect(Object.isFrozen(repurchaseRate(p))).toBe(true);
    expect(Object.isFrozen(repurchaseRateCounts(p).purchases)).toBe(true);
  });

  it('merges tallies with mergeCounts', () => {
    const merged = mergeCounts(repurchaseRateCounts([1, 2, 300]), repurchaseRateCounts([2, 0]));
    expect(merged).toStrictEqual(repurchaseRateCounts([1, 2, 300, 2, 0]));
    expect(repurchaseRateFromCounts(merged)).toStrictEqual(repurchaseRate([1, 2, 300, 2, 0]));
  });
});

describe('repurchaseRate: invalid input', () => {
  it('rejects bad elements at their index', () => {
    expectMetricsError(() => repurchaseRate([1, 2.5]), M, ['purchasesPerCustomer', 1], 'out-of-range');
    expectMetricsError(() => repurchaseRate([1, Infinity]), M, ['purchasesPerCustomer', 1], 'out-of-range');
    expectMetricsError(() => repurchaseRate([1, 2 ** 53]), M, ['purchasesPerCustomer', 1], 'out-of-range');
    expectMetricsError(() => repurchaseRate([1, NaN]), M, ['purchasesPerCustomer', 1], 'missing-value');
    expectMetricsError(() => repurchaseRate([null] as never), M, ['purchasesPerCustomer', 0], 'missing-value');
    expectMetricsError(() => repurchaseRate(['2'] as never), M, ['purchasesPerCustomer', 0], 'invalid-type');
    expectMetricsError(() => repurchaseRate(new Int16Array([3, -3])), M, ['purchasesPerCustomer', 1], 'out-of-range');
    expectMetricsError(() => repurchaseRate(new Float32Array([1, 0.5])), M, ['purchasesPerCustomer', 1], 'out-of-range');
    expectMetricsError(() => repurchaseRate('12' as never), M, ['purchasesPerCustomer'], 'invalid-type');
  });

  it('rejects bad tallies and options', () => {
    expectMetricsError(() => repurchaseRateFromCounts({ purchases: { 1.5: 2 } }), M, ['counts', 'purchases', '1.5'], 'invalid-value');
    expectMetricsError(() => repurchaseRateFromCounts({ purchases: { 2: -1 } }), M, ['counts', 'purchases', '2'], 'out-of-range');
    expectMetricsError(() => repurchaseRateFromCounts({ purchases: { 2: 1 }, total: 1 } as never), M, ['counts', 'total'], 'unknown-key');
    expectMetricsError(() => repurchaseRateFromCounts({ metric: 'nps', purchases: {} } as never), M, ['counts', 'metric']);
    expectMetricsError(() => repurchaseRateFromCounts({ purchases: { [2 ** 40]: 2 ** 20 } }), M, ['counts', 'purchases'], 'out-of-range');
    expectMetricsError(() => repurchaseRate([1], { method: 'times' } as never), M, ['options', 'method'], 'invalid-value');
    expectMetricsError(() => repurchaseRateCounts([1], { methods: 'customers' } as never), M, ['options', 'methods'], 'unknown-key');
  });

  it("rejects an interval with method: 'repurchases', a ratio with no interval", () => {
    expectMetricsError(() => repurchaseRate([1, 2], { method: 'repurchases', interval: true }), M, ['options', 'interval'], 'inconsistent');
    expectMetricsError(() => repurchaseRateCounts([1, 2], { method: 'repurchases', interval: { level: 0.9 } }), M, ['options', 'interval'], 'inconsistent');
    expectMetricsError(
      () => repurchaseRateFromCounts({ purchases: {} }, { method: 'repurchases', interval: { method: 'wald' } }),
      M,
      ['options', 'interval'],
      'inconsistent',
    );
    expectMetricsError(() => repurchaseRate([1], { interval: { level: 95 } }), M, ['options', 'interval', 'level'], 'out-of-range');
    expectMetricsError(() => repurchaseRate([1], { interval: { method: 'repurchases' } } as never), M, ['options', 'interval', 'method'], 'invalid-value');
  });
});
