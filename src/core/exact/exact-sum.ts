/**
 * Exact sums of doubles, for survey weights.
 *
 * Millions of weights are summed exactly in a fixed-point accumulator; a
 * tally keeps the exact sum as a short list of partial sums (doubles whose
 * sum, as real numbers, is the exact sum, as in Shewchuk 1997, "Adaptive
 * precision floating-point arithmetic and fast robust geometric
 * predicates"). Two lists concatenated sum to the exact sum of both, which
 * is what lets `mergeCounts` merge weighted tallies exactly.
 *
 * The exact sum is a dyadic rational `mantissa * 2^exponent` (every double
 * is one), held in `bigint`s, so sums, differences and products of sums stay
 * exact, and so is a ratio of two of them.
 */
import { type Rational, rational } from './rational.js';

/** Dekker's splitting constant, 2^27 + 1. */
const SPLITTER = 134217729;

/** 32-bit chunks covering every bit a double can have (bit positions 0 to 2098). */
const CHUNKS = 67;
const CHUNK = 4294967296; // 2^32
/** Each add changes a chunk by less than 2^32; after 2^20 adds a chunk is still below 2^53 in magnitude, so exact. */
const CARRY_EVERY = 1 << 20;

/**
 * An exact sum of doubles in fixed-point 32-bit chunks (a "small
 * superaccumulator", after Neal 2015, "Fast exact summation using small and
 * large superaccumulators"). Adding is a few integer operations and three
 * exact additions of integers held in doubles, with no branches on the
 * data; carries are propagated every 2^20 adds.
 */
export interface Accumulator {
  /** `chunks[i]` holds an integer weighing `2^(32 i - 1075)`. */
  readonly chunks: Float64Array;
  /** Scratch space to read a double's bits. */
  readonly bits: Float64Array;
  readonly words: Uint32Array;
  /** Which word of `words` is the low (and high) half of `bits[0]`. */
  readonly low: number;
  readonly high: number;
  /** Adds since the carries were last propagated. */
  adds: number;
}

/** A new accumulator holding 0. */
export function accumulator(): Accumulator {
  const bits = new Float64Array(1);
  const words = new Uint32Array(bits.buffer);
  const littleEndian = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;
  return { chunks: new Float64Array(CHUNKS), bits, words, low: littleEndian ? 0 : 1, high: littleEndian ? 1 : 0, adds: 0 };
}

/**
 * Adds a finite double to an accumulator, exactly. The double is
 * `m 2^(p - 1075)` with a 53-bit integer `m` placed at bit `p` (its biased
 * exponent); `m` shifted by `p mod 32` falls into three 32-bit chunks.
 */
export function accumulate(acc: Accumulator, x: number): void {
  const words = acc.words;
  acc.bits[0] = x;
  const hi = words[acc.high]!;
  const lo = words[acc.low]!;
  const biased = (hi >>> 20) & 0x7ff;
  const top = biased === 0 ? hi & 0xfffff : (hi & 0xfffff) | 0x100000;
  const p = biased === 0 ? 1 : biased;
  const c = p >>> 5;
  const r = p & 31;
  const p0 = r === 0 ? lo : (lo << r) >>> 0;
  const p1 = r === 0 ? top : ((top << r) | (lo >>> (32 - r))) >>> 0;
  const p2 = r === 0 ? 0 : top >>> (32 - r);
  const chunks = acc.chunks;
  if (hi >>> 31 === 0) {
    chunks[c]! += p0;
    chunks[c + 1]! += p1;
    chunks[c + 2]! += p2;
  } else {
    chunks[c]! -= p0;
    chunks[c + 1]! -= p1;
    chunks[c + 2]! -= p2;
  }
  if (++acc.adds === CARRY_EVERY) carry(acc);
}

/** Adds `x²` to an accumulator, exactly: the rounded square and its error (Dekker's product: exact while `x²` and its error are normal doubles, that is for `|x|` from about 1e-145 to 1e154). */
export function accumulateSquare(acc: Accumulator, x: number): void {
  const p = x * x;
  const c = SPLITTER * x;
  const hi = c - (c - x);
  const lo = x - hi;
  accumulate(acc, p);
  accumulate(acc, hi * hi - p + 2 * hi * lo + lo * lo);
}

/** Propagates carries so that every chunk but the last is from 0 to 2^32 - 1 (each step exact). */
function carry(acc: Accumulator): void {
  const chunks = acc.chunks;
  for (let i = 0; i < CHUNKS - 1; i++) {
    const v = chunks[i]!;
    const up = Math.floor(v / CHUNK);
    chunks[i] = v - up * CHUNK;
    chunks[i + 1]! += up;
  }
  acc.adds = 0;
}

/** The exact value of an accumulator. */
export function accumulatorSum(acc: Accumulator): Dyadic {
  carry(acc);
  let mantissa = 0n;
  for (let i = CHUNKS - 1; i >= 0; i--) mantissa = (mantissa << 32n) + BigInt(acc.chunks[i]!);
  return normalise(mantissa, -1075);
}

/** 2^(2^i) for i = 0..9 (2 to 2^512), each the exact square of the one before. */
export const POWERS_OF_TWO: readonly number[] = /* @__PURE__ */ (() => {
  const out = [2];
  for (let i = 1; i < 10; i++) out.push(out[i - 1]! * out[i - 1]!);
  return Object.freeze(out);
})();

/** `x * 2^k`, exactly (for results in the normal range), by multiplying with exact powers of two. */
export function scaleByPowerOfTwo(x: number, k: number): number {
  let y = x;
  let e = Math.abs(k);
  for (let i = 9; i >= 0; i--) {
    const step = 1 << i;
    while (e >= step) {
      y = k > 0 ? y * POWERS_OF_TWO[i]! : y / POWERS_OF_TWO[i]!;
      e -= step;
    }
  }
  return y;
}

/**
 * An exact value as a short list of partial sums: its mantissa cut into
 * 53-bit pieces, each a double, smallest first. The list is non-overlapping
 * and sums exactly to the value (for values whose pieces are normal doubles,
 * as every sum of weights from 1e-100 to 1e100 and of their squares is).
 * It depends only on the value, so equal sums give equal lists.
 */
export function partialsOf(value: Dyadic): number[] {
  const out: number[] = [];
  const negative = value.mantissa < 0n;
  let m = negative ? -value.mantissa : value.mantissa;
  let e = value.exponent;
  while (m > 0n) {
    const piece = m & 0x1fffffffffffffn;
    if (piece !== 0n) out.push(scaleByPowerOfTwo(Number(negative ? -piece : piece), e));
    m >>= 53n;
    e += 53;
  }
  return out;
}

/** An exact dyadic rational, `mantissa * 2^exponent`. */
export interface Dyadic {
  readonly mantissa: bigint;
  readonly exponent: number;
}

const ZERO: Dyadic = { mantissa: 0n, exponent: 0 };

/** A finite double, exactly, as a dyadic rational. */
export function dyadicOf(x: number): Dyadic {
  if (x === 0) return ZERO;
  if (!Number.isFinite(x)) throw new RangeError(`dyadicOf: expected a finite number, received ${x}`);
  const view = new DataView(new ArrayBuffer(8));
  view.setFloat64(0, x);
  const high = view.getUint32(0);
  const low = view.getUint32(4);
  const biased = (high >>> 20) & 0x7ff;
  let mantissa = (BigInt(high & 0xfffff) << 32n) | BigInt(low);
  let exponent: number;
  if (biased === 0) {
    exponent = -1074; // subnormal
  } else {
    mantissa |= 1n << 52n;
    exponent = biased - 1075;
  }
  return normalise(x < 0 ? -mantissa : mantissa, exponent);
}

/** The same value with the mantissa's trailing zero bits moved into the exponent. */
function normalise(mantissa: bigint, exponent: number): Dyadic {
  if (mantissa === 0n) return ZERO;
  while ((mantissa & 0xffffffffn) === 0n) {
    mantissa >>= 32n;
    exponent += 32;
  }
  while ((mantissa & 1n) === 0n) {
    mantissa >>= 1n;
    exponent += 1;
  }
  return { mantissa, exponent };
}

/** `a + b`, exactly. */
export function dyadicAdd(a: Dyadic, b: Dyadic): Dyadic {
  if (a.mantissa === 0n) return b;
  if (b.mantissa === 0n) return a;
  const e = Math.min(a.exponent, b.exponent);
  return normalise((a.mantissa << BigInt(a.exponent - e)) + (b.mantissa << BigInt(b.exponent - e)), e);
}

/** `a - b`, exactly. */
export function dyadicSub(a: Dyadic, b: Dyadic): Dyadic {
  return dyadicAdd(a, { mantissa: -b.mantissa, exponent: b.exponent });
}

/** `a * b`, exactly; `b` may be an integer. */
export function dyadicMul(a: Dyadic, b: Dyadic | number): Dyadic {
  const d = typeof b === 'number' ? dyadicOf(b) : b;
  return normalise(a.mantissa * d.mantissa, a.exponent + d.exponent);
}

/** The sign of a dyadic rational: -1, 0 or 1. */
export function dyadicSign(a: Dyadic): -1 | 0 | 1 {
  return a.mantissa === 0n ? 0 : a.mantissa < 0n ? -1 : 1;
}

/**
 * The exact sum of a list of partials (any finite doubles, in any order: a
 * list from {@link partialsOf}, or several such lists concatenated).
 */
export function exactSum(partials: readonly number[]): Dyadic {
  let sum = ZERO;
  for (const x of partials) sum = dyadicAdd(sum, dyadicOf(x));
  return sum;
}

/** A dyadic rational as a {@link Rational}, exactly. */
export function dyadicToRational(a: Dyadic): Rational {
  return a.exponent >= 0 ? { num: a.mantissa << BigInt(a.exponent), den: 1n } : { num: a.mantissa, den: 1n << BigInt(-a.exponent) };
}

/** `a / b` exactly, or `null` when `b` is 0. */
export function dyadicRatio(a: Dyadic, b: Dyadic): Rational | null {
  if (b.mantissa === 0n) return null;
  const shift = a.exponent - b.exponent;
  return rational(shift >= 0 ? a.mantissa << BigInt(shift) : a.mantissa, shift >= 0 ? b.mantissa : b.mantissa << BigInt(-shift));
}
