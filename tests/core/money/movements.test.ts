/**
 * The rules every revenue metric applies to the movements it is given
 * (core/money/movements.ts): a movements tally is checked whole, with every
 * inconsistency named at its field; lost MRR cannot pass starting MRR;
 * expansion needs starting MRR; and a percent of starting MRR must fit a
 * double.
 *
 * The tally used is the worked example of docs/metrics/mrr-churn.md:
 * starting MRR 315.00, one customer each new, expanding, contracting,
 * churned, reactivated and unchanged.
 */
import { describe, expect, it } from 'vitest';
import { isMovementsTally } from '../../../src/core/money/movements.js';
import { customerChurn, expansionRevenue, isMetricsError, type MetricsIssue, type MrrMovements, mrrChurn, netMrrChurn } from '../../../src/index.js';

const TALLY: MrrMovements = {
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
};

/** The largest double as an integer: a percent at or above it is refused. */
const LARGEST = BigInt(Number.MAX_VALUE);

/** What `fn` throws: the metric and every issue. */
function refusal(fn: () => unknown): { metric: string; issues: readonly MetricsIssue[] } {
  try {
    fn();
  } catch (e) {
    if (isMetricsError(e)) return { metric: e.metric, issues: e.issues };
    throw e;
  }
  throw new Error('expected a MetricsError');
}

describe('a movements tally', () => {
  it('is a plain object with movement counts, or it is refused as a whole', () => {
    expect(refusal(() => mrrChurn({ ...TALLY, customers: 5 } as never))).toStrictEqual({
      metric: 'mrrChurn',
      issues: [
        {
          code: 'invalid-type',
          path: ['movements', 'customers'],
          message: 'expected movement counts { new, expansion, contraction, churned, reactivation, unchanged }, received 5',
        },
      ],
    });
    // An array that claims to be a tally is checked as one, and is not a plain object.
    expect(refusal(() => mrrChurn(Object.assign([], { metric: 'mrrMovements' }) as never))).toStrictEqual({
      metric: 'mrrChurn',
      issues: [{ code: 'invalid-type', path: ['movements'], message: 'expected an mrrMovements tally, received an array' }],
    });
  });

  it('is only ever an object claiming the metric mrrMovements', () => {
    expect(isMovementsTally(TALLY)).toBe(true);
    expect(isMovementsTally({ metric: 'mrrChurn' })).toBe(false);
    expect(isMovementsTally(null)).toBe(false);
    expect(isMovementsTally('mrrMovements')).toBe(false);
    // A function carrying the field is not a tally: it is refused as input, not as a tally.
    const fn = Object.assign(() => 0, { metric: 'mrrMovements' });
    expect(isMovementsTally(fn)).toBe(false);
    expect(refusal(() => mrrChurn(fn as never)).issues).toStrictEqual([
      {
        code: 'invalid-type',
        path: ['movements'],
        message: 'expected MRR movements { startingMrr, churnedMrr, contractionMrr? } or an mrrMovements tally, received a function',
      },
    ]);
  });

  it('names an ending MRR that the movements do not add up to, with the sum they give', () => {
    expect(refusal(() => mrrChurn({ ...TALLY, endingMrr: '360.00' })).issues).toStrictEqual([
      {
        code: 'inconsistent',
        path: ['movements', 'endingMrr'],
        message: 'expected endingMrr = startingMrr + newMrr + expansionMrr + reactivationMrr - contractionMrr - churnedMrr = 359.10, received "360.00"',
      },
    ]);
  });

  it('names every customer count that contradicts the movement counts', () => {
    // customersLost must equal customers.churned; customersAtEnd follows from the three others.
    expect(refusal(() => customerChurn({ ...TALLY, customersLost: 2 })).issues).toStrictEqual([
      { code: 'inconsistent', path: ['counts', 'customersLost'], message: 'expected customersLost = customers.churned (1), received 2' },
      {
        code: 'inconsistent',
        path: ['counts', 'customersAtEnd'],
        message: 'expected customersAtEnd = customersAtStart - customersLost + customersAdded (4), received 5',
      },
    ]);
  });

  it('names customersAdded that is not the new plus the reactivated customers', () => {
    // customersAtEnd is kept consistent with the wrong customersAdded: only customersAdded is wrong.
    expect(refusal(() => customerChurn({ ...TALLY, customersAdded: 3, customersAtEnd: 6 })).issues).toStrictEqual([
      {
        code: 'inconsistent',
        path: ['counts', 'customersAdded'],
        message: 'expected customersAdded = customers.new + customers.reactivation (2), received 3',
      },
    ]);
  });

  it('names customersAtEnd that is not customersAtStart - customersLost + customersAdded', () => {
    // 4 - 1 + 2 = 5.
    expect(refusal(() => netMrrChurn({ ...TALLY, customersAtEnd: 3 }))).toStrictEqual({
      metric: 'netMrrChurn',
      issues: [
        {
          code: 'inconsistent',
          path: ['movements', 'customersAtEnd'],
          message: 'expected customersAtEnd = customersAtStart - customersLost + customersAdded (5), received 3',
        },
      ],
    });
  });
});

describe('lost MRR', () => {
  it('may not pass starting MRR: churned alone, then churned plus contraction', () => {
    expect(refusal(() => mrrChurn({ startingMrr: 10, churnedMrr: '20.5' })).issues).toStrictEqual([
      { code: 'inconsistent', path: ['movements', 'churnedMrr'], message: 'expected churnedMrr at most startingMrr (10.0), received "20.5"' },
    ]);
    expect(refusal(() => mrrChurn({ startingMrr: 10, churnedMrr: 6, contractionMrr: 5 })).issues).toStrictEqual([
      {
        code: 'inconsistent',
        path: ['movements', 'contractionMrr'],
        message: 'expected churnedMrr + contractionMrr at most startingMrr (10), received "11"',
      },
    ]);
  });
});

describe('expansion MRR', () => {
  it('needs starting MRR', () => {
    expect(refusal(() => expansionRevenue({ startingMrr: 0, expansionMrr: '5.00' }))).toStrictEqual({
      metric: 'expansionRevenue',
      issues: [{ code: 'inconsistent', path: ['movements', 'expansionMrr'], message: 'expected no expansion without starting MRR, received "5.00"' }],
    });
  });

  it('is refused when its percent of starting MRR reaches the largest double, and computed just below', () => {
    const refused = {
      metric: 'expansionRevenue',
      issues: [
        {
          code: 'out-of-range',
          path: ['movements', 'expansionMrr'],
          message: 'expected expansionMrr whose percent of starting MRR a double can hold (below about 1.8e308)',
        },
      ],
    };
    // 100 * expansion / 100 is exactly the largest double: refused.
    expect(refusal(() => expansionRevenue({ startingMrr: '100', expansionMrr: LARGEST.toString() }))).toStrictEqual(refused);
    expect(refusal(() => expansionRevenue({ startingMrr: '1', expansionMrr: `1${'0'.repeat(400)}` }))).toStrictEqual(refused);
    // One unit less is below it, and rounds to the largest double.
    expect(expansionRevenue({ startingMrr: '100', expansionMrr: (LARGEST - 1n).toString() }).value).toBe(Number.MAX_VALUE);
  });

  it('may be far larger than starting MRR while its percent fits a double', () => {
    // 10^306 / 100 * 100 = 10^306 percent.
    expect(expansionRevenue({ startingMrr: '100', expansionMrr: `1${'0'.repeat(306)}` }).value).toBe(1e306);
  });
});
