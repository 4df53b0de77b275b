/**
 * Repurchase rate: how many customers buy again, or how many times.
 */
import * as z from 'zod/mini';
import { describe, fail, type MetricsPath } from '../core/contract/errors.js';
import { lazy } from '../core/contract/lazy.js';
import type { IntervalOptions, RoundingOptions } from '../core/contract/options.js';
import type { MetricName } from '../core/contract/registry.js';
import { deepFreeze } from '../core/contract/result.js';
import { countSchema, formatOf, optionsObject, plainObject, recordSchema, roundingFields } from '../core/contract/schemas.js';
import { safeTotal } from '../core/contract/tally.js';
import type { NumericTypedArray } from '../core/contract/types.js';
import { customIssue, expected, parse, rejectElement } from '../core/contract/validate.js';
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
import { sampleWarnings, type Warning } from '../core/stats/warnings.js';
import { isFloatTypedArray, isIntTypedArray } from '../core/survey/scores.js';

/** Purchases per customer in the period: an array or a typed array of integers >= 0. */
export type PurchasesInput = readonly number[] | NumericTypedArray;

/** How repurchase is counted. */
export type RepurchaseMethod = 'customers' | 'repurchases';

/**
 * Options of {@link repurchaseRate}, {@link repurchaseRateCounts} and
 * {@link repurchaseRateFromCounts}. The interval is that of method
 * `'customers'`, by a proportion method (docs/guides/interval-methods.md);
 * method `'repurchases'` (a ratio of purchases per customer) has none, and
 * asking for one there is an error.
 */
export interface RepurchaseRateOptions extends RoundingOptions, IntervalOptions<IntervalOption<ProportionMethod>> {
  /**
   * `'customers'` (default): customers with more than one purchase as a
   * percent of all customers. `'repurchases'`: repeat purchases (each
   * customer's purchases beyond the first) per customer, a ratio. Both are
   * the sources' (003).
   */
  readonly method?: RepurchaseMethod;
}

/** The tally of purchases per customer: `purchases[k]` customers made k purchases. Merge with `mergeCounts`. */
export interface RepurchaseRateCounts {
  /** The metric the tally is for: `'repurchaseRate'`. */
  readonly metric: 'repurchaseRate';
  /** Number of purchases (as a key) to number of customers; purchase counts with no customers are left out. */
  readonly purchases: Readonly<Record<string, number>>;
}

/** The result of {@link repurchaseRate} and {@link repurchaseRateFromCounts}. */
export interface RepurchaseRateResult {
  /** The metric's name, as in the registry. */
  readonly metric: 'repurchaseRate';
  /** The unit of `value`: `'percent'` for method `'customers'`, `'ratio'` for `'repurchases'`. */
  readonly unit: 'percent' | 'ratio';
  /** The rate by `method`; `null` when there are no customers. */
  readonly value: number | null;
  /** How repurchase was counted. */
  readonly method: RepurchaseMethod;
  /** All customers, including those with no purchase in the period. */
  readonly total: number;
  /** Customers with more than one purchase. */
  readonly repeatCustomers: number;
  /** Purchases beyond each customer's first, summed. */
  readonly repeatPurchases: number;
  /**
   * The confidence interval of `value` in percent (method `'customers'`
   * only), present only when the `interval` option asked for one; `null`
   * when there are no customers.
   */
  readonly interval?: Interval | null;
  /**
   * `small-sample`: under `'customers'` by the proportion rule on
   * `repeatCustomers` out of `total`, under `'repurchases'` for fewer than
   * 30 customers; and the interval's own warnings.
   */
  readonly warnings: readonly Warning[];
}

interface Parsed {
  readonly method: RepurchaseMethod;
  readonly interval: IntervalSettings<ProportionMethod> | null;
  readonly format: OutputFormat;
}

const METRIC = 'repurchaseRate' as const satisfies MetricName;
const EXPECTED = 'a number of purchases (an integer >= 0)';
/** Purchase counts below this are tallied in an array; larger ones in a map. */
const DENSE = 256;

const optionsSchema = /* @__PURE__ */ lazy(() =>
  optionsObject({
    method: z.optional(z.enum(['customers', 'repurchases'], expected('"customers" or "repurchases"'))),
    interval: proportionIntervalSchema(),
    ...roundingFields(),
  }),
);

function parseOptions(options: unknown): Parsed {
  const o = parse(METRIC, optionsSchema(), options, ['options']) ?? {};
  const method = o.method ?? 'customers';
  const interval = intervalSettings(o.interval, 'wilson');
  if (interval !== null && method === 'repurchases') {
    fail(
      METRIC,
      'inconsistent',
      ['options', 'interval'],
      "expected no interval with method: 'repurchases' (a ratio of purchases per customer, not a proportion), received an interval option",
    );
  }
  return { method, interval, format: formatOf(o) };
}

const KEY = /^(0|[1-9]\d*)$/;

const countsSchema = /* @__PURE__ */ lazy(() =>
  plainObject(
    {
      metric: z.optional(z.literal(METRIC, expected(`"${METRIC}"`))),
      purchases: recordSchema(countSchema(), expected('an object from number of purchases to number of customers')),
    },
    expected('a repurchaseRate tally { purchases: { [purchases]: customers } }'),
  ).check(
    z.superRefine((c, ctx) => {
      for (const key of Object.keys(c.purchases)) {
        if (!KEY.test(key) || !Number.isSafeInteger(Number(key))) {
          ctx.addIssue(customIssue('invalid-value', ['purchases', key], `expected ${EXPECTED} as the key, received ${JSON.stringify(key)}`, key));
        }
      }
    }),
  ),
);

/**
 * Repurchase rate, by default the percent of customers who bought more than
 * once in the period (003).
 *
 * Method `'customers'`: `100 * (customers with purchases > 1) / customers`.
 * Method `'repurchases'`: `sum over customers of (purchases - 1, or 0 for no
 * purchase) / customers`, the sources' "((4 x 30) + (2 x 15) + ...) / total
 * customers", where "30 customers repurchased 4 times" means 4 purchases
 * beyond the first (5 in all). Every element is a customer, including
 * customers with no purchase in the period: leave those out if your base is
 * the period's buyers.
 *
 * With `interval` (method `'customers'` only), the result carries a
 * confidence interval for the share of customers who buy again, from
 * `repeatCustomers` out of `total` by a proportion method; `warnings` says
 * when the counts are small.
 *
 * @param purchasesPerCustomer - Each customer's number of purchases: an array or a typed array of integers >= 0.
 * @param options - `method`, `interval`, output rounding.
 * @returns The rate with the counts it comes from, the interval when asked
 *   for, and warnings; `value` is `null` when there are no customers.
 * @throws {@link MetricsError} when an element is not an integer >= 0
 *   (`path` is `['purchasesPerCustomer', index]`) or an option is invalid
 *   (an `interval` with method `'repurchases'`: code `'inconsistent'` at
 *   `['options', 'interval']`).
 * @example
 * repurchaseRate([1, 2, 5, 1]).value // => 50
 * repurchaseRate([1, 2, 5, 1], { method: 'repurchases' }).value // => 1.25
 * repurchaseRate(new Uint8Array([0, 1, 3])).repeatPurchases // => 2
 * repurchaseRate([]).value // => null
 * repurchaseRate([1, -1]) // throws
 * repurchaseRate([1, 2, 5, 1], { interval: { method: 'jeffreys' }, decimals: 1 }).interval // => { lower: 12.3, upper: 87.7, level: 0.95, method: 'jeffreys', standardError: null, clamped: false }
 * repurchaseRate([1, 2, 5, 1], { method: 'repurchases', interval: true }) // throws
 */
export function repurchaseRate(purchasesPerCustomer: PurchasesInput, options?: RepurchaseRateOptions): RepurchaseRateResult {
  const parsed = parseOptions(options);
  return fromTally(tally(purchasesPerCustomer), parsed, ['purchasesPerCustomer']);
}

/**
 * The repurchase tally of `purchasesPerCustomer`: how many customers made
 * each number of purchases. Tallies of parts merge with `mergeCounts`.
 *
 * @param purchasesPerCustomer - As for {@link repurchaseRate}.
 * @param options - As for {@link repurchaseRate} (checked, not needed to tally).
 * @throws {@link MetricsError} as {@link repurchaseRate} does.
 * @example
 * repurchaseRateCounts([1, 2, 5, 1]) // => { metric: 'repurchaseRate', purchases: { 1: 2, 2: 1, 5: 1 } }
 */
export function repurchaseRateCounts(purchasesPerCustomer: PurchasesInput, options?: RepurchaseRateOptions): RepurchaseRateCounts {
  parseOptions(options);
  return deepFreeze(tally(purchasesPerCustomer));
}

/**
 * Repurchase rate from a tally `{ purchases: { [purchases]: customers } }`:
 * from {@link repurchaseRateCounts}, merged tallies, or counts you have.
 *
 * @param counts - `{ purchases: { [k]: customers } }`, keys and counts integers >= 0.
 * @param options - `method`, `interval`, output rounding.
 * @throws {@link MetricsError} when a key or count is invalid (`path` is
 *   `['counts', 'purchases', key]`).
 * @example
 * const counts = { purchases: { 5: 30, 3: 15, 1: 55 } };
 * repurchaseRateFromCounts(counts, { method: 'repurchases' }).value // => 1.5
 * repurchaseRateFromCounts(counts).value // => 45
 */
export function repurchaseRateFromCounts(
  counts: Omit<RepurchaseRateCounts, 'metric'> & Partial<RepurchaseRateCounts>,
  options?: RepurchaseRateOptions,
): RepurchaseRateResult {
  const parsed = parseOptions(options);
  return fromTally(parseCounts(counts), parsed, ['counts', 'purchases']);
}

/** Validates a given tally. */
function parseCounts(counts: unknown): RepurchaseRateCounts {
  return { metric: METRIC, purchases: parse(METRIC, countsSchema(), counts, ['counts']).purchases };
}

/** The result of a tally; `at` is where a total too large for a double is blamed: the raw input, or the tally given. */
function fromTally(c: RepurchaseRateCounts, o: Parsed, at: MetricsPath): RepurchaseRateResult {
  const { method, format } = o;
  const keys = Object.keys(c.purchases);
  const total = safeTotal(
    METRIC,
    keys.map((k) => c.purchases[k]!),
    at,
  );
  let repeatCustomers = 0;
  let repeats = 0n;
  for (const k of keys) {
    const p = Number(k);
    const customers = c.purchases[k]!;
    if (p > 1) {
      repeatCustomers += customers;
      repeats += BigInt(p - 1) * BigInt(customers);
    }
  }
  if (repeats > BigInt(Number.MAX_SAFE_INTEGER)) {
    fail(METRIC, 'out-of-range', at, `expected repeat purchases that stay below 2^53, received ${repeats}`);
  }
  const value = method === 'customers' ? percentOf(repeatCustomers, total) : ratioOf(repeats, total);
  return deepFreeze<RepurchaseRateResult>({
    metric: METRIC,
    unit: method === 'customers' ? 'percent' : 'ratio',
    value: outputOrNull(value, format),
    method,
    total,
    repeatCustomers,
    repeatPurchases: Number(repeats),
    // An interval is refused with method 'repurchases' when the options are parsed.
    ...(method === 'customers' ? proportionInference(repeatCustomers, total, o.interval, format) : { warnings: sampleWarnings(total) }),
  });
}

/** Tallies in one tight loop per kind of input; zod only describes the first bad element. */
function tally(values: unknown): RepurchaseRateCounts {
  const dense = new Float64Array(DENSE);
  const sparse = new Map<number, number>();
  if (isIntTypedArray(values)) {
    const n = values.length;
    for (let i = 0; i < n; i++) {
      const x = values[i]!;
      if (x < 0) rejectPurchases(values, i);
      if (x < DENSE) dense[x]!++;
      else sparse.set(x, (sparse.get(x) ?? 0) + 1);
    }
  } else if (isFloatTypedArray(values) || Array.isArray(values)) {
    const v: ArrayLike<unknown> = values;
    const n = v.length;
    for (let i = 0; i < n; i++) {
      const x = v[i];
      if (typeof x === 'number' && x >= 0 && x < DENSE && (x | 0) === x) dense[x]!++;
      else if (typeof x === 'number' && x >= 0 && Number.isSafeInteger(x)) sparse.set(x, (sparse.get(x) ?? 0) + 1);
      else rejectPurchases(v, i);
    }
  } else {
    fail(METRIC, 'invalid-type', ['purchasesPerCustomer'], `expected an array or a typed array of purchase counts, received ${describe(values)}`);
  }
  const purchases: Record<string, number> = {};
  for (let k = 0; k < DENSE; k++) if (dense[k]! > 0) purchases[String(k)] = dense[k]!;
  for (const k of [...sparse.keys()].sort((a, b) => a - b)) purchases[String(k)] = sparse.get(k)!;
  return { metric: METRIC, purchases };
}

const elementSchema = /* @__PURE__ */ lazy(() => z.number(expected(EXPECTED)).check(z.int(expected(EXPECTED)), z.minimum(0, expected(EXPECTED))));

/** Describes the bad element at `index` and throws. */
function rejectPurchases(values: ArrayLike<unknown>, index: number): never {
  return rejectElement(METRIC, elementSchema(), values[index], ['purchasesPerCustomer', index], `expected ${EXPECTED}, received ${describe(values[index])}`);
}
