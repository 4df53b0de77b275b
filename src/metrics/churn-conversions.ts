/**
 * Converting churn rates between months and years, for a rate kept up
 * period after period: `annual = 1 - (1 - monthly)^12`.
 */
import * as z from 'zod/mini';
import { lazy } from '../core/contract/lazy.js';
import type { RoundingOptions } from '../core/contract/options.js';
import type { MetricName } from '../core/contract/registry.js';
import { deepFreeze } from '../core/contract/result.js';
import { formatOf, optionsObject, roundingFields } from '../core/contract/schemas.js';
import { expected, parse } from '../core/contract/validate.js';
import { Dec, output } from '../core/exact/decimal.js';
import type { Warning } from '../core/stats/warnings.js';

/** Options of {@link churnToAnnual}. */
export type ChurnToAnnualOptions = RoundingOptions;

/** Options of {@link churnToMonthly}. */
export type ChurnToMonthlyOptions = RoundingOptions;

/** The result of {@link churnToAnnual}. */
export interface ChurnToAnnualResult {
  /** The metric's name, as in the registry. */
  readonly metric: 'churnToAnnual';
  /** The unit of `value`: percent. */
  readonly unit: 'percent';
  /** The annual churn rate, 0-100, of the monthly rate kept up for twelve months. */
  readonly value: number;
  /** Always empty: a conversion of a given rate, not an estimate. */
  readonly warnings: readonly Warning[];
}

/** The result of {@link churnToMonthly}. */
export interface ChurnToMonthlyResult {
  /** The metric's name, as in the registry. */
  readonly metric: 'churnToMonthly';
  /** The unit of `value`: percent. */
  readonly unit: 'percent';
  /** The constant monthly churn rate, 0-100, that compounds to the annual rate. */
  readonly value: number;
  /** Always empty: a conversion of a given rate, not an estimate. */
  readonly warnings: readonly Warning[];
}

const CHURN_TO_ANNUAL = 'churnToAnnual' as const satisfies MetricName;
const CHURN_TO_MONTHLY = 'churnToMonthly' as const satisfies MetricName;

const PERCENT = /* @__PURE__ */ (() => expected('a percent from 0 to 100'))();
const percentSchema = /* @__PURE__ */ lazy(() => z.number(PERCENT).check(z.minimum(0, PERCENT), z.maximum(100, PERCENT)));
const optionsSchema = /* @__PURE__ */ lazy(() => optionsObject({ ...roundingFields() }));

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
  const o = parse(CHURN_TO_ANNUAL, optionsSchema(), options, ['options']) ?? {};
  const monthly = parse(CHURN_TO_ANNUAL, percentSchema(), monthlyPercent, ['monthlyPercent']);
  const rate = new Dec(monthly).dividedBy(100);
  const D = precisionFor(rate);
  const kept = new D(1).minus(new D(rate)).pow(12);
  const annual = new D(1).minus(kept).times(100);
  return deepFreeze<ChurnToAnnualResult>({ metric: CHURN_TO_ANNUAL, unit: 'percent', value: output(new Dec(annual), formatOf(o)), warnings: [] });
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
  const o = parse(CHURN_TO_MONTHLY, optionsSchema(), options, ['options']) ?? {};
  const annual = parse(CHURN_TO_MONTHLY, percentSchema(), annualPercent, ['annualPercent']);
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
  return deepFreeze<ChurnToMonthlyResult>({ metric: CHURN_TO_MONTHLY, unit: 'percent', value: output(monthly.times(100), formatOf(o)), warnings: [] });
}
