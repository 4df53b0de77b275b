/**
 * An exact oracle: the double nearest to a rational number, by BigInt
 * arithmetic alone (round half to even, as IEEE 754 does), for checking that
 * a library value is the exact result converted once.
 */
export function nearestDouble(numerator: bigint, denominator: bigint): number {
  if (denominator === 0n) throw new RangeError('zero denominator');
  if (denominator < 0n) return nearestDouble(-numerator, -denominator);
  if (numerator === 0n) return 0;
  const negative = numerator < 0n;
  const n = negative ? -numerator : numerator;
  // Choose k so that q = floor(n * 2^k / d) has exactly 54 bits.
  let k = 53 - (bitLength(n) - bitLength(denominator));
  let q = 0n;
  let r = 0n;
  for (;;) {
    const scaledN = k >= 0 ? n << BigInt(k) : n;
    const scaledD = k >= 0 ? denominator : denominator << BigInt(-k);
    q = scaledN / scaledD;
    r = scaledN % scaledD;
    const bits = bitLength(q);
    if (bits === 54) break;
    k += bits < 54 ? 1 : -1;
  }
  if (1 - k < -1074) {
    // Subnormal: the last bit is 2^-1074 whatever the magnitude.
    const scaled = n << 1074n;
    let units = scaled / denominator;
    const twice = 2n * (scaled - units * denominator);
    if (twice > denominator || (twice === denominator && (units & 1n) === 1n)) units += 1n;
    const tiny = Number(units) * 2 ** -1074;
    return negative ? -tiny : tiny;
  }
  let mantissa = q >> 1n;
  const half = (q & 1n) === 1n;
  const sticky = r !== 0n;
  if (half && (sticky || (mantissa & 1n) === 1n)) mantissa += 1n;
  const value = Number(mantissa) * 2 ** (1 - k);
  return negative ? -value : value;
}

function bitLength(x: bigint): number {
  return x === 0n ? 0 : x.toString(2).length;
}

/** `100 * part / whole` as the nearest double, or null when `whole` is 0. */
export function exactPercent(part: bigint | number, whole: bigint | number): number | null {
  return BigInt(whole) === 0n ? null : nearestDouble(100n * BigInt(part), BigInt(whole));
}

/** No NaN, no Infinity, no -0 anywhere in a JSON-like value. */
export function isClean(value: unknown): boolean {
  if (typeof value === 'number') return Number.isFinite(value) && !Object.is(value, -0);
  if (Array.isArray(value)) return value.every(isClean);
  if (typeof value === 'object' && value !== null) return Object.values(value).every(isClean);
  return value === null || typeof value === 'string' || typeof value === 'boolean';
}

/** A finite double as an exact integer multiple of 2^-1074 (every finite double is one). */
export function unitsOfDouble(x: number): bigint {
  if (x === 0) return 0n;
  const view = new DataView(new ArrayBuffer(8));
  view.setFloat64(0, x);
  const bits = view.getBigUint64(0);
  const biased = Number((bits >> 52n) & 0x7ffn);
  const mantissa = (bits & 0xfffffffffffffn) | (biased === 0 ? 0n : 1n << 52n);
  const units = mantissa << BigInt((biased === 0 ? 1 : biased) - 1);
  return x < 0 ? -units : units;
}

/** An exact rational `n / d`, `d > 0`: the oracle's own arithmetic, independent of the library's. */
export interface Q {
  readonly n: bigint;
  readonly d: bigint;
}

/** `n / d` with the sign on the numerator. */
export function q(n: bigint | number, d: bigint | number = 1n): Q {
  const [a, b] = [BigInt(n), BigInt(d)];
  if (b === 0n) throw new RangeError('zero denominator');
  return b < 0n ? { n: -a, d: -b } : { n: a, d: b };
}

export const qAdd = (a: Q, b: Q): Q => q(a.n * b.d + b.n * a.d, a.d * b.d);
export const qSub = (a: Q, b: Q): Q => q(a.n * b.d - b.n * a.d, a.d * b.d);
export const qMul = (a: Q, b: Q): Q => q(a.n * b.n, a.d * b.d);
/** `a / b`, or `null` when `b` is 0. */
export const qDiv = (a: Q, b: Q): Q | null => (b.n === 0n ? null : q(a.n * b.d, a.d * b.n));
/** -1, 0 or 1 as `a` is below, equal to or above `b`. */
export const qCmp = (a: Q, b: Q): number => (a.n * b.d > b.n * a.d ? 1 : a.n * b.d < b.n * a.d ? -1 : 0);

/** A finite double, exactly: its units of 2^-1074. */
export function qOfDouble(x: number): Q {
  return q(unitsOfDouble(x), 2n ** 1074n);
}

/** A decimal string such as `'1234.50'` or `'-0.001'`, exactly. */
export function qOfDecimal(text: string): Q {
  const m = /^(-?)(\d+)(?:\.(\d+))?$/.exec(text);
  if (m === null) throw new RangeError(`not a decimal: ${text}`);
  const fraction = m[3] ?? '';
  return q(BigInt(`${m[1]}${m[2]}${fraction}`), 10n ** BigInt(fraction.length));
}

/** How the library's `decimals` option rounds: the number of places and the tie rule. */
export interface OracleRounding {
  readonly decimals?: number;
  readonly rounding?: 'half-up' | 'half-even';
}

/**
 * The documented output of an exact value: with `decimals`, the nearest
 * multiple of 10^-decimals (ties away from zero under `'half-up'`, the
 * default, to the even multiple under `'half-even'`), then the nearest
 * double; without, the nearest double. `null` stays `null`.
 */
export function expectedNumber(value: Q | null, o: OracleRounding = {}): number | null {
  if (value === null) return null;
  const rounded = roundedQ(value, o);
  return nearestDouble(rounded.n, rounded.d);
}

/** An exact value rounded as `decimals` and `rounding` say, still exact; unchanged without `decimals`. */
export function roundedQ(value: Q, o: OracleRounding): Q {
  if (o.decimals === undefined) return value;
  const unit = 10n ** BigInt(o.decimals);
  const magnitude = (value.n < 0n ? -value.n : value.n) * unit;
  const floor = magnitude / value.d;
  const twice = 2n * (magnitude - floor * value.d);
  const up = twice > value.d || (twice === value.d && ((o.rounding ?? 'half-up') === 'half-up' || floor % 2n === 1n));
  const units = floor + (up ? 1n : 0n);
  return q(value.n < 0n ? -units : units, unit);
}

/** A number as the decimal its shortest form names (`String(x)`, exponent included), exactly: how the library reads rates. */
export function qOfShortest(x: number): Q {
  const m = /^(-?)(\d+)(?:\.(\d+))?(?:e([-+]\d+))?$/.exec(String(x));
  if (m === null) throw new RangeError(`not a finite number: ${x}`);
  const fraction = m[3] ?? '';
  const exponent = Number(m[4] ?? 0) - fraction.length;
  const digits = BigInt(`${m[1]}${m[2]}${fraction}`);
  return exponent >= 0 ? q(digits * 10n ** BigInt(exponent)) : q(digits, 10n ** BigInt(-exponent));
}

/**
 * Percent shares of exact parts, as documented: without `decimals` each is
 * the nearest double to `100 p / W`; with them, each exact share is cut to
 * `decimals` places and the units missing from 100 go one each to the
 * largest remainders, the earlier part on equal remainders, never to a part
 * with no remainder. `null` for every share when the whole is 0.
 */
export function expectedShares(parts: readonly Q[], decimals?: number): (number | null)[] {
  // One common denominator makes the parts integers with the same shares.
  const common = parts.reduce((m, p) => (m % p.d === 0n ? m : m * p.d), 1n);
  const ints = parts.map((p) => (p.n * common) / p.d);
  const whole = ints.reduce((s, p) => s + p, 0n);
  if (whole === 0n) return parts.map(() => null);
  if (decimals === undefined) return ints.map((p) => nearestDouble(100n * p, whole));
  const unit = 10n ** BigInt(decimals);
  const floors = ints.map((p) => (100n * unit * p) / whole);
  const rests = ints.map((p, i) => q(100n * unit * p - floors[i]! * whole, whole * unit));
  let missing = 100n * unit - floors.reduce((s, f) => s + f, 0n);
  const order = ints.map((_, i) => i);
  order.sort((i, j) => qCmp(rests[j]!, rests[i]!) || i - j);
  for (const i of order) {
    if (missing === 0n || rests[i]!.n === 0n) break;
    floors[i]! += 1n;
    missing -= 1n;
  }
  return floors.map((f) => nearestDouble(f, unit));
}

/** A dyadic rational `mantissa 2^exponent` written out in decimal, every digit (`m / 2^k = m 5^k / 10^k`). */
export function dyadicText(value: { readonly mantissa: bigint; readonly exponent: number }): string {
  if (value.exponent >= 0) return (value.mantissa << BigInt(value.exponent)).toString();
  const k = -value.exponent;
  const negative = value.mantissa < 0n;
  const digits = ((negative ? -value.mantissa : value.mantissa) * 5n ** BigInt(k)).toString().padStart(k + 1, '0');
  const text = `${digits.slice(0, -k)}.${digits.slice(-k)}`.replace(/\.?0+$/, '');
  return negative ? `-${text}` : text;
}
