/**
 * Customer churn: the customers lost in a period as a percent of the
 * customers at its start.
 */
import * as z from 'zod/mini';
import { fail } from '../core/contract/errors.js';
import { lazy } from '../core/contract/lazy.js';
import type { IntervalOptions, RoundingOptions } from '../core/contract/options.js';
import type { MetricName } from '../core/contract/registry.js';
import { deepFreeze } from '../core/contract/result.js';
import { countSchema, formatOf, optionsObject, plainObject, roundingFields } from '../core/contract/schemas.js';
import { expected, parse } from '../core/contract/validate.js';
import { type OutputFormat, outputOrNull, percentOf } from '../core/exact/decimal.js';
import { isMovementsTally, type MrrMovements, parseMovements } from '../core/money/movements.js';
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
/** Customer counts over one period. */
export interface CustomerChurnInput {
  /** Customers at the start of the period. */
  readonly customersAtStart: number;
  /** Customers lost during the period. */
  readonly customersLost: number;
  /** Customers who joined during the period (needed by `denominator: 'start-plus-added'`). */
  readonly customersAdded?: number;
}

/** Which customers churn is divided by. */
export type ChurnDenominator = 'start' | 'start-plus-added';

/**
 * Options of {@link customerChurn}. The interval, by a proportion method
 * (docs/guides/interval-methods.md), treats the period's customers as a
 * sample of the churn process, each customer leaving with the same
 * probability, independently (see docs/metrics/customer-churn.md).
 */
export interface CustomerChurnOptions extends RoundingOptions, IntervalOptions<IntervalOption<ProportionMethod>> {
  /**
   * `'start'` (default): customers at the start of the period, the sources'
   * definition (003). `'start-plus-added'`: customers at the start plus those
   * who joined during it, so that customers who join and leave in the same
   * period count in both numerator and denominator (Stripe Billing's
   * subscriber churn rate).
   */
  readonly denominator?: ChurnDenominator;
}

/** The result of {@link customerChurn}. */
export interface CustomerChurnResult {
  /** The metric's name, as in the registry. */
  readonly metric: 'customerChurn';
  /** The unit of `value`: percent. */
  readonly unit: 'percent';
  /** Customers lost as a percent of the denominator, 0-100; `null` when the denominator is 0. */
  readonly value: number | null;
  /** Which customers `value` was divided by. */
  readonly denominator: ChurnDenominator;
  /** Customers in the denominator. */
  readonly total: number;
  /** Customers at the start of the period. */
  readonly customersAtStart: number;
  /** Customers lost during the period. */
  readonly customersLost: number;
  /** `null` when not given. */
  readonly customersAdded: number | null;
  /** The confidence interval of `value` in percent, present only when the `interval` option asked for one; `null` when the denominator is 0. */
  readonly interval?: Interval | null;
  /** `small-sample` by the proportion rule on `customersLost` out of `total`, and the interval's own warnings. */
  readonly warnings: readonly Warning[];
}

const CUSTOMER_CHURN = 'customerChurn' as const satisfies MetricName;

interface Parsed {
  readonly denominator: ChurnDenominator;
  readonly interval: IntervalSettings<ProportionMethod> | null;
  readonly format: OutputFormat;
}

/** Customer counts, validated; `customersAdded` is `null` when not given. */
interface Counts {
  readonly customersAtStart: number;
  readonly customersLost: number;
  readonly customersAdded: number | null;
}

const optionsSchema = /* @__PURE__ */ lazy(() =>
  optionsObject({
    denominator: z.optional(z.enum(['start', 'start-plus-added'], expected('"start" or "start-plus-added"'))),
    interval: proportionIntervalSchema(),
    ...roundingFields(),
  }),
);

const countsSchema = /* @__PURE__ */ lazy(() =>
  plainObject(
    { customersAtStart: countSchema(), customersLost: countSchema(), customersAdded: z.optional(countSchema()) },
    expected('customer counts { customersAtStart, customersLost, customersAdded? } or an mrrMovements tally'),
  ),
);

function parseOptions(options: unknown): Parsed {
  const o = parse(CUSTOMER_CHURN, optionsSchema(), options, ['options']) ?? {};
  return { denominator: o.denominator ?? 'start', interval: intervalSettings(o.interval, 'wilson'), format: formatOf(o) };
}

/** The counts given, or those of a movements tally. */
function parseCounts(counts: unknown): Counts {
  if (isMovementsTally(counts)) return parseMovements(CUSTOMER_CHURN, counts, ['counts']);
  const c = parse(CUSTOMER_CHURN, countsSchema(), counts, ['counts']);
  return { customersAtStart: c.customersAtStart, customersLost: c.customersLost, customersAdded: c.customersAdded ?? null };
}

/** The customers churn is divided by; throws when they are fewer than those lost. */
function denominatorOf(c: Counts, denominator: ChurnDenominator): number {
  const { customersAtStart: atStart, customersLost: lost, customersAdded: added } = c;
  if (denominator === 'start') {
    if (lost > atStart) {
      const hint = added === null ? '' : "; customers who joined and left in the period count with denominator: 'start-plus-added'";
      fail(
        CUSTOMER_CHURN,
        'inconsistent',
        ['counts', 'customersLost'],
        `expected customersLost at most customersAtStart (${atStart}), received ${lost}${hint}`,
      );
    }
    return atStart;
  }
  if (added === null) {
    fail(CUSTOMER_CHURN, 'missing-value', ['counts', 'customersAdded'], "expected customersAdded with denominator: 'start-plus-added', received undefined");
  }
  const total = atStart + added;
  if (!Number.isSafeInteger(total)) {
    fail(CUSTOMER_CHURN, 'out-of-range', ['counts', 'customersAdded'], `expected counts whose total stays below 2^53, received a total of ${total}`);
  }
  if (lost > total) {
    fail(
      CUSTOMER_CHURN,
      'inconsistent',
      ['counts', 'customersLost'],
      `expected customersLost at most customersAtStart + customersAdded (${total}), received ${lost}`,
    );
  }
  return total;
}

function fromTally(c: Counts, o: Parsed): CustomerChurnResult {
  const total = denominatorOf(c, o.denominator);
  return deepFreeze<CustomerChurnResult>({
    metric: CUSTOMER_CHURN,
    unit: 'percent',
    value: outputOrNull(percentOf(c.customersLost, total), o.format),
    denominator: o.denominator,
    total,
    customersAtStart: c.customersAtStart,
    customersLost: c.customersLost,
    customersAdded: c.customersAdded,
    ...proportionInference(c.customersLost, total, o.interval, o.format),
  });
}

/**
 * Customer churn: the customers lost in a period as a percent of the
 * customers at its start (003).
 *
 * `customer churn = 100 * lost / customers at start`; with `denominator:
 * 'start-plus-added'`, `100 * lost / (at start + added)`. Losing more
 * customers than the denominator holds is an error, not a rate above 100%.
 *
 * Over a whole customer base the rate is a population figure: nothing was
 * sampled. With `interval`, the result carries a confidence interval for the
 * churn probability of the process behind the period (each customer leaving
 * independently with one probability), from `customersLost` out of `total`
 * by a proportion method; `warnings` says when the counts are small.
 *
 * @param counts - `{ customersAtStart, customersLost, customersAdded? }`, non-negative integers, or an `mrrMovements` tally.
 * @param options - `denominator`, `interval`, output rounding.
 * @returns The percent lost, the counts used, the interval when asked for,
 *   and warnings; `value` is `null` when the denominator is 0.
 * @throws {@link MetricsError} when a count is not a non-negative integer
 *   (`path` is `['counts', field]`), `customersAdded` is missing under
 *   `'start-plus-added'` (code `'missing-value'`), or more customers were lost
 *   than the denominator holds (code `'inconsistent'`, at `customersLost`).
 * @example
 * customerChurn({ customersAtStart: 200, customersLost: 9 }).value // => 4.5
 * customerChurn({ customersAtStart: 200, customersLost: 9, customersAdded: 25 }, { denominator: 'start-plus-added' }).value // => 4
 * customerChurn({ customersAtStart: 0, customersLost: 0 }).value // => null
 * customerChurn({ customersAtStart: 10, customersLost: 11 }) // throws
 * customerChurn({ customersAtStart: 200, customersLost: 9 }).warnings.map((w) => w.code) // => ['small-sample']
 * customerChurn({ customersAtStart: 2000, customersLost: 90 }, { interval: true, decimals: 2 }).interval // => { lower: 3.68, upper: 5.5, level: 0.95, method: 'wilson', standardError: null, clamped: false }
 */
export function customerChurn(counts: CustomerChurnInput | MrrMovements, options?: CustomerChurnOptions): CustomerChurnResult {
  const parsed = parseOptions(options);
  return fromTally(parseCounts(counts), parsed);
}
