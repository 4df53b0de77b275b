/**
 * Net Promoter Score.
 */
import { z } from 'zod';
import { MetricsError } from '../core/contract/errors.js';
import type { RoundingOptions, WeightsInput } from '../core/contract/options.js';
import { deepFreeze, safeTotal } from '../core/contract/result.js';
import { countSchema, formatOf, integerSchema, missingSchema, optionsObject, roundingFields, scaleSchema } from '../core/contract/schemas.js';
import type { MissingPolicy, Scale, ScoreInput, Share } from '../core/contract/types.js';
import { customIssue, expected, parse } from '../core/contract/validate.js';
import { Dec, type OutputFormat, output, outputOrNull, toNumber } from '../core/exact/decimal.js';
import { type Dyadic, dyadicAdd, dyadicMul, dyadicRatio, dyadicSign, dyadicSub, exactSum, partialsOf } from '../core/exact/exact-sum.js';
import { countShares, weightShares } from '../core/exact/shares.js';
import { bootstrapNpsInterval } from '../core/stats/bootstrap.js';
import { type Interval, intervalSchema, intervalSettings, intervalWarnings, sampleWarnings, toInterval, type Warning } from '../core/stats/inference.js';
import { npsInterval } from '../core/stats/intervals.js';
import { answerCount, tallyScale, tallyScaleWeighted } from '../core/survey/scores.js';
import {
  checkWeightSums,
  effectiveSampleWarnings,
  effectiveSize,
  partialsSchema,
  readWeights,
  type WeightedSummary,
  weightedSummary,
} from '../core/survey/weights.js';

/** The `interval` option of NPS. `resamples` and `seed` go only with `method: 'bootstrap'`. */
export type NpsIntervalOption =
  | boolean
  | { readonly level?: number; readonly method?: 'adjusted-wald' | 'wald' }
  | {
      readonly level?: number;
      readonly method: 'bootstrap';
      /** Resamples drawn: an integer from 100 to 100,000. Default 2000. */
      readonly resamples?: number;
      /** Seed of the random numbers: a safe integer. Default 1. The same seed gives the same interval on every machine. */
      readonly seed?: number;
    };

/** Options of {@link nps}, {@link npsCounts} and {@link npsFromCounts}. */
export interface NpsOptions extends RoundingOptions {
  /** The answer scale. Default `{ min: 0, max: 10 }`; one source uses 1-10. */
  readonly scale?: Scale;
  /** Lowest answer that makes a promoter. Default 9. */
  readonly promoterMin?: number;
  /** Highest answer that makes a detractor. Default 6. */
  readonly detractorMax?: number;
  /** `'error'` (default) throws on `null`, `undefined` or `NaN`; `'exclude'` skips them and counts them in `excluded`. */
  readonly missing?: MissingPolicy;
  /**
   * One weight per answer (0, or a number from 1e-100 to 1e100): shares and
   * the score are then weighted, counts stay raw counts, and intervals use
   * Kish's effective sample size. A missing answer skipped under `missing:
   * 'exclude'` drops its weight too.
   */
  readonly weights?: WeightsInput;
  /**
   * `true` or `{ level?, method? }` adds `interval`, in points, at `level`
   * (default 0.95): `method` `'adjusted-wald'` (default), `'wald'`, or
   * `'bootstrap'` with `resamples` (default 2000) and `seed` (default 1).
   */
  readonly interval?: NpsIntervalOption;
}

/** The exact weight sums of a weighted NPS tally, each as a list of partial sums. Merge tallies with `mergeCounts`. */
export interface NpsWeights {
  /** Answers whose weights are summed here: equals the answers in the tally. */
  readonly count: number;
  /** Partial sums of the promoters' weights: their exact sum is the weight sum. */
  readonly promoters: readonly number[];
  readonly passives: readonly number[];
  readonly detractors: readonly number[];
  /** Partial sums of the squared weights of every answer. */
  readonly squares: readonly number[];
}

/** The tally NPS is computed from. Merge tallies with `mergeCounts`. */
export interface NpsCounts {
  readonly metric: 'nps';
  readonly promoters: number;
  readonly passives: number;
  readonly detractors: number;
  /** Missing answers skipped under `missing: 'exclude'`. */
  readonly excluded: number;
  /** The weight sums, when the answers were weighted. */
  readonly weights?: NpsWeights;
}

/** The result of {@link nps} and {@link npsFromCounts}. */
export interface NpsResult {
  readonly metric: 'nps';
  readonly unit: 'points';
  /** % promoters - % detractors, from -100 to 100; `null` when there are no answers. */
  readonly value: number | null;
  /** Answers counted (missing answers excluded). */
  readonly total: number;
  readonly promoters: Share;
  readonly passives: Share;
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

type NpsMethod = 'adjusted-wald' | 'wald' | 'bootstrap';

interface NpsIntervalSettings {
  readonly level: number;
  readonly method: NpsMethod;
  readonly resamples: number;
  readonly seed: number;
}

interface ParsedNpsOptions {
  readonly scale: Scale;
  readonly promoterMin: number;
  readonly detractorMax: number;
  readonly missing: MissingPolicy;
  readonly format: OutputFormat;
  readonly interval: NpsIntervalSettings | null;
  readonly weights: unknown;
}

const RESAMPLES = 'an integer from 100 to 100000';
const npsIntervalSchema = intervalSchema(['adjusted-wald', 'wald', 'bootstrap'], {
  resamples: z
    .number(expected(RESAMPLES))
    .refine((r) => Number.isInteger(r) && r >= 100 && r <= 100000, { ...expected(RESAMPLES), params: { code: 'out-of-range' } })
    .optional(),
  seed: z
    .number(expected('a safe integer'))
    .refine((r) => Number.isSafeInteger(r), { ...expected('a safe integer'), params: { code: 'out-of-range' } })
    .optional(),
});

const npsOptionsSchema = optionsObject({
  scale: scaleSchema.optional(),
  promoterMin: integerSchema.optional(),
  detractorMax: integerSchema.optional(),
  missing: missingSchema.optional(),
  interval: npsIntervalSchema,
  // Checked by readWeights in one loop, never element by element in zod.
  weights: z.unknown().optional(),
  ...roundingFields,
}).superRefine((o, ctx) => {
  if (o === undefined) return;
  const interval = o.interval as { method?: string; resamples?: number; seed?: number } | boolean | undefined;
  if (typeof interval === 'object') {
    for (const key of ['resamples', 'seed'] as const) {
      if (interval[key] !== undefined && interval.method !== 'bootstrap') {
        ctx.addIssue(
          customIssue(
            'inconsistent',
            ['interval', key],
            `expected ${key} only with method: 'bootstrap', received it with ${JSON.stringify(interval.method ?? 'adjusted-wald')}`,
            interval[key],
          ),
        );
      }
    }
    if (interval.method === 'bootstrap' && o.weights !== undefined) {
      ctx.addIssue(
        customIssue(
          'inconsistent',
          ['interval', 'method'],
          "expected 'adjusted-wald' or 'wald' with weights: the bootstrap resamples unweighted answers",
          interval.method,
        ),
      );
    }
  }
  const scale = o.scale ?? { min: 0, max: 10 };
  const promoterMin = o.promoterMin ?? 9;
  const detractorMax = o.detractorMax ?? 6;
  if (promoterMin < scale.min || promoterMin > scale.max) {
    ctx.addIssue(
      customIssue('out-of-range', ['promoterMin'], `expected promoterMin on the scale ${scale.min} to ${scale.max}, received ${promoterMin}`, promoterMin),
    );
  }
  if (detractorMax < scale.min || detractorMax > scale.max) {
    ctx.addIssue(
      customIssue('out-of-range', ['detractorMax'], `expected detractorMax on the scale ${scale.min} to ${scale.max}, received ${detractorMax}`, detractorMax),
    );
  } else if (detractorMax >= promoterMin) {
    ctx.addIssue(
      customIssue('inconsistent', ['detractorMax'], `expected detractorMax below promoterMin (${promoterMin}), received ${detractorMax}`, detractorMax),
    );
  }
});

function parseNpsOptions(options: unknown): ParsedNpsOptions {
  const o = parse('nps', npsOptionsSchema, options, ['options']) ?? {};
  const option = o.interval as boolean | { level?: number; method?: NpsMethod; resamples?: number; seed?: number } | undefined;
  const settings = intervalSettings(option, 'adjusted-wald' as NpsMethod);
  const extra = typeof option === 'object' ? option : {};
  return {
    scale: o.scale ?? { min: 0, max: 10 },
    promoterMin: o.promoterMin ?? 9,
    detractorMax: o.detractorMax ?? 6,
    missing: o.missing ?? 'error',
    format: formatOf(o),
    interval: settings === null ? null : { ...settings, resamples: extra.resamples ?? 2000, seed: extra.seed ?? 1 },
    weights: o.weights,
  };
}

const npsCountsSchema = z.strictObject(
  {
    metric: z.literal('nps', expected('"nps"')).optional(),
    promoters: countSchema,
    passives: countSchema,
    detractors: countSchema,
    excluded: countSchema.optional(),
    weights: z
      .strictObject(
        { count: countSchema, promoters: partialsSchema, passives: partialsSchema, detractors: partialsSchema, squares: partialsSchema },
        expected('weight sums { count, promoters, passives, detractors, squares }'),
      )
      .optional(),
  },
  expected('an NPS tally { promoters, passives, detractors }'),
);

const GROUPS = ['promoters', 'passives', 'detractors'] as const;

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
  const parsed = parseNpsOptions(options);
  return npsResult(tallyNps(scores, parsed), parsed);
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
  return tallyNps(scores, parseNpsOptions(options));
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
  const parsed = parseNpsOptions(options);
  // The weights of a tally are in the tally; the option is checked and not used.
  if (parsed.weights !== undefined) readWeights('nps', parsed.weights, null);
  const c = parse('nps', npsCountsSchema, counts, ['counts']);
  const tally: NpsCounts = { metric: 'nps', promoters: c.promoters, passives: c.passives, detractors: c.detractors, excluded: c.excluded ?? 0 };
  if (c.weights === undefined) return npsResult(tally, parsed);
  if (parsed.interval?.method === 'bootstrap') {
    throw new MetricsError('nps', [
      {
        code: 'inconsistent',
        path: ['options', 'interval', 'method'],
        message: "expected 'adjusted-wald' or 'wald' for a weighted tally: the bootstrap resamples unweighted answers",
      },
    ]);
  }
  return npsResult({ ...tally, weights: c.weights }, parsed);
}

function tallyNps(scores: ScoreInput, o: ParsedNpsOptions): NpsCounts {
  const ctx = { metric: 'nps', argument: 'scores', scale: o.scale, missing: o.missing };
  const length = o.weights === undefined ? null : answerCount(scores);
  if (length === null) {
    // Unweighted, or not an array: tallyScale reports the bad argument.
    const { histogram, excluded } = tallyScale(scores, ctx);
    return { metric: 'nps', ...group(histogram, o), excluded };
  }
  const tally = tallyScaleWeighted(scores, readWeights('nps', o.weights, length), ctx);
  const zero: Dyadic = { mantissa: 0n, exponent: 0 };
  const sums = { promoters: zero, passives: zero, detractors: zero };
  tally.weights.forEach((partials, k) => {
    const g = groupOf(o.scale.min + k, o);
    sums[g] = dyadicAdd(sums[g], exactSum(partials));
  });
  const counts = group(tally.histogram, o);
  const weights: NpsWeights = {
    count: counts.promoters + counts.passives + counts.detractors,
    promoters: partialsOf(sums.promoters),
    passives: partialsOf(sums.passives),
    detractors: partialsOf(sums.detractors),
    squares: tally.squares,
  };
  return { metric: 'nps', ...counts, excluded: tally.excluded, weights };
}

function groupOf(point: number, o: ParsedNpsOptions): (typeof GROUPS)[number] {
  return point >= o.promoterMin ? 'promoters' : point <= o.detractorMax ? 'detractors' : 'passives';
}

function group(histogram: Float64Array, o: ParsedNpsOptions): { promoters: number; passives: number; detractors: number } {
  let promoters = 0;
  let passives = 0;
  let detractors = 0;
  for (let k = 0; k < histogram.length; k++) {
    const point = o.scale.min + k;
    const c = histogram[k]!;
    if (point >= o.promoterMin) promoters += c;
    else if (point <= o.detractorMax) detractors += c;
    else passives += c;
  }
  return { promoters, passives, detractors };
}

/** What the result needs besides the counts: shares, score, interval and warnings, unweighted or weighted. */
interface Estimates {
  readonly percents: readonly (number | null)[];
  readonly value: number | null;
  readonly weighted: WeightedSummary | null;
  /** The counts an interval is built from: the raw counts, or the effective counts under weights. */
  readonly intervalCounts: readonly [number, number, number];
  readonly warnings: readonly Warning[];
}

function npsResult(c: NpsCounts, o: Pick<ParsedNpsOptions, 'format' | 'interval'>): NpsResult {
  const total = safeTotal('nps', [c.promoters, c.passives, c.detractors], ['counts']);
  const e = c.weights === undefined ? unweighted(c, total, o.format) : weighted(c, c.weights, total, o.format);
  const interval = o.interval === null ? undefined : npsIntervalOf(c, e.intervalCounts, o.interval, o.format);
  const result: Record<string, unknown> = {
    metric: 'nps',
    unit: 'points',
    value: e.value,
    total,
    promoters: { count: c.promoters, percent: e.percents[0]! },
    passives: { count: c.passives, percent: e.percents[1]! },
    detractors: { count: c.detractors, percent: e.percents[2]! },
    excluded: c.excluded,
  };
  if (e.weighted !== null) result.weighted = e.weighted;
  if (interval !== undefined) result.interval = interval;
  result.warnings = [...e.warnings, ...intervalWarnings(interval ?? null)];
  return deepFreeze(result as unknown as NpsResult);
}

function unweighted(c: NpsCounts, total: number, format: OutputFormat): Estimates {
  return {
    percents: countShares([c.promoters, c.passives, c.detractors], format),
    value: total === 0 ? null : output(new Dec(c.promoters - c.detractors).times(100).dividedBy(total), format),
    weighted: null,
    intervalCounts: [c.promoters, c.passives, c.detractors],
    warnings: sampleWarnings(total),
  };
}

function weighted(c: NpsCounts, weights: NpsWeights, total: number, format: OutputFormat): Estimates {
  const groups = GROUPS.map((g) => ({ path: [g], count: c[g], partials: weights[g] }));
  const { sums, sum, squares } = checkWeightSums('nps', weights, groups, total);
  const nEff = effectiveSize(sum, squares);
  // Effective counts: each group's share of the effective sample size, W_g Σw / Σw².
  const effective = sums.map((w) => toNumber(dyadicRatio(dyadicMul(w, sum), squares) ?? new Dec(0)));
  return {
    percents: weightShares(sums, format),
    value: outputOrNull(dyadicRatio(dyadicMul(dyadicSub(sums[0]!, sums[2]!), 100), sum), format),
    weighted: weightedSummary(sum, squares, format),
    intervalCounts: [effective[0]!, effective[1]!, effective[2]!],
    warnings: effectiveSampleWarnings(toNumber(nEff)),
  };
}

function npsIntervalOf(c: NpsCounts, counts: readonly [number, number, number], settings: NpsIntervalSettings, format: OutputFormat): Interval | null {
  const [promoters, passives, detractors] = counts;
  const bounds =
    settings.method === 'bootstrap'
      ? bootstrapNpsInterval({ promoters: c.promoters, passives: c.passives, detractors: c.detractors }, settings.level, settings.resamples, settings.seed)
      : npsInterval(promoters, passives, detractors, settings.level, settings.method);
  return bounds === null ? null : toInterval(bounds, { level: settings.level, method: settings.method }, format);
}
