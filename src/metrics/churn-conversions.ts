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
import { Dec, decToRational, output } from '../core/exact/decimal.js';
import { rational } from '../core/exact/rational.js';
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
 * Computed exactly, in rationals: the rate is the decimal its shortest
 * form names (5 is 5/100, 0.1 is 1/1000), so the power is an exact
 * rational, converted once to the nearest double. 5% a month is 45.96% a
 * year.
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
  // monthly = p / q in percent; kept = (1 - p / (100 q))^12 = (100 q - p)^12 / (100 q)^12.
  const { num: p, den: q } = decToRational(new Dec(monthly));
  const whole = (100n * q) ** 12n;
  const kept = (100n * q - p) ** 12n;
  const annual = rational(100n * (whole - kept), whole)!;
  return deepFreeze<ChurnToAnnualResult>({ metric: CHURN_TO_ANNUAL, unit: 'percent', value: output(annual, formatOf(o)), warnings: [] });
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
