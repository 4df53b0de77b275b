import { describe, expect, it } from 'vitest';
import { churnToAnnual, churnToMonthly, customerChurn, mrrMovements } from '../../src/index.js';
import { expectMetricsError } from '../helpers/errors.js';
import { churnConversionVectors, customerChurnVectors } from '../vectors/revenue.js';

const M = 'customerChurn';

describe('customerChurn: documented examples', () => {
  it('repeats the TSDoc examples', () => {
    expect(customerChurn({ customersAtStart: 200, customersLost: 9 }).value).toBe(4.5);
    expect(customerChurn({ customersAtStart: 200, customersLost: 9, customersAdded: 25 }, { denominator: 'start-plus-added' }).value).toBe(4);
    expect(customerChurn({ customersAtStart: 0, customersLost: 0 }).value).toBe(null);
    expectMetricsError(() => customerChurn({ customersAtStart: 10, customersLost: 11 }), M, ['counts', 'customersLost'], 'inconsistent');
    expect(customerChurn({ customersAtStart: 200, customersLost: 9 }).warnings.map((w) => w.code)).toStrictEqual(['small-sample']);
    expect(customerChurn({ customersAtStart: 2000, customersLost: 90 }, { interval: true, decimals: 2 }).interval).toStrictEqual({
      lower: 3.68,
      upper: 5.5,
      level: 0.95,
      method: 'wilson',
      standardError: null,
      clamped: false,
    });
  });
});

describe('customerChurn: reference vectors', () => {
  it.each(customerChurnVectors.map((v) => [v.name, v] as const))('%s', (_name, v) => {
    const r = customerChurn(v.input, v.options);
    expect({ value: r.value, total: r.total }).toStrictEqual(v.expected);
  });
});

describe('customerChurn: results', () => {
  it('returns the whole skeleton', () => {
    expect(customerChurn({ customersAtStart: 200, customersLost: 9 })).toStrictEqual({
      metric: 'customerChurn',
      unit: 'percent',
      value: 4.5,
      denominator: 'start',
      total: 200,
      customersAtStart: 200,
      customersLost: 9,
      customersAdded: null,
      warnings: [{ code: 'small-sample', message: expect.any(String) }],
    });
  });

  it('adds the interval before the warnings only when asked for', () => {
    const r = customerChurn({ customersAtStart: 2000, customersLost: 90 }, { interval: true, decimals: 2 });
    expect(r).toStrictEqual({
      metric: 'customerChurn',
      unit: 'percent',
      value: 4.5,
      denominator: 'start',
      total: 2000,
      customersAtStart: 2000,
      customersLost: 90,
      customersAdded: null,
      interval: { lower: 3.68, upper: 5.5, level: 0.95, method: 'wilson', standardError: null, clamped: false },
      warnings: [],
    });
    expect(Object.keys(r).slice(-2)).toStrictEqual(['interval', 'warnings']);
    expect('interval' in customerChurn({ customersAtStart: 2000, customersLost: 90 })).toBe(false);
    expect('interval' in customerChurn({ customersAtStart: 2000, customersLost: 90 }, { interval: false })).toBe(false);
    expect(customerChurn({ customersAtStart: 0, customersLost: 0 }, { interval: true })).toMatchObject({ value: null, interval: null, warnings: [] });
  });

  it('puts the interval on the denominator in use', () => {
    // 2 lost of 40 + 10: 4% on 50 customers, Clopper-Pearson as R's binom.test(2, 50).
    const r = customerChurn(
      { customersAtStart: 40, customersLost: 2, customersAdded: 10 },
      { denominator: 'start-plus-added', interval: { method: 'clopper-pearson' } },
    );
    expect(r.value).toBe(4);
    expect(r.interval).toStrictEqual(customerChurn({ customersAtStart: 50, customersLost: 2 }, { interval: { method: 'clopper-pearson' } }).interval);
  });

  it('warns on small counts by the proportion rule', () => {
    const codes = (c: { customersAtStart: number; customersLost: number }) => customerChurn(c).warnings.map((w) => w.code);
    expect(codes({ customersAtStart: 29, customersLost: 14 })).toStrictEqual(['small-sample']);
    expect(codes({ customersAtStart: 30, customersLost: 10 })).toStrictEqual([]);
    expect(codes({ customersAtStart: 30, customersLost: 9 })).toStrictEqual(['small-sample']);
    expect(codes({ customersAtStart: 30, customersLost: 21 })).toStrictEqual(['small-sample']);
    expect(codes({ customersAtStart: 0, customersLost: 0 })).toStrictEqual([]);
    const wald = customerChurn({ customersAtStart: 500, customersLost: 0 }, { interval: { method: 'wald' } });
    expect(wald.interval).toMatchObject({ lower: 0, upper: 0 });
    expect(wald.warnings.map((w) => w.code)).toStrictEqual(['small-sample', 'degenerate-wald']);
  });

  it('handles every boundary', () => {
    expect(customerChurn({ customersAtStart: 10, customersLost: 0 }).value).toBe(0);
    expect(customerChurn({ customersAtStart: 10, customersLost: 10 }).value).toBe(100);
    expect(customerChurn({ customersAtStart: 1, customersLost: 1 }).value).toBe(100);
    // Start plus added: customers who joined and left count in both numerator and denominator.
    expect(customerChurn({ customersAtStart: 0, customersLost: 2, customersAdded: 4 }, { denominator: 'start-plus-added' }).value).toBe(50);
    expect(customerChurn({ customersAtStart: 10, customersLost: 15, customersAdded: 5 }, { denominator: 'start-plus-added' }).value).toBe(100);
    expect(customerChurn({ customersAtStart: 0, customersLost: 0, customersAdded: 0 }, { denominator: 'start-plus-added' }).value).toBe(null);
  });

  it('rounds as asked', () => {
    expect(customerChurn({ customersAtStart: 3, customersLost: 1 }, { decimals: 2 }).value).toBe(33.33);
    // 1 / 8 = 12.5
    expect(customerChurn({ customersAtStart: 8, customersLost: 1 }, { decimals: 0 }).value).toBe(13);
    expect(customerChurn({ customersAtStart: 8, customersLost: 1 }, { decimals: 0, rounding: 'half-even' }).value).toBe(12);
  });

  it('takes an mrrMovements tally', () => {
    const m = mrrMovements([
      { id: 1, startMrr: 10, endMrr: 0 },
      { id: 2, startMrr: 10, endMrr: 10 },
      { id: 3, startMrr: 0, endMrr: 10 },
    ]);
    expect(customerChurn(m)).toMatchObject({ value: 50, total: 2, customersAdded: 1 });
    expect(customerChurn(m, { denominator: 'start-plus-added' })).toMatchObject({ value: 100 / 3, total: 3 });
  });

  it('reads frozen input and returns a frozen result', () => {
    const r = customerChurn(Object.freeze({ customersAtStart: 4, customersLost: 1 }));
    expect(r.value).toBe(25);
    expect(Object.isFrozen(r)).toBe(true);
  });
});

describe('customerChurn: invalid input', () => {
  it('rejects bad counts at their field', () => {
    expectMetricsError(() => customerChurn({ customersAtStart: -1, customersLost: 0 }), M, ['counts', 'customersAtStart'], 'out-of-range');
    expectMetricsError(() => customerChurn({ customersAtStart: 1.5, customersLost: 0 }), M, ['counts', 'customersAtStart'], 'out-of-range');
    expectMetricsError(() => customerChurn({ customersAtStart: 1, customersLost: '1' } as never), M, ['counts', 'customersLost'], 'invalid-type');
    expectMetricsError(() => customerChurn({ customersAtStart: 1 } as never), M, ['counts', 'customersLost'], 'missing-value');
    expectMetricsError(() => customerChurn({ customersAtStart: 1, customersLost: 0, customersAdded: NaN }), M, ['counts', 'customersAdded'], 'missing-value');
    expectMetricsError(() => customerChurn({ customersAtStart: 1, customersLost: 0, lost: 1 } as never), M, ['counts', 'lost'], 'unknown-key');
  });

  it('rejects more customers lost than the denominator holds', () => {
    expectMetricsError(() => customerChurn({ customersAtStart: 10, customersLost: 11, customersAdded: 5 }), M, ['counts', 'customersLost'], 'inconsistent');
    expectMetricsError(
      () => customerChurn({ customersAtStart: 10, customersLost: 16, customersAdded: 5 }, { denominator: 'start-plus-added' }),
      M,
      ['counts', 'customersLost'],
      'inconsistent',
    );
    expectMetricsError(() => customerChurn({ customersAtStart: 0, customersLost: 1 }), M, ['counts', 'customersLost'], 'inconsistent');
  });

  it("requires customersAdded under 'start-plus-added'", () => {
    expectMetricsError(
      () => customerChurn({ customersAtStart: 10, customersLost: 1 }, { denominator: 'start-plus-added' }),
      M,
      ['counts', 'customersAdded'],
      'missing-value',
    );
  });

  it('rejects bad options', () => {
    expectMetricsError(
      () => customerChurn({ customersAtStart: 1, customersLost: 0 }, { denominator: 'end' } as never),
      M,
      ['options', 'denominator'],
      'invalid-value',
    );
    expectMetricsError(() => customerChurn({ customersAtStart: 1, customersLost: 0 }, { decimals: -1 }), M, ['options', 'decimals'], 'out-of-range');
    expectMetricsError(
      () => customerChurn({ customersAtStart: 1, customersLost: 0 }, { interval: { method: 't' } } as never),
      M,
      ['options', 'interval', 'method'],
      'invalid-value',
    );
    expectMetricsError(
      () => customerChurn({ customersAtStart: 1, customersLost: 0 }, { interval: { level: 1 } }),
      M,
      ['options', 'interval', 'level'],
      'out-of-range',
    );
    expectMetricsError(
      () => customerChurn({ customersAtStart: 1, customersLost: 0 }, { interval: { level: 0.9, seed: 1 } } as never),
      M,
      ['options', 'interval', 'seed'],
      'unknown-key',
    );
    expectMetricsError(
      () => customerChurn({ customersAtStart: 1, customersLost: 0 }, { interval: 'wilson' } as never),
      M,
      ['options', 'interval'],
      'invalid-value',
    );
  });
});

describe('churnToAnnual and churnToMonthly', () => {
  it('repeat the TSDoc examples', () => {
    expect(churnToAnnual(5, { decimals: 2 }).value).toBe(45.96);
    expect(churnToAnnual(5).value).toBe(45.9639912337363);
    expect(churnToAnnual(100).value).toBe(100);
    expectMetricsError(() => churnToAnnual(120), 'churnToAnnual', ['monthlyPercent'], 'out-of-range');
    expect(churnToMonthly(45.9639912337363, { decimals: 10 }).value).toBe(5);
    expect(churnToMonthly(50, { decimals: 4 }).value).toBe(5.6126);
    expect(churnToMonthly(0).value).toBe(0);
  });

  it.each(churnConversionVectors.map((v) => [v.name, v] as const))('vector: %s', (_name, v) => {
    const o = v.decimals === undefined ? {} : { decimals: v.decimals };
    expect(churnToAnnual(v.monthly, o)).toStrictEqual({ metric: 'churnToAnnual', unit: 'percent', value: v.annual, warnings: [] });
  });

  it('are conversions, not estimates: no warnings, no interval option', () => {
    expect(churnToMonthly(50)).toStrictEqual({ metric: 'churnToMonthly', unit: 'percent', value: churnToMonthly(50).value, warnings: [] });
    expectMetricsError(() => churnToAnnual(5, { interval: true } as never), 'churnToAnnual', ['options', 'interval'], 'unknown-key');
  });

  it('handle the ends of the range', () => {
    expect(churnToAnnual(0).value).toBe(0);
    expect(churnToMonthly(100).value).toBe(100);
    expect(churnToMonthly(100 * (1 - 0.5 ** 12)).value).toBe(50);
  });

  it('keep the precision of tiny rates (no cancellation in 1 - (1 - x))', () => {
    expect(churnToAnnual(1e-300).value).toBe(1.2e-299);
    expect(churnToMonthly(1.2e-299).value).toBe(1e-300);
    expect(churnToAnnual(Number.MIN_VALUE).value).toBe(12 * Number.MIN_VALUE);
  });

  it('reject bad rates and options', () => {
    expectMetricsError(() => churnToAnnual(-0.1), 'churnToAnnual', ['monthlyPercent'], 'out-of-range');
    expectMetricsError(() => churnToAnnual(NaN), 'churnToAnnual', ['monthlyPercent'], 'missing-value');
    expectMetricsError(() => churnToAnnual('5' as never), 'churnToAnnual', ['monthlyPercent'], 'invalid-type');
    expectMetricsError(() => churnToMonthly(Infinity), 'churnToMonthly', ['annualPercent'], 'out-of-range');
    expectMetricsError(() => churnToMonthly(101), 'churnToMonthly', ['annualPercent'], 'out-of-range');
    expectMetricsError(() => churnToMonthly(5, { denominator: 'start' } as never), 'churnToMonthly', ['options', 'denominator'], 'unknown-key');
  });
});
