/**
 * The metric registry: one table naming every metric of the library and
 * what the generic machinery needs to know about it.
 *
 * Every list of metrics in the library is derived from this table: the
 * `MetricName` union, the metrics `compare` takes and the reasons it refuses
 * the others, the metrics `sampleSizeFor` plans for, the metrics that tally
 * and merge. Adding a metric here and nowhere else fails to compile until
 * every place that must handle it does (each `switch` over these unions
 * ends in {@link unreachable}).
 *
 * The functions that run a metric on its tally live beside the metrics
 * (`src/metrics/registry.ts`), typed from this table; core never imports a
 * metric.
 */
import { deepFreeze } from './result.js';
import type { Unit } from './types.js';

/**
 * How `compare` tests two results of a metric, or why it cannot:
 *
 * - `'nps'`: a z test of two scores (adjusted-Wald or Wald variance);
 * - `'proportion'`: the N-1 two-proportion test with Newcombe's interval;
 * - `'point-scale'`: a proportion by default, or Welch's t-test of the means
 *   with `on: 'mean'` (CSAT, CES);
 * - `'mean'`: Welch's t-test of two means;
 * - a `reason` string: the metric has no sampling error to test, or no test
 *   is provided; `compare` refuses it with that reason.
 */
export type ComparePlan = 'nps' | 'proportion' | 'point-scale' | 'mean' | CompareRefusal;

/** Why `compare` refuses a metric's results. */
export interface CompareRefusal {
  /** Why the metric's results cannot be compared: the message of the error `compare` throws on them. */
  readonly reason: string;
}

/**
 * The family of confidence intervals a metric's `interval` option offers:
 * NPS methods, proportion methods, the t interval of a mean, the order
 * statistics of a median, or none (the metric is not a sample estimate).
 */
export type IntervalFamily = 'nps' | 'proportion' | 'point-scale' | 'mean' | 'median' | 'none';

/** The units a metric's `value` can have: one, several (an option chooses), or none (no single `value`). */
export type MetricUnits = Unit | readonly Unit[] | null;

/** The sample-size plan `sampleSizeFor` has for a metric, if any. */
export type SampleSizePlan = 'nps' | 'proportion' | null;

/**
 * What the registry says of one metric. The type parameters keep each
 * entry's literal values, from which the lists of metrics are derived.
 */
export interface MetricEntry<
  U extends MetricUnits = MetricUnits,
  I extends IntervalFamily = IntervalFamily,
  C extends ComparePlan = ComparePlan,
  S extends SampleSizePlan = SampleSizePlan,
  T extends boolean = boolean,
> {
  /** The unit of the result's `value` (several when an option chooses; `null` for a result without a single `value`). */
  readonly unit: U;
  /** Its `interval` option's family. */
  readonly interval: I;
  /** How `compare` treats its results. */
  readonly compare: C;
  /** What `sampleSizeFor` plans for it: the NPS plan, the proportion plan, or none. */
  readonly sampleSize: S;
  /** Whether it has `...Counts` and `...FromCounts`: a tally that merges with `mergeCounts`. */
  readonly tally: T;
}

/** An entry, its literal values kept in its type. */
function entry<
  const U extends MetricUnits,
  const I extends IntervalFamily,
  const C extends ComparePlan,
  const S extends SampleSizePlan,
  const T extends boolean,
>(e: MetricEntry<U, I, C, S, T>): MetricEntry<U, I, C, S, T> {
  return e;
}

/** A compare plan that refuses, with its reason. */
function refuse(reason: string): CompareRefusal {
  return { reason };
}

const POPULATION = 'is computed from the whole customer base, not from a sample: there is no sampling error to test, and the difference of the values is exact';

/**
 * Every metric of the library, by the name its results carry in `metric`: a
 * frozen table that tools can read (to list the metrics, their units and
 * which of them `compare` and `sampleSizeFor` take).
 *
 * @example
 * METRICS.nps.unit // => 'points'
 * METRICS.csat.compare // => 'point-scale'
 * METRICS.mrrChurn.sampleSize // => null
 */
export const METRICS = /* @__PURE__ */ (() =>
  deepFreeze({
    /** Net Promoter Score (docs/metrics/nps.md). */
    nps: entry({ unit: 'points', interval: 'nps', compare: 'nps', sampleSize: 'nps', tally: true }),
    /** Customer Satisfaction Score (docs/metrics/csat.md). */
    csat: entry({ unit: 'percent', interval: 'point-scale', compare: 'point-scale', sampleSize: 'proportion', tally: true }),
    /** Customer Effort Score (docs/metrics/ces.md). */
    ces: entry({ unit: 'percent', interval: 'point-scale', compare: 'point-scale', sampleSize: 'proportion', tally: true }),
    /** The customer loyalty index (docs/metrics/loyalty-index.md). */
    loyaltyIndex: entry({ unit: 'points', interval: 'mean', compare: 'mean', sampleSize: null, tally: true }),
    /** First contact resolution (docs/metrics/first-contact-resolution.md). */
    firstContactResolution: entry({ unit: 'percent', interval: 'proportion', compare: 'proportion', sampleSize: 'proportion', tally: true }),
    /** Time to resolution (docs/metrics/time-to-resolution.md). */
    timeToResolution: entry({
      unit: 'milliseconds',
      interval: 'median',
      compare: refuse('timeToResolution results cannot be compared: durations are skewed and censored, and no test of medians is provided'),
      sampleSize: null,
      tally: true,
    }),
    /** First response time (docs/metrics/first-response-time.md). */
    firstResponseTime: entry({
      unit: 'milliseconds',
      interval: 'median',
      compare: refuse('firstResponseTime results cannot be compared: durations are skewed and censored, and no test of medians is provided'),
      sampleSize: null,
      tally: true,
    }),
    /** Customer churn (docs/metrics/customer-churn.md). */
    customerChurn: entry({ unit: 'percent', interval: 'proportion', compare: 'proportion', sampleSize: 'proportion', tally: false }),
    /** A monthly churn rate compounded to a year (docs/metrics/customer-churn.md). */
    churnToAnnual: entry({
      unit: 'percent',
      interval: 'none',
      compare: refuse('churnToAnnual converts a given rate and keeps no counts to test: compare the customerChurn results it came from'),
      sampleSize: null,
      tally: false,
    }),
    /** An annual churn rate as the monthly rate that compounds to it (docs/metrics/customer-churn.md). */
    churnToMonthly: entry({
      unit: 'percent',
      interval: 'none',
      compare: refuse('churnToMonthly converts a given rate and keeps no counts to test: compare the customerChurn results it came from'),
      sampleSize: null,
      tally: false,
    }),
    /** MRR churn (docs/metrics/mrr-churn.md). */
    mrrChurn: entry({ unit: 'percent', interval: 'none', compare: refuse(`mrrChurn ${POPULATION}`), sampleSize: null, tally: false }),
    /** Net MRR churn (docs/metrics/net-mrr-churn.md). */
    netMrrChurn: entry({ unit: 'percent', interval: 'none', compare: refuse(`netMrrChurn ${POPULATION}`), sampleSize: null, tally: false }),
    /** Expansion revenue (docs/metrics/expansion-revenue.md). */
    expansionRevenue: entry({ unit: 'percent', interval: 'none', compare: refuse(`expansionRevenue ${POPULATION}`), sampleSize: null, tally: false }),
    /** MRR movements between two snapshots (docs/metrics/mrr-churn.md). */
    mrrMovements: entry({
      unit: null,
      interval: 'none',
      compare: refuse('mrrMovements is a tally of revenue movements, not an estimate'),
      sampleSize: null,
      tally: false,
    }),
    /** Repurchase rate (docs/metrics/repurchase-rate.md). */
    repurchaseRate: entry({ unit: ['percent', 'ratio'], interval: 'proportion', compare: 'proportion', sampleSize: 'proportion', tally: true }),
    /** Upsell ratio (docs/metrics/upsell-ratio.md). */
    upsellRatio: entry({ unit: 'ratio', interval: 'proportion', compare: 'proportion', sampleSize: 'proportion', tally: true }),
  }))();

/** The name of a metric, as its results carry it in `metric`. */
export type MetricName = keyof typeof METRICS;

/**
 * The functions that are not metrics but throw errors and return results of
 * their own, each with the reason `compare` refuses their results.
 *
 * @example
 * Object.keys(OPERATIONS) // => ['compare', 'sampleSizeFor', 'checkTargets', 'sourceTargets', 'mergeCounts', 'segment', 'segmentCounts', 'segmentFromCounts', 'changes', 'trend', 'mrrSeries', 'mrrSeriesCounts', 'mrrSeriesFromCounts', 'cohorts', 'mrrFromInvoices', 'tallyQuery', 'tallyFromRows', 'runQuery', 'mrrSeriesQuery', 'mrrSeriesFromRows', 'runMrrSeriesQuery']
 */
export const OPERATIONS = /* @__PURE__ */ deepFreeze({
  /** `compare`: tests whether two results differ. */
  compare: 'a comparison is not an estimate: compare the results it came from',
  /** `sampleSizeFor`: the answers a margin of error needs. */
  sampleSizeFor: 'a sample size is a plan, not an estimate',
  /** `checkTargets`: results against the sources' targets. */
  checkTargets: 'a target check is not an estimate',
  /** `sourceTargets`: the targets the sources give. */
  sourceTargets: 'a target is not an estimate',
  /** `mergeCounts`: the tally of two tallies. */
  mergeCounts: 'a tally is not a result: compute the result with the metric\u2019s ...FromCounts first',
  /** `segment`: a metric by segment and period. */
  segment: 'a segment table is not one result: compare its rows\u2019 results, or use changes',
  /** `segmentCounts`: the tallies by segment and period. */
  segmentCounts: 'a table of tallies is not a result: compute it with segmentFromCounts first',
  /** `segmentFromCounts`: a segment table from its tallies. */
  segmentFromCounts: 'a segment table is not one result: compare its rows\u2019 results, or use changes',
  /** `changes`: which changes in a segment table are real. */
  changes: 'a table of changes holds comparisons already',
  /** `trend`: the trend of each segment over its periods. */
  trend: 'a trend is a test already, not an estimate to compare',
  /** `mrrSeries`: MRR movements and rates by segment and period, from a change log. */
  mrrSeries: 'an MRR series is not an estimate',
  /** `mrrSeriesCounts`: the movement tallies by segment and period. */
  mrrSeriesCounts: 'a table of tallies is not a result',
  /** `mrrSeriesFromCounts`: an MRR series from its tallies. */
  mrrSeriesFromCounts: 'an MRR series is not an estimate',
  /** `cohorts`: customer and revenue retention by signup cohort. */
  cohorts: 'a cohort table is not one result',
  /** `mrrFromInvoices`: a change log from invoice lines. */
  mrrFromInvoices: 'a change log is data, not a result',
  /** `tallyQuery` (`cxmetrics/sql`): the SQL that tallies a spec in a SQL engine. */
  tallyQuery: 'a query is not a result',
  /** `tallyFromRows` (`cxmetrics/sql`): a table of tallies from the rows a SQL engine returned. */
  tallyFromRows: 'a table of tallies is not a result: compute it with segmentFromCounts first',
  /** `runQuery` (`cxmetrics/sql`): the tally query run on a DuckDB or PostgreSQL connection. */
  runQuery: 'a table of tallies is not a result: compute it with segmentFromCounts first',
  /** `mrrSeriesQuery` (`cxmetrics/sql`): the SQL that reduces a change log in a SQL engine to the changes the MRR series reads. */
  mrrSeriesQuery: 'a query is not a result',
  /** `mrrSeriesFromRows` (`cxmetrics/sql`): the movement tallies from the rows a SQL engine returned. */
  mrrSeriesFromRows: 'a table of tallies is not a result: compute it with mrrSeriesFromCounts first',
  /** `runMrrSeriesQuery` (`cxmetrics/sql`): the change-log query run on a DuckDB or PostgreSQL connection. */
  runMrrSeriesQuery: 'a table of tallies is not a result: compute it with mrrSeriesFromCounts first',
} as const satisfies Record<string, string>);

/** A function that is not a metric: `compare`, `sampleSizeFor`, the targets, `mergeCounts`, the segment functions, `changes`, `trend`, the revenue series functions and the SQL functions. */
export type OperationName = keyof typeof OPERATIONS;

/** What a {@link MetricsError} names in `metric`: the metric or the operation that refused the input. */
export type ErrorSource = MetricName | OperationName;

/** The metrics whose results {@link compare} tests. */
export type ComparableMetric = { [K in MetricName]: (typeof METRICS)[K]['compare'] extends string ? K : never }[MetricName];

/** The metrics with a tally: `...Counts`, `...FromCounts` and `mergeCounts`. */
export type TallyMetric = { [K in MetricName]: (typeof METRICS)[K]['tally'] extends true ? K : never }[MetricName];

/** The metrics `sampleSizeFor` plans for by name, besides the generic `'proportion'`. */
export type PlannedMetric = { [K in MetricName]: (typeof METRICS)[K]['sampleSize'] extends null ? never : K }[MetricName];

/** The names of the metrics in table order, typed. */
export const METRIC_NAMES = /* @__PURE__ */ (() => Object.keys(METRICS) as MetricName[])();

/** Whether `name` is a metric of the registry (an own key: `'toString'` is not). */
export function isMetricName(name: unknown): name is MetricName {
  return typeof name === 'string' && Object.hasOwn(METRICS, name);
}

/** Whether `name` is one of the {@link OPERATIONS}. */
export function isOperationName(name: unknown): name is OperationName {
  return typeof name === 'string' && Object.hasOwn(OPERATIONS, name);
}

/** The metrics `compare` tests, in table order. */
export const COMPARABLE_METRICS = /* @__PURE__ */ (() => METRIC_NAMES.filter((m): m is ComparableMetric => typeof METRICS[m].compare === 'string'))();

/** The metrics with a tally, in table order. */
export const TALLY_METRICS = /* @__PURE__ */ (() => METRIC_NAMES.filter((m): m is TallyMetric => METRICS[m].tally))();

/** The metrics `sampleSizeFor` plans for by name, in table order. */
export const PLANNED_METRICS = /* @__PURE__ */ (() => METRIC_NAMES.filter((m): m is PlannedMetric => METRICS[m].sampleSize !== null))();

/**
 * The end of a `switch` that handled every case: `value` has type `never`
 * there, so a new case in a union does not compile until it is handled.
 * Reached at run time only through a cast that lied; it throws then.
 */
export function unreachable(value: never): never {
  throw new TypeError(`unreachable: unhandled case ${JSON.stringify(value)}`);
}
