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

/** decimal.js with private settings: the global `Decimal` is never touched. */
export const Dec = Decimal.clone({
  precision: 80,
  rounding: Decimal.ROUND_HALF_EVEN,
  toExpNeg: -9e15,
  toExpPos: 9e15,
});
export type Dec = InstanceType<typeof Dec>;

/** How a rounded output breaks ties. */
export type Rounding = 'half-up' | 'half-even';

/** Output rounding shared by every metric's options. */
export interface RoundingOptions {
  /** Round every derived number to this many decimal places (0-15). Unrounded by default. */
  readonly decimals?: number;
  /**
   * How ties are broken when `decimals` is set: `'half-up'` (default) rounds
   * ties away from zero (12.5 to 13, -12.5 to -13); `'half-even'` rounds them
   * to the even neighbour (12.5 to 12, 13.5 to 14).
   */
  readonly rounding?: Rounding;
}

/** Parsed output settings: `decimals` is `null` when no rounding was asked for. */
export interface OutputFormat {
  readonly decimals: number | null;
  readonly rounding: Rounding;
}

export const EXACT: OutputFormat = Object.freeze({ decimals: null, rounding: 'half-up' });

const MODES = { 'half-up': Decimal.ROUND_HALF_UP, 'half-even': Decimal.ROUND_HALF_EVEN } as const;

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

/**
 * Shares of one whole, in percent, rounded so that they still sum to exactly
 * 100 (the largest-remainder method). Each share is first truncated to
 * `decimals` places; the units still missing from 100 go, one each, to the
 * shares with the largest remainders, earlier shares first on equal
 * remainders. Without rounding the shares are the exact values.
 *
 * Returns `null` shares when the total is zero.
 */
export function percentBreakdown(counts: readonly number[], format: OutputFormat): (number | null)[] {
  let total = 0;
  for (const c of counts) total += c;
  if (total === 0) return counts.map(() => null);
  return roundShares(
    counts.map((c) => percentOf(c, total)!),
    format,
  );
}

/**
 * Exact percent shares of one whole (summing to 100), rounded as `format`
 * asks by the largest-remainder method of {@link percentBreakdown}.
 */
export function roundShares(percents: readonly Dec[], format: OutputFormat): number[] {
  if (format.decimals === null) return percents.map(toNumber);
  const places = format.decimals;
  const unit = new Dec(10).pow(-places);
  const floors: Dec[] = [];
  const remainders: { index: number; rest: Dec }[] = [];
  let assigned = new Dec(0);
  percents.forEach((exact, index) => {
    const floor = exact.toDecimalPlaces(places, Decimal.ROUND_DOWN);
    floors.push(floor);
    assigned = assigned.plus(floor);
    remainders.push({ index, rest: exact.minus(floor) });
  });
  let missing = new Dec(100).minus(assigned).dividedBy(unit).toNumber();
  remainders.sort((a, b) => b.rest.comparedTo(a.rest) || a.index - b.index);
  for (const { index, rest } of remainders) {
    if (missing <= 0 || rest.isZero()) break;
    floors[index] = floors[index]!.plus(unit);
    missing -= 1;
  }
  return floors.map(toNumber);
}
