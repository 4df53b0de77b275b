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
