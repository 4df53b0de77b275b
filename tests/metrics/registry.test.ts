import { describe, expect, it } from 'vitest';
import {
  COMPARABLE_METRICS,
  type ComparableMetric,
  isMetricName,
  isOperationName,
  METRIC_NAMES,
  METRICS,
  PLANNED_METRICS,
  TALLY_METRICS,
  type TallyMetric,
  unreachable,
} from '../../src/core/contract/registry.js';
import type { Tally } from '../../src/core/contract/tally.js';
import { compare, mergeCounts, sampleSizeFor } from '../../src/index.js';
import { TALLYING_METRICS, type TallyingMetric } from '../../src/metrics/registry.js';
import { expectMetricsError } from '../helpers/errors.js';

/** Two batches of per-record inputs for every tallying metric: the table does not compile without one for each. */
const BATCHES: { readonly [K in TallyMetric]: readonly [readonly unknown[], readonly unknown[]] } = {
  nps: [
    [10, 9, 3],
    [7, 0, 10, 10],
  ],
  csat: [
    [5, 4, 1],
    [3, 5],
  ],
  ces: [
    [1, 2],
    [5, 4, 4],
  ],
  loyaltyIndex: [
    [{ recommend: 9, repurchase: 8, upsell: 6 }],
    [
      { recommend: 3, repurchase: 10, upsell: 0 },
      { recommend: 10, repurchase: 10, upsell: 10 },
    ],
  ],
  firstContactResolution: [
    [true, false, false],
    [true, true],
  ],
  timeToResolution: [
    [{ openedAt: 0, resolvedAt: 60_000 }],
    [
      { openedAt: 1000, resolvedAt: 5000 },
      { openedAt: 0, resolvedAt: 120_000 },
    ],
  ],
  firstResponseTime: [
    [{ openedAt: 0, firstRespondedAt: 30_000 }, { openedAt: 500 }],
    [
      { openedAt: 1000, firstRespondedAt: 4000 },
      { openedAt: 0, firstRespondedAt: 90_000 },
    ],
  ],
  repurchaseRate: [
    [1, 2, 5],
    [1, 3],
  ],
  upsellRatio: [[{ upgraded: true }, { upgraded: false }], [{ upgraded: false }]],
};

/** An entry of the runnable table, with its `never` parameters widened for a generic caller. */
function run(metric: TallyMetric) {
  const entry: TallyingMetric<TallyMetric> = TALLYING_METRICS[metric];
  return {
    counts: (input: readonly unknown[]): Tally => entry.counts(input as never),
    fromCounts: (counts: Tally) => entry.fromCounts(counts as never) as { readonly metric: string; readonly unit: string },
  };
}

describe('the metric registry', () => {
  it('lists every tallying metric in the runnable table, and no other', () => {
    expect(Object.keys(TALLYING_METRICS).sort()).toStrictEqual([...TALLY_METRICS].sort());
  });

  it.each(TALLY_METRICS)('%s: the raw path equals the tally path, and tallies of parts merge into the tally of the whole', (metric) => {
    const { counts, fromCounts } = run(metric);
    const [a, b] = BATCHES[metric];
    const whole = counts([...a, ...b]);
    expect(whole.metric).toBe(metric);
    expect(fromCounts(mergeCounts(counts(a), counts(b)))).toStrictEqual(fromCounts(whole));
    const result = fromCounts(whole);
    expect(result.metric).toBe(metric);
    const unit = METRICS[metric].unit;
    expect(Array.isArray(unit) ? unit : [unit]).toContain(result.unit);
  });

  it('derives the comparable metrics from the compare plans', () => {
    expect(COMPARABLE_METRICS).toStrictEqual([
      'nps',
      'csat',
      'ces',
      'loyaltyIndex',
      'firstContactResolution',
      'customerChurn',
      'repurchaseRate',
      'upsellRatio',
    ] satisfies ComparableMetric[]);
  });

  it('gives every metric compare refuses a reason, and compare refuses it with that reason', () => {
    for (const metric of METRIC_NAMES) {
      const plan = METRICS[metric].compare;
      if (typeof plan === 'string') continue;
      expect(plan.reason.length).toBeGreaterThan(0);
      const err = expectMetricsError(() => compare({ metric }, { metric }), 'compare', ['a', 'metric'], 'invalid-value');
      expect(err.message).toContain(plan.reason);
    }
  });

  it('plans sample sizes for exactly the metrics the registry names', () => {
    expect(PLANNED_METRICS).toStrictEqual(['nps', 'csat', 'ces', 'firstContactResolution', 'customerChurn', 'repurchaseRate', 'upsellRatio']);
    for (const metric of PLANNED_METRICS) expect(sampleSizeFor({ metric, marginOfError: 5 }).estimate).toBe(metric);
    expectMetricsError(() => sampleSizeFor({ metric: 'loyaltyIndex' as never, marginOfError: 5 }), 'sampleSizeFor', ['options', 'metric'], 'invalid-value');
  });

  it('recognises names by own keys only', () => {
    expect(isMetricName('nps')).toBe(true);
    expect(isMetricName('toString')).toBe(false);
    expect(isMetricName('__proto__')).toBe(false);
    expect(isOperationName('compare')).toBe(true);
    expect(isOperationName('nps')).toBe(false);
  });

  it('throws at an unreachable case reached through a lying cast', () => {
    expect(() => unreachable('x' as never)).toThrow(TypeError);
  });
});
