/**
 * The Student t distribution for any real degrees of freedom `ν > 0` (as
 * Welch's test needs), through the incomplete beta function:
 * `P(T <= -|t|) = I_{ν/(ν+t²)}(ν/2, 1/2) / 2`. Accurate to 1e-12 relative
 * (see docs/guides/numerics.md).
 */
import { incompleteBeta, solveBeta } from './beta.js';
import { checkProbability, domainError } from './domain-errors.js';
import { twoProduct, twoSum } from './double-double.js';
import { normalCdf, normalQuantile } from './normal.js';

/** Checks degrees of freedom: above 0 (`Infinity` allowed). */
function checkDf(name: string, df: number): void {
  if (!(df > 0)) domainError(name, df, 'degrees of freedom above 0');
}

/**
 * The Student t cumulative distribution function `P(T <= t)` with `df`
 * degrees of freedom (any real `df > 0`).
 *
 * @param t - Any number.
 * @param df - Degrees of freedom above 0; `Infinity` gives the normal CDF.
 * @returns The probability, accurate to 1e-12 relative.
 * @throws RangeError when `t` is NaN or `df` is not above 0.
 */
export function studentTCdf(t: number, df: number): number {
  if (Number.isNaN(t)) domainError('studentTCdf', t, 'a number');
  checkDf('studentTCdf', df);
  if (df === Infinity) return normalCdf(t);
  if (t === 0) return 0.5;
  if (!Number.isFinite(t)) return t > 0 ? 1 : 0;
  // x = df / (df + t²), y = t² / (df + t²), each rounded once
  const [th, tl] = twoProduct(t, t);
  const [sh, sl0] = twoSum(df, th);
  const sl = sl0 + tl;
  const y = (th + tl) / (sh + sl);
  const x = df / (sh + sl);
  const tails = incompleteBeta(df / 2, 0.5, { x, y });
  const half = 0.5 * tails.lower; // P(T <= -|t|)
  return t < 0 ? half : 0.5 + 0.5 * tails.upper;
}

/**
 * The Student t quantile: the `t` with `P(T <= t) = p`, for any real
 * `df > 0`. Upper quantiles are `-studentTQuantile(1 - p, df)`.
 *
 * @param p - A probability from 0 to 1; 0 and 1 give `-Infinity` and `Infinity`.
 * @param df - Degrees of freedom above 0; `Infinity` gives the normal quantile.
 * @returns The quantile, accurate to 1e-12 relative.
 * @throws RangeError when an argument is out of its domain.
 */
export function studentTQuantile(p: number, df: number): number {
  checkProbability('studentTQuantile', p);
  checkDf('studentTQuantile', df);
  if (df === Infinity) return normalQuantile(p);
  if (p === 0.5) return 0;
  if (p > 0.5) return -studentTQuantile(1 - p, df);
  if (p === 0) return -Infinity;
  // P(T <= t) = I_x(df/2, 1/2) / 2 with x = df / (df + t²) for t < 0
  const { x, y } = solveBeta(df / 2, 0.5, 2 * p, 1 - 2 * p);
  return -Math.sqrt(df * (y / x));
}
