/**
 * The result fields every ticket-duration metric shares (time to
 * resolution, first response time), computed once from a tally of
 * durations: the headline statistic and how it was estimated, the mean,
 * median, upper percentiles and extremes, the interval of the median and
 * the warnings. Each metric places them in its own result, around its
 * count of ended tickets (`resolved`, `responded`) and `open`.
 */
import { outputOrNull } from '../exact/decimal.js';
import { intervalWarnings, sampleWarnings, type Warning } from '../stats/warnings.js';
import type { DurationOptionSettings } from './duration-options.js';
import { durationStatistics, type MedianInterval, medianInterval } from './duration-statistics.js';
import type { Durations } from './durations.js';

/** The statistics of a duration result, in result order; milliseconds, `null` where undefined. */
export interface DurationFigures {
  readonly value: number | null;
  readonly statistic: 'median' | 'mean';
  readonly estimator: 'empirical' | 'kaplan-meier';
  readonly mean: number | null;
  readonly median: number | null;
  readonly p90: number | null;
  readonly p95: number | null;
  readonly min: number | null;
  readonly max: number | null;
}

/** The fields that close a duration result: the interval, when asked for, and the warnings. */
export interface DurationInference {
  readonly interval?: MedianInterval | null;
  readonly warnings: readonly Warning[];
}

/** A duration result's shared fields. */
export interface DurationSummary {
  readonly figures: DurationFigures;
  /** Tickets whose duration ended (resolved, answered). */
  readonly ended: number;
  readonly inference: DurationInference;
}

/**
 * The shared fields of a duration result from durations and parsed options.
 * Sorts `d`'s arrays in place: callers pass arrays of their own.
 */
export function summarizeDurations(d: Durations, o: DurationOptionSettings): DurationSummary {
  const censor = o.open === 'censor';
  const stats = durationStatistics(d, censor);
  const median = outputOrNull(stats.median, o.format);
  const mean = outputOrNull(stats.mean, o.format);
  // Under censoring the order statistics of the ended durations are not those of the sample.
  const interval = o.interval === null || (censor && d.censored.length > 0) ? null : medianInterval(stats.sorted, o.interval, o.format);
  return {
    figures: {
      value: o.statistic === 'median' ? median : mean,
      statistic: o.statistic,
      estimator: censor ? 'kaplan-meier' : 'empirical',
      mean,
      median,
      p90: outputOrNull(stats.p90, o.format),
      p95: outputOrNull(stats.p95, o.format),
      min: stats.min,
      max: stats.max,
    },
    ended: stats.sorted.length,
    inference: {
      ...(o.interval === null ? {} : { interval }),
      warnings: [...sampleWarnings(stats.sorted.length), ...intervalWarnings(interval)],
    },
  };
}
