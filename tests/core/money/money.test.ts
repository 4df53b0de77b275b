/**
 * Reading money amounts (core/money/money.ts): the message of every refusal,
 * the forms a number's shortest string takes, the edges of the fast reader
 * (units below 2^48, at most 16 characters, one point), and formatting of
 * negative units.
 */
import { describe, expect, it } from 'vitest';
import {
  type Amount,
  fastAmount,
  formatUnits,
  isMoneyProblem,
  MAX_MONEY_DECIMALS,
  type MoneyProblem,
  POW10,
  readMoney,
} from '../../../src/core/money/money.js';

const EXPECTED_AMOUNT = 'an amount (a non-negative number or decimal string such as "1234.50")';
const EXPECTED_DECIMAL = 'a decimal string such as "1234.50" (digits, an optional point and decimals; no sign, exponent, spaces or separators)';

function problemOf(value: unknown): MoneyProblem {
  const r = readMoney(value);
  if (!isMoneyProblem(r)) throw new Error(`read as an amount: ${String(value)}`);
  return r;
}

function amountOf(value: unknown): Amount {
  const r = readMoney(value);
  if (isMoneyProblem(r)) throw new Error(`not an amount: ${String(value)}: ${r.message}`);
  return r;
}

describe('readMoney: refusals', () => {
  it('says what an amount is and what it received', () => {
    expect(problemOf(null)).toStrictEqual({ code: 'missing-value', message: `expected ${EXPECTED_AMOUNT}, received null` });
    expect(problemOf(undefined)).toStrictEqual({ code: 'missing-value', message: `expected ${EXPECTED_AMOUNT}, received undefined` });
    expect(problemOf(NaN)).toStrictEqual({ code: 'missing-value', message: `expected ${EXPECTED_AMOUNT}, received NaN` });
    expect(problemOf({})).toStrictEqual({ code: 'invalid-type', message: `expected ${EXPECTED_AMOUNT}, received an object` });
    expect(problemOf(12n)).toStrictEqual({ code: 'invalid-type', message: `expected ${EXPECTED_AMOUNT}, received 12n` });
  });

  it('says why a string is not a decimal amount', () => {
    expect(problemOf('abc')).toStrictEqual({ code: 'invalid-value', message: `expected ${EXPECTED_DECIMAL}, received "abc"` });
    expect(problemOf('1e5')).toStrictEqual({ code: 'invalid-value', message: `expected ${EXPECTED_DECIMAL}, received "1e5"` });
  });

  it('calls a signed decimal negative, and only a whole signed decimal', () => {
    for (const s of ['-5', '-12', '-1.25', '+3', '-0']) {
      expect(problemOf(s), s).toStrictEqual({ code: 'out-of-range', message: `expected a non-negative amount, received "${s}"` });
    }
    // A sign that is not at the start, or a signed decimal followed by more, is not a decimal at all.
    for (const s of ['x-5', '1-5', '1e-5', '-5x', '-1e5', '-1.', '--5', '-1.2.3']) {
      expect(problemOf(s), s).toStrictEqual({ code: 'invalid-value', message: `expected ${EXPECTED_DECIMAL}, received ${JSON.stringify(s)}` });
    }
  });

  it('says a number is negative or infinite', () => {
    expect(problemOf(-1)).toStrictEqual({ code: 'out-of-range', message: 'expected a non-negative amount, received -1' });
    expect(problemOf(-0.5)).toStrictEqual({ code: 'out-of-range', message: 'expected a non-negative amount, received -0.5' });
    expect(problemOf(Infinity)).toStrictEqual({ code: 'out-of-range', message: 'expected a finite amount, received Infinity' });
  });

  it(`refuses more than ${MAX_MONEY_DECIMALS} decimal places, strings and numbers alike`, () => {
    const places = `an amount with at most ${MAX_MONEY_DECIMALS} decimal places`;
    const s = `0.${'1'.repeat(21)}`;
    expect(problemOf(s)).toStrictEqual({ code: 'out-of-range', message: `expected ${places}, received "${s}"` });
    expect(problemOf(1e-21)).toStrictEqual({ code: 'out-of-range', message: `expected ${places}, received 1e-21` });
    expect(problemOf(1.5e-20)).toStrictEqual({ code: 'out-of-range', message: `expected ${places}, received 1.5e-20` });
  });
});

describe('readMoney: numbers', () => {
  it(`reads a number with exactly ${MAX_MONEY_DECIMALS} decimal places`, () => {
    expect(amountOf(1e-20)).toStrictEqual({ units: 1n, scale: 20 });
    expect(amountOf(1.5e-19)).toStrictEqual({ units: 15n, scale: 20 });
  });

  it('reads every form of the shortest string: digits, a fraction, an exponent of either sign', () => {
    expect(amountOf(123)).toStrictEqual({ units: 123n, scale: 0 });
    expect(amountOf(1.25)).toStrictEqual({ units: 125n, scale: 2 });
    expect(amountOf(1.2345e-15)).toStrictEqual({ units: 12345n, scale: 19 });
    expect(amountOf(1.5e21)).toStrictEqual({ units: 15n * 10n ** 20n, scale: 0 });
    expect(amountOf(1.25e22)).toStrictEqual({ units: 125n * 10n ** 20n, scale: 0 });
  });
});

describe('POW10', () => {
  it(`holds 10^k for every scale from 0 to ${MAX_MONEY_DECIMALS}, exactly`, () => {
    expect(POW10).toStrictEqual(Array.from({ length: MAX_MONEY_DECIMALS + 1 }, (_, k) => Number(10n ** BigInt(k))));
    expect(Object.isFrozen(POW10)).toBe(true);
  });
});

describe('fastAmount', () => {
  it('declines numbers outside 0 to 2^48, with -1', () => {
    expect(fastAmount(-1)).toBe(-1);
    expect(fastAmount(-0.5)).toBe(-1);
    expect(fastAmount(2 ** 48)).toBe(-1);
    expect(fastAmount(2 ** 50)).toBe(-1);
    expect(fastAmount(1e300)).toBe(-1);
    expect(fastAmount(2 ** 48 - 1)).toBe((2 ** 48 - 1) * 32);
  });

  it('declines a number whose units reach 2^48 once scaled', () => {
    // 2^48 / 10 = 28147497671065.6: one decimal, 2^48 units.
    expect(fastAmount(2 ** 48 / 10)).toBe(-1);
    expect(fastAmount((2 ** 48 - 1) / 10)).toBe((2 ** 48 - 1) * 32 + 1);
  });

  it('reads numbers with up to nine decimals', () => {
    expect(fastAmount(0.123456789)).toBe(123456789 * 32 + 9);
    expect(fastAmount(0.1234567891)).toBe(-1);
  });

  it('declines strings it cannot hold, with -1', () => {
    expect(fastAmount('28147497671065.6')).toBe(-1); // 2^48 units
    expect(fastAmount('28147497671065.5')).toBe((2 ** 48 - 1) * 32 + 1);
    expect(fastAmount('1.2.3')).toBe(-1);
    expect(fastAmount('00000000000000001')).toBe(-1); // 17 characters
    expect(fastAmount(`0.${'0'.repeat(20)}1`)).toBe(-1); // 21 decimals: the exact reader refuses it
    expect(fastAmount(`0.${'0'.repeat(31)}1`)).toBe(-1); // a scale of 32 would not fit the code
  });
});

describe('formatUnits', () => {
  it('keeps the sign of negative units below one whole', () => {
    expect(formatUnits(-5n, 2)).toBe('-0.05');
    expect(formatUnits(-5, 2)).toBe('-0.05');
    expect(formatUnits(-1n, 3)).toBe('-0.001');
    expect(formatUnits(-7, 0)).toBe('-7');
  });
});
