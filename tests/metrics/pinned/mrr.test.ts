/**
 * mrrChurn and netMrrChurn: the choices `'include'` and `'exclude'` and the
 * wording of every refusal of their arguments; what netMrrChurn says it
 * includes; and net MRR churn whose percent of starting MRR a double cannot
 * hold, at the field that makes it so.
 *
 * Schemas are built on first use, once per module, and the first test is
 * that first use: it reads every option and refuses every kind of argument,
 * so that a schema built wrong fails it.
 */
import { describe, expect, it } from 'vitest';
import { isMetricsError, type MetricsIssue, mrrChurn, mrrMovements, netMrrChurn } from '../../../src/index.js';

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

describe('mrrChurn and netMrrChurn: arguments', () => {
  it("read contraction and reactivation as 'include' or 'exclude', and word every refusal", () => {
    const movements = { startingMrr: '200', churnedMrr: '10', contractionMrr: '6' };
    expect(mrrChurn(movements, { contraction: 'include', decimals: 1 }).value).toBe(8);
    expect(mrrChurn(movements, { contraction: 'exclude', rounding: 'half-even' }).value).toBe(5);
    expect(refusal(() => mrrChurn(movements, { contraction: 'yes' } as never))).toStrictEqual({
      metric: 'mrrChurn',
      issues: [{ code: 'invalid-value', path: ['options', 'contraction'], message: 'expected "include" or "exclude", received "yes"' }],
    });
    expect(refusal(() => mrrChurn(5 as never))).toStrictEqual({
      metric: 'mrrChurn',
      issues: [
        {
          code: 'invalid-type',
          path: ['movements'],
          message: 'expected MRR movements { startingMrr, churnedMrr, contractionMrr? } or an mrrMovements tally, received 5',
        },
      ],
    });

    const net = { ...movements, expansionMrr: '4', reactivationMrr: '2' };
    // (10 + 6 - 4 - 2) / 200 = 5%; without contraction and reactivation (10 - 4) / 200 = 3%.
    expect(netMrrChurn(net, { contraction: 'include', reactivation: 'include' }).value).toBe(5);
    expect(netMrrChurn(net, { contraction: 'exclude', reactivation: 'exclude' }).value).toBe(3);
    expect(refusal(() => netMrrChurn(net, { reactivation: 'no' } as never))).toStrictEqual({
      metric: 'netMrrChurn',
      issues: [{ code: 'invalid-value', path: ['options', 'reactivation'], message: 'expected "include" or "exclude", received "no"' }],
    });
    expect(refusal(() => netMrrChurn('200' as never))).toStrictEqual({
      metric: 'netMrrChurn',
      issues: [
        {
          code: 'invalid-type',
          path: ['movements'],
          message:
            'expected MRR movements { startingMrr, churnedMrr, contractionMrr?, expansionMrr, reactivationMrr? } or an mrrMovements tally, received "200"',
        },
      ],
    });
  });

  it('netMrrChurn checks an mrrMovements tally at movements', () => {
    const m = mrrMovements([{ id: 1, startMrr: '10.00', endMrr: '12.50' }]);
    expect(refusal(() => netMrrChurn({ ...m, endingMrr: 'x' }))).toStrictEqual({
      metric: 'netMrrChurn',
      issues: [
        {
          code: 'invalid-value',
          path: ['movements', 'endingMrr'],
          message:
            'expected a decimal string such as "1234.50" (digits, an optional point and decimals; no sign, exponent, spaces or separators), received "x"',
        },
      ],
    });
  });
});

describe('netMrrChurn: what it includes', () => {
  it('includes contraction only when it is given', () => {
    expect(netMrrChurn({ startingMrr: 100, churnedMrr: 10, expansionMrr: 5 })).toStrictEqual({
      metric: 'netMrrChurn',
      unit: 'percent',
      value: 5,
      includes: ['churned', 'expansion'],
      netRevenueRetention: 95,
      grossRevenueRetention: 90,
      startingMrr: '100',
      churnedMrr: '10',
      contractionMrr: null,
      expansionMrr: '5',
      reactivationMrr: null,
      netLostMrr: '5',
      warnings: [],
    });
    expect(netMrrChurn({ startingMrr: 100, churnedMrr: 10, contractionMrr: 0, expansionMrr: 5 }).includes).toStrictEqual([
      'churned',
      'contraction',
      'expansion',
    ]);
  });
});

describe('netMrrChurn: percents a double cannot hold', () => {
  const outOfRange = (field: string) => ({
    metric: 'netMrrChurn',
    issues: [
      {
        code: 'out-of-range',
        path: ['movements', field],
        message: `expected ${field} whose percent of starting MRR a double can hold (below about 1.8e308)`,
      },
    ],
  });

  it('refuses reactivation whose percent of starting MRR reaches the largest double, at reactivationMrr', () => {
    expect(refusal(() => netMrrChurn({ startingMrr: '1', churnedMrr: '0', expansionMrr: '0', reactivationMrr: LARGEST.toString() }))).toStrictEqual(
      outOfRange('reactivationMrr'),
    );
  });

  it('refuses a regain whose percent only the sum of expansion and reactivation makes too large, at expansionMrr', () => {
    // Each is 60% of the limit, so each alone is a percent a double holds; together they are 120%:
    // net MRR churn would be below -1.8e308 percent.
    const units = (LARGEST * 6n) / 1000n;
    const each = units.toString();
    expect(refusal(() => netMrrChurn({ startingMrr: '1', churnedMrr: '0', expansionMrr: each, reactivationMrr: each }))).toStrictEqual(
      outOfRange('expansionMrr'),
    );
    // Without reactivation the net regain is expansion alone, and fits: -100 * expansion percent.
    expect(netMrrChurn({ startingMrr: '1', churnedMrr: '0', expansionMrr: each, reactivationMrr: each }, { reactivation: 'exclude' }).value).toBe(
      Number(-100n * units),
    );
  });
});
