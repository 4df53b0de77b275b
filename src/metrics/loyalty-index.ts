/**
 * Customer Loyalty Index.
 */
import { z } from 'zod';
import { describe, fail, MetricsError } from '../core/contract/errors.js';
import type { RoundingOptions } from '../core/contract/options.js';
import { deepFreeze } from '../core/contract/result.js';
import { countSchema, formatOf, integerSchema, missingSchema, optionsObject, roundingFields, scaleSchema } from '../core/contract/schemas.js';
import type { MissingPolicy, Scale } from '../core/contract/types.js';
import { check, expected, parse } from '../core/contract/validate.js';
import { Dec, type OutputFormat, output, outputOrNull } from '../core/exact/decimal.js';
import {
  type Interval,
  type IntervalOption,
  type IntervalSettings,
  intervalSchema,
  intervalSettings,
  intervalWarnings,
  sampleWarnings,
  tInterval,
  type Warning,
} from '../core/stats/inference.js';
import { sampleVariance } from '../core/stats/intervals.js';
import { isMissing, scaleExpectation } from '../core/survey/scores.js';
import { tIntervalOf } from '../core/survey/weights.js';

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

/** Options of {@link loyaltyIndex}, {@link loyaltyIndexCounts} and {@link loyaltyIndexFromCounts}. */
export interface LoyaltyIndexOptions extends RoundingOptions {
  /** The answer scale of all three questions. Default `{ min: 0, max: 10 }`. */
  readonly scale?: Scale;
  /** `'sum'` (default, 0-30 on the 0-10 scale, as the sources define it) or `'mean'` (0-10). */
  readonly aggregate?: LoyaltyAggregate;
  /**
   * `'error'` (default) throws on a missing answer; `'exclude'` skips every
   * respondent with any of the three answers missing (so all three means are
   * over the same respondents) and counts them in `excluded`.
   */
  readonly missing?: MissingPolicy;
  /**
   * `true` or `{ level?, method? }` adds `interval`: the Student t interval
   * of the index (`method: 't'`, the only one), at `level` (default 0.95).
   */
  readonly interval?: IntervalOption<'t'>;
}

/** The tally the loyalty index is computed from. Merge tallies with `mergeCounts`. */
export interface LoyaltyIndexCounts {
  readonly metric: 'loyaltyIndex';
  /** Respondents counted. */
  readonly respondents: number;
  /** Sum of each question's answers. */
  readonly sums: { readonly recommend: number; readonly repurchase: number; readonly upsell: number };
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
  readonly metric: 'loyaltyIndex';
  readonly unit: 'points';
  /** The sum (or mean) of the three question means; `null` when there are no respondents. */
  readonly value: number | null;
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

interface Parsed {
  readonly scale: Scale;
  readonly aggregate: LoyaltyAggregate;
  readonly missing: MissingPolicy;
  readonly format: OutputFormat;
  readonly interval: IntervalSettings<'t'> | null;
}

const QUESTIONS = ['recommend', 'repurchase', 'upsell'] as const;

const optionsSchema = optionsObject({
  scale: scaleSchema.optional(),
  aggregate: z.enum(['sum', 'mean'], expected('"sum" or "mean"')).optional(),
  missing: missingSchema.optional(),
  interval: intervalSchema(['t']),
  ...roundingFields,
});

function parseOptions(options: unknown): Parsed {
  const o = parse('loyaltyIndex', optionsSchema, options, ['options']) ?? {};
  return {
    scale: o.scale ?? { min: 0, max: 10 },
    aggregate: o.aggregate ?? 'sum',
    missing: o.missing ?? 'error',
    format: formatOf(o),
    interval: intervalSettings(o.interval as boolean | { level?: number; method?: 't' } | undefined, 't'),
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
  return result(tally(answers, parsed), parsed);
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
  return tally(answers, parseOptions(options));
}

const countsSchema = z.strictObject(
  {
    metric: z.literal('loyaltyIndex', expected('"loyaltyIndex"')).optional(),
    respondents: countSchema,
    sums: z.strictObject({ recommend: integerSchema, repurchase: integerSchema, upsell: integerSchema }, expected('{ recommend, repurchase, upsell }')),
    sumOfSquaredTotals: countSchema.optional(),
    excluded: countSchema.optional(),
  },
  expected('a loyalty-index tally'),
);

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
  const c = parse('loyaltyIndex', countsSchema, counts, ['counts']);
  const n = c.respondents;
  for (const q of QUESTIONS) {
    const sum = c.sums[q];
    if (sum < parsed.scale.min * n || sum > parsed.scale.max * n) {
      fail(
        'loyaltyIndex',
        'inconsistent',
        ['counts', 'sums', q],
        `expected a sum from ${parsed.scale.min * n} to ${parsed.scale.max * n} for ${n} respondents, received ${sum}`,
      );
    }
  }
  const squares = c.sumOfSquaredTotals;
  if (squares !== undefined) {
    // n Σt² >= (Σt)² (Cauchy-Schwarz) and every t² at most the largest square on the scale.
    const total = BigInt(c.sums.recommend + c.sums.repurchase + c.sums.upsell);
    const largest = BigInt(3 * Math.max(Math.abs(parsed.scale.min), Math.abs(parsed.scale.max)));
    if (BigInt(n) * BigInt(squares) < total * total || BigInt(squares) > BigInt(n) * largest * largest) {
      fail(
        'loyaltyIndex',
        'inconsistent',
        ['counts', 'sumOfSquaredTotals'],
        `expected a sum of squared totals that ${n} respondents with these sums could give, received ${squares}`,
      );
    }
  } else if (parsed.interval !== null) {
    fail('loyaltyIndex', 'missing-value', ['counts', 'sumOfSquaredTotals'], 'expected sumOfSquaredTotals, which an interval needs, received undefined');
  }
  return result({ metric: 'loyaltyIndex', respondents: n, sums: c.sums, sumOfSquaredTotals: squares ?? null, excluded: c.excluded ?? 0 }, parsed);
}

/** A tally as the result reads it: `sumOfSquaredTotals` is `null` when a hand-made tally left it out. */
type Tally = Omit<LoyaltyIndexCounts, 'sumOfSquaredTotals'> & { readonly sumOfSquaredTotals: number | null };

function tally(answers: unknown, o: Parsed): LoyaltyIndexCounts {
  if (!Array.isArray(answers)) {
    fail('loyaltyIndex', 'invalid-type', ['answers'], `expected an array of { recommend, repurchase, upsell }, received ${describe(answers)}`);
  }
  const { min, max } = o.scale;
  const exclude = o.missing === 'exclude';
  let respondents = 0;
  let excluded = 0;
  let recommend = 0;
  let repurchase = 0;
  let upsell = 0;
  let sumOfSquaredTotals = 0;
  for (let i = 0; i < answers.length; i++) {
    const a: unknown = answers[i];
    if (typeof a !== 'object' || a === null) {
      if (exclude && isMissing(a)) {
        excluded++;
        continue;
      }
      badAnswer(answers, i, o);
    }
    const { recommend: r, repurchase: p, upsell: u } = a as Record<string, unknown>;
    if (onScale(r, min, max) && onScale(p, min, max) && onScale(u, min, max)) {
      respondents++;
      recommend += r;
      repurchase += p;
      upsell += u;
      const t = r + p + u;
      sumOfSquaredTotals += t * t;
    } else if (exclude && (isMissing(r) || isMissing(p) || isMissing(u)) && validOrMissing(r, p, u, min, max)) {
      excluded++;
    } else {
      badAnswer(answers, i, o);
    }
  }
  if (!Number.isSafeInteger(sumOfSquaredTotals)) {
    fail('loyaltyIndex', 'out-of-range', ['answers'], `expected answers whose squared totals sum below 2^53, received a sum of ${sumOfSquaredTotals}`);
  }
  return { metric: 'loyaltyIndex', respondents, sums: { recommend, repurchase, upsell }, sumOfSquaredTotals, excluded };
}

function onScale(x: unknown, min: number, max: number): x is number {
  return typeof x === 'number' && x >= min && x <= max && Number.isInteger(x);
}

function validOrMissing(r: unknown, p: unknown, u: unknown, min: number, max: number): boolean {
  return (isMissing(r) || onScale(r, min, max)) && (isMissing(p) || onScale(p, min, max)) && (isMissing(u) || onScale(u, min, max));
}

/** Describes the first bad answer of respondent `index` with zod and throws. */
function badAnswer(answers: readonly unknown[], index: number, o: Parsed): never {
  const text = scaleExpectation(o.scale);
  const hint = o.missing === 'error' ? "; pass missing: 'exclude' to skip respondents with missing answers" : '';
  const answer = z
    .number({ error: (issue) => `expected ${text}, received ${describe(issue.input)}${isMissing(issue.input) ? hint : ''}` })
    .int(expected(text))
    .min(o.scale.min, expected(text))
    .max(o.scale.max, expected(text));
  const schema = z.object({ recommend: answer, repurchase: answer, upsell: answer }, expected('an object { recommend, repurchase, upsell }'));
  const checked = check(schema, answers[index], ['answers', index]);
  // Under missing: 'exclude' a missing answer is allowed: report only the bad ones.
  const issues = checked.ok ? [] : checked.issues.filter((i) => o.missing === 'error' || i.code !== 'missing-value');
  if (checked.ok || issues.length === 0) fail('loyaltyIndex', 'invalid-value', ['answers', index], `expected ${text} for each question`);
  throw new MetricsError('loyaltyIndex', issues, { cause: checked.cause });
}

function result(c: Tally, o: Parsed): LoyaltyIndexResult {
  const n = c.respondents;
  const meanOf = (sum: number) => (n === 0 ? null : output(new Dec(sum).dividedBy(n), o.format));
  const total = c.sums.recommend + c.sums.repurchase + c.sums.upsell;
  let value: number | null = null;
  if (n > 0) {
    const sumOfMeans = new Dec(total).dividedBy(n);
    value = output(o.aggregate === 'sum' ? sumOfMeans : sumOfMeans.dividedBy(3), o.format);
  }
  // The respondents' totals t have variance from n, Σt and Σt²; the index t / 3 has a ninth of it.
  const totalsVariance = c.sumOfSquaredTotals === null ? null : sampleVariance(n, total, c.sumOfSquaredTotals);
  const variance = totalsVariance === null || o.aggregate === 'sum' ? totalsVariance : totalsVariance.dividedBy(9);
  const interval = o.interval === null ? undefined : indexInterval(c, total, variance, o.aggregate, o.interval, o.format);
  const out: Record<string, unknown> = {
    metric: 'loyaltyIndex',
    unit: 'points',
    value,
    aggregate: o.aggregate,
    total: n,
    recommend: meanOf(c.sums.recommend),
    repurchase: meanOf(c.sums.repurchase),
    upsell: meanOf(c.sums.upsell),
    variance: outputOrNull(variance, o.format),
    excluded: c.excluded,
  };
  if (interval !== undefined) out.interval = interval;
  out.warnings = [...sampleWarnings(n), ...intervalWarnings(interval ?? null)];
  return deepFreeze(out as unknown as LoyaltyIndexResult);
}

/** The t interval of the index: of the totals under `'sum'`, of the totals / 3 under `'mean'`. */
function indexInterval(
  c: Tally,
  total: number,
  variance: Dec | null,
  aggregate: LoyaltyAggregate,
  settings: IntervalSettings<'t'>,
  format: OutputFormat,
): Interval | null {
  const n = c.respondents;
  if (c.sumOfSquaredTotals === null || n < 2) return null;
  if (aggregate === 'sum') return tInterval(n, total, c.sumOfSquaredTotals, settings, format);
  return tIntervalOf(new Dec(n), new Dec(total).dividedBy(3 * n), variance, settings, format);
}
