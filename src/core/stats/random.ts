/**
 * A seeded pseudorandom number generator that gives the same stream on every
 * machine and every JavaScript engine: xoshiro128** (seeded through
 * SplitMix32) uses integer operations only (`Math.imul`, shifts, `>>> 0`),
 * and a uniform double is formed from 53 of its bits by exact arithmetic.
 */
import { domainError } from './domain-errors.js';

/** A stream of uniform random numbers. Each call advances its private state. */
export interface Random {
  /** The next 32 random bits, as an integer from 0 to 2^32 - 1. */
  readonly nextUint32: () => number;
  /** The next uniform double on [0, 1): a multiple of 2^-53 built from 53 random bits. */
  readonly nextDouble: () => number;
}

/** 2^-53: the spacing of the uniform doubles. */
const TWO_POW_MINUS_53 = 1 / 9007199254740992;

/**
 * SplitMix32: a Weyl sequence with step 0x9e3779b9 (the golden ratio in 32
 * bits) passed through MurmurHash3's 32-bit finalizer. Used only to spread a
 * seed over the four words of xoshiro128**'s state, so that nearby seeds
 * give unrelated streams.
 */
function splitMix32(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x9e3779b9) >>> 0;
    let z = state;
    z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
    z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
    return (z ^ (z >>> 16)) >>> 0;
  };
}

/**
 * xoshiro128** (Blackman and Vigna 2018, "Scrambled linear pseudorandom
 * number generators"): 128 bits of state, period 2^128 - 1, good
 * statistical quality, integer operations only.
 *
 * The seed, any safe integer, is split into its low and high 32 bits
 * (`seed = high 2^32 + low`, `low` from 0 to 2^32 - 1): the first output of
 * a SplitMix32 seeded with `low`, XORed with `high` (as a 32-bit word),
 * seeds a second SplitMix32 whose next four outputs are the state (an
 * all-zero state, which xoshiro cannot leave, becomes `[1, 0, 0, 0]`).
 *
 * @param seed - A safe integer (negative allowed).
 * @throws RangeError when `seed` is not a safe integer.
 */
export function xoshiro128ss(seed: number): Random {
  if (!Number.isSafeInteger(seed)) domainError('xoshiro128ss', seed, 'a safe integer seed');
  const high = Math.floor(seed / 4294967296);
  const low = seed - high * 4294967296;
  const mixLow = splitMix32(low);
  const mixHigh = splitMix32(high ^ mixLow());
  const state = [mixHigh(), mixHigh(), mixHigh(), mixHigh()] as const;
  return xoshiro128ssFromState((state[0] | state[1] | state[2] | state[3]) === 0 ? [1, 0, 0, 0] : state);
}

/**
 * xoshiro128** started from an explicit state of four 32-bit words (not
 * all zero), as in the reference implementation `xoshiro128starstar.c`.
 *
 * @throws RangeError when a word is not an integer from 0 to 2^32 - 1, or all are zero.
 */
export function xoshiro128ssFromState(state: readonly [number, number, number, number]): Random {
  for (const w of state) if (!(Number.isInteger(w) && w >= 0 && w <= 0xffffffff)) domainError('xoshiro128ssFromState', w, 'a 32-bit unsigned word');
  if (state.every((w) => w === 0)) domainError('xoshiro128ssFromState', state.join(', '), 'a state that is not all zero');
  let [s0, s1, s2, s3] = state;
  const nextUint32 = (): number => {
    const x = Math.imul(s1, 5);
    const result = Math.imul((x << 7) | (x >>> 25), 9) >>> 0;
    const t = s1 << 9;
    s2 ^= s0;
    s3 ^= s1;
    s1 ^= s2;
    s0 ^= s3;
    s2 ^= t;
    s3 = (s3 << 11) | (s3 >>> 21);
    return result;
  };
  const nextDouble = (): number => {
    const a = nextUint32() >>> 5; // 27 bits
    const b = nextUint32() >>> 6; // 26 bits
    return (a * 67108864 + b) * TWO_POW_MINUS_53;
  };
  return { nextUint32, nextDouble };
}
