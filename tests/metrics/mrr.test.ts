import { describe, expect, it } from 'vitest';
import { mrrChurn, mrrMovements, netMrrChurn } from '../../src/index.js';
import { expectMetricsError } from '../helpers/errors.js';
import { mrrChurnVectors, netMrrChurnVectors } from '../vectors/revenue.js';

describe('mrrChurn: documented examples', () => {
  it('repeats the TSDoc examples', () => {
    expect(mrrChurn({ startingMrr: 100, churnedMrr: 10, contractionMrr: 10 }).value).toBe(20);
    expect(mrrChurn({ startingMrr: 100, churnedMrr: 10, contractionMrr: 10 }).includes).toStrictEqual(['churned', 'contraction']);
    expect(mrrChurn({ startingMrr: '1000.00', churnedMrr: '4.5' })).toStrictEqual({
      metric: 'mrrChurn',
      unit: 'percent',
      value: 0.45,
      includes: ['churned'],
      startingMrr: '1000.00',
      churnedMrr: '4.50',
      contractionMrr: null,
      lostMrr: '4.50',
      warnings: [],
    });
    expect(mrrChurn({ startingMrr: 0, churnedMrr: 0 }).value).toBe(null);
    expectMetricsError(() => mrrChurn({ startingMrr: 10, churnedMrr: 20 }), 'mrrChurn', ['movements', 'churnedMrr'], 'inconsistent');
    expectMetricsError(() => mrrChurn({ startingMrr: 100, churnedMrr: 1 }, { interval: true } as never), 'mrrChurn', ['options', 'interval'], 'unknown-key');
  });
});

describe('mrrChurn: reference vectors', () => {
  it.each(mrrChurnVectors.map((v) => [v.name, v] as const))('%s', (_name, v) => {
    const r = mrrChurn(v.input, v.options);
    expect({ value: r.value, lostMrr: r.lostMrr }).toStrictEqual(v.expected);
  });
});

describe('mrrChurn: results', () => {
  it('says what it includes: churned only (the sources) or churned and contraction (vendors)', () => {
    expect(mrrChurn({ startingMrr: 100, churnedMrr: 5 }).includes).toStrictEqual(['churned']);
    expect(mrrChurn({ startingMrr: 100, churnedMrr: 5, contractionMrr: 0 }).includes).toStrictEqual(['churned', 'contraction']);
    const excluded = mrrChurn({ startingMrr: 100, churnedMrr: 5, contractionMrr: 3 }, { contraction: 'exclude' });
    expect(excluded).toMatchObject({ value: 5, includes: ['churned'], contractionMrr: '3', lostMrr: '5' });
    expect(mrrChurn({ startingMrr: 100, churnedMrr: 5, contractionMrr: 3 }, { contraction: 'include' }).value).toBe(8);
  });

  it('is exact on decimal amounts, strings and numbers alike', () => {
    expect(mrrChurn({ startingMrr: 0.3, churnedMrr: 0.1, contractionMrr: 0.2 }).value).toBe(100);
    expect(mrrChurn({ startingMrr: '0.3', churnedMrr: '0.1', contractionMrr: '0.2' }).lostMrr).toBe('0.3');
    expect(mrrChurn({ startingMrr: '3', churnedMrr: '1' }).value).toBe(100 / 3);
    expect(mrrChurn({ startingMrr: '3', churnedMrr: '1' }, { decimals: 2 }).value).toBe(33.33);
  });

  it('echoes every amount with the common number of decimals', () => {
    expect(mrrChurn({ startingMrr: 1000, churnedMrr: '12.5', contractionMrr: '0.125' })).toMatchObject({
      startingMrr: '1000.000',
      churnedMrr: '12.500',
      contractionMrr: '0.125',
      lostMrr: '12.625',
    });
  });

  it('handles every boundary: nothing lost, everything lost, zero start', () => {
    expect(mrrChurn({ startingMrr: 100, churnedMrr: 0 }).value).toBe(0);
    expect(mrrChurn({ startingMrr: 100, churnedMrr: 60, contractionMrr: 40 }).value).toBe(100);
    expect(mrrChurn({ startingMrr: 0, churnedMrr: 0, contractionMrr: 0 }).value).toBe(null);
  });

  it('rounds ties as asked', () => {
    // 1 / 8 = 12.5%
    expect(mrrChurn({ startingMrr: 8, churnedMrr: 1 }, { decimals: 0 }).value).toBe(13);
    expect(mrrChurn({ startingMrr: 8, churnedMrr: 1 }, { decimals: 0, rounding: 'half-even' }).value).toBe(12);
  });

  it('reads frozen input and returns a frozen, JSON-safe result', () => {
    const input = Object.freeze({ startingMrr: '10', churnedMrr: '1' });
    const r = mrrChurn(input);
    expect(Object.isFrozen(r) && Object.isFrozen(r.includes)).toBe(true);
    expect(JSON.parse(JSON.stringify(r))).toStrictEqual(r);
  });
});

describe('mrrChurn: invalid input', () => {
  it('rejects bad amounts at their field', () => {
    expectMetricsError(() => mrrChurn({ startingMrr: -1, churnedMrr: 0 }), 'mrrChurn', ['movements', 'startingMrr'], 'out-of-range');
    expectMetricsError(() => mrrChurn({ startingMrr: '10', churnedMrr: '1e1' }), 'mrrChurn', ['movements', 'churnedMrr'], 'invalid-value');
    expectMetricsError(
      () => mrrChurn({ startingMrr: '10', churnedMrr: '1', contractionMrr: NaN }),
      'mrrChurn',
      ['movements', 'contractionMrr'],
      'missing-value',
    );
    expectMetricsError(() => mrrChurn({ startingMrr: '10' } as never), 'mrrChurn', ['movements', 'churnedMrr'], 'missing-value');
    expectMetricsError(
      () => mrrChurn({ startingMrr: '10', churnedMrr: '1', expansionMrr: '1' } as never),
      'mrrChurn',
      ['movements', 'expansionMrr'],
      'unknown-key',
    );
    expectMetricsError(() => mrrChurn(null as never), 'mrrChurn', ['movements'], 'missing-value');
    expectMetricsError(() => mrrChurn(5 as never), 'mrrChurn', ['movements'], 'invalid-type');
  });

  it('rejects a loss above starting MRR', () => {
    expectMetricsError(() => mrrChurn({ startingMrr: 10, churnedMrr: 6, contractionMrr: 5 }), 'mrrChurn', ['movements', 'contractionMrr'], 'inconsistent');
    expectMetricsError(() => mrrChurn({ startingMrr: 0, churnedMrr: '0.01' }), 'mrrChurn', ['movements', 'churnedMrr'], 'inconsistent');
  });

  it('rejects bad options', () => {
    expectMetricsError(
      () => mrrChurn({ startingMrr: 1, churnedMrr: 0 }, { contraction: 'yes' } as never),
      'mrrChurn',
      ['options', 'contraction'],
      'invalid-value',
    );
    expectMetricsError(() => mrrChurn({ startingMrr: 1, churnedMrr: 0 }, { decimal: 1 } as never), 'mrrChurn', ['options', 'decimal'], 'unknown-key');
  });

  it('checks an mrrMovements tally before using it', () => {
    const m = mrrMovements([{ id: 1, startMrr: '10.00', endMrr: '12.50' }]);
    expectMetricsError(() => mrrChurn({ ...m, endingMrr: '13.00' }), 'mrrChurn', ['movements', 'endingMrr'], 'inconsistent');
    expectMetricsError(() => mrrChurn({ ...m, customersLost: 1 }), 'mrrChurn', ['movements', 'customersLost'], 'inconsistent');
    expectMetricsError(() => mrrChurn({ ...m, churnedMrr: '-1' }), 'mrrChurn', ['movements', 'churnedMrr'], 'out-of-range');
    const { customers: _dropped, ...partial } = m;
    expectMetricsError(() => mrrChurn(partial as never), 'mrrChurn', ['movements', 'customers'], 'missing-value');
  });
});

describe('netMrrChurn: documented examples', () => {
  it('repeats the TSDoc examples', () => {
    const r = netMrrChurn({ startingMrr: 100, churnedMrr: 10, contractionMrr: 10, expansionMrr: 10 });
    expect(r.value).toBe(10);
    expect(r.netRevenueRetention).toBe(90);
    expect(r.grossRevenueRetention).toBe(80);
    expect(netMrrChurn({ startingMrr: '200', churnedMrr: '2', expansionMrr: '12' }).value).toBe(-5);
    expect(netMrrChurn({ startingMrr: '200', churnedMrr: '2', expansionMrr: '12' }).netLostMrr).toBe('-10');
  });
});

describe('netMrrChurn: reference vectors', () => {
  it.each(netMrrChurnVectors.map((v) => [v.name, v] as const))('%s', (_name, v) => {
    const r = netMrrChurn(v.input, v.options);
    expect({ value: r.value, netRevenueRetention: r.netRevenueRetention, grossRevenueRetention: r.grossRevenueRetention }).toStrictEqual(v.expected);
  });
});

describe('netMrrChurn: results', () => {
  it('returns the whole skeleton', () => {
    expect(
      netMrrChurn({ startingMrr: '2000.00', churnedMrr: '40.00', contractionMrr: '25.50', expansionMrr: '90.00', reactivationMrr: '15.50' }),
    ).toStrictEqual({
      metric: 'netMrrChurn',
      unit: 'percent',
      value: -2,
      includes: ['churned', 'contraction', 'expansion', 'reactivation'],
      netRevenueRetention: 102,
      grossRevenueRetention: 96.725,
      startingMrr: '2000.00',
      churnedMrr: '40.00',
      contractionMrr: '25.50',
      expansionMrr: '90.00',
      reactivationMrr: '15.50',
      netLostMrr: '-40.00',
      warnings: [],
    });
  });

  it('is a population figure: no interval option, never a warning', () => {
    const tiny = { startingMrr: '10.00', churnedMrr: '1.00', expansionMrr: '0.50' };
    expect(netMrrChurn(tiny).warnings).toStrictEqual([]);
    expect(mrrChurn({ startingMrr: '10.00', churnedMrr: '1.00' }).warnings).toStrictEqual([]);
    expectMetricsError(() => netMrrChurn(tiny, { interval: { level: 0.9 } } as never), 'netMrrChurn', ['options', 'interval'], 'unknown-key');
    expectMetricsError(() => mrrChurn({ startingMrr: 10, churnedMrr: 1 }, { interval: false } as never), 'mrrChurn', ['options', 'interval'], 'unknown-key');
  });

  it("reduces to the sources' definition (churned - expansion) with contraction and reactivation excluded", () => {
    const input = { startingMrr: 1000, churnedMrr: 20, contractionMrr: 30, expansionMrr: 15, reactivationMrr: 10 };
    const r = netMrrChurn(input, { contraction: 'exclude', reactivation: 'exclude' });
    expect(r).toMatchObject({ value: 0.5, includes: ['churned', 'expansion'], netLostMrr: '5', grossRevenueRetention: 98, netRevenueRetention: 99.5 });
    expect(netMrrChurn({ startingMrr: 1000, churnedMrr: 20, expansionMrr: 15 }).value).toBe(0.5);
    expect(netMrrChurn(input, { reactivation: 'exclude' }).includes).toStrictEqual(['churned', 'contraction', 'expansion']);
  });

  it('can pass -100 and NRR 200 when expansion outgrows the start', () => {
    expect(netMrrChurn({ startingMrr: 10, churnedMrr: 0, expansionMrr: 30 })).toMatchObject({
      value: -300,
      netRevenueRetention: 400,
      grossRevenueRetention: 100,
    });
  });

  it('is null with no starting MRR (reactivation alone allowed)', () => {
    expect(netMrrChurn({ startingMrr: 0, churnedMrr: 0, expansionMrr: 0, reactivationMrr: 5 })).toMatchObject({
      value: null,
      netRevenueRetention: null,
      grossRevenueRetention: null,
      netLostMrr: '-5',
    });
  });

  it('rounds each percent from the exact value, never to -0', () => {
    // net = 1/3 %, NRR = 99.666...%
    const r = netMrrChurn({ startingMrr: 300, churnedMrr: 2, expansionMrr: 1 }, { decimals: 1 });
    expect([r.value, r.netRevenueRetention, r.grossRevenueRetention]).toStrictEqual([0.3, 99.7, 99.3]);
    const zero = netMrrChurn({ startingMrr: 300, churnedMrr: 1, expansionMrr: 1 });
    expect(Object.is(zero.value, 0)).toBe(true);
    expect(Object.is(netMrrChurn({ startingMrr: 3e6, churnedMrr: 0, expansionMrr: 1 }, { decimals: 2 }).value, 0)).toBe(true);
  });
});

describe('netMrrChurn: invalid input', () => {
  it('rejects bad and inconsistent amounts', () => {
    expectMetricsError(() => netMrrChurn({ startingMrr: 10, churnedMrr: 1 } as never), 'netMrrChurn', ['movements', 'expansionMrr'], 'missing-value');
    expectMetricsError(() => netMrrChurn({ startingMrr: 10, churnedMrr: 1, expansionMrr: '-2' }), 'netMrrChurn', ['movements', 'expansionMrr'], 'out-of-range');
    expectMetricsError(() => netMrrChurn({ startingMrr: 10, churnedMrr: 11, expansionMrr: 0 }), 'netMrrChurn', ['movements', 'churnedMrr'], 'inconsistent');
    expectMetricsError(() => netMrrChurn({ startingMrr: 0, churnedMrr: 0, expansionMrr: 1 }), 'netMrrChurn', ['movements', 'expansionMrr'], 'inconsistent');
    expectMetricsError(() => netMrrChurn({ startingMrr: 1, churnedMrr: 0, expansionMrr: 0 }, { reactivation: true } as never), 'netMrrChurn', [
      'options',
      'reactivation',
    ]);
  });
});
