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
  let units = num / den;
  const twiceRest = (num - units * den) * 2n;
  if (twiceRest > den || (twiceRest === den && (units & 1n) === 1n)) units += 1n;
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
  readonly numerator: bigint;
  readonly denominator: bigint;
}

/** The rational 0. */
export const ZERO: Rational = { numerator: 0n, denominator: 1n };

/** `numerator / denominator` with the sign on the numerator, or `null` when the denominator is 0. */
export function rational(numerator: bigint, denominator: bigint): Rational | null {
  if (denominator === 0n) return null;
  return denominator < 0n ? { numerator: -numerator, denominator: -denominator } : { numerator, denominator };
}

/** `whole - r`, exactly: the complement of a percent (`whole` 100) or of a fraction (`whole` 1). */
export function rationalComplement(r: Rational, whole: bigint): Rational {
  return { numerator: whole * r.denominator - r.numerator, denominator: r.denominator };
}

/** `r / k` for a positive integer `k`, exactly. */
export function rationalDividedBy(r: Rational, k: bigint): Rational {
  return { numerator: r.numerator, denominator: r.denominator * k };
}

/**
 * `r` rounded to `decimals` places, exactly: `units / 10^decimals` with
 * `units` the nearest integer to `r 10^decimals`; a tie goes away from zero
 * (`'half-up'`) or to the even integer (`'half-even'`).
 */
export function roundRational(r: Rational, decimals: number, rounding: Rounding): Rational {
  const scale = 10n ** BigInt(decimals);
  const negative = r.numerator < 0n;
  const scaled = (negative ? -r.numerator : r.numerator) * scale;
  let units = scaled / r.denominator;
  const twiceRest = (scaled - units * r.denominator) * 2n;
  if (twiceRest > r.denominator || (twiceRest === r.denominator && (rounding === 'half-up' || (units & 1n) === 1n))) units += 1n;
  return { numerator: negative ? -units : units, denominator: scale };
}

/** The double nearest to a rational (ties to even), never `-0`. */
export function rationalToDouble(r: Rational): number {
  return nearestDouble(r.numerator, r.denominator);
}
