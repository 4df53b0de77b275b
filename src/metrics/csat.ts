/**
 * Customer Satisfaction Score.
 */

import { lazy } from '../core/contract/lazy.js';
import type { IntervalOptions, MissingOptions, RoundingOptions, WeightsOptions } from '../core/contract/options.js';
import type { MetricName } from '../core/contract/registry.js';
import { deepFreeze } from '../core/contract/result.js';
import type { PointShare, ResponseInput, Scale, Share } from '../core/contract/types.js';
import type { Interval } from '../core/stats/interval-fields.js';
import type { Warning } from '../core/stats/warnings.js';
import {
  type PointCounts,
  type PointIntervalOption,
  type PointScaleSettings,
  type PointScaleSpec,
  parsePointCounts,
  parsePointScaleOptions,
  pointScaleOptionsSchema,
  tallyPoints,
  topPoints,
} from '../core/survey/point-scale.js';
import { summarisePoints } from '../core/survey/point-summary.js';
import { checkUnusedWeights, type WeightedSummary } from '../core/survey/weights.js';

/**
 * Options of {@link csat}, {@link csatCounts} and {@link csatFromCounts}.
 * `interval` takes a proportion method (Wilson by default) and also adds
 * `meanInterval`, the Student t interval of `mean`, at the same level.
 */
export interface CsatOptions extends RoundingOptions, MissingOptions, WeightsOptions, IntervalOptions<PointIntervalOption> {
  /** The answer scale. Default `{ min: 1, max: 5 }`; binary CSAT is `{ min: 0, max: 1 }`. */
  readonly scale?: Scale;
  /**
   * The scale points that count as satisfied. Default: the top point on 2-
   * and 3-point scales, the top two points otherwise (4 and 5 on 1-5).
   */
  readonly satisfied?: readonly number[];
  /** Text label to scale point (`{ 'very satisfied': 5, ... }`), so responses may be text. Labels match exactly. */
  readonly labels?: Readonly<Record<string, number>>;
}

/** The tally CSAT is computed from. Merge tallies with `mergeCounts`. */
export type CsatCounts = PointCounts<'csat'>;

/** The result of {@link csat} and {@link csatFromCounts}. */
export interface CsatResult {
  /** The metric's name, as in the registry. */
  readonly metric: 'csat';
  /** The unit of `value`: percent. */
  readonly unit: 'percent';
  /** Satisfied answers as a percent of all answers; `null` when there are none. */
  readonly value: number | null;
  /** Answers counted (missing answers excluded). */
  readonly total: number;
  /** Answers on the satisfied points, with their percent of all answers (equal to `value`). */
  readonly satisfied: Share;
  /** The mean answer on the scale (the "average score" variant); `null` when there are no answers. */
  readonly mean: number | null;
  /** The sample variance of the answers (`n - 1` denominator; reliability-weighted under `weights`); `null` for fewer than 2 answers. */
  readonly variance: number | null;
  /** Every scale point, ascending, with its count and share. */
  readonly distribution: readonly PointShare[];
  /** Missing answers skipped under `missing: 'exclude'`. */
  readonly excluded: number;
  /** The total weight and Kish's effective sample size; present only when the answers were weighted. */
  readonly weighted?: WeightedSummary;
  /** The Student t interval of `mean`; present only when `interval` was asked for, `null` for fewer than 2 answers. */
  readonly meanInterval?: Interval | null;
  /** The interval of `value`, in percent; present only when `interval` was asked for, `null` when there are no answers. */
  readonly interval?: Interval | null;
  /** Cautions about the result (`small-sample`, `interval-clamped`, `degenerate-wald`); empty when there are none. */
  readonly warnings: readonly Warning[];
}

const METRIC = 'csat' satisfies MetricName;

const SPEC: PointScaleSpec = {
  metric: METRIC,
  selectedKey: 'satisfied',
  defaultScale: { min: 1, max: 5 },
  defaultSelected: (scale) => topPoints(scale),
};
const optionsSchema = /* @__PURE__ */ lazy(() => pointScaleOptionsSchema(SPEC));

function parseOptions(options: unknown): PointScaleSettings {
  return parsePointScaleOptions(SPEC, optionsSchema(), options);
}

/**
 * Customer Satisfaction Score: the percent of answers that are satisfied.
 *
 * `CSAT = 100 * satisfied / total` on "overall, how satisfied are you?"; by
 * default "satisfied" and "very satisfied" (4 and 5 on a 1-5 scale) count.
 * The result also carries the mean score, the other common CSAT variant, and
 * the sample variance of the answers.
 *
 * With `interval`, the result carries a confidence interval for the percent
 * (Wilson by default) and a Student t interval for the mean. With
 * `weights`, shares, the mean and the variance are weighted and intervals
 * use Kish's effective sample size. `warnings` flags small samples.
 *
 * @param responses - Answers: integers on the scale, or text labels when `labels` is set.
 * @param options - Scale, satisfied points, labels, missing answers, weights, interval, output rounding.
 * @returns The percent satisfied, the mean and the distribution; `value` and
 *   `mean` are `null` when there are no answers (or their weights sum to 0).
 * @throws {@link MetricsError} when an answer is not on the scale or is an
 *   unknown label (`path` is `['responses', index]`), or an option is invalid.
 * @example
 * csat([5, 4, 3, 5, 1]).value // => 60
 * csat([5, 4, 3, 5, 1]).mean // => 3.6
 * csat(['Yes', 'No', 'Yes'], { scale: { min: 0, max: 1 }, labels: { Yes: 1, No: 0 }, decimals: 1 }).value // => 66.7
 * csat([9, 10, 6], { scale: { min: 0, max: 10 }, satisfied: [8, 9, 10] }).satisfied // => { count: 2, percent: 66.66666666666667 }
 * csat([5, 4, 1], { weights: [2, 1, 1] }).value // => 75
 * csatFromCounts({ points: { 1: 13, 5: 37 } }, { interval: true, decimals: 2 }).interval // => { lower: 60.45, upper: 84.13, level: 0.95, method: 'wilson', standardError: null, clamped: false }
 */
export function csat(responses: ResponseInput, options?: CsatOptions): CsatResult {
  const parsed = parseOptions(options);
  return fromTally(tally(responses, parsed), parsed);
}

/**
 * The CSAT tally of `responses`: answers per scale point. Tallies of parts of
 * the data merge with `mergeCounts` into the tally of the whole.
 *
 * @param responses - Answers, as for {@link csat}.
 * @param options - As for {@link csat}; the scale, labels, missing answers and weights are used.
 * @throws {@link MetricsError} as {@link csat} does.
 * @example
 * csatCounts([5, 4, 5]) // => { metric: 'csat', points: { 4: 1, 5: 2 }, excluded: 0 }
 * csatCounts([5, 4, 5], { weights: [1, 2, 0.5] }).weights // => { count: 3, points: { 4: [2], 5: [1.5] }, squares: [5.25] }
 */
export function csatCounts(responses: ResponseInput, options?: CsatOptions): CsatCounts {
  return deepFreeze(tally(responses, parseOptions(options)));
}

/**
 * CSAT from a tally of answers per scale point: from {@link csatCounts},
 * merged tallies, or a distribution you already have.
 *
 * @param counts - `{ points: { [point]: count } }` on the scale, and
 *   `weights` as {@link csatCounts} makes them.
 * @param options - Scale, satisfied points, interval and output rounding, as
 *   for {@link csat} (`weights` is checked and unused: a weighted tally
 *   carries its weights).
 * @throws {@link MetricsError} when a point is off the scale or a count is not
 *   a non-negative integer (`path` is `['counts', 'points', point]`), or the
 *   weight sums do not fit the counts (`['counts', 'weights', ...]`).
 * @example
 * csatFromCounts({ points: { 1: 10, 2: 5, 3: 5, 4: 30, 5: 50 } }).value // => 80
 */
export function csatFromCounts(counts: Omit<CsatCounts, 'metric' | 'excluded'> & Partial<CsatCounts>, options?: CsatOptions): CsatResult {
  const parsed = parseOptions(options);
  checkUnusedWeights(METRIC, parsed.weights);
  return fromTally(parseCounts(counts, parsed), parsed);
}

function tally(responses: unknown, parsed: PointScaleSettings): CsatCounts {
  return tallyPoints(METRIC, 'responses', responses, parsed);
}

function parseCounts(counts: unknown, parsed: PointScaleSettings): CsatCounts {
  return parsePointCounts(METRIC, counts, parsed.scale);
}

function fromTally(counts: CsatCounts, parsed: PointScaleSettings): CsatResult {
  const s = summarisePoints(counts, parsed);
  return deepFreeze<CsatResult>({
    metric: METRIC,
    unit: 'percent',
    value: s.value,
    total: s.total,
    satisfied: s.selected,
    mean: s.mean,
    variance: s.variance,
    distribution: s.distribution,
    excluded: counts.excluded,
    ...s.inference,
  });
}
