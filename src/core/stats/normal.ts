/**
 * The standard normal distribution: cumulative distribution function and
 * quantile, in double precision, accurate to 1e-12 relative (see
 * docs/guides/numerics.md for the methods and the measured accuracy).
 *
 * - CDF: the Taylor series of `Φ(x) - 1/2` in the centre and Laplace's
 *   continued fraction for Mills' ratio in the tails; `exp(-x²/2)` is formed
 *   from an exactly squared part and a small remainder, so the tails keep
 *   full relative accuracy down to `Φ(-38)`.
 * - Quantile: Halley's iteration on that CDF from the Abramowitz and Stegun
 *   26.2.23 starting value.
 */
import { checkProbability, domainError } from './domain-errors.js';

const EPS = Number.EPSILON;
/** 1 / sqrt(2π). */
const INV_SQRT_2PI = 0.3989422804014327;
/** Below this |x| the CDF uses the central series, above it the continued fraction. */
const NORMAL_SPLIT = 1;

/** The standard normal density at `x`, with `x²` split so that the exponent is exact. */
function normalDensity(x: number): number {
  const ax = Math.abs(x);
  const head = Math.trunc(ax * 16) / 16; // at most 10 significant bits: head² is exact
  const rest = (ax - head) * (ax + head);
  return INV_SQRT_2PI * Math.exp(-0.5 * head * head) * Math.exp(-0.5 * rest);
}

/** `(Φ(x) - 1/2) / φ(x) = x + x³/3 + x⁵/(3·5) + ...`, an odd function: every term has the sign of `x`. */
function centralSeries(x: number): number {
  const x2 = x * x;
  let term = x;
  let sum = x;
  for (let k = 1; k < 200; k++) {
    term *= x2 / (2 * k + 1);
    sum += term;
    if (Math.abs(term) < EPS * 0.25 * Math.abs(sum)) break;
  }
  return sum;
}

/** Mills' ratio `(1 - Φ(x)) / φ(x)` for `x >= NORMAL_SPLIT`: Laplace's continued fraction, modified Lentz. */
function millsRatio(x: number): number {
  let f = x;
  let c = x;
  let d = 0;
  for (let k = 1; k < 500; k++) {
    d = x + k * d;
    c = x + k / c;
    d = 1 / d;
    const delta = c * d;
    f *= delta;
    if (Math.abs(delta - 1) < EPS) break;
  }
  return 1 / f;
}

/** `P(Z > x)` for `x >= 0`, to full relative accuracy. */
function normalUpper(x: number): number {
  if (x < NORMAL_SPLIT) return 0.5 - normalDensity(x) * centralSeries(x);
  return normalDensity(x) * millsRatio(x);
}

/**
 * The standard normal cumulative distribution function `Φ(x) = P(Z <= x)`.
 *
 * @param x - Any number; `±Infinity` give 0 and 1.
 * @returns `Φ(x)`, accurate to 1e-12 relative (in the lower tail down to
 *   `x = -38`, below which it underflows to 0).
 * @throws RangeError when `x` is NaN.
 */
export function normalCdf(x: number): number {
  if (Number.isNaN(x)) domainError('normalCdf', x, 'a number');
  if (!Number.isFinite(x)) return x > 0 ? 1 : 0;
  return x < 0 ? normalUpper(-x) : 1 - normalUpper(x);
}

/**
 * `Φ(x) - p` for `p < 1/2`, formed without cancellation near the centre
 * (`1/2 - p` is exact there). `x` is negative except, briefly, when an
 * iterate for `p` just below 1/2 overshoots.
 */
function normalResidual(x: number, p: number): number {
  if (Math.abs(x) < NORMAL_SPLIT) return 0.5 - p + normalDensity(x) * centralSeries(x);
  return x < 0 ? normalDensity(x) * millsRatio(-x) - p : 0.5 - p + (0.5 - normalDensity(x) * millsRatio(x));
}

/**
 * The standard normal quantile: the `x` with `Φ(x) = p`.
 *
 * Halley's iteration on {@link normalCdf} from the rational approximation
 * of Abramowitz and Stegun 26.2.23 (absolute error below 4.5e-4); the
 * iteration converges cubically, so three or four steps reach the limit of
 * double precision. Upper quantiles are `-normalQuantile(1 - p)`, which is
 * exact because `1 - p` is exact for `p >= 1/2`.
 *
 * @param p - A probability from 0 to 1; 0 and 1 give `-Infinity` and `Infinity`.
 * @returns The quantile, accurate to 1e-12 relative.
 * @throws RangeError when `p` is not in [0, 1].
 */
export function normalQuantile(p: number): number {
  checkProbability('normalQuantile', p);
  if (p === 0.5) return 0;
  if (p > 0.5) return -normalQuantile(1 - p);
  if (p === 0) return -Infinity;
  const t = Math.sqrt(-2 * Math.log(p));
  let x = -(t - (2.515517 + t * (0.802853 + t * 0.010328)) / (1 + t * (1.432788 + t * (0.189269 + t * 0.001308))));
  for (let i = 0; i < 10; i++) {
    const density = normalDensity(x);
    if (density === 0) break;
    const r = normalResidual(x, p) / density;
    const step = r / (1 + 0.5 * x * r);
    x -= step;
    if (Math.abs(step) <= 2 * EPS * Math.abs(x)) break;
  }
  return x;
}
