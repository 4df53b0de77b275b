/**
 * Sample size for a target margin of error.
 */
import * as z from 'zod/mini';
import { fail } from '../core/contract/errors.js';
import { lazy } from '../core/contract/lazy.js';
import { METRICS, type OperationName, PLANNED_METRICS, type PlannedMetric } from '../core/contract/registry.js';
import { deepFreeze } from '../core/contract/result.js';
import { levelSchema, plainObject } from '../core/contract/schemas.js';
import { customIssue, expected, parse } from '../core/contract/validate.js';
import { Dec } from '../core/exact/decimal.js';
import { normalCriticalValue } from '../core/stats/levels.js';
import { proportionWarnings, sampleWarnings, type Warning } from '../core/stats/warnings.js';
import { npsVariance } from '../core/survey/nps-score.js';

/** What {@link sampleSizeFor} plans for: `'proportion'`, or a metric the registry gives a sample-size plan (NPS, or a proportion metric by name). */
export type SampleSizeMetric = 'proportion' | PlannedMetric;

/** Expected NPS group shares, in percent. */
export interface ExpectedNpsShares {
  /** Expected promoters, in percent of the answers (0-100). */
  readonly promoters: number;
  /** Expected detractors, in percent of the answers (0-100); with `promoters`, at most 100. */
  readonly detractors: number;
}

/** The plan {@link sampleSizeFor} takes. */
export interface SampleSizeForOptions {
  /** `'nps'`, or `'proportion'` (or a proportion metric's name: `'csat'`, `'ces'`, `'firstContactResolution'`, ...). */
  readonly metric: SampleSizeMetric;
  /**
   * The half-width of the interval wanted: NPS points for `'nps'` (above 0,
   * at most 200), percentage points for a proportion (above 0, at most 100).
   */
  readonly marginOfError: number;
  /** Confidence level, strictly between 0 and 1. Default 0.95. */
  readonly level?: number;
  /**
   * What you expect to measure; the larger the variance it implies, the
   * more answers are needed. NPS: `{ promoters, detractors }` shares in
   * percent, default the worst case `{ promoters: 50, detractors: 50 }`. A
   * proportion: the expected percent, strictly between 0 and 100, default
   * the worst case 50.
   */
  readonly expected?: number | ExpectedNpsShares;
  /** The number of people who could answer, for the finite-population correction: an integer of at least 1. Default none (unlimited). */
  readonly population?: number;
}

/** The result of {@link sampleSizeFor}. */
export interface SampleSizeForResult {
  /** The operation's name, as in the registry. */
  readonly metric: 'sampleSizeFor';
  /** The unit of `value`: responses to collect. */
  readonly unit: 'responses';
  /** Responses needed (rounded up), after the finite-population correction when `population` was given. */
  readonly value: number;
  /** What the plan is for, as given in `metric`. */
  readonly estimate: SampleSizeMetric;
  /** As given: NPS points or percentage points. */
  readonly marginOfError: number;
  /** The confidence level planned for: as given, or the default 0.95. */
  readonly level: number;
  /** The expectation used (the worst case when none was given). */
  readonly expected: number | ExpectedNpsShares;
  /** As given; `null` for an unlimited population. */
  readonly population: number | null;
  /** Responses needed from an unlimited population (rounded up); equal to `value` without `population`. */
  readonly uncorrected: number;
  /** `small-sample` when the plan itself is too small for the normal approximation it rests on. */
  readonly warnings: readonly Warning[];
}

const METRIC = 'sampleSizeFor' satisfies OperationName;
const PLANS = /* @__PURE__ */ (() => ['proportion', ...PLANNED_METRICS] as const satisfies readonly SampleSizeMetric[])();
const PROPORTION_NAMES = /* @__PURE__ */ (() => PLANS.filter((m) => planOf(m) === 'proportion'))();

/** The plan a name stands for: `'nps'` or `'proportion'`. */
function planOf(metric: SampleSizeMetric): 'nps' | 'proportion' {
  return metric === 'proportion' ? 'proportion' : METRICS[metric].sampleSize;
}

const percentSchema = /* @__PURE__ */ lazy(() =>
  z.number(expected('a percent from 0 to 100')).check(z.minimum(0, expected('a percent from 0 to 100')), z.maximum(100, expected('a percent from 0 to 100'))),
);

const planSchema = /* @__PURE__ */ lazy(() =>
  plainObject(
    {
      metric: z.enum(PLANS, expected(`"nps" or a proportion ("${PROPORTION_NAMES.join('", "')}")`)),
      marginOfError: z.number(expected('a margin of error above 0')).check(z.gt(0, expected('a margin of error above 0'))),
      level: z.optional(levelSchema()),
      expected: z.optional(
        z.union(
          [
            z.number(expected('an expected percent strictly between 0 and 100')),
            plainObject({ promoters: percentSchema(), detractors: percentSchema() }, expected('expected shares { promoters, detractors }')),
          ],
          expected('an expected percent, or { promoters, detractors } for NPS'),
        ),
      ),
      population: z.optional(
        z
          .number(expected('an integer population of at least 1'))
          .check(z.int(expected('an integer population of at least 1')), z.minimum(1, expected('an integer population of at least 1'))),
      ),
    },
    expected('a plan { metric, marginOfError, level?, expected?, population? }'),
  ).check(
    z.superRefine((plan, ctx) => {
      const nps = planOf(plan.metric) === 'nps';
      const limit = nps ? 200 : 100;
      if (plan.marginOfError > limit) {
        ctx.addIssue(
          customIssue(
            'out-of-range',
            ['marginOfError'],
            `expected a margin of error of at most ${limit} ${nps ? 'points' : 'percentage points'}, received ${plan.marginOfError}`,
            plan.marginOfError,
          ),
        );
      }
      const e = plan.expected;
      if (e === undefined) return;
      if (nps && typeof e === 'number') {
        ctx.addIssue(customIssue('invalid-type', ['expected'], `expected { promoters, detractors } shares in percent for NPS, received ${e}`, e));
      } else if (!nps && typeof e === 'object') {
        ctx.addIssue(customIssue('invalid-type', ['expected'], 'expected a percent for a proportion, received an object', e));
      } else if (typeof e === 'number') {
        if (!(e > 0 && e < 100)) {
          ctx.addIssue(
            customIssue(
              'out-of-range',
              ['expected'],
              `expected a percent strictly between 0 and 100 (at 0 or 100 the formula needs no answers), received ${e}`,
              e,
            ),
          );
        }
      } else if (e.promoters + e.detractors > 100) {
        ctx.addIssue(
          customIssue(
            'inconsistent',
            ['expected', 'detractors'],
            `expected promoters + detractors of at most 100, received ${e.promoters} + ${e.detractors}`,
            e.detractors,
          ),
        );
      } else if (expectedNpsVariance(e).isZero()) {
        ctx.addIssue(
          customIssue('invalid-value', ['expected'], 'expected shares with some spread: when every answer is in one group the formula needs no answers', e),
        );
      }
    }),
  ),
);

/** The variance of one answer's NPS score for expected shares in percent. */
function expectedNpsVariance(e: ExpectedNpsShares): Dec {
  return npsVariance(new Dec(e.promoters).dividedBy(100), new Dec(e.detractors).dividedBy(100));
}

/**
 * Responses needed for a confidence interval of at most a given half-width
 * (margin of error), by the Wald-normal formula, with an optional
 * finite-population correction:
 *
 * - proportion: `n₀ = z² p (1 - p) / E²` (`p` the expected proportion, `E`
 *   the margin, both as fractions; the worst case `p = 1/2` by default);
 * - NPS: `n₀ = z² (p + d - (p - d)²) / E²` with expected promoter and
 *   detractor shares `p` and `d` and `E` in points / 100; the worst case,
 *   half promoters and half detractors, has variance 1;
 * - with `population` `N`, Cochran's correction (*Sampling Techniques*,
 *   1977, ch. 4): `n = n₀ / (1 + (n₀ - 1) / N)`.
 *
 * `z` is the two-sided normal critical value at `level`; the result is
 * rounded up. The Wald formula is the usual planning rule; the intervals the
 * library reports (Wilson, adjusted Wald) are close to it at the sizes it
 * gives, except for proportions near 0 or 100.
 *
 * @param options - The plan: `metric`, `marginOfError`, `level`, `expected`, `population`.
 * @returns The responses needed in `value`, with the inputs used and the
 *   uncorrected size.
 * @throws {@link MetricsError} (metric `'sampleSizeFor'`) when the plan is
 *   malformed: an unknown metric, a margin of error out of range, a level
 *   outside (0, 1), expected shares of the wrong kind or out of range, a
 *   population that is not a positive integer (`path` is `['options', field]`).
 * @example
 * sampleSizeFor({ metric: 'proportion', marginOfError: 5 }).value // => 385
 * sampleSizeFor({ metric: 'csat', marginOfError: 5, population: 1000 }).value // => 278
 * sampleSizeFor({ metric: 'nps', marginOfError: 5 }).value // => 1537
 * sampleSizeFor({ metric: 'nps', marginOfError: 5, expected: { promoters: 50, detractors: 20 } }).value // => 938
 * sampleSizeFor({ metric: 'nps', marginOfError: 0 }) // throws
 */
export function sampleSizeFor(options: SampleSizeForOptions): SampleSizeForResult {
  const plan = parse(METRIC, planSchema(), options, ['options']);
  const level = plan.level ?? 0.95;
  const nps = planOf(plan.metric) === 'nps';
  const expectedUsed: number | ExpectedNpsShares = plan.expected ?? (nps ? { promoters: 50, detractors: 50 } : 50);
  let variance: Dec;
  if (typeof expectedUsed === 'number') {
    const p = new Dec(expectedUsed).dividedBy(100);
    variance = p.times(new Dec(1).minus(p));
  } else {
    variance = expectedNpsVariance(expectedUsed);
  }
  const z = new Dec(normalCriticalValue(level));
  const margin = new Dec(plan.marginOfError).dividedBy(100);
  // A plan needs at least one answer: a margin wide enough (or a level low enough) for fewer asks for one.
  const n0 = Dec.max(1, z.times(z).times(variance).dividedBy(margin.times(margin)));
  const population = plan.population ?? null;
  const n = population === null ? n0 : n0.dividedBy(new Dec(1).plus(n0.minus(1).dividedBy(population)));
  if (n0.greaterThan(Number.MAX_SAFE_INTEGER)) {
    fail(METRIC, 'out-of-range', ['options', 'marginOfError'], `expected a margin of error that needs fewer than 2^53 answers, received ${plan.marginOfError}`);
  }
  const value = n.ceil().toNumber();
  const uncorrected = n0.ceil().toNumber();
  const warnings =
    typeof expectedUsed === 'number' ? proportionWarnings(toFixedCount(new Dec(value).times(expectedUsed).dividedBy(100)), value) : sampleWarnings(value);
  return deepFreeze({
    metric: 'sampleSizeFor',
    unit: 'responses',
    value,
    estimate: plan.metric,
    marginOfError: plan.marginOfError,
    level,
    expected: typeof expectedUsed === 'number' ? expectedUsed : { promoters: expectedUsed.promoters, detractors: expectedUsed.detractors },
    population,
    uncorrected,
    warnings,
  });
}

/** An expected count, to two decimals, for the small-sample rule's message. */
function toFixedCount(v: Dec): number {
  return v.toDecimalPlaces(2).toNumber();
}
