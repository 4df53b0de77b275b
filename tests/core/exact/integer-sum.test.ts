/**
 * Exact sums of non-negative integers (core/exact/integer-sum.ts) where a
 * double stops being exact: above 2^53 only even integers (then multiples of
 * 4, ...) are doubles, so a sum must leave the double before it gets there.
 * Every expected value is the BigInt sum of the terms.
 */
import { describe, expect, it } from 'vitest';
import { IntegerSum, sumOf } from '../../../src/core/exact/integer-sum.js';

const TWO_52 = 2 ** 52;
const MAX = Number.MAX_SAFE_INTEGER; // 2^53 - 1

/** The exact sum of `terms`, as the decimal string a `Dec` prints. */
const exact = (terms: readonly number[]): string => terms.reduce((s, t) => s + BigInt(t), 0n).toString();

/** Adds `terms` one by one and reads the sum. */
function summed(terms: readonly number[]): string {
  const sum = new IntegerSum();
  for (const t of terms) sum.add(t);
  return sum.toDec().toString();
}

describe('IntegerSum', () => {
  it('adds a large term to a small running sum exactly (2 + (2^53 - 1) = 2^53 + 1)', () => {
    expect(summed([2, MAX])).toBe(exact([2, MAX]));
    expect(summed([2, MAX])).toBe('9007199254740993');
  });

  it('adds small terms to a running sum past 2^53 exactly (3 * 2^52 + 1)', () => {
    expect(summed([TWO_52, TWO_52, TWO_52, 1])).toBe(exact([TWO_52, TWO_52, TWO_52, 1]));
    expect(summed([TWO_52, TWO_52, TWO_52, 1])).toBe('13510798882111489');
  });

  it('adds a small term on top of large ones exactly (2 (2^53 - 1) + 1 = 2^54 - 1)', () => {
    expect(summed([MAX, MAX, 1])).toBe(exact([MAX, MAX, 1]));
    expect(summed([MAX, 1])).toBe('9007199254740992');
  });

  it('adds count * value exactly when the product is not a double', () => {
    // 3 (2^53 - 1) = 27021597764222973 is odd and above 2^54: no double holds it.
    expect(Number.isSafeInteger(3 * MAX)).toBe(false);
    const sum = new IntegerSum();
    sum.add(MAX, 3);
    sum.add(7);
    expect(sum.toDec().toString()).toBe((3n * BigInt(MAX) + 7n).toString());
  });
});

describe('sumOf', () => {
  it('sums small and empty arrays', () => {
    expect(sumOf(new Float64Array([1, 2, 3])).toString()).toBe('6');
    expect(sumOf(new Float64Array([])).toString()).toBe('0');
  });

  it('is exact when the sum of doubles rounds to 2^53 (2^53 - 1 + 2)', () => {
    // In doubles, 2^53 - 1 + 2 = 2^53 + 1 rounds to 2^53: the rounded total
    // alone cannot tell this sum from an exact 2^53.
    expect(MAX + 2).toBe(2 ** 53);
    expect(sumOf(new Float64Array([MAX, 2])).toString()).toBe(exact([MAX, 2]));
  });

  it('is exact past 2^53 (2 (2^53 - 1) + 1 = 2^54 - 1)', () => {
    expect(sumOf(new Float64Array([MAX, MAX, 1])).toString()).toBe('18014398509481983');
  });
});
