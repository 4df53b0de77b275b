/**
 * What every sample-based metric shares for honest uncertainty: the
 * `interval` option, the interval and warning shapes of a result, and the
 * small-sample rules.
 *
 * The numerics are in `intervals.ts` and `distributions.ts`; this module
 * turns them into result fields in the metric's own unit, rounded as the
 * caller asked.
 */
import { z } from 'zod';
import { expected } from '../contract/validate.js';
import { Dec, type OutputFormat, output } from '../exact/decimal.js';
import { meanInterval, type ProportionMethod, proportionInterval } from './intervals.js';

/** A two-sided confidence interval in the metric's own unit. */
export interface Interval {
  readonly lower: number;
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

/**
 * Why a result deserves caution. Codes are API; messages are not.
 *
 * - `small-sample`: fewer than 30 answers, or for a proportion fewer than
 *   10 expected on either side (`n p` or `n (1 - p)` below 10).
 * - `interval-clamped`: an interval bound was cut back to the metric's range.
 * - `degenerate-wald`: a Wald interval of zero width, because every answer
 *   fell in one category.
 */
export type WarningCode = 'small-sample' | 'interval-clamped' | 'degenerate-wald';

/** One caution about a result. */
export interface Warning {
  readonly code: WarningCode;
  readonly message: string;
}

/** The `interval` option: `true` for the defaults, or a level and a method. */
export type IntervalOption<M extends string> = boolean | { readonly level?: number; readonly method?: M };

/** A parsed `interval` option. */
export interface IntervalSettings<M extends string> {
  readonly level: number;
  readonly method: M;
}

/** The fewest answers before a result carries a `small-sample` warning. */
export const SMALL_SAMPLE = 30;
/** The fewest expected successes and failures for a proportion before `small-sample`. */
export const SMALL_EXPECTED = 10;

const levelSchema = z
  .number(expected('a level strictly between 0 and 1'))
  .gt(0, expected('a level strictly between 0 and 1'))
  .lt(1, expected('a level strictly between 0 and 1'));

/**
 * The zod schema of an `interval` option with these methods (the first is
 * the default) and any extra fields (a bootstrap's `resamples` and `seed`).
 */
export function intervalSchema<M extends string>(methods: readonly [M, ...M[]], extra: z.core.$ZodLooseShape = {}) {
  const method = z.enum(
    methods as unknown as [M, ...M[]],
    expected(
      methods
        .map((m) => JSON.stringify(m))
        .join(', ')
        .replace(/, ([^,]*)$/, ' or $1'),
    ),
  );
  return z
    .union([z.boolean(), z.strictObject({ level: levelSchema.optional(), method: method.optional(), ...extra })], expected('true, false or { level, method }'))
    .optional();
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

/** An interval from bounds in the metric's unit, rounded as asked. */
export function toInterval(
  bounds: { lower: number; upper: number; standardError: number | null; clamped: boolean },
  settings: IntervalSettings<string>,
  format: OutputFormat,
): Interval {
  const round = (x: number) => output(new Dec(x), format);
  return {
    lower: round(bounds.lower),
    upper: round(bounds.upper),
    level: settings.level,
    method: settings.method,
    standardError: bounds.standardError === null ? null : round(bounds.standardError),
    clamped: bounds.clamped,
  };
}

/**
 * The interval of a percentage `100 x / n` by a proportion method, in
 * percent; `null` when `n` is 0. `x` and `n` may be effective (weighted)
 * counts.
 */
export function percentInterval(x: number, n: number, settings: IntervalSettings<ProportionMethod>, format: OutputFormat): Interval | null {
  const i = proportionInterval(x, n, settings.level, settings.method);
  if (i === null) return null;
  return toInterval(
    { lower: i.lower * 100, upper: i.upper * 100, standardError: i.standardError === null ? null : i.standardError * 100, clamped: i.clamped },
    settings,
    format,
  );
}

/** The Student t interval of a mean from `n`, the exact sum and the exact sum of squares; `null` for fewer than 2. */
export function tInterval(
  n: number,
  sum: number | bigint | string,
  sumSquares: number | bigint | string,
  settings: IntervalSettings<'t'>,
  format: OutputFormat,
): Interval | null {
  const i = meanInterval(
    n,
    typeof sum === 'bigint' ? sum.toString() : sum,
    typeof sumSquares === 'bigint' ? sumSquares.toString() : sumSquares,
    settings.level,
  );
  if (i === null) return null;
  return toInterval({ lower: i.lower, upper: i.upper, standardError: i.standardError, clamped: false }, settings, format);
}

/** The proportion interval methods; the first is the default. */
export const PROPORTION_METHODS = ['wilson', 'agresti-coull', 'jeffreys', 'clopper-pearson', 'wald'] as const satisfies readonly ProportionMethod[];

/** The `interval` option of every proportion metric. */
export const proportionIntervalSchema = intervalSchema<ProportionMethod>(PROPORTION_METHODS);

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

/** `small-sample` for fewer than 30 answers. */
export function sampleWarnings(n: number): Warning[] {
  return n > 0 && n < SMALL_SAMPLE ? [{ code: 'small-sample', message: `a sample of ${n}: fewer than ${SMALL_SAMPLE}, so the estimate is imprecise` }] : [];
}

/** `small-sample` for a proportion: fewer than 30 answers, or fewer than 10 expected on either side. */
export function proportionWarnings(x: number, n: number): Warning[] {
  if (n === 0) return [];
  if (n < SMALL_SAMPLE) return sampleWarnings(n);
  const smaller = Math.min(x, n - x);
  return smaller < SMALL_EXPECTED
    ? [{ code: 'small-sample', message: `only ${smaller} on one side of the proportion: fewer than ${SMALL_EXPECTED}, so normal approximations are poor` }]
    : [];
}

/** The warnings an interval itself raises: clamping, and a zero-width Wald interval. */
export function intervalWarnings(interval: Interval | null): Warning[] {
  if (interval === null) return [];
  const out: Warning[] = [];
  if (interval.clamped) out.push({ code: 'interval-clamped', message: `a bound of the ${interval.method} interval was cut back to the metric's range` });
  if (interval.method === 'wald' && interval.lower === interval.upper) {
    out.push({ code: 'degenerate-wald', message: 'every answer fell in one category, so the Wald interval has zero width; use another method' });
  }
  return out;
}
