/**
 * expansionRevenue: the wording of its refusal of an argument that is
 * neither movements nor a tally, and the path of a tally's own problems.
 *
 * Schemas are built on first use, once per module, and the first test is
 * that first use: it refuses an argument that is not movements, so that a
 * schema built wrong fails it.
 */
import { describe, expect, it } from 'vitest';
import { expansionRevenue, isMetricsError, type MetricsIssue, mrrMovements } from '../../../src/index.js';

/** What `fn` throws for expansionRevenue: every issue. */
function issuesOf(fn: () => unknown): readonly MetricsIssue[] {
  try {
    fn();
  } catch (e) {
    if (isMetricsError(e) && e.metric === 'expansionRevenue') return e.issues;
    throw e;
  }
  throw new Error('expected a MetricsError');
}

describe('expansionRevenue: arguments', () => {
  it('says what the movements must be', () => {
    expect(expansionRevenue({ startingMrr: '2000.00', expansionMrr: '150.00' }).value).toBe(7.5);
    expect(issuesOf(() => expansionRevenue(5 as never))).toStrictEqual([
      {
        code: 'invalid-type',
        path: ['movements'],
        message: 'expected MRR movements { startingMrr, expansionMrr } or an mrrMovements tally, received 5',
      },
    ]);
  });

  it('checks an mrrMovements tally at movements', () => {
    const m = mrrMovements([{ id: 1, startMrr: '10.00', endMrr: '12.50' }]);
    expect(issuesOf(() => expansionRevenue({ ...m, customersLost: 1 })).map((i) => i.path)).toStrictEqual([
      ['movements', 'customersLost'],
      ['movements', 'customersAtEnd'],
    ]);
  });
});
