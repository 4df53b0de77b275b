/**
 * The `interval` option of every sample-based metric and the `interval`
 * field of its result: the option's schema and parsed settings, and the
 * step that turns an interval method's decimal bounds into the result's
 * numbers in the metric's own unit, rounded as the caller asked and
 * converted to doubles once.
 */
import * as z from 'zod/mini';
import { lazy } from '../contract/lazy.js';
import { levelSchema, plainObject } from '../contract/schemas.js';
import { expected } from '../contract/validate.js';
import { Dec, type Derived, type OutputFormat, output } from '../exact/decimal.js';
import type { IntervalBounds } from './bounds.js';
import { type ExactInput, exactDec, meanInterval, sampleVariance } from './mean-interval.js';
import { PROPORTION_METHODS, type ProportionMethod, proportionInterval } from './proportion-intervals.js';
import { intervalWarnings, proportionWarnings, type Warning } from './warnings.js';

/** A two-sided confidence interval in the metric's own unit. */
export interface Interval {
  /** The lower bound. */
  readonly lower: number;
  /** The upper bound. */
  readonly upper: number;
  /** The confidence level, e.g. 0.95. */
  readonly level: number;
  /** The method that made it, e.g. `'wilson'`, `'adjusted-wald'`, `'t'`. */
  readonly method: string;
  /** The standard error the method is built on, in the metric's unit; `null` for methods without one. */
  readonly standardError: number | null;
  /** Whether a bound was cut back to the metric's range (e.g. NPS to [-100, 100]). */
  readonly clamped: boolean;
}

/** The `interval` option: `true` for the defaults, or a level and a method. */
export type IntervalOption<M extends string> =
  | boolean
  | {
      /** The confidence level, strictly between 0 and 1. Default 0.95. */
      readonly level?: number;
      /** A method of the metric's interval family. Default the family's first (`'wilson'` for proportions, `'t'` for a mean). */
      readonly method?: M;
    };

/** A parsed `interval` option. */
export interface IntervalSettings<M extends string> {
  /** The confidence level, strictly between 0 and 1. */
  readonly level: number;
  /** The interval method. */
  readonly method: M;
}

/**
 * The zod schema of an `interval` option with these methods (the first is
 * the default) and any extra fields (a bootstrap's `resamples` and `seed`).
 */
export function intervalSchema<M extends string>(methods: readonly [M, ...M[]], extra: z.core.$ZodLooseShape = {}) {
  const method = z.enum(
    methods,
    expected(
      methods
        .map((m) => JSON.stringify(m))
        .join(', ')
        .replace(/, ([^,]*)$/, ' or $1'),
    ),
  );
  return z.optional(
    z.union(
      [z.boolean(), plainObject({ level: z.optional(levelSchema()), method: z.optional(method), ...extra })],
      expected('true, false or { level, method }'),
    ),
  );
}

/** The settings of a parsed `interval` option, or `null` when no interval was asked for. */
export function intervalSettings<M extends string>(
  option: boolean | { level?: number | undefined; method?: M | undefined } | undefined,
  defaultMethod: M,
): IntervalSettings<M> | null {
  if (option === undefined || option === false) return null;
  if (option === true) return { level: 0.95, method: defaultMethod };
  return { level: option.level ?? 0.95, method: option.method ?? defaultMethod };
}

/**
 * The `interval` field of a result from an interval method's bounds in the
 * metric's unit: each bound and the standard error rounded as `format`
 * asks, then converted to the nearest double.
 */
export function toInterval(bounds: IntervalBounds<Derived>, settings: IntervalSettings<string>, format: OutputFormat): Interval {
  return {
    lower: output(bounds.lower, format),
    upper: output(bounds.upper, format),
    level: settings.level,
    method: settings.method,
    standardError: bounds.standardError === null ? null : output(bounds.standardError, format),
    clamped: bounds.clamped,
  };
}

/** `100 x` for a bound or standard error on [0, 1]. */
function percent(value: Dec): Dec {
  return value.times(100);
}

/**
 * The interval of a percentage `100 x / n` by a proportion method
 * ({@link proportionInterval}), in percent; `null` when `n` is 0. `x` and
 * `n` may be effective (weighted) counts.
 */
export function percentInterval(x: number, n: number, settings: IntervalSettings<ProportionMethod>, format: OutputFormat): Interval | null {
  const i = proportionInterval(x, n, settings.level, settings.method);
  if (i === null) return null;
  const bounds = {
    lower: percent(i.lower),
    upper: percent(i.upper),
    standardError: i.standardError === null ? null : percent(i.standardError),
    clamped: i.clamped,
  };
  return toInterval(bounds, settings, format);
}

/**
 * The Student t interval of a mean ({@link meanInterval}) from a whole
 * count `n`, the exact sum and the exact sum of squares of the
 * observations; `null` for fewer than 2.
 */
export function tInterval(n: number, sum: ExactInput, sumSquares: ExactInput, settings: IntervalSettings<'t'>, format: OutputFormat): Interval | null {
  const variance = sampleVariance(n, sum, sumSquares);
  if (variance === null) return null;
  const mean = exactDec(sum).dividedBy(n);
  return tIntervalOf(new Dec(n), mean, variance, settings, format);
}

/**
 * The Student t interval of a mean ({@link meanInterval}) from a sample
 * size that may be fractional (Kish's effective sample size of weighted
 * data), the mean and the variance; `null` when the variance is `null`,
 * `n` is 1 or less, or the interval is unbounded.
 */
export function tIntervalOf(n: Dec, mean: Dec, variance: Dec | null, settings: IntervalSettings<'t'>, format: OutputFormat): Interval | null {
  const i = meanInterval(n, mean, variance, settings.level);
  return i === null ? null : toInterval({ lower: i.lower, upper: i.upper, standardError: i.standardError, clamped: false }, settings, format);
}

/** The `interval` option of every proportion metric. */
export const proportionIntervalSchema = /* @__PURE__ */ lazy(() => intervalSchema<ProportionMethod>(PROPORTION_METHODS));

/**
 * The inference fields of a proportion result, `x` of `n` in percent: the
 * `interval` (only when asked for) and the `warnings`, ready to spread into
 * the result.
 */
export function proportionInference(
  x: number,
  n: number,
  settings: IntervalSettings<ProportionMethod> | null,
  format: OutputFormat,
): { interval?: Interval | null; warnings: Warning[] } {
  if (settings === null) return { warnings: proportionWarnings(x, n) };
  const interval = percentInterval(x, n, settings, format);
  return { interval, warnings: [...proportionWarnings(x, n), ...intervalWarnings(interval)] };
}
