/**
 * The conversion of an exact rational to a double (core/exact/rational.ts)
 * far past the largest double, where the exponent of the quotient no longer
 * fits a double's exponent field, and its refusal of a zero denominator.
 */
import { describe, expect, it } from 'vitest';
import { nearestDouble } from '../../../src/core/exact/rational.js';

describe('nearestDouble', () => {
  it('is ±Infinity for every quotient from 2^1024 on, however far past it', () => {
    for (const e of [1024n, 1076n, 1077n, 1100n, 2000n, 4000n]) {
      expect(nearestDouble(2n ** e, 1n), `2^${e}`).toBe(Infinity);
      expect(nearestDouble(-(2n ** e), 1n), `-2^${e}`).toBe(-Infinity);
      expect(nearestDouble(5n * 2n ** e + 1n, 3n), `(5 * 2^${e} + 1) / 3`).toBe(Infinity);
    }
    expect(nearestDouble(10n ** 400n, 7n)).toBe(Infinity);
  });

  it('says why it refuses a zero denominator', () => {
    expect(() => nearestDouble(1n, 0n)).toThrow(new RangeError('nearestDouble: the denominator is 0'));
    expect(() => nearestDouble(0n, 0n)).toThrow(new RangeError('nearestDouble: the denominator is 0'));
  });
});
