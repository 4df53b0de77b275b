/**
 * The seeded percentile bootstrap of NPS, and the machinery it rests on: a
 * 32-bit PRNG, exact binomial sampling, and a natural logarithm and
 * exponential that give the same bits on every machine.
 *
 * Reproducibility is the point: the same counts, level, number of
 * resamples and seed give the same interval on every machine and every
 * JavaScript engine. So:
 *
 * - the PRNG (xoshiro128**, seeded through SplitMix32) uses integer
 *   operations only (`Math.imul`, shifts, `>>> 0`), and a uniform double is
 *   formed from 53 of its bits by exact arithmetic;
 * - the samplers use only the basic operations `+ - * /`, which IEEE 754
 *   rounds correctly (and JavaScript never fuses or widens), `Math.floor`,
 *   `Math.abs` and `Math.sqrt` (correctly rounded by IEEE 754, which every
 *   engine implements with the hardware instruction). `Math.log`,
 *   `Math.exp` and `Math.pow` are implementation-approximated in
 *   ECMAScript and do differ between engines, so {@link ln} and {@link exp}
 *   below are written out from basic operations (the fdlibm algorithms);
 * - the bounds are read off the sorted resampled scores with exact decimal
 *   arithmetic.
 *
 * These functions take validated arguments: an argument outside its domain
 * is a caller's bug and throws a `RangeError`, never a `MetricsError`.
 */
import { Dec, toNumber } from '../exact/decimal.js';
import { sampleVariance } from './intervals.js';

/** Throws the `RangeError` for an argument outside a function's domain. */
function domain(name: string, value: unknown, what: string): never {
  throw new RangeError(`${name}: expected ${what}, received ${String(value)}`);
}

// ---------------------------------------------------------------------------
// The PRNG.

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
  if (!Number.isSafeInteger(seed)) domain('xoshiro128ss', seed, 'a safe integer seed');
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
  for (const w of state) if (!(Number.isInteger(w) && w >= 0 && w <= 0xffffffff)) domain('xoshiro128ssFromState', w, 'a 32-bit unsigned word');
  if (state.every((w) => w === 0)) domain('xoshiro128ssFromState', state.join(', '), 'a state that is not all zero');
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

// ---------------------------------------------------------------------------
// ln and exp from basic operations (fdlibm's e_log.c and e_exp.c).

/** 2^(2^i) for i = 0..9 (2 to 2^512), each the exact square of the one before. */
const POWERS_OF_TWO: readonly number[] = (() => {
  const out = [2];
  for (let i = 1; i < 10; i++) out.push(out[i - 1]! * out[i - 1]!);
  return Object.freeze(out);
})();

/** `x * 2^k`, exactly (for results in the normal range), by multiplying with exact powers of two. */
function scaleByPowerOfTwo(x: number, k: number): number {
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

const LN2_HI = 6.9314718036912381649e-1;
const LN2_LO = 1.90821492927058770002e-10;
const LG1 = 6.66666666666673513e-1;
const LG2 = 3.999999999940941908e-1;
const LG3 = 2.857142874366239149e-1;
const LG4 = 2.222219843214978396e-1;
const LG5 = 1.818357216161805012e-1;
const LG6 = 1.531383769920937332e-1;
const LG7 = 1.479819860511658591e-1;
const SQRT2 = 1.4142135623730951;
const SQRT_HALF = 0.7071067811865476;

/**
 * The natural logarithm, from basic operations only, so that every engine
 * gives the same bits (fdlibm's `__ieee754_log`, error below 1 ulp).
 * `x = 2^k m` with `m` in [sqrt(1/2), sqrt(2)) (found by exact scaling),
 * `f = m - 1` (exact), `s = f / (2 + f)`, and
 * `ln m = f - f²/2 + s (f²/2 + R(s²))` with fdlibm's minimax polynomial
 * `R`; `k ln 2` is added in two parts.
 *
 * @returns `ln x`; `-Infinity` at 0, `Infinity` at `Infinity`.
 * @throws RangeError when `x` is negative or NaN.
 */
export function ln(x: number): number {
  if (!(x >= 0)) domain('ln', x, 'a number of at least 0');
  if (x === 0) return -Infinity;
  if (x === Infinity) return Infinity;
  let m = x;
  let k = 0;
  if (m < 1e-300) {
    // below 2^-996, and so possibly subnormal: bring it up by 2^64 first
    m *= POWERS_OF_TWO[6]!;
    k = -64;
  }
  for (let i = 9; i >= 0; i--) {
    const p = POWERS_OF_TWO[i]!;
    if (m >= p) {
      m /= p;
      k += 1 << i;
    }
  }
  for (let i = 9; i >= 0; i--) {
    const p = POWERS_OF_TWO[i]!;
    if (m * p < 2) {
      m *= p;
      k -= 1 << i;
    }
  }
  // m is now in [1, 2) (the second loop brings a subnormal or small x up,
  // every product exact); move it into [sqrt(1/2), sqrt(2)).
  if (m >= SQRT2) {
    m /= 2;
    k += 1;
  }
  if (m < SQRT_HALF) {
    m *= 2;
    k -= 1;
  }
  const f = m - 1;
  const hfsq = 0.5 * f * f;
  const s = f / (2 + f);
  const z = s * s;
  const w = z * z;
  const t1 = w * (LG2 + w * (LG4 + w * LG6));
  const t2 = z * (LG1 + w * (LG3 + w * (LG5 + w * LG7)));
  const r = t2 + t1;
  return k * LN2_HI - (hfsq - (s * (hfsq + r) + k * LN2_LO) - f);
}

/**
 * `ln(1 + x)` accurately for small `x`, from {@link ln}: with `u = 1 + x`
 * rounded, `ln(u) x / (u - 1)` cancels the rounding of `u` (Goldberg 1991,
 * "What every computer scientist should know about floating-point
 * arithmetic", theorem 4).
 *
 * @throws RangeError when `x` is below -1 or NaN.
 */
export function ln1p(x: number): number {
  if (!(x >= -1)) domain('ln1p', x, 'a number of at least -1');
  const u = 1 + x;
  if (u === 1) return x;
  return (ln(u) * x) / (u - 1);
}

const INV_LN2 = 1.442695040888963387;
const P1 = 1.66666666666666019037e-1;
const P2 = -2.77777777770155933842e-3;
const P3 = 6.61375632143793436117e-5;
const P4 = -1.6533902205465251539e-6;
const P5 = 4.13813679705723846039e-8;

/**
 * `e^x` from basic operations only (fdlibm's `__ieee754_exp`, error below
 * 1 ulp): `x = k ln 2 + r` with `|r| <= ln(2)/2` (`k ln 2` subtracted in two
 * parts), a minimax rational approximation on `r`, and an exact scaling by
 * `2^k`.
 *
 * @param x - At most 709 in absolute value (the scaling stays in the normal range).
 * @throws RangeError when `|x| > 709` or `x` is NaN.
 */
export function exp(x: number): number {
  if (!(Math.abs(x) <= 709)) domain('exp', x, 'a number from -709 to 709');
  if (x === 0) return 1;
  const k = Math.floor(x * INV_LN2 + 0.5);
  const hi = x - k * LN2_HI;
  const lo = k * LN2_LO;
  const r = hi - lo;
  const t = r * r;
  const c = r - t * (P1 + t * (P2 + t * (P3 + t * (P4 + t * P5))));
  const y = 1 - (lo - (r * c) / (2 - c) - hi);
  return scaleByPowerOfTwo(y, k);
}

// ---------------------------------------------------------------------------
// Binomial sampling.

/** `fc(k) = ln k! - (k + 1/2) ln(k + 1) + (k + 1) - ln sqrt(2π)` for k = 0..9 (mpmath, 40 digits). */
const STIRLING_CORRECTION: readonly number[] = Object.freeze([
  0.08106146679532726, 0.0413406959554093, 0.02767792568499834, 0.020790672103765093, 0.016644691189821193, 0.013876128823070748, 0.01189670994589177,
  0.010411265261972096, 0.009255462182712733, 0.00833056343336287,
]);

/** The Stirling correction `fc(k)`: the table below 10, its asymptotic series above. */
function stirlingCorrection(k: number): number {
  if (k < 10) return STIRLING_CORRECTION[k]!;
  const k1 = k + 1;
  const k1sq = k1 * k1;
  return (1 / 12 - (1 / 360 - 1 / 1260 / k1sq) / k1sq) / k1;
}

/** Below this `n min(p, 1 - p)` the binomial sampler inverts the distribution; above it, BTRD. */
const INVERSION_LIMIT = 10;
/** Inversion restarts past this count, which a mean below 10 reaches with probability below 1e-60. */
const INVERSION_MAX = 110;

/**
 * A binomial variate `Bin(n, p)`, exactly distributed (up to the rounding
 * of the double arithmetic), in constant expected time.
 *
 * With `p` folded to `min(p, 1 - p)` (the draw is then `n - k`):
 *
 * - `n p < 10`: inversion by sequential search from 0 (Kachitvichyanukul
 *   and Schmeiser 1988, BINV): `P(0) = q^n` (as `exp(n ln(1 - p))`), then
 *   `P(k) = P(k - 1) ((n + 1) p/q / k - p/q)`; the expected number of steps is
 *   `n p + 1`.
 * - otherwise: BTRD, the transformed rejection with decomposition of
 *   Hörmann (1993, "The generation of binomial random variates", J.
 *   Statist. Comput. Simul. 46, 101-110), with his constants: a fast
 *   acceptance region that needs one uniform, then a transformed-rejection
 *   step accepted by evaluating `f(k)/f(m)` recursively when `|k - m| <= 15`,
 *   by a squeeze, or by the exact log-ratio with Stirling corrections.
 *   The expected number of uniforms per variate is below 2.5 for every
 *   `n p >= 10`.
 *
 * @param random - The uniform stream.
 * @param n - Trials: a safe integer of at least 0.
 * @param p - Success probability, from 0 to 1.
 * @throws RangeError when an argument is out of its domain.
 */
export function binomial(random: Random, n: number, p: number): number {
  if (!(Number.isSafeInteger(n) && n >= 0)) domain('binomial', n, 'a safe integer count of at least 0');
  if (!(p >= 0 && p <= 1)) domain('binomial', p, 'a probability from 0 to 1');
  if (n === 0 || p === 0) return 0;
  if (p === 1) return n;
  const flip = p > 0.5;
  const q = flip ? 1 - p : p;
  const k = n * q < INVERSION_LIMIT ? binomialInversion(random, n, q) : binomialBtrd(random, n, q);
  return flip ? n - k : k;
}

/** BINV: sequential search from 0, for `p <= 1/2` and `n p < 10`. */
function binomialInversion(random: Random, n: number, p: number): number {
  const q = 1 - p;
  const s = p / q;
  const a = (n + 1) * s;
  const start = exp(n * ln1p(-p));
  const max = Math.min(n, INVERSION_MAX);
  for (;;) {
    let u = random.nextDouble();
    let pk = start;
    let k = 0;
    while (u >= pk) {
      u -= pk;
      k += 1;
      if (k > max) break;
      pk *= a / k - s;
    }
    if (k <= max) return k;
  }
}

/** BTRD (Hörmann 1993), for `p <= 1/2` and `n p >= 10`; step numbers follow the paper. */
function binomialBtrd(random: Random, n: number, p: number): number {
  // Step 0: set-up.
  const q = 1 - p;
  const m = Math.floor((n + 1) * p);
  const r = p / q;
  const nr = (n + 1) * r;
  const npq = n * p * q;
  const spq = Math.sqrt(npq);
  const b = 1.15 + 2.53 * spq;
  const a = -0.0873 + 0.0248 * b + 0.01 * p;
  const c = n * p + 0.5;
  const alpha = (2.83 + 5.1 / b) * spq;
  const vr = 0.92 - 4.2 / b;
  const urvr = 0.86 * vr;
  let h = NaN; // step 3.3, computed once when first needed
  for (;;) {
    // Step 1: the fast acceptance region.
    let v = random.nextDouble();
    let u: number;
    if (v <= urvr) {
      u = v / vr - 0.43;
      const k = Math.floor(((2 * a) / (0.5 - Math.abs(u)) + b) * u + c);
      // always inside [0, n] for n p >= 10; the check only guards the arithmetic
      if (k >= 0 && k <= n) return k;
      continue;
    }
    // Step 2: a point (u, v) in the rest of the hat.
    if (v >= vr) {
      u = random.nextDouble() - 0.5;
    } else {
      u = v / vr - 0.93;
      u = Math.sign(u) * 0.5 - u;
      v = random.nextDouble() * vr;
    }
    // Step 3.0
    const us = 0.5 - Math.abs(u);
    const k = Math.floor(((2 * a) / us + b) * u + c);
    if (k < 0 || k > n) continue;
    v = (v * alpha) / (a / (us * us) + b);
    const km = Math.abs(k - m);
    if (km <= 15) {
      // Step 3.1: f(k)/f(m) by the recursion f(i)/f(i - 1) = nr/i - r.
      let f = 1;
      if (m < k) {
        for (let i = m + 1; i <= k; i++) f *= nr / i - r;
      } else if (m > k) {
        for (let i = k + 1; i <= m; i++) v *= nr / i - r;
      }
      if (v <= f) return k;
      continue;
    }
    // Step 3.2: squeeze.
    const lv = ln(v);
    const rho = (km / npq) * (((km / 3 + 0.625) * km + 1 / 6) / npq + 0.5);
    const t = (-km * km) / (2 * npq);
    if (lv < t - rho) return k;
    if (lv > t + rho) continue;
    // Step 3.3
    const nm = n - m + 1;
    if (Number.isNaN(h)) h = (m + 0.5) * ln((m + 1) / (r * nm)) + stirlingCorrection(m) + stirlingCorrection(n - m);
    // Step 3.4: the final acceptance-rejection test.
    const nk = n - k + 1;
    if (lv <= h + (n + 1) * ln(nm / nk) + (k + 0.5) * ln((nk * r) / (k + 1)) - stirlingCorrection(k) - stirlingCorrection(n - k)) return k;
  }
}

// ---------------------------------------------------------------------------
// The NPS bootstrap.

/** NPS group counts, as the bootstrap reads them. */
export interface NpsGroupCounts {
  readonly promoters: number;
  readonly passives: number;
  readonly detractors: number;
}

/** A bootstrap interval for NPS, in points. */
export interface BootstrapInterval {
  readonly lower: number;
  readonly upper: number;
  /** The standard deviation of the resampled scores (`resamples - 1` denominator), in points; 0 for one resample. */
  readonly standardError: number;
  /** Always `false`: every resampled score lies in [-100, 100], so the bounds do too. */
  readonly clamped: boolean;
}

/**
 * A seeded percentile bootstrap interval for NPS (Efron and Tibshirani
 * 1993, *An Introduction to the Bootstrap*, ch. 13), identical on every
 * machine for the same arguments.
 *
 * Each of the `resamples` resamples draws `n` answers with replacement from
 * the observed answers. Only the group counts matter, so a resample is one
 * multinomial draw over the three groups, made as two exact binomial
 * draws ({@link binomial}): promoters `~ Bin(n, P/n)`, then passives
 * `~ Bin(n - promoters, A/(A + D))` among the rest; the cost does not grow
 * with `n`. Its score is `100 (promoters - detractors) / n`.
 *
 * The bounds are the `α/2` and `1 - α/2` quantiles (`α = 1 - level`) of the
 * resampled scores by Hyndman and Fan's definition 7 (R's and NumPy's
 * default): sorted scores `x₀ <= ... <= x_{B-1}`, `h = (B - 1) q`,
 * `Q(q) = x_⌊h⌋ + (h - ⌊h⌋)(x_{⌊h⌋+1} - x_⌊h⌋)`, evaluated in exact decimal
 * arithmetic from the integer differences `promoters - detractors`.
 *
 * @param counts - Group counts: safe integers of at least 0.
 * @param level - Confidence level, strictly between 0 and 1.
 * @param resamples - Number of resamples `B`: an integer from 1 to 10^7.
 * @param seed - Seed of the PRNG ({@link xoshiro128ss}): a safe integer.
 * @returns The interval, or `null` when there are no answers.
 * @throws RangeError when an argument is out of its domain.
 */
export function bootstrapNpsInterval(counts: NpsGroupCounts, level: number, resamples: number, seed: number): BootstrapInterval | null {
  const { promoters, passives, detractors } = counts;
  for (const [name, v] of [
    ['promoters', promoters],
    ['passives', passives],
    ['detractors', detractors],
  ] as const) {
    if (!(Number.isSafeInteger(v) && v >= 0)) domain('bootstrapNpsInterval', v, `a count of ${name} (a safe integer of at least 0)`);
  }
  if (!(level > 0 && level < 1)) domain('bootstrapNpsInterval', level, 'a level strictly between 0 and 1');
  if (!(Number.isInteger(resamples) && resamples >= 1 && resamples <= 1e7))
    domain('bootstrapNpsInterval', resamples, 'an integer number of resamples from 1 to 10^7');
  if (!Number.isSafeInteger(seed)) domain('bootstrapNpsInterval', seed, 'a safe integer seed');
  const n = promoters + passives + detractors;
  if (!Number.isSafeInteger(n)) domain('bootstrapNpsInterval', n, 'a total below 2^53');
  if (n === 0) return null;

  const random = xoshiro128ss(seed);
  const pPromoter = promoters / n;
  const rest = passives + detractors;
  const pPassiveOfRest = rest === 0 ? 0 : passives / rest;
  const differences = new Float64Array(resamples);
  let sum = 0n;
  let sumSquares = 0n;
  for (let i = 0; i < resamples; i++) {
    const p = binomial(random, n, pPromoter);
    const a = binomial(random, n - p, pPassiveOfRest);
    const d = p - (n - p - a);
    differences[i] = d;
    const big = BigInt(d);
    sum += big;
    sumSquares += big * big;
  }
  differences.sort();

  const hundred = new Dec(100);
  const tail = new Dec(1).minus(new Dec(level)).dividedBy(2);
  const quantile = (q: Dec): number => {
    const h = q.times(resamples - 1);
    const j = h.floor().toNumber();
    const lo = new Dec(differences[j]!);
    const value = j + 1 < resamples ? lo.plus(h.minus(j).times(new Dec(differences[j + 1]!).minus(lo))) : lo;
    return toNumber(value.times(hundred).dividedBy(n));
  };
  const variance = sampleVariance(resamples, sum, sumSquares);
  return {
    lower: quantile(tail),
    upper: quantile(new Dec(1).minus(tail)),
    standardError: variance === null ? 0 : toNumber(variance.sqrt().times(hundred).dividedBy(n)),
    clamped: false,
  };
}
