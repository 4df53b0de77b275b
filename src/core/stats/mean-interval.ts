/**
 * The mean of a sample: the exact sample variance from exact sums, and the
 * Student t confidence interval (Student 1908), for a whole or an
 * effective (fractional) sample size.
 */
import { Dec, toNumber } from '../exact/decimal.js';
import type { Rational } from '../exact/rational.js';
import { domainError } from './domain-errors.js';
import { tailProbability } from './levels.js';
import { studentTQuantile } from './student-t.js';

/** A number that enters exact arithmetic: counts, exact sums (`bigint` or decimal strings), or a `Dec`. */
export type ExactInput = number | bigint | string | Dec;

/** An exact input as a `Dec` (a number through its shortest decimal form, which names the double). */
export function exactDec(value: ExactInput): Dec {
  return value instanceof Dec ? value : new Dec(typeof value === 'number' ? value : value.toString());
}

/**
 * The exact sample variance `(n Σx² - (Σx)²) / (n (n - 1))` from a count
 * and exact sums, or `null` when `n < 2`.
 *
 * @param n - Number of observations.
 * @param sum - `Σx`, exact (an integer, a `bigint`, a decimal string or a `Dec`).
 * @param sumSquares - `Σx²`, exact.
 * @throws RangeError when `n` is not a count or the sums are inconsistent (a negative variance).
 */
export function sampleVariance(n: number, sum: ExactInput, sumSquares: ExactInput): Dec | null {
  if (!(Number.isInteger(n) && n >= 0)) domainError('sampleVariance', n, 'a count');
  if (n < 2) return null;
  const s = exactDec(sum);
  const numerator = exactDec(sumSquares).times(n).minus(s.times(s));
  if (numerator.isNegative()) domainError('sampleVariance', sumSquares, `a sum of squares of at least sum² / n`);
  // n (n - 1) passes 2^53 from n near 1e8: formed in decimal, exactly.
  return numerator.dividedBy(new Dec(n).times(n - 1));
}

/**
 * {@link sampleVariance} of integer data as an exact rational: the variance
 * a result reports, converted to a double once.
 *
 * @throws RangeError as {@link sampleVariance}.
 */
export function exactSampleVariance(n: number, sum: bigint, sumSquares: bigint): Rational | null {
  if (!(Number.isInteger(n) && n >= 0)) domainError('sampleVariance', n, 'a count');
  if (n < 2) return null;
  const numerator = BigInt(n) * sumSquares - sum * sum;
  if (numerator < 0n) domainError('sampleVariance', sumSquares, `a sum of squares of at least sum² / n`);
  return { num: numerator, den: BigInt(n) * BigInt(n - 1) };
}

/** A Student t confidence interval for a mean, unrounded, in the unit of the data. */
export interface MeanInterval {
  /** `mean - t sqrt(variance / n)`. */
  readonly lower: Dec;
  /** `mean + t sqrt(variance / n)`. */
  readonly upper: Dec;
  /** `sqrt(variance / n)`. */
  readonly standardError: Dec;
  /** Degrees of freedom, `n - 1` (not an integer for an effective sample size). */
  readonly df: number;
}

/**
 * The two-sided Student t interval for a mean,
 * `mean ± t(1 - α/2, n - 1) sqrt(variance / n)`, as R's `t.test(x)` for a
 * whole `n`. `n` may be fractional (Kish's effective sample size of
 * weighted data), and the degrees of freedom are then `n - 1`, also
 * fractional. Zero width when the variance is 0.
 *
 * @param n - The sample size, whole or effective.
 * @param mean - The sample mean.
 * @param variance - The sample variance (from {@link sampleVariance}, or a
 *   weighted variance), `null` when there is none.
 * @param level - Confidence level, strictly between 0 and 1.
 * @returns The interval, or `null` when the variance is `null`, `n` is 1
 *   or less, or `n` is so close to 1 that the t quantile is infinite (an
 *   effective sample size of 1.001 has 0.001 degrees of freedom: the
 *   interval is unbounded).
 * @throws RangeError when `level` is not strictly between 0 and 1.
 */
export function meanInterval(n: Dec | number, mean: Dec, variance: Dec | null, level: number): MeanInterval | null {
  const tail = tailProbability(level);
  const size = n instanceof Dec ? n : new Dec(n);
  if (variance === null || !size.greaterThan(1)) return null;
  const df = toNumber(size.minus(1));
  const quantile = studentTQuantile(tail, df);
  if (!Number.isFinite(quantile)) return null;
  const se = variance.dividedBy(size).sqrt();
  const half = se.times(new Dec(-quantile));
  return { lower: mean.minus(half), upper: mean.plus(half), standardError: se, df };
}
