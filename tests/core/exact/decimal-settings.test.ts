/**
 * The private decimal.js constructor every exact division goes through
 * (core/exact/decimal.ts): 80 significant digits, ties to even, and plain
 * notation however small or large the value.
 */
import Decimal from 'decimal.js';
import { describe, expect, it } from 'vitest';
import { Dec } from '../../../src/core/exact/decimal.js';

describe('Dec', () => {
  it('divides to 80 significant digits', () => {
    expect(new Dec(1).dividedBy(3).toString()).toBe(`0.${'3'.repeat(80)}`);
    expect(new Dec(2).dividedBy(3).toString()).toBe(`0.${'6'.repeat(79)}7`);
  });

  it('rounds the 81st digit half to even', () => {
    // 1 followed by 79 zeros and a 5: the tie rounds down to the even 80th digit 0.
    expect(new Dec(`1${'0'.repeat(79)}5`).plus(0).toString()).toBe(`1${'0'.repeat(80)}`);
    // ...15 rounds up to the even 2.
    expect(new Dec(`1${'0'.repeat(78)}15`).plus(0).toString()).toBe(`1${'0'.repeat(78)}20`);
  });

  it('prints tiny and huge values without an exponent', () => {
    expect(new Dec('1e-30').toString()).toBe(`0.${'0'.repeat(29)}1`);
    expect(new Dec('1e30').toString()).toBe(`1${'0'.repeat(30)}`);
  });

  it('leaves the global Decimal settings alone', () => {
    expect(Dec).not.toBe(Decimal);
    expect(Decimal.precision).toBe(20);
    expect(Decimal.rounding).toBe(Decimal.ROUND_HALF_UP);
  });
});
