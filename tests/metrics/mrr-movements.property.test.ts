import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type MrrCustomer, type MrrMovements, mergeCounts, mrrMovements } from '../../src/index.js';
import { expectMetricsError } from '../helpers/errors.js';

/** A decimal string as an exact rational units / 10^scale. */
function rational(s: string): { units: bigint; scale: number } {
  const [whole, fraction = ''] = s.split('.');
  return { units: BigInt(whole! + fraction), scale: fraction.length };
}

/** `a` and `b` as units at scale `s` (s at least both scales). */
function at(s: string, scale: number): bigint {
  const r = rational(s);
  return r.units * 10n ** BigInt(scale - r.scale);
}

const MONEY_FIELDS = ['startingMrr', 'newMrr', 'expansionMrr', 'reactivationMrr', 'contractionMrr', 'churnedMrr', 'endingMrr'] as const;

/** Amounts: cents as strings, mills as strings, cents as numbers, whole numbers, and zero. */
const amount = fc.oneof(
  fc.integer({ min: 0, max: 10_000_000 }).map((c) => (c / 100).toFixed(2)),
  fc.integer({ min: 0, max: 10_000_000 }).map((c) => (c / 1000).toFixed(3)),
  fc.integer({ min: 0, max: 10_000_000 }).map((c) => c / 100),
  fc.integer({ min: 0, max: 100_000 }),
  fc.constant(0),
  fc.constant('0'),
);

const customersArb = fc.array(fc.record({ startMrr: amount, endMrr: amount, churnedBefore: fc.boolean() }), { maxLength: 60 }).map((rows) =>
  rows.map((r, i): MrrCustomer => {
    const paying = rational(String(r.startMrr)).units > 0n;
    return r.churnedBefore && !paying
      ? { id: `c${i}`, startMrr: r.startMrr, endMrr: r.endMrr, churnedBefore: true }
      : { id: `c${i}`, startMrr: r.startMrr, endMrr: r.endMrr };
  }),
);

/** The oracle: every movement summed in BigInt at the largest scale of the input. */
function oracle(customers: readonly MrrCustomer[]): Record<(typeof MONEY_FIELDS)[number], bigint> & { scale: number } {
  let scale = 0;
  for (const c of customers) scale = Math.max(scale, rational(String(c.startMrr)).scale, rational(String(c.endMrr)).scale);
  const sum = { startingMrr: 0n, newMrr: 0n, expansionMrr: 0n, reactivationMrr: 0n, contractionMrr: 0n, churnedMrr: 0n, endingMrr: 0n, scale };
  for (const c of customers) {
    const s = at(String(c.startMrr), scale);
    const e = at(String(c.endMrr), scale);
    sum.startingMrr += s;
    sum.endingMrr += e;
    if (s > 0n && e === 0n) sum.churnedMrr += s;
    else if (s > 0n && e > s) sum.expansionMrr += e - s;
    else if (s > 0n && e < s) sum.contractionMrr += s - e;
    else if (s === 0n && e > 0n) {
      if (c.churnedBefore === true) sum.reactivationMrr += e;
      else sum.newMrr += e;
    }
  }
  return sum;
}

function sameAmounts(a: MrrMovements, b: MrrMovements): void {
  for (const f of MONEY_FIELDS) {
    const scale = Math.max(rational(a[f]).scale, rational(b[f]).scale);
    expect(at(a[f], scale), f).toBe(at(b[f], scale));
  }
}

describe('mrrMovements: properties', () => {
  it('equals the BigInt oracle exactly, every total at the largest scale of the input', () => {
    fc.assert(
      fc.property(customersArb, (customers) => {
        const m = mrrMovements(customers);
        const o = oracle(customers);
        for (const f of MONEY_FIELDS) {
          expect(rational(m[f]).scale, f).toBe(o.scale);
          expect(rational(m[f]).units, f).toBe(o[f]);
        }
      }),
      { numRuns: 200 },
    );
  });

  it('keeps the MRR identity: start + new + expansion + reactivation - contraction - churned = end, exactly', () => {
    fc.assert(
      fc.property(customersArb, (customers) => {
        const m = mrrMovements(customers);
        const u = (f: (typeof MONEY_FIELDS)[number]) => rational(m[f]).units;
        expect(u('startingMrr') + u('newMrr') + u('expansionMrr') + u('reactivationMrr') - u('contractionMrr') - u('churnedMrr')).toBe(u('endingMrr'));
        expect(m.customersAtStart - m.customersLost + m.customersAdded).toBe(m.customersAtEnd);
        const c = m.customers;
        expect(c.new + c.expansion + c.contraction + c.churned + c.reactivation + c.unchanged).toBe(customers.length);
      }),
      { numRuns: 200 },
    );
  });

  it('gives the same tally on the fast path and the exact BigInt path', () => {
    // An amount with 20 decimals is beyond the fast reader: the whole input then takes the exact path.
    const forceExact: MrrCustomer = { id: 'exact', startMrr: `0.${'0'.repeat(20)}`, endMrr: 0 };
    fc.assert(
      fc.property(customersArb, (customers) => {
        const fast = mrrMovements(customers);
        const exact = mrrMovements([...customers, forceExact]);
        sameAmounts(fast, exact);
        expect({ ...exact.customers, unchanged: exact.customers.unchanged - 1 }).toStrictEqual(fast.customers);
      }),
      { numRuns: 150 },
    );
  });

  it('does not depend on the order of customers', () => {
    fc.assert(
      fc.property(customersArb, fc.infiniteStream(fc.nat()), (customers, randomness) => {
        const shuffled = [...customers];
        const it = randomness[Symbol.iterator]();
        for (let i = shuffled.length - 1; i > 0; i--) {
          const j = it.next().value % (i + 1);
          [shuffled[i], shuffled[j]] = [shuffled[j]!, shuffled[i]!];
        }
        expect(mrrMovements(shuffled)).toStrictEqual(mrrMovements(customers));
      }),
      { numRuns: 150 },
    );
  });

  it('merges: the tallies of two parts merge into the tally of the whole', () => {
    fc.assert(
      fc.property(customersArb, fc.nat(), (customers, cut) => {
        const k = customers.length === 0 ? 0 : cut % (customers.length + 1);
        const merged = mergeCounts(mrrMovements(customers.slice(0, k)), mrrMovements(customers.slice(k)));
        expect(merged).toStrictEqual(mrrMovements(customers));
      }),
      { numRuns: 200 },
    );
  });

  it('reads a number as its shortest round-trip string', () => {
    const cents = fc.integer({ min: 0, max: 1e9 }).map((c) => c / 100);
    fc.assert(
      fc.property(fc.array(fc.tuple(cents, cents), { maxLength: 30 }), (rows) => {
        const numbers = rows.map(([s, e], i) => ({ id: i, startMrr: s, endMrr: e }));
        const strings = rows.map(([s, e], i) => ({ id: i, startMrr: String(s), endMrr: String(e) }));
        expect(mrrMovements(numbers)).toStrictEqual(mrrMovements(strings));
      }),
      { numRuns: 150 },
    );
  });

  it('outputs plain decimal strings and integer counts', () => {
    fc.assert(
      fc.property(customersArb, (customers) => {
        const m = mrrMovements(customers);
        for (const f of MONEY_FIELDS) expect(m[f]).toMatch(/^\d+(\.\d+)?$/);
        for (const n of [m.customersAtStart, m.customersLost, m.customersAdded, m.customersAtEnd, ...Object.values(m.customers)]) {
          expect(Number.isSafeInteger(n) && n >= 0).toBe(true);
        }
      }),
      { numRuns: 100 },
    );
  });

  it('throws a MetricsError at the first bad amount, wherever it is', () => {
    const bad = fc.oneof(
      fc.constant(-1),
      fc.constant('-1.00'),
      fc.constant(''),
      fc.constant('1e3'),
      fc.constant('1,5'),
      fc.constant(NaN),
      fc.constant(Infinity),
      fc.constant(null),
      fc.constant(true),
      fc.constant({}),
    );
    fc.assert(
      fc.property(customersArb, bad, fc.constantFrom('startMrr', 'endMrr'), customersArb, (before, x, field, after) => {
        const broken = { id: 'bad', startMrr: 0, endMrr: 0, [field]: x } as unknown as MrrCustomer;
        const renamed = after.map((c) => ({ ...c, id: `after-${String(c.id)}` }));
        expectMetricsError(() => mrrMovements([...before, broken, ...renamed]), 'mrrMovements', ['customers', before.length, field]);
      }),
      { numRuns: 150 },
    );
  });

  it("reports a repeated id as 'duplicate' at its second occurrence", () => {
    fc.assert(
      fc.property(
        customersArb.filter((c) => c.length > 0),
        fc.nat(),
        (customers, pick) => {
          const first = customers[pick % customers.length]!;
          const copy = { id: first.id, startMrr: '1', endMrr: '1' };
          expectMetricsError(() => mrrMovements([...customers, copy]), 'mrrMovements', ['customers', customers.length, 'id'], 'duplicate');
        },
      ),
      { numRuns: 150 },
    );
  });
});
