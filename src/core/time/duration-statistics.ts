/**
 * The statistics of ticket durations, some of them right-censored (tickets
 * still open, unresolved or unanswered, measured up to when the data was
 * taken): the mean, median and upper percentiles, the extremes, and the
 * distribution-free interval of the median.
 *
 * Without censoring the percentiles are those of the durations themselves
 * (the empirical distribution, averaged where it is flat at the level) and
 * the mean is their plain mean; with censoring both come from the
 * Kaplan-Meier estimate, the mean as the restricted mean. The two agree when
 * nothing is censored: the Kaplan-Meier estimate of uncensored durations is
 * their empirical distribution.
 */
import { Dec, type Derived, decToRational, type OutputFormat } from '../exact/decimal.js';
import { sumOf } from '../exact/integer-sum.js';
import { rational } from '../exact/rational.js';
import { type Interval, type IntervalSettings, toInterval } from '../stats/interval-fields.js';
import { kaplanMeier } from '../stats/kaplan-meier.js';
import { medianRanks } from '../stats/order-statistics.js';
import { type Durations, NONE } from './durations.js';

/** Exact statistics of a set of durations, in milliseconds; `null` where undefined. */
export interface DurationStatistics {
  /** The ended durations (resolved, answered), sorted ascending. */
  readonly sorted: Float64Array;
  /** The mean of the ended durations, or the restricted mean under censoring; `null` without ended durations. */
  readonly mean: Derived | null;
  /** `null` without ended durations, or when censoring keeps the estimate above the level. */
  readonly median: Dec | null;
  readonly p90: Dec | null;
  readonly p95: Dec | null;
  /** The shortest and the longest ended duration; `null` without ended durations. */
  readonly min: number | null;
  readonly max: number | null;
}

/** An interval of the median with the probability that it covers the median. */
export interface MedianInterval extends Interval {
  /** The achieved coverage: at least the level, and usually above it. */
  readonly coverage: number;
}

/**
 * The statistics of `d`, with its open tickets censored when `censor` is set
 * (ignored otherwise). Sorts `d.ended` and `d.censored` in place: callers
 * pass arrays of their own.
 */
export function durationStatistics(d: Durations, censor: boolean): DurationStatistics {
  const sorted = d.ended.sort();
  const survival = kaplanMeier(sorted, censor ? d.censored.sort() : NONE);
  const n = sorted.length;
  let mean: Derived | null = null;
  if (n > 0) mean = censor ? survival.restrictedMean : rational(decToRational(sumOf(sorted)).num, BigInt(n));
  return {
    sorted,
    mean,
    median: survival.median,
    p90: survival.p90,
    p95: survival.p95,
    min: n === 0 ? null : sorted[0]!,
    max: n === 0 ? null : sorted[n - 1]!,
  };
}

/**
 * The distribution-free interval of the median of sorted, uncensored
 * durations: the order statistics `x(r)` and `x(n + 1 - r)`, with `r` the
 * largest rank whose binomial(n, 1/2) coverage `1 - 2 P(B <= r - 1)` is at
 * least the level (Hollander and Wolfe). `null` when no pair of durations
 * reaches the level.
 */
export function medianInterval(sorted: Float64Array, settings: IntervalSettings<'order-statistics'>, format: OutputFormat): MedianInterval | null {
  const ranks = medianRanks(sorted.length, settings.level);
  if (ranks === null) return null;
  const bounds = { lower: new Dec(sorted[ranks.lower - 1]!), upper: new Dec(sorted[ranks.upper - 1]!), standardError: null, clamped: false };
  return { ...toInterval(bounds, settings, format), coverage: ranks.coverage };
}
