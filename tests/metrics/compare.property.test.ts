/**
 * Laws of compare(): a result against itself, sign flips, intervals that
 * contain the difference and widen with the level, significance read off
 * the p-value, raw path = counts path, equal weights = no weights, output
 * hygiene, and invalid input.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  type ComparableResult,
  type CompareOptions,
  type CompareResult,
  compare,
  csat,
  customerChurn,
  firstContactResolutionFromCounts,
  isMetricsError,
  loyaltyIndex,
  nps,
  npsCounts,
  npsFromCounts,
  upsellRatioFromCounts,
} from '../../src/index.js';

const RUNS = { numRuns: 100 };

const npsGroups = fc
  .record({ promoters: fc.nat(400), passives: fc.nat(400), detractors: fc.nat(400) })
  .filter((g) => g.promoters + g.passives + g.detractors > 0);
const npsResult = npsGroups.map((g) => npsFromCounts(g));
const proportion = fc.integer({ min: 1, max: 2000 }).chain((n) => fc.tuple(fc.nat(n), fc.constant(n)));
const proportionResult = fc.oneof(
  proportion.map(([x, n]) => firstContactResolutionFromCounts({ total: n, resolved: n, resolvedFirstContact: x }) as ComparableResult),
  proportion.map(([x, n]) => customerChurn({ customersAtStart: n, customersLost: x }) as ComparableResult),
  proportion.map(([x, n]) => upsellRatioFromCounts({ upgraded: x, notUpgraded: n - x }) as ComparableResult),
);
const answers = fc.array(fc.integer({ min: 1, max: 5 }), { minLength: 2, maxLength: 60 });
const level = fc.constantFrom(0.8, 0.9, 0.95, 0.99);

/** Pairs of results of one metric, with the options that pick its tests. */
const pair: fc.Arbitrary<[ComparableResult, ComparableResult, CompareOptions]> = fc.oneof(
  fc.tuple(npsResult, npsResult, fc.constantFrom<CompareOptions>({}, { method: 'wald' })),
  fc
    .tuple(proportionResult, proportionResult)
    .filter(([a, b]) => a.metric === b.metric)
    .map(([a, b]) => [a, b, {}] as [ComparableResult, ComparableResult, CompareOptions]),
  fc.tuple(
    answers.map((s) => csat(s)),
    answers.map((s) => csat(s)),
    fc.constantFrom<CompareOptions>({}, { on: 'mean' }),
  ),
  fc.tuple(
    fc
      .array(fc.record({ recommend: fc.integer({ min: 0, max: 10 }), repurchase: fc.integer({ min: 0, max: 10 }), upsell: fc.integer({ min: 0, max: 10 }) }), {
        minLength: 2,
        maxLength: 30,
      })
      .map((a) => loyaltyIndex(a)),
    fc
      .array(fc.record({ recommend: fc.integer({ min: 0, max: 10 }), repurchase: fc.integer({ min: 0, max: 10 }), upsell: fc.integer({ min: 0, max: 10 }) }), {
        minLength: 2,
        maxLength: 30,
      })
      .map((a) => loyaltyIndex(a)),
    fc.constant<CompareOptions>({}),
  ),
);

const negate = (v: number | null) => (v === null ? null : v === 0 ? 0 : -v);

/** Every number in a value: finite and never -0. */
function hygienic(value: unknown): boolean {
  if (typeof value === 'number') return Number.isFinite(value) && !Object.is(value, -0);
  if (typeof value === 'object' && value !== null) return Object.values(value).every(hygienic);
  return true;
}

describe('compare: properties', () => {
  it('a result against itself: difference 0, statistic 0, p-value 1, not significant', () => {
    fc.assert(
      fc.property(pair, level, ([a, , options], lv) => {
        const c = compare(a, a, { ...options, level: lv });
        expect(c.difference).toBe(0);
        if (c.pValue !== null) {
          expect(c.statistic).toBe(0);
          expect(c.pValue).toBe(1);
          expect(c.significant).toBe(false);
        }
      }),
      RUNS,
    );
  });
  it('compare(b, a) is compare(a, b) with difference, statistic and interval flipped', () => {
    fc.assert(
      fc.property(pair, level, ([a, b, options], lv) => {
        const ab = compare(a, b, { ...options, level: lv });
        const ba = compare(b, a, { ...options, level: lv });
        expect(ba.difference).toBe(negate(ab.difference));
        expect(ba.statistic).toBe(negate(ab.statistic));
        expect(ba.pValue).toBe(ab.pValue);
        expect(ba.df).toBe(ab.df);
        expect(ba.significant).toBe(ab.significant);
        if (ab.interval === null) {
          expect(ba.interval).toBe(null);
        } else {
          expect(ba.interval).toStrictEqual({ ...ab.interval, lower: negate(ab.interval.upper), upper: negate(ab.interval.lower) });
        }
      }),
      RUNS,
    );
  });
  it('the Wald, Newcombe and Welch intervals contain the difference, and widen with the level', () => {
    fc.assert(
      fc.property(pair, ([a, b, options]) => {
        const narrow = compare(a, b, { ...options, level: 0.8 });
        const wide = compare(a, b, { ...options, level: 0.99 });
        if (narrow.interval === null || wide.interval === null) return;
        if (narrow.method !== 'adjusted-wald') {
          expect(narrow.interval.lower <= narrow.difference! && narrow.difference! <= narrow.interval.upper).toBe(true);
        }
        expect(wide.interval.lower).toBeLessThanOrEqual(narrow.interval.lower);
        expect(wide.interval.upper).toBeGreaterThanOrEqual(narrow.interval.upper);
      }),
      RUNS,
    );
  });
  it('is significant exactly when the p-value is below 1 - level', () => {
    fc.assert(
      fc.property(pair, level, ([a, b, options], lv) => {
        const c = compare(a, b, { ...options, level: lv });
        if (c.pValue === null) expect(c.significant).toBe(null);
        else expect(c.significant).toBe(c.pValue < 1 - lv);
      }),
      RUNS,
    );
  });
  it('gives the same comparison from raw answers and from their tallies', () => {
    const scores = fc.array(fc.integer({ min: 0, max: 10 }), { minLength: 1, maxLength: 80 });
    fc.assert(
      fc.property(scores, scores, (x, y) => {
        expect(compare(nps(x), nps(y))).toStrictEqual(compare(npsFromCounts(npsCounts(x)), npsFromCounts(npsCounts(y))));
      }),
      RUNS,
    );
  });
  it('with equal weights is the unweighted comparison (1e-12 relative: weighted shares pass through doubles)', () => {
    const scores = fc.array(fc.integer({ min: 0, max: 10 }), { minLength: 2, maxLength: 80 });
    fc.assert(
      fc.property(scores, scores, fc.constantFrom(1, 2.5, 7), (x, y, w) => {
        const weighted = compare(nps(x, { weights: x.map(() => w) }), nps(y), { method: 'wald' });
        const plain = compare(nps(x), nps(y), { method: 'wald' });
        for (const [got, want] of [
          [weighted.difference, plain.difference],
          [weighted.statistic, plain.statistic],
          [weighted.interval?.lower, plain.interval?.lower],
          [weighted.interval?.upper, plain.interval?.upper],
        ] as const) {
          if (want === null || want === undefined) expect(got ?? null).toBe(want ?? null);
          else expect(Math.abs(got! - want)).toBeLessThanOrEqual(1e-12 * Math.max(1, Math.abs(want)));
        }
      }),
      RUNS,
    );
  });
  it('never returns NaN, Infinity or -0, and freezes its result', () => {
    fc.assert(
      fc.property(pair, level, fc.option(fc.integer({ min: 0, max: 6 }), { nil: undefined }), ([a, b, options], lv, decimals) => {
        const c: CompareResult = compare(a, b, { ...options, level: lv, ...(decimals === undefined ? {} : { decimals }) });
        expect(hygienic(c)).toBe(true);
        expect(Object.isFrozen(c)).toBe(true);
      }),
      RUNS,
    );
  });
  it('throws a MetricsError at the argument for anything that is not a result', () => {
    const good = npsFromCounts({ promoters: 1, passives: 1, detractors: 1 });
    fc.assert(
      fc.property(fc.oneof(fc.integer(), fc.string(), fc.constant(null), fc.array(fc.nat()), fc.boolean()), (bad) => {
        for (const [args, path] of [
          [[bad, good], ['a']],
          [[good, bad], ['b']],
        ] as const) {
          let caught: unknown = null;
          try {
            compare(...(args as unknown as [ComparableResult, ComparableResult]));
          } catch (e) {
            caught = e;
          }
          expect(isMetricsError(caught)).toBe(true);
          expect((caught as { path: unknown }).path).toStrictEqual(path);
        }
      }),
      RUNS,
    );
  });
});
