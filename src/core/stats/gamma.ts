/**
 * Logarithms of the gamma and beta functions for positive arguments, in
 * double precision, built so that the beta distribution's large shapes
 * lose nothing to cancellation: Stirling's series and its remainder, and
 * `ln Γ(b) - ln Γ(a + b)` without forming either logarithm (as in DiDonato
 * and Morris, ACM TOMS 708, 1992).
 */

const EPS = Number.EPSILON;
/** ln(sqrt(2π)). */
const LN_SQRT_2PI = 0.9189385332046728;

/**
 * Stirling's series remainder `δ(z) = ln Γ(z) - ((z - 1/2) ln z - z + ln sqrt(2π))`
 * for `z >= 10`: `Σ B_{2k} / (2k (2k - 1) z^{2k-1})`, k = 1..9, absolute
 * error below 2e-18.
 */
export function stirlingRemainder(z: number): number {
  const w = 1 / (z * z);
  return (
    (1 / 12 +
      w * (-1 / 360 + w * (1 / 1260 + w * (-1 / 1680 + w * (1 / 1188 + w * (-691 / 360360 + w * (1 / 156 + w * (-3617 / 122400 + (w * 43867) / 244188)))))))) /
    z
  );
}

/** `ln Γ(z)` for `z > 0`: Stirling's series, after the recurrence `Γ(z + 1) = z Γ(z)` lifts `z` to 10 or more. */
export function lnGamma(z: number): number {
  let shift = 1;
  while (z < 10) {
    shift *= z;
    z += 1;
  }
  return (z - 0.5) * Math.log(z) - z + LN_SQRT_2PI + stirlingRemainder(z) - Math.log(shift);
}

/** `ln(1 + e) = 2 atanh(r)` with `r = e / (2 + e)`: the tail `2 (r³/3 + r⁵/5 + ...)`, for `|e| <= 1/2`. */
function atanhTail(r: number): number {
  const r2 = r * r;
  let power = r * r2;
  let sum = 0;
  for (let k = 3; k < 80; k += 2) {
    const term = power / k;
    sum += term;
    if (Math.abs(term) <= EPS * 1e-2 * Math.abs(sum)) break;
    power *= r2;
  }
  return 2 * sum;
}

/**
 * `e - ln(1 + e)` for `e > -1`, without cancellation for small `e`
 * (DiDonato and Morris's `rlog1`). `lnOnePlusE`, when given, is `ln(1 + e)`
 * computed by the caller from quantities more accurate than `e` itself
 * (used for `e` near -1).
 */
export function rlog1(e: number, lnOnePlusE?: number): number {
  if (Math.abs(e) <= 0.5) {
    const r = e / (2 + e);
    return e * r - atanhTail(r);
  }
  return e - (lnOnePlusE ?? Math.log1p(e));
}

/** `ln Γ(b) - ln Γ(a + b)` for `b >= 10`, without forming either logarithm of the gamma function. */
export function lnGammaRatio(a: number, b: number): number {
  const r = a / b;
  return -a * Math.log(b) + b * rlog1(r) - (a - 0.5) * Math.log1p(r) + stirlingRemainder(b) - stirlingRemainder(a + b);
}

/** `ln B(a, b)`, accurate in absolute terms to a few 1e-15 for every positive shape. */
export function lnBeta(a: number, b: number): number {
  const lo = Math.min(a, b);
  const hi = Math.max(a, b);
  if (lo >= 10) {
    const s = a + b;
    const correction = stirlingRemainder(a) + stirlingRemainder(b) - stirlingRemainder(s);
    return -a * Math.log1p(b / a) - b * Math.log1p(a / b) + 0.5 * Math.log(s / a / b) + LN_SQRT_2PI + correction;
  }
  if (hi >= 10) return lnGamma(lo) + lnGammaRatio(lo, hi);
  return lnGamma(a) + lnGamma(b) - lnGamma(a + b);
}
