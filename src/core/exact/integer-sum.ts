/**
 * Exact sums of non-negative integers (durations in milliseconds, counts
 * times values), which may pass 2^53: kept in a double while every partial
 * sum is exact, then in a BigInt.
 */
import { Dec } from './decimal.js';

const TWO_52 = 2 ** 52;

/** An exact sum of non-negative integers: a double while it is exact, then a BigInt. */
export class IntegerSum {
  private small = 0;
  private big = 0n;

  /** Adds `count * value` (non-negative safe integers). */
  add(value: number, count = 1): void {
    const term = count === 1 ? value : count * value;
    if (term <= TWO_52 && this.small <= TWO_52) {
      this.small += term;
    } else {
      this.big += BigInt(this.small) + BigInt(count) * BigInt(value);
      this.small = 0;
    }
  }

  /** The sum as a decimal. */
  toDec(): Dec {
    return this.big === 0n ? new Dec(this.small) : new Dec((this.big + BigInt(this.small)).toString());
  }
}

/** The exact sum of an array of non-negative safe integers, as a decimal. */
export function sumOf(values: Float64Array): Dec {
  let total = 0;
  for (let i = 0; i < values.length; i++) total += values[i]!;
  // All partial sums were exact when the final one is below 2^53 (terms are non-negative).
  if (total < 2 ** 53) return new Dec(total);
  const sum = new IntegerSum();
  for (let i = 0; i < values.length; i++) sum.add(values[i]!);
  return sum.toDec();
}
