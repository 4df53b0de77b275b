/**
 * The normal, Student t and beta distributions: cumulative distribution
 * functions and quantiles, in double precision, accurate to 1e-12 relative
 * (see docs/guides/numerics.md for the methods and the measured accuracy).
 *
 * - Normal CDF: the Taylor series of `Φ(x) - 1/2` in the centre and Laplace's
 *   continued fraction for Mills' ratio in the tails; `exp(-x²/2)` is formed
 *   from an exactly squared part and a small remainder, so the tails keep
 *   full relative accuracy down to `Φ(-38)`.
 * - Normal quantile: Halley's iteration on that CDF from the Abramowitz and
 *   Stegun 26.2.23 starting value.
 * - Regularized incomplete beta `I_x(a, b)`: the even contraction of the
 *   classical continued fraction, with its partial denominators written in
 *   terms of `λ = a - (a + b)x` (computed in double-double arithmetic) so that
 *   nothing cancels for shapes up to 1e7 and more; the factor
 *   `x^a y^b / B(a, b)` is computed without forming `ln Γ` of large
 *   arguments (Stirling's series for the differences, as in DiDonato and
 *   Morris, ACM TOMS 708, 1992).
 * - Beta quantile: Newton's iteration on `ln I` against `ln x`, safeguarded
 *   by bisection, from the Abramowitz and Stegun 26.5.22 starting value.
 * - Student t: through the incomplete beta, `P(T <= -|t|) = I_{ν/(ν+t²)}(ν/2, 1/2) / 2`.
 *
 * These functions take validated arguments: a value outside the domain is a
 * caller's bug and throws a `RangeError`, never a `MetricsError`.
 */

const EPS = 2.220446049250313e-16;
/** 1 / sqrt(2π). */
const INV_SQRT_2PI = 0.3989422804014327;
/** ln(sqrt(2π)). */
const LN_SQRT_2PI = 0.9189385332046728;
/** Below this |x| the normal CDF uses the central series, above it the continued fraction. */
const NORMAL_SPLIT = 1;

/** Which tail a probability measures: `P(X <= x)` or `P(X > x)`. */
export type Tail = 'lower' | 'upper';

/** Throws the `RangeError` for an argument outside a function's domain. */
function domain(name: string, value: number, what: string): never {
  throw new RangeError(`${name}: expected ${what}, received ${value}`);
}

/** Checks `0 <= p <= 1`. */
function checkProbability(name: string, p: number): void {
  if (!(p >= 0 && p <= 1)) domain(name, p, 'a probability from 0 to 1');
}

/** Checks a beta shape: finite and above 0. */
function checkShape(name: string, v: number): void {
  if (!(v > 0 && v < Infinity)) domain(name, v, 'a finite shape parameter above 0');
}

// ---------------------------------------------------------------------------
// Error-free transformations (Dekker 1971, Knuth): exact products and sums
// of doubles as unevaluated pairs hi + lo.

const SPLITTER = 134217729; // 2^27 + 1

/** `a b` exactly, as the rounded product and its rounding error. */
function twoProduct(a: number, b: number): [number, number] {
  const p = a * b;
  let c = SPLITTER * a;
  const ah = c - (c - a);
  const al = a - ah;
  c = SPLITTER * b;
  const bh = c - (c - b);
  const bl = b - bh;
  return [p, ah * bh - p + ah * bl + al * bh + al * bl];
}

/** `a + b` exactly, as the rounded sum and its rounding error. */
function twoSum(a: number, b: number): [number, number] {
  const s = a + b;
  const bb = s - a;
  return [s, a - (s - bb) + (b - bb)];
}

// ---------------------------------------------------------------------------
// Normal distribution.

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
  if (Number.isNaN(x)) domain('normalCdf', x, 'a number');
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

// ---------------------------------------------------------------------------
// Gamma and beta functions.

/**
 * Stirling's series remainder `δ(z) = ln Γ(z) - ((z - 1/2) ln z - z + ln sqrt(2π))`
 * for `z >= 10`: `Σ B_{2k} / (2k (2k - 1) z^{2k-1})`, k = 1..9, absolute
 * error below 2e-18.
 */
function stirlingRemainder(z: number): number {
  const w = 1 / (z * z);
  return (
    (1 / 12 +
      w * (-1 / 360 + w * (1 / 1260 + w * (-1 / 1680 + w * (1 / 1188 + w * (-691 / 360360 + w * (1 / 156 + w * (-3617 / 122400 + (w * 43867) / 244188)))))))) /
    z
  );
}

/** `ln Γ(z)` for `z > 0`: Stirling's series, after the recurrence `Γ(z + 1) = z Γ(z)` lifts `z` to 10 or more. */
function lnGamma(z: number): number {
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
 * `e - ln(1 + e)` for `e > -1`, without cancellation for small `e`.
 * `lnOnePlusE`, when given, is `ln(1 + e)` computed by the caller from
 * quantities more accurate than `e` itself (used for `e` near -1).
 */
function rlog1(e: number, lnOnePlusE?: number): number {
  if (Math.abs(e) <= 0.5) {
    const r = e / (2 + e);
    return e * r - atanhTail(r);
  }
  return e - (lnOnePlusE ?? Math.log1p(e));
}

/** `ln Γ(b) - ln Γ(a + b)` for `b >= 10`, without forming either logarithm of the gamma function. */
function lnGammaRatio(a: number, b: number): number {
  const r = a / b;
  return -a * Math.log(b) + b * rlog1(r) - (a - 0.5) * Math.log1p(r) + stirlingRemainder(b) - stirlingRemainder(a + b);
}

/** `ln B(a, b)`, accurate in absolute terms to a few 1e-15 for every positive shape. */
function lnBeta(a: number, b: number): number {
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

// ---------------------------------------------------------------------------
// Regularized incomplete beta function.

/**
 * A point of a beta distribution given twice, as `x` and `y = 1 - x`. The
 * smaller of the two is exact (or accurate to a few ulps); the larger is
 * `1 - smaller` rounded, and is used only where its rounding does no harm.
 */
interface BetaPoint {
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
interface BetaTails {
  /** `I_x(a, b) = P(X <= x)`. */
  readonly lower: number;
  /** `1 - I_x(a, b) = P(X > x)`. */
  readonly upper: number;
  /** `x^a y^b / B(a, b)`, the density times `x y`. */
  readonly factor: number;
}

/**
 * `I_x(a, b)` and its complement. The tail that is computed directly is
 * accurate to about 1e-14 relative; the other is one minus it, and is at
 * least about 0.08 whenever it is formed that way, so it keeps its
 * relative accuracy too.
 */
function incompleteBeta(a: number, b: number, p: BetaPoint): BetaTails {
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
  if (!(x >= 0 && x <= 1)) domain('betaCdf', x, 'a point from 0 to 1');
  checkShape('betaCdf', a);
  checkShape('betaCdf', b);
  const tails = incompleteBeta(a, b, { x, y: 1 - x });
  return tail === 'lower' ? tails.lower : tails.upper;
}

/**
 * Solves `P(X <= x) = lower` (equivalently `P(X > x) = upper`) for a
 * Beta(a, b) variable; `lower + upper = 1` and the smaller of the two is
 * exact. Returns `x` and `1 - x`, the smaller of them accurate.
 */
function solveBeta(a: number, b: number, lower: number, upper: number): BetaPoint {
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

// ---------------------------------------------------------------------------
// Student t distribution.

/** Checks degrees of freedom: above 0 (`Infinity` allowed). */
function checkDf(name: string, df: number): void {
  if (!(df > 0)) domain(name, df, 'degrees of freedom above 0');
}

/**
 * The Student t cumulative distribution function `P(T <= t)` with `df`
 * degrees of freedom (any real `df > 0`, as Welch's test needs).
 *
 * @param t - Any number.
 * @param df - Degrees of freedom above 0; `Infinity` gives the normal CDF.
 * @returns The probability, accurate to 1e-12 relative.
 * @throws RangeError when `t` is NaN or `df` is not above 0.
 */
export function studentTCdf(t: number, df: number): number {
  if (Number.isNaN(t)) domain('studentTCdf', t, 'a number');
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
