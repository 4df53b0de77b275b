import { describe, expect, it } from 'vitest';
import { expansionRevenue, mrrMovements } from '../../src/index.js';
import { expectMetricsError } from '../helpers/errors.js';
import { expansionRevenueVectors } from '../vectors/revenue.js';

const M = 'expansionRevenue';

describe('expansionRevenue: documented examples', () => {
  it('repeats the TSDoc examples', () => {
    expect(expansionRevenue({ startingMrr: '2000.00', expansionMrr: '150.00' }).value).toBe(7.5);
    expect(expansionRevenue({ startingMrr: 0.3, expansionMrr: 0.1 }, { decimals: 2 }).value).toBe(33.33);
  });
});

describe('expansionRevenue: reference vectors', () => {
  it.each(expansionRevenueVectors.map((v) => [v.name, v] as const))('%s', (_name, v) => {
    expect({ value: expansionRevenue(v.input).value }).toStrictEqual(v.expected);
  });
});

describe('expansionRevenue: results', () => {
  it('returns the whole skeleton with amounts at the common scale', () => {
    expect(expansionRevenue({ startingMrr: 2000, expansionMrr: '90.5' })).toStrictEqual({
      metric: 'expansionRevenue',
      unit: 'percent',
      value: 4.525,
      startingMrr: '2000.0',
      expansionMrr: '90.5',
      warnings: [],
    });
  });

  it('is a population figure: no interval option, never a warning', () => {
    expect(expansionRevenue({ startingMrr: '3', expansionMrr: '1' }).warnings).toStrictEqual([]);
    expectMetricsError(
      () => expansionRevenue({ startingMrr: 10, expansionMrr: 1 }, { interval: true } as never),
      'expansionRevenue',
      ['options', 'interval'],
      'unknown-key',
    );
  });

  it('may pass 100, and is exact on decimal amounts', () => {
    expect(expansionRevenue({ startingMrr: '10', expansionMrr: '25' }).value).toBe(250);
    expect(expansionRevenue({ startingMrr: 0.3, expansionMrr: 0.1 }).value).toBe(100 / 3);
    expect(expansionRevenue({ startingMrr: '0.30', expansionMrr: '0.10' }).value).toBe(100 / 3);
    expect(expansionRevenue({ startingMrr: 5, expansionMrr: 0 }).value).toBe(0);
  });

  it('is null without previous MRR', () => {
    expect(expansionRevenue({ startingMrr: 0, expansionMrr: '0.00' })).toMatchObject({ value: null, startingMrr: '0.00' });
  });

  it('takes an mrrMovements tally: previous MRR is its starting MRR; new business and reactivation are not expansion', () => {
    const m = mrrMovements([
      { id: 1, startMrr: '100.00', endMrr: '130.00' },
      { id: 2, startMrr: 0, endMrr: '500.00' },
      { id: 3, startMrr: 0, endMrr: '70.00', churnedBefore: true },
    ]);
    expect(expansionRevenue(m)).toStrictEqual({
      metric: 'expansionRevenue',
      unit: 'percent',
      value: 30,
      startingMrr: '100.00',
      expansionMrr: '30.00',
      warnings: [],
    });
  });

  it('reads frozen input and returns a frozen result', () => {
    const r = expansionRevenue(Object.freeze({ startingMrr: '10', expansionMrr: '1' }));
    expect(Object.isFrozen(r)).toBe(true);
  });
});

describe('expansionRevenue: invalid input', () => {
  it('rejects bad, missing, unknown and inconsistent amounts', () => {
    expectMetricsError(() => expansionRevenue({ startingMrr: '1e3', expansionMrr: 1 }), M, ['movements', 'startingMrr'], 'invalid-value');
    expectMetricsError(() => expansionRevenue({ startingMrr: 10 } as never), M, ['movements', 'expansionMrr'], 'missing-value');
    expectMetricsError(() => expansionRevenue({ previousMrr: 10, expansionMrr: 1 } as never), M, ['movements', 'startingMrr'], 'missing-value');
    expectMetricsError(() => expansionRevenue({ startingMrr: 0, expansionMrr: 1 }), M, ['movements', 'expansionMrr'], 'inconsistent');
    expectMetricsError(() => expansionRevenue({ startingMrr: 1, expansionMrr: 1 }, { decimals: 16 }), M, ['options', 'decimals'], 'out-of-range');
  });
});
