/**
 * The largest-remainder rule of percent shares (core/exact/shares.ts) when
 * the remainders do not follow the parts: a smaller part can have the larger
 * remainder, and then it gets the missing unit.
 */
import { describe, expect, it } from 'vitest';
import { countShares, percentShares } from '../../../src/core/exact/shares.js';

const rounded = (decimals: number) => ({ decimals, rounding: 'half-up' as const });

describe('percentShares', () => {
  it('gives the missing unit to the larger remainder, not the larger part', () => {
    // 3/7 = 42.857...% (remainder 6/7 of a unit), 4/7 = 57.142...% (remainder 1/7):
    // truncated they sum to 99, and the missing unit goes to the smaller part.
    // To one decimal: 428 r 4/7 and 571 r 3/7 tenths, the same way round.
    expect(percentShares([3n, 4n], rounded(0))).toStrictEqual([43, 57]);
    expect(countShares([3, 4], rounded(1))).toStrictEqual([42.9, 57.1]);
    // 1/6 = 16.66...%, 2/6 = 33.33...%, 3/6 = 50%: remainders 2/3, 1/3 and 0 of a unit.
    expect(countShares([1, 2, 3], rounded(0))).toStrictEqual([17, 33, 50]);
  });
});
