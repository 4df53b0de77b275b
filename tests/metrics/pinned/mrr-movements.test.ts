/**
 * mrrMovements beyond the amounts its fast tally holds: with an amount of
 * more than 15 digits, a bad record first, or sums past 2^53, every customer
 * is read exactly, and the tally and the refusals are the same as on the fast
 * path. Also the message of every refusal of a record.
 */
import { describe, expect, it } from 'vitest';
import { isMetricsError, type MetricsIssue, type MrrCustomer, mrrMovements } from '../../../src/index.js';

/** An amount of 16 digits: more than the fast tally reads, so every customer is read exactly. */
const LONG = '1000000000000.001';

/** What `fn` throws: every issue. */
function issuesOf(fn: () => unknown): readonly MetricsIssue[] {
  try {
    fn();
  } catch (e) {
    if (isMetricsError(e) && e.metric === 'mrrMovements') return e.issues;
    throw e;
  }
  throw new Error('expected a MetricsError');
}

const M = (customers: readonly unknown[]) => mrrMovements(customers as readonly MrrCustomer[]);

describe('mrrMovements: the exact tally', () => {
  it('classifies and counts every movement, with churnedBefore absent, false or true', () => {
    expect(
      mrrMovements([
        { id: 'big', startMrr: LONG, endMrr: LONG },
        { id: 'new', startMrr: 0, endMrr: '10.5', churnedBefore: false },
        { id: 'back', startMrr: 0, endMrr: '4', churnedBefore: true },
        { id: 'up', startMrr: '20', endMrr: '25' },
        { id: 'down', startMrr: '30', endMrr: '12.25' },
        { id: 'gone', startMrr: '7', endMrr: 0 },
        { id: 'idle', startMrr: 0, endMrr: 0, churnedBefore: true },
      ]),
    ).toStrictEqual({
      metric: 'mrrMovements',
      // 1000000000000.001 + 20 + 30 + 7
      startingMrr: '1000000000057.001',
      newMrr: '10.500',
      expansionMrr: '5.000',
      reactivationMrr: '4.000',
      contractionMrr: '17.750',
      churnedMrr: '7.000',
      // 1000000000000.001 + 10.5 + 4 + 25 + 12.25
      endingMrr: '1000000000051.751',
      customersAtStart: 4,
      customersLost: 1,
      customersAdded: 2,
      customersAtEnd: 5,
      customers: { new: 1, expansion: 1, contraction: 1, churned: 1, reactivation: 1, unchanged: 2 },
    });
  });

  it('takes churnedBefore: false on a customer paying at the start', () => {
    expect(mrrMovements([{ id: 1, startMrr: LONG, endMrr: 0, churnedBefore: false }]).customers.churned).toBe(1);
  });

  it('rescales running sums when a later amount has more decimals', () => {
    expect(
      mrrMovements([
        { id: 'a', startMrr: '1.5', endMrr: '1.5' },
        { id: 'b', startMrr: '1.25', endMrr: '1.25' },
        { id: 'c', startMrr: '0.001', endMrr: '0.002' },
      ]),
    ).toMatchObject({ startingMrr: '2.751', expansionMrr: '0.001', endingMrr: '2.752' });
  });

  it('is exact when rescaling makes a sum pass 2^53', () => {
    // 2 * 10^14 at nine decimals is 2 * 10^23 units, far past 2^53.
    expect(
      mrrMovements([
        { id: 1, startMrr: 200000000000000, endMrr: 0 },
        { id: 2, startMrr: '0.000000001', endMrr: 0 },
      ]),
    ).toMatchObject({ startingMrr: '200000000000000.000000001', churnedMrr: '200000000000000.000000001', endingMrr: '0.000000000' });
    expect(
      mrrMovements([
        { id: 1, startMrr: 0, endMrr: 200000000000000 },
        { id: 2, startMrr: 0, endMrr: '0.000000001' },
      ]),
    ).toMatchObject({ startingMrr: '0.000000000', newMrr: '200000000000000.000000001', endingMrr: '200000000000000.000000001' });
  });

  it('refuses an amount the fast reader declines even when it is the only record', () => {
    expect(issuesOf(() => M([{ id: 1, startMrr: 10, endMrr: -5 }]))).toStrictEqual([
      { code: 'out-of-range', path: ['customers', 0, 'endMrr'], message: 'expected a non-negative amount, received -5' },
    ]);
    expect(issuesOf(() => M([{ id: 1, startMrr: 10, endMrr: '1.2.3' }]))).toStrictEqual([
      {
        code: 'invalid-value',
        path: ['customers', 0, 'endMrr'],
        message:
          'expected a decimal string such as "1234.50" (digits, an optional point and decimals; no sign, exponent, spaces or separators), received "1.2.3"',
      },
    ]);
    const tiny = `0.${'0'.repeat(20)}1`;
    expect(issuesOf(() => M([{ id: 1, startMrr: 0, endMrr: tiny }]))).toStrictEqual([
      { code: 'out-of-range', path: ['customers', 0, 'endMrr'], message: `expected an amount with at most 20 decimal places, received "${tiny}"` },
    ]);
  });

  it('reads 2^48 units exactly', () => {
    expect(mrrMovements([{ id: 1, startMrr: '28147497671065.6', endMrr: '28147497671065.6' }]).startingMrr).toBe('28147497671065.6');
  });
});

describe('mrrMovements: refusals', () => {
  it('says what the customers must be', () => {
    expect(issuesOf(() => M('x' as never))).toStrictEqual([
      { code: 'invalid-type', path: ['customers'], message: 'expected an array of customers { id, startMrr, endMrr }, received "x"' },
    ]);
    expect(issuesOf(() => M([5]))).toStrictEqual([
      { code: 'invalid-type', path: ['customers', 0], message: 'expected a customer { id, startMrr, endMrr } (a plain object), received 5' },
    ]);
  });

  it('says what an id must be, missing or of the wrong type', () => {
    expect(issuesOf(() => M([{ id: null, startMrr: 1, endMrr: 1 }]))).toStrictEqual([
      { code: 'missing-value', path: ['customers', 0, 'id'], message: 'expected an id (a string or a finite number), received null' },
    ]);
    expect(issuesOf(() => M([{ id: {}, startMrr: 1, endMrr: 1 }]))).toStrictEqual([
      { code: 'invalid-type', path: ['customers', 0, 'id'], message: 'expected an id (a string or a finite number), received an object' },
    ]);
  });

  it('names a repeated id', () => {
    expect(
      issuesOf(() =>
        M([
          { id: 'a', startMrr: 1, endMrr: 1 },
          { id: 'a', startMrr: 2, endMrr: 2 },
        ]),
      ),
    ).toStrictEqual([{ code: 'duplicate', path: ['customers', 1, 'id'], message: 'expected a unique id, received "a" again' }]);
  });

  it('says what churnedBefore must be, and where it may be set', () => {
    expect(issuesOf(() => M([{ id: 1, startMrr: 0, endMrr: 1, churnedBefore: 'yes' }]))).toStrictEqual([
      { code: 'invalid-type', path: ['customers', 0, 'churnedBefore'], message: 'expected true or false, received "yes"' },
    ]);
    expect(issuesOf(() => M([{ id: 1, startMrr: '0.01', endMrr: 1, churnedBefore: true }]))).toStrictEqual([
      {
        code: 'inconsistent',
        path: ['customers', 0, 'churnedBefore'],
        message: 'expected churnedBefore only on a customer not paying at the start (startMrr 0), received true with a positive startMrr',
      },
    ]);
  });
});
