import Decimal from 'decimal.js';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { churnToAnnual, churnToMonthly, customerChurn } from '../../src/index.js';
import { expectMetricsError } from '../helpers/errors.js';
import { exactPercent, isClean, nearestDouble } from '../helpers/rational.js';

/** A wide private decimal for the oracle of the twelfth root (400 digits; the global Decimal is never configured). */
const Wide = Decimal.clone({ precision: 400 });

/** A double's shortest decimal string as the exact rational p / 10^k. */
function exactDecimal(x: number): { p: bigint; k: number } {
  const d = new Wide(x);
  const [whole, fraction = ''] = d.toFixed().split('.');
  return { p: BigInt(whole! + fraction), k: fraction.length };
}

const counts = fc
  .tuple(fc.nat({ max: 1e9 }), fc.nat(), fc.nat({ max: 1e9 }))
  .map(([start, l, added]) => ({ customersAtStart: start, customersLost: start === 0 ? 0 : l % (start + 1), customersAdded: added }));

describe('customerChurn: properties', () => {
  it('equals the exact rational for both denominators, within 0..100, and the output is clean', () => {
    fc.assert(
      fc.property(counts, (c) => {
        const start = customerChurn(c);
        const plus = customerChurn(c, { denominator: 'start-plus-added' });
        expect(start.value).toBe(exactPercent(c.customersLost, c.customersAtStart));
        expect(plus.value).toBe(exactPercent(c.customersLost, c.customersAtStart + c.customersAdded));
        for (const r of [start, plus]) {
          expect(isClean(r)).toBe(true);
          if (r.value !== null) expect(r.value >= 0 && r.value <= 100).toBe(true);
        }
        if (plus.value !== null && start.value !== null) expect(plus.value).toBeLessThanOrEqual(start.value);
      }),
      { numRuns: 300 },
    );
  });

  it('does not change when every count is multiplied by k', () => {
    fc.assert(
      fc.property(counts, fc.integer({ min: 1, max: 1000 }), (c, k) => {
        const scaled = { customersAtStart: c.customersAtStart * k, customersLost: c.customersLost * k, customersAdded: c.customersAdded * k };
        expect(customerChurn(scaled).value).toBe(customerChurn(c).value);
      }),
      { numRuns: 200 },
    );
  });

  it('throws a MetricsError at the field of a bad count', () => {
    const bad = fc.oneof(fc.constant(-1), fc.constant(0.5), fc.constant('3'), fc.constant(null), fc.constant(Infinity));
    fc.assert(
      fc.property(bad, fc.constantFrom('customersAtStart', 'customersLost', 'customersAdded'), (x, f) => {
        const input = { customersAtStart: 10, customersLost: 1, customersAdded: 1, [f]: x };
        expectMetricsError(() => customerChurn(input as never), 'customerChurn', ['counts', f]);
      }),
      { numRuns: 100 },
    );
  });
});

describe('churnToAnnual and churnToMonthly: properties', () => {
  const percent = fc
    .oneof(
      fc.integer({ min: 0, max: 10_000 }).map((b) => b / 100),
      fc.double({ min: 0, max: 100, noNaN: true }),
      fc.double({ min: 1e-280, max: 1e-6, noNaN: true }),
    )
    .filter((x) => x === 0 || x >= 1e-280); // subnormals and the like: see the unit tests (the oracles' doubles stop there)

  it('churnToAnnual equals the exact rational 100 (1 - (1 - m/100)^12), converted once (BigInt oracle)', () => {
    fc.assert(
      fc.property(percent, (m) => {
        // m = p / 10^k exactly; with D = 100 * 10^k, annual = 100 (D^12 - (D - p)^12) / D^12.
        const { p, k } = exactDecimal(m);
        const D = 100n * 10n ** BigInt(k);
        expect(churnToAnnual(m).value).toBe(nearestDouble(100n * (D ** 12n - (D - p) ** 12n), D ** 12n));
      }),
      { numRuns: 200 },
    );
  });

  it('churnToMonthly equals a 400-digit computation of 100 (1 - (1 - a/100)^(1/12)), converted once', () => {
    fc.assert(
      fc.property(percent, (a) => {
        const kept = new Wide(1).minus(new Wide(a).dividedBy(100));
        const expected = kept.isZero() ? 100 : Number(new Wide(1).minus(kept.ln().dividedBy(12).exp()).times(100).toPrecision(40));
        expect(churnToMonthly(a).value).toBe(expected === 0 ? 0 : expected);
      }),
      { numRuns: 120 },
    );
    // The 400-digit oracle takes seconds; allow for a loaded machine.
  }, 30_000);

  it('round-trip: annual of monthly is the annual rate, to 1e-12 relative (two roundings to double)', () => {
    fc.assert(
      fc.property(fc.double({ min: 1e-9, max: 99.99, noNaN: true }), (a) => {
        const back = churnToAnnual(churnToMonthly(a).value).value;
        expect(Math.abs(back - a) / a).toBeLessThan(1e-12);
      }),
      { numRuns: 200 },
    );
  });

  it('stay within 0..100, monotone, monthly <= annual, and clean', () => {
    fc.assert(
      fc.property(percent, percent, fc.option(fc.integer({ min: 0, max: 15 }), { nil: undefined }), (x, y, d) => {
        const o = d === undefined ? {} : { decimals: d };
        const [lo, hi] = x <= y ? [x, y] : [y, x];
        const a = churnToAnnual(lo, o);
        const m = churnToMonthly(lo, o);
        for (const r of [a, m]) {
          expect(isClean(r)).toBe(true);
          expect(r.value >= 0 && r.value <= 100).toBe(true);
        }
        expect(churnToAnnual(hi, o).value).toBeGreaterThanOrEqual(a.value);
        expect(churnToMonthly(hi, o).value).toBeGreaterThanOrEqual(m.value);
        expect(m.value).toBeLessThanOrEqual(churnToAnnual(lo, o).value);
      }),
      { numRuns: 150 },
    );
  });

  it('throw a MetricsError for a rate outside 0..100', () => {
    const bad = fc.oneof(
      fc.double({ min: 100, max: 1e308, noNaN: true, minExcluded: true }),
      fc.double({ max: -Number.MIN_VALUE, noNaN: true }),
      fc.constant(NaN),
    );
    fc.assert(
      fc.property(bad, (x) => {
        expectMetricsError(() => churnToAnnual(x), 'churnToAnnual', ['monthlyPercent']);
        expectMetricsError(() => churnToMonthly(x), 'churnToMonthly', ['annualPercent']);
      }),
      { numRuns: 100 },
    );
  });
});
