/**
 * The distribution-free confidence interval for a median from order
 * statistics: the interval that inverts the sign test.
 *
 * For `n` independent observations of a continuous quantity with median
 * `m`, the number `B` of observations below `m` is binomial(n, 1/2), so the
 * order statistics `x(r) <= x(n + 1 - r)` (1-based, ascending) cover `m`
 * with probability `1 - 2 P(B <= r - 1)`, whatever the distribution. With
 * ties in the data (durations in whole milliseconds) the closed interval
 * covers with at least that probability.
 *
 * Rank rule (Hollander and Wolfe, Nonparametric Statistical Methods, 2nd
 * ed., 1999, section 3.6, with `b = n + 1 - r`; Conover, Practical
 * Nonparametric Statistics, 3rd ed., 1999, section 3.2): `r` is the largest
 * rank with `P(B <= r - 1) <= α / 2`, `α = 1 - level`, so the coverage is at
 * least `level` and the interval is the narrowest symmetric one that
 * guarantees it. In R, `pbinom` is not exact (`pbinom(0, 3, 0.5)` is
 * 0.125 + 2^-55), so compare its tails with `α / 2` with a small relative
 * tolerance, or sum `choose()` terms exactly: the docs page of
 * `timeToResolution` gives both recipes.
 * `DescTools::MedianCI` takes `r = k` always, which is one rank wider in
 * the exact-equality case (possible only when `α / 2` is a dyadic fraction,
 * such as 0.125 at level 0.75). When even `r = 1` covers with probability
 * below `level` (`2^(1 - n) > 1 - level`: fewer than 6 observations at 95%),
 * there is no such interval.
 *
 * Arithmetic: for `n` up to {@link EXACT_LIMIT} the binomial tail is summed
 * exactly in BigInt and compared with the level's decimal exactly, so the
 * rank and the coverage are exact (the coverage then converted once to the
 * nearest double). Above it the tail is the regularized incomplete beta
 * function `P(B <= j) = I_{1/2}(n - j, j + 1)` of beta.ts (1e-12
 * relative); a tail within that distance of `α / 2` could tip the rank by
 * one.
 */
import { Dec, toNumber } from '../exact/decimal.js';
import { betaCdf } from './beta.js';
import { normalCriticalValue, tailProbability } from './levels.js';

/** Up to this many observations, ranks and coverage are exact. */
export const EXACT_LIMIT = 1000;

/** The ranks of the interval `[x(lower), x(upper)]` (1-based) and its coverage. */
export interface MedianRanks {
  readonly lower: number;
  readonly upper: number;
  /** `1 - 2 P(B <= lower - 1)`: the probability that the interval covers the median (at least `level`). */
  readonly coverage: number;
}

/**
 * The ranks of the distribution-free interval for the median of `n`
 * observations at `level`, and its coverage; `null` when no pair of order
 * statistics reaches the level (including `n = 0`).
 *
 * @param n - The number of observations, a non-negative safe integer.
 * @param level - Confidence level, strictly between 0 and 1.
 * @throws RangeError when an argument is out of its domain.
 */
export function medianRanks(n: number, level: number): MedianRanks | null {
  if (!(Number.isSafeInteger(n) && n >= 0)) throw new RangeError(`medianRanks: expected a count of at least 0, received ${String(n)}`);
  tailProbability(level); // checks the level
  if (n === 0) return null;
  return n <= EXACT_LIMIT ? exactRanks(n, level) : approximateRanks(n, level);
}

/** The level as a fraction `numerator / 10^digits`, from the decimal that names the double. */
function levelFraction(level: number): { numerator: bigint; scale: bigint } {
  const text = new Dec(level).toFixed();
  const point = text.indexOf('.');
  const digits = point < 0 ? '' : text.slice(point + 1);
  const whole = point < 0 ? text : text.slice(0, point);
  return { numerator: BigInt(whole + digits), scale: 10n ** BigInt(digits.length) };
}

/**
 * Exact: `P(B <= j) = S_j / 2^n` with `S_j = sum of C(n, i) for i <= j`;
 * `S_j / 2^n <= (1 - level) / 2` is `2 S_j scale <= (scale - numerator) 2^n`.
 */
function exactRanks(n: number, level: number): MedianRanks | null {
  const { numerator, scale } = levelFraction(level);
  const bound = (scale - numerator) << BigInt(n);
  const twice = 2n * scale;
  let binomial = 1n; // C(n, j)
  let sum = 0n; // S_(j - 1)
  let j = 0;
  // Find the first j with S_j > bound; then r - 1 = j - 1, so r = j.
  for (; j <= n; j++) {
    const next = sum + binomial;
    if (next * twice > bound) break;
    sum = next;
    binomial = (binomial * BigInt(n - j)) / BigInt(j + 1);
  }
  const r = j;
  if (r === 0) return null;
  // coverage = 1 - 2 S_(r - 1) / 2^n
  const coverage = new Dec(1).minus(new Dec(sum.toString()).dividedBy(new Dec(2).pow(n - 1)));
  return { lower: r, upper: n + 1 - r, coverage: toNumber(coverage) };
}

/** `P(B <= j)` for binomial(n, 1/2), `0 <= j < n`. */
function lowerTail(n: number, j: number): number {
  return betaCdf(0.5, n - j, j + 1);
}

/** Through the incomplete beta function, from the normal approximation's rank. */
function approximateRanks(n: number, level: number): MedianRanks | null {
  const tail = tailProbability(level);
  const z = normalCriticalValue(level);
  // The largest j with P(B <= j) <= tail, starting near the normal approximation.
  let j = Math.min(Math.max(Math.floor((n - 1) / 2 - (z * Math.sqrt(n)) / 2), -1), Math.floor((n - 1) / 2));
  while (j >= 0 && lowerTail(n, j) > tail) j--;
  while (j + 1 < n && lowerTail(n, j + 1) <= tail) j++;
  const r = j + 1;
  if (r === 0) return null;
  const coverage = 1 - 2 * (j < 0 ? 0 : lowerTail(n, j));
  return { lower: r, upper: n + 1 - r, coverage };
}
