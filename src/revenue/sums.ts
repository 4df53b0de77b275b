/**
 * Exact sums of a change log's amounts, slot by slot: doubles holding
 * integer units when the log's amounts allow it (every partial sum is then
 * below 2^53 and exact), BigInt otherwise. The walks name amounts by the
 * change that set them, so they never handle the two kinds themselves.
 */
import { formatUnits } from '../core/money/money.js';
import type { ChangeLog } from './change-log.js';

/** Sums of amounts in numbered slots. */
export interface Sums {
  /** Adds the amount of change `j` to `slot`. */
  add(slot: number, j: number): void;
  /** Subtracts the amount of change `j` from `slot`. */
  sub(slot: number, j: number): void;
  /** Adds slot `from` into slot `to`. */
  carry(from: number, to: number): void;
  /** Whether a slot is 0. */
  isZero(slot: number): boolean;
  /** A slot as a decimal string at the log's scale. */
  format(slot: number): string;
  /** A slot as BigInt units at the log's scale. */
  units(slot: number): bigint;
}

class DoubleSums implements Sums {
  private readonly sums: Float64Array;
  constructor(
    size: number,
    private readonly amounts: Float64Array,
    private readonly scale: number,
  ) {
    this.sums = new Float64Array(size);
  }
  add(slot: number, j: number): void {
    this.sums[slot]! += this.amounts[j]!;
  }
  sub(slot: number, j: number): void {
    this.sums[slot]! -= this.amounts[j]!;
  }
  carry(from: number, to: number): void {
    this.sums[to]! += this.sums[from]!;
  }
  isZero(slot: number): boolean {
    return this.sums[slot] === 0;
  }
  format(slot: number): string {
    return formatUnits(this.sums[slot]! + 0, this.scale);
  }
  units(slot: number): bigint {
    return BigInt(this.sums[slot]!);
  }
}

class BigSums implements Sums {
  private readonly sums: bigint[];
  constructor(
    size: number,
    private readonly amounts: readonly bigint[],
    private readonly scale: number,
  ) {
    this.sums = new Array<bigint>(size).fill(0n);
  }
  add(slot: number, j: number): void {
    this.sums[slot]! += this.amounts[j]!;
  }
  sub(slot: number, j: number): void {
    this.sums[slot]! -= this.amounts[j]!;
  }
  carry(from: number, to: number): void {
    this.sums[to]! += this.sums[from]!;
  }
  isZero(slot: number): boolean {
    return this.sums[slot] === 0n;
  }
  format(slot: number): string {
    return formatUnits(this.sums[slot]!, this.scale);
  }
  units(slot: number): bigint {
    return this.sums[slot]!;
  }
}

/** Sums over `size` slots of the log's amounts, of the kind its amounts need. */
export function sumsFor(log: ChangeLog, size: number): Sums {
  return log.big === null ? new DoubleSums(size, log.value, log.scale) : new BigSums(size, log.big, log.scale);
}
