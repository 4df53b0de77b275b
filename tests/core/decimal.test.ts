import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Dec, output, toNumber } from '../../src/core/exact/decimal.js';
import { countShares } from '../../src/core/exact/shares.js';

const half = (decimals: number) => ({ decimals, rounding: 'half-up' as const });
const even = (decimals: number) => ({ decimals, rounding: 'half-even' as const });

describe('output', () => {
  it('rounds ties away from zero with half-up and to even with half-even', () => {
    expect(output(new Dec('12.5'), half(0))).toBe(13);
    expect(output(new Dec('-12.5'), half(0))).toBe(-13);
    expect(output(new Dec('12.5'), even(0))).toBe(12);
    expect(output(new Dec('13.5'), even(0))).toBe(14);
    expect(output(new Dec('-12.5'), even(0))).toBe(-12);
    expect(output(new Dec('0.125'), half(2))).toBe(0.13);
    expect(output(new Dec('0.125'), even(2))).toBe(0.12);
  });
  it('leaves the exact value alone without decimals, and never returns -0', () => {
    expect(output(new Dec(29).dividedBy(1), { decimals: null, rounding: 'half-up' })).toBe(29);
    expect(Object.is(output(new Dec('-0.0001'), half(2)), 0)).toBe(true);
    expect(Object.is(toNumber(new Dec('-0')), 0)).toBe(true);
  });
  it('converts 1/3 of 100 to the nearest double', () => {
    expect(toNumber(new Dec(100).dividedBy(3))).toBe(100 / 3);
  });
});

describe('countShares', () => {
  it('keeps rounded shares summing to exactly 100 (largest remainder)', () => {
    expect(countShares([1, 1, 1], half(0))).toStrictEqual([34, 33, 33]);
    expect(countShares([1, 1, 1], half(1))).toStrictEqual([33.4, 33.3, 33.3]);
    expect(countShares([2, 1, 1, 3], half(0))).toStrictEqual([29, 14, 14, 43]);
  });
  it('gives exact shares without rounding and nulls for an empty whole', () => {
    expect(countShares([1, 3], { decimals: null, rounding: 'half-up' })).toStrictEqual([25, 75]);
    expect(countShares([0, 0], half(0))).toStrictEqual([null, null]);
  });
  it('sums to exactly 100 for any counts and decimals (summed as decimals)', () => {
    fc.assert(
      fc.property(fc.array(fc.nat({ max: 1e6 }), { minLength: 1, maxLength: 12 }), fc.integer({ min: 0, max: 6 }), (counts, decimals) => {
        fc.pre(counts.some((c) => c > 0));
        const shares = countShares(counts, half(decimals));
        const sum = shares.reduce((acc: InstanceType<typeof Dec>, s) => acc.plus(new Dec(String(s))), new Dec(0));
        expect(sum.toString()).toBe('100');
        // Each share is within one unit of its exact value.
        const total = counts.reduce((a, b) => a + b, 0);
        shares.forEach((s, i) => {
          const exact = new Dec(counts[i]!).times(100).dividedBy(total);
          expect(exact.minus(String(s)).abs().lessThan(new Dec(10).pow(-decimals))).toBe(true);
        });
      }),
      { numRuns: 300 },
    );
  });
});
