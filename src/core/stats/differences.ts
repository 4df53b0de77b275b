/**
 * Two-sample comparisons in a metric's unit: the difference `a - b`, its
 * confidence interval and a test, for NPS scores, proportions and means.
 * The statistics behind `compare`.
 *
 * Every formula is evaluated in `Dec` from exact counts (or, under weights,
 * effective counts) and the results' numbers, with the quantiles of
 * normal.ts and student-t.ts; the caller rounds. Arguments are validated by
 * the caller.
 */
import { Dec, toNumber } from '../exact/decimal.js';
import { npsScore, npsShares, npsVariance } from '../survey/nps-score.js';
import { type IntervalBounds, symmetricBounds } from './bounds.js';
import { domainError } from './domain-errors.js';
import { normalCriticalValue, tailProbability } from './levels.js';
import { normalCdf } from './normal.js';
import type { NpsWaldMethod } from './nps-interval.js';
import { wilsonBounds } from './proportion-intervals.js';
import { studentTCdf, studentTQuantile } from './student-t.js';
import { proportionWarnings, sampleWarnings, type Warning } from './warnings.js';

/** One NPS result as a test reads it: effective group counts, and the observed score (`null` without answers). */
export interface NpsSample {
  readonly kind: 'nps';
  readonly n: Dec;
  readonly promoters: Dec;
  readonly detractors: Dec;
  readonly observed: Dec | null;
}

/** One proportion: `x` successes of `n` (effective counts under weights), and the percent (`null` when `n` is 0). */
export interface ProportionSample {
  readonly kind: 'proportion';
  readonly n: number;
  readonly x: number;
  readonly percent: Dec | null;
}

/** One mean: size (effective under weights), mean and sample variance (`null` below 2 answers). */
export interface MeanSample {
  readonly kind: 'mean';
  readonly n: number;
  readonly mean: Dec | null;
  readonly variance: Dec | null;
}

/** A comparison's numbers, unrounded; `null` where it is undefined. */
export interface DifferenceOutcome {
  /** `a - b` in the metric's unit. */
  readonly difference: Dec | null;
  /** The confidence interval of `a - b` in the metric's unit. */
  readonly bounds: IntervalBounds | null;
  /** The test statistic: z (NPS, proportions) or t (means), positive when `a` is larger. */
  readonly statistic: number | null;
  /** Degrees of freedom of a t statistic; `null` for z. */
  readonly df: number | null;
  /** Two-sided p-value. */
  readonly pValue: number | null;
  /** `small-sample` and `degenerate-wald` cautions, each message prefixed with its side. */
  readonly warnings: readonly Warning[];
}

const EMPTY: DifferenceOutcome = { difference: null, bounds: null, statistic: null, df: null, pValue: null, warnings: [] };

/** The total that shares are fractions of. */
const ONE = /* @__PURE__ */ new Dec(1);

/** The two-sided p-value of a z statistic. */
function twoSided(z: number): number {
  return Math.min(1, 2 * normalCdf(-Math.abs(z)));
}

/** A side's warnings, each message prefixed with the side. */
function sideWarnings(side: 'a' | 'b', warnings: readonly Warning[]): Warning[] {
  return warnings.map((w) => ({ code: w.code, message: `${side}: ${w.message}` }));
}

/**
 * No standard error (no variance on either side): nothing to test when the
 * two agree (z = 0, p = 1, a zero-width interval, as the N-1 test does),
 * undefined when they differ.
 */
function degenerate(difference: Dec, centre: Dec, warnings: readonly Warning[]): DifferenceOutcome {
  if (!centre.isZero()) return { ...EMPTY, difference, warnings };
  return {
    difference,
    bounds: { lower: new Dec(0), upper: new Dec(0), standardError: new Dec(0), clamped: false },
    statistic: 0,
    df: null,
    pValue: 1,
    warnings,
  };
}

/**
 * The difference of two NPS scores, in points, with a z test. Each score's
 * variance per answer is `p + d - (p - d)²` ({@link npsVariance}, on the
 * shares of promoters and detractors); for the adjusted Wald (Rocks 2016;
 * Sauro and Lewis) 3/4 is first added to promoters and to detractors and 3
 * to `n` on each side ({@link npsShares}).
 * `SE = 100 sqrt(var_a/n_a + var_b/n_b)`, `z = (centre_a - centre_b) / SE`,
 * interval `centre_a - centre_b ± z(1 - α/2) SE` cut back to [-200, 200];
 * `centre` is the (adjusted) score. `difference` is the observed scores'.
 * Warnings: `small-sample` per side (fewer than 30 answers) and
 * `degenerate-wald` for a side whose Wald variance is 0.
 */
export function npsDifference(a: NpsSample, b: NpsSample, level: number, method: NpsWaldMethod): DifferenceOutcome {
  const warnings = [...sideWarnings('a', sampleWarnings(toNumber(a.n))), ...sideWarnings('b', sampleWarnings(toNumber(b.n)))];
  if (a.observed === null || b.observed === null) return { ...EMPTY, warnings };
  const moments = (s: NpsSample, side: 'a' | 'b') => {
    const { p, d, n } = npsShares(s.promoters, s.detractors, s.n, method === 'adjusted-wald');
    const variance = npsVariance(p, d);
    if (variance.isZero()) {
      warnings.push({ code: 'degenerate-wald', message: `${side}: every answer fell in one group, so its Wald variance is 0; use method 'adjusted-wald'` });
    }
    // the shares are of a total of 1, so their score is 100 (p - d)
    return { centre: npsScore(p, d, ONE)!, v: variance.dividedBy(n) };
  };
  const ma = moments(a, 'a');
  const mb = moments(b, 'b');
  const difference = a.observed.minus(b.observed);
  const centre = ma.centre.minus(mb.centre);
  const se = ma.v.plus(mb.v).sqrt().times(100);
  if (se.isZero()) return degenerate(difference, centre, warnings);
  const z = toNumber(centre.dividedBy(se));
  const limit = new Dec(200);
  const bounds = symmetricBounds(centre, new Dec(normalCriticalValue(level)), se, limit.negated(), limit);
  return { difference, bounds, statistic: z, df: null, pValue: twoSided(z), warnings };
}

/**
 * The difference of two proportions, in percentage points: the N-1 test
 * (Campbell 2007) and Newcombe's hybrid score interval (Newcombe 1998), by
 * {@link nMinusOneTwoProportionTest} and {@link newcombeInterval}.
 * Warnings: `small-sample` per side by the proportion rule.
 */
export function proportionDifference(a: ProportionSample, b: ProportionSample, level: number): DifferenceOutcome {
  const warnings = [...sideWarnings('a', proportionWarnings(a.x, a.n)), ...sideWarnings('b', proportionWarnings(b.x, b.n))];
  if (a.percent === null || b.percent === null) return { ...EMPTY, warnings };
  const test = nMinusOneTwoProportionTest(a.x, a.n, b.x, b.n)!;
  const interval = newcombeInterval(a.x, a.n, b.x, b.n, level)!;
  return {
    difference: a.percent.minus(b.percent),
    bounds: { lower: interval.lower.times(100), upper: interval.upper.times(100), standardError: null, clamped: false },
    statistic: test.statistic,
    df: null,
    pValue: test.pValue,
    warnings,
  };
}

/**
 * The difference of two means by Welch's unequal-variances t-test (Welch
 * 1947), as R's `t.test(x, y)`, from each side's size, mean and sample
 * variance; the size may be Kish's effective sample size, which is not an
 * integer in general: `SE² = s_a²/n_a + s_b²/n_b`, `t = (x̄_a - x̄_b) / SE`,
 * `df = SE⁴ / ((s_a²/n_a)²/(n_a - 1) + (s_b²/n_b)²/(n_b - 1))` (Welch and
 * Satterthwaite), two-sided `p = 2 P(T_df <= -|t|)`, interval
 * `x̄_a - x̄_b ± t(1 - α/2, df) SE`. The test needs both sizes above 1 and
 * both variances; the difference needs only the means. Warnings:
 * `small-sample` per side.
 */
export function meanDifference(a: MeanSample, b: MeanSample, level: number): DifferenceOutcome {
  const warnings = [...sideWarnings('a', sampleWarnings(a.n)), ...sideWarnings('b', sampleWarnings(b.n))];
  if (a.mean === null || b.mean === null) return { ...EMPTY, warnings };
  const difference = a.mean.minus(b.mean);
  if (a.variance === null || b.variance === null || !(a.n > 1 && b.n > 1)) return { ...EMPTY, difference, warnings };
  const va = a.variance.dividedBy(a.n);
  const vb = b.variance.dividedBy(b.n);
  const se2 = va.plus(vb);
  if (se2.isZero()) return degenerate(difference, difference, warnings);
  const se = se2.sqrt();
  const df = toNumber(
    se2.times(se2).dividedBy(
      va
        .times(va)
        .dividedBy(a.n - 1)
        .plus(vb.times(vb).dividedBy(b.n - 1)),
    ),
  );
  const t = toNumber(difference.dividedBy(se));
  const half = se.times(-studentTQuantile(tailProbability(level), df));
  return {
    difference,
    bounds: { lower: difference.minus(half), upper: difference.plus(half), standardError: se, clamped: false },
    statistic: t,
    df,
    pValue: Math.min(1, 2 * studentTCdf(-Math.abs(t), df)),
    warnings,
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

/** Checks a sample: a finite size of at least 0 and successes from 0 to it. */
function checkPair(name: string, x: number, n: number): void {
  if (!(n >= 0 && n < Infinity)) domainError(name, n, 'a finite sample size of at least 0');
  if (!(x >= 0 && x <= n)) domainError(name, x, `successes from 0 to ${n}`);
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
  return { difference: toNumber(difference), statistic, pValue: twoSided(statistic) };
}

/** A confidence interval for a difference of proportions, on [-1, 1], unrounded. */
export interface DifferenceInterval {
  /** `x₁/n₁ - x₂/n₂`. */
  readonly difference: Dec;
  /** `d - sqrt((p₁ - l₁)² + (u₂ - p₂)²)`. */
  readonly lower: Dec;
  /** `d + sqrt((u₁ - p₁)² + (p₂ - l₂)²)`. */
  readonly upper: Dec;
}

/**
 * Newcombe's hybrid score interval for `p₁ - p₂` (Newcombe 1998, method 10;
 * statsmodels' `confint_proportions_2indep(method='newcomb')`): from the
 * Wilson intervals `[l₁, u₁]`, `[l₂, u₂]` of each proportion at the same level
 * ({@link wilsonBounds}), `lower = d - sqrt((p₁ - l₁)² + (u₂ - p₂)²)`,
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
  const first = wilsonBounds(x1, n1, z);
  const second = wilsonBounds(x2, n2, z);
  const d = first.estimate.minus(second.estimate);
  const square = (v: Dec) => v.times(v);
  const lower = d.minus(
    square(first.estimate.minus(first.lower))
      .plus(square(second.upper.minus(second.estimate)))
      .sqrt(),
  );
  const upper = d.plus(
    square(first.upper.minus(first.estimate))
      .plus(square(second.estimate.minus(second.lower)))
      .sqrt(),
  );
  return { difference: d, lower, upper };
}
