/**
 * The bounds every interval method returns, as exact decimals: the result
 * layer rounds them as the caller asked and converts each to a double once
 * (interval-fields.ts).
 */
import { Dec } from '../exact/decimal.js';

/** A two-sided interval's bounds, unrounded, in the unit of the quantity estimated. */
export interface IntervalBounds {
  /** The lower bound. */
  readonly lower: Dec;
  /** The upper bound. */
  readonly upper: Dec;
  /** The standard error the interval is built on; `null` for methods without one (score, exact and Bayesian intervals, order statistics). */
  readonly standardError: Dec | null;
  /** Whether a bound was cut back to the quantity's range. */
  readonly clamped: boolean;
}

/** The square root of a variance, with a negative rounding residue of an exact 0 taken as 0. */
export function sqrtOfVariance(value: Dec): Dec {
  return value.isNegative() ? new Dec(0) : value.sqrt();
}

/** `value` cut back to `[lo, hi]`, and whether it had to be. */
function clampTo(value: Dec, lo: Dec, hi: Dec): { readonly value: Dec; readonly clamped: boolean } {
  if (value.lessThan(lo)) return { value: lo, clamped: true };
  if (value.greaterThan(hi)) return { value: hi, clamped: true };
  return { value, clamped: false };
}

/** The Wald-type interval `centre ± z se` cut back to `[lo, hi]`, with `clamped` saying whether either bound was. */
export function symmetricBounds(centre: Dec, z: Dec, se: Dec, lo: Dec, hi: Dec): IntervalBounds {
  const lower = clampTo(centre.minus(z.times(se)), lo, hi);
  const upper = clampTo(centre.plus(z.times(se)), lo, hi);
  return { lower: lower.value, upper: upper.value, standardError: se, clamped: lower.clamped || upper.clamped };
}
