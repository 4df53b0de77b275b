/**
 * Comparing two results of the same metric: this period against the last,
 * a segment against the rest.
 */
import * as z from 'zod/mini';
import { COMPARE_METHODS, type CompareMethod, chooseMethod } from '../core/comparison/methods.js';
import { checkSameDefinition, readSample, type Side } from '../core/comparison/samples.js';
import { isPlainObject } from '../core/contract/brands.js';
import { fail } from '../core/contract/errors.js';
import { lazy } from '../core/contract/lazy.js';
import type { RoundingOptions } from '../core/contract/options.js';
import {
  COMPARABLE_METRICS,
  type ComparableMetric,
  isMetricName,
  isOperationName,
  METRICS,
  OPERATIONS,
  type OperationName,
} from '../core/contract/registry.js';
import { deepFreeze } from '../core/contract/result.js';
import { formatOf, levelSchema, optionsObject, roundingFields } from '../core/contract/schemas.js';
import { expected, parse } from '../core/contract/validate.js';
import { Dec, type OutputFormat, output, outputOrNull } from '../core/exact/decimal.js';
import { type DifferenceOutcome, meanDifference, npsDifference, proportionDifference } from '../core/stats/differences.js';
import { type Interval, toInterval } from '../core/stats/interval-fields.js';
import { intervalWarnings, type Warning } from '../core/stats/warnings.js';

export type { CompareMethod } from '../core/comparison/methods.js';
/** The metrics whose results {@link compare} takes: every metric the registry gives a compare plan. */
export type { ComparableMetric } from '../core/contract/registry.js';

/** Options of {@link compare}. */
export interface CompareOptions extends RoundingOptions {
  /** Confidence level of the interval, and `1 - level` the significance threshold of the test. Default 0.95. */
  readonly level?: number;
  /**
   * The test, where there is a choice: NPS takes `'adjusted-wald'` (default)
   * or `'wald'`. Every other metric has one test, which may be named here
   * (`'n-1'` for proportions, `'welch'` for means).
   */
  readonly method?: CompareMethod;
  /**
   * CSAT and CES only: `'percent'` (default) compares the percent satisfied
   * (or easy) with the N-1 test; `'mean'` compares the mean answers with
   * Welch's t-test. Other metrics have one quantity to compare and take no `on`.
   */
  readonly on?: 'percent' | 'mean';
}

/** The result of {@link compare}: `a` against `b`. */
export interface CompareResult {
  /** The metric of both results. */
  readonly metric: ComparableMetric;
  /**
   * The unit of `difference` and `interval`: `'points'` for NPS (score
   * points) and for means (points of the answer scale), `'percent'` for
   * proportions (percentage points; for `upsellRatio`, of `upsellPercent`).
   */
  readonly unit: 'points' | 'percent';
  /**
   * `a - b`: positive when `a` is higher. For NPS the observed scores'
   * difference; `null` when either result has no data.
   */
  readonly difference: number | null;
  /**
   * The confidence interval of `a - b` at `level` (method `'adjusted-wald'`,
   * `'wald'`, `'newcombe'` or `'welch'`); `null` when it is undefined (no
   * data, fewer than 2 answers for a mean, or no variance in either result
   * while the two differ).
   */
  readonly interval: Interval | null;
  /** The z statistic (NPS, proportions) or Welch's t; positive when `a` is higher. `null` when the test is undefined. */
  readonly statistic: number | null;
  /** Welch's degrees of freedom; `null` for the z tests and when the test is undefined. */
  readonly df: number | null;
  /** The two-sided p-value; `null` when the test is undefined. */
  readonly pValue: number | null;
  /** Whether `pValue < 1 - level`; `null` when the test is undefined. */
  readonly significant: boolean | null;
  /** The test run: `'adjusted-wald'` or `'wald'` (NPS), `'n-1'` (proportions), `'welch'` (means). */
  readonly method: CompareMethod;
  /** `small-sample` for either side (message prefixed `a:` or `b:`), `degenerate-wald`, `interval-clamped`. */
  readonly warnings: readonly Warning[];
}

/** What {@link compare} takes: a result of a comparable metric (it reads only the fields its test needs). */
export interface ComparableResult {
  /** The metric's name, as in the registry: one of {@link ComparableMetric}, or `compare` throws. */
  readonly metric: string;
}

const METRIC = 'compare' satisfies OperationName;

const compareOptionsSchema = /* @__PURE__ */ lazy(() =>
  optionsObject({
    level: z.optional(levelSchema()),
    method: z.optional(z.enum(COMPARE_METHODS, expected('"adjusted-wald", "wald", "n-1" or "welch"'))),
    on: z.optional(z.enum(['percent', 'mean'], expected('"percent" or "mean"'))),
    ...roundingFields(),
  }),
);

/** The metric of a result, or a MetricsError at `[side]` when it is not a result. */
function metricOf(side: Side, r: unknown): string {
  if (!isPlainObject(r) || typeof r.metric !== 'string') {
    fail(
      METRIC,
      'invalid-type',
      [side],
      `expected a metric result { metric, ... }, received ${r === null ? 'null' : Array.isArray(r) ? 'an array' : typeof r}`,
    );
  }
  return (r as { metric: string }).metric;
}

/** The metric as a comparable one, or a MetricsError with `invalid-value` at `[side, 'metric']` saying why it cannot be compared. */
function comparable(side: Side, metric: string, r: object): ComparableMetric {
  if (isMetricName(metric)) {
    const plan = METRICS[metric].compare;
    if (typeof plan === 'object') fail(METRIC, 'invalid-value', [side, 'metric'], plan.reason);
  } else if (isOperationName(metric)) {
    fail(METRIC, 'invalid-value', [side, 'metric'], OPERATIONS[metric]);
  }
  const known = COMPARABLE_METRICS.find((m) => m === metric);
  if (known === undefined) {
    fail(METRIC, 'invalid-value', [side, 'metric'], `expected a result of ${COMPARABLE_METRICS.join(', ')}, received ${JSON.stringify(metric)}`);
  }
  if (known === 'repurchaseRate' && Reflect.get(r, 'method') !== 'customers') {
    fail(
      METRIC,
      'invalid-value',
      [side, 'metric'],
      "repurchaseRate by 'repurchases' is purchases per customer, not a proportion of customers, and has no test: compare results by 'customers'",
    );
  }
  return known;
}

/**
 * Compares two results of the same metric: the difference `a - b` in the
 * metric's unit, its confidence interval, the test statistic, the
 * two-sided p-value, and whether the difference is significant at `level`.
 * Sign and direction are kept: a positive difference means `a` is higher.
 *
 * - **NPS**: a z test of the difference of the two scores, with the
 *   adjusted-Wald variance (default: 3/4 added to promoters and to
 *   detractors and 3 to `n` on each side, as Lewis and Sauro's test on
 *   MeasuringU, "How to statistically compare two Net Promoter Scores")
 *   or the Wald variance (`method: 'wald'`). `difference` is the observed
 *   difference; the adjusted-Wald interval and statistic are centred on
 *   the difference of the adjusted scores.
 * - **Proportions** (CSAT and CES percent, first contact resolution,
 *   customer churn, repurchase rate by customers, upsell percent of
 *   `upsellRatio`): the N-1 two-proportion test (Campbell 2007) and
 *   Newcombe's hybrid score interval (Newcombe 1998), in percentage points.
 * - **Means** (CSAT and CES with `on: 'mean'`, the loyalty index): Welch's
 *   t-test, from each result's `mean` (`value` for the loyalty index),
 *   `variance` and `total`.
 *
 * Weighted results (with `weighted`) count as `weighted.effectiveSampleSize`
 * answers, and a weighted proportion as that many times its percent.
 * Compare unrounded results: the test reads the results' numbers as they
 * are, and a rounded mean or percent is a different number. `significant`
 * is decided before the output is rounded by `decimals`.
 *
 * `compare(a, a)` has difference 0 and p-value 1; `compare(b, a)` is
 * `compare(a, b)` with the signs of the difference, the statistic and the
 * interval flipped.
 *
 * @param a - A result: the period or segment of interest.
 * @param b - A result of the same metric, computed the same way: the baseline.
 * @param options - `level`, `method`, `on` (CSAT and CES), output rounding.
 * @returns The comparison; numeric fields are `null` where the test is
 *   undefined (a result with no data, fewer than 2 answers for a mean).
 * @throws {@link MetricsError} (metric `'compare'`) when an argument is not a
 *   result (`path` `['a']` or `['b']`), the metric cannot be compared
 *   (`['a', 'metric']`, code `'invalid-value'`, with the reason), the two are
 *   of different metrics (`['b', 'metric']`, `'inconsistent'`) or
 *   definitions (`['b', 'denominator']`, ...), a field the test needs is
 *   missing or malformed (`['a', 'total']`, ...), or an option is invalid.
 * @example
 * const before = npsFromCounts({ promoters: 300, passives: 400, detractors: 300 });
 * const after = npsFromCounts({ promoters: 400, passives: 350, detractors: 250 });
 * const c = compare(after, before);
 * c.difference // => 15
 * c.significant // => true
 * compare(after, before, { decimals: 1 }).interval // => { lower: 8.1, upper: 21.8, level: 0.95, method: 'adjusted-wald', standardError: 3.5, clamped: false }
 * compare(before, before).pValue // => 1
 * compare(before, after).difference // => -15
 * compare(csatFromCounts({ points: { 1: 10, 4: 30, 5: 60 } }), csatFromCounts({ points: { 1: 25, 4: 35, 5: 40 } }), { decimals: 4 }).pValue // => 0.0054
 * compare(before, csatFromCounts({ points: { 5: 1 } })) // throws
 */
export function compare(a: ComparableResult, b: ComparableResult, options?: CompareOptions): CompareResult {
  const o = parse(METRIC, compareOptionsSchema(), options, ['options']) ?? {};
  const level = o.level ?? 0.95;
  const format = formatOf(o);
  const metric = comparable('a', metricOf('a', a), a);
  const metricB = metricOf('b', b);
  if (metricB !== metric) fail(METRIC, 'inconsistent', ['b', 'metric'], `expected a result of ${metric}, like a, received ${JSON.stringify(metricB)}`);
  comparable('b', metricB, b);
  const { method, on } = chooseMethod(metric, o.method, o.on);
  const sa = readSample('a', metric, a, on);
  const sb = readSample('b', metric, b, on);
  checkSameDefinition(metric, a, b, on);

  let outcome: DifferenceOutcome;
  if (sa.kind === 'nps' && sb.kind === 'nps' && (method === 'adjusted-wald' || method === 'wald')) {
    outcome = npsDifference(sa, sb, level, method);
  } else if (sa.kind === 'proportion' && sb.kind === 'proportion') {
    outcome = proportionDifference(sa, sb, level);
  } else if (sa.kind === 'mean' && sb.kind === 'mean') {
    outcome = meanDifference(sa, sb, level);
  } else {
    throw new TypeError('compare: samples of different kinds, or a test their kind does not take');
  }
  return result(metric, method, level, format, outcome);
}

function result(metric: ComparableMetric, method: CompareMethod, level: number, format: OutputFormat, outcome: DifferenceOutcome): CompareResult {
  const unit = metric === 'nps' || method === 'welch' ? 'points' : 'percent';
  const intervalMethod = method === 'n-1' ? 'newcombe' : method;
  const b = outcome.bounds;
  const interval = b === null ? null : toInterval(b, { level, method: intervalMethod }, format);
  const significant = outcome.pValue === null ? null : new Dec(outcome.pValue).lessThan(new Dec(1).minus(new Dec(level)));
  const round = (v: number | null) => (v === null ? null : output(new Dec(v), format));
  return deepFreeze({
    metric,
    unit,
    difference: outputOrNull(outcome.difference, format),
    interval,
    statistic: round(outcome.statistic),
    df: round(outcome.df),
    pValue: round(outcome.pValue),
    significant,
    method,
    warnings: [...outcome.warnings, ...intervalWarnings(interval).filter((w) => w.code === 'interval-clamped')],
  });
}
