/**
 * The seeded percentile bootstrap interval of NPS, reproducible on every
 * machine: the same counts, level, number of resamples and seed give the
 * same interval on every machine and every JavaScript engine. The
 * resampling rests on the integer PRNG of random.ts and the exact binomial
 * sampler of binomial.ts; the bounds are read off the sorted resampled
 * scores with exact decimal arithmetic.
 */
import { Dec } from '../exact/decimal.js';
import { binomial } from './binomial.js';
import type { IntervalBounds } from './bounds.js';
import { domainError } from './domain-errors.js';
import { sampleVariance } from './mean-interval.js';
import { xoshiro128ss } from './random.js';

/** NPS group counts, as the bootstrap reads them. */
export interface NpsGroupCounts {
  /** Answers in the top group (9-10 on the default scale). */
  readonly promoters: number;
  /** Answers in the middle group (7-8). */
  readonly passives: number;
  /** Answers in the bottom group (0-6). */
  readonly detractors: number;
}

/** A bootstrap interval for NPS, in points, unrounded. */
export interface BootstrapInterval extends IntervalBounds {
  /** The standard deviation of the resampled scores (`resamples - 1` denominator), in points; 0 for one resample. */
  readonly standardError: Dec;
  /** Always `false`: every resampled score lies in [-100, 100], so the bounds do too. */
  readonly clamped: false;
}

const ZERO = /* @__PURE__ */ new Dec(0);

/**
 * A seeded percentile bootstrap interval for NPS (Efron and Tibshirani
 * 1993, *An Introduction to the Bootstrap*, ch. 13), identical on every
 * machine for the same arguments.
 *
 * Each of the `resamples` resamples draws `n` answers with replacement from
 * the observed answers. Only the group counts matter, so a resample is one
 * multinomial draw over the three groups, made as two exact binomial
 * draws ({@link binomial}): promoters `~ Bin(n, P/n)`, then passives
 * `~ Bin(n - promoters, A/(A + D))` among the rest; the cost does not grow
 * with `n`. Its score is `100 (promoters - detractors) / n`, as `npsScore` forms it.
 *
 * The bounds are the `α/2` and `1 - α/2` quantiles (`α = 1 - level`) of the
 * resampled scores by Hyndman and Fan's definition 7 (R's and NumPy's
 * default): sorted scores `x₀ <= ... <= x_{B-1}`, `h = (B - 1) q`,
 * `Q(q) = x_⌊h⌋ + (h - ⌊h⌋)(x_{⌊h⌋+1} - x_⌊h⌋)`, evaluated in exact decimal
 * arithmetic from the integer differences `promoters - detractors`.
 *
 * @param counts - Group counts: safe integers of at least 0.
 * @param level - Confidence level, strictly between 0 and 1.
 * @param resamples - Number of resamples `B`: an integer from 1 to 10^7.
 * @param seed - Seed of the PRNG ({@link xoshiro128ss}): a safe integer.
 * @returns The interval, or `null` when there are no answers.
 * @throws RangeError when an argument is out of its domain.
 */
export function bootstrapNpsInterval(counts: NpsGroupCounts, level: number, resamples: number, seed: number): BootstrapInterval | null {
  const { promoters, passives, detractors } = counts;
  for (const [name, v] of [
    ['promoters', promoters],
    ['passives', passives],
    ['detractors', detractors],
  ] as const) {
    if (!(Number.isSafeInteger(v) && v >= 0)) domainError('bootstrapNpsInterval', v, `a count of ${name} (a safe integer of at least 0)`);
  }
  if (!(level > 0 && level < 1)) domainError('bootstrapNpsInterval', level, 'a level strictly between 0 and 1');
  if (!(Number.isInteger(resamples) && resamples >= 1 && resamples <= 1e7))
    domainError('bootstrapNpsInterval', resamples, 'an integer number of resamples from 1 to 10^7');
  if (!Number.isSafeInteger(seed)) domainError('bootstrapNpsInterval', seed, 'a safe integer seed');
  const n = promoters + passives + detractors;
  if (!Number.isSafeInteger(n)) domainError('bootstrapNpsInterval', n, 'a total below 2^53');
  if (n === 0) return null;

  const random = xoshiro128ss(seed);
  const pPromoter = promoters / n;
  const rest = passives + detractors;
  const pPassiveOfRest = rest === 0 ? 0 : passives / rest;
  const differences = new Float64Array(resamples);
  let sum = 0n;
  let sumSquares = 0n;
  for (let i = 0; i < resamples; i++) {
    const p = binomial(random, n, pPromoter);
    const a = binomial(random, n - p, pPassiveOfRest);
    const d = p - (n - p - a);
    differences[i] = d;
    const big = BigInt(d);
    sum += big;
    sumSquares += big * big;
  }
  differences.sort();

  const total = new Dec(n);
  /** A difference `promoters - detractors` of a resample (or a spread of them) in points. */
  const points = (difference: Dec): Dec => difference.times(100).dividedBy(total);
  const tail = new Dec(1).minus(new Dec(level)).dividedBy(2);
  const quantile = (q: Dec): Dec => {
    const h = q.times(resamples - 1);
    const j = h.floor().toNumber();
    const lo = new Dec(differences[j]!);
    return points(j + 1 < resamples ? lo.plus(h.minus(j).times(new Dec(differences[j + 1]!).minus(lo))) : lo);
  };
  const variance = sampleVariance(resamples, sum, sumSquares);
  return {
    lower: quantile(tail),
    upper: quantile(new Dec(1).minus(tail)),
    standardError: variance === null ? ZERO : points(variance.sqrt()),
    clamped: false,
  };
}
