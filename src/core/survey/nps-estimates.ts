/**
 * What an NPS result reports besides its counts: each group's share, the
 * score, the weighted summary, the group sizes an interval is built on, and
 * the sample-size warnings; from the counts, or under weights from the exact
 * weight sums of a tally.
 */
import type { MetricName } from '../contract/registry.js';
import type { Share } from '../contract/types.js';
import { type OutputFormat, outputOrNull } from '../exact/decimal.js';
import { type Dyadic, dyadicMul, dyadicRatio, dyadicSub } from '../exact/exact-sum.js';
import { rational, rationalToDouble, ZERO } from '../exact/rational.js';
import { countShares, weightShares } from '../exact/shares.js';
import { sampleWarnings, type Warning } from '../stats/warnings.js';
import { NPS_GROUPS, type NpsGroup } from './nps-score.js';
import { checkWeightSums, effectiveSampleWarnings, effectiveSize, type WeightedSummary, weightedSummary } from './weights.js';

/** The estimates of an NPS tally. */
export interface NpsEstimates {
  /** The score, rounded as asked; `null` when there are no answers (or their weights sum to 0). */
  readonly value: number | null;
  /** Each group's count and percent (weighted percent under weights). */
  readonly shares: Readonly<Record<NpsGroup, Share>>;
  /** The total weight and Kish's effective sample size; `null` without weights. */
  readonly weighted: WeightedSummary | null;
  /** The group sizes an interval is built on: the counts, or under weights the effective counts. */
  readonly intervalCounts: Readonly<Record<NpsGroup, number>>;
  readonly warnings: readonly Warning[];
}

type GroupCounts = Readonly<Record<NpsGroup, number>>;

/** The weight sums of a weighted tally, as `NpsWeights` holds them: each group's and the squared weights', as partial sums. */
type GroupWeights = Readonly<Record<NpsGroup, readonly number[]>> & { readonly count: number; readonly squares: readonly number[] };

/** The estimates from the counts of an unweighted tally of `total` answers. */
export function npsCountEstimates(counts: GroupCounts, total: number, format: OutputFormat): NpsEstimates {
  const [promoters, passives, detractors] = countShares([counts.promoters, counts.passives, counts.detractors], format);
  return {
    value: outputOrNull(rational(100n * BigInt(counts.promoters - counts.detractors), BigInt(total)), format),
    shares: sharesOf(counts, [promoters ?? null, passives ?? null, detractors ?? null]),
    weighted: null,
    intervalCounts: counts,
    warnings: sampleWarnings(total),
  };
}

/**
 * The estimates from the exact weight sums of a weighted tally of `total`
 * answers, after checking that the sums fit the counts.
 *
 * @throws {@link MetricsError} at `['counts', 'weights', ...]` when they do not.
 */
export function npsWeightEstimates(metric: MetricName, counts: GroupCounts, weights: GroupWeights, total: number, format: OutputFormat): NpsEstimates {
  const groups = NPS_GROUPS.map((g) => ({ path: [g], count: counts[g], partials: weights[g] }));
  const { sums, sum, squares } = checkWeightSums(metric, weights, groups, total);
  const [promoterSum, passiveSum, detractorSum] = sums as [Dyadic, Dyadic, Dyadic];
  const [promoters, passives, detractors] = weightShares(sums, format);
  // Effective counts: each group's share of the effective sample size, W_g Σw / Σw².
  const effective = (w: Dyadic) => rationalToDouble(dyadicRatio(dyadicMul(w, sum), squares) ?? ZERO);
  return {
    value: outputOrNull(dyadicRatio(dyadicMul(dyadicSub(promoterSum, detractorSum), 100), sum), format),
    shares: sharesOf(counts, [promoters ?? null, passives ?? null, detractors ?? null]),
    weighted: weightedSummary(sum, squares, format),
    intervalCounts: { promoters: effective(promoterSum), passives: effective(passiveSum), detractors: effective(detractorSum) },
    warnings: effectiveSampleWarnings(rationalToDouble(effectiveSize(sum, squares))),
  };
}

function sharesOf(counts: GroupCounts, [promoters, passives, detractors]: readonly [number | null, number | null, number | null]): Record<NpsGroup, Share> {
  return {
    promoters: { count: counts.promoters, percent: promoters },
    passives: { count: counts.passives, percent: passives },
    detractors: { count: counts.detractors, percent: detractors },
  };
}
