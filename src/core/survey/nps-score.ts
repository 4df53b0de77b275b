/**
 * The Net Promoter Score's definition, once: the three groups, the score and
 * the variance of one answer's score. `nps`, its intervals, the bootstrap,
 * `compare` and `sampleSizeFor` all compute through these functions.
 */
import { Dec } from '../exact/decimal.js';
import { type Dyadic, dyadicAdd, exactSum } from '../exact/exact-sum.js';

/** The three NPS groups, in the order results list them. */
export const NPS_GROUPS = ['promoters', 'passives', 'detractors'] as const;

/** An NPS group. */
export type NpsGroup = (typeof NPS_GROUPS)[number];

/** The cut-offs that split a scale into the three groups. */
export interface NpsCutoffs {
  /** Lowest answer that makes a promoter (9 by default). */
  readonly promoterMin: number;
  /** Highest answer that makes a detractor (6 by default). */
  readonly detractorMax: number;
}

/** The group of one answer: promoters from `promoterMin` up, detractors up to `detractorMax`, passives between. */
export function npsGroupOf(point: number, cutoffs: NpsCutoffs): NpsGroup {
  return point >= cutoffs.promoterMin ? 'promoters' : point <= cutoffs.detractorMax ? 'detractors' : 'passives';
}

/** Group counts from a histogram whose index `k` counts answers `min + k`. */
export function splitHistogram(histogram: ArrayLike<number>, min: number, cutoffs: NpsCutoffs): Record<NpsGroup, number> {
  const counts = { promoters: 0, passives: 0, detractors: 0 };
  for (let k = 0; k < histogram.length; k++) counts[npsGroupOf(min + k, cutoffs)] += histogram[k]!;
  return counts;
}

/**
 * Group weight sums from the weights of a histogram: `weights[k]` lists
 * the partial sums of the weights of the answers `min + k`. Each group's
 * sum is exact.
 */
export function splitWeightSums(weights: readonly (readonly number[])[], min: number, cutoffs: NpsCutoffs): Record<NpsGroup, Dyadic> {
  const zero: Dyadic = { mantissa: 0n, exponent: 0 };
  const sums = { promoters: zero, passives: zero, detractors: zero };
  weights.forEach((partials, k) => {
    const group = npsGroupOf(min + k, cutoffs);
    sums[group] = dyadicAdd(sums[group], exactSum(partials));
  });
  return sums;
}

/**
 * The score in points, `100 (P - D) / n`, from the promoters' and
 * detractors' amounts (counts, shares or effective counts) and the total,
 * in decimal, for the estimates built on it (intervals, the bootstrap,
 * comparisons); `null` when the total is 0. The score a result reports is
 * the exact rational, formed in `nps-estimates`.
 */
export function npsScore(promoters: Dec, detractors: Dec, total: Dec): Dec | null {
  if (total.isZero()) return null;
  return promoters.minus(detractors).times(100).dividedBy(total);
}

/**
 * The variance of one answer's score (+1 promoter, 0 passive, -1
 * detractor) from the shares `p` and `d` as fractions: `p + d - (p - d)²`.
 * A negative rounding residue of an exact 0 is returned as 0.
 */
export function npsVariance(p: Dec, d: Dec): Dec {
  const diff = p.minus(d);
  return Dec.max(0, p.plus(d).minus(diff.times(diff)));
}

/** The adjusted-Wald additions (Rocks 2016; Sauro and Lewis): 3/4 to promoters and to detractors, 3/2 to passives, so `n' = n + 3`. */
export const ADJUSTED_WALD_ADDITION = /* @__PURE__ */ new Dec('0.75');

/**
 * The shares of promoters and detractors, as fractions, and the size they
 * are shares of, after the adjusted-Wald additions when `adjusted`.
 */
export function npsShares(promoters: Dec, detractors: Dec, total: Dec, adjusted: boolean): { p: Dec; d: Dec; n: Dec } {
  const add = adjusted ? ADJUSTED_WALD_ADDITION : new Dec(0);
  const n = total.plus(add.times(4));
  return { p: promoters.plus(add).dividedBy(n), d: detractors.plus(add).dividedBy(n), n };
}
