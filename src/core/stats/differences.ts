/**
 * Two-sample comparisons in a metric's unit: the difference `a - b`, its
 * confidence interval and a test, for NPS scores, proportions and means.
 * The statistics behind `compare`.
 *
 * Every formula is evaluated in `Dec` from exact counts (or, under weights,
 * effective counts) and the results' numbers, with the quantiles of
 * core/distributions.ts; the caller rounds. Arguments are validated by the
 * caller.
 */
import { Dec, toNumber } from '../exact/decimal.js';
import { normalCdf, studentTCdf, studentTQuantile } from './distributions.js';
import { proportionWarnings, sampleWarnings, type Warning } from './inference.js';
import { newcombeInterval, nMinusOneTwoProportionTest, normalCriticalValue, tailProbability } from './intervals.js';

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
  readonly bounds: { readonly lower: Dec; readonly upper: Dec; readonly standardError: Dec | null; readonly clamped: boolean } | null;
  readonly statistic: number | null;
  readonly df: number | null;
  readonly pValue: number | null;
  readonly warnings: readonly Warning[];
}

const EMPTY: DifferenceOutcome = { difference: null, bounds: null, statistic: null, df: null, pValue: null, warnings: [] };

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
 * variance per answer is `p + d - (p - d)²` (shares of promoters and
 * detractors); for the adjusted Wald (Lewis and Sauro, MeasuringU) 3/4 is
 * first added to promoters and to detractors and 3 to `n` on each side.
 * `SE = 100 sqrt(var_a/n_a + var_b/n_b)`, `z = (centre_a - centre_b) / SE`,
 * interval `centre_a - centre_b ± z(1 - α/2) SE` cut back to [-200, 200];
 * `centre` is the (adjusted) score. `difference` is the observed scores'.
 * Warnings: `small-sample` per side (fewer than 30 answers) and
 * `degenerate-wald` for a side whose Wald variance is 0.
 */
export function npsDifference(a: NpsSample, b: NpsSample, level: number, method: 'adjusted-wald' | 'wald'): DifferenceOutcome {
  const warnings = [...sideWarnings('a', sampleWarnings(toNumber(a.n))), ...sideWarnings('b', sampleWarnings(toNumber(b.n)))];
  if (a.observed === null || b.observed === null) return { ...EMPTY, warnings };
  const add = new Dec(method === 'adjusted-wald' ? '0.75' : 0);
  const moments = (s: NpsSample, side: 'a' | 'b') => {
    const n = s.n.plus(add.times(4));
    const p = s.promoters.plus(add).dividedBy(n);
    const d = s.detractors.plus(add).dividedBy(n);
    const diff = p.minus(d);
    const variance = Dec.max(0, p.plus(d).minus(diff.times(diff)));
    if (variance.isZero()) {
      warnings.push({ code: 'degenerate-wald', message: `${side}: every answer fell in one group, so its Wald variance is 0; use method 'adjusted-wald'` });
    }
    return { centre: diff.times(100), v: variance.dividedBy(n) };
  };
  const ma = moments(a, 'a');
  const mb = moments(b, 'b');
  const difference = a.observed.minus(b.observed);
  const centre = ma.centre.minus(mb.centre);
  const se = ma.v.plus(mb.v).sqrt().times(100);
  if (se.isZero()) return degenerate(difference, centre, warnings);
  const z = toNumber(centre.dividedBy(se));
  const half = se.times(normalCriticalValue(level));
  const limit = new Dec(200);
  const lower = Dec.max(limit.negated(), centre.minus(half));
  const upper = Dec.min(limit, centre.plus(half));
  const clamped = !lower.equals(centre.minus(half)) || !upper.equals(centre.plus(half));
  return { difference, bounds: { lower, upper, standardError: se, clamped }, statistic: z, df: null, pValue: twoSided(z), warnings };
}

/**
 * The difference of two proportions, in percentage points: the N-1 test
 * (Campbell 2007) and Newcombe's hybrid score interval (Newcombe 1998), by
 * `nMinusOneTwoProportionTest` and `newcombeInterval`. Warnings:
 * `small-sample` per side by the proportion rule.
 */
export function proportionDifference(a: ProportionSample, b: ProportionSample, level: number): DifferenceOutcome {
  const warnings = [...sideWarnings('a', proportionWarnings(a.x, a.n)), ...sideWarnings('b', proportionWarnings(b.x, b.n))];
  if (a.percent === null || b.percent === null) return { ...EMPTY, warnings };
  const test = nMinusOneTwoProportionTest(a.x, a.n, b.x, b.n)!;
  const interval = newcombeInterval(a.x, a.n, b.x, b.n, level)!;
  const hundred = new Dec(100);
  return {
    difference: a.percent.minus(b.percent),
    bounds: { lower: new Dec(interval.lower).times(hundred), upper: new Dec(interval.upper).times(hundred), standardError: null, clamped: false },
    statistic: test.statistic,
    df: null,
    pValue: test.pValue,
    warnings,
  };
}

/**
 * The difference of two means by Welch's t-test (Welch 1947), as R's
 * `t.test(x, y)` and `welchTest`, from each side's size, mean and sample
 * variance; the size may be Kish's effective sample size, which is not an
 * integer in general (so `welchTest`, which takes counts, is not used):
 * `SE² = s_a²/n_a + s_b²/n_b`, `df = SE⁴ / ((s_a²/n_a)²/(n_a - 1) + (s_b²/n_b)²/(n_b - 1))`.
 * The test needs both sizes above 1 and both variances; the difference
 * needs only the means. Warnings: `small-sample` per side.
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
