/**
 * The seeded NPS bootstrap and what it rests on: the PRNG against the C
 * reference (tests/vectors/xoshiro128ss.json, from
 * tests/vectors/scripts/xoshiro128ss.c), ln and exp against the engine's,
 * the binomial sampler's moments and distribution, and the interval's
 * reproducibility, agreement with the adjusted-Wald interval, and speed.
 *
 * The sampler tests use fixed seeds, so they are deterministic; their
 * tolerances are stated where they are used and are about 4 standard errors
 * of the quantity tested (a 4-sigma band that a correct sampler leaves with
 * probability about 6e-5 for an arbitrary seed).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { toNumber } from '../../src/core/exact/decimal.js';
import { rationalToDouble } from '../../src/core/exact/rational.js';
import { binomial } from '../../src/core/stats/binomial.js';
import { exp, ln, ln1p } from '../../src/core/stats/elementary.js';
import { bootstrapNpsInterval as bootstrapBounds, type NpsGroupCounts } from '../../src/core/stats/nps-bootstrap.js';
import { npsInterval } from '../../src/core/stats/nps-interval.js';
import { xoshiro128ss, xoshiro128ssFromState } from '../../src/core/stats/random.js';

/** The bootstrap interval with its bounds converted to doubles, as a result reports them without rounding. */
function bootstrapNpsInterval(counts: NpsGroupCounts, level: number, resamples: number, seed: number) {
  const i = bootstrapBounds(counts, level, resamples, seed);
  return i === null ? null : { lower: toNumber(i.lower), upper: toNumber(i.upper), standardError: toNumber(i.standardError), clamped: i.clamped };
}

const reference = JSON.parse(readFileSync(join(import.meta.dirname, '..', 'vectors', 'xoshiro128ss.json'), 'utf8')) as {
  fromState: { state: [number, number, number, number]; outputs: number[] }[];
  fromSeed: { seed: number; outputs: number[] }[];
};

const take = (next: () => number, count: number) => Array.from({ length: count }, next);

describe('xoshiro128**', () => {
  it.each(reference.fromState.map((v) => [v.state.join(', '), v] as const))('matches the C reference from state [%s]', (_name, v) => {
    expect(take(xoshiro128ssFromState(v.state).nextUint32, v.outputs.length)).toStrictEqual(v.outputs);
  });
  it.each(reference.fromSeed.map((v) => [v.seed, v] as const))('matches the C reference seeding for seed %s', (_seed, v) => {
    expect(take(xoshiro128ss(v.seed).nextUint32, v.outputs.length)).toStrictEqual(v.outputs);
  });
  it('builds uniform doubles on [0, 1) from 53 bits', () => {
    const words = take(xoshiro128ss(9).nextUint32, 2);
    const expected = ((words[0]! >>> 5) * 2 ** 26 + (words[1]! >>> 6)) / 2 ** 53;
    expect(xoshiro128ss(9).nextDouble()).toBe(expected);
    const r = xoshiro128ss(10);
    let bad = 0;
    for (let i = 0; i < 10_000; i++) {
      const u = r.nextDouble();
      if (!(u >= 0 && u < 1 && Number.isInteger(u * 2 ** 53))) bad++;
    }
    expect(bad).toBe(0);
  });
  it('rejects what is not a seed or a state', () => {
    expect(() => xoshiro128ss(1.5)).toThrow(RangeError);
    expect(() => xoshiro128ss(2 ** 53)).toThrow(RangeError);
    expect(() => xoshiro128ssFromState([0, 0, 0, 0])).toThrow(RangeError);
    expect(() => xoshiro128ssFromState([2 ** 32, 0, 0, 0])).toThrow(RangeError);
  });
});

describe('ln, ln1p and exp from basic operations', () => {
  // fdlibm's algorithms are accurate to below 1 ulp; two correctly-rounding
  // neighbours can differ by 1 ulp, so the engine's values are matched to
  // 2.3e-16 relative (just over 1 ulp, 2^-52).
  const ULP = 2.3e-16;
  it('agree with Math.log and Math.exp to 1 ulp over the whole range', () => {
    const r = xoshiro128ss(2024);
    const misses: number[] = [];
    for (let i = 0; i < 20_000; i++) {
      const x = (1 + r.nextDouble()) * 2 ** Math.floor((r.nextDouble() - 0.5) * 2090);
      if (x === 0 || x === Infinity) continue;
      const expected = Math.log(x);
      if (!(Math.abs(ln(x) - expected) <= ULP * Math.abs(expected))) misses.push(x);
      const y = (r.nextDouble() - 0.5) * 1400;
      if (!(Math.abs(exp(y) - Math.exp(y)) <= ULP * Math.exp(y))) misses.push(y);
    }
    expect(misses).toStrictEqual([]);
  });
  it('are exact where they must be, and handle the ends', () => {
    expect(ln(1)).toBe(0);
    expect(ln(2)).toBe(Math.LN2);
    expect(ln(0)).toBe(-Infinity);
    expect(ln(Infinity)).toBe(Infinity);
    expect(ln(Number.MIN_VALUE)).toBe(-744.4400719213812);
    expect(ln(Number.MAX_VALUE)).toBe(709.782712893384);
    expect(exp(0)).toBe(1);
    expect(ln1p(0)).toBe(0);
    expect(ln1p(1e-300)).toBe(1e-300);
    expect(Math.abs(ln1p(-1e-10) - Math.log1p(-1e-10))).toBeLessThanOrEqual(ULP * 1e-10);
    expect(() => ln(-1)).toThrow(RangeError);
    expect(() => ln(Number.NaN)).toThrow(RangeError);
    expect(() => ln1p(-2)).toThrow(RangeError);
    expect(() => exp(710)).toThrow(RangeError);
  });
});

/** Probabilities of Bin(n, p), from the mode outwards by the ratio recurrence, normalised. */
function binomialPmf(n: number, p: number): number[] {
  const pmf = new Array<number>(n + 1).fill(0);
  const m = Math.floor((n + 1) * p);
  pmf[m] = 1;
  for (let k = m + 1; k <= n; k++) pmf[k] = pmf[k - 1]! * ((n - k + 1) / k) * (p / (1 - p));
  for (let k = m - 1; k >= 0; k--) pmf[k] = pmf[k + 1]! * ((k + 1) / (n - k)) * ((1 - p) / p);
  const total = pmf.reduce((a, b) => a + b, 0);
  return pmf.map((v) => v / total);
}

/**
 * Pearson's chi-squared statistic of observed counts against the pmf, with
 * cells merged from each end until every cell expects at least 5, and its
 * degrees of freedom (cells - 1).
 */
function chiSquared(observed: number[], pmf: number[], draws: number): { statistic: number; df: number } {
  const cells: { o: number; e: number }[] = [];
  let lo = 0;
  const left = { o: observed[0]!, e: pmf[0]! * draws };
  while (left.e < 5) {
    lo++;
    left.o += observed[lo]!;
    left.e += pmf[lo]! * draws;
  }
  let hi = pmf.length - 1;
  const right = { o: observed[hi]!, e: pmf[hi]! * draws };
  while (right.e < 5) {
    hi--;
    right.o += observed[hi]!;
    right.e += pmf[hi]! * draws;
  }
  cells.push(left);
  for (let k = lo + 1; k < hi; k++) cells.push({ o: observed[k]!, e: pmf[k]! * draws });
  cells.push(right);
  let statistic = 0;
  for (const c of cells) statistic += (c.o - c.e) ** 2 / c.e;
  return { statistic, df: cells.length - 1 };
}

/** The 0.999 quantile of chi-squared with `df` degrees of freedom, by Wilson and Hilferty's cube-root approximation (within 1% for df >= 5). */
function chiSquared999(df: number): number {
  const z = 3.090232306167813;
  const c = 2 / (9 * df);
  return df * (1 - c + z * Math.sqrt(c)) ** 3;
}

describe('binomial', () => {
  // (n, p): inversion (n min(p, 1 - p) < 10) and BTRD, its recursive
  // acceptance (|k - m| <= 15) and its squeeze and log-ratio steps (large
  // n p q), p above 1/2 (drawn as n minus a draw at 1 - p), and huge n.
  const cases: [number, number][] = [
    [10, 0.2],
    [40, 0.2],
    [1_000_000, 0.000003],
    [25, 0.5],
    [100, 0.3],
    [1000, 0.4],
    [20_000, 0.05],
    [5000, 0.93],
    [1_000_000, 0.5],
    [1e12, 0.25],
  ];
  const DRAWS = 100_000;
  it.each(cases)('Bin(%d, %d) has mean n p and variance n p (1 - p) within 4 standard errors', (n, p) => {
    const random = xoshiro128ss(12345);
    let sum = 0;
    let sumSquares = 0;
    let outside = 0;
    const mean = n * p;
    for (let i = 0; i < DRAWS; i++) {
      const k = binomial(random, n, p);
      if (!(Number.isInteger(k) && k >= 0 && k <= n)) outside++;
      sum += k - mean;
      sumSquares += (k - mean) ** 2;
    }
    expect(outside).toBe(0);
    const variance = n * p * (1 - p);
    // standard error of the mean: sqrt(npq / N); of the variance about a
    // known mean: sqrt((mu4 - sigma^4) / N), with the binomial's fourth
    // central moment mu4 = npq (1 + 3 (n - 2) p q)
    const mu4 = variance * (1 + 3 * (n - 2) * p * (1 - p));
    expect(Math.abs(sum / DRAWS)).toBeLessThan(4 * Math.sqrt(variance / DRAWS));
    expect(Math.abs(sumSquares / DRAWS - variance)).toBeLessThan(4 * Math.sqrt((mu4 - variance ** 2) / DRAWS));
  });
  it.each(cases.filter(([n]) => n <= 20_000))('Bin(%d, %d) passes a chi-squared test of its whole distribution at the 0.1% level', (n, p) => {
    const random = xoshiro128ss(777);
    const observed = new Array<number>(n + 1).fill(0);
    for (let i = 0; i < DRAWS * 2; i++) observed[binomial(random, n, p)]! += 1;
    const { statistic, df } = chiSquared(observed, binomialPmf(n, p), DRAWS * 2);
    expect(statistic).toBeLessThan(chiSquared999(df));
  });
  it('handles the degenerate cases', () => {
    const random = xoshiro128ss(1);
    expect(binomial(random, 0, 0.3)).toBe(0);
    expect(binomial(random, 10, 0)).toBe(0);
    expect(binomial(random, 10, 1)).toBe(10);
    expect(binomial(random, 1, 0.5) <= 1).toBe(true);
    expect(() => binomial(random, -1, 0.5)).toThrow(RangeError);
    expect(() => binomial(random, 1.5, 0.5)).toThrow(RangeError);
    expect(() => binomial(random, 10, 1.5)).toThrow(RangeError);
    expect(() => binomial(random, 10, Number.NaN)).toThrow(RangeError);
  });
});

describe('bootstrapNpsInterval', () => {
  const counts = { promoters: 50, passives: 30, detractors: 20 };

  it('is reproducible: pinned values for fixed seeds', () => {
    expect(bootstrapNpsInterval(counts, 0.95, 2000, 1)).toStrictEqual(PINNED.default);
    expect(bootstrapNpsInterval({ promoters: 5, passives: 3, detractors: 2 }, 0.9, 500, 42)).toStrictEqual(PINNED.small);
    expect(bootstrapNpsInterval({ promoters: 412_345, passives: 301_007, detractors: 286_648 }, 0.99, 1000, -7)).toStrictEqual(PINNED.large);
  });
  it('gives the same interval for the same seed and different ones for different seeds', () => {
    expect(bootstrapNpsInterval(counts, 0.95, 2000, 99)).toStrictEqual(bootstrapNpsInterval(counts, 0.95, 2000, 99));
    const seen = new Set<string>();
    for (const seed of [1, 2, 3, 4, 5]) seen.add(JSON.stringify(bootstrapNpsInterval(counts, 0.95, 2000, seed)));
    expect(seen.size).toBe(5);
  });
  it('reads its bounds off the sorted resampled scores by quantile definition 7', () => {
    // replay the resampling with the same stream and compute the quantiles directly
    const random = xoshiro128ss(3);
    const n = 100;
    const scores: number[] = [];
    for (let i = 0; i < 11; i++) {
      const p = binomial(random, n, 0.5);
      const a = binomial(random, n - p, 30 / 50);
      scores.push(p - (n - p - a));
    }
    scores.sort((x, y) => x - y);
    // B = 11, level 0.8: h = 10 * 0.1 = 1 and 10 * 0.9 = 9, exactly order statistics 1 and 9
    const result = bootstrapNpsInterval(counts, 0.8, 11, 3)!;
    expect(result.lower).toBe(scores[1]);
    expect(result.upper).toBe(scores[9]);
    // level 0.5: h = 2.5 and 7.5, halfway between neighbours
    const half = bootstrapNpsInterval(counts, 0.5, 11, 3)!;
    expect(half.lower).toBe((scores[2]! + scores[3]!) / 2);
    expect(half.upper).toBe((scores[7]! + scores[8]!) / 2);
    const mean = scores.reduce((s, x) => s + x, 0) / 11;
    const sd = Math.sqrt(scores.reduce((s, x) => s + (x - mean) ** 2, 0) / 10);
    expect(Math.abs(result.standardError - sd)).toBeLessThan(1e-12 * sd);
  });
  it('is close to the adjusted-Wald interval for large n', () => {
    // n = 100,000: the bootstrap quantiles of 4,000 resamples scatter by about
    // 0.06 standard errors, so each bound must be within 0.25 standard
    // errors of the adjusted-Wald bound and the standard errors within 5%.
    const big = { promoters: 50_000, passives: 30_000, detractors: 20_000 };
    const bounds = npsInterval(big.promoters, big.passives, big.detractors, 0.95, 'adjusted-wald')!;
    const aw = { lower: rationalToDouble(bounds.lower), upper: rationalToDouble(bounds.upper), standardError: rationalToDouble(bounds.standardError) };
    const b = bootstrapNpsInterval(big, 0.95, 4000, 1)!;
    expect(Math.abs(b.lower - aw.lower)).toBeLessThan(0.25 * aw.standardError);
    expect(Math.abs(b.upper - aw.upper)).toBeLessThan(0.25 * aw.standardError);
    expect(Math.abs(b.standardError / aw.standardError - 1)).toBeLessThan(0.05);
  });
  it('resamples a million answers 2,000 times well under a second', () => {
    const million = { promoters: 450_000, passives: 350_000, detractors: 200_000 };
    bootstrapNpsInterval(million, 0.95, 200, 1); // warm up
    const start = performance.now();
    const result = bootstrapNpsInterval(million, 0.95, 2000, 1)!;
    expect(performance.now() - start).toBeLessThan(1000);
    expect(result.lower < 25 && result.upper > 25).toBe(true);
  });
  it('handles no answers, one group, one answer and one resample', () => {
    expect(bootstrapNpsInterval({ promoters: 0, passives: 0, detractors: 0 }, 0.95, 2000, 1)).toBe(null);
    expect(bootstrapNpsInterval({ promoters: 7, passives: 0, detractors: 0 }, 0.95, 100, 1)).toStrictEqual({
      lower: 100,
      upper: 100,
      standardError: 0,
      clamped: false,
    });
    expect(bootstrapNpsInterval({ promoters: 0, passives: 0, detractors: 3 }, 0.95, 100, 1)).toStrictEqual({
      lower: -100,
      upper: -100,
      standardError: 0,
      clamped: false,
    });
    expect(bootstrapNpsInterval({ promoters: 0, passives: 4, detractors: 0 }, 0.95, 100, 1)).toStrictEqual({
      lower: 0,
      upper: 0,
      standardError: 0,
      clamped: false,
    });
    const one = bootstrapNpsInterval({ promoters: 1, passives: 1, detractors: 1 }, 0.95, 1, 1)!;
    expect(one.lower).toBe(one.upper);
    expect(one.standardError).toBe(0);
  });
  it('stays in [-100, 100] and contains nothing unusual', () => {
    for (const seed of [1, 2, 3]) {
      const r = bootstrapNpsInterval({ promoters: 1, passives: 0, detractors: 1 }, 0.99, 300, seed)!;
      expect(r.lower >= -100 && r.upper <= 100 && r.lower <= r.upper).toBe(true);
      expect(r.clamped).toBe(false);
      for (const v of Object.values(r)) expect(Object.is(v, -0)).toBe(false);
    }
  });
  it('rejects arguments outside its domain', () => {
    expect(() => bootstrapNpsInterval({ promoters: -1, passives: 0, detractors: 0 }, 0.95, 10, 1)).toThrow(RangeError);
    expect(() => bootstrapNpsInterval({ promoters: 1.5, passives: 0, detractors: 0 }, 0.95, 10, 1)).toThrow(RangeError);
    expect(() => bootstrapNpsInterval(counts, 1, 10, 1)).toThrow(RangeError);
    expect(() => bootstrapNpsInterval(counts, 0.95, 0, 1)).toThrow(RangeError);
    expect(() => bootstrapNpsInterval(counts, 0.95, 2.5, 1)).toThrow(RangeError);
    expect(() => bootstrapNpsInterval(counts, 0.95, 10, 0.5)).toThrow(RangeError);
  });
});

/** Values pinned from this implementation; a change here changes every seeded interval users have recorded. */
const PINNED = {
  default: { lower: 14.975, upper: 45, standardError: 7.6652137446307025, clamped: false },
  small: { lower: -10, upper: 70, standardError: 23.240866501735752, clamped: false },
  large: { lower: 12.344968, upper: 12.782404, standardError: 0.0855262652902282, clamped: false },
};
