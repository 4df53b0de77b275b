/**
 * customerChurn: both denominators, the wording of every refusal, the hint
 * toward `'start-plus-added'` when it would apply, and counts whose total
 * passes 2^53.
 *
 * Schemas are built on first use, once per module, and the first test is
 * that first use: it reads every option and refuses every kind of argument,
 * so that a schema built wrong fails it.
 */
import { describe, expect, it } from 'vitest';
import { customerChurn, isMetricsError, type MetricsIssue, mrrMovements } from '../../../src/index.js';

/** What `fn` throws for customerChurn: every issue. */
function issuesOf(fn: () => unknown): readonly MetricsIssue[] {
  try {
    fn();
  } catch (e) {
    if (isMetricsError(e) && e.metric === 'customerChurn') return e.issues;
    throw e;
  }
  throw new Error('expected a MetricsError');
}

describe('customerChurn: arguments', () => {
  it("reads denominator 'start' and 'start-plus-added', and words every refusal", () => {
    const counts = { customersAtStart: 200, customersLost: 9, customersAdded: 25 };
    expect(customerChurn(counts, { denominator: 'start', decimals: 1 }).value).toBe(4.5);
    expect(customerChurn(counts, { denominator: 'start-plus-added', rounding: 'half-even' }).value).toBe(4);
    expect(issuesOf(() => customerChurn(counts, { denominator: 'end' } as never))).toStrictEqual([
      { code: 'invalid-value', path: ['options', 'denominator'], message: 'expected "start" or "start-plus-added", received "end"' },
    ]);
    expect(issuesOf(() => customerChurn(5 as never))).toStrictEqual([
      {
        code: 'invalid-type',
        path: ['counts'],
        message: 'expected customer counts { customersAtStart, customersLost, customersAdded? } or an mrrMovements tally, received 5',
      },
    ]);
  });

  it('checks an mrrMovements tally at counts', () => {
    const m = mrrMovements([{ id: 1, startMrr: 5, endMrr: 0 }]);
    expect(issuesOf(() => customerChurn({ ...m, customersAtStart: 'one' } as never))).toStrictEqual([
      { code: 'invalid-type', path: ['counts', 'customersAtStart'], message: 'expected a non-negative integer count, received "one"' },
    ]);
  });
});

describe('customerChurn: more lost than the denominator holds', () => {
  it("says so, and points to 'start-plus-added' when customersAdded is given", () => {
    expect(issuesOf(() => customerChurn({ customersAtStart: 10, customersLost: 11 }))).toStrictEqual([
      { code: 'inconsistent', path: ['counts', 'customersLost'], message: 'expected customersLost at most customersAtStart (10), received 11' },
    ]);
    expect(issuesOf(() => customerChurn({ customersAtStart: 10, customersLost: 11, customersAdded: 5 }))).toStrictEqual([
      {
        code: 'inconsistent',
        path: ['counts', 'customersLost'],
        message:
          "expected customersLost at most customersAtStart (10), received 11; customers who joined and left in the period count with denominator: 'start-plus-added'",
      },
    ]);
  });

  it("with 'start-plus-added', says so against the total", () => {
    expect(issuesOf(() => customerChurn({ customersAtStart: 10, customersLost: 16, customersAdded: 5 }, { denominator: 'start-plus-added' }))).toStrictEqual([
      {
        code: 'inconsistent',
        path: ['counts', 'customersLost'],
        message: 'expected customersLost at most customersAtStart + customersAdded (15), received 16',
      },
    ]);
  });
});

describe("customerChurn: 'start-plus-added'", () => {
  it('needs customersAdded', () => {
    expect(issuesOf(() => customerChurn({ customersAtStart: 10, customersLost: 1 }, { denominator: 'start-plus-added' }))).toStrictEqual([
      {
        code: 'missing-value',
        path: ['counts', 'customersAdded'],
        message: "expected customersAdded with denominator: 'start-plus-added', received undefined",
      },
    ]);
  });

  it('refuses counts whose total passes 2^53', () => {
    const counts = { customersAtStart: Number.MAX_SAFE_INTEGER, customersLost: 0, customersAdded: 1 };
    expect(issuesOf(() => customerChurn(counts, { denominator: 'start-plus-added' }))).toStrictEqual([
      {
        code: 'out-of-range',
        path: ['counts', 'customersAdded'],
        message: 'expected counts whose total stays below 2^53, received a total of 9007199254740992',
      },
    ]);
    // With denominator 'start' the same counts are fine.
    expect(customerChurn(counts).value).toBe(0);
  });
});
