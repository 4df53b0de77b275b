/**
 * Confidence intervals and two-sample tests: the statistics behind the
 * `interval` option and `compare`.
 *
 * Every formula is evaluated in `Dec` (80 significant digits) from exact
 * counts and sums, with the normal, t and beta quantiles of
 * core/distributions.ts (1e-12 relative); bounds leave as the nearest
 * double, once. Proportions are on [0, 1] here, NPS in points on
 * [-100, 100]; callers scale to percent and apply the output rounding.
 *
 * These functions take validated arguments: an argument out of its domain is
 * a caller's bug and throws a `RangeError`. An undefined result (no data, no
 * variance) is `null`.
 */
import { Dec, toNumber } from '../exact/decimal.js';
import { betaQuantile, normalCdf, normalQuantile, studentTCdf, studentTQuantile } from './distributions.js';

/** A number that enters exact arithmetic: counts, exact sums (`bigint` or decimal strings), or a `Dec`. */
export type ExactInput = number | bigint | string | Dec;

/** An exact input as a `Dec` (a number through its shortest decimal form, which names the double). */
function dec(value: ExactInput): Dec {
  return value instanceof Dec ? value : new Dec(typeof value === 'number' ? value : value.toString());
}

/** Throws the `RangeError` for an argument outside a function's domain. */
function domain(name: string, value: unknown, what: string): never {
  throw new RangeError(`${name}: expected ${what}, received ${String(value)}`);
}

/**
 * The probability in each tail of a two-sided interval at `level`:
 * `(1 - level) / 2`, formed from the decimal the caller wrote (0.95 gives
 * exactly 0.025), not from the binary rounding of `1 - level`.
 *
 * @param level - Confidence level, strictly between 0 and 1.
 * @throws RangeError when `level` is not strictly between 0 and 1.
 */
export function tailProbability(level: number): number {
  if (!(level > 0 && level < 1)) domain('tailProbability', level, 'a level strictly between 0 and 1');
  return toNumber(new Dec(1).minus(dec(level)).dividedBy(2));
}

/**
 * The two-sided normal critical value `z` at `level`: `P(|Z| <= z) = level`
 * (1.959963984540054 at 0.95).
 *
 * @param level - Confidence level, strictly between 0 and 1.
 */
export function normalCriticalValue(level: number): number {
  return -normalQuantile(tailProbability(level));
}

/** The square root, with a negative rounding residue of an exact 0 taken as 0. */
function sqrt(value: Dec): Dec {
  return value.isNegative() ? new Dec(0) : value.sqrt();
}

/** `value` cut back to `[lo, hi]`, and whether it had to be. */
function clamp(value: Dec, lo: Dec, hi: Dec): { value: Dec; clamped: boolean } {
  if (value.lessThan(lo)) return { value: lo, clamped: true };
  if (value.greaterThan(hi)) return { value: hi, clamped: true };
  return { value, clamped: false };
}

// ---------------------------------------------------------------------------
// One proportion.

/** Interval methods for a proportion. */
export type ProportionMethod = 'wilson' | 'agresti-coull' | 'jeffreys' | 'clopper-pearson' | 'wald';

/** A confidence interval for a proportion, on [0, 1]. */
export interface ProportionInterval {
  readonly lower: number;
  readonly upper: number;
  /** The standard error the interval is built on (Wald, Agresti-Coull); `null` for the other methods. */
  readonly standardError: number | null;
  /** Whether a bound was cut back to 0 or 1 (Wald and Agresti-Coull can cross them). */
  readonly clamped: boolean;
}

/**
 * A two-sided confidence interval for a proportion from `successes` out of
 * `total`, with statsmodels' `proportion_confint` conventions (Brown, Cai
 * and DasGupta 2001 describe the methods):
 *
 * - `'wilson'`: the score interval,
 *   `(p + z²/2n ± z sqrt(p(1 - p)/n + z²/4n²)) / (1 + z²/n)`; exactly 0
 *   at `successes = 0` and 1 at `successes = total`.
 * - `'agresti-coull'`: `p~ ± z sqrt(p~(1 - p~)/n~)` with `n~ = n + z²`,
 *   `p~ = (x + z²/2)/n~` (z² added, not the rounded "add two successes and
 *   two failures"); cut back to [0, 1].
 * - `'jeffreys'`: the equal-tailed interval of the Beta(x + 1/2, n - x + 1/2)
 *   posterior. As in statsmodels the bounds are not pinned at 0 and 1:
 *   at `x = 0` the lower bound is a small positive number (Brown, Cai and
 *   DasGupta's modified version would set it to 0).
 * - `'clopper-pearson'`: `Beta(α/2; x, n - x + 1)` to `Beta(1 - α/2; x + 1, n - x)`;
 *   the lower bound is 0 at `x = 0` and the upper bound 1 at `x = n`, as in
 *   statsmodels and R's `binom.test`.
 * - `'wald'`: `p ± z sqrt(p(1 - p)/n)`, cut back to [0, 1]; zero width when
 *   `x = 0` or `x = n`.
 *
 * @param successes - `x`, from 0 to `total`; need not be an integer (an
 *   effective count under weights).
 * @param total - `n`, at least 0 (need not be an integer).
 * @param level - Confidence level, strictly between 0 and 1.
 * @param method - The interval method.
 * @returns The interval, or `null` when `total` is 0.
 * @throws RangeError when an argument is out of its domain.
 */
export function proportionInterval(successes: number, total: number, level: number, method: ProportionMethod): ProportionInterval | null {
  if (!(total >= 0 && total < Infinity)) domain('proportionInterval', total, 'a finite total of at least 0');
  if (!(successes >= 0 && successes <= total)) domain('proportionInterval', successes, `successes from 0 to ${total}`);
  const tail = tailProbability(level);
  if (total === 0) return null;
  if (method === 'jeffreys' || method === 'clopper-pearson') {
    const [a, b] = method === 'jeffreys' ? [successes + 0.5, total - successes + 0.5] : [successes, total - successes + 1];
    const lower = method === 'clopper-pearson' && successes === 0 ? 0 : betaQuantile(tail, a, b);
    const [c, d] = method === 'jeffreys' ? [a, b] : [successes + 1, total - successes];
    const upper = method === 'clopper-pearson' && successes === total ? 1 : betaQuantile(tail, c, d, 'upper');
    return { lower, upper, standardError: null, clamped: false };
  }
  const z = new Dec(-normalQuantile(tail));
  const z2 = z.times(z);
  const x = dec(successes);
  const n = dec(total);
  if (method === 'wilson') {
    const [, lower, upper] = wilsonDec(successes, total, z);
    return { lower: toNumber(lower), upper: toNumber(upper), standardError: null, clamped: false };
  }
  const zero = new Dec(0);
  const one = new Dec(1);
  let centre: Dec;
  let se: Dec;
  if (method === 'agresti-coull') {
    const nTilde = n.plus(z2);
    centre = x.plus(z2.dividedBy(2)).dividedBy(nTilde);
    se = sqrt(centre.times(one.minus(centre)).dividedBy(nTilde));
  } else if (method === 'wald') {
    centre = x.dividedBy(n);
    se = sqrt(centre.times(one.minus(centre)).dividedBy(n));
  } else {
    return domain('proportionInterval', method, 'a proportion interval method');
  }
  const lower = clamp(centre.minus(z.times(se)), zero, one);
  const upper = clamp(centre.plus(z.times(se)), zero, one);
  return {
    lower: toNumber(lower.value),
    upper: toNumber(upper.value),
    standardError: toNumber(se),
    clamped: lower.clamped || upper.clamped,
  };
}

// ---------------------------------------------------------------------------
// NPS.

/** Interval methods for NPS. */
export type NpsIntervalMethod = 'adjusted-wald' | 'wald';

/** A confidence interval for NPS, in points on [-100, 100]. */
export interface NpsInterval {
  /** The score the interval is centred on: the adjusted score for `'adjusted-wald'`, the score itself for `'wald'`. */
  readonly centre: number;
  readonly lower: number;
  readonly upper: number;
  /** Standard error of the score, in points. */
  readonly standardError: number;
  /** Whether a bound was cut back to -100 or 100. */
  readonly clamped: boolean;
}

/**
 * A two-sided confidence interval for NPS from group counts.
 *
 * With shares `p` (promoters) and `d` (detractors) of `n` answers, the
 * variance of one answer's score (+1, 0, -1) is `p + d - (p - d)²`, and the
 * standard error of the score is `sqrt(variance / n)`.
 *
 * - `'wald'`: centred on the score, `100 (p - d) ± z SE`; zero width when
 *   every answer is in one group.
 * - `'adjusted-wald'` (Rocks 2016; Sauro and Lewis, *Quantifying the User
 *   Experience*): add 3/4 to detractors, 3/2 to passives and 3/4 to
 *   promoters (`n' = n + 3`), and centre the Wald interval on the adjusted
 *   score `100 (p' - d')` with `SE = sqrt((p' + d' - (p' - d')²) / n')`.
 *
 * Bounds beyond [-100, 100] are cut back, and `clamped` says so.
 *
 * @param promoters - Count of promoters.
 * @param passives - Count of passives.
 * @param detractors - Count of detractors.
 * @param level - Confidence level, strictly between 0 and 1.
 * @param method - The interval method.
 * @returns The interval, or `null` when there are no answers.
 * @throws RangeError when an argument is out of its domain.
 */
export function npsInterval(promoters: number, passives: number, detractors: number, level: number, method: NpsIntervalMethod): NpsInterval | null {
  for (const c of [promoters, passives, detractors]) {
    if (!(c >= 0 && c < Infinity)) domain('npsInterval', c, 'a finite count of at least 0');
  }
  if (method !== 'wald' && method !== 'adjusted-wald') domain('npsInterval', method, 'an NPS interval method');
  const z = new Dec(normalCriticalValue(level));
  if (promoters + passives + detractors === 0) return null;
  const add = method === 'adjusted-wald' ? new Dec('0.75') : new Dec(0);
  const pro = dec(promoters).plus(add);
  const det = dec(detractors).plus(add);
  const n = pro.plus(det).plus(dec(passives)).plus(add.times(2));
  const p = pro.dividedBy(n);
  const d = det.dividedBy(n);
  const diff = p.minus(d);
  const se = sqrt(p.plus(d).minus(diff.times(diff)).dividedBy(n)).times(100);
  const centre = diff.times(100);
  const limit = new Dec(100);
  const lower = clamp(centre.minus(z.times(se)), limit.negated(), limit);
  const upper = clamp(centre.plus(z.times(se)), limit.negated(), limit);
  return {
    centre: toNumber(centre),
    lower: toNumber(lower.value),
    upper: toNumber(upper.value),
    standardError: toNumber(se),
    clamped: lower.clamped || upper.clamped,
  };
}

// ---------------------------------------------------------------------------
// Means.

/** A Student t confidence interval for a mean. */
export interface MeanInterval {
  readonly mean: number;
  readonly lower: number;
  readonly upper: number;
  /** `s / sqrt(n)`, in the unit of the data. */
  readonly standardError: number;
  /** Degrees of freedom, `n - 1`. */
  readonly df: number;
}

/**
 * The exact sample variance `(n Σx² - (Σx)²) / (n (n - 1))` from a count
 * and exact sums, or `null` when `n < 2`.
 *
 * @param n - Number of observations.
 * @param sum - `Σx`, exact (an integer, a `bigint`, a decimal string or a `Dec`).
 * @param sumSquares - `Σx²`, exact.
 * @throws RangeError when the sums are inconsistent (a negative variance).
 */
export function sampleVariance(n: number, sum: ExactInput, sumSquares: ExactInput): Dec | null {
  if (!(Number.isInteger(n) && n >= 0)) domain('sampleVariance', n, 'a count');
  if (n < 2) return null;
  const s = dec(sum);
  const numerator = dec(sumSquares).times(n).minus(s.times(s));
  if (numerator.isNegative()) domain('sampleVariance', sumSquares, `a sum of squares of at least sum² / n`);
  return numerator.dividedBy(n * (n - 1));
}

/**
 * A two-sided Student t interval for a mean, `x̄ ± t(1 - α/2, n - 1) s / sqrt(n)`,
 * from the count and exact sums of the observations. Zero width when every
 * observation is equal.
 *
 * @param n - Number of observations.
 * @param sum - `Σx`, exact.
 * @param sumSquares - `Σx²`, exact.
 * @param level - Confidence level, strictly between 0 and 1.
 * @returns The interval, or `null` when `n < 2` (no variance to estimate).
 * @throws RangeError when an argument is out of its domain.
 */
export function meanInterval(n: number, sum: ExactInput, sumSquares: ExactInput, level: number): MeanInterval | null {
  const tail = tailProbability(level);
  const variance = sampleVariance(n, sum, sumSquares);
  if (variance === null) return null;
  const mean = dec(sum).dividedBy(n);
  const se = variance.dividedBy(n).sqrt();
  const half = se.times(new Dec(-studentTQuantile(tail, n - 1)));
  return {
    mean: toNumber(mean),
    lower: toNumber(mean.minus(half)),
    upper: toNumber(mean.plus(half)),
    standardError: toNumber(se),
    df: n - 1,
  };
}

// ---------------------------------------------------------------------------
// Two samples.

/** A sample summarised by its size, mean and (unbiased) variance. */
export interface SampleSummary {
  readonly n: number;
  readonly mean: ExactInput;
  readonly variance: ExactInput;
}

/** Welch's two-sample t-test of `a - b`, with its interval. */
export interface WelchTest {
  /** `mean(a) - mean(b)`. */
  readonly difference: number;
  readonly standardError: number;
  /** `difference / standardError`; positive when `a` has the larger mean. */
  readonly statistic: number;
  /** Welch-Satterthwaite degrees of freedom (not an integer in general). */
  readonly df: number;
  /** Two-sided p-value. */
  readonly pValue: number;
  readonly lower: number;
  readonly upper: number;
}

/**
 * Welch's unequal-variances t-test of the difference of two means (Welch
 * 1947), as R's `t.test(x, y)`: `SE² = s₁²/n₁ + s₂²/n₂`,
 * `t = (x̄₁ - x̄₂) / SE`, `df = SE⁴ / ((s₁²/n₁)²/(n₁ - 1) + (s₂²/n₂)²/(n₂ - 1))`,
 * two-sided `p = 2 P(T_df <= -|t|)`, interval `x̄₁ - x̄₂ ± t(1 - α/2, df) SE`.
 *
 * @param a - First sample: `n` of at least 2, mean, variance.
 * @param b - Second sample.
 * @param level - Confidence level of the interval, strictly between 0 and 1.
 * @returns The test, or `null` when a sample has fewer than 2 observations
 *   or both variances are 0 (no standard error).
 * @throws RangeError when an argument is out of its domain.
 */
export function welchTest(a: SampleSummary, b: SampleSummary, level: number): WelchTest | null {
  const tail = tailProbability(level);
  for (const s of [a, b]) {
    if (!(Number.isInteger(s.n) && s.n >= 0)) domain('welchTest', s.n, 'a count');
    if (dec(s.variance).isNegative()) domain('welchTest', s.variance, 'a variance of at least 0');
  }
  if (a.n < 2 || b.n < 2) return null;
  const va = dec(a.variance).dividedBy(a.n);
  const vb = dec(b.variance).dividedBy(b.n);
  const se2 = va.plus(vb);
  if (se2.isZero()) return null;
  const se = se2.sqrt();
  const difference = dec(a.mean).minus(dec(b.mean));
  const statistic = difference.dividedBy(se);
  const df = toNumber(
    se2.times(se2).dividedBy(
      va
        .times(va)
        .dividedBy(a.n - 1)
        .plus(vb.times(vb).dividedBy(b.n - 1)),
    ),
  );
  const t = toNumber(statistic);
  const half = se.times(new Dec(-studentTQuantile(tail, df)));
  return {
    difference: toNumber(difference),
    standardError: toNumber(se),
    statistic: t,
    df,
    pValue: Math.min(1, 2 * studentTCdf(-Math.abs(t), df)),
    lower: toNumber(difference.minus(half)),
    upper: toNumber(difference.plus(half)),
  };
}

/** A test of the difference of two proportions. */
export interface TwoProportionTest {
  /** `x₁/n₁ - x₂/n₂`, on [-1, 1]. */
  readonly difference: number;
  /** The N-1 z statistic; positive when the first proportion is larger. */
  readonly statistic: number;
  /** Two-sided p-value. */
  readonly pValue: number;
}

/**
 * The 'N-1' two-proportion test (Campbell 2007; Richardson 2011): Pearson's
 * chi-squared test of a 2x2 table scaled by `(N - 1) / N`, which holds its
 * size even for small samples. As a signed z statistic:
 * `z = (p₁ - p₂) / sqrt(P (1 - P) (1/n₁ + 1/n₂)) · sqrt((N - 1) / N)`, with
 * the pooled `P = (x₁ + x₂) / N`, `N = n₁ + n₂`; `p = 2 Φ(-|z|)`.
 * `z²` is R's `prop.test(correct = FALSE)` statistic times `(N - 1) / N`.
 * When every answer in both samples falls on the same side (`P` is 0 or 1)
 * the difference is 0 and there is nothing to test: `z = 0`, `p = 1`.
 *
 * @param x1 - Successes in the first sample.
 * @param n1 - Size of the first sample.
 * @param x2 - Successes in the second sample.
 * @param n2 - Size of the second sample.
 * @returns The test, or `null` when a sample is empty.
 * @throws RangeError when a count is out of its domain.
 */
export function nMinusOneTwoProportionTest(x1: number, n1: number, x2: number, n2: number): TwoProportionTest | null {
  checkPair('nMinusOneTwoProportionTest', x1, n1);
  checkPair('nMinusOneTwoProportionTest', x2, n2);
  if (n1 === 0 || n2 === 0) return null;
  const total = n1 + n2;
  const pooled = new Dec(x1 + x2).dividedBy(total);
  const difference = new Dec(x1).dividedBy(n1).minus(new Dec(x2).dividedBy(n2));
  const variance = pooled.times(new Dec(1).minus(pooled)).times(new Dec(1).dividedBy(n1).plus(new Dec(1).dividedBy(n2)));
  if (variance.isZero()) return { difference: toNumber(difference), statistic: 0, pValue: 1 };
  const statistic = toNumber(difference.dividedBy(variance.sqrt()).times(new Dec(total - 1).dividedBy(total).sqrt()));
  return { difference: toNumber(difference), statistic, pValue: Math.min(1, 2 * normalCdf(-Math.abs(statistic))) };
}

/** Checks a sample: a finite size of at least 0 and successes from 0 to it. */
function checkPair(name: string, x: number, n: number): void {
  if (!(n >= 0 && n < Infinity)) domain(name, n, 'a finite sample size of at least 0');
  if (!(x >= 0 && x <= n)) domain(name, x, `successes from 0 to ${n}`);
}

/** A confidence interval for a difference of proportions, on [-1, 1]. */
export interface DifferenceInterval {
  /** `x₁/n₁ - x₂/n₂`. */
  readonly difference: number;
  readonly lower: number;
  readonly upper: number;
}

/**
 * Newcombe's hybrid score interval for `p₁ - p₂` (Newcombe 1998, method 10;
 * statsmodels' `confint_proportions_2indep(method='newcomb')`): from the
 * Wilson intervals `[l₁, u₁]`, `[l₂, u₂]` of each proportion at the same level,
 * `lower = d - sqrt((p₁ - l₁)² + (u₂ - p₂)²)`,
 * `upper = d + sqrt((u₁ - p₁)² + (p₂ - l₂)²)`. It stays inside [-1, 1] and
 * has no zero-width case.
 *
 * @param x1 - Successes in the first sample.
 * @param n1 - Size of the first sample.
 * @param x2 - Successes in the second sample.
 * @param n2 - Size of the second sample.
 * @param level - Confidence level, strictly between 0 and 1.
 * @returns The interval, or `null` when a sample is empty.
 * @throws RangeError when an argument is out of its domain.
 */
export function newcombeInterval(x1: number, n1: number, x2: number, n2: number, level: number): DifferenceInterval | null {
  checkPair('newcombeInterval', x1, n1);
  checkPair('newcombeInterval', x2, n2);
  const z = new Dec(normalCriticalValue(level));
  if (n1 === 0 || n2 === 0) return null;
  const [p1, l1, u1] = wilsonDec(x1, n1, z);
  const [p2, l2, u2] = wilsonDec(x2, n2, z);
  const d = p1.minus(p2);
  const square = (v: Dec) => v.times(v);
  const lower = d.minus(
    square(p1.minus(l1))
      .plus(square(u2.minus(p2)))
      .sqrt(),
  );
  const upper = d.plus(
    square(u1.minus(p1))
      .plus(square(p2.minus(l2)))
      .sqrt(),
  );
  return { difference: toNumber(d), lower: toNumber(lower), upper: toNumber(upper) };
}

/**
 * The proportion and its Wilson bounds as decimals, in the form
 * `(2x + z² ± z sqrt(z² + 4x(n - x)/n)) / (2(n + z²))`, which cancels nowhere;
 * the bounds are exactly 0 at `x = 0` and 1 at `x = n`.
 */
function wilsonDec(successes: number, total: number, z: Dec): [Dec, Dec, Dec] {
  const x = new Dec(successes);
  const n = new Dec(total);
  const z2 = z.times(z);
  const root = z.times(sqrt(z2.plus(x.times(n.minus(x)).times(4).dividedBy(n))));
  const denominator = n.plus(z2).times(2);
  const centre = x.times(2).plus(z2);
  const lower = successes === 0 ? new Dec(0) : Dec.max(0, centre.minus(root).dividedBy(denominator));
  const upper = successes === total ? new Dec(1) : Dec.min(1, centre.plus(root).dividedBy(denominator));
  return [x.dividedBy(n), lower, upper];
}

// ---------------------------------------------------------------------------
// Weights.

/**
 * Kish's effective sample size of weighted data, `(Σw)² / Σw²` (Kish 1965):
 * the number of unweighted answers that would give the same precision. It
 * equals `n` when all weights are equal and is smaller otherwise.
 *
 * @param sumWeights - `Σw`, exact (weights are at least 0).
 * @param sumSquaredWeights - `Σw²`, exact.
 * @returns The effective size as an exact decimal, or `null` when `Σw²` is 0.
 * @throws RangeError when a sum is negative.
 */
export function kishEffectiveSampleSize(sumWeights: ExactInput, sumSquaredWeights: ExactInput): Dec | null {
  const s = dec(sumWeights);
  const s2 = dec(sumSquaredWeights);
  if (s.isNegative() || s2.isNegative()) domain('kishEffectiveSampleSize', s.isNegative() ? sumWeights : sumSquaredWeights, 'a sum of at least 0');
  if (s2.isZero()) return null;
  return s.times(s).dividedBy(s2);
}
