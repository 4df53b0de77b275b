/**
 * Exact arithmetic: a private decimal.js constructor, and the one place where
 * an exact result becomes a `number`.
 *
 * Counts are integers and sums are exact; every division and every derived
 * number is computed here, in `Dec`, with 80 significant digits, far more
 * than the 17 a double keeps. A result is converted to the nearest double
 * once, at the edge, after optional rounding to `decimals` places.
 */
import Decimal from 'decimal.js';
import type { Rounding } from '../contract/options.js';

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
 * A decimal as the nearest double. JavaScript's string-to-number conversion
 * is correctly rounded, and 80 significant digits leave no room for double
 * rounding on the quotients the library forms. Never returns `-0`.
 */
export function toNumber(value: Dec): number {
  const n = Number(value.toString());
  return n === 0 ? 0 : n;
}

/** Rounds as `format` asks, then converts: the only way a derived number leaves the library. */
export function output(value: Dec, format: OutputFormat): number {
  return toNumber(roundDec(value, format));
}

/** `output` for a value that is `null` when undefined. */
export function outputOrNull(value: Dec | null, format: OutputFormat): number | null {
  return value === null ? null : output(value, format);
}

/** `100 * part / whole` as an exact decimal, or `null` when `whole` is zero. */
export function percentOf(part: number | bigint | Dec, whole: number | bigint | Dec): Dec | null {
  const w = new Dec(whole.toString());
  if (w.isZero()) return null;
  return new Dec(part.toString()).times(100).dividedBy(w);
}

/** `numerator / denominator` as an exact decimal, or `null` when the denominator is zero. */
export function ratioOf(numerator: number | bigint | Dec, denominator: number | bigint | Dec): Dec | null {
  const d = new Dec(denominator.toString());
  if (d.isZero()) return null;
  return new Dec(numerator.toString()).dividedBy(d);
}

/** `100 - percent`: the rest of a whole in percent (repeat contacts of FCR, revenue retained of churn), exactly. */
export function complementOf(percent: Dec): Dec {
  return new Dec(100).minus(percent);
}
