/**
 * The beta distribution: the regularized incomplete beta function `I_x(a, b)`
 * (its cumulative distribution function) and its inverse, in double
 * precision, accurate to 1e-12 relative (see docs/guides/numerics.md).
 *
 * - `I_x(a, b)`: the even contraction of the classical continued fraction,
 *   with its partial denominators written in terms of `λ = a - (a + b)x`
 *   (computed in double-double arithmetic) so that nothing cancels for
 *   shapes up to 1e7 and more; the factor `x^a y^b / B(a, b)` is computed
 *   without forming `ln Γ` of large arguments (Stirling's series for the
 *   differences, as in DiDonato and Morris, ACM TOMS 708, 1992).
 * - Quantile: Newton's iteration on `ln I` against `ln x`, safeguarded by
 *   bisection, from the Abramowitz and Stegun 26.5.22 starting value.
 *
 * The Student t distribution (student-t.ts) and the order statistics of a
 * median are computed through these functions.
 */
import { checkProbability, domainError } from './domain-errors.js';
import { twoProduct, twoSum } from './double-double.js';
import { lnBeta, lnGamma, lnGammaRatio, rlog1, stirlingRemainder } from './gamma.js';
import { normalQuantile } from './normal.js';

const EPS = Number.EPSILON;
/** 1 / sqrt(2π). */
const INV_SQRT_2PI = 0.3989422804014327;

/** Which tail a probability measures: `P(X <= x)` or `P(X > x)`. */
export type Tail = 'lower' | 'upper';

/** Checks a beta shape: finite and above 0. */
function checkShape(name: string, v: number): void {
  if (!(v > 0 && v < Infinity)) domainError(name, v, 'a finite shape parameter above 0');
}

/**
 * A point of a beta distribution given twice, as `x` and `y = 1 - x`. The
 * smaller of the two is exact (or accurate to a few ulps); the larger is
 * `1 - smaller` rounded, and is used only where its rounding does no harm.
 */
export interface BetaPoint {
  readonly x: number;
  readonly y: number;
}

interface Lambda {
  /** `λ = a - (a + b) x = (a + b) y - b`, as hi + lo. */
  readonly hi: number;
  readonly lo: number;
}

/** `a - (a + b) x`, from whichever of `x`, `y` is the accurate one, in double-double arithmetic. */
function lambdaOf(a: number, b: number, p: BetaPoint): Lambda {
  const [sh, sl] = twoSum(a, b);
  if (p.x <= p.y) {
    const [ph, pl] = twoProduct(sh, p.x);
    const [dh, dl] = twoSum(a, -ph);
    return normalize(dh, dl - pl - sl * p.x);
  }
  const [ph, pl] = twoProduct(sh, p.y);
  const [dh, dl] = twoSum(ph, -b);
  return normalize(dh, dl + pl + sl * p.y);
}

/** Renormalizes a double-double so that `hi` is the rounded value of `hi + lo`. */
function normalize(hi: number, lo: number): Lambda {
  const [h, l] = twoSum(hi, lo);
  return { hi: h, lo: l };
}

/**
 * `x^a y^b / B(a, b)`, to full relative accuracy (about 1e-14) for every
 * positive shape: for large shapes through `λ` and Stirling's series
 * (DiDonato and Morris's `brcomp`), so that no large logarithms cancel.
 */
function betaPowerFactor(a: number, b: number, p: BetaPoint, lambda: number): number {
  const lnx = p.x <= p.y ? Math.log(p.x) : Math.log1p(-p.y);
  const lny = p.y < p.x ? Math.log(p.y) : Math.log1p(-p.x);
  if (a >= 10 && b >= 10) {
    const s = a + b;
    const e1 = -lambda / a;
    const e2 = lambda / b;
    const u = rlog1(e1, e1 < -0.5 ? lnx + Math.log1p(b / a) : undefined);
    const v = rlog1(e2, e2 < -0.5 ? lny + Math.log1p(a / b) : undefined);
    const correction = stirlingRemainder(a) + stirlingRemainder(b) - stirlingRemainder(s);
    return Math.exp(-(a * u + b * v) - correction) * Math.sqrt((a / s) * b) * INV_SQRT_2PI;
  }
  if (a < 10 && b >= 10) return Math.exp(a * (lnx + Math.log(b)) + b * lny - lnGamma(a) - (lnGammaRatio(a, b) + a * Math.log(b)));
  if (b < 10 && a >= 10) return Math.exp(b * (lny + Math.log(a)) + a * lnx - lnGamma(b) - (lnGammaRatio(b, a) + b * Math.log(a)));
  return Math.exp(a * lnx + b * lny - (lnGamma(a) + lnGamma(b) - lnGamma(a + b)));
}

/**
 * The continued fraction for `I_x(a, b)` when `x < (a + 1) / (a + b + 2)`:
 * `I_x(a, b) = factor / (a T)` where `T = β0 + α1 / (β1 + α2 / (β2 + ...))`
 * is the even contraction of `1 + d1 / (1 + d2 / (1 + ...))`,
 * `d_{2m+1} = -(a + m)(a + b + m) x / ((a + 2m)(a + 2m + 1))`,
 * `d_{2m} = m (b - m) x / ((a + 2m - 1)(a + 2m))`. In terms of `λ`,
 * `β0 = (λ + 1) / (a + 1)` and
 * `βm = (A + B λ) / ((a + b)(a + 2m - 1)(a + 2m + 1))` with
 * `A = a ((2m + 1) a + (4m + 1) b + 2m² - 1) + b (4m² - 1)` and
 * `B = (a + b)(a - 1) + 2m (a + m)`: no term cancels in this region.
 */
function betaContinuedFraction(a: number, b: number, x: number, lambda: Lambda): number {
  const TINY = 1e-300;
  const s = a + b;
  const [l1h, l1l] = twoSum(lambda.hi, 1);
  let f = (l1h + (l1l + lambda.lo)) / (a + 1);
  if (f === 0) f = TINY;
  let c = f;
  let d = 0;
  const lam = lambda.hi + lambda.lo;
  let previousOdd = (s * x) / (a + 1); // -d_{2m-1}; for m = 1, a (a + b) x / (a (a + 1))
  for (let m = 1; m < 100000; m++) {
    const a2m = a + 2 * m;
    const even = (m * (b - m) * x) / ((a2m - 1) * a2m);
    const alpha = previousOdd * even;
    const bigA = a * ((2 * m + 1) * a + (4 * m + 1) * b + 2 * m * m - 1) + b * (4 * m * m - 1);
    const bigB = s * (a - 1) + 2 * m * (a + m);
    const beta = (bigA + bigB * lam) / (s * (a2m - 1) * (a2m + 1));
    previousOdd = ((a + m) * (s + m) * x) / (a2m * (a2m + 1));
    d = beta + alpha * d;
    if (d === 0) d = TINY;
    c = beta + alpha / c;
    if (c === 0) c = TINY;
    d = 1 / d;
    const delta = c * d;
    f *= delta;
    if (Math.abs(delta - 1) <= EPS) break;
  }
  return f;
}

/** Both tails of a beta distribution at a point, and the density there times `x y`. */
export interface BetaTails {
  /** `I_x(a, b) = P(X <= x)`. */
  readonly lower: number;
  /** `1 - I_x(a, b) = P(X > x)`. */
  readonly upper: number;
  /** `x^a y^b / B(a, b)`, the density times `x y`. */
  readonly factor: number;
}

/**
 * `I_x(a, b)` and its complement, for validated shapes and a point given
 * as `x` and `1 - x`. The tail that is computed directly is accurate to
 * about 1e-14 relative; the other is one minus it, and is at least about
 * 0.08 whenever it is formed that way, so it keeps its relative accuracy
 * too.
 */
export function incompleteBeta(a: number, b: number, p: BetaPoint): BetaTails {
  if (p.x <= 0) return { lower: 0, upper: 1, factor: 0 };
  if (p.y <= 0) return { lower: 1, upper: 0, factor: 0 };
  const lambda = lambdaOf(a, b, p);
  const lam = lambda.hi + lambda.lo;
  // x < (a + 1) / (a + b + 2)  <=>  λ > 2x - 1
  if (lam > (p.x <= p.y ? 2 * p.x - 1 : 1 - 2 * p.y)) {
    const factor = betaPowerFactor(a, b, p, lam);
    const lower = factor / (a * betaContinuedFraction(a, b, p.x, lambda));
    return { lower, upper: 1 - lower, factor };
  }
  const swapped: BetaPoint = { x: p.y, y: p.x };
  const negated: Lambda = { hi: -lambda.hi, lo: -lambda.lo };
  const factor = betaPowerFactor(b, a, swapped, -lam);
  const upper = factor / (b * betaContinuedFraction(b, a, p.y, negated));
  return { lower: 1 - upper, upper, factor };
}

/**
 * The beta cumulative distribution function, the regularized incomplete
 * beta function `I_x(a, b)`.
 *
 * @param x - A point from 0 to 1.
 * @param a - First shape, above 0.
 * @param b - Second shape, above 0.
 * @param tail - `'lower'` (default) for `P(X <= x)`, `'upper'` for `P(X > x)`,
 *   each accurate to 1e-12 relative.
 * @throws RangeError when an argument is out of its domain.
 */
export function betaCdf(x: number, a: number, b: number, tail: Tail = 'lower'): number {
  if (!(x >= 0 && x <= 1)) domainError('betaCdf', x, 'a point from 0 to 1');
  checkShape('betaCdf', a);
  checkShape('betaCdf', b);
  const tails = incompleteBeta(a, b, { x, y: 1 - x });
  return tail === 'lower' ? tails.lower : tails.upper;
}

/**
 * Solves `P(X <= x) = lower` (equivalently `P(X > x) = upper`) for a
 * Beta(a, b) variable with validated shapes; `lower + upper = 1` and the
 * smaller of the two is exact. Returns `x` and `1 - x`, the smaller of
 * them accurate.
 */
export function solveBeta(a: number, b: number, lower: number, upper: number): BetaPoint {
  if (lower <= 0) return { x: 0, y: 1 };
  if (upper <= 0) return { x: 1, y: 0 };
  const middle = incompleteBeta(a, b, { x: 0.5, y: 0.5 });
  if (lower <= middle.lower) {
    const z = solveLowerHalf(a, b, lower, upper);
    return { x: z, y: 1 - z };
  }
  const z = solveLowerHalf(b, a, upper, lower);
  return { x: 1 - z, y: z };
}

/** The starting value of Abramowitz and Stegun 26.5.22 for `I_z(a, b) = lower`, `a, b > 1`. */
function startingValue(a: number, b: number, lower: number, upper: number): number {
  const zp = lower <= upper ? -normalQuantile(lower) : normalQuantile(upper); // upper-tail normal deviate of `lower`
  const h = 2 / (1 / (2 * a - 1) + 1 / (2 * b - 1));
  const l = (zp * zp - 3) / 6;
  const w = (zp * Math.sqrt(h + l)) / h - (1 / (2 * b - 1) - 1 / (2 * a - 1)) * (l + 5 / 6 - 2 / (3 * h));
  return a / (a + b * Math.exp(2 * w));
}

/**
 * The root `z` in (0, 1/2] of `I_z(a, b) = lower` (with `upper = 1 - lower`),
 * found by Newton's method on `ln I_z` (or `ln(1 - I_z)`, whichever tail is
 * smaller) against `ln z`, where the lower tail is close to a straight line
 * (`I_z ≈ z^a / (a B)`); bisection on `ln z` keeps it inside a bracket.
 */
function solveLowerHalf(a: number, b: number, lower: number, upper: number): number {
  const useLower = lower <= upper;
  const target = Math.log(useLower ? lower : upper);
  let lo = -Infinity;
  let hi = Math.log(0.5);
  let z = NaN;
  if (a > 1 && b > 1) z = startingValue(a, b, lower, upper);
  if (!(z > 0 && z < 0.5)) {
    // the lower tail's leading term: I_z(a, b) ≈ z^a / (a B(a, b))
    z = Math.exp((Math.log(lower * a) + lnBeta(a, b)) / a);
    if (!(z > 0 && z < 0.5)) z = 0.25;
  }
  let w = Math.log(z);
  for (let i = 0; i < 200; i++) {
    const tails = incompleteBeta(a, b, { x: z, y: 1 - z });
    const value = useLower ? tails.lower : tails.upper;
    // g(w) increases with w: ln I - ln lower, or ln upper - ln(1 - I)
    const g = useLower ? Math.log(value) - target : target - Math.log(value);
    if (g === 0) return z;
    if (g < 0) lo = w;
    else hi = w;
    const slope = tails.factor / ((1 - z) * value); // d ln(tail) / d ln z, in absolute value
    let next = w - g / slope;
    if (!(next > lo && next < hi)) next = lo === -Infinity ? w - 2 : 0.5 * (lo + hi);
    const step = next - w;
    w = next;
    z = Math.exp(w);
    if (Math.abs(step) <= 4 * EPS || hi - lo <= 4 * EPS) break;
  }
  return z;
}

/**
 * The beta quantile: the `x` with `P(X <= x) = p` (or `P(X > x) = p` for
 * the upper tail) for a Beta(a, b) variable.
 *
 * @param p - A probability from 0 to 1.
 * @param a - First shape, above 0.
 * @param b - Second shape, above 0.
 * @param tail - `'lower'` (default) or `'upper'`: which tail `p` measures.
 *   Giving an upper-tail probability directly avoids forming `1 - p`.
 * @returns The quantile on [0, 1], accurate to 1e-12 relative.
 * @throws RangeError when an argument is out of its domain.
 */
export function betaQuantile(p: number, a: number, b: number, tail: Tail = 'lower'): number {
  checkProbability('betaQuantile', p);
  checkShape('betaQuantile', a);
  checkShape('betaQuantile', b);
  const q = 1 - p; // exact when p >= 1/2; when p < 1/2, p itself is the target used
  return tail === 'lower' ? solveBeta(a, b, p, q).x : solveBeta(a, b, q, p).x;
}
