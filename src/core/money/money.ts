/**
 * Money amounts: parsed exactly, summed as scaled integers, echoed as
 * decimal strings.
 *
 * An amount is a non-negative `number` or a decimal string (`'1234.50'`, as
 * database NUMERIC columns arrive). It becomes an exact scaled integer,
 * `units / 10^scale`: `'1234.50'` is 123450 at scale 2. A `number` is read
 * through its shortest round-trip decimal string (`String(x)`), so `0.1` is
 * exactly 1 at scale 1, never the binary fraction behind it. Amounts may
 * carry at most {@link MAX_MONEY_DECIMALS} decimal places.
 *
 * Sums in one call share one scale, the largest any of its amounts has, so
 * `'0.1'` and `'0.25'` add to `'0.35'` and results echo every amount with the
 * same number of decimals. Money never passes through a double after
 * parsing, and never through decimal.js per element: large inputs read
 * amounts with {@link fastAmount} (plain character codes, no allocation) and
 * fall back to the exact BigInt reader only for amounts it cannot hold.
 */
import * as z from 'zod/mini';
import { describe, type MetricsIssueCode } from '../contract/errors.js';
import { lazy } from '../contract/lazy.js';
import { customIssue } from '../contract/validate.js';

/** A money amount as accepted: a non-negative number or a decimal string such as `'1234.50'`. */
export type Money = number | string;

/** The most decimal places an amount may carry (strings and numbers alike). */
export const MAX_MONEY_DECIMALS = 20;

/** An exact non-negative amount: `units / 10^scale`. */
export interface Amount {
  readonly units: bigint;
  readonly scale: number;
}

/** Why a value is not an amount: an issue code and our message. */
export interface MoneyProblem {
  readonly code: MetricsIssueCode;
  readonly message: string;
}

const EXPECTED = 'an amount (a non-negative number or decimal string such as "1234.50")';
const DECIMAL = /^(\d+)(?:\.(\d+))?$/;
const SIGNED = /^[-+]\d+(?:\.\d+)?$/;
const NUMBER_TEXT = /^(\d+)(?:\.(\d+))?(?:e([-+]\d+))?$/;

function problem(code: MetricsIssueCode, what: string, value: unknown): MoneyProblem {
  return { code, message: `expected ${what}, received ${describe(value)}` };
}

function tooManyDecimals(value: unknown): MoneyProblem {
  return problem('out-of-range', `an amount with at most ${MAX_MONEY_DECIMALS} decimal places`, value);
}

/**
 * Reads one amount exactly, or says why it is not one. The reference
 * reader: every other path agrees with it.
 */
export function readMoney(value: unknown): Amount | MoneyProblem {
  if (typeof value === 'string') {
    const m = DECIMAL.exec(value);
    if (m === null) {
      if (SIGNED.test(value)) return problem('out-of-range', 'a non-negative amount', value);
      return problem(
        'invalid-value',
        'a decimal string such as "1234.50" (digits, an optional point and decimals; no sign, exponent, spaces or separators)',
        value,
      );
    }
    const fraction = m[2] ?? '';
    if (fraction.length > MAX_MONEY_DECIMALS) return tooManyDecimals(value);
    return { units: BigInt(m[1]! + fraction), scale: fraction.length };
  }
  if (typeof value === 'number') {
    if (Number.isNaN(value)) return problem('missing-value', EXPECTED, value);
    if (value < 0) return problem('out-of-range', 'a non-negative amount', value);
    if (value === Infinity) return problem('out-of-range', 'a finite amount', value);
    // The shortest decimal string that reads back as this double.
    const m = NUMBER_TEXT.exec(String(value + 0));
    if (m === null) return problem('invalid-value', EXPECTED, value);
    const digits = m[1]! + (m[2] ?? '');
    const scale = (m[2] ?? '').length - Number(m[3] ?? '0');
    if (scale > MAX_MONEY_DECIMALS) return tooManyDecimals(value);
    return scale >= 0 ? { units: BigInt(digits), scale } : { units: BigInt(digits) * 10n ** BigInt(-scale), scale: 0 };
  }
  if (value === null || value === undefined) return problem('missing-value', EXPECTED, value);
  return problem('invalid-type', EXPECTED, value);
}

/** Whether {@link readMoney} found a problem. */
export function isMoneyProblem(r: Amount | MoneyProblem): r is MoneyProblem {
  return 'code' in r;
}

/**
 * The zod schema for one amount (for small inputs such as `{ startingMrr,
 * churnedMrr }`), built on first use: parses to an {@link Amount}, with our
 * codes and messages.
 */
export const moneySchema = /* @__PURE__ */ lazy(() =>
  z.pipe(
    z.unknown(),
    z.transform((value, payload): Amount => {
      const r = readMoney(value);
      if (isMoneyProblem(r)) {
        payload.issues.push(customIssue(r.code, [], r.message, value));
        return z.NEVER;
      }
      return r;
    }),
  ),
);

/** Powers of ten that doubles hold exactly: `POW10[k] = 10^k` for k up to {@link MAX_MONEY_DECIMALS}. */
export const POW10: readonly number[] = /* @__PURE__ */ (() => Object.freeze(Array.from({ length: MAX_MONEY_DECIMALS + 1 }, (_, k) => 10 ** k)))();

/** How many amounts {@link fastAmount} encodes: units below 2^48, so `units * 32 + scale` stays an exact double. */
const FAST_UNITS = 2 ** 48;

/**
 * Reads an amount without allocating: returns `units * 32 + scale` (exact,
 * as units stay below 2^48 and scale below 32), or `-1` when the value is
 * not an amount or needs more digits than the fast path holds (then ask
 * {@link readMoney}, which tells the two apart). Decode with
 * `scale = code % 32` and `units = (code - scale) / 32`.
 */
export function fastAmount(value: unknown): number {
  if (typeof value === 'string') return fastString(value);
  if (typeof value === 'number') {
    if (!(value >= 0 && value < FAST_UNITS)) return -1;
    if (Number.isInteger(value)) return value * 32 + 0;
    // The fewest decimals k whose nearest k-decimal number reads back as
    // `value` (a correctly rounded division): the scale of `String(value)`,
    // whose digits are then unique, as 10^-k is far above the double's spacing.
    for (let k = 1; k <= FAST_NUMBER_DECIMALS; k++) {
      const p = POW10[k]!;
      const units = Math.round(value * p);
      if (units / p === value) return units < FAST_UNITS ? units * 32 + k : -1;
    }
    return -1;
  }
  return -1;
}

/** Numbers with more decimals than this take the exact reader. */
const FAST_NUMBER_DECIMALS = 9;

function fastString(s: string): number {
  const n = s.length;
  // At most 15 digits and a point: every such number of units is exact.
  if (n === 0 || n > 16) return -1;
  let units = 0;
  let scale = -1;
  for (let i = 0; i < n; i++) {
    const c = s.charCodeAt(i);
    if (c >= 48 && c <= 57) {
      units = units * 10 + (c - 48);
      if (scale >= 0) scale++;
    } else if (c === 46 && scale === -1 && i > 0 && i < n - 1) {
      scale = 0;
    } else {
      return -1;
    }
  }
  if (units >= FAST_UNITS) return -1;
  return units * 32 + (scale < 0 ? 0 : scale);
}

/** The largest scale among `amounts` (0 for none). */
export function commonScale(amounts: readonly (Amount | null)[]): number {
  let scale = 0;
  for (const a of amounts) if (a !== null && a.scale > scale) scale = a.scale;
  return scale;
}

/** The units of `amount` at a scale at least its own. */
export function unitsAt(amount: Amount, scale: number): bigint {
  return amount.scale === scale ? amount.units : amount.units * 10n ** BigInt(scale - amount.scale);
}

/**
 * Scaled integer units as an exact decimal string with exactly `scale`
 * decimals: 123450 at scale 2 is `'1234.50'`. Never `'-0'`.
 */
export function formatUnits(units: bigint | number, scale: number): string {
  const negative = units < 0;
  const digits = typeof units === 'bigint' ? (negative ? -units : units).toString() : String(Math.abs(units));
  const sign = negative ? '-' : '';
  if (scale === 0) return sign + digits;
  const padded = digits.padStart(scale + 1, '0');
  return `${sign}${padded.slice(0, -scale)}.${padded.slice(-scale)}`;
}
