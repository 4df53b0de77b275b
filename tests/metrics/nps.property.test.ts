import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { mergeCounts, nps, npsCounts, npsFromCounts } from '../../src/index.js';
import { expectMetricsError } from '../helpers/errors.js';
import { exactPercent, isClean, nearestDouble } from '../helpers/rational.js';

const score = fc.integer({ min: 0, max: 10 });
const scores = fc.array(score, { maxLength: 200 });
const counts = fc.record({ promoters: fc.nat({ max: 1e9 }), passives: fc.nat({ max: 1e9 }), detractors: fc.nat({ max: 1e9 }) });
const decimals = fc.option(fc.integer({ min: 0, max: 15 }), { nil: undefined });

describe('nps: properties', () => {
  it('stays within -100..100 with shares within 0..100, and the output is clean', () => {
    fc.assert(
      fc.property(counts, decimals, (c, d) => {
        const r = npsFromCounts(c, d === undefined ? {} : { decimals: d });
        expect(isClean(r)).toBe(true);
        if (r.value !== null) {
          expect(r.value).toBeGreaterThanOrEqual(-100);
          expect(r.value).toBeLessThanOrEqual(100);
        }
        for (const g of [r.promoters, r.passives, r.detractors]) {
          if (g.percent !== null) {
            expect(g.percent).toBeGreaterThanOrEqual(0);
            expect(g.percent).toBeLessThanOrEqual(100);
          }
        }
      }),
    );
  });

  it('equals the exact rational 100 (p - d) / n, converted once (BigInt oracle)', () => {
    fc.assert(
      fc.property(counts, (c) => {
        const n = c.promoters + c.passives + c.detractors;
        const r = npsFromCounts(c);
        expect(r.value).toBe(n === 0 ? null : nearestDouble(100n * BigInt(c.promoters - c.detractors), BigInt(n)));
        expect(r.promoters.percent).toBe(exactPercent(c.promoters, n));
        expect(r.detractors.percent).toBe(exactPercent(c.detractors, n));
      }),
    );
  });

  it('does not depend on the order of answers', () => {
    fc.assert(
      fc.property(scores, fc.infiniteStream(fc.nat()), (s, randomness) => {
        const shuffled = [...s];
        const it = randomness[Symbol.iterator]();
        for (let i = shuffled.length - 1; i > 0; i--) {
          const j = it.next().value % (i + 1);
          [shuffled[i], shuffled[j]] = [shuffled[j]!, shuffled[i]!];
        }
        expect(nps(shuffled)).toStrictEqual(nps(s));
      }),
      { numRuns: 200 },
    );
  });

  it('does not change when every count is multiplied by k', () => {
    fc.assert(
      fc.property(counts, fc.integer({ min: 1, max: 1000 }), decimals, (c, k, d) => {
        const o = d === undefined ? {} : { decimals: d };
        const a = npsFromCounts(c, o);
        const b = npsFromCounts({ promoters: c.promoters * k, passives: c.passives * k, detractors: c.detractors * k }, o);
        expect(b.value).toBe(a.value);
        expect(b.promoters.percent).toBe(a.promoters.percent);
        expect(b.passives.percent).toBe(a.passives.percent);
      }),
    );
  });

  it('gives the same result on the raw path, the counts path and typed arrays', () => {
    fc.assert(
      fc.property(scores, decimals, (s, d) => {
        const o = d === undefined ? {} : { decimals: d };
        const raw = nps(s, o);
        expect(npsFromCounts(npsCounts(s), o)).toStrictEqual(raw);
        expect(nps(Uint8Array.from(s), o)).toStrictEqual(raw);
        expect(nps(Float64Array.from(s), o)).toStrictEqual(raw);
      }),
      { numRuns: 200 },
    );
  });

  it('merges: the tallies of two parts merge into the tally of the whole', () => {
    fc.assert(
      fc.property(scores, scores, (a, b) => {
        const merged = mergeCounts(npsCounts(a), npsCounts(b));
        expect(merged).toStrictEqual(npsCounts([...a, ...b]));
        expect(npsFromCounts(merged)).toStrictEqual(nps([...a, ...b]));
      }),
      { numRuns: 200 },
    );
  });

  it('merges with missing answers excluded too', () => {
    const withMissing = fc.array(fc.oneof(score, fc.constant(null), fc.constant(Number.NaN)), { maxLength: 50 });
    fc.assert(
      fc.property(withMissing, withMissing, (a, b) => {
        const o = { missing: 'exclude' } as const;
        expect(mergeCounts(npsCounts(a, o), npsCounts(b, o))).toStrictEqual(npsCounts([...a, ...b], o));
      }),
      { numRuns: 100 },
    );
  });

  it('throws a MetricsError at the first bad answer, wherever it is', () => {
    const bad = fc.oneof(
      fc.integer({ min: 11, max: 1000 }),
      fc.integer({ min: -1000, max: -1 }),
      fc.double({ min: 0, max: 10, noNaN: true }).filter((x) => !Number.isInteger(x)),
      fc.constant(Infinity),
      fc.string(),
      fc.constant(null),
      fc.boolean(),
      fc.constant({}),
    );
    fc.assert(
      fc.property(scores, bad, scores, (before, x, after) => {
        expectMetricsError(() => nps([...before, x as number, ...after]), 'nps', ['scores', before.length]);
      }),
      { numRuns: 200 },
    );
  });

  it('weighted: equals the exact rational 100 (P - D) / W of the weight sums, converted once, however far apart the weights are (BigInt oracle)', () => {
    // Weights from 1e-100 to 1e100 make weight sums with hundreds of digits: the score must still be formed exactly and rounded once.
    const weight = fc.oneof(
      fc.constantFrom(1e-100, 1e-50, 1e-8, 2 ** -60, 0.1, 0.3, 1 + 2 ** -52, 7, 1000, 1e6, 1e100),
      fc.double({ min: 1e-3, max: 1e3, noNaN: true }),
    );
    const answers = fc.array(fc.tuple(score, weight), { minLength: 1, maxLength: 30 });
    fc.assert(
      fc.property(answers, (a) => {
        const r = nps(
          a.map(([s]) => s),
          { weights: a.map(([, w]) => w) },
        );
        let net = 0n;
        let total = 0n;
        for (const [s, w] of a) {
          const exact = timesTwoTo1074(w);
          total += exact;
          if (s >= 9) net += exact;
          else if (s <= 6) net -= exact;
        }
        expect(r.value).toBe(nearestDouble(100n * net, total));
      }),
      { numRuns: 300 },
    );
  });
});

/** A finite non-negative double times 2^1074, exactly: an integer, since every double is a multiple of 2^-1074. */
function timesTwoTo1074(x: number): bigint {
  const view = new DataView(new ArrayBuffer(8));
  view.setFloat64(0, x);
  const high = view.getUint32(0);
  const fraction = (BigInt(high & 0xfffff) << 32n) | BigInt(view.getUint32(4));
  const biased = (high >>> 20) & 0x7ff;
  return biased === 0 ? fraction : (fraction | (1n << 52n)) << BigInt(biased - 1);
}
