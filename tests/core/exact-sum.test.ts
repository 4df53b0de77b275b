/**
 * Exact sums of doubles (core/exact/exact-sum.ts) against an exact BigInt oracle:
 * every finite double is `m 2^e`, so sums of doubles are exact rationals
 * with a power-of-two denominator, computed here independently.
 */

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  accumulate,
  accumulateSquare,
  accumulator,
  accumulatorSum,
  type Dyadic,
  dyadicAdd,
  dyadicOf,
  dyadicRatio,
  exactSum,
  partialsOf,
} from '../../src/core/exact/exact-sum.js';
import { dyadicText, unitsOfDouble } from '../helpers/rational.js';

/** A finite double as numerator / 2^1100, exactly (every finite double is a multiple of 2^-1074). */
const scaled = (x: number): bigint => unitsOfDouble(x) << 26n;

/** A dyadic rational as numerator / 2^1100 (exact for the values here). */
function dyadicScaled(d: Dyadic): bigint {
  const shift = d.exponent + 1100;
  return shift >= 0 ? d.mantissa << BigInt(shift) : d.mantissa >> BigInt(-shift);
}

const oracle = (xs: readonly number[]) => xs.reduce((s, x) => s + scaled(x), 0n);

// Doubles over a wide range of magnitudes, both signs: the hard case for summation.
const wide = fc.oneof(
  fc.double({ noNaN: true, noDefaultInfinity: true, min: -1e100, max: 1e100 }),
  fc.integer({ min: -1000, max: 1000 }).map((k) => k / 7),
  fc.constantFrom(0.1, 0.2, 0.3, 1e16, -1e16, 1, 1e-100, 2 ** -60),
);
const weight = fc.oneof(fc.double({ noNaN: true, min: 1e-100, max: 1e100 }), fc.constantFrom(0, 0.1, 0.2, 0.3, 1, 3, 1e-100, 1e100));

/** The partial sums a tally keeps for `xs`: the accumulator's exact sum cut into doubles. */
function partialsFor(xs: readonly number[]): number[] {
  const acc = accumulator();
  for (const x of xs) accumulate(acc, x);
  return partialsOf(accumulatorSum(acc));
}

describe("partial sums (a tally's exact weight sum as doubles)", () => {
  it('keep the exact sum of everything added', () => {
    fc.assert(
      fc.property(fc.array(wide, { maxLength: 200 }), (xs) => {
        const partials = partialsFor(xs);
        expect(dyadicScaled(exactSum(partials))).toBe(oracle(xs));
      }),
      { numRuns: 300 },
    );
  });
  it('keep the list non-overlapping and in increasing magnitude, without zeros', () => {
    fc.assert(
      fc.property(fc.array(wide, { maxLength: 200 }), (xs) => {
        const partials = partialsFor(xs);
        for (let i = 0; i < partials.length; i++) {
          expect(partials[i]).not.toBe(0);
          // Non-overlapping: each partial lies wholly below the lowest set bit of the next.
          if (i > 0) expect(Math.abs(partials[i - 1]!)).toBeLessThan(2 ** dyadicOf(partials[i]!).exponent);
        }
      }),
      { numRuns: 300 },
    );
  });
  it('sums 0.1 ten times to exactly ten times the double 0.1', () => {
    const partials = partialsFor(new Array<number>(10).fill(0.1));
    expect(dyadicText(exactSum(partials))).toBe('1.000000000000000055511151231257827021181583404541015625');
    expect(partials.length).toBe(2);
  });
  it('concatenated lists still sum exactly (the merge of two tallies)', () => {
    fc.assert(
      fc.property(fc.array(wide, { maxLength: 50 }), fc.array(wide, { maxLength: 50 }), (a, b) => {
        const pa = partialsFor(a);
        const pb = partialsFor(b);
        expect(dyadicScaled(exactSum([...pa, ...pb]))).toBe(oracle([...a, ...b]));
        expect(dyadicScaled(dyadicAdd(exactSum(pa), exactSum(pb)))).toBe(oracle([...a, ...b]));
      }),
      { numRuns: 200 },
    );
  });
});

describe('the accumulator', () => {
  it('sums exactly', () => {
    fc.assert(
      fc.property(fc.array(wide, { maxLength: 300 }), (xs) => {
        const acc = accumulator();
        for (const x of xs) accumulate(acc, x);
        expect(dyadicScaled(accumulatorSum(acc))).toBe(oracle(xs));
      }),
      { numRuns: 300 },
    );
  });
  it('stays exact past the carry interval (2^20 adds) and on subnormals', () => {
    const acc = accumulator();
    const xs = [0.1, 2 ** 52 + 1, 1e-300, 5e-324, -0.3, 1.7976931348623157e308 / 4];
    for (let i = 0; i < 1_100_000; i++) {
      const x = xs[i % xs.length]!;
      accumulate(acc, x);
    }
    // Each of the six was added 183,333 or 183,334 times.
    const expected = xs.reduce((s, x, j) => s + scaled(x) * BigInt(Math.floor((1_100_000 - j - 1) / xs.length) + 1), 0n);
    expect(dyadicScaled(accumulatorSum(acc))).toBe(expected);
  });
  it('sums squares exactly (Dekker) for weights from 1e-100 to 1e100', () => {
    fc.assert(
      fc.property(fc.array(weight, { maxLength: 100 }), (ws) => {
        const acc = accumulator();
        for (const w of ws) accumulateSquare(acc, w);
        const partials = partialsOf(accumulatorSum(acc));
        // The oracle: Σ (m 2^e)² with the scaled values, then rescaled.
        const exact = ws.reduce((s, w) => s + scaled(w) * scaled(w), 0n);
        const viaAccumulator = dyadicScaled(accumulatorSum(acc)) * 2n ** 1100n;
        expect(viaAccumulator).toBe(exact);
        expect(dyadicScaled(exactSum(partials)) * 2n ** 1100n).toBe(exact);
      }),
      { numRuns: 200 },
    );
  });
});

describe('dyadic values', () => {
  it('partialsOf gives a short non-overlapping list that sums back exactly, the same for equal sums', () => {
    fc.assert(
      fc.property(fc.array(weight, { maxLength: 100 }), (ws) => {
        const sum = exactSum(ws);
        const list = partialsOf(sum);
        expect(exactSum(list)).toStrictEqual(sum);
        expect(partialsOf(exactSum([...ws].reverse()))).toStrictEqual(list);
        expect(list.every((x) => Number.isFinite(x) && x !== 0)).toBe(true);
      }),
      { numRuns: 200 },
    );
  });
  it('converts exactly to decimals, and divides exactly', () => {
    expect(dyadicText(dyadicOf(0.1))).toBe('0.1000000000000000055511151231257827021181583404541015625');
    expect(dyadicText(dyadicOf(-3 * 2 ** 70))).toBe('-3541774862152233910272');
    expect(dyadicText(dyadicOf(5e-324))).toBe(
      `${5n ** 1074n}e-1074`.replace(/^(\d+)e-1074$/, (_, m: string) => `0.${m.padStart(1074, '0')}`).replace(/0+$/, ''),
    );
    expect(dyadicRatio(dyadicOf(1), dyadicOf(3))).toEqual({ num: 1n, den: 3n });
    expect(dyadicRatio(dyadicOf(0.5), dyadicOf(-3))).toEqual({ num: -1n, den: 6n });
    expect(dyadicRatio(dyadicOf(1), dyadicOf(0))).toBe(null);
    expect(dyadicOf(-0)).toStrictEqual({ mantissa: 0n, exponent: 0 });
    expect(() => dyadicOf(Infinity)).toThrow(RangeError);
  });
});
