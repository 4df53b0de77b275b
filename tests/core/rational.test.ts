import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { integerSqrt } from '../../src/core/exact/rational.js';
import { nearestDouble } from '../helpers/rational.js';

describe('nearestDouble (the test oracle itself)', () => {
  it('agrees with exact JavaScript division where that is exact or correctly rounded', () => {
    // A single IEEE division of two exactly representable integers is correctly rounded.
    fc.assert(
      fc.property(fc.integer({ min: -(2 ** 53) + 1, max: 2 ** 53 - 1 }), fc.integer({ min: 1, max: 2 ** 53 - 1 }), (n, d) => {
        expect(nearestDouble(BigInt(n), BigInt(d))).toBe(n / d === 0 ? 0 : n / d);
      }),
      { numRuns: 2000 },
    );
  });
  it('rounds ties to even', () => {
    // 2^53 + 1 lies halfway between 2^53 and 2^53 + 2: ties to the even mantissa, 2^53.
    expect(nearestDouble(2n ** 53n + 1n, 1n)).toBe(2 ** 53);
    expect(nearestDouble(2n ** 53n + 3n, 1n)).toBe(2 ** 53 + 4);
  });
  it('reaches the subnormals, where the last bit is 2^-1074', () => {
    expect(nearestDouble(1n, 2n ** 1074n)).toBe(5e-324);
    // 1.5 and 0.5 units of 2^-1074: ties to even, 2 units and 0.
    expect(nearestDouble(3n, 2n ** 1075n)).toBe(1e-323);
    expect(nearestDouble(1n, 2n ** 1075n)).toBe(0);
    expect(nearestDouble(-(2n ** 52n) + 1n, 2n ** 1074n)).toBe(-(2 ** -1022 - 2 ** -1074));
    expect(nearestDouble(6n, 10n ** 324n)).toBe(6e-324);
  });
});

describe('integerSqrt', () => {
  it('is the largest integer whose square is at most m, for m of any size', () => {
    fc.assert(
      fc.property(fc.oneof(fc.bigInt({ min: 0n, max: 10n ** 300n }), fc.bigInt({ min: 0n, max: 10n ** 1000n })), (m) => {
        const r = integerSqrt(m);
        expect(r * r <= m && (r + 1n) * (r + 1n) > m).toBe(true);
      }),
      { numRuns: 2000 },
    );
    for (const r of [0n, 1n, 2n, 10n ** 40n, 10n ** 80n - 1n, 10n ** 400n + 7n]) {
      expect(integerSqrt(r * r)).toBe(r);
      if (r > 0n) expect(integerSqrt(r * r - 1n)).toBe(r - 1n);
    }
  });
});
