/**
 * Customer churn, and converting churn rates between months and years.
 */
import { z } from 'zod';
import { fail } from '../core/contract/errors.js';
import type { RoundingOptions } from '../core/contract/options.js';
import { deepFreeze } from '../core/contract/result.js';
import { countSchema, formatOf, optionsObject, roundingFields } from '../core/contract/schemas.js';
import { expected, parse } from '../core/contract/validate.js';
import { Dec, output, outputOrNull, percentOf } from '../core/exact/decimal.js';
import { isMovementsTally, type MrrMovements, parseMovements } from '../core/money/movements.js';
import { type Interval, type IntervalOption, intervalSettings, proportionInference, proportionIntervalSchema, type Warning } from '../core/stats/inference.js';
import type { ProportionMethod } from '../core/stats/intervals.js';

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

/** Options of {@link customerChurn}. */
export interface CustomerChurnOptions extends RoundingOptions {
  /**
   * `'start'` (default): customers at the start of the period, the sources'
   * definition (003). `'start-plus-added'`: customers at the start plus those
   * who joined during it, so that customers who join and leave in the same
   * period count in both numerator and denominator (Stripe Billing's
   * subscriber churn rate).
   */
  readonly denominator?: ChurnDenominator;
  /**
   * A confidence interval for `value`: `true` for a 95% Wilson interval, or
   * `{ level?, method? }` with method `'wilson'` (default),
   * `'agresti-coull'`, `'jeffreys'`, `'clopper-pearson'` or `'wald'`. It
   * treats the period's customers as a sample of the churn process (each
   * customer leaving with the same probability, independently): see
   * docs/metrics/customer-churn.md.
   */
  readonly interval?: IntervalOption<ProportionMethod>;
}

/** The result of {@link customerChurn}. */
export interface CustomerChurnResult {
  readonly metric: 'customerChurn';
  readonly unit: 'percent';
  /** Customers lost as a percent of the denominator, 0-100; `null` when the denominator is 0. */
  readonly value: number | null;
  readonly denominator: ChurnDenominator;
  /** Customers in the denominator. */
  readonly total: number;
  readonly customersAtStart: number;
  readonly customersLost: number;
  /** `null` when not given. */
  readonly customersAdded: number | null;
  /** The confidence interval of `value` in percent, present only when the `interval` option asked for one; `null` when the denominator is 0. */
  readonly interval?: Interval | null;
  /** `small-sample` by the proportion rule on `customersLost` out of `total`, and the interval's own warnings. */
  readonly warnings: readonly Warning[];
}

/** Options of {@link churnToAnnual}. */
export type ChurnToAnnualOptions = RoundingOptions;

/** Options of {@link churnToMonthly}. */
export type ChurnToMonthlyOptions = RoundingOptions;

/** The result of {@link churnToAnnual}. */
export interface ChurnToAnnualResult {
  readonly metric: 'churnToAnnual';
  readonly unit: 'percent';
  /** The annual churn rate, 0-100, of the monthly rate kept up for twelve months. */
  readonly value: number;
  /** Always empty: a conversion of a given rate, not an estimate. */
  readonly warnings: readonly Warning[];
}

/** The result of {@link churnToMonthly}. */
export interface ChurnToMonthlyResult {
  readonly metric: 'churnToMonthly';
  readonly unit: 'percent';
  /** The constant monthly churn rate, 0-100, that compounds to the annual rate. */
  readonly value: number;
  /** Always empty: a conversion of a given rate, not an estimate. */
  readonly warnings: readonly Warning[];
}

const optionsSchema = optionsObject({
  denominator: z.enum(['start', 'start-plus-added'], expected('"start" or "start-plus-added"')).optional(),
  interval: proportionIntervalSchema,
  ...roundingFields,
});
const roundingSchema = optionsObject({ ...roundingFields });

const countsSchema = z.strictObject(
  { customersAtStart: countSchema, customersLost: countSchema, customersAdded: countSchema.optional() },
  expected('customer counts { customersAtStart, customersLost, customersAdded? } or an mrrMovements tally'),
);

const percentSchema = z.number(expected('a percent from 0 to 100')).min(0, expected('a percent from 0 to 100')).max(100, expected('a percent from 0 to 100'));

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
  const o = parse('customerChurn', optionsSchema, options, ['options']) ?? {};
  const denominator = o.denominator ?? 'start';
  let atStart: number;
  let lost: number;
  let added: number | null;
  if (isMovementsTally(counts)) {
    const m = parseMovements('customerChurn', counts, ['counts']);
    atStart = m.customersAtStart;
    lost = m.customersLost;
    added = m.customersAdded;
  } else {
    const c = parse('customerChurn', countsSchema, counts, ['counts']);
    atStart = c.customersAtStart;
    lost = c.customersLost;
    added = c.customersAdded ?? null;
  }
  let total = atStart;
  if (denominator === 'start-plus-added') {
    if (added === null) {
      fail('customerChurn', 'missing-value', ['counts', 'customersAdded'], "expected customersAdded with denominator: 'start-plus-added', received undefined");
    }
    total = atStart + added;
    if (!Number.isSafeInteger(total)) {
      fail('customerChurn', 'out-of-range', ['counts', 'customersAdded'], `expected counts whose total stays below 2^53, received a total of ${total}`);
    }
    if (lost > total) {
      fail(
        'customerChurn',
        'inconsistent',
        ['counts', 'customersLost'],
        `expected customersLost at most customersAtStart + customersAdded (${total}), received ${lost}`,
      );
    }
  } else if (lost > atStart) {
    const hint = added === null ? '' : "; customers who joined and left in the period count with denominator: 'start-plus-added'";
    fail('customerChurn', 'inconsistent', ['counts', 'customersLost'], `expected customersLost at most customersAtStart (${atStart}), received ${lost}${hint}`);
  }
  const format = formatOf(o);
  const settings = intervalSettings(o.interval, 'wilson');
  return deepFreeze({
    metric: 'customerChurn',
    unit: 'percent',
    value: outputOrNull(percentOf(lost, total), format),
    denominator,
    total,
    customersAtStart: atStart,
    customersLost: lost,
    customersAdded: added,
    ...proportionInference(lost, total, settings, format),
  });
}

/**
 * A decimal clone with 80 significant digits more than the leading zeros of
 * `rate` take, so `1 - rate` keeps all of the rate's digits and the result
 * keeps 80.
 */
function precisionFor(rate: Dec): typeof Dec {
  const leadingZeros = rate.isZero() ? 0 : Math.max(0, -rate.e);
  return leadingZeros === 0 ? Dec : Dec.clone({ precision: 80 + leadingZeros });
}

/**
 * Annual churn from a monthly churn rate kept up for twelve months:
 * `annual = 1 - (1 - monthly)^12`, in percent.
 *
 * Computed in decimal: exact whenever `(1 - monthly)^12` fits in 80
 * significant digits (any rate with up to six decimals in percent), and
 * otherwise to 80 significant digits, then converted once to the nearest
 * double. 5% a month is 45.96% a year.
 *
 * @param monthlyPercent - The monthly churn rate in percent, 0-100.
 * @param options - Output rounding.
 * @returns The annual churn rate in percent.
 * @throws {@link MetricsError} when the rate is not a number from 0 to 100
 *   (`path` is `['monthlyPercent']`).
 * @example
 * churnToAnnual(5, { decimals: 2 }).value // => 45.96
 * churnToAnnual(5).value // => 45.9639912337363
 * churnToAnnual(100).value // => 100
 * churnToAnnual(120) // throws
 */
export function churnToAnnual(monthlyPercent: number, options?: ChurnToAnnualOptions): ChurnToAnnualResult {
  const o = parse('churnToAnnual', roundingSchema, options, ['options']) ?? {};
  const monthly = parse('churnToAnnual', percentSchema, monthlyPercent, ['monthlyPercent']);
  const rate = new Dec(monthly).dividedBy(100);
  const D = precisionFor(rate);
  const kept = new D(1).minus(new D(rate)).pow(12);
  const annual = new D(1).minus(kept).times(100);
  return deepFreeze({ metric: 'churnToAnnual', unit: 'percent', value: output(new Dec(annual), formatOf(o)), warnings: [] });
}

/**
 * The constant monthly churn rate that compounds to an annual one:
 * `monthly = 1 - (1 - annual)^(1/12)`, in percent.
 *
 * The twelfth root is computed with decimal.js (natural logarithm and
 * exponential) at 80 significant digits, plus as many as the rate's leading
 * zeros need, then converted once to the nearest double: the error before
 * conversion is far below the 1e-16 a double resolves, so the value is the
 * correctly rounded double but for ties closer than about 1e-70.
 *
 * @param annualPercent - The annual churn rate in percent, 0-100.
 * @param options - Output rounding.
 * @returns The monthly churn rate in percent.
 * @throws {@link MetricsError} when the rate is not a number from 0 to 100
 *   (`path` is `['annualPercent']`).
 * @example
 * churnToMonthly(45.9639912337363, { decimals: 10 }).value // => 5
 * churnToMonthly(50, { decimals: 4 }).value // => 5.6126
 * churnToMonthly(0).value // => 0
 */
export function churnToMonthly(annualPercent: number, options?: ChurnToMonthlyOptions): ChurnToMonthlyResult {
  const o = parse('churnToMonthly', roundingSchema, options, ['options']) ?? {};
  const annual = parse('churnToMonthly', percentSchema, annualPercent, ['annualPercent']);
  const rate = new Dec(annual).dividedBy(100);
  let monthly: Dec;
  if (rate.isZero() || rate.equals(1)) {
    monthly = rate;
  } else {
    const D = precisionFor(rate);
    const kept = new D(1).minus(new D(rate));
    const root = kept.ln().dividedBy(12).exp();
    monthly = new Dec(new D(1).minus(root));
  }
  return deepFreeze({ metric: 'churnToMonthly', unit: 'percent', value: output(monthly.times(100), formatOf(o)), warnings: [] });
}
