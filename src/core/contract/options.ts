/**
 * The options many metrics share, written and documented once: each metric's
 * options interface extends the ones it takes (as date-fns does with its
 * shared option interfaces).
 */
import type { MissingPolicy, NumericTypedArray } from './types.js';

/** How a rounded output breaks ties. */
export type Rounding = 'half-up' | 'half-even';

/** Output rounding, taken by every function that returns numbers. */
export interface RoundingOptions {
  /**
   * Round every derived number to this many decimal places (0-15): the
   * value, every share, mean and variance, interval bounds and standard
   * errors, and the weighted summary. Unrounded by default. Shares of one
   * whole are rounded by the largest-remainder rule so that they still sum
   * to exactly 100 (see the contract guide).
   */
  readonly decimals?: number;
  /**
   * How ties are broken when `decimals` is set: `'half-up'` (default) rounds
   * ties away from zero (12.5 to 13, -12.5 to -13); `'half-even'` rounds them
   * to the even neighbour (12.5 to 12, 13.5 to 14).
   */
  readonly rounding?: Rounding;
}

/** What to do with missing answers, taken by the metrics whose inputs can be missing. */
export interface MissingOptions {
  /**
   * `'error'` (default) throws on `null`, `undefined` or `NaN`; `'exclude'`
   * skips them and counts them in the result's `excluded`, so nothing is
   * dropped silently.
   */
  readonly missing?: MissingPolicy;
}

/** Per-answer weights: an array or a typed array of numbers. */
export type WeightsInput = readonly number[] | NumericTypedArray;

/** Survey weights, taken by NPS, CSAT and CES. */
export interface WeightsOptions {
  /**
   * One weight per answer (0, or a number from 1e-100 to 1e100): shares,
   * the score and the mean are then weighted, counts stay raw counts, and
   * intervals use Kish's effective sample size `(Σw)² / Σw²`. A missing
   * answer skipped under `missing: 'exclude'` drops its weight too. Weight
   * sums are kept exactly, so weighted tallies merge exactly.
   */
  readonly weights?: WeightsInput;
}

/**
 * A confidence interval, taken by every metric estimated from a sample.
 * `O` is the metric's interval option: `true` (or `{}`) for the defaults, or
 * `{ level?, method? }` with the level (strictly between 0 and 1, default
 * 0.95) and a method of the metric's interval family (listed in the
 * interval methods guide; the first is the default). Without it, the result
 * has no `interval` field.
 */
export interface IntervalOptions<O> {
  /** Adds `interval` (in the metric's unit) to the result at the given level and method. */
  readonly interval?: O;
}
