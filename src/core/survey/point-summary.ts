/**
 * The summary of a point-scale tally (CSAT, CES): the share of the selected
 * points, the mean, the variance, the distribution, the intervals and the
 * warnings, unweighted or from exact weight sums.
 */

import type { PointShare, Share } from '../contract/types.js';
import { outputOrNull, percentOf, rationalToDec } from '../exact/decimal.js';
import { type Dyadic, dyadicAdd, dyadicMul, dyadicRatio, exactSum } from '../exact/exact-sum.js';
import { rational, rationalToDouble, ZERO } from '../exact/rational.js';
import { countShares, weightShares } from '../exact/shares.js';
import { type Interval, type IntervalSettings, percentInterval, tInterval, tIntervalOf } from '../stats/interval-fields.js';
import { exactSampleVariance } from '../stats/mean-interval.js';
import type { ProportionMethod } from '../stats/proportion-intervals.js';
import { intervalWarnings, proportionWarnings, type Warning } from '../stats/warnings.js';
import type { PointCounts, PointScaleSettings, PointWeights } from './point-scale.js';
import { effectiveProportionWarnings, effectiveSize, type WeightedSummary, weightedMean, weightedSummary, weightedVariance } from './weights.js';

/** Everything a point-scale result reports besides its name, unit and `excluded`; the metric names the selected points. */
export interface PointSummary {
  readonly value: number | null;
  readonly total: number;
  readonly selected: Share;
  readonly mean: number | null;
  readonly variance: number | null;
  readonly distribution: readonly PointShare[];
  /** The last fields of the result, in their order, to spread into it. */
  readonly inference: PointInference;
}

/** The last fields of a point-scale result: each optional one present only when it applies. */
export interface PointInference {
  /** Present only under weights. */
  readonly weighted?: WeightedSummary;
  /** Present only when an interval was asked for. */
  readonly meanInterval?: Interval | null;
  /** Present only when an interval was asked for. */
  readonly interval?: Interval | null;
  readonly warnings: readonly Warning[];
}

/** Summarises a tally: the selected points' share, the mean, the variance, the distribution, intervals and warnings. */
export function summarisePoints(counts: PointCounts<string>, s: Pick<PointScaleSettings, 'scale' | 'selected' | 'format' | 'interval'>): PointSummary {
  const histogram = new Array<number>(s.scale.max - s.scale.min + 1).fill(0);
  for (const [key, n] of Object.entries(counts.points)) histogram[Number(key) - s.scale.min]! += n;
  const selected = new Set(s.selected);
  let total = 0;
  let selectedCount = 0;
  histogram.forEach((c, k) => {
    total += c;
    if (selected.has(s.scale.min + k)) selectedCount += c;
  });
  const e = counts.weights === undefined ? countEstimates(histogram, total, selectedCount, s) : weightEstimates(histogram, counts.weights, s);
  const intervals = s.interval === null ? null : { interval: e.interval(s.interval), meanInterval: e.meanInterval({ level: s.interval.level, method: 't' }) };
  return {
    value: e.share,
    total,
    selected: { count: selectedCount, percent: e.share },
    mean: e.mean,
    variance: e.variance,
    distribution: histogram.map((count, k) => ({ point: s.scale.min + k, count, percent: e.percents[k]! })),
    inference: {
      ...(e.weighted === null ? {} : { weighted: e.weighted }),
      ...(intervals === null ? {} : { meanInterval: intervals.meanInterval, interval: intervals.interval }),
      warnings: [...e.warnings, ...intervalWarnings(intervals?.interval ?? null), ...intervalWarnings(intervals?.meanInterval ?? null)],
    },
  };
}

interface Estimates {
  readonly share: number | null;
  readonly mean: number | null;
  readonly variance: number | null;
  readonly percents: readonly (number | null)[];
  readonly weighted: WeightedSummary | null;
  readonly interval: (settings: IntervalSettings<ProportionMethod>) => Interval | null;
  readonly meanInterval: (settings: IntervalSettings<'t'>) => Interval | null;
  readonly warnings: readonly Warning[];
}

function countEstimates(histogram: readonly number[], total: number, selectedCount: number, s: Pick<PointScaleSettings, 'scale' | 'format'>): Estimates {
  let first = 0n;
  let second = 0n;
  histogram.forEach((c, k) => {
    const point = BigInt(s.scale.min + k);
    first += point * BigInt(c);
    second += point * point * BigInt(c);
  });
  const share = outputOrNull(percentOf(selectedCount, total), s.format);
  return {
    share,
    mean: outputOrNull(rational(first, BigInt(total)), s.format),
    variance: outputOrNull(exactSampleVariance(total, first, second), s.format),
    percents: countShares(histogram, s.format),
    weighted: null,
    interval: (settings) => percentInterval(selectedCount, total, settings, s.format),
    meanInterval: (settings) => tInterval(total, first, second, settings, s.format),
    warnings: proportionWarnings(selectedCount, total),
  };
}

function weightEstimates(histogram: readonly number[], weights: PointWeights, s: Pick<PointScaleSettings, 'scale' | 'selected' | 'format'>): Estimates {
  const selected = new Set(s.selected);
  const zero: Dyadic = { mantissa: 0n, exponent: 0 };
  let sum = zero;
  let first = zero;
  let second = zero;
  let selectedWeight = zero;
  const perPoint = histogram.map((_, k) => {
    const point = s.scale.min + k;
    const w = exactSum(weights.points[String(point)] ?? []);
    sum = dyadicAdd(sum, w);
    const weighted = dyadicMul(w, point);
    first = dyadicAdd(first, weighted);
    // w x x, exactly: the double x * x would round once x passes 2^26.5.
    second = dyadicAdd(second, dyadicMul(weighted, point));
    if (selected.has(point)) selectedWeight = dyadicAdd(selectedWeight, w);
    return w;
  });
  const squares = exactSum(weights.squares);
  const moments = { sum, squares, first, second };
  const nEff = effectiveSize(sum, squares);
  const shareDec = dyadicRatio(dyadicMul(selectedWeight, 100), sum);
  const mean = weightedMean(moments);
  const variance = weightedVariance(moments);
  // The interval's successes and size: p n_eff = Σw_selected Σw / Σw², and n_eff.
  const x = rationalToDouble(dyadicRatio(dyadicMul(selectedWeight, sum), squares) ?? ZERO);
  const n = rationalToDouble(nEff);
  return {
    share: outputOrNull(shareDec, s.format),
    mean: outputOrNull(mean, s.format),
    variance: outputOrNull(variance, s.format),
    percents: weightShares(perPoint, s.format),
    weighted: weightedSummary(sum, squares, s.format),
    interval: (settings) => percentInterval(x, n, settings, s.format),
    meanInterval: (settings) =>
      mean === null ? null : tIntervalOf(rationalToDec(nEff), rationalToDec(mean), variance === null ? null : rationalToDec(variance), settings, s.format),
    warnings: effectiveProportionWarnings(x, n),
  };
}
