/**
 * Comparing two results of the same metric: this period against the last,
 * a segment against the rest.
 */
import { z } from 'zod';
import { fail } from '../core/contract/errors.js';
import type { RoundingOptions } from '../core/contract/options.js';
import { deepFreeze } from '../core/contract/result.js';
import { countSchema, formatOf, optionsObject, roundingFields } from '../core/contract/schemas.js';
import { expected, parse } from '../core/contract/validate.js';
import { Dec, type OutputFormat, output, outputOrNull, toNumber } from '../core/exact/decimal.js';
import {
  type DifferenceOutcome,
  type MeanSample,
  meanDifference,
  type NpsSample,
  npsDifference,
  type ProportionSample,
  proportionDifference,
} from '../core/stats/differences.js';
import { type Interval, intervalWarnings, toInterval, type Warning } from '../core/stats/inference.js';

/** The metrics whose results {@link compare} takes. */
export type ComparableMetric = 'nps' | 'csat' | 'ces' | 'loyaltyIndex' | 'firstContactResolution' | 'customerChurn' | 'repurchaseRate' | 'upsellRatio';

/**
 * The test behind a comparison:
 *
 * - `'adjusted-wald'` (NPS, default) and `'wald'` (NPS): a z test of the
 *   difference of two scores with the adjusted-Wald or the Wald variance;
 * - `'n-1'`: the N-1 two-proportion test (proportion metrics, and CSAT and
 *   CES on the percent), with Newcombe's hybrid score interval;
 * - `'welch'`: Welch's t-test of two means (the loyalty index, and CSAT and
 *   CES with `on: 'mean'`).
 */
export type CompareMethod = 'adjusted-wald' | 'wald' | 'n-1' | 'welch';

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
  readonly method: CompareMethod;
  /** `small-sample` for either side (message prefixed `a:` or `b:`), `degenerate-wald`, `interval-clamped`. */
  readonly warnings: readonly Warning[];
}

/** What {@link compare} takes: a result of a comparable metric (it reads only the fields its test needs). */
export interface ComparableResult {
  readonly metric: string;
}

const METRIC = 'compare';

/** Metrics whose results exist but cannot be compared, and why. */
const NOT_COMPARABLE: Readonly<Record<string, string>> = {
  timeToResolution: 'timeToResolution results cannot be compared: durations are skewed and censored, and no test of medians is provided',
  mrrChurn:
    'mrrChurn is computed from the whole customer base, not from a sample: there is no sampling error to test, and the difference of the values is exact',
  netMrrChurn:
    'netMrrChurn is computed from the whole customer base, not from a sample: there is no sampling error to test, and the difference of the values is exact',
  expansionRevenue:
    'expansionRevenue is computed from the whole customer base, not from a sample: there is no sampling error to test, and the difference of the values is exact',
  mrrMovements: 'mrrMovements is a tally of revenue movements, not an estimate',
  churnToAnnual: 'churnToAnnual converts a given rate and keeps no counts to test: compare the customerChurn results it came from',
  churnToMonthly: 'churnToMonthly converts a given rate and keeps no counts to test: compare the customerChurn results it came from',
  checkTargets: 'a target check is not an estimate',
  sourceTargets: 'a target is not an estimate',
  sampleSizeFor: 'a sample size is a plan, not an estimate',
};

const COMPARABLE: readonly ComparableMetric[] = [
  'nps',
  'csat',
  'ces',
  'loyaltyIndex',
  'firstContactResolution',
  'customerChurn',
  'repurchaseRate',
  'upsellRatio',
];

const levelSchema = z
  .number(expected('a level strictly between 0 and 1'))
  .gt(0, expected('a level strictly between 0 and 1'))
  .lt(1, expected('a level strictly between 0 and 1'));

const compareOptionsSchema = optionsObject({
  level: levelSchema.optional(),
  method: z.enum(['adjusted-wald', 'wald', 'n-1', 'welch'], expected('"adjusted-wald", "wald", "n-1" or "welch"')).optional(),
  on: z.enum(['percent', 'mean'], expected('"percent" or "mean"')).optional(),
  ...roundingFields,
});

// ---------------------------------------------------------------------------
// Reading a result.

/** The fields a test reads from one side. */
type Side = NpsSample | ProportionSample | MeanSample;

const finite = z.number(expected('a finite number'));
const finiteOrNull = z.number(expected('a finite number or null')).nullable();
const share = z.looseObject({ count: countSchema, percent: finiteOrNull }, expected('a share { count, percent }'));
const weightedSchema = z
  .looseObject(
    {
      totalWeight: finite.min(0, expected('a weight of at least 0')),
      effectiveSampleSize: finite.min(0, expected('an effective sample size of at least 0')),
    },
    expected('{ totalWeight, effectiveSampleSize }'),
  )
  .nullable()
  .optional();

const npsSchema = z.looseObject({ total: countSchema, promoters: share, passives: share, detractors: share, weighted: weightedSchema });
const pointFields = { value: finiteOrNull, total: countSchema, mean: finiteOrNull, variance: finiteOrNull, weighted: weightedSchema };
const csatSchema = z.looseObject({ ...pointFields, satisfied: share });
const cesSchema = z.looseObject({ ...pointFields, easy: share });
const distributionSchema = z.looseObject({
  distribution: z.array(z.looseObject({ point: finite }, expected('a point { point, count, percent }')), expected('a distribution')),
});
const loyaltySchema = z.looseObject({
  value: finiteOrNull,
  total: countSchema,
  variance: finiteOrNull,
  aggregate: z.enum(['sum', 'mean'], expected('"sum" or "mean"')),
});
const fcrSchema = z.looseObject({
  resolvedFirstContact: countSchema,
  resolved: countSchema,
  total: countSchema,
  denominator: z.enum(['resolved', 'all'], expected('"resolved" or "all"')),
});
const churnSchema = z.looseObject({
  customersLost: countSchema,
  total: countSchema,
  denominator: z.enum(['start', 'start-plus-added'], expected('"start" or "start-plus-added"')),
});
const repurchaseSchema = z.looseObject({ repeatCustomers: countSchema, total: countSchema });
const upsellSchema = z.looseObject({ upgraded: countSchema, notUpgraded: countSchema, total: countSchema });

/** `effectiveSampleSize` when the result was weighted, else `null`. */
function effectiveSize(weighted: { effectiveSampleSize: number } | null | undefined): number | null {
  return weighted === null || weighted === undefined ? null : weighted.effectiveSampleSize;
}

/** Fails with `inconsistent` at `[side, field]` unless `part <= whole`. */
function within(side: 'a' | 'b', field: string, part: number, whole: number, wholeName: string): void {
  if (part > whole) fail(METRIC, 'inconsistent', [side, field], `expected ${field} of at most ${wholeName} (${whole}), received ${part}`);
}

/** A proportion side: raw counts, or under weights `percent / 100` of the effective sample size. */
function proportionSide(x: number, n: number, percent: number | null, weighted: { effectiveSampleSize: number } | null | undefined): Side {
  const nEff = effectiveSize(weighted);
  if (nEff === null) return { kind: 'proportion', n, x, percent: n === 0 ? null : new Dec(x).times(100).dividedBy(n) };
  if (nEff === 0 || percent === null) return { kind: 'proportion', n: 0, x: 0, percent: null };
  const p = new Dec(percent);
  return { kind: 'proportion', n: nEff, x: Math.min(nEff, toNumber(p.dividedBy(100).times(new Dec(nEff)))), percent: p };
}

function readSide(side: 'a' | 'b', metric: ComparableMetric, r: unknown, on: 'percent' | 'mean'): Side {
  switch (metric) {
    case 'nps': {
      const o = parse(METRIC, npsSchema, r, [side]);
      if (o.promoters.count + o.passives.count + o.detractors.count !== o.total) {
        fail(
          METRIC,
          'inconsistent',
          [side, 'total'],
          `expected total to equal promoters + passives + detractors (${o.promoters.count + o.passives.count + o.detractors.count}), received ${o.total}`,
        );
      }
      const nEff = effectiveSize(o.weighted);
      if (nEff === null) {
        const n = new Dec(o.total);
        const observed = o.total === 0 ? null : new Dec(o.promoters.count - o.detractors.count).times(100).dividedBy(o.total);
        return { kind: 'nps', n, promoters: new Dec(o.promoters.count), detractors: new Dec(o.detractors.count), observed };
      }
      if (nEff === 0 || o.promoters.percent === null || o.detractors.percent === null) {
        return { kind: 'nps', n: new Dec(0), promoters: new Dec(0), detractors: new Dec(0), observed: null };
      }
      const n = new Dec(nEff);
      const p = new Dec(o.promoters.percent);
      const d = new Dec(o.detractors.percent);
      return { kind: 'nps', n, promoters: p.times(n).dividedBy(100), detractors: d.times(n).dividedBy(100), observed: p.minus(d) };
    }
    case 'csat':
    case 'ces': {
      let o: z.output<typeof csatSchema> | z.output<typeof cesSchema>;
      let group: { count: number; percent: number | null };
      if (metric === 'csat') {
        const c = parse(METRIC, csatSchema, r, [side]);
        [o, group] = [c, c.satisfied];
      } else {
        const c = parse(METRIC, cesSchema, r, [side]);
        [o, group] = [c, c.easy];
      }
      const groupName = metric === 'csat' ? 'satisfied' : 'easy';
      within(side, groupName, group.count, o.total, 'total');
      if (on === 'mean') return meanSide(o.total, o.mean, o.variance, o.weighted);
      return proportionSide(group.count, o.total, o.value, o.weighted);
    }
    case 'loyaltyIndex': {
      const o = parse(METRIC, loyaltySchema, r, [side]);
      return meanSide(o.total, o.value, o.variance, null);
    }
    case 'firstContactResolution': {
      const o = parse(METRIC, fcrSchema, r, [side]);
      within(side, 'resolved', o.resolved, o.total, 'total');
      within(side, 'resolvedFirstContact', o.resolvedFirstContact, o.resolved, 'resolved');
      return proportionSide(o.resolvedFirstContact, o.denominator === 'resolved' ? o.resolved : o.total, null, null);
    }
    case 'customerChurn': {
      const o = parse(METRIC, churnSchema, r, [side]);
      within(side, 'customersLost', o.customersLost, o.total, 'total');
      return proportionSide(o.customersLost, o.total, null, null);
    }
    case 'repurchaseRate': {
      const o = parse(METRIC, repurchaseSchema, r, [side]);
      within(side, 'repeatCustomers', o.repeatCustomers, o.total, 'total');
      return proportionSide(o.repeatCustomers, o.total, null, null);
    }
    case 'upsellRatio': {
      const o = parse(METRIC, upsellSchema, r, [side]);
      if (o.upgraded + o.notUpgraded !== o.total) {
        fail(METRIC, 'inconsistent', [side, 'total'], `expected total to equal upgraded + notUpgraded (${o.upgraded + o.notUpgraded}), received ${o.total}`);
      }
      return proportionSide(o.upgraded, o.total, null, null);
    }
  }
}

function meanSide(total: number, mean: number | null, variance: number | null, weighted: { effectiveSampleSize: number } | null | undefined): Side {
  const nEff = effectiveSize(weighted);
  const n = nEff ?? total;
  if (n === 0 || mean === null) return { kind: 'mean', n: 0, mean: null, variance: null };
  return { kind: 'mean', n, mean: new Dec(mean), variance: variance === null ? null : new Dec(variance) };
}

/** The metric of a result, or a MetricsError at `[side]` when it is not a result. */
function metricOf(side: 'a' | 'b', r: unknown): string {
  if (typeof r !== 'object' || r === null || Array.isArray(r) || typeof (r as { metric?: unknown }).metric !== 'string') {
    fail(
      METRIC,
      'invalid-type',
      [side],
      `expected a metric result { metric, ... }, received ${r === null ? 'null' : Array.isArray(r) ? 'an array' : typeof r}`,
    );
  }
  return (r as { metric: string }).metric;
}

/** Fails with `invalid-value` at `[side, 'metric']` for a metric that cannot be compared. */
function comparable(side: 'a' | 'b', metric: string, r: object): ComparableMetric {
  if (Object.hasOwn(NOT_COMPARABLE, metric)) fail(METRIC, 'invalid-value', [side, 'metric'], NOT_COMPARABLE[metric]!);
  if (!(COMPARABLE as readonly string[]).includes(metric)) {
    fail(METRIC, 'invalid-value', [side, 'metric'], `expected a result of ${COMPARABLE.join(', ')}, received ${JSON.stringify(metric)}`);
  }
  if (metric === 'repurchaseRate' && (r as { method?: unknown }).method !== 'customers') {
    fail(
      METRIC,
      'invalid-value',
      [side, 'metric'],
      "repurchaseRate by 'repurchases' is purchases per customer, not a proportion of customers, and has no test: compare results by 'customers'",
    );
  }
  return metric as ComparableMetric;
}

/** Fails with `inconsistent` at `['b', field]` when the two results were computed by different definitions. */
function sameDefinition(metric: ComparableMetric, a: object, b: object, on: 'percent' | 'mean'): void {
  const field = (
    { firstContactResolution: 'denominator', customerChurn: 'denominator', loyaltyIndex: 'aggregate' } as Partial<Record<ComparableMetric, string>>
  )[metric];
  if (field !== undefined) {
    const va = (a as Record<string, unknown>)[field];
    const vb = (b as Record<string, unknown>)[field];
    if (va !== vb) fail(METRIC, 'inconsistent', ['b', field], `expected the same ${field} as a (${JSON.stringify(va)}), received ${JSON.stringify(vb)}`);
  }
  if ((metric === 'csat' || metric === 'ces') && on === 'mean') {
    const points = (side: 'a' | 'b', r: object) => parse(METRIC, distributionSchema, r, [side]).distribution.map((p) => p.point);
    const pa = points('a', a);
    const pb = points('b', b);
    if (pa.length !== pb.length || pa.some((p, i) => p !== pb[i])) {
      fail(
        METRIC,
        'inconsistent',
        ['b', 'distribution'],
        `expected answers on the same scale as a (${pa[0]} to ${pa[pa.length - 1]}), received ${pb[0]} to ${pb[pb.length - 1]}`,
      );
    }
  }
}

/** Which test a metric uses, from `method` and `on`; a MetricsError for a choice the metric does not offer. */
function chooseMethod(
  metric: ComparableMetric,
  method: CompareMethod | undefined,
  on: 'percent' | 'mean' | undefined,
): { method: CompareMethod; on: 'percent' | 'mean' } {
  const isPoint = metric === 'csat' || metric === 'ces';
  if (on !== undefined && !isPoint) {
    fail(
      METRIC,
      'invalid-value',
      ['options', 'on'],
      `expected no on for ${metric} results (only csat and ces compare on the percent or the mean), received ${JSON.stringify(on)}`,
    );
  }
  const quantity = on ?? 'percent';
  const allowed: readonly CompareMethod[] =
    metric === 'nps' ? ['adjusted-wald', 'wald'] : metric === 'loyaltyIndex' || (isPoint && quantity === 'mean') ? ['welch'] : ['n-1'];
  if (method !== undefined && !allowed.includes(method)) {
    const hint = isPoint ? (method === 'welch' ? " (compare the means with on: 'mean')" : " (on: 'mean' compares with 'welch')") : '';
    fail(
      METRIC,
      'invalid-value',
      ['options', 'method'],
      `expected ${allowed.map((m) => JSON.stringify(m)).join(' or ')} for ${metric}${isPoint ? ` on the ${quantity}` : ''}${hint}, received ${JSON.stringify(method)}`,
    );
  }
  return { method: method ?? allowed[0]!, on: quantity };
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
  const o = parse(METRIC, compareOptionsSchema, options, ['options']) ?? {};
  const level = o.level ?? 0.95;
  const format = formatOf(o);
  const metric = comparable('a', metricOf('a', a), a);
  const metricB = metricOf('b', b);
  if (metricB !== metric) fail(METRIC, 'inconsistent', ['b', 'metric'], `expected a result of ${metric}, like a, received ${JSON.stringify(metricB)}`);
  comparable('b', metricB, b);
  const { method, on } = chooseMethod(metric, o.method, o.on);
  const sa = readSide('a', metric, a, on);
  const sb = readSide('b', metric, b, on);
  sameDefinition(metric, a, b, on);

  let outcome: DifferenceOutcome;
  if (sa.kind === 'nps' && sb.kind === 'nps') {
    outcome = npsDifference(sa, sb, level, method as 'adjusted-wald' | 'wald');
  } else if (sa.kind === 'proportion' && sb.kind === 'proportion') {
    outcome = proportionDifference(sa, sb, level);
  } else if (sa.kind === 'mean' && sb.kind === 'mean') {
    outcome = meanDifference(sa, sb, level);
  } else {
    throw new TypeError('compare: sides of different kinds');
  }
  return result(metric, method, level, format, outcome);
}

function result(metric: ComparableMetric, method: CompareMethod, level: number, format: OutputFormat, outcome: DifferenceOutcome): CompareResult {
  const unit = metric === 'nps' || method === 'welch' ? 'points' : 'percent';
  const intervalMethod = method === 'n-1' ? 'newcombe' : method;
  const b = outcome.bounds;
  const interval =
    b === null
      ? null
      : toInterval(
          {
            lower: toNumber(b.lower),
            upper: toNumber(b.upper),
            standardError: b.standardError === null ? null : toNumber(b.standardError),
            clamped: b.clamped,
          },
          { level, method: intervalMethod },
          format,
        );
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
