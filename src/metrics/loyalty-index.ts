/**
 * Customer Loyalty Index.
 */
import * as z from 'zod/mini';
import { fail } from '../core/contract/errors.js';
import { lazy } from '../core/contract/lazy.js';
import type { IntervalOptions, MissingOptions, RoundingOptions } from '../core/contract/options.js';
import type { MetricName } from '../core/contract/registry.js';
import { deepFreeze } from '../core/contract/result.js';
import { countSchema, formatOf, integerSchema, missingSchema, optionsObject, plainObject, roundingFields, scaleSchema } from '../core/contract/schemas.js';
import type { MissingPolicy, Scale } from '../core/contract/types.js';
import { expected, parse } from '../core/contract/validate.js';
import { Dec, type OutputFormat, outputOrNull, rationalToDec, ratioOf } from '../core/exact/decimal.js';
import { type Rational, rationalDividedBy } from '../core/exact/rational.js';
import {
  type Interval,
  type IntervalOption,
  type IntervalSettings,
  intervalSchema,
  intervalSettings,
  tInterval,
  tIntervalOf,
} from '../core/stats/interval-fields.js';
import { exactSampleVariance } from '../core/stats/mean-interval.js';
import { intervalWarnings, sampleWarnings, type Warning } from '../core/stats/warnings.js';
import { LOYALTY_QUESTIONS, sumLoyaltyAnswers } from '../core/survey/loyalty-answers.js';

/** One respondent's answers to the three loyalty questions. Other fields (an id, a date) are allowed and ignored. */
export interface LoyaltyAnswer {
  /** "How likely are you to recommend us?" (or "how would you feel if we were gone tomorrow?"). */
  readonly recommend: number | null | undefined;
  /** "How likely are you to buy from us again?" */
  readonly repurchase: number | null | undefined;
  /** "How likely are you to upgrade or buy more?" */
  readonly upsell: number | null | undefined;
}

/** How the three question means combine into the index. */
export type LoyaltyAggregate = 'sum' | 'mean';

/**
 * Options of {@link loyaltyIndex}, {@link loyaltyIndexCounts} and {@link loyaltyIndexFromCounts}.
 * Under `missing: 'exclude'` a respondent with any of the three answers
 * missing is skipped whole (so all three means are over the same
 * respondents) and counted in `excluded`. `interval` takes the Student t
 * interval, `method: 't'`, the only one.
 */
export interface LoyaltyIndexOptions extends RoundingOptions, MissingOptions, IntervalOptions<IntervalOption<'t'>> {
  /** The answer scale of all three questions. Default `{ min: 0, max: 10 }`. */
  readonly scale?: Scale;
  /** `'sum'` (default, 0-30 on the 0-10 scale, as the sources define it) or `'mean'` (0-10). */
  readonly aggregate?: LoyaltyAggregate;
}

/** The tally the loyalty index is computed from. Merge tallies with `mergeCounts`. */
export interface LoyaltyIndexCounts {
  /** The metric the tally is for: `'loyaltyIndex'`. */
  readonly metric: 'loyaltyIndex';
  /** Respondents counted. */
  readonly respondents: number;
  /** Sum of each question's answers. */
  readonly sums: {
    /** Sum of the answers to the recommend question. */
    readonly recommend: number;
    /** Sum of the answers to the repurchase question. */
    readonly repurchase: number;
    /** Sum of the answers to the upsell question. */
    readonly upsell: number;
  };
  /**
   * The sum over respondents of the square of their three-answer total,
   * `Σ (recommend + repurchase + upsell)²`: what the variance and the
   * interval of the index need. A hand-made tally may leave it out, and
   * then has neither.
   */
  readonly sumOfSquaredTotals: number;
  /** Respondents skipped under `missing: 'exclude'`. */
  readonly excluded: number;
}

/** The result of {@link loyaltyIndex} and {@link loyaltyIndexFromCounts}. */
export interface LoyaltyIndexResult {
  /** The metric's name, as in the registry. */
  readonly metric: 'loyaltyIndex';
  /** The unit of `value`: points of the answer scale (0-30 as a sum, 0-10 as a mean, on the default 0-10 scale). */
  readonly unit: 'points';
  /** The sum (or mean) of the three question means; `null` when there are no respondents. */
  readonly value: number | null;
  /** How the three question means were combined: `'sum'` or `'mean'`, as the `aggregate` option asked. */
  readonly aggregate: LoyaltyAggregate;
  /** Respondents counted. */
  readonly total: number;
  /** Mean answer to the recommend question. */
  readonly recommend: number | null;
  /** Mean answer to the repurchase question. */
  readonly repurchase: number | null;
  /** Mean answer to the upsell question. */
  readonly upsell: number | null;
  /**
   * The sample variance (`n - 1` denominator) of the respondents' index: each
   * respondent's three-answer total, or that total / 3 under `aggregate:
   * 'mean'`. `null` for fewer than 2 respondents, or a tally without
   * `sumOfSquaredTotals`.
   */
  readonly variance: number | null;
  /** Respondents skipped under `missing: 'exclude'`. */
  readonly excluded: number;
  /** The Student t interval of `value`; present only when `interval` was asked for, `null` for fewer than 2 respondents. */
  readonly interval?: Interval | null;
  /** Cautions about the result (`small-sample`); empty when there are none. */
  readonly warnings: readonly Warning[];
}

const METRIC = 'loyaltyIndex' satisfies MetricName;

/** Parsed options. */
interface Settings {
  readonly scale: Scale;
  readonly aggregate: LoyaltyAggregate;
  readonly missing: MissingPolicy;
  readonly format: OutputFormat;
  readonly interval: IntervalSettings<'t'> | null;
}

/** The defaults of the options. */
const DEFAULTS = { scale: { min: 0, max: 10 }, aggregate: 'sum' } as const satisfies Pick<Settings, 'scale' | 'aggregate'>;

const optionsSchema = /* @__PURE__ */ lazy(() =>
  optionsObject({
    scale: z.optional(scaleSchema()),
    aggregate: z.optional(z.enum(['sum', 'mean'], expected('"sum" or "mean"'))),
    missing: z.optional(missingSchema()),
    interval: intervalSchema(['t']),
    ...roundingFields(),
  }),
);

function parseOptions(options: unknown): Settings {
  const o = parse(METRIC, optionsSchema(), options, ['options']) ?? {};
  return {
    scale: o.scale ?? DEFAULTS.scale,
    aggregate: o.aggregate ?? DEFAULTS.aggregate,
    missing: o.missing ?? 'error',
    format: formatOf(o),
    interval: intervalSettings(o.interval as IntervalOption<'t'> | undefined, 't'),
  };
}

/**
 * Customer Loyalty Index: how much customers want to recommend you, buy again
 * and buy more, as one number.
 *
 * Each respondent answers three 0-10 questions; the index is the sum of the
 * three question means (0-30), or with `aggregate: 'mean'` their mean (0-10).
 * The recommend question may be replaced by "how would you feel if we were
 * gone tomorrow?" on the same scale.
 *
 * The result carries the sample variance of the respondents' index and, with
 * `interval`, its Student t interval; `warnings` flags fewer than 30
 * respondents. The index takes no weights.
 *
 * @param answers - One `{ recommend, repurchase, upsell }` per respondent.
 * @param options - Scale, aggregate, missing answers, interval, output rounding.
 * @returns The index and each question's mean; `null` when there are no respondents.
 * @throws {@link MetricsError} when an answer is not an integer on the scale
 *   (`path` is `['answers', index, question]`) or an option is invalid.
 * @example
 * const answers = [
 *   { recommend: 9, repurchase: 8, upsell: 6 },
 *   { recommend: 7, repurchase: 10, upsell: 4 },
 * ];
 * loyaltyIndex(answers).value // => 22
 * loyaltyIndex(answers).recommend // => 8
 * loyaltyIndex(answers, { aggregate: 'mean', decimals: 2 }).value // => 7.33
 * loyaltyIndex(answers).variance // => 2
 * loyaltyIndex(answers, { interval: true, decimals: 2 }).interval // => { lower: 9.29, upper: 34.71, level: 0.95, method: 't', standardError: 1, clamped: false }
 */
export function loyaltyIndex(answers: readonly LoyaltyAnswer[], options?: LoyaltyIndexOptions): LoyaltyIndexResult {
  const parsed = parseOptions(options);
  return fromTally(tally(answers, parsed), parsed);
}

/**
 * The loyalty-index tally of `answers`: respondents, each question's sum,
 * and the sum of each respondent's squared three-answer total. Tallies of
 * parts of the data merge with `mergeCounts` into the tally of the whole.
 *
 * @param answers - As for {@link loyaltyIndex}.
 * @param options - As for {@link loyaltyIndex}; the scale and missing answers are used.
 * @throws {@link MetricsError} as {@link loyaltyIndex} does.
 * @example
 * loyaltyIndexCounts([{ recommend: 9, repurchase: 8, upsell: 6 }]).sums // => { recommend: 9, repurchase: 8, upsell: 6 }
 * loyaltyIndexCounts([{ recommend: 9, repurchase: 8, upsell: 6 }]).sumOfSquaredTotals // => 529
 */
export function loyaltyIndexCounts(answers: readonly LoyaltyAnswer[], options?: LoyaltyIndexOptions): LoyaltyIndexCounts {
  return deepFreeze(tally(answers, parseOptions(options)));
}

/**
 * The loyalty index from a tally: from {@link loyaltyIndexCounts}, or merged tallies.
 *
 * @param counts - `{ respondents, sums: { recommend, repurchase, upsell }, sumOfSquaredTotals }`;
 *   without `sumOfSquaredTotals`, `variance` is `null` and an interval cannot be asked for.
 * @param options - Scale, aggregate, interval and output rounding, as for {@link loyaltyIndex}.
 * @throws {@link MetricsError} when the tally is malformed, its means fall
 *   off the scale, or its `sumOfSquaredTotals` cannot come from its sums
 *   (`path` starts with `'counts'`).
 * @example
 * loyaltyIndexFromCounts({ respondents: 4, sums: { recommend: 32, repurchase: 30, upsell: 20 } }).value // => 20.5
 */
export function loyaltyIndexFromCounts(
  counts: Omit<LoyaltyIndexCounts, 'metric' | 'excluded' | 'sumOfSquaredTotals'> & Partial<LoyaltyIndexCounts>,
  options?: LoyaltyIndexOptions,
): LoyaltyIndexResult {
  const parsed = parseOptions(options);
  return fromTally(parseCounts(counts, parsed), parsed);
}

function tally(answers: unknown, parsed: Settings): LoyaltyIndexCounts {
  return { metric: METRIC, ...sumLoyaltyAnswers(METRIC, answers, parsed.scale, parsed.missing) };
}

/** A tally as the result reads it: `sumOfSquaredTotals` is `null` when a hand-made tally left it out. */
type LoyaltyTally = Omit<LoyaltyIndexCounts, 'sumOfSquaredTotals'> & { readonly sumOfSquaredTotals: number | null };

const countsSchema = /* @__PURE__ */ lazy(() =>
  plainObject(
    {
      metric: z.optional(z.literal(METRIC, expected(JSON.stringify(METRIC)))),
      respondents: countSchema(),
      sums: plainObject({ recommend: integerSchema(), repurchase: integerSchema(), upsell: integerSchema() }, expected('{ recommend, repurchase, upsell }')),
      sumOfSquaredTotals: z.optional(countSchema()),
      excluded: z.optional(countSchema()),
    },
    expected('a loyalty-index tally'),
  ),
);

/** Validates a given tally: its sums on the scale, and a `sumOfSquaredTotals` its sums can give (required for an interval). */
function parseCounts(counts: unknown, parsed: Settings): LoyaltyTally {
  const c = parse(METRIC, countsSchema(), counts, ['counts']);
  const n = c.respondents;
  const { min, max } = parsed.scale;
  for (const q of LOYALTY_QUESTIONS) {
    const sum = c.sums[q];
    if (sum < min * n || sum > max * n) {
      fail(METRIC, 'inconsistent', ['counts', 'sums', q], `expected a sum from ${min * n} to ${max * n} for ${n} respondents, received ${sum}`);
    }
  }
  const squares = c.sumOfSquaredTotals;
  if (squares !== undefined) {
    // n Σt² >= (Σt)² (Cauchy-Schwarz) and every t² at most the largest square on the scale.
    const total = BigInt(c.sums.recommend) + BigInt(c.sums.repurchase) + BigInt(c.sums.upsell);
    const largest = BigInt(3 * Math.max(Math.abs(min), Math.abs(max)));
    if (BigInt(n) * BigInt(squares) < total * total || BigInt(squares) > BigInt(n) * largest * largest) {
      fail(
        METRIC,
        'inconsistent',
        ['counts', 'sumOfSquaredTotals'],
        `expected a sum of squared totals that ${n} respondents with these sums could give, received ${squares}`,
      );
    }
  } else if (parsed.interval !== null) {
    fail(METRIC, 'missing-value', ['counts', 'sumOfSquaredTotals'], 'expected sumOfSquaredTotals, which an interval needs, received undefined');
  }
  return { metric: METRIC, respondents: n, sums: c.sums, sumOfSquaredTotals: squares ?? null, excluded: c.excluded ?? 0 };
}

function fromTally(c: LoyaltyTally, parsed: Settings): LoyaltyIndexResult {
  const n = c.respondents;
  const format = parsed.format;
  const meanOf = (sum: number) => outputOrNull(ratioOf(sum, n), format);
  // Each sum is a safe integer; their total may not be.
  const total = BigInt(c.sums.recommend) + BigInt(c.sums.repurchase) + BigInt(c.sums.upsell);
  // 3 n may pass 2^53: the denominators are formed in BigInt.
  const divisor = parsed.aggregate === 'sum' ? 1 : 3;
  // The respondents' totals t have variance from n, Σt and Σt²; the index t / 3 has a ninth of it.
  const totalsVariance = c.sumOfSquaredTotals === null ? null : exactSampleVariance(n, total, BigInt(c.sumOfSquaredTotals));
  const variance = totalsVariance === null ? null : rationalDividedBy(totalsVariance, BigInt(divisor * divisor));
  const interval = parsed.interval === null ? undefined : indexInterval(c, total, variance, parsed.aggregate, parsed.interval, format);
  return deepFreeze<LoyaltyIndexResult>({
    metric: METRIC,
    unit: 'points',
    value: outputOrNull(ratioOf(total, BigInt(divisor) * BigInt(n)), format),
    aggregate: parsed.aggregate,
    total: n,
    recommend: meanOf(c.sums.recommend),
    repurchase: meanOf(c.sums.repurchase),
    upsell: meanOf(c.sums.upsell),
    variance: outputOrNull(variance, format),
    excluded: c.excluded,
    ...(interval === undefined ? {} : { interval }),
    warnings: [...sampleWarnings(n), ...intervalWarnings(interval ?? null)],
  });
}

/** The t interval of the index: of the totals under `'sum'`, of the totals / 3 under `'mean'`. */
function indexInterval(
  c: LoyaltyTally,
  total: bigint,
  variance: Rational | null,
  aggregate: LoyaltyAggregate,
  settings: IntervalSettings<'t'>,
  format: OutputFormat,
): Interval | null {
  const n = c.respondents;
  if (c.sumOfSquaredTotals === null || n < 2) return null;
  if (aggregate === 'sum') return tInterval(n, total, c.sumOfSquaredTotals, settings, format);
  return tIntervalOf(new Dec(n), rationalToDec(ratioOf(total, 3n * BigInt(n))!), variance === null ? null : rationalToDec(variance), settings, format);
}
