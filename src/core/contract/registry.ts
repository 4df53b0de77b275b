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
export type ComparePlan =
  | 'nps'
  | 'proportion'
  | 'point-scale'
  | 'mean'
  | {
      /** Why the metric's results cannot be compared: the message of the error `compare` throws on them. */
      readonly reason: string;
    };

/**
 * The family of confidence intervals a metric's `interval` option offers:
 * NPS methods, proportion methods, the t interval of a mean, the order
 * statistics of a median, or none (the metric is not a sample estimate).
 */
export type IntervalFamily = 'nps' | 'proportion' | 'point-scale' | 'mean' | 'median' | 'none';

/** What the registry says of one metric. */
export interface MetricEntry {
  /** The unit of the result's `value` (several when an option chooses; `null` for a result without a single `value`). */
  readonly unit: Unit | readonly Unit[] | null;
  /** Its `interval` option's family. */
  readonly interval: IntervalFamily;
  /** How `compare` treats its results. */
  readonly compare: ComparePlan;
  /** What `sampleSizeFor` plans for it: the NPS plan, the proportion plan, or none. */
  readonly sampleSize: 'nps' | 'proportion' | null;
  /** Whether it has `...Counts` and `...FromCounts`: a tally that merges with `mergeCounts`. */
  readonly tally: boolean;
}

const POPULATION = 'is computed from the whole customer base, not from a sample: there is no sampling error to test, and the difference of the values is exact';

/** Every metric of the library, by the name its results carry in `metric`. */
export const METRICS = {
  nps: { unit: 'points', interval: 'nps', compare: 'nps', sampleSize: 'nps', tally: true },
  csat: { unit: 'percent', interval: 'point-scale', compare: 'point-scale', sampleSize: 'proportion', tally: true },
  ces: { unit: 'percent', interval: 'point-scale', compare: 'point-scale', sampleSize: 'proportion', tally: true },
  loyaltyIndex: { unit: 'points', interval: 'mean', compare: 'mean', sampleSize: null, tally: true },
  firstContactResolution: { unit: 'percent', interval: 'proportion', compare: 'proportion', sampleSize: 'proportion', tally: true },
  timeToResolution: {
    unit: 'milliseconds',
    interval: 'median',
    compare: { reason: 'timeToResolution results cannot be compared: durations are skewed and censored, and no test of medians is provided' },
    sampleSize: null,
    tally: true,
  },
  customerChurn: { unit: 'percent', interval: 'proportion', compare: 'proportion', sampleSize: 'proportion', tally: false },
  churnToAnnual: {
    unit: 'percent',
    interval: 'none',
    compare: { reason: 'churnToAnnual converts a given rate and keeps no counts to test: compare the customerChurn results it came from' },
    sampleSize: null,
    tally: false,
  },
  churnToMonthly: {
    unit: 'percent',
    interval: 'none',
    compare: { reason: 'churnToMonthly converts a given rate and keeps no counts to test: compare the customerChurn results it came from' },
    sampleSize: null,
    tally: false,
  },
  mrrChurn: { unit: 'percent', interval: 'none', compare: { reason: `mrrChurn ${POPULATION}` }, sampleSize: null, tally: false },
  netMrrChurn: { unit: 'percent', interval: 'none', compare: { reason: `netMrrChurn ${POPULATION}` }, sampleSize: null, tally: false },
  expansionRevenue: { unit: 'percent', interval: 'none', compare: { reason: `expansionRevenue ${POPULATION}` }, sampleSize: null, tally: false },
  mrrMovements: {
    unit: null,
    interval: 'none',
    compare: { reason: 'mrrMovements is a tally of revenue movements, not an estimate' },
    sampleSize: null,
    tally: false,
  },
  repurchaseRate: { unit: ['percent', 'ratio'], interval: 'proportion', compare: 'proportion', sampleSize: 'proportion', tally: true },
  upsellRatio: { unit: 'ratio', interval: 'proportion', compare: 'proportion', sampleSize: 'proportion', tally: true },
} as const satisfies Record<string, MetricEntry>;

/** The name of a metric, as its results carry it in `metric`. */
export type MetricName = keyof typeof METRICS;

/** The functions that are not metrics but throw and return results of their own, and why `compare` refuses their results. */
export const OPERATIONS = {
  compare: 'a comparison is not an estimate: compare the results it came from',
  sampleSizeFor: 'a sample size is a plan, not an estimate',
  checkTargets: 'a target check is not an estimate',
  sourceTargets: 'a target is not an estimate',
  mergeCounts: 'a tally is not a result: compute the result with the metric\u2019s ...FromCounts first',
} as const satisfies Record<string, string>;

/** A function that is not a metric: `compare`, `sampleSizeFor`, the targets, `mergeCounts`. */
export type OperationName = keyof typeof OPERATIONS;

/** What a {@link MetricsError} names in `metric`: the metric or the operation that refused the input. */
export type ErrorSource = MetricName | OperationName;

type Entry<K extends MetricName> = (typeof METRICS)[K];

/** The metrics whose results {@link compare} tests. */
export type ComparableMetric = { [K in MetricName]: Entry<K>['compare'] extends string ? K : never }[MetricName];

/** The metrics with a tally: `...Counts`, `...FromCounts` and `mergeCounts`. */
export type TallyMetric = { [K in MetricName]: Entry<K>['tally'] extends true ? K : never }[MetricName];

/** The metrics `sampleSizeFor` plans for by name, besides the generic `'proportion'`. */
export type PlannedMetric = { [K in MetricName]: Entry<K>['sampleSize'] extends null ? never : K }[MetricName];

/** The names of the metrics in table order, typed. */
export const METRIC_NAMES = Object.keys(METRICS) as MetricName[];

/** Whether `name` is a metric of the registry (an own key: `'toString'` is not). */
export function isMetricName(name: unknown): name is MetricName {
  return typeof name === 'string' && Object.hasOwn(METRICS, name);
}

/** Whether `name` is one of the {@link OPERATIONS}. */
export function isOperationName(name: unknown): name is OperationName {
  return typeof name === 'string' && Object.hasOwn(OPERATIONS, name);
}

/** The metrics `compare` tests, in table order. */
export const COMPARABLE_METRICS = METRIC_NAMES.filter((m): m is ComparableMetric => typeof METRICS[m].compare === 'string');

/** The metrics with a tally, in table order. */
export const TALLY_METRICS = METRIC_NAMES.filter((m): m is TallyMetric => METRICS[m].tally);

/** The metrics `sampleSizeFor` plans for by name, in table order. */
export const PLANNED_METRICS = METRIC_NAMES.filter((m): m is PlannedMetric => METRICS[m].sampleSize !== null);

/**
 * The end of a `switch` that handled every case: `value` has type `never`
 * there, so a new case in a union does not compile until it is handled.
 * Reached at run time only through a cast that lied; it throws then.
 */
export function unreachable(value: never): never {
  throw new TypeError(`unreachable: unhandled case ${JSON.stringify(value)}`);
}
