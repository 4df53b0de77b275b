/**
 * Customer Effort Score.
 */
import * as z from 'zod/mini';
import { lazy } from '../core/contract/lazy.js';
import type { IntervalOptions, MissingOptions, RoundingOptions, WeightsOptions } from '../core/contract/options.js';
import type { MetricName } from '../core/contract/registry.js';
import { deepFreeze } from '../core/contract/result.js';
import type { PointShare, ResponseInput, Scale, Share } from '../core/contract/types.js';
import { expected } from '../core/contract/validate.js';
import type { Interval } from '../core/stats/interval-fields.js';
import type { Warning } from '../core/stats/warnings.js';
import {
  bottomPoints,
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

/** Which end of a CES scale means least effort. */
export type CesDirection = 'higher-is-easier' | 'lower-is-easier';

/**
 * Options of {@link ces}, {@link cesCounts} and {@link cesFromCounts}.
 * `interval` takes a proportion method (Wilson by default) and also adds
 * `meanInterval`, the Student t interval of `mean`, at the same level.
 */
export interface CesOptions extends RoundingOptions, MissingOptions, WeightsOptions, IntervalOptions<PointIntervalOption> {
  /** The answer scale. Default `{ min: 1, max: 7 }` (CES 2.0); the sources also use 0-3, 0-5 and 0-10. */
  readonly scale?: Scale;
  /** `'higher-is-easier'` (default: the top point is "very easy") or `'lower-is-easier'` (the bottom point is least effort). */
  readonly direction?: CesDirection;
  /**
   * The scale points that count as easy. Default: the two easiest points
   * (the top two, or the bottom two when lower is easier); the single easiest
   * point on a scale of two or three points.
   */
  readonly easy?: readonly number[];
  /** Text label to scale point (`{ 'very easy': 7, ... }`), so responses may be text. Labels match exactly. */
  readonly labels?: Readonly<Record<string, number>>;
}

/** The tally CES is computed from. Merge tallies with `mergeCounts`. */
export type CesCounts = PointCounts<'ces'>;

/** The result of {@link ces} and {@link cesFromCounts}. */
export interface CesResult {
  /** The metric's name, as in the registry. */
  readonly metric: 'ces';
  /** The unit of `value`: percent. */
  readonly unit: 'percent';
  /** Easy answers as a percent of all answers; `null` when there are none. */
  readonly value: number | null;
  /** Answers counted (missing answers excluded). */
  readonly total: number;
  /** Answers on the easy points, with their percent of all answers (equal to `value`). */
  readonly easy: Share;
  /** The mean answer on the scale, in the scale's own direction; `null` when there are no answers. */
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

const METRIC = 'ces' satisfies MetricName;

const SPEC: PointScaleSpec = {
  metric: METRIC,
  selectedKey: 'easy',
  defaultScale: { min: 1, max: 7 },
  defaultSelected: (scale, o) => (o.direction === 'lower-is-easier' ? bottomPoints(scale) : topPoints(scale)),
};
const optionsSchema = /* @__PURE__ */ lazy(() =>
  pointScaleOptionsSchema(SPEC, {
    direction: z.optional(z.enum(['higher-is-easier', 'lower-is-easier'], expected('"higher-is-easier" or "lower-is-easier"'))),
  }),
);

function parseOptions(options: unknown): PointScaleSettings {
  return parsePointScaleOptions(SPEC, optionsSchema(), options);
}

/**
 * Customer Effort Score: the percent of answers that found dealing with you easy.
 *
 * `CES = 100 * (easy + very easy) / total` on "how easy was it to ...?".
 * By default the scale is 1-7 and its top two points count as easy; for an
 * effort scale where the lowest point means least effort, set `direction:
 * 'lower-is-easier'`. The result also carries the mean score and the sample
 * variance of the answers.
 *
 * With `interval`, the result carries a confidence interval for the percent
 * (Wilson by default) and a Student t interval for the mean. With
 * `weights`, shares, the mean and the variance are weighted and intervals
 * use Kish's effective sample size. `warnings` flags small samples.
 *
 * @param responses - Answers: integers on the scale, or text labels when `labels` is set.
 * @param options - Scale, direction, easy points, labels, missing answers, weights, interval, output rounding.
 * @returns The percent easy, the mean and the distribution; `value` and
 *   `mean` are `null` when there are no answers (or their weights sum to 0).
 * @throws {@link MetricsError} when an answer is not on the scale or is an
 *   unknown label (`path` is `['responses', index]`), or an option is invalid.
 * @example
 * ces([7, 6, 5, 2, 7]).value // => 60
 * ces([0, 1, 3], { scale: { min: 0, max: 3 } }).easy // => { count: 1, percent: 33.333333333333336 }
 * ces([1, 2, 5], { scale: { min: 1, max: 5 }, direction: 'lower-is-easier' }).value // => 66.66666666666667
 * ces([7, 6, 1], { weights: [1, 1, 2] }).value // => 50
 * ces([7, 6, 1], { interval: { method: 'jeffreys', level: 0.9 } }).interval.method // => 'jeffreys'
 */
export function ces(responses: ResponseInput, options?: CesOptions): CesResult {
  const parsed = parseOptions(options);
  return fromTally(tally(responses, parsed), parsed);
}

/**
 * The CES tally of `responses`: answers per scale point. Tallies of parts of
 * the data merge with `mergeCounts` into the tally of the whole.
 *
 * @param responses - Answers, as for {@link ces}.
 * @param options - As for {@link ces}; the scale, labels, missing answers and weights are used.
 * @throws {@link MetricsError} as {@link ces} does.
 * @example
 * cesCounts(['very easy', 'easy'], { labels: { 'very easy': 7, easy: 6 } }) // => { metric: 'ces', points: { 6: 1, 7: 1 }, excluded: 0 }
 */
export function cesCounts(responses: ResponseInput, options?: CesOptions): CesCounts {
  return deepFreeze(tally(responses, parseOptions(options)));
}

/**
 * CES from a tally of answers per scale point: from {@link cesCounts},
 * merged tallies, or a distribution you already have.
 *
 * @param counts - `{ points: { [point]: count } }` on the scale, and
 *   `weights` as {@link cesCounts} makes them.
 * @param options - Scale, direction, easy points, interval and output
 *   rounding, as for {@link ces} (`weights` is checked and unused: a
 *   weighted tally carries its weights).
 * @throws {@link MetricsError} when a point is off the scale or a count is not
 *   a non-negative integer (`path` is `['counts', 'points', point]`), or the
 *   weight sums do not fit the counts (`['counts', 'weights', ...]`).
 * @example
 * cesFromCounts({ points: { 1: 5, 4: 20, 6: 40, 7: 35 } }).value // => 75
 * cesFromCounts({ points: { 1: 5, 4: 20, 6: 40, 7: 35 } }, { interval: true, decimals: 1 }).interval.lower // => 65.7
 */
export function cesFromCounts(counts: Omit<CesCounts, 'metric' | 'excluded'> & Partial<CesCounts>, options?: CesOptions): CesResult {
  const parsed = parseOptions(options);
  checkUnusedWeights(METRIC, parsed.weights);
  return fromTally(parseCounts(counts, parsed), parsed);
}

function tally(responses: unknown, parsed: PointScaleSettings): CesCounts {
  return tallyPoints(METRIC, 'responses', responses, parsed);
}

function parseCounts(counts: unknown, parsed: PointScaleSettings): CesCounts {
  return parsePointCounts(METRIC, counts, parsed.scale);
}

function fromTally(counts: CesCounts, parsed: PointScaleSettings): CesResult {
  const s = summarisePoints(counts, parsed);
  return deepFreeze<CesResult>({
    metric: METRIC,
    unit: 'percent',
    value: s.value,
    total: s.total,
    easy: s.selected,
    mean: s.mean,
    variance: s.variance,
    distribution: s.distribution,
    excluded: counts.excluded,
    ...s.inference,
  });
}
