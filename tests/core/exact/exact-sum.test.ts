/**
 * The fixed-point accumulator behind exact weight sums
 * (core/exact/exact-sum.ts) at the edge its carries exist for: a chunk of
 * the accumulator is a double, exact only below 2^53, and every add moves a
 * chunk by almost 2^32, so carries must be propagated before 2^21 adds.
 */
import { describe, expect, it } from 'vitest';
import { accumulate, accumulator, accumulatorSum, dyadicOf } from '../../../src/core/exact/exact-sum.js';

describe('the accumulator over millions of adds', () => {
  it('stays exact past 2^21 adds that each fill a 32-bit chunk', () => {
    // 4 - 2^-51 is (2^53 - 1) 2^-51: every mantissa bit set, and its biased
    // exponent 1024 is a multiple of 32, so each add puts 2^32 - 1 into one
    // chunk and 2^21 - 1 into the next. Without carries that chunk would
    // pass 2^53 after 2^21 adds and start rounding.
    const x = 4 - 2 ** -51;
    expect(dyadicOf(x)).toStrictEqual({ mantissa: 2n ** 53n - 1n, exponent: -51 });
    const adds = 2 ** 21 + 1;
    const acc = accumulator();
    for (let i = 0; i < adds; i++) accumulate(acc, x);
    // The exact sum: adds (2^53 - 1) 2^-51, an odd mantissa (both factors are odd).
    expect(accumulatorSum(acc)).toStrictEqual({ mantissa: BigInt(adds) * (2n ** 53n - 1n), exponent: -51 });
  });
});

describe('dyadicOf', () => {
  it('names the value it refuses', () => {
    expect(() => dyadicOf(Infinity)).toThrow(new RangeError('dyadicOf: expected a finite number, received Infinity'));
    expect(() => dyadicOf(-Infinity)).toThrow(new RangeError('dyadicOf: expected a finite number, received -Infinity'));
    expect(() => dyadicOf(NaN)).toThrow(new RangeError('dyadicOf: expected a finite number, received NaN'));
  });
});
