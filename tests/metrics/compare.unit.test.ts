/**
 * compare(): the wording and paths of its refusals (options, arguments that
 * are not results, metrics it cannot compare), and the quantities it takes.
 */
import { describe, expect, it, vi } from 'vitest';
import { type ComparableResult, compare, csat, customerChurn, type MetricsPath, npsFromCounts, repurchaseRateFromCounts } from '../../src/index.js';
import { expectMetricsError } from '../helpers/errors.js';

/** Expects a MetricsError of compare at `path` with `code` and the whole `message`. */
function rejects(run: () => unknown, path: MetricsPath, code: string, message: string): void {
  expect(expectMetricsError(run, 'compare', path, code).message).toBe(message);
}

const before = npsFromCounts({ promoters: 300, passives: 400, detractors: 300 });
const after = npsFromCounts({ promoters: 400, passives: 350, detractors: 250 });

describe('compare: options', () => {
  it('names the tests and quantities it takes, and compares CSAT on either quantity', () => {
    rejects(
      () => compare(before, after, { method: 'z-test' as never }),
      ['options', 'method'],
      'invalid-value',
      'compare: expected "adjusted-wald", "wald", "n-1" or "welch", received "z-test" at options.method',
    );
    rejects(
      () => compare(before, after, { on: 'median' as never }),
      ['options', 'on'],
      'invalid-value',
      'compare: expected "percent" or "mean", received "median" at options.on',
    );
    const a = csat([5, 5, 4, 3, 1]);
    const b = csat([5, 2, 2, 1]);
    // 60% satisfied against 25%; means 3.6 against 2.5
    expect(compare(a, b, { on: 'percent' })).toMatchObject({ unit: 'percent', method: 'n-1', difference: 35 });
    expect(compare(a, b, { on: 'mean' })).toMatchObject({ unit: 'points', method: 'welch', difference: 1.1 });
  });
});

describe('compare: arguments that are not results', () => {
  it('says what it received instead of a result', () => {
    const received: [unknown, string][] = [
      [null, 'null'],
      [undefined, 'undefined'],
      [42, 'number'],
      ['nps', 'string'],
      [[before], 'an array'],
      [{}, 'object'],
      [{ metric: 7 }, 'object'],
    ];
    for (const [value, description] of received) {
      rejects(
        () => compare(value as ComparableResult, before),
        ['a'],
        'invalid-type',
        `compare: expected a metric result { metric, ... }, received ${description} at a`,
      );
      rejects(
        () => compare(before, value as ComparableResult),
        ['b'],
        'invalid-type',
        `compare: expected a metric result { metric, ... }, received ${description} at b`,
      );
    }
  });
});

describe('compare: metrics it cannot compare', () => {
  it('refuses the results of operations with the reason each is not an estimate', () => {
    rejects(
      () => compare({ metric: 'sampleSizeFor' }, before),
      ['a', 'metric'],
      'invalid-value',
      'compare: a sample size is a plan, not an estimate at a.metric',
    );
    rejects(
      () => compare({ metric: 'trend' }, before),
      ['a', 'metric'],
      'invalid-value',
      'compare: a trend is a test already, not an estimate to compare at a.metric',
    );
    rejects(
      () => compare({ metric: 'compare' }, { metric: 'compare' }),
      ['a', 'metric'],
      'invalid-value',
      'compare: a comparison is not an estimate: compare the results it came from at a.metric',
    );
  });

  it('refuses an unknown metric, listing the ones it compares', () => {
    rejects(
      () => compare({ metric: 'netPromoterScore' }, before),
      ['a', 'metric'],
      'invalid-value',
      'compare: expected a result of nps, csat, ces, loyaltyIndex, firstContactResolution, customerChurn, repurchaseRate, upsellRatio, received "netPromoterScore" at a.metric',
    );
  });

  it('refuses repurchase rates by repurchases, on either side', () => {
    const byCustomers = repurchaseRateFromCounts({ purchases: { 1: 3, 2: 2 } });
    const byRepurchases = { ...byCustomers, method: 'repurchases' };
    const reason = "repurchaseRate by 'repurchases' is purchases per customer, not a proportion of customers, and has no test: compare results by 'customers'";
    rejects(() => compare(byRepurchases, byCustomers), ['a', 'metric'], 'invalid-value', `compare: ${reason} at a.metric`);
    rejects(() => compare(byCustomers, byRepurchases), ['b', 'metric'], 'invalid-value', `compare: ${reason} at b.metric`);
    expect(compare(byCustomers, byCustomers).difference).toBe(0);
  });

  it('refuses results of two metrics, naming both', () => {
    rejects(() => compare(before, csat([5])), ['b', 'metric'], 'inconsistent', 'compare: expected a result of nps, like a, received "csat" at b.metric');
    rejects(
      () => compare(customerChurn({ customersAtStart: 10, customersLost: 1 }), { metric: 'mergeCounts' }),
      ['b', 'metric'],
      'inconsistent',
      'compare: expected a result of customerChurn, like a, received "mergeCounts" at b.metric',
    );
  });
});

describe('compare from a freshly loaded module', () => {
  it('names compare in the errors of its own checks', async () => {
    vi.resetModules();
    const fresh = await import('../../src/metrics/compare.js');
    rejects(() => fresh.compare(null as never, before), ['a'], 'invalid-type', 'compare: expected a metric result { metric, ... }, received null at a');
    rejects(
      () => fresh.compare(before, after, { level: 0 }),
      ['options', 'level'],
      'out-of-range',
      'compare: expected a level strictly between 0 and 1, received 0 at options.level',
    );
    expect(fresh.compare(after, before).difference).toBe(15);
  });
});
