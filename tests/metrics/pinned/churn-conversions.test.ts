/**
 * churnToAnnual and churnToMonthly: the wording of their refusal of a rate
 * outside 0 to 100.
 */
import { describe, expect, it } from 'vitest';
import { churnToAnnual, churnToMonthly, isMetricsError, type MetricsIssue } from '../../../src/index.js';

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

describe('churn conversions: rates', () => {
  it('say a rate must be a percent from 0 to 100', () => {
    expect(refusal(() => churnToAnnual(120))).toStrictEqual({
      metric: 'churnToAnnual',
      issues: [{ code: 'out-of-range', path: ['monthlyPercent'], message: 'expected a percent from 0 to 100, received 120' }],
    });
    expect(refusal(() => churnToMonthly(-0.5))).toStrictEqual({
      metric: 'churnToMonthly',
      issues: [{ code: 'out-of-range', path: ['annualPercent'], message: 'expected a percent from 0 to 100, received -0.5' }],
    });
    expect(refusal(() => churnToMonthly('5' as never))).toStrictEqual({
      metric: 'churnToMonthly',
      issues: [{ code: 'invalid-type', path: ['annualPercent'], message: 'expected a percent from 0 to 100, received "5"' }],
    });
  });
});
