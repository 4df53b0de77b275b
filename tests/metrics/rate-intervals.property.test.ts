/**
 * Laws of the intervals and warnings of the support and revenue rates that
 * are proportions: first contact resolution, customer churn, repurchase rate
 * by customers, and the upsell rate of upsellRatio.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Interval } from '../../src/core/stats/interval-fields.js';
import type { ProportionMethod } from '../../src/core/stats/proportion-intervals.js';
import type { Warning } from '../../src/core/stats/warnings.js';
import {
  customerChurn,
  firstContactResolution,
  firstContactResolutionCounts,
  firstContactResolutionFromCounts,
  mergeCounts,
  repurchaseRate,
  repurchaseRateCounts,
  repurchaseRateFromCounts,
  upsellRatio,
  upsellRatioCounts,
  upsellRatioFromCounts,
} from '../../src/index.js';
import { isClean } from '../helpers/rational.js';

const METHODS: ProportionMethod[] = ['wilson', 'agresti-coull', 'jeffreys', 'clopper-pearson', 'wald'];
const method = fc.constantFrom(...METHODS);
const level = fc.oneof(fc.constantFrom(0.8, 0.9, 0.95, 0.99), fc.double({ min: 0.01, max: 0.9999, noNaN: true }));
/** x successes of n, with the ends and small counts well represented. */
const counts = fc.oneof(
  fc.integer({ min: 0, max: 60 }).chain((n) => fc.tuple(fc.integer({ min: 0, max: n }), fc.constant(n))),
  fc.integer({ min: 1, max: 1e7 }).chain((n) => fc.tuple(fc.oneof(fc.constantFrom(0, n), fc.integer({ min: 0, max: n })), fc.constant(n))),
);

interface Rate {
  readonly estimate: number | null;
  readonly interval: Interval | null | undefined;
  readonly warnings: readonly Warning[];
  readonly whole: unknown;
}
type RateOf = (x: number, n: number, options: { interval?: boolean | { level?: number; method?: ProportionMethod }; decimals?: number }) => Rate;

const METRICS: [string, RateOf][] = [
  [
    'firstContactResolution',
    (x, n, o) => {
      const r = firstContactResolutionFromCounts({ total: n, resolved: n, resolvedFirstContact: x }, o);
      return { estimate: r.value, interval: r.interval, warnings: r.warnings, whole: r };
    },
  ],
  [
    'customerChurn',
    (x, n, o) => {
      const r = customerChurn({ customersAtStart: n, customersLost: x }, o);
      return { estimate: r.value, interval: r.interval, warnings: r.warnings, whole: r };
    },
  ],
  [
    'repurchaseRate',
    (x, n, o) => {
      const r = repurchaseRateFromCounts({ purchases: { 1: n - x, 2: x } }, o);
      return { estimate: r.value, interval: r.interval, warnings: r.warnings, whole: r };
    },
  ],
  [
    'upsellRatio',
    (x, n, o) => {
      const r = upsellRatioFromCounts({ upgraded: x, notUpgraded: n - x }, o);
      return { estimate: r.upsellPercent, interval: r.interval, warnings: r.warnings, whole: r };
    },
  ],
];

describe.each(METRICS)('%s: interval laws', (_metric, rate) => {
  it('holds the estimate (Wilson, Clopper-Pearson, Wald), stays within 0..100, and the result is clean', () => {
    fc.assert(
      fc.property(counts, method, level, ([x, n], m, l) => {
        const r = rate(x, n, { interval: { method: m, level: l } });
        expect(isClean(r.whole)).toBe(true);
        if (n === 0) {
          expect(r.interval).toBe(null);
          return;
        }
        const i = r.interval!;
        expect(i.lower).toBeGreaterThanOrEqual(0);
        expect(i.upper).toBeLessThanOrEqual(100);
        expect(i.lower).toBeLessThanOrEqual(i.upper);
        if (m === 'wilson' || m === 'clopper-pearson' || m === 'wald') {
          expect(i.lower).toBeLessThanOrEqual(r.estimate!);
          expect(i.upper).toBeGreaterThanOrEqual(r.estimate!);
        }
      }),
      { numRuns: 200 },
    );
  });

  it('widens with the level', () => {
    fc.assert(
      fc.property(
        counts.filter(([, n]) => n > 0),
        method,
        level,
        level,
        ([x, n], m, a, b) => {
          const [lo, hi] = a <= b ? [a, b] : [b, a];
          const narrow = rate(x, n, { interval: { method: m, level: lo } }).interval!;
          const wide = rate(x, n, { interval: { method: m, level: hi } }).interval!;
          expect(wide.lower).toBeLessThanOrEqual(narrow.lower);
          expect(wide.upper).toBeGreaterThanOrEqual(narrow.upper);
        },
      ),
      { numRuns: 150 },
    );
  });

  it('narrows with more data at the same share (Wilson and Wald)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 500 }).chain((n) => fc.tuple(fc.integer({ min: 0, max: n }), fc.constant(n))),
        fc.integer({ min: 2, max: 50 }),
        fc.constantFrom('wilson' as const, 'wald' as const),
        ([x, n], k, m) => {
          const small = rate(x, n, { interval: { method: m } }).interval!;
          const large = rate(k * x, k * n, { interval: { method: m } }).interval!;
          expect(large.upper - large.lower).toBeLessThanOrEqual((small.upper - small.lower) * (1 + 1e-12));
        },
      ),
      { numRuns: 150 },
    );
  });

  it('warns small-sample by the proportion rule, degenerate-wald at the ends, and rounds the interval like the value', () => {
    fc.assert(
      fc.property(counts, method, fc.integer({ min: 0, max: 6 }), ([x, n], m, decimals) => {
        const r = rate(x, n, { interval: { method: m } });
        const small = n > 0 && (n < 30 || Math.min(x, n - x) < 10);
        const codes = r.warnings.map((w) => w.code);
        expect(codes.includes('small-sample')).toBe(small);
        expect(codes.includes('degenerate-wald')).toBe(m === 'wald' && n > 0 && (x === 0 || x === n));
        expect(codes.includes('interval-clamped')).toBe(r.interval?.clamped === true);
        expect(rate(x, n, {}).warnings.map((w) => w.code)).toStrictEqual(small ? ['small-sample'] : []);
        const rounded = rate(x, n, { interval: { method: m }, decimals }).interval;
        if (r.interval) {
          const f = 10 ** decimals;
          expect(Math.abs(rounded!.lower - r.interval.lower)).toBeLessThanOrEqual(0.5 / f + 1e-9);
          expect(Math.abs(rounded!.upper - r.interval.upper)).toBeLessThanOrEqual(0.5 / f + 1e-9);
          // At most `decimals` places: a whole number of 10^-decimals, to the double's precision.
          for (const b of [rounded!.lower, rounded!.upper]) expect(Math.abs(b * f - Math.round(b * f))).toBeLessThan(1e-6);
        }
      }),
      { numRuns: 150 },
    );
  });
});

describe('support and revenue rates: the interval on the raw path, the counts path and merged tallies', () => {
  const interval = fc.oneof(fc.constant(true as const), fc.record({ level: level, method: method }, { requiredKeys: [] }));

  it('firstContactResolution', () => {
    const tickets = fc.array(fc.record({ contacts: fc.integer({ min: 1, max: 3 }), resolved: fc.boolean(), reopened: fc.boolean() }), { maxLength: 60 });
    fc.assert(
      fc.property(tickets, tickets, interval, fc.constantFrom('resolved' as const, 'all' as const), (a, b, i, d) => {
        const o = { interval: i, denominator: d };
        const whole = firstContactResolution([...a, ...b], o);
        expect(firstContactResolutionFromCounts(mergeCounts(firstContactResolutionCounts(a, o), firstContactResolutionCounts(b, o)), o)).toStrictEqual(whole);
      }),
      { numRuns: 100 },
    );
  });

  it('repurchaseRate', () => {
    const purchases = fc.array(fc.integer({ min: 0, max: 5 }), { maxLength: 60 });
    fc.assert(
      fc.property(purchases, purchases, interval, (a, b, i) => {
        const whole = repurchaseRate([...a, ...b], { interval: i });
        expect(repurchaseRateFromCounts(mergeCounts(repurchaseRateCounts(a), repurchaseRateCounts(b)), { interval: i })).toStrictEqual(whole);
        expect(repurchaseRate(new Uint8Array([...a, ...b]), { interval: i })).toStrictEqual(whole);
      }),
      { numRuns: 100 },
    );
  });

  it('upsellRatio', () => {
    const records = fc.array(fc.record({ upgraded: fc.boolean() }), { maxLength: 60 });
    fc.assert(
      fc.property(records, records, interval, (a, b, i) => {
        const whole = upsellRatio([...a, ...b], { interval: i });
        expect(upsellRatioFromCounts(mergeCounts(upsellRatioCounts(a), upsellRatioCounts(b)), { interval: i })).toStrictEqual(whole);
        expect(upsellRatio(upsellRatioCounts([...a, ...b]), { interval: i })).toStrictEqual(whole);
      }),
      { numRuns: 100 },
    );
  });
});
