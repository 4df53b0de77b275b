/**
 * The types of each metric that tallies from records, by name: its tally,
 * its result and its options, as `segment` and its relatives take and give
 * them.
 */
import type { TallyMetric } from '../core/contract/registry.js';
import type { CesCounts, CesOptions, CesResult } from '../metrics/ces.js';
import type { CsatCounts, CsatOptions, CsatResult } from '../metrics/csat.js';
import type { FirstContactResolutionCounts, FirstContactResolutionOptions, FirstContactResolutionResult } from '../metrics/first-contact-resolution.js';
import type { FirstResponseTimeCounts, FirstResponseTimeOptions, FirstResponseTimeResult } from '../metrics/first-response-time.js';
import type { LoyaltyIndexCounts, LoyaltyIndexOptions, LoyaltyIndexResult } from '../metrics/loyalty-index.js';
import type { NpsCounts, NpsOptions, NpsResult } from '../metrics/nps.js';
import type { RepurchaseRateCounts, RepurchaseRateOptions, RepurchaseRateResult } from '../metrics/repurchase-rate.js';
import type { TimeToResolutionCounts, TimeToResolutionOptions, TimeToResolutionResult } from '../metrics/time-to-resolution.js';
import type { UpsellRatioCounts, UpsellRatioOptions, UpsellRatioResult } from '../metrics/upsell-ratio.js';

/** One metric's types. */
export interface MetricTypes<C, R, O> {
  /** Its tally. */
  readonly counts: C;
  /** Its result. */
  readonly result: R;
  /** Its options. */
  readonly options: O;
}

/** The types of every metric that tallies from records. */
export interface SegmentMetricTypes {
  /** NPS. */
  readonly nps: MetricTypes<NpsCounts, NpsResult, NpsOptions>;
  /** CSAT. */
  readonly csat: MetricTypes<CsatCounts, CsatResult, CsatOptions>;
  /** CES. */
  readonly ces: MetricTypes<CesCounts, CesResult, CesOptions>;
  /** The loyalty index. */
  readonly loyaltyIndex: MetricTypes<LoyaltyIndexCounts, LoyaltyIndexResult, LoyaltyIndexOptions>;
  /** First contact resolution. */
  readonly firstContactResolution: MetricTypes<FirstContactResolutionCounts, FirstContactResolutionResult, FirstContactResolutionOptions>;
  /** Time to resolution. */
  readonly timeToResolution: MetricTypes<TimeToResolutionCounts, TimeToResolutionResult, TimeToResolutionOptions>;
  /** First response time. */
  readonly firstResponseTime: MetricTypes<FirstResponseTimeCounts, FirstResponseTimeResult, FirstResponseTimeOptions>;
  /** Repurchase rate. */
  readonly repurchaseRate: MetricTypes<RepurchaseRateCounts, RepurchaseRateResult, RepurchaseRateOptions>;
  /** Upsell ratio. */
  readonly upsellRatio: MetricTypes<UpsellRatioCounts, UpsellRatioResult, UpsellRatioOptions>;
}

/** Every tallying metric has its types, and nothing else does: a new metric in the registry does not compile until it is listed. */
type Exactly<A, B> = [A] extends [B] ? ([B] extends [A] ? true : never) : never;
export const SEGMENT_METRIC_TYPES_COMPLETE: Exactly<keyof SegmentMetricTypes, TallyMetric> = true;

/** The result type of metric `M`, as its `...FromCounts` returns it. */
export type SegmentResultOf<M extends TallyMetric> = SegmentMetricTypes[M]['result'];

/** The tally type of metric `M`, as its `...Counts` returns it. */
export type SegmentTallyOf<M extends TallyMetric> = SegmentMetricTypes[M]['counts'];

/** The options of metric `M`, as its `...Counts` and `...FromCounts` take them. */
export type SegmentMetricOptions<M extends TallyMetric> = SegmentMetricTypes[M]['options'];
