/**
 * The metrics that tally, as the generic layers run them: one entry per
 * metric of the registry whose `tally` is true, with the functions that
 * tally inputs, merge tallies and compute the result from a tally. The
 * `satisfies` clause makes the table complete: a metric the registry marks
 * as tallying does not compile until it has its entry here.
 */
import type { TallyMetric } from '../core/contract/registry.js';
import type { Tally, TallyField } from '../core/contract/tally.js';
import { cesCounts, cesFromCounts } from './ces.js';
import { type CsatCounts, csatCounts, csatFromCounts } from './csat.js';
import { firstContactResolutionCounts, firstContactResolutionFromCounts } from './first-contact-resolution.js';
import { firstResponseTimeCounts, firstResponseTimeFromCounts } from './first-response-time.js';
import { loyaltyIndexCounts, loyaltyIndexFromCounts } from './loyalty-index.js';
import { npsCounts, npsFromCounts } from './nps.js';
import { repurchaseRateCounts, repurchaseRateFromCounts } from './repurchase-rate.js';
import { timeToResolutionCounts, timeToResolutionFromCounts } from './time-to-resolution.js';
import { upsellRatioCounts, upsellRatioFromCounts } from './upsell-ratio.js';

/**
 * The fields of a tally type besides `metric`, each with how it merges:
 * every field of the type must be named, and no other.
 */
export type TallyFields<C> = { readonly [F in Exclude<keyof C, 'metric'>]-?: TallyField };

/**
 * How a generic layer runs a metric `K` through its tally. The input is a
 * list with one element per record (a score, a label, a ticket, a
 * customer's purchase count, a loyalty answer); a record's tally is the
 * tally of a one-element list, and tallies of any split of the records
 * merge with `mergeCounts` into the tally of all of them.
 */
export interface TallyingMetric<K extends TallyMetric, C extends Tally & { readonly metric: K } = Tally & { readonly metric: K }> {
  /** Tallies a list of per-record inputs with the metric's options. */
  readonly counts: (input: never, options?: never) => C;
  /** The tally's fields and how each merges: `mergeCounts` checks both tallies against them. */
  readonly shape: TallyFields<C>;
  /** Computes the metric's result from a tally with the metric's options. */
  readonly fromCounts: (counts: never, options?: never) => { readonly metric: K };
}

const OPTIONAL_COUNT: TallyField = { optional: 'count' };
const POINT_SHAPE = {
  points: { record: 'count' },
  excluded: OPTIONAL_COUNT,
  weights: { optional: { shape: { count: 'count', points: { record: 'partials' }, squares: 'partials' } } },
} as const satisfies TallyFields<CsatCounts>;

/** Every tallying metric's functions and tally fields, by name. */
export const TALLYING_METRICS = {
  nps: {
    counts: npsCounts,
    shape: {
      promoters: 'count',
      passives: 'count',
      detractors: 'count',
      excluded: OPTIONAL_COUNT,
      weights: { optional: { shape: { count: 'count', promoters: 'partials', passives: 'partials', detractors: 'partials', squares: 'partials' } } },
    },
    fromCounts: npsFromCounts,
  },
  csat: { counts: csatCounts, shape: POINT_SHAPE, fromCounts: csatFromCounts },
  ces: { counts: cesCounts, shape: POINT_SHAPE, fromCounts: cesFromCounts },
  loyaltyIndex: {
    counts: loyaltyIndexCounts,
    shape: {
      respondents: 'count',
      sums: { shape: { recommend: 'integer', repurchase: 'integer', upsell: 'integer' } },
      sumOfSquaredTotals: OPTIONAL_COUNT,
      excluded: OPTIONAL_COUNT,
    },
    fromCounts: loyaltyIndexFromCounts,
  },
  firstContactResolution: {
    counts: firstContactResolutionCounts,
    shape: { total: 'count', resolved: 'count', resolvedFirstContact: 'count' },
    fromCounts: firstContactResolutionFromCounts,
  },
  timeToResolution: {
    counts: timeToResolutionCounts,
    shape: { resolved: 'durations', censored: 'durations', open: 'count' },
    fromCounts: timeToResolutionFromCounts,
  },
  firstResponseTime: {
    counts: firstResponseTimeCounts,
    shape: { responded: 'durations', censored: 'durations', open: 'count' },
    fromCounts: firstResponseTimeFromCounts,
  },
  repurchaseRate: { counts: repurchaseRateCounts, shape: { purchases: { record: 'count' } }, fromCounts: repurchaseRateFromCounts },
  upsellRatio: { counts: upsellRatioCounts, shape: { upgraded: 'count', notUpgraded: 'count' }, fromCounts: upsellRatioFromCounts },
} as const satisfies { readonly [K in TallyMetric]: TallyingMetric<K> };
