/**
 * Upselling ratio: customers who upgraded per customer who did not.
 */
import * as z from 'zod/mini';
import { isPlainObject } from '../core/contract/brands.js';
import { describe, fail } from '../core/contract/errors.js';
import { lazy } from '../core/contract/lazy.js';
import type { IntervalOptions, RoundingOptions } from '../core/contract/options.js';
import type { MetricName } from '../core/contract/registry.js';
import { deepFreeze } from '../core/contract/result.js';
import { countSchema, formatOf, optionsObject, plainObject, roundingFields } from '../core/contract/schemas.js';
import { safeTotal } from '../core/contract/tally.js';
import { expected, parse } from '../core/contract/validate.js';
import { type OutputFormat, outputOrNull, percentOf, ratioOf } from '../core/exact/decimal.js';
import {
  type Interval,
  type IntervalOption,
  type IntervalSettings,
  intervalSettings,
  proportionInference,
  proportionIntervalSchema,
} from '../core/stats/interval-fields.js';
import type { ProportionMethod } from '../core/stats/proportion-intervals.js';
import type { Warning } from '../core/stats/warnings.js';

/** One customer on a product: did they upgrade in the period? Other fields are ignored. */
export interface UpsellRecord {
  /** Whether the customer upgraded in the period. */
  readonly upgraded: boolean;
}

/**
 * Options of {@link upsellRatio}, {@link upsellRatioCounts} and
 * {@link upsellRatioFromCounts}. The interval is that of `upsellPercent`,
 * the upsell rate, by a proportion method (docs/guides/interval-methods.md);
 * the ratio `value` has none.
 */
export interface UpsellRatioOptions extends RoundingOptions, IntervalOptions<IntervalOption<ProportionMethod>> {}

/** The tally of upgrades. Merge with `mergeCounts`. */
export interface UpsellRatioCounts {
  /** The metric the tally is for: `'upsellRatio'`. */
  readonly metric: 'upsellRatio';
  /** Customers who upgraded (e.g. from the professional to the business plan). */
  readonly upgraded: number;
  /** Customers who stayed on their product without upgrading. */
  readonly notUpgraded: number;
}

/** The result of {@link upsellRatio} and {@link upsellRatioFromCounts}. */
export interface UpsellRatioResult {
  /** The metric's name, as in the registry. */
  readonly metric: 'upsellRatio';
  /** The unit of `value`: a ratio (`upsellPercent` is a percent). */
  readonly unit: 'ratio';
  /** upgraded / notUpgraded, the sources' upselling ratio (it may pass 1); `null` when nobody stayed without upgrading. */
  readonly value: number | null;
  /** The upsell rate: upgraded as a percent of all customers, 0-100; `null` when there are none. */
  readonly upsellPercent: number | null;
  /** Customers who upgraded. */
  readonly upgraded: number;
  /** Customers who stayed on their product without upgrading. */
  readonly notUpgraded: number;
  /** upgraded + notUpgraded. */
  readonly total: number;
  /**
   * The confidence interval of `upsellPercent` (not of the ratio `value`),
   * in percent, present only when the `interval` option asked for one;
   * `null` when there are no customers.
   */
  readonly interval?: Interval | null;
  /** `small-sample` by the proportion rule on `upgraded` out of `total`, and the interval's own warnings. */
  readonly warnings: readonly Warning[];
}

interface Parsed {
  readonly interval: IntervalSettings<ProportionMethod> | null;
  readonly format: OutputFormat;
}

const METRIC = 'upsellRatio' as const satisfies MetricName;
const optionsSchema = /* @__PURE__ */ lazy(() =>
  optionsObject({
    interval: proportionIntervalSchema(),
    ...roundingFields(),
  }),
);
const countsSchema = /* @__PURE__ */ lazy(() =>
  plainObject(
    { metric: z.optional(z.literal(METRIC, expected(`"${METRIC}"`))), upgraded: countSchema(), notUpgraded: countSchema() },
    expected('upsell counts { upgraded, notUpgraded }'),
  ),
);

function parseOptions(options: unknown): Parsed {
  const o = parse(METRIC, optionsSchema(), options, ['options']) ?? {};
  return { interval: intervalSettings(o.interval, 'wilson'), format: formatOf(o) };
}

/**
 * Upselling ratio: the customers who upgraded their product divided by the
 * customers on a product who did not (003). The result also gives the
 * upsell rate, upgraded as a percent of all customers.
 *
 * `upselling ratio = upgraded / notUpgraded`; `upsell rate = 100 * upgraded
 * / (upgraded + notUpgraded)`.
 *
 * With `interval`, the result carries a confidence interval for the upsell
 * rate `upsellPercent`, from `upgraded` out of `total` by a proportion
 * method; the ratio `value` has no interval of its own. `warnings` says when
 * the counts are small.
 *
 * @param data - The counts `{ upgraded, notUpgraded }`, or one record per
 *   customer, `{ upgraded: boolean }[]`.
 * @param options - `interval`, output rounding.
 * @returns The ratio and the rate with their counts, the interval of the
 *   rate when asked for, and warnings; `value` is `null` when every
 *   customer upgraded (or there are none).
 * @throws {@link MetricsError} when a count is not a non-negative integer
 *   (`path` is `['counts', field]`), or a record is not an object with a
 *   boolean `upgraded` (`path` is `['records', index]` or
 *   `['records', index, 'upgraded']`).
 * @example
 * upsellRatio({ upgraded: 12, notUpgraded: 48 }).value // => 0.25
 * const records = [{ upgraded: true }, { upgraded: false }, { upgraded: false }, { upgraded: false }, { upgraded: true }];
 * upsellRatio(records).value // => 0.6666666666666666
 * upsellRatio(records, { decimals: 2 }).value // => 0.67
 * upsellRatio(records).upsellPercent // => 40
 * upsellRatio([{ upgraded: true }]).value // => null
 * upsellRatio({ upgraded: 120, notUpgraded: 480 }, { interval: true, decimals: 2 }).interval // => { lower: 16.99, upper: 23.39, level: 0.95, method: 'wilson', standardError: null, clamped: false }
 * upsellRatio({ upgraded: 12, notUpgraded: 48 }).warnings.map((w) => w.code) // => []
 */
export function upsellRatio(
  data: readonly UpsellRecord[] | { readonly upgraded: number; readonly notUpgraded: number },
  options?: UpsellRatioOptions,
): UpsellRatioResult {
  const parsed = parseOptions(options);
  return fromTally(Array.isArray(data) ? tally(data) : parseCounts(data), parsed);
}

/**
 * The upsell tally of `records`: how many upgraded and how many did not.
 *
 * @param records - As for {@link upsellRatio}.
 * @param options - As for {@link upsellRatio} (checked, not needed to tally).
 * @throws {@link MetricsError} as {@link upsellRatio} does.
 * @example
 * upsellRatioCounts([{ upgraded: true }, { upgraded: false }]) // => { metric: 'upsellRatio', upgraded: 1, notUpgraded: 1 }
 */
export function upsellRatioCounts(records: readonly UpsellRecord[], options?: UpsellRatioOptions): UpsellRatioCounts {
  parseOptions(options);
  return deepFreeze(tally(records));
}

/**
 * Upselling ratio from counts: `{ upgraded, notUpgraded }` from
 * {@link upsellRatioCounts}, merged tallies, or counts you have.
 *
 * @param counts - `{ upgraded, notUpgraded }`, non-negative integers.
 * @param options - `interval`, output rounding.
 * @throws {@link MetricsError} when a count is not a non-negative integer
 *   (`path` is `['counts', field]`).
 * @example
 * upsellRatioFromCounts({ upgraded: 12, notUpgraded: 48 }).value // => 0.25
 * upsellRatioFromCounts({ upgraded: 12, notUpgraded: 48 }).upsellPercent // => 20
 * upsellRatioFromCounts({ upgraded: 3, notUpgraded: 0 }).value // => null
 */
export function upsellRatioFromCounts(counts: Omit<UpsellRatioCounts, 'metric'> & Partial<UpsellRatioCounts>, options?: UpsellRatioOptions): UpsellRatioResult {
  const parsed = parseOptions(options);
  return fromTally(parseCounts(counts), parsed);
}

/** Validates a given tally. */
function parseCounts(counts: unknown): UpsellRatioCounts {
  const c = parse(METRIC, countsSchema(), counts, ['counts']);
  return { metric: METRIC, upgraded: c.upgraded, notUpgraded: c.notUpgraded };
}

function tally(records: unknown): UpsellRatioCounts {
  if (!Array.isArray(records)) {
    fail(METRIC, 'invalid-type', ['records'], `expected an array of records { upgraded } or counts { upgraded, notUpgraded }, received ${describe(records)}`);
  }
  let upgraded = 0;
  let notUpgraded = 0;
  const n = records.length;
  for (let i = 0; i < n; i++) {
    const r: unknown = records[i];
    if (!isPlainObject(r)) {
      fail(METRIC, 'invalid-type', ['records', i], `expected a record { upgraded: boolean } (a plain object), received ${describe(r)}`);
    }
    const u = (r as { upgraded?: unknown }).upgraded;
    if (u === true) upgraded++;
    else if (u === false) notUpgraded++;
    else
      fail(
        METRIC,
        u === undefined || u === null ? 'missing-value' : 'invalid-type',
        ['records', i, 'upgraded'],
        `expected true or false, received ${describe(u)}`,
      );
  }
  return { metric: METRIC, upgraded, notUpgraded };
}

function fromTally(c: UpsellRatioCounts, o: Parsed): UpsellRatioResult {
  const { format } = o;
  const total = safeTotal(METRIC, [c.upgraded, c.notUpgraded], ['counts']);
  return deepFreeze<UpsellRatioResult>({
    metric: METRIC,
    unit: 'ratio',
    value: outputOrNull(ratioOf(c.upgraded, c.notUpgraded), format),
    upsellPercent: outputOrNull(percentOf(c.upgraded, total), format),
    upgraded: c.upgraded,
    notUpgraded: c.notUpgraded,
    total,
    ...proportionInference(c.upgraded, total, o.interval, format),
  });
}
