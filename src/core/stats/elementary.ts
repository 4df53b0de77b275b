/**
 * The natural logarithm and the exponential from the basic operations
 * `+ - * /` only (fdlibm's `e_log.c` and `e_exp.c`), so that they give the
 * same bits on every machine. ECMAScript leaves `Math.log`, `Math.exp` and
 * `Math.pow` implementation-approximated, and engines do differ; the basic
 * operations are correctly rounded by IEEE 754 (and JavaScript never fuses
 * or widens them). The seeded binomial sampler rests on these.
 */
import { POWERS_OF_TWO, scaleByPowerOfTwo } from '../exact/exact-sum.js';
import { domainError } from './domain-errors.js';

const LN2_HI = 6.9314718036912381649e-1;
const LN2_LO = 1.90821492927058770002e-10;
const LG1 = 6.66666666666673513e-1;
const LG2 = 3.999999999940941908e-1;
const LG3 = 2.857142874366239149e-1;
const LG4 = 2.222219843214978396e-1;
const LG5 = 1.818357216161805012e-1;
const LG6 = 1.531383769920937332e-1;
const LG7 = 1.479819860511658591e-1;
const SQRT2 = 1.4142135623730951;
const SQRT_HALF = 0.7071067811865476;

/**
 * The natural logarithm, from basic operations only, so that every engine
 * gives the same bits (fdlibm's `__ieee754_log`, error below 1 ulp).
 * `x = 2^k m` with `m` in [sqrt(1/2), sqrt(2)) (found by exact scaling),
 * `f = m - 1` (exact), `s = f / (2 + f)`, and
 * `ln m = f - f²/2 + s (f²/2 + R(s²))` with fdlibm's minimax polynomial
 * `R`; `k ln 2` is added in two parts.
 *
 * @returns `ln x`; `-Infinity` at 0, `Infinity` at `Infinity`.
 * @throws RangeError when `x` is negative or NaN.
 */
export function ln(x: number): number {
  if (!(x >= 0)) domainError('ln', x, 'a number of at least 0');
  if (x === 0) return -Infinity;
  if (x === Infinity) return Infinity;
  let m = x;
  let k = 0;
  if (m < 1e-300) {
    // below 2^-996, and so possibly subnormal: bring it up by 2^64 first
    m *= POWERS_OF_TWO[6]!;
    k = -64;
  }
  for (let i = 9; i >= 0; i--) {
    const p = POWERS_OF_TWO[i]!;
    if (m >= p) {
      m /= p;
      k += 1 << i;
    }
  }
  for (let i = 9; i >= 0; i--) {
    const p = POWERS_OF_TWO[i]!;
    if (m * p < 2) {
      m *= p;
      k -= 1 << i;
    }
  }
  // m is now in [1, 2) (the second loop brings a subnormal or small x up,
  // every product exact); move it into [sqrt(1/2), sqrt(2)).
  if (m >= SQRT2) {
    m /= 2;
    k += 1;
  }
  if (m < SQRT_HALF) {
    m *= 2;
    k -= 1;
  }
  const f = m - 1;
  const hfsq = 0.5 * f * f;
  const s = f / (2 + f);
  const z = s * s;
  const w = z * z;
  const t1 = w * (LG2 + w * (LG4 + w * LG6));
  const t2 = z * (LG1 + w * (LG3 + w * (LG5 + w * LG7)));
  const r = t2 + t1;
  return k * LN2_HI - (hfsq - (s * (hfsq + r) + k * LN2_LO) - f);
}

/**
 * `ln(1 + x)` accurately for small `x`, from {@link ln}: with `u = 1 + x`
 * rounded, `ln(u) x / (u - 1)` cancels the rounding of `u` (Goldberg 1991,
 * "What every computer scientist should know about floating-point
 * arithmetic", theorem 4).
 *
 * @throws RangeError when `x` is below -1 or NaN.
 */
export function ln1p(x: number): number {
  if (!(x >= -1)) domainError('ln1p', x, 'a number of at least -1');
  const u = 1 + x;
  if (u === 1) return x;
  return (ln(u) * x) / (u - 1);
}

const INV_LN2 = 1.442695040888963387;
const P1 = 1.66666666666666019037e-1;
const P2 = -2.77777777770155933842e-3;
const P3 = 6.61375632143793436117e-5;
const P4 = -1.6533902205465251539e-6;
const P5 = 4.13813679705723846039e-8;

/**
 * `e^x` from basic operations only (fdlibm's `__ieee754_exp`, error below
 * 1 ulp): `x = k ln 2 + r` with `|r| <= ln(2)/2` (`k ln 2` subtracted in two
 * parts), a minimax rational approximation on `r`, and an exact scaling by
 * `2^k`.
 *
 * @param x - At most 709 in absolute value (the scaling stays in the normal range).
 * @throws RangeError when `|x| > 709` or `x` is NaN.
 */
export function exp(x: number): number {
  if (!(Math.abs(x) <= 709)) domainError('exp', x, 'a number from -709 to 709');
  if (x === 0) return 1;
  const k = Math.floor(x * INV_LN2 + 0.5);
  const hi = x - k * LN2_HI;
  const lo = k * LN2_LO;
  const r = hi - lo;
  const t = r * r;
  const c = r - t * (P1 + t * (P2 + t * (P3 + t * (P4 + t * P5))));
  const y = 1 - (lo - (r * c) / (2 - c) - hi);
  return scaleByPowerOfTwo(y, k);
}
