/**
 * Exact rationals in `bigint`, and the one correctly rounded conversion of a
 * rational to a double.
 *
 * A count, a sum of doubles (every double is a dyadic rational) and a money
 * sum in minor units are all integers or dyadic rationals, so a share or a
 * rate formed from them is a rational `numerator / denominator` known
 * exactly. {@link nearestDouble} returns the double nearest to it (ties to
 * even, as IEEE 754 rounds), deciding the halfway case by an exact
 * comparison instead of through a rounded intermediate.
 */
import type { Rounding } from '../contract/options.js';

function bitLength(x: bigint): number {
  return x === 0n ? 0 : x.toString(2).length;
}

const POW2_BITS = /* @__PURE__ */ (() => new DataView(new ArrayBuffer(8)))();

/** `2^k` exactly, for `k` from -1074 to 1023. */
function powerOfTwo(k: number): number {
  // Normal: the biased exponent k + 1023 and a zero fraction; subnormal: one fraction bit.
  POW2_BITS.setBigUint64(0, k >= -1022 ? BigInt(k + 1023) << 52n : 1n << BigInt(k + 1074));
  return POW2_BITS.getFloat64(0);
}

/** The integer nearest to `a / b` for `a >= 0`, `b > 0`: a tie goes up when `tiesUp`, else to the even integer. */
function nearestInteger(a: bigint, b: bigint, tiesUp: boolean): bigint {
  const floor = a / b;
  const twiceRest = (a - floor * b) * 2n;
  return twiceRest > b || (twiceRest === b && (tiesUp || (floor & 1n) === 1n)) ? floor + 1n : floor;
}

/**
 * The double nearest to `numerator / denominator`, ties to even; `0` (never
 * `-0`) for a zero numerator, `±Infinity` when the magnitude rounds past the
 * largest double.
 *
 * The quotient is cut at the last bit a double keeps at its magnitude (52
 * bits below its leading bit, or 2^-1074 for subnormals); the remainder then
 * says exactly whether the rest is below, at or above half a unit.
 *
 * @throws RangeError when the denominator is 0.
 */
export function nearestDouble(numerator: bigint, denominator: bigint): number {
  if (denominator === 0n) throw new RangeError('nearestDouble: the denominator is 0');
  if (numerator === 0n) return 0;
  const negative = numerator < 0n !== denominator < 0n;
  const a = numerator < 0n ? -numerator : numerator;
  const b = denominator < 0n ? -denominator : denominator;
  // The binary exponent E of a / b: 2^E <= a / b < 2^(E + 1).
  let exponent = bitLength(a) - bitLength(b);
  if (exponent >= 0 ? a < b << BigInt(exponent) : a << BigInt(-exponent) < b) exponent -= 1;
  if (exponent > 1023) return negative ? -Infinity : Infinity;
  const ulp = Math.max(exponent, -1022) - 52;
  const num = ulp < 0 ? a << BigInt(-ulp) : a;
  const den = ulp > 0 ? b << BigInt(ulp) : b;
  const units = nearestInteger(num, den, false);
  // units <= 2^53 is exact as a double, and so is its product with 2^ulp (or it overflows to Infinity).
  const magnitude = Number(units) * powerOfTwo(ulp);
  return negative ? -magnitude : magnitude;
}

/**
 * An exact rational `numerator / denominator`, the denominator positive. A
 * result the library calls exact (a share, a mean, a rate, a retention) is
 * one of these until it becomes a double, once, through
 * {@link nearestDouble}.
 */
export interface Rational {
  /** The numerator, with the sign. */
  readonly num: bigint;
  /** The denominator, positive. */
  readonly den: bigint;
}

/** The rational 0. */
export const ZERO: Rational = { num: 0n, den: 1n };

/** `numerator / denominator` with the sign on the numerator, or `null` when the denominator is 0. */
export function rational(numerator: bigint, denominator: bigint): Rational | null {
  if (denominator === 0n) return null;
  return denominator < 0n ? { num: -numerator, den: -denominator } : { num: numerator, den: denominator };
}

/** `whole - r`, exactly: the complement of a percent (`whole` 100) or of a fraction (`whole` 1). */
export function rationalComplement(r: Rational, whole: bigint): Rational {
  return { num: whole * r.den - r.num, den: r.den };
}

/** `r / k` for a positive integer `k`, exactly. */
export function rationalDividedBy(r: Rational, k: bigint): Rational {
  return { num: r.num, den: r.den * k };
}

/**
 * `r` rounded to `decimals` places, exactly: `units / 10^decimals` with
 * `units` the nearest integer to `r 10^decimals`; a tie goes away from zero
 * (`'half-up'`) or to the even integer (`'half-even'`).
 */
export function roundRational(r: Rational, decimals: number, rounding: Rounding): Rational {
  const scale = 10n ** BigInt(decimals);
  const negative = r.num < 0n;
  const units = nearestInteger((negative ? -r.num : r.num) * scale, r.den, rounding === 'half-up');
  return { num: negative ? -units : units, den: scale };
}

/** The double nearest to a rational (ties to even), never `-0`. */
export function rationalToDouble(r: Rational): number {
  return nearestDouble(r.num, r.den);
}

/**
 * `floor(√m)` for `m >= 0`: Newton's iteration from above the root, which
 * decreases to it. It starts from a double's root of `m`'s leading 1,000
 * bits or fewer, raised.
 */
export function integerSqrt(m: bigint): bigint {
  if (m === 0n) return 0n;
  const half = BigInt(Math.max(0, bitLength(m) - 1000) >> 1);
  let r = (BigInt(Math.ceil(Math.sqrt(Number(m >> (2n * half))) * 1.000001)) + 1n) << half;
  for (;;) {
    const next = (r + m / r) >> 1n;
    if (next >= r) return r;
    r = next;
  }
}
