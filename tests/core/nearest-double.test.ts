/**
 * The library's one conversion of an exact rational to a double
 * (core/exact/rational.ts) against the tests' BigInt oracle, and at the
 * edges the oracle does not reach: subnormals, overflow, signs, ties.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { nearestDouble } from '../../src/core/exact/rational.js';
import { nearestDouble as oracle } from '../helpers/rational.js';

describe('nearestDouble', () => {
  it('equals the oracle on random rationals of any size and sign', () => {
    const big = fc.bigInt({ min: -(2n ** 400n), max: 2n ** 400n });
    const positive = fc.bigInt({ min: 1n, max: 2n ** 400n });
    fc.assert(
      fc.property(big, positive, fc.boolean(), (n, d, flip) => {
        const [num, den] = flip ? [-n, -d] : [n, d];
        expect(nearestDouble(num, den)).toBe(oracle(num, den));
      }),
      { numRuns: 2000 },
    );
  });

  it('is exact on quotients a double holds and never returns -0', () => {
    expect(nearestDouble(1n, 4n)).toBe(0.25);
    expect(nearestDouble(-3n, 8n)).toBe(-0.375);
    expect(nearestDouble(3n, -8n)).toBe(-0.375);
    expect(Object.is(nearestDouble(0n, -5n), 0)).toBe(true);
    expect(nearestDouble(1n, 3n)).toBe(1 / 3);
    expect(nearestDouble(-100n, 3n)).toBe(-100 / 3);
  });

  it('rounds halfway cases to even', () => {
    expect(nearestDouble(2n ** 53n + 1n, 1n)).toBe(2 ** 53);
    expect(nearestDouble(2n ** 53n + 3n, 1n)).toBe(2 ** 53 + 4);
    expect(nearestDouble(-(2n ** 53n + 1n), 1n)).toBe(-(2 ** 53));
    // Just above and just below the halfway point, decided exactly.
    expect(nearestDouble(2n ** 54n + 2n * 1n + 1n, 2n)).toBe(2 ** 53 + 2);
    expect(nearestDouble(2n ** 54n + 1n, 2n)).toBe(2 ** 53);
  });

  it('reaches the subnormals, rounding the smallest halfway case to 0', () => {
    expect(nearestDouble(1n, 2n ** 1074n)).toBe(5e-324);
    expect(nearestDouble(3n, 2n ** 1075n)).toBe(1e-323);
    expect(nearestDouble(1n, 2n ** 1075n)).toBe(0);
    expect(nearestDouble(3n, 2n ** 1076n)).toBe(5e-324);
    expect(nearestDouble(1n, 2n ** 1022n)).toBe(2 ** -1022);
    expect(nearestDouble(-1n, 2n ** 1074n)).toBe(-5e-324);
  });

  it('rounds past the largest double to Infinity', () => {
    expect(nearestDouble(2n ** 1024n, 1n)).toBe(Infinity);
    expect(nearestDouble(-(2n ** 1024n), 1n)).toBe(-Infinity);
    const max = BigInt(Number.MAX_VALUE);
    expect(nearestDouble(max, 1n)).toBe(Number.MAX_VALUE);
    // Half an ulp above the largest double rounds up, to Infinity; less stays finite.
    expect(nearestDouble(max + 2n ** 970n, 1n)).toBe(Infinity);
    expect(nearestDouble(max + 2n ** 970n - 1n, 1n)).toBe(Number.MAX_VALUE);
  });

  it('refuses a zero denominator', () => {
    expect(() => nearestDouble(1n, 0n)).toThrow(RangeError);
  });
});
