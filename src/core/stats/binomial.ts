/**
 * Exact binomial sampling, reproducible on every machine: inversion for a
 * small mean and Hörmann's BTRD otherwise, using only the basic operations
 * `+ - * /`, `Math.floor`, `Math.abs`, `Math.sqrt` (correctly rounded by
 * IEEE 754) and the portable `ln` and `exp` of elementary.ts.
 */
import { domainError } from './domain-errors.js';
import { exp, ln, ln1p } from './elementary.js';
import type { Random } from './random.js';

/** `fc(k) = ln k! - (k + 1/2) ln(k + 1) + (k + 1) - ln sqrt(2π)` for k = 0..9 (mpmath, 40 digits). */
const STIRLING_CORRECTION: readonly number[] = /* @__PURE__ */ Object.freeze([
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
  if (!(Number.isSafeInteger(n) && n >= 0)) domainError('binomial', n, 'a safe integer count of at least 0');
  if (!(p >= 0 && p <= 1)) domainError('binomial', p, 'a probability from 0 to 1');
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
