/**
 * Percent shares against an exact-rational oracle: the largest-remainder
 * rule decided on exact remainders, for counts and for weight sums, at
 * every `decimals` from 0 to 4.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { countShares, weightShares } from '../../src/core/exact/shares.js';
import { cesFromCounts, csatFromCounts, nps, npsFromCounts } from '../../src/index.js';
import { expectedShares, q, unitsOfDouble } from '../helpers/rational.js';

/** The documented rule, from the shared oracle. */
function oracle(parts: readonly bigint[], decimals: number): (number | null)[] {
  return expectedShares(
    parts.map((p) => q(p)),
    decimals,
  );
}

const decimals = fc.integer({ min: 0, max: 4 });
const format = (d: number) => ({ decimals: d, rounding: 'half-up' as const });

describe('percent shares: the largest-remainder rule on exact remainders', () => {
  it('breaks exact ties by the earlier group, as documented', () => {
    const tie = (promoters: number, passives: number, detractors: number, d: number) => {
      const r = npsFromCounts({ metric: 'nps', promoters, passives, detractors, excluded: 0 }, { decimals: d });
      return [r.promoters.percent, r.passives.percent, r.detractors.percent];
    };
    // Every remainder is exactly 1/3: the extra unit goes to the promoters.
    expect(tie(10, 1, 1, 0)).toStrictEqual([84, 8, 8]);
    expect(tie(4, 7, 1, 0)).toStrictEqual([34, 58, 8]);
    expect(tie(4, 7, 1, 2)).toStrictEqual([33.34, 58.33, 8.33]);
  });

  it('equals the oracle on random counts', () => {
    fc.assert(
      fc.property(fc.array(fc.nat({ max: 1_000_000 }), { minLength: 1, maxLength: 12 }), decimals, (counts, d) => {
        expect(countShares(counts, format(d))).toStrictEqual(oracle(counts.map(BigInt), d));
      }),
      { numRuns: 500 },
    );
  });

  it('equals the oracle on counts made of equal remainders, the case 80-digit quotients got wrong', () => {
    // Parts k, k + W/3^j ... chosen so that remainders tie often: a whole of 3^a 7^b.
    const whole = fc.constantFrom(3, 6, 7, 12, 21, 27, 63, 81, 3 ** 12, 7 ** 9, 3 ** 20 * 7);
    fc.assert(
      fc.property(whole, fc.array(fc.nat(), { minLength: 2, maxLength: 6 }), decimals, (w, raw, d) => {
        const total = raw.reduce((s, x) => s + x, 0);
        if (total === 0) return;
        // Scale the parts to sum to w (largest-remainder on integers), so the whole is w.
        const parts = raw.map((x) => Math.floor((x * w) / total));
        parts[0]! += w - parts.reduce((s, x) => s + x, 0);
        expect(countShares(parts, format(d))).toStrictEqual(oracle(parts.map(BigInt), d));
      }),
      { numRuns: 500 },
    );
  });

  it('equals the oracle near 2^53 and sums to exactly 100', () => {
    const big = fc.bigInt({ min: 0n, max: 2n ** 51n });
    fc.assert(
      fc.property(fc.array(big, { minLength: 2, maxLength: 4 }), decimals, (parts, d) => {
        const shares = countShares(parts.map(Number), format(d));
        expect(shares).toStrictEqual(oracle(parts, d));
        if (shares[0] !== null) {
          const units = shares.reduce((s, x) => s + BigInt(Math.round(x! * 10 ** d)), 0n);
          expect(units).toBe(100n * 10n ** BigInt(d));
        }
      }),
      { numRuns: 300 },
    );
  });

  it('equals the oracle on exact weight sums, with extreme weights', () => {
    const weight = fc.oneof(fc.double({ min: 1e-100, max: 1e100, noNaN: true }), fc.constantFrom(0, 1, 1e-100, 1e100, 0.1, 1 / 3));
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.integer({ min: 0, max: 10 }), weight), { minLength: 1, maxLength: 30 }), decimals, (answers, d) => {
        const scores = answers.map(([s]) => s);
        const weights = answers.map(([, w]) => w);
        const r = nps(scores, { weights, decimals: d });
        // The oracle on the exact weight sums of each group, as dyadic integers on one scale.
        const sums = [0n, 0n, 0n];
        for (const [s, w] of answers) sums[s >= 9 ? 0 : s <= 6 ? 2 : 1]! += unitsOfDouble(w);
        expect([r.promoters.percent, r.passives.percent, r.detractors.percent]).toStrictEqual(oracle(sums, d));
      }),
      { numRuns: 300 },
    );
  });

  it('rounds CSAT and CES distributions by the same rule', () => {
    fc.assert(
      fc.property(fc.array(fc.nat({ max: 50 }), { minLength: 5, maxLength: 5 }), decimals, (counts, d) => {
        const points = Object.fromEntries(counts.map((c, i) => [String(i + 1), c]));
        const expected = oracle(counts.map(BigInt), d);
        const scale = { min: 1, max: 5 };
        expect(csatFromCounts({ points }, { scale, decimals: d }).distribution.map((p) => p.percent)).toStrictEqual(expected);
        expect(cesFromCounts({ points }, { scale, decimals: d }).distribution.map((p) => p.percent)).toStrictEqual(expected);
      }),
      { numRuns: 300 },
    );
  });

  it('gives weight sums of zero no shares', () => {
    expect(weightShares([], format(0))).toStrictEqual([]);
    expect(weightShares([{ mantissa: 0n, exponent: 0 }], format(1))).toStrictEqual([null]);
  });
});
