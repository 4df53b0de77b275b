/**
 * The bounds every interval method returns, as exact decimals (or, for the
 * NPS Wald intervals, exact rationals): the result layer rounds them as the
 * caller asked and converts each to a double once (interval-fields.ts).
 */
import { Dec, type Derived } from '../exact/decimal.js';

/** A two-sided interval's bounds, unrounded, in the unit of the quantity estimated: decimals unless `T` says otherwise. */
export interface IntervalBounds<T extends Derived = Dec> {
  /** The lower bound. */
  readonly lower: T;
  /** The upper bound. */
  readonly upper: T;
  /** The standard error the interval is built on; `null` for methods without one (score, exact and Bayesian intervals, order statistics). */
  readonly standardError: T | null;
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
