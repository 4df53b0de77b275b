/**
 * Tests for a linear trend over ordered groups (periods):
 *
 * - the Cochran-Armitage test for trend in proportions (Armitage 1955; R's
 *   `prop.trend.test`): `x` successes of `n` in each group with scores `s`;
 * - a weighted least-squares slope of estimates with known variances (each
 *   period's score and the variance of its estimate), tested with a z
 *   statistic: the inverse-variance meta-regression slope.
 *
 * Sums are formed in 80-digit decimals (`Dec`), so cancellation in the
 * centred sums costs nothing at the sizes a survey has.
 */
import { Dec, toNumber } from '../exact/decimal.js';
import { normalCdf, normalQuantile } from './normal.js';

/** A slope, its standard error and confidence interval, and its test. */
export interface SlopeTest {
  /** The slope per unit score, in the unit of the estimates (a proportion for Cochran-Armitage). */
  readonly slope: number;
  /** The standard error the interval uses. */
  readonly standardError: number;
  /** The interval `slope ± z standardError` at the level. */
  readonly lower: number;
  readonly upper: number;
  /** The z statistic of the test (for Cochran-Armitage the signed root of its chi-squared statistic). */
  readonly statistic: number;
  /** The two-sided p-value. */
  readonly pValue: number;
}

/** The two-sided normal p-value of `z`. */
function twoSided(z: number): number {
  return 2 * normalCdf(-Math.abs(z));
}

/**
 * The Cochran-Armitage test for trend in proportions, as R's
 * `prop.trend.test(x, n, score)`: with `N = Σn`, `p̄ = Σx / N` and `s̄` the
 * `n`-weighted mean score, the statistic is
 * `(Σ x (s - s̄))² / (p̄ (1 - p̄) Σ n (s - s̄)²)`, chi-squared with 1 degree of
 * freedom under no trend. The slope is the `n`-weighted least-squares slope
 * of the proportions on the scores, `Σ x (s - s̄) / Σ n (s - s̄)²`; its
 * interval uses each group's own binomial variance,
 * `sqrt(Σ n (s - s̄)² p (1 - p)) / Σ n (s - s̄)²` (the test's pooled variance
 * holds only under no trend).
 *
 * @returns `null` when the test is undefined: fewer than two distinct
 *   scores, or all successes or all failures (`p̄` of 0 or 1).
 */
export function cochranArmitage(x: readonly number[], n: readonly number[], s: readonly number[], level: number): SlopeTest | null {
  // Uncentred sums, exact for integer counts and scores: N T = N Σxs - X Σns, N S = N Σns² - (Σns)².
  let N = new Dec(0);
  let X = new Dec(0);
  let A = new Dec(0);
  let B = new Dec(0);
  let C = new Dec(0);
  for (let i = 0; i < n.length; i++) {
    const ns = new Dec(n[i]!).times(s[i]!);
    N = N.plus(n[i]!);
    X = X.plus(x[i]!);
    A = A.plus(new Dec(x[i]!).times(s[i]!));
    B = B.plus(ns);
    C = C.plus(ns.times(s[i]!));
  }
  const T = N.times(A).minus(X.times(B));
  const S = N.times(C).minus(B.times(B));
  const failures = N.minus(X);
  if (S.lte(0) || X.isZero() || failures.isZero()) return null;
  const slope = T.dividedBy(S);
  const chi = N.times(T).times(T).dividedBy(X.times(failures).times(S));
  const z = toNumber(chi.sqrt()) * Math.sign(toNumber(T));
  // The interval's variance: Σ n (s - s̄)² p (1 - p) / (Σ n (s - s̄)²)², each group's own p.
  const mean = B.dividedBy(N);
  let V = new Dec(0);
  for (let i = 0; i < n.length; i++) {
    if (n[i] === 0) continue;
    const d = new Dec(s[i]!).minus(mean);
    const p = new Dec(x[i]!).dividedBy(n[i]!);
    V = V.plus(d.times(d).times(n[i]!).times(p).times(new Dec(1).minus(p)));
  }
  const standardError = toNumber(V.sqrt().times(N).dividedBy(S));
  const q = normalQuantile(1 - (1 - level) / 2);
  const b = toNumber(slope);
  return { slope: b, standardError, lower: b - q * standardError, upper: b + q * standardError, statistic: z + 0, pValue: twoSided(z) };
}

/**
 * The weighted least-squares slope of estimates `y` with known variances
 * `v` on scores `s` (weights `1 / v`): `Σ w (s - s̄)(y - ȳ) / Σ w (s - s̄)²`
 * with `w`-weighted means, standard error `1 / sqrt(Σ w (s - s̄)²)`, and a
 * z test of a zero slope.
 *
 * @returns `null` when fewer than two distinct scores carry weight.
 */
export function weightedSlope(y: readonly number[], v: readonly number[], s: readonly number[], level: number): SlopeTest | null {
  let W = new Dec(0);
  let WS = new Dec(0);
  let WY = new Dec(0);
  const w = v.map((variance) => new Dec(1).dividedBy(variance));
  for (let i = 0; i < y.length; i++) {
    W = W.plus(w[i]!);
    WS = WS.plus(w[i]!.times(s[i]!));
    WY = WY.plus(w[i]!.times(y[i]!));
  }
  const sMean = WS.dividedBy(W);
  const yMean = WY.dividedBy(W);
  let SXY = new Dec(0);
  let SXX = new Dec(0);
  for (let i = 0; i < y.length; i++) {
    const d = new Dec(s[i]!).minus(sMean);
    SXX = SXX.plus(w[i]!.times(d).times(d));
    SXY = SXY.plus(w[i]!.times(d).times(new Dec(y[i]!).minus(yMean)));
  }
  if (SXX.isZero()) return null;
  const slope = toNumber(SXY.dividedBy(SXX));
  const standardError = toNumber(new Dec(1).dividedBy(SXX.sqrt()));
  const z = toNumber(SXY.dividedBy(SXX.sqrt()));
  const q = normalQuantile(1 - (1 - level) / 2);
  return { slope, standardError, lower: slope - q * standardError, upper: slope + q * standardError, statistic: z, pValue: twoSided(z) };
}
