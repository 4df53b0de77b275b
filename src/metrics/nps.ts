/**
 * Net Promoter Score.
 */
import * as z from 'zod/mini';
import { fail } from '../core/contract/errors.js';
import { lazy } from '../core/contract/lazy.js';
import type { IntervalOptions, MissingOptions, RoundingOptions, WeightsOptions } from '../core/contract/options.js';
import { type MetricName, unreachable } from '../core/contract/registry.js';
import { deepFreeze } from '../core/contract/result.js';
import { countSchema, formatOf, plainObject } from '../core/contract/schemas.js';
import { safeTotal } from '../core/contract/tally.js';
import type { Scale, ScoreInput, Share } from '../core/contract/types.js';
import { expected, parse } from '../core/contract/validate.js';
import type { Derived, OutputFormat } from '../core/exact/decimal.js';
import { partialsOf } from '../core/exact/exact-sum.js';
import type { IntervalBounds } from '../core/stats/bounds.js';
import { type Interval, intervalSettings, toInterval } from '../core/stats/interval-fields.js';
import { bootstrapNpsInterval } from '../core/stats/nps-bootstrap.js';
import { NPS_INTERVAL_METHODS, npsInterval } from '../core/stats/nps-interval.js';
import { intervalWarnings, type Warning } from '../core/stats/warnings.js';
import { npsCountEstimates, npsWeightEstimates } from '../core/survey/nps-estimates.js';
import { NPS_DEFAULTS, type NpsIntervalSettings, type NpsSettings, npsOptionsSchema, type ParsedNpsInterval } from '../core/survey/nps-options.js';
import { type NpsGroup, splitHistogram, splitWeightSums } from '../core/survey/nps-score.js';
import { answerCount, type TallyContext, tallyScale, tallyScaleWeighted } from '../core/survey/scores.js';
import { checkUnusedWeights, partialsSchema, readWeights, type WeightedSummary } from '../core/survey/weights.js';

/**
 * The `interval` option of NPS: `true` for the defaults, or `{ level?,
 * method? }` with a method of the NPS family (see the interval methods
 * guide, `docs/guides/interval-methods.md`). `resamples` and `seed` go only
 * with `method: 'bootstrap'`.
 */
export type NpsIntervalOption =
  | boolean
  | {
      /** The confidence level, strictly between 0 and 1. Default 0.95. */
      readonly level?: number;
      /** `'adjusted-wald'` (default) or `'wald'`. */
      readonly method?: 'adjusted-wald' | 'wald';
    }
  | {
      /** The confidence level, strictly between 0 and 1. Default 0.95. */
      readonly level?: number;
      /** The seeded percentile bootstrap of the score; not with `weights`. */
      readonly method: 'bootstrap';
      /** Resamples drawn: an integer from 100 to 100,000. Default 2000. */
      readonly resamples?: number;
      /** Seed of the random numbers: a safe integer. Default 1. The same seed gives the same interval on every machine. */
      readonly seed?: number;
    };

/** Options of {@link nps}, {@link npsCounts} and {@link npsFromCounts}. */
export interface NpsOptions extends RoundingOptions, MissingOptions, WeightsOptions, IntervalOptions<NpsIntervalOption> {
  /** The answer scale. Default `{ min: 0, max: 10 }`; one source uses 1-10. */
  readonly scale?: Scale;
  /** Lowest answer that makes a promoter. Default 9. */
  readonly promoterMin?: number;
  /** Highest answer that makes a detractor. Default 6. */
  readonly detractorMax?: number;
}

/** The exact weight sums of a weighted NPS tally, each as a list of partial sums. Merge tallies with `mergeCounts`. */
export interface NpsWeights {
  /** Answers whose weights are summed here: equals the answers in the tally. */
  readonly count: number;
  /** Partial sums of the promoters' weights: their exact sum is the weight sum. */
  readonly promoters: readonly number[];
  /** Partial sums of the passives' weights: their exact sum is the weight sum. */
  readonly passives: readonly number[];
  /** Partial sums of the detractors' weights: their exact sum is the weight sum. */
  readonly detractors: readonly number[];
  /** Partial sums of the squared weights of every answer. */
  readonly squares: readonly number[];
}

/** The tally NPS is computed from. Merge tallies with `mergeCounts`. */
export interface NpsCounts {
  /** The metric the tally is for: `'nps'`. */
  readonly metric: 'nps';
  /** Answers at or above `promoterMin` (9-10 by default). */
  readonly promoters: number;
  /** Answers between the cut-offs (7-8 by default): in the total, in neither group. */
  readonly passives: number;
  /** Answers at or below `detractorMax` (0-6 by default). */
  readonly detractors: number;
  /** Missing answers skipped under `missing: 'exclude'`. */
  readonly excluded: number;
  /** The weight sums, when the answers were weighted. */
  readonly weights?: NpsWeights;
}

/** The result of {@link nps} and {@link npsFromCounts}. */
export interface NpsResult {
  /** The metric's name, as in the registry. */
  readonly metric: 'nps';
  /** The unit of `value`: points (percent promoters minus percent detractors). */
  readonly unit: 'points';
  /** % promoters - % detractors, from -100 to 100; `null` when there are no answers. */
  readonly value: number | null;
  /** Answers counted (missing answers excluded). */
  readonly total: number;
  /** Answers at or above `promoterMin` (9-10 by default), with their percent of all answers. */
  readonly promoters: Share;
  /** Answers between the cut-offs (7-8 by default), with their percent of all answers. */
  readonly passives: Share;
  /** Answers at or below `detractorMax` (0-6 by default), with their percent of all answers. */
  readonly detractors: Share;
  /** Missing answers skipped under `missing: 'exclude'`. */
  readonly excluded: number;
  /** The total weight and Kish's effective sample size; present only when the answers were weighted. */
  readonly weighted?: WeightedSummary;
  /** The interval of `value`, in points; present only when `interval` was asked for, `null` when there are no answers. */
  readonly interval?: Interval | null;
  /** Cautions about the result (`small-sample`, `interval-clamped`, `degenerate-wald`); empty when there are none. */
  readonly warnings: readonly Warning[];
}

const METRIC = 'nps' satisfies MetricName;

/**
 * Net Promoter Score: the share of promoters minus the share of detractors.
 *
 * `NPS = 100 * (promoters - detractors) / total` on the 0-10 question "how
 * likely are you to recommend us to a friend?": promoters answer 9-10,
 * passives 7-8, detractors 0-6. Passives count in the total but in neither
 * group. The score is computed from the exact counts, not from rounded shares.
 *
 * With `interval`, the result carries a confidence interval for the score:
 * adjusted Wald (default), Wald, or a seeded percentile bootstrap. With
 * `weights`, shares and the score are weighted and intervals use Kish's
 * effective sample size. `warnings` flags fewer than 30 answers and
 * intervals cut back to [-100, 100] or of zero width.
 *
 * @param scores - Answers, integers on the scale: an array or a typed array.
 * @param options - Scale, cut-offs, missing answers, weights, interval, output rounding.
 * @returns The score and each group's count and percent; `value` is `null`
 *   when there are no answers (or their weights sum to 0).
 * @throws {@link MetricsError} when an answer is not an integer on the scale
 *   (`path` is `['scores', index]`), a weight is bad (`['options', 'weights', index]`)
 *   or an option is invalid (`['options', ...]`).
 * @example
 * nps([10, 9, 8, 6, 10]).value // => 40
 * nps([10, 9, 8, 6, 10]).detractors // => { count: 1, percent: 20 }
 * nps([]).value // => null
 * nps([10, 1, 7], { scale: { min: 1, max: 10 }, decimals: 1 }).value // => 0
 * nps([10, 9, 8, 6, 10]).warnings.map((w) => w.code) // => ['small-sample']
 * nps([10, 9, 9, 10, 8, 7, 8, 6, 3, 0], { interval: true, decimals: 2 }).interval // => { lower: -36.06, upper: 51.45, level: 0.95, method: 'adjusted-wald', standardError: 22.33, clamped: false }
 * nps([10, 6], { weights: [3, 1] }).value // => 50
 * nps([10, 6], { weights: [3, 1] }).weighted // => { totalWeight: 4, effectiveSampleSize: 1.6 }
 */
export function nps(scores: ScoreInput, options?: NpsOptions): NpsResult {
  const parsed = parseOptions(options);
  return fromTally(tally(scores, parsed), parsed);
}

/**
 * The NPS tally of `scores`: how many promoters, passives and detractors,
 * and how many missing answers were skipped. Tallies of parts of the data
 * merge with `mergeCounts` into the tally of the whole.
 *
 * With `weights`, the tally also carries `weights`: the exact weight sum of
 * each group and of the squared weights, each as a short list of partial
 * sums (doubles whose exact sum is the sum), so that merging stays exact.
 *
 * @param scores - Answers, as for {@link nps}.
 * @param options - Scale, cut-offs, missing answers and weights, as for {@link nps}.
 * @throws {@link MetricsError} as {@link nps} does.
 * @example
 * npsCounts([10, 9, 8, 6, 10]) // => { metric: 'nps', promoters: 3, passives: 1, detractors: 1, excluded: 0 }
 * npsCounts([10, 6], { weights: [3, 1] }).weights // => { count: 2, promoters: [3], passives: [], detractors: [1], squares: [10] }
 */
export function npsCounts(scores: ScoreInput, options?: NpsOptions): NpsCounts {
  return deepFreeze(tally(scores, parseOptions(options)));
}

/**
 * NPS from a tally: from {@link npsCounts}, from merged tallies, or from
 * group counts you already have.
 *
 * @param counts - `{ promoters, passives, detractors }`, non-negative
 *   integers, and `weights` as {@link npsCounts} makes them.
 * @param options - Interval and output rounding (the other NPS options are
 *   checked and unused: a weighted tally carries its weights).
 * @throws {@link MetricsError} when a count is not a non-negative integer
 *   (`path` is `['counts', field]`), or the weight sums do not fit the
 *   counts (`['counts', 'weights', ...]`).
 * @example
 * npsFromCounts({ promoters: 50, passives: 30, detractors: 20 }).value // => 30
 * npsFromCounts({ promoters: 1, passives: 1, detractors: 1 }, { decimals: 1 }).promoters // => { count: 1, percent: 33.4 }
 * npsFromCounts({ promoters: 10, passives: 0, detractors: 0 }, { interval: { method: 'wald' } }).warnings.map((w) => w.code) // => ['small-sample', 'degenerate-wald']
 */
export function npsFromCounts(counts: Omit<NpsCounts, 'metric' | 'excluded'> & Partial<NpsCounts>, options?: NpsOptions): NpsResult {
  const parsed = parseOptions(options);
  checkUnusedWeights(METRIC, parsed.weights);
  const given = parseCounts(counts);
  if (given.weights !== undefined && parsed.interval?.method === 'bootstrap') {
    const message = "expected 'adjusted-wald' or 'wald' for a weighted tally: the bootstrap resamples unweighted answers";
    fail(METRIC, 'inconsistent', ['options', 'interval', 'method'], message);
  }
  return fromTally(given, parsed);
}

function parseOptions(options: unknown): NpsSettings {
  const o = parse(METRIC, npsOptionsSchema(), options, ['options']) ?? {};
  const interval = o.interval as ParsedNpsInterval;
  const settings = intervalSettings(interval, NPS_INTERVAL_METHODS[0]);
  const bootstrap = typeof interval === 'object' ? interval : {};
  return {
    scale: o.scale ?? NPS_DEFAULTS.scale,
    promoterMin: o.promoterMin ?? NPS_DEFAULTS.promoterMin,
    detractorMax: o.detractorMax ?? NPS_DEFAULTS.detractorMax,
    missing: o.missing ?? 'error',
    format: formatOf(o),
    interval: settings === null ? null : { ...settings, resamples: bootstrap.resamples ?? NPS_DEFAULTS.resamples, seed: bootstrap.seed ?? NPS_DEFAULTS.seed },
    weights: o.weights,
  };
}

function tally(scores: ScoreInput, parsed: NpsSettings): NpsCounts {
  const ctx: TallyContext = { metric: METRIC, argument: 'scores', scale: parsed.scale, missing: parsed.missing };
  const length = parsed.weights === undefined ? null : answerCount(scores);
  if (length === null) {
    // Unweighted, or not an array: tallyScale reports the bad argument.
    const { histogram, excluded } = tallyScale(scores, ctx);
    return { metric: METRIC, ...splitHistogram(histogram, parsed.scale.min, parsed), excluded };
  }
  const weighted = tallyScaleWeighted(scores, readWeights(METRIC, parsed.weights, length), ctx);
  const counts = splitHistogram(weighted.histogram, parsed.scale.min, parsed);
  const sums = splitWeightSums(weighted.weights, parsed.scale.min, parsed);
  const weights: NpsWeights = {
    count: counts.promoters + counts.passives + counts.detractors,
    promoters: partialsOf(sums.promoters),
    passives: partialsOf(sums.passives),
    detractors: partialsOf(sums.detractors),
    squares: weighted.squares,
  };
  return { metric: METRIC, ...counts, excluded: weighted.excluded, weights };
}

const countsSchema = /* @__PURE__ */ lazy(() =>
  plainObject(
    {
      metric: z.optional(z.literal(METRIC, expected(JSON.stringify(METRIC)))),
      promoters: countSchema(),
      passives: countSchema(),
      detractors: countSchema(),
      excluded: z.optional(countSchema()),
      weights: z.optional(
        plainObject(
          { count: countSchema(), promoters: partialsSchema(), passives: partialsSchema(), detractors: partialsSchema(), squares: partialsSchema() },
          expected('weight sums { count, promoters, passives, detractors, squares }'),
        ),
      ),
    },
    expected('an NPS tally { promoters, passives, detractors }'),
  ),
);

function parseCounts(counts: unknown): NpsCounts {
  const c = parse(METRIC, countsSchema(), counts, ['counts']);
  const { promoters, passives, detractors } = c;
  return { metric: METRIC, promoters, passives, detractors, excluded: c.excluded ?? 0, ...(c.weights === undefined ? {} : { weights: c.weights }) };
}

function fromTally(c: NpsCounts, parsed: Pick<NpsSettings, 'format' | 'interval'>): NpsResult {
  const total = safeTotal(METRIC, [c.promoters, c.passives, c.detractors], ['counts']);
  const e = c.weights === undefined ? npsCountEstimates(c, total, parsed.format) : npsWeightEstimates(METRIC, c, c.weights, total, parsed.format);
  const interval = parsed.interval === null ? undefined : scoreInterval(c, e.intervalCounts, parsed.interval, parsed.format);
  return deepFreeze<NpsResult>({
    metric: METRIC,
    unit: 'points',
    value: e.value,
    total,
    promoters: e.shares.promoters,
    passives: e.shares.passives,
    detractors: e.shares.detractors,
    excluded: c.excluded,
    ...(e.weighted === null ? {} : { weighted: e.weighted }),
    ...(interval === undefined ? {} : { interval }),
    warnings: [...e.warnings, ...intervalWarnings(interval ?? null)],
  });
}

/** The interval of the score: by the normal methods on `counts` (effective counts under weights), or by the bootstrap on the tally's counts. */
function scoreInterval(c: NpsCounts, counts: Readonly<Record<NpsGroup, number>>, settings: NpsIntervalSettings, format: OutputFormat): Interval | null {
  const bounds = scoreBounds(c, counts, settings);
  return bounds === null ? null : toInterval(bounds, settings, format);
}

function scoreBounds(c: NpsCounts, counts: Readonly<Record<NpsGroup, number>>, settings: NpsIntervalSettings): IntervalBounds<Derived> | null {
  const method = settings.method;
  switch (method) {
    case 'adjusted-wald':
    case 'wald':
      return npsInterval(counts.promoters, counts.passives, counts.detractors, settings.level, method);
    case 'bootstrap':
      return bootstrapNpsInterval(c, settings.level, settings.resamples, settings.seed);
    default:
      return unreachable(method);
  }
}
