/**
 * Exact arithmetic: a private decimal.js constructor, and the one place where
 * a result becomes a `number`.
 *
 * A result the library calls exact (a share, a mean, a variance, a rate, a
 * retention) is a {@link Rational} of `bigint`s, formed without rounding
 * from integer counts, exact weight sums and money in minor units, and
 * converted to the nearest double once, at the edge, after optional rounding
 * to `decimals` places, both decided exactly. Estimates that are not exact
 * (interval bounds, standard errors, p-values) are computed in `Dec`, with
 * 80 significant digits, far more than the 17 a double keeps, and converted
 * the same way; the NPS Wald intervals are rationals, with a standard error
 * of 84 digits or more (core/stats/nps-interval.ts).
 */
import Decimal from 'decimal.js';
import type { Rounding } from '../contract/options.js';
import { type Rational, rational, rationalComplement, rationalToDouble, roundRational } from './rational.js';

/**
 * decimal.js with private settings: the global `Decimal` is never touched.
 * Marked pure so that a bundle without exact arithmetic leaves it out.
 */
export const Dec = /* @__PURE__ */ (() =>
  Decimal.clone({
    precision: 80,
    rounding: Decimal.ROUND_HALF_EVEN,
    toExpNeg: -9e15,
    toExpPos: 9e15,
  }))();
export type Dec = InstanceType<typeof Dec>;

/** Parsed output settings: `decimals` is `null` when no rounding was asked for. */
export interface OutputFormat {
  readonly decimals: number | null;
  readonly rounding: Rounding;
}

const MODES = /* @__PURE__ */ (() => ({ 'half-up': Decimal.ROUND_HALF_UP, 'half-even': Decimal.ROUND_HALF_EVEN }) as const)();

/** The exact value rounded as `format` asks, still a decimal. */
export function roundDec(value: Dec, format: OutputFormat): Dec {
  return format.decimals === null ? value : value.toDecimalPlaces(format.decimals, MODES[format.rounding]);
}

/**
 * A decimal as the nearest double, never `-0`. A decimal's digits are an
 * exact rational with a power of ten below it, and JavaScript's
 * string-to-number conversion rounds it correctly: the double
 * {@link rationalToDouble} gives for the same rational.
 */
export function toNumber(value: Dec): number {
  const n = Number(value.toString());
  return n === 0 ? 0 : n;
}

/** A derived number on its way out: an exact rational, or a decimal estimate. */
export type Derived = Rational | Dec;

/**
 * Rounds as `format` asks, then converts to the nearest double: the only way
 * a derived number leaves the library. A rational is rounded and converted
 * exactly, so a result is never rounded twice.
 */
export function output(value: Derived, format: OutputFormat): number {
  return value instanceof Dec ? toNumber(roundDec(value, format)) : rationalToDouble(roundExact(value, format));
}

/** `output` for a value that is `null` when undefined. */
export function outputOrNull(value: Derived | null, format: OutputFormat): number | null {
  return value === null ? null : output(value, format);
}

/** A rational rounded as `format` asks, still exact. */
export function roundExact(value: Rational, format: OutputFormat): Rational {
  return format.decimals === null ? value : roundRational(value, format.decimals, format.rounding);
}

/** A rational as a decimal, for the estimates built on it: rounded once, to 80 significant digits. */
export function rationalToDec(value: Rational): Dec {
  return new Dec(value.num.toString()).dividedBy(new Dec(value.den.toString()));
}

/** A finite decimal as the rational it is, exactly. */
export function decToRational(value: Dec): Rational {
  // A finite decimal is an integer coefficient times a power of ten.
  const [coefficient = '0', exponent = '0'] = value.toExponential().replace('.', '').split('e');
  const digits = coefficient.replace('-', '').length - 1;
  const shift = Number(exponent) - digits;
  const n = BigInt(coefficient);
  return shift >= 0 ? { num: n * 10n ** BigInt(shift), den: 1n } : { num: n, den: 10n ** BigInt(-shift) };
}

/** An integer input of an exact ratio: a count or an amount in minor units. */
type Whole = number | bigint;

/** `100 * part / whole` exactly, or `null` when `whole` is zero. */
export function percentOf(part: Whole, whole: Whole): Rational | null {
  return rational(100n * BigInt(part), BigInt(whole));
}

/** `numerator / denominator` exactly, or `null` when the denominator is zero. */
export function ratioOf(numerator: Whole, denominator: Whole): Rational | null {
  return rational(BigInt(numerator), BigInt(denominator));
}

/** `100 - percent`: the rest of a whole in percent (repeat contacts of FCR, revenue retained of churn), exactly. */
export function complementOf(percent: Rational): Rational {
  return rationalComplement(percent, 100n);
}
