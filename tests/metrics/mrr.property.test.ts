import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { expansionRevenue, type Money, mrrChurn, mrrMovements, netMrrChurn } from '../../src/index.js';
import { expectMetricsError } from '../helpers/errors.js';
import { isClean, nearestDouble } from '../helpers/rational.js';

/** An amount in cents, as a decimal string or a number, with its exact cents. */
const cents = (max: number) =>
  fc.tuple(fc.integer({ min: 0, max }), fc.boolean()).map(([c, asString]): { money: Money; cents: bigint } => ({
    money: asString ? (c / 100).toFixed(2) : c / 100,
    cents: BigInt(c),
  }));

/** Movements whose loss stays within the start. */
const movements = fc.tuple(cents(10_000_000), fc.nat(), fc.nat(), cents(20_000_000), cents(5_000_000)).map(([start, a, b, expansion, reactivation]) => {
  const churned = start.cents === 0n ? 0n : BigInt(a) % (start.cents + 1n);
  const contraction = start.cents - churned === 0n ? 0n : BigInt(b) % (start.cents - churned + 1n);
  return {
    start,
    churned: { money: (Number(churned) / 100).toFixed(2), cents: churned },
    contraction: { money: Number(contraction) / 100, cents: contraction },
    expansion: start.cents === 0n ? { money: 0, cents: 0n } : expansion,
    reactivation,
  };
});
const decimals = fc.option(fc.integer({ min: 0, max: 15 }), { nil: undefined });

describe('MRR churn, net MRR churn and expansion revenue: properties', () => {
  it('equal the exact rationals, converted once (BigInt oracle)', () => {
    fc.assert(
      fc.property(movements, (m) => {
        const input = {
          startingMrr: m.start.money,
          churnedMrr: m.churned.money,
          contractionMrr: m.contraction.money,
          expansionMrr: m.expansion.money,
          reactivationMrr: m.reactivation.money,
        };
        const s = m.start.cents;
        const lost = m.churned.cents + m.contraction.cents;
        const net = lost - m.expansion.cents - m.reactivation.cents;
        const gross = mrrChurn({ startingMrr: input.startingMrr, churnedMrr: input.churnedMrr, contractionMrr: input.contractionMrr });
        const n = netMrrChurn(input);
        const e = expansionRevenue({ startingMrr: input.startingMrr, expansionMrr: input.expansionMrr });
        if (s === 0n) {
          expect([gross.value, n.value, n.netRevenueRetention, n.grossRevenueRetention, e.value]).toStrictEqual([null, null, null, null, null]);
          return;
        }
        expect(gross.value).toBe(nearestDouble(100n * lost, s));
        expect(n.value).toBe(nearestDouble(100n * net, s));
        expect(n.netRevenueRetention).toBe(nearestDouble(100n * (s - net), s));
        expect(n.grossRevenueRetention).toBe(nearestDouble(100n * (s - lost), s));
        expect(e.value).toBe(nearestDouble(100n * m.expansion.cents, s));
      }),
      { numRuns: 300 },
    );
  });

  it('stay within bounds, and the output is clean', () => {
    fc.assert(
      fc.property(movements, decimals, (m, d) => {
        const o = d === undefined ? {} : { decimals: d };
        const input = {
          startingMrr: m.start.money,
          churnedMrr: m.churned.money,
          contractionMrr: m.contraction.money,
          expansionMrr: m.expansion.money,
          reactivationMrr: m.reactivation.money,
        };
        const gross = mrrChurn({ startingMrr: input.startingMrr, churnedMrr: input.churnedMrr, contractionMrr: input.contractionMrr }, o);
        const n = netMrrChurn(input, o);
        const e = expansionRevenue({ startingMrr: input.startingMrr, expansionMrr: input.expansionMrr }, o);
        for (const r of [gross, n, e]) expect(isClean(r)).toBe(true);
        if (gross.value !== null) {
          expect(gross.value).toBeGreaterThanOrEqual(0);
          expect(gross.value).toBeLessThanOrEqual(100);
          expect(n.grossRevenueRetention).toBeGreaterThanOrEqual(0);
          expect(n.grossRevenueRetention).toBeLessThanOrEqual(100);
          expect(n.value).toBeLessThanOrEqual(gross.value);
        }
        if (e.value !== null) expect(e.value).toBeGreaterThanOrEqual(0);
      }),
      { numRuns: 300 },
    );
  });

  it('give the same value for amounts as strings, as numbers, and scaled by any power of ten', () => {
    fc.assert(
      fc.property(movements, fc.integer({ min: 0, max: 6 }), (m, k) => {
        const asNumbers = {
          startingMrr: Number(m.start.money),
          churnedMrr: Number(m.churned.money),
          contractionMrr: Number(m.contraction.money),
          expansionMrr: Number(m.expansion.money),
        };
        const asStrings = {
          startingMrr: String(asNumbers.startingMrr),
          churnedMrr: String(asNumbers.churnedMrr),
          contractionMrr: String(asNumbers.contractionMrr),
          expansionMrr: String(asNumbers.expansionMrr),
        };
        const scale = (c: bigint) => (c * 10n ** BigInt(k)).toString();
        const scaled = {
          startingMrr: scale(m.start.cents),
          churnedMrr: scale(m.churned.cents),
          contractionMrr: scale(m.contraction.cents),
          expansionMrr: scale(m.expansion.cents),
        };
        const a = netMrrChurn(asNumbers);
        expect(netMrrChurn(asStrings)).toStrictEqual(a);
        expect(netMrrChurn(scaled).value).toBe(a.value);
        expect(netMrrChurn(scaled).grossRevenueRetention).toBe(a.grossRevenueRetention);
      }),
      { numRuns: 200 },
    );
  });

  it('give the same result from an mrrMovements tally as from its amounts', () => {
    const customer = fc.record({ startMrr: fc.integer({ min: 0, max: 100_000 }), endMrr: fc.integer({ min: 0, max: 100_000 }), churnedBefore: fc.boolean() });
    fc.assert(
      fc.property(fc.array(customer, { maxLength: 40 }), (rows) => {
        const customers = rows.map((r, i) => ({
          id: i,
          startMrr: (r.startMrr / 100).toFixed(2),
          endMrr: (r.endMrr / 100).toFixed(2),
          churnedBefore: r.churnedBefore && r.startMrr === 0,
        }));
        const t = mrrMovements(customers);
        const amounts = {
          startingMrr: t.startingMrr,
          churnedMrr: t.churnedMrr,
          contractionMrr: t.contractionMrr,
          expansionMrr: t.expansionMrr,
          reactivationMrr: t.reactivationMrr,
        };
        expect(netMrrChurn(t)).toStrictEqual(netMrrChurn(amounts));
        expect(mrrChurn(t)).toStrictEqual(mrrChurn({ startingMrr: t.startingMrr, churnedMrr: t.churnedMrr, contractionMrr: t.contractionMrr }));
        expect(expansionRevenue(t)).toStrictEqual(expansionRevenue({ startingMrr: t.startingMrr, expansionMrr: t.expansionMrr }));
      }),
      { numRuns: 150 },
    );
  });

  it('throw a MetricsError at the field of a bad amount', () => {
    const bad = fc.oneof(
      fc.constant(-0.01),
      fc.constant('-1'),
      fc.constant('1.2.3'),
      fc.constant(''),
      fc.constant(NaN),
      fc.constant(Infinity),
      fc.constant(null),
      fc.constant([]),
    );
    const field = fc.constantFrom('startingMrr', 'churnedMrr', 'contractionMrr', 'expansionMrr', 'reactivationMrr');
    fc.assert(
      fc.property(bad, field, (x, f) => {
        const input = { startingMrr: 10, churnedMrr: 1, contractionMrr: 1, expansionMrr: 1, reactivationMrr: 1, [f]: x };
        expectMetricsError(() => netMrrChurn(input as never), 'netMrrChurn', ['movements', f]);
      }),
      { numRuns: 100 },
    );
  });
});
