/**
 * cxmetrics: customer-experience and retention metrics, exact and honest.
 * The public API: every export is named here, and tests/api-surface.test.ts pins the list.
 */

export {
  isMetricsError,
  MetricsError,
  type MetricsIssue,
  type MetricsIssueCode,
  type MetricsPath,
} from './core/contract/errors.js';
export type { IntervalOptions, MissingOptions, Rounding, RoundingOptions, WeightsInput, WeightsOptions } from './core/contract/options.js';
export {
  type ComparePlan,
  type CompareRefusal,
  type ErrorSource,
  type IntervalFamily,
  METRICS,
  type MetricEntry,
  type MetricName,
  type MetricUnits,
  OPERATIONS,
  type OperationName,
  type PlannedMetric,
  type SampleSizePlan,
  type TallyMetric,
} from './core/contract/registry.js';
export type { Tally, TallyField, TallyShape } from './core/contract/tally.js';
export type {
  MissingPolicy,
  NumericTypedArray,
  PointShare,
  ResponseInput,
  Scale,
  ScoreInput,
  Share,
  Unit,
} from './core/contract/types.js';
export type { Money } from './core/money/money.js';
export type { MrrMovementCounts, MrrMovements } from './core/money/movements.js';
export type { Interval, IntervalOption } from './core/stats/interval-fields.js';
export type { Adjustment } from './core/stats/multiplicity.js';
export { PROPORTION_METHODS, type ProportionMethod } from './core/stats/proportion-intervals.js';
export type { Warning, WarningCode } from './core/stats/warnings.js';
export type { PointCounts, PointIntervalOption, PointWeights } from './core/survey/point-scale.js';
export type { WeightedSummary } from './core/survey/weights.js';
export type { BusinessHours, Weekday } from './core/time/business-hours.js';
export type { PeriodUnit } from './core/time/periods.js';
export type { TicketTime } from './core/time/time.js';
export {
  type CesCounts,
  type CesDirection,
  type CesOptions,
  type CesResult,
  ces,
  cesCounts,
  cesFromCounts,
} from './metrics/ces.js';
export {
  type ChurnToAnnualOptions,
  type ChurnToAnnualResult,
  type ChurnToMonthlyOptions,
  type ChurnToMonthlyResult,
  churnToAnnual,
  churnToMonthly,
} from './metrics/churn-conversions.js';
export { type ComparableMetric, type ComparableResult, type CompareMethod, type CompareOptions, type CompareResult, compare } from './metrics/compare.js';
export {
  type CsatCounts,
  type CsatOptions,
  type CsatResult,
  csat,
  csatCounts,
  csatFromCounts,
} from './metrics/csat.js';
export {
  type ChurnDenominator,
  type CustomerChurnInput,
  type CustomerChurnOptions,
  type CustomerChurnResult,
  customerChurn,
} from './metrics/customer-churn.js';
export {
  type ExpansionRevenueInput,
  type ExpansionRevenueOptions,
  type ExpansionRevenueResult,
  expansionRevenue,
} from './metrics/expansion-revenue.js';
export {
  type FirstContactResolutionCounts,
  type FirstContactResolutionDenominator,
  type FirstContactResolutionOptions,
  type FirstContactResolutionResult,
  type FirstContactResolutionTicket,
  firstContactResolution,
  firstContactResolutionCounts,
  firstContactResolutionFromCounts,
} from './metrics/first-contact-resolution.js';
export {
  type FirstResponseTimeCounts,
  type FirstResponseTimeInterval,
  type FirstResponseTimeOptions,
  type FirstResponseTimeResult,
  type FirstResponseTimeTicket,
  firstResponseTime,
  firstResponseTimeCounts,
  firstResponseTimeFromCounts,
} from './metrics/first-response-time.js';
export {
  type LoyaltyAggregate,
  type LoyaltyAnswer,
  type LoyaltyIndexCounts,
  type LoyaltyIndexOptions,
  type LoyaltyIndexResult,
  loyaltyIndex,
  loyaltyIndexCounts,
  loyaltyIndexFromCounts,
} from './metrics/loyalty-index.js';
export { mergeCounts } from './metrics/merge-counts.js';
export {
  type MovementChoice,
  type MrrChurnInput,
  type MrrChurnOptions,
  type MrrChurnResult,
  type MrrMovementName,
  mrrChurn,
  type NetMrrChurnInput,
  type NetMrrChurnOptions,
  type NetMrrChurnResult,
  netMrrChurn,
} from './metrics/mrr.js';
export { type MrrCustomer, mrrMovements } from './metrics/mrr-movements.js';
export {
  type NpsCounts,
  type NpsIntervalOption,
  type NpsOptions,
  type NpsResult,
  type NpsWeights,
  nps,
  npsCounts,
  npsFromCounts,
} from './metrics/nps.js';
export {
  type PurchasesInput,
  type RepurchaseMethod,
  type RepurchaseRateCounts,
  type RepurchaseRateOptions,
  type RepurchaseRateResult,
  repurchaseRate,
  repurchaseRateCounts,
  repurchaseRateFromCounts,
} from './metrics/repurchase-rate.js';
export { type ExpectedNpsShares, type SampleSizeForOptions, type SampleSizeForResult, type SampleSizeMetric, sampleSizeFor } from './metrics/sample-size.js';
export {
  checkTargets,
  type MetricValue,
  sourceTargets,
  type Target,
  type TargetCheck,
  type TargetComparison,
  type TargetStatus,
  type Targets,
} from './metrics/targets.js';
export {
  type TimeToResolutionCounts,
  type TimeToResolutionInterval,
  type TimeToResolutionOptions,
  type TimeToResolutionResult,
  type TimeToResolutionTicket,
  timeToResolution,
  timeToResolutionCounts,
  timeToResolutionFromCounts,
} from './metrics/time-to-resolution.js';
export {
  type UpsellRatioCounts,
  type UpsellRatioOptions,
  type UpsellRatioResult,
  type UpsellRecord,
  upsellRatio,
  upsellRatioCounts,
  upsellRatioFromCounts,
} from './metrics/upsell-ratio.js';
export {
  type CohortCell,
  type CohortMeasure,
  type CohortRow,
  type CohortsOptions,
  type CohortTable,
  cohorts,
} from './revenue/cohorts.js';
export {
  type InvoiceLineFields,
  type InvoiceMrrChange,
  type MrrFromInvoicesOptions,
  mrrFromInvoices,
  type ServiceMonths,
} from './revenue/invoices.js';
export {
  type ChangeLogFields,
  type ChangeLogOptions,
  type MrrPeriodSpec,
  type MrrSeries,
  type MrrSeriesCounts,
  type MrrSeriesCountsCell,
  type MrrSeriesCountsOptions,
  type MrrSeriesCustomerCounts,
  type MrrSeriesFromCountsOptions,
  type MrrSeriesOptions,
  type MrrSeriesRateOptions,
  type MrrSeriesRow,
  type MrrSeriesRowCustomers,
  type MrrSeriesTally,
  mrrSeries,
  mrrSeriesCounts,
  mrrSeriesFromCounts,
  type ReactivationRule,
} from './revenue/series.js';
export {
  type ChangeAgainst,
  type ChangeBaseline,
  type ChangeFlag,
  type ChangeRow,
  type ChangesOptions,
  type ChangesResult,
  changes,
} from './segments/changes.js';
export {
  type CalendarPeriodSettings,
  type FieldReader,
  type KeyValue,
  type LabelPeriodSettings,
  type MetricTypes,
  type PeriodSettings,
  type PeriodSpec,
  type SegmentCounts,
  type SegmentCountsCell,
  type SegmentCountsSpec,
  type SegmentFlag,
  type SegmentFromCountsOptions,
  type SegmentKey,
  type SegmentMetricOptions,
  type SegmentMetricTypes,
  type SegmentOptions,
  type SegmentPeriod,
  type SegmentRecords,
  type SegmentResultOf,
  type SegmentResultOptions,
  type SegmentRow,
  type SegmentTable,
  type SegmentTallyOf,
  segment,
  segmentCounts,
  segmentFromCounts,
} from './segments/segment.js';
export { type TrendFlag, type TrendInterval, type TrendOptions, type TrendResult, type TrendRow, type TrendTest, trend } from './segments/trend.js';
