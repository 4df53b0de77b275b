/**
 * The metrics that tally, as the generic layers run them: one entry per
 * metric of the registry whose `tally` is true, with the functions that
 * tally inputs, merge tallies and compute the result from a tally. The
 * `satisfies` clause makes the table complete: a metric the registry marks
 * as tallying does not compile until it has its entry here.
 */
import type { TallyMetric } from '../core/contract/registry.js';
import { mergeCounts, type Tally } from '../core/contract/tally.js';
import { cesCounts, cesFromCounts } from './ces.js';
import { csatCounts, csatFromCounts } from './csat.js';
import { firstContactResolutionCounts, firstContactResolutionFromCounts } from './first-contact-resolution.js';
import { loyaltyIndexCounts, loyaltyIndexFromCounts } from './loyalty-index.js';
import { npsCounts, npsFromCounts } from './nps.js';
import { repurchaseRateCounts, repurchaseRateFromCounts } from './repurchase-rate.js';
import { timeToResolutionCounts, timeToResolutionFromCounts } from './time-to-resolution.js';
import { upsellRatioCounts, upsellRatioFromCounts } from './upsell-ratio.js';

/**
 * How a generic layer runs a metric `K` through its tally. The input is a
 * list with one element per record (a score, a label, a ticket, a
 * customer's purchase count, a loyalty answer); a record's tally is the
 * tally of a one-element list, and tallies of any split of the records
 * merge into the tally of all of them.
 */
export interface TallyingMetric<K extends TallyMetric> {
  /** Tallies a list of per-record inputs with the metric's options. */
  readonly counts: (input: never, options?: never) => Tally & { readonly metric: K };
  /** Merges two tallies of the metric made with the same options. */
  readonly merge: <T extends Tally>(a: T, b: T) => T;
  /** Computes the metric's result from a tally with the metric's options. */
  readonly fromCounts: (counts: never, options?: never) => { readonly metric: K };
}

/** Every tallying metric's functions, by name. */
export const TALLYING_METRICS = {
  nps: { counts: npsCounts, merge: mergeCounts, fromCounts: npsFromCounts },
  csat: { counts: csatCounts, merge: mergeCounts, fromCounts: csatFromCounts },
  ces: { counts: cesCounts, merge: mergeCounts, fromCounts: cesFromCounts },
  loyaltyIndex: { counts: loyaltyIndexCounts, merge: mergeCounts, fromCounts: loyaltyIndexFromCounts },
  firstContactResolution: { counts: firstContactResolutionCounts, merge: mergeCounts, fromCounts: firstContactResolutionFromCounts },
  timeToResolution: { counts: timeToResolutionCounts, merge: mergeCounts, fromCounts: timeToResolutionFromCounts },
  repurchaseRate: { counts: repurchaseRateCounts, merge: mergeCounts, fromCounts: repurchaseRateFromCounts },
  upsellRatio: { counts: upsellRatioCounts, merge: mergeCounts, fromCounts: upsellRatioFromCounts },
} as const satisfies { readonly [K in TallyMetric]: TallyingMetric<K> };
