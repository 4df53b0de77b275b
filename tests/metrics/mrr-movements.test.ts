import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { customerChurn, expansionRevenue, type MrrCustomer, mergeCounts, mrrChurn, mrrMovements, netMrrChurn } from '../../src/index.js';
import { expectMetricsError } from '../helpers/errors.js';
import { mrrMovementVectors } from '../vectors/revenue.js';

const M = 'mrrMovements';

describe('mrrMovements: documented examples', () => {
  it('repeats the TSDoc example', () => {
    const m = mrrMovements([
      { id: 'a', startMrr: '100.00', endMrr: '120.00' },
      { id: 'b', startMrr: '50.00', endMrr: 0 },
      { id: 'c', startMrr: 0, endMrr: '30.5' },
      { id: 'd', startMrr: 0, endMrr: 10, churnedBefore: true },
    ]);
    expect(m.expansionMrr).toBe('20.00');
    expect(m.newMrr).toBe('30.50');
    expect(m.endingMrr).toBe('160.50');
    expect(m.customers).toStrictEqual({ new: 1, expansion: 1, contraction: 0, churned: 1, reactivation: 1, unchanged: 0 });
    expect(mrrChurn(m).value).toBe(100 / 3);
    expect(customerChurn(m).value).toBe(50);
  });
});

describe('mrrMovements: reference vectors', () => {
  it.each(mrrMovementVectors.map((v) => [v.name, v] as const))('%s', (_name, v) => {
    expect(mrrMovements(v.input)).toMatchObject(v.expected);
  });
});

describe('mrrMovements: classification', () => {
  it('returns the whole tally', () => {
    expect(mrrMovementVectors[0] && mrrMovements(mrrMovementVectors[0].input)).toStrictEqual({
      metric: 'mrrMovements',
      startingMrr: '315.00',
      newMrr: '49.00',
      expansionMrr: '49.00',
      reactivationMrr: '19.00',
      contractionMrr: '53.90',
      churnedMrr: '19.00',
      endingMrr: '359.10',
      customersAtStart: 4,
      customersLost: 1,
      customersAdded: 2,
      customersAtEnd: 5,
      customers: { new: 1, expansion: 1, contraction: 1, churned: 1, reactivation: 1, unchanged: 1 },
    });
  });

  it('gives an empty tally for no customers', () => {
    expect(mrrMovements([])).toStrictEqual({
      metric: 'mrrMovements',
      startingMrr: '0',
      newMrr: '0',
      expansionMrr: '0',
      reactivationMrr: '0',
      contractionMrr: '0',
      churnedMrr: '0',
      endingMrr: '0',
      customersAtStart: 0,
      customersLost: 0,
      customersAdded: 0,
      customersAtEnd: 0,
      customers: { new: 0, expansion: 0, contraction: 0, churned: 0, reactivation: 0, unchanged: 0 },
    });
  });

  it('classifies every boundary of one customer', () => {
    const one = (c: Partial<MrrCustomer>) => mrrMovements([{ id: 1, startMrr: 0, endMrr: 0, ...c }]).customers;
    expect(one({ startMrr: 0, endMrr: 0 })).toMatchObject({ unchanged: 1 });
    expect(one({ startMrr: 0, endMrr: 0, churnedBefore: true })).toMatchObject({ unchanged: 1, reactivation: 0 });
    expect(one({ startMrr: 0, endMrr: '0.01' })).toMatchObject({ new: 1 });
    expect(one({ startMrr: 0, endMrr: '0.01', churnedBefore: true })).toMatchObject({ reactivation: 1, new: 0 });
    expect(one({ startMrr: 0, endMrr: '0.01', churnedBefore: false })).toMatchObject({ new: 1 });
    expect(one({ startMrr: '0.01', endMrr: 0 })).toMatchObject({ churned: 1 });
    expect(one({ startMrr: '10', endMrr: '10.00' })).toMatchObject({ unchanged: 1 });
    expect(one({ startMrr: '10', endMrr: '10.01' })).toMatchObject({ expansion: 1 });
    expect(one({ startMrr: '10', endMrr: '9.99' })).toMatchObject({ contraction: 1 });
  });

  it('adds decimal amounts exactly, strings and numbers alike', () => {
    const m = mrrMovements([
      { id: 1, startMrr: 0.1, endMrr: 0.3 },
      { id: 2, startMrr: '0.2', endMrr: 0 },
    ]);
    expect(m.startingMrr).toBe('0.3');
    expect(m.expansionMrr).toBe('0.2');
    expect(m.endingMrr).toBe('0.3');
    // A number is its shortest round-trip decimal: 0.1 + 0.2 computed in doubles is 0.30000000000000004.
    expect(mrrMovements([{ id: 1, startMrr: 0.1 + 0.2, endMrr: 0.1 + 0.2 }]).startingMrr).toBe('0.30000000000000004');
  });

  it('keeps the largest number of decimals for every total', () => {
    const m = mrrMovements([
      { id: 1, startMrr: '10', endMrr: '10' },
      { id: 2, startMrr: 0, endMrr: '0.125' },
    ]);
    expect(m.startingMrr).toBe('10.000');
    expect(m.newMrr).toBe('0.125');
  });

  it('takes amounts beyond 15 digits and 2^53 exactly', () => {
    const m = mrrMovements([
      { id: 1, startMrr: '99999999999999999999.99', endMrr: '100000000000000000000.00' },
      { id: 2, startMrr: '9007199254740993', endMrr: '9007199254740993' },
      { id: 3, startMrr: 1e21, endMrr: 0 },
    ]);
    expect(m.startingMrr).toBe('1100009007199254740992.99');
    expect(m.expansionMrr).toBe('0.01');
    expect(m.churnedMrr).toBe('1000000000000000000000.00');
    expect(m.endingMrr).toBe('100009007199254740993.00');
  });

  it('switches to exact sums when many fast amounts pass 2^53 together', () => {
    // 10^4 amounts of 10^12 cents each: the sum, 10^16 cents, passes 2^53.
    const customers = Array.from({ length: 10_000 }, (_, i) => ({ id: i, startMrr: '9999999999.99', endMrr: '9999999999.99' }));
    expect(mrrMovements(customers).startingMrr).toBe('99999999999900.00');
  });

  it('ignores other fields, reads frozen input and never changes it', () => {
    const customers = Object.freeze([
      Object.freeze({ id: 'x', startMrr: '5.00', endMrr: '7.00', plan: 'pro' }),
      Object.freeze({ id: 'y', startMrr: 0, endMrr: 1 }),
    ]);
    const before = JSON.stringify(customers);
    expect(mrrMovements(customers).expansionMrr).toBe('2.00');
    expect(JSON.stringify(customers)).toBe(before);
  });

  it('returns a frozen, JSON-safe tally', () => {
    const m = mrrMovements([{ id: 1, startMrr: 1, endMrr: 2 }]);
    expect(Object.isFrozen(m)).toBe(true);
    expect(Object.isFrozen(m.customers)).toBe(true);
    expect(JSON.parse(JSON.stringify(m))).toStrictEqual(m);
  });

  it('feeds customerChurn, mrrChurn, netMrrChurn and expansionRevenue as it is', () => {
    const m = mrrMovements(mrrMovementVectors[0]!.input);
    expect(customerChurn(m)).toMatchObject({ value: 25, customersAtStart: 4, customersLost: 1, customersAdded: 2 });
    expect(customerChurn(m, { denominator: 'start-plus-added' }).value).toBe(100 / 6);
    expect(mrrChurn(m)).toMatchObject({ value: 7290 / 315, includes: ['churned', 'contraction'], lostMrr: '72.90' });
    expect(netMrrChurn(m)).toMatchObject({ value: 490 / 315, netLostMrr: '4.90' });
    expect(expansionRevenue(m)).toMatchObject({ value: 4900 / 315, startingMrr: '315.00', expansionMrr: '49.00' });
  });

  it('merges: the tallies of two parts merge into the tally of the whole', () => {
    const input = mrrMovementVectors[0]!.input;
    const merged = mergeCounts(mrrMovements(input.slice(0, 3)), mrrMovements(input.slice(3)));
    expect(merged).toStrictEqual(mrrMovements(input));
    expect(mrrChurn(merged)).toStrictEqual(mrrChurn(mrrMovements(input)));
  });

  it('reads the sample billing data of the demo', () => {
    const data = JSON.parse(readFileSync(new URL('../../examples/data/billing.json', import.meta.url), 'utf8')) as { customers: MrrCustomer[] };
    const m = mrrMovements(data.customers);
    expect(m).toMatchObject({
      startingMrr: '5242.70',
      newMrr: '366.00',
      expansionMrr: '567.90',
      reactivationMrr: '68.00',
      contractionMrr: '156.50',
      churnedMrr: '236.00',
      endingMrr: '5852.10',
      customersAtStart: 60,
      customersLost: 3,
      customersAdded: 6,
    });
  });
});

describe('mrrMovements: invalid input', () => {
  it('rejects a non-array and non-object records', () => {
    expectMetricsError(() => mrrMovements({} as never), M, ['customers'], 'invalid-type');
    expectMetricsError(() => mrrMovements([null] as never), M, ['customers', 0], 'invalid-type');
    expectMetricsError(() => mrrMovements([{ id: 1, startMrr: 1, endMrr: 1 }, [1, 2]] as never), M, ['customers', 1], 'invalid-type');
  });

  it('rejects missing and bad ids', () => {
    expectMetricsError(() => mrrMovements([{ startMrr: 1, endMrr: 1 }] as never), M, ['customers', 0, 'id'], 'missing-value');
    expectMetricsError(() => mrrMovements([{ id: NaN, startMrr: 1, endMrr: 1 }]), M, ['customers', 0, 'id'], 'missing-value');
    expectMetricsError(() => mrrMovements([{ id: Infinity, startMrr: 1, endMrr: 1 }]), M, ['customers', 0, 'id'], 'invalid-type');
    expectMetricsError(() => mrrMovements([{ id: true, startMrr: 1, endMrr: 1 }] as never), M, ['customers', 0, 'id'], 'invalid-type');
  });

  it("reports a repeated id as 'duplicate' at its second occurrence", () => {
    const c = (id: string | number) => ({ id, startMrr: '1.00', endMrr: '1.00' });
    expectMetricsError(() => mrrMovements([c('a'), c('b'), c('a')]), M, ['customers', 2, 'id'], 'duplicate');
    expectMetricsError(() => mrrMovements([c(1), c(2), c(3), c(2), c(1)]), M, ['customers', 3, 'id'], 'duplicate');
    expectMetricsError(() => mrrMovements([c(0), c(-0)]), M, ['customers', 1, 'id'], 'duplicate');
    // 1 and '1' are different ids.
    expect(mrrMovements([c(1), c('1')]).customersAtStart).toBe(2);
  });

  it('reports the first problem in input order, whichever kind it is', () => {
    const c = (id: number, startMrr: unknown = '1') => ({ id, startMrr, endMrr: '1' }) as MrrCustomer;
    expectMetricsError(() => mrrMovements([c(1), c(1), c(2, 'x')]), M, ['customers', 1, 'id'], 'duplicate');
    expectMetricsError(() => mrrMovements([c(1), c(2, 'x'), c(1)]), M, ['customers', 1, 'startMrr'], 'invalid-value');
    expectMetricsError(() => mrrMovements([c(1, '12345678901234567890'), c(2, -1)]), M, ['customers', 1, 'startMrr'], 'out-of-range');
  });

  it('rejects bad amounts at their field', () => {
    const at = (field: 'startMrr' | 'endMrr', v: unknown) => () =>
      mrrMovements([{ id: 1, startMrr: 1, endMrr: 1 }, { id: 2, startMrr: 1, endMrr: 1, [field]: v } as MrrCustomer]);
    expectMetricsError(at('startMrr', '-1.00'), M, ['customers', 1, 'startMrr'], 'out-of-range');
    expectMetricsError(at('startMrr', '1e3'), M, ['customers', 1, 'startMrr'], 'invalid-value');
    expectMetricsError(at('startMrr', ''), M, ['customers', 1, 'startMrr'], 'invalid-value');
    expectMetricsError(at('endMrr', NaN), M, ['customers', 1, 'endMrr'], 'missing-value');
    expectMetricsError(at('endMrr', undefined), M, ['customers', 1, 'endMrr'], 'missing-value');
    expectMetricsError(at('endMrr', Infinity), M, ['customers', 1, 'endMrr'], 'out-of-range');
    expectMetricsError(at('endMrr', 1n), M, ['customers', 1, 'endMrr'], 'invalid-type');
    expectMetricsError(at('endMrr', `1.${'0'.repeat(21)}`), M, ['customers', 1, 'endMrr'], 'out-of-range');
  });

  it('rejects a bad churnedBefore, and churnedBefore on a customer paying at the start', () => {
    expectMetricsError(
      () => mrrMovements([{ id: 1, startMrr: 0, endMrr: 1, churnedBefore: 'yes' } as never]),
      M,
      ['customers', 0, 'churnedBefore'],
      'invalid-type',
    );
    expectMetricsError(() => mrrMovements([{ id: 1, startMrr: 1, endMrr: 1, churnedBefore: true }]), M, ['customers', 0, 'churnedBefore'], 'inconsistent');
    expectMetricsError(
      () => mrrMovements([{ id: 1, startMrr: '1234567890123456789', endMrr: 1, churnedBefore: true }]),
      M,
      ['customers', 0, 'churnedBefore'],
      'inconsistent',
    );
  });
});
