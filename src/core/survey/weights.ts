/**
 * Survey weights (NPS, CSAT, CES): the `weights` option, checked in one
 * loop, and the weighted estimates built on exact weight sums: the checked
 * sums of a tally, Kish's effective sample size, the weighted mean and
 * variance, and the warnings on an effective sample size.
 */
import * as z from 'zod/mini';
import { describe, fail, type MetricsIssueCode, type MetricsPath } from '../contract/errors.js';
import { lazy } from '../contract/lazy.js';
import type { MetricName } from '../contract/registry.js';
import { expected, rejectElement } from '../contract/validate.js';
import { type OutputFormat, output } from '../exact/decimal.js';
import { type Dyadic, dyadicAdd, dyadicMul, dyadicRatio, dyadicSign, dyadicSub, dyadicToRational, exactSum } from '../exact/exact-sum.js';
import { type Rational, ZERO } from '../exact/rational.js';
import { SMALL_EXPECTED, SMALL_SAMPLE, type Warning } from '../stats/warnings.js';
import { isNumericTypedArray } from './scores.js';

// ---------------------------------------------------------------------------
// The weights option.

/** The smallest positive weight: smaller ones would make squared weights inexact. */
export const MIN_WEIGHT = 1e-100;
/** The largest weight. */
export const MAX_WEIGHT = 1e100;

const WEIGHT_TEXT = 'a weight: 0, or a number from 1e-100 to 1e100';
const weightSchema = /* @__PURE__ */ lazy(() =>
  z.number(expected(WEIGHT_TEXT)).check(
    z.minimum(0, expected(WEIGHT_TEXT)),
    z.maximum(MAX_WEIGHT, expected(WEIGHT_TEXT)),
    z.refine((w) => !(w > 0 && w < MIN_WEIGHT), { ...expected(WEIGHT_TEXT), params: { code: 'out-of-range' } }),
  ),
);

/**
 * Validates the `weights` option in one tight loop, and describes the first
 * bad weight with zod.
 *
 * @param length - The number of answers the weights must match, or `null`
 *   when there are no answers to match (a `...FromCounts` call).
 * @throws {@link MetricsError} at `['options', 'weights']` when `weights` is
 *   not an array or typed array (`invalid-type`) or its length is not the
 *   number of answers (`inconsistent`), and at `['options', 'weights', i]`
 *   for the first bad weight.
 */
export function readWeights(metric: MetricName, weights: unknown, length: number | null): ArrayLike<number> {
  const path = ['options', 'weights'];
  if (!Array.isArray(weights) && !isNumericTypedArray(weights)) {
    fail(metric, 'invalid-type', path, `expected an array or a typed array of weights, received ${describe(weights)}`);
  }
  const list = weights as ArrayLike<unknown>;
  if (length !== null && list.length !== length) {
    fail(metric, 'inconsistent', path, `expected ${length} weights, one per answer, received ${list.length}`);
  }
  const n = list.length;
  if (Array.isArray(list)) {
    for (let i = 0; i < n; i++) {
      const w = list[i];
      if (typeof w !== 'number' || !(w === 0 || (w >= MIN_WEIGHT && w <= MAX_WEIGHT))) badWeight(metric, w, i);
    }
  } else {
    const typed = list as ArrayLike<number>;
    for (let i = 0; i < n; i++) {
      const w = typed[i]!;
      if (!(w === 0 || (w >= MIN_WEIGHT && w <= MAX_WEIGHT))) badWeight(metric, w, i);
    }
  }
  return list as ArrayLike<number>;
}

function badWeight(metric: MetricName, value: unknown, index: number): never {
  return rejectElement(metric, weightSchema(), value, ['options', 'weights', index], `expected ${WEIGHT_TEXT}, received ${describe(value)}`);
}

/** Checks the `weights` option of a `...FromCounts` call, which does not use it: a weighted tally carries its own weight sums. */
export function checkUnusedWeights(metric: MetricName, weights: unknown): void {
  if (weights !== undefined) readWeights(metric, weights, null);
}

// ---------------------------------------------------------------------------
// Weighted estimates.

/** What a weighted result says about its weights. */
export interface WeightedSummary {
  /** The sum of the weights of the answers counted. */
  readonly totalWeight: number;
  /**
   * Kish's effective sample size `(Σw)² / Σw²`: the number of unweighted
   * answers with the same precision. Intervals use it as their `n`; 0 when
   * every weight is 0.
   */
  readonly effectiveSampleSize: number;
}

/** Exact weight sums of a sample: `Σw`, `Σw²`, `Σw x` and `Σw x²`. */
export interface WeightedMoments {
  readonly sum: Dyadic;
  readonly squares: Dyadic;
  readonly first: Dyadic;
  readonly second: Dyadic;
}

/** Kish's effective sample size `(Σw)² / Σw²`, or 0 when every weight is 0. */
export function effectiveSize(sum: Dyadic, squares: Dyadic): Rational {
  return dyadicRatio(dyadicMul(sum, sum), squares) ?? ZERO;
}

/** The `weighted` field of a result. */
export function weightedSummary(sum: Dyadic, squares: Dyadic, format: OutputFormat): WeightedSummary {
  return { totalWeight: output(dyadicToRational(sum), format), effectiveSampleSize: output(effectiveSize(sum, squares), format) };
}

/** The weighted mean `Σw x / Σw`, or `null` when the weights sum to 0. */
export function weightedMean(m: WeightedMoments): Rational | null {
  return dyadicRatio(m.first, m.sum);
}

/**
 * The weighted sample variance with reliability weights,
 * `Σw (x - x̄)² / (Σw - Σw² / Σw)`, formed exactly as
 * `(Σw Σw x² - (Σw x)²) / ((Σw)² - Σw²)`: the unbiased sample variance
 * when every weight is 1, unchanged when every weight is multiplied by the
 * same factor. `null` when the effective sample size is 1 or less.
 */
export function weightedVariance(m: WeightedMoments): Rational | null {
  const denominator = dyadicSub(dyadicMul(m.sum, m.sum), m.squares);
  if (dyadicSign(denominator) <= 0) return null;
  return dyadicRatio(dyadicSub(dyadicMul(m.sum, m.second), dyadicMul(m.first, m.first)), denominator);
}

/** The schema of a list of partial sums in a weighted tally. */
export const partialsSchema = /* @__PURE__ */ lazy(() => z.array(z.number(expected('a finite number')), expected('an array of partial sums')));

/** One group of a weighted tally (an NPS group, a scale point): its answers and its weight sum as partial sums. */
export interface WeightGroup {
  /** The group's key under `counts.weights` (`'promoters'`, or a scale point under `'points'`). */
  readonly path: readonly (string | number)[];
  readonly count: number;
  readonly partials: readonly number[];
}

/**
 * Checks the weight sums of a tally (`...FromCounts` reads them as given,
 * maybe merged or hand-made) and returns them exactly: they must cover the
 * tally's answers (`count` equal to `total`: a weighted tally merged with an
 * unweighted one does not), no group may have a negative weight sum or
 * weight without answers, and `Σw² <= (Σw)² <= n Σw²` (so the effective
 * sample size is from 1 to n, and both sums are 0 together).
 *
 * @throws {@link MetricsError} at `['counts', 'weights', ...]`.
 */
export function checkWeightSums(
  metric: MetricName,
  weights: { readonly count: number; readonly squares: readonly number[] },
  groups: readonly WeightGroup[],
  total: number,
): { readonly sums: Dyadic[]; readonly sum: Dyadic; readonly squares: Dyadic } {
  const reject = (path: MetricsPath, code: MetricsIssueCode, message: string): never => fail(metric, code, ['counts', 'weights', ...path], message);
  if (weights.count !== total)
    reject(['count'], 'inconsistent', `expected weights for the ${total} answers of the tally, received weights for ${weights.count}`);
  let sum: Dyadic = { mantissa: 0n, exponent: 0 };
  const sums = groups.map((g) => {
    const w = exactSum(g.partials);
    if (dyadicSign(w) < 0) reject(g.path, 'out-of-range', 'expected a weight sum of at least 0');
    if (dyadicSign(w) > 0 && g.count === 0) reject(g.path, 'inconsistent', 'expected no weight where the tally has no answers');
    sum = dyadicAdd(sum, w);
    return w;
  });
  const squares = exactSum(weights.squares);
  const square = dyadicMul(sum, sum);
  if (dyadicSign(squares) < 0 || dyadicSign(dyadicSub(square, squares)) < 0 || dyadicSign(dyadicSub(dyadicMul(squares, total), square)) < 0) {
    reject(['squares'], 'inconsistent', `expected a sum of squared weights that ${total} answers with these weight sums could give`);
  }
  return { sums, sum, squares };
}

// ---------------------------------------------------------------------------
// Warnings on an effective sample size.

/** A number for a message: at most three decimals. */
function shown(x: number): string {
  return String(Math.round(x * 1000) / 1000);
}

/** `small-sample` for an effective sample size below 30 (and above 0). */
export function effectiveSampleWarnings(nEff: number): Warning[] {
  return nEff > 0 && nEff < SMALL_SAMPLE
    ? [{ code: 'small-sample', message: `an effective sample size of ${shown(nEff)}: fewer than ${SMALL_SAMPLE}, so the estimate is imprecise` }]
    : [];
}

/** `small-sample` for a weighted proportion: effective size below 30, or below 10 expected on either side. */
export function effectiveProportionWarnings(x: number, nEff: number): Warning[] {
  if (nEff === 0) return [];
  if (nEff < SMALL_SAMPLE) return effectiveSampleWarnings(nEff);
  const smaller = Math.min(x, nEff - x);
  return smaller < SMALL_EXPECTED
    ? [
        {
          code: 'small-sample',
          message: `an effective ${shown(smaller)} on one side of the proportion: fewer than ${SMALL_EXPECTED}, so normal approximations are poor`,
        },
      ]
    : [];
}
