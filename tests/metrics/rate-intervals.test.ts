/**
 * The intervals of the support and revenue rates that are proportions
 * (first contact resolution on either denominator, customer churn, repurchase
 * rate by customers, the upsell rate of upsellRatio) against statsmodels
 * 0.13.5 `proportion_confint` (tests/vectors/proportion-intervals.json, from
 * tests/vectors/scripts/proportions.py), in percent: 100 times statsmodels'
 * bounds. Every count and sample size of the file (n from 1 to 10^7, x
 * including 0 and n), at three of its levels (80%, 95%, 99.9%) to keep the
 * suite fast: the level enters the shared interval code, which
 * tests/core/intervals.test.ts checks at all seven.
 *
 * Tolerance: 1e-9 relative, the agreement required with R and statsmodels.
 * The one exception, as in tests/core/intervals.test.ts: where a bound is
 * exactly 0 or 100 by construction (Wilson at x = 0 and x = n), it must be
 * exactly 0 or 100 here, and statsmodels' value (a difference of doubles)
 * within 1e-13 absolute of it (1e-15 on [0, 1], times 100).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { Dec } from '../../src/core/exact/decimal.js';
import type { Interval } from '../../src/core/stats/interval-fields.js';
import type { ProportionMethod } from '../../src/core/stats/proportion-intervals.js';
import { customerChurn, firstContactResolutionFromCounts, repurchaseRateFromCounts, upsellRatioFromCounts } from '../../src/index.js';

const TOLERANCE = 1e-9;
const statsmodels = JSON.parse(readFileSync(join(import.meta.dirname, '..', 'vectors', 'proportion-intervals.json'), 'utf8')) as {
  proportion: ({ count: number; nobs: number; alpha: number } & Record<string, [number, number]>)[];
};
const ROWS = statsmodels.proportion.filter((row) => [0.2, 0.05, 0.001].includes(row.alpha));

const METHODS: [string, ProportionMethod][] = [
  ['wilson', 'wilson'],
  ['agresti_coull', 'agresti-coull'],
  ['beta', 'clopper-pearson'],
  ['jeffreys', 'jeffreys'],
  ['normal', 'wald'],
];

type IntervalOf = (
  x: number,
  n: number,
  interval: { level: number; method: ProportionMethod },
) => { estimate: number | null; interval: Interval | null | undefined };

/** Each metric as x successes out of n, and where its interval is. */
const METRICS: [string, IntervalOf][] = [
  [
    'firstContactResolution, resolved denominator',
    (x, n, interval) => {
      const r = firstContactResolutionFromCounts({ total: n + 7, resolved: n, resolvedFirstContact: x }, { interval });
      return { estimate: r.value, interval: r.interval };
    },
  ],
  [
    'firstContactResolution, all tickets',
    (x, n, interval) => {
      const r = firstContactResolutionFromCounts({ total: n, resolved: x, resolvedFirstContact: x }, { denominator: 'all', interval });
      return { estimate: r.value, interval: r.interval };
    },
  ],
  [
    'customerChurn',
    (x, n, interval) => {
      const r = customerChurn({ customersAtStart: n, customersLost: x }, { interval });
      return { estimate: r.value, interval: r.interval };
    },
  ],
  [
    "customerChurn, 'start-plus-added'",
    (x, n, interval) => {
      const added = Math.floor(n / 3);
      const r = customerChurn({ customersAtStart: n - added, customersLost: x, customersAdded: added }, { denominator: 'start-plus-added', interval });
      return { estimate: r.value, interval: r.interval };
    },
  ],
  [
    "repurchaseRate, method 'customers'",
    (x, n, interval) => {
      const r = repurchaseRateFromCounts({ purchases: { 0: Math.floor((n - x) / 2), 1: n - x - Math.floor((n - x) / 2), 3: x } }, { interval });
      return { estimate: r.value, interval: r.interval };
    },
  ],
  [
    'upsellRatio (the upsell rate)',
    (x, n, interval) => {
      const r = upsellRatioFromCounts({ upgraded: x, notUpgraded: n - x }, { interval });
      return { estimate: r.upsellPercent, interval: r.interval };
    },
  ],
];

/** The level a caller writes for statsmodels' alpha: 0.05 -> 0.95. */
function levelOf(alpha: number): number {
  return new Dec(1).minus(alpha).toNumber();
}

function relative(got: number, want: number): number {
  return got === want ? 0 : Math.abs(got - want) / Math.abs(want);
}

function expectBound(got: number, want: number, exactEnd: boolean): void {
  if (exactEnd) {
    expect(got === 0 || got === 100).toBe(true);
    expect(Math.abs(got - want)).toBeLessThanOrEqual(1e-13);
  } else {
    expect(relative(got, want)).toBeLessThanOrEqual(TOLERANCE);
  }
}

describe('support and revenue rates: intervals against statsmodels proportion_confint', () => {
  const cases = METRICS.flatMap(([metric, of]) => METHODS.map(([column, method]) => [`${metric}: ${method}`, of, column, method] as const));
  it.each(cases)('%s', (_name, of, column, method) => {
    let checked = 0;
    for (const row of ROWS) {
      const level = levelOf(row.alpha);
      const got = of(row.count, row.nobs, { level, method });
      expect(got.interval).not.toBe(null);
      const i = got.interval!;
      const [lower, upper] = row[column]!.map((b) => b * 100) as [number, number];
      const wilsonEnd = method === 'wilson';
      expectBound(i.lower, lower, wilsonEnd && row.count === 0);
      expectBound(i.upper, upper, wilsonEnd && row.count === row.nobs);
      expect(i.level).toBe(level);
      expect(i.method).toBe(method);
      checked++;
    }
    expect(checked).toBe(ROWS.length);
    expect(checked).toBeGreaterThan(300);
  });

  it('gives the standard error in percent for Wald and Agresti-Coull, none for the others', () => {
    for (const [, of] of METRICS) {
      // Wald: sqrt(0.3 * 0.7 / 100) = 0.0458257569495584, in percent.
      expect(relative(of(30, 100, { level: 0.95, method: 'wald' }).interval!.standardError!, 4.58257569495584)).toBeLessThan(1e-12);
      expect(of(30, 100, { level: 0.95, method: 'agresti-coull' }).interval!.standardError).toBeGreaterThan(0);
      for (const method of ['wilson', 'jeffreys', 'clopper-pearson'] as const) expect(of(30, 100, { level: 0.95, method }).interval!.standardError).toBe(null);
    }
  });
});
