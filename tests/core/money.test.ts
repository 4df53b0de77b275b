import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type Amount, commonScale, fastAmount, formatUnits, isMoneyProblem, MAX_MONEY_DECIMALS, readMoney, unitsAt } from '../../src/core/money/money.js';

function amount(value: unknown): Amount {
  const r = readMoney(value);
  if (isMoneyProblem(r)) throw new Error(`not an amount: ${String(value)}`);
  return r;
}

/** The amount `fastAmount` encodes, or null. */
function decodeFast(value: unknown): Amount | null {
  const code = fastAmount(value);
  if (code < 0) return null;
  const scale = code % 32;
  return { units: BigInt((code - scale) / 32), scale };
}

describe('readMoney', () => {
  it('reads decimal strings exactly, keeping their decimals', () => {
    expect(amount('1234.50')).toStrictEqual({ units: 123450n, scale: 2 });
    expect(amount('0')).toStrictEqual({ units: 0n, scale: 0 });
    expect(amount('007.5')).toStrictEqual({ units: 75n, scale: 1 });
    expect(amount('123456789012345678901234567890.12')).toStrictEqual({ units: 12345678901234567890123456789012n, scale: 2 });
    expect(amount(`0.${'1'.repeat(MAX_MONEY_DECIMALS)}`).scale).toBe(MAX_MONEY_DECIMALS);
  });

  it('reads numbers through their shortest round-trip string', () => {
    expect(amount(0.1)).toStrictEqual({ units: 1n, scale: 1 });
    expect(amount(1234.5)).toStrictEqual({ units: 12345n, scale: 1 });
    expect(amount(0.1 + 0.2)).toStrictEqual({ units: 30000000000000004n, scale: 17 });
    expect(amount(1e-7)).toStrictEqual({ units: 1n, scale: 7 });
    expect(amount(1.5e21)).toStrictEqual({ units: 1500000000000000000000n, scale: 0 });
    expect(amount(-0)).toStrictEqual({ units: 0n, scale: 0 });
    expect(amount(Number.MAX_VALUE).scale).toBe(0);
  });

  it('says why a value is not an amount', () => {
    const code = (v: unknown) => {
      const r = readMoney(v);
      return isMoneyProblem(r) ? r.code : null;
    };
    for (const v of ['', ' 1', '1 ', '1.', '.5', '1e5', '1E5', '0x10', '1,000.00', '1_000', 'NaN', 'Infinity', '١٢']) expect(code(v), v).toBe('invalid-value');
    for (const v of ['-5', '-0', '+1', '-0.50', -1, -Number.MIN_VALUE, Infinity, -Infinity, 5e-324, `1.${'0'.repeat(MAX_MONEY_DECIMALS + 1)}`]) {
      expect(code(v), String(v)).toBe('out-of-range');
    }
    for (const v of [null, undefined, NaN]) expect(code(v)).toBe('missing-value');
    for (const v of [true, {}, [], 1n, () => 1, new Date(0)]) expect(code(v)).toBe('invalid-type');
  });
});

describe('fastAmount', () => {
  it('encodes what it can hold and declines the rest', () => {
    expect(decodeFast('1234.50')).toStrictEqual({ units: 123450n, scale: 2 });
    expect(decodeFast(0.1)).toStrictEqual({ units: 1n, scale: 1 });
    expect(decodeFast(49)).toStrictEqual({ units: 49n, scale: 0 });
    expect(decodeFast(-0)).toStrictEqual({ units: 0n, scale: 0 });
    expect(decodeFast('1234567890123456')).toBe(null); // 16 digits: the exact reader's
    expect(decodeFast(0.1 + 0.2)).toBe(null);
    for (const v of ['', '1.', '.5', '-1', '1e3', -1, NaN, Infinity, null, undefined, {}]) expect(decodeFast(v), String(v)).toBe(null);
  });

  it('agrees with readMoney on decimal strings', () => {
    const decimal = fc
      .tuple(fc.stringMatching(/^\d{1,16}$/), fc.option(fc.stringMatching(/^\d{1,8}$/), { nil: undefined }))
      .map(([a, b]) => (b === undefined ? a : `${a}.${b}`));
    const text = fc.oneof(decimal, fc.string({ maxLength: 12 }));
    fc.assert(
      fc.property(text, (s) => {
        const fast = decodeFast(s);
        const exact = readMoney(s);
        if (fast !== null) expect(fast).toStrictEqual(exact);
        else if (!isMoneyProblem(exact)) expect(exact.units >= 2n ** 48n || s.length > 16).toBe(true);
      }),
      { numRuns: 300 },
    );
  });

  it('agrees with readMoney (the shortest round-trip string) on numbers', () => {
    const cents = fc.integer({ min: 0, max: 1e12 }).map((c) => c / 100);
    const decimals = fc.tuple(fc.integer({ min: 0, max: 1e9 }), fc.integer({ min: 0, max: 12 })).map(([u, k]) => u / 10 ** k);
    const any = fc.double({ min: 0, max: 1e16, noNaN: true });
    fc.assert(
      fc.property(fc.oneof(cents, decimals, any), (x) => {
        const fast = decodeFast(x);
        if (fast !== null) expect(fast).toStrictEqual(readMoney(x));
      }),
      { numRuns: 300 },
    );
  });

  it('holds every amount of cents below 10^12', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1e14 }), (c) => {
        expect(decodeFast(c / 100)).toStrictEqual(readMoney(c / 100));
        expect(decodeFast((c / 100).toFixed(2))).toStrictEqual({ units: BigInt(c), scale: 2 });
      }),
      { numRuns: 300 },
    );
  });
});

describe('scales and formatting', () => {
  it('brings amounts to a common scale and formats them with exactly that many decimals', () => {
    const a = amount('0.1');
    const b = amount('2.25');
    const s = commonScale([a, b, null]);
    expect(s).toBe(2);
    expect(formatUnits(unitsAt(a, s) + unitsAt(b, s), s)).toBe('2.35');
    expect(formatUnits(5n, 2)).toBe('0.05');
    expect(formatUnits(0, 3)).toBe('0.000');
    expect(formatUnits(-1050n, 2)).toBe('-10.50');
    expect(formatUnits(-0, 2)).toBe('0.00');
    expect(formatUnits(123, 0)).toBe('123');
  });
});
