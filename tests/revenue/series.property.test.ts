/**
 * Properties of mrrSeries, mrrSeriesCounts / mergeCounts /
 * mrrSeriesFromCounts and cohorts on random change logs, with instants
 * clustered on period boundaries (UTC and Berlin midnights, a millisecond
 * either side): the identity in every row, sharding by customer, input
 * order, and the bounds of cohort cells.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  cohorts,
  type MrrSeries,
  type MrrSeriesCounts,
  type MrrSeriesRow,
  mergeCounts,
  mrrSeries,
  mrrSeriesCounts,
  mrrSeriesFromCounts,
} from '../../src/index.js';

const RUNS = 100;
const DAY = 86_400_000;
const T0 = Date.parse('2025-01-01T00:00:00Z');
const SPAN = 200 * DAY;

/** Period starts worth hitting: UTC and Berlin month starts, ISO week starts, and the Berlin DST changes. */
const ANCHORS = [
  ...Array.from({ length: 7 }, (_, m) => Date.UTC(2025, m, 1)),
  ...Array.from({ length: 7 }, (_, m) => Date.UTC(2025, m, 1) - (m >= 3 && m <= 9 ? 2 : 1) * 3_600_000),
  Date.parse('2025-01-06T00:00:00Z'),
  Date.parse('2025-03-30T01:00:00Z'),
  Date.parse('2025-04-07T00:00:00Z'),
];

const instantArb = fc.oneof(
  { arbitrary: fc.integer({ min: 0, max: SPAN }).map((t) => T0 + t), weight: 3 },
  { arbitrary: fc.tuple(fc.constantFrom(...ANCHORS), fc.constantFrom(-1, 0, 0, 1)).map(([a, d]) => a + d), weight: 2 },
);

const amountArb: fc.Arbitrary<number | string> = fc.oneof(
  { arbitrary: fc.constant(0), weight: 3 },
  { arbitrary: fc.integer({ min: 1, max: 500 }), weight: 4 },
  { arbitrary: fc.constantFrom('9.99', '19.50', '0.01', '1000.00', '250'), weight: 2 },
);

interface Change {
  readonly customerId: string | number;
  readonly at: number;
  readonly mrr: number | string;
  readonly plan: string;
}

/** One customer's changes, at distinct instants. */
const customerArb = fc
  .uniqueArray(instantArb, { minLength: 1, maxLength: 6 })
  .chain((times) => fc.tuple(...times.map((at) => fc.record({ at: fc.constant(at), mrr: amountArb, plan: fc.constantFrom('basic', 'pro', 'team') }))));

/** A change log of up to 8 customers, ordered by customer. */
const logArb: fc.Arbitrary<Change[]> = fc
  .array(customerArb, { maxLength: 8 })
  .map((customers) => customers.flatMap((changes, i) => changes.map((c) => ({ customerId: i % 3 === 0 ? i : `c${i}`, ...c }))));

const periodArb = fc.record({
  unit: fc.constantFrom('week', 'month', 'month', 'quarter'),
  timeZone: fc.constantFrom('UTC', 'Europe/Berlin'),
}) as fc.Arbitrary<{ unit: 'week' | 'month' | 'quarter'; timeZone: string }>;

const choicesArb = fc.record({
  period: periodArb,
  by: fc.boolean(),
  joinedAndLeft: fc.constantFrom('exclude', 'count') as fc.Arbitrary<'exclude' | 'count'>,
  reactivation: fc.oneof(
    fc.constant('always' as const),
    fc.integer({ min: 1, max: 3 }).map((within) => ({ within })),
  ),
});

type Choices = typeof choicesArb extends fc.Arbitrary<infer C> ? C : never;

const optionsOf = (c: Choices, asOf?: number) => ({
  period: c.period,
  ...(c.by ? { by: 'plan' } : {}),
  joinedAndLeft: c.joinedAndLeft,
  reactivation: c.reactivation,
  ...(asOf === undefined ? {} : { asOf }),
});

/** A decimal string as units at `scale`. */
function units(s: string, scale: number): bigint {
  const [whole, fraction = ''] = s.split('.');
  return BigInt(whole! + fraction.padEnd(scale, '0'));
}

const AMOUNTS = ['startingMrr', 'newMrr', 'expansionMrr', 'reactivationMrr', 'movedInMrr', 'contractionMrr', 'churnedMrr', 'movedOutMrr', 'endingMrr'] as const;

function scaleOf(s: MrrSeries): number {
  let scale = 0;
  for (const r of s.rows) for (const f of AMOUNTS) scale = Math.max(scale, (r[f].split('.')[1] ?? '').length);
  return scale;
}

const keyOf = (r: MrrSeriesRow) => JSON.stringify(r.key);

describe('mrrSeries: properties', () => {
  it('keeps the identity in every row, and each row ends where the next starts', () => {
    fc.assert(
      fc.property(logArb, choicesArb, (log, choices) => {
        const s = mrrSeries(log, optionsOf(choices));
        const scale = scaleOf(s);
        const previous = new Map<string, MrrSeriesRow>();
        for (const r of s.rows) {
          const u = Object.fromEntries(AMOUNTS.map((f) => [f, units(r[f], scale)])) as Record<(typeof AMOUNTS)[number], bigint>;
          for (const f of AMOUNTS) expect(u[f] >= 0n).toBe(true);
          expect(u.startingMrr + u.newMrr + u.expansionMrr + u.reactivationMrr + u.movedInMrr - u.contractionMrr - u.churnedMrr - u.movedOutMrr).toBe(
            u.endingMrr,
          );
          const c = r.customers;
          expect(c.atStart + c.new + c.reactivation + c.movedIn - c.churned - c.movedOut).toBe(c.atEnd);
          // Every customer at the start is counted once by what happened to them (with 'count', churned also holds those who joined and left).
          if (choices.joinedAndLeft === 'exclude') expect(c.expansion + c.contraction + c.churned + c.movedOut + c.unchanged).toBe(c.atStart);
          else expect(c.expansion + c.contraction + c.churned + c.movedOut + c.unchanged).toBeGreaterThanOrEqual(c.atStart);
          const before = previous.get(keyOf(r));
          if (before !== undefined) {
            expect(r.startingMrr).toBe(before.endingMrr);
            expect(c.atStart).toBe(before.customers.atEnd);
          } else {
            // A segment's first row starts from nothing.
            expect(u.startingMrr).toBe(0n);
            expect(c.atStart).toBe(0);
          }
          previous.set(keyOf(r), r);
        }
      }),
      { numRuns: RUNS },
    );
  });

  it('sums the segments to the series without by', () => {
    fc.assert(
      fc.property(logArb, choicesArb, (log, choices) => {
        const whole = mrrSeries(log, optionsOf({ ...choices, by: false }));
        const parts = mrrSeries(log, optionsOf({ ...choices, by: true }));
        const scale = Math.max(scaleOf(whole), scaleOf(parts));
        for (const row of whole.rows) {
          const same = parts.rows.filter((r) => r.period.label === row.period.label);
          for (const f of ['startingMrr', 'endingMrr'] as const) {
            expect(same.reduce((sum, r) => sum + units(r[f], scale), 0n)).toBe(units(row[f], scale));
          }
          expect(same.reduce((sum, r) => sum + r.customers.atEnd, 0)).toBe(row.customers.atEnd);
          expect(same.reduce((sum, r) => sum + r.customers.churned, 0)).toBe(row.customers.churned);
        }
      }),
      { numRuns: RUNS },
    );
  });

  it('does not depend on the order of the changes', () => {
    const caseArb = logArb.chain((log) => fc.tuple(fc.constant(log), fc.shuffledSubarray(log, { minLength: log.length, maxLength: log.length }), choicesArb));
    fc.assert(
      fc.property(caseArb, ([log, shuffled, choices]) => {
        expect(mrrSeries(shuffled, optionsOf(choices))).toEqual(mrrSeries(log, optionsOf(choices)));
        expect(cohorts(shuffled, { period: choices.period, ...(choices.by ? { by: 'plan' } : {}) })).toEqual(
          cohorts(log, { period: choices.period, ...(choices.by ? { by: 'plan' } : {}) }),
        );
      }),
      { numRuns: RUNS },
    );
  });

  it('merges the tallies of any split of customers into the series of all of them', () => {
    const caseArb = fc.tuple(
      logArb,
      choicesArb,
      fc.integer({ min: 1, max: 4 }),
      fc.array(fc.nat(3), { minLength: 8, maxLength: 8 }),
      fc.integer({ min: 0, max: 40 * DAY }),
    );
    fc.assert(
      fc.property(caseArb, ([log, choices, shards, assignment, after]) => {
        const last = log.reduce((t, c) => Math.max(t, c.at), T0);
        const asOf = last + after;
        const shardOf = (c: Change) => assignment[(typeof c.customerId === 'number' ? c.customerId : Number(c.customerId.slice(1))) % 8]! % shards;
        const tables: MrrSeriesCounts[] = [];
        for (let k = 0; k < shards; k++)
          tables.push(
            mrrSeriesCounts(
              log.filter((c) => shardOf(c) === k),
              optionsOf(choices, asOf),
            ),
          );
        const merged = tables.reduce((a, b) => mergeCounts(a, b));
        // Through JSON, as tallies stored between runs are.
        const stored: MrrSeriesCounts = JSON.parse(JSON.stringify(merged));
        expect(mrrSeriesFromCounts(stored)).toEqual(mrrSeries(log, optionsOf(choices, asOf)));
        expect(mrrSeriesFromCounts(merged, { rates: { contraction: 'exclude' } })).toEqual(
          mrrSeries(log, { ...optionsOf(choices, asOf), rates: { contraction: 'exclude' } }),
        );
      }),
      { numRuns: RUNS },
    );
  });
});

describe('cohorts: properties', () => {
  it('keeps every cell within its cohort, and every customer active at age 0', () => {
    const caseArb = fc.tuple(logArb, periodArb, fc.boolean(), fc.option(fc.integer({ min: 0, max: 5 }), { nil: undefined }));
    fc.assert(
      fc.property(caseArb, ([log, period, by, horizon]) => {
        const paying = new Set(log.filter((c) => Number(c.mrr) > 0).map((c) => c.customerId));
        for (const measure of ['end', 'active'] as const) {
          const t = cohorts(log, { period, measure, interval: false, ...(by ? { by: 'plan' } : {}), ...(horizon === undefined ? {} : { horizon }) });
          expect(t.rows.reduce((n, r) => n + r.customers, 0)).toBe(paying.size);
          for (const row of t.rows) {
            expect(row.customers).toBeGreaterThan(0);
            expect(row.cells.length).toBeGreaterThan(0);
            expect(row.cells.length).toBeLessThanOrEqual(t.horizon + 1);
            row.cells.forEach((cell, age) => {
              expect(cell.age).toBe(age);
              expect(cell.customers).toBeGreaterThanOrEqual(0);
              expect(cell.customers).toBeLessThanOrEqual(row.customers);
              expect(cell.percent).toBe((100 * cell.customers) / row.customers);
              expect(cell.percent).toBeGreaterThanOrEqual(0);
              expect(cell.percent).toBeLessThanOrEqual(100);
              if (cell.grossRevenueRetention !== null) {
                expect(cell.grossRevenueRetention).toBeGreaterThanOrEqual(0);
                expect(cell.grossRevenueRetention).toBeLessThanOrEqual(100);
                expect(cell.grossRevenueRetention).toBeLessThanOrEqual(cell.netRevenueRetention!);
              }
              if (cell.customers === 0) expect(Number(cell.mrr)).toBe(0);
            });
            if (measure === 'active') {
              expect(row.cells[0]!.customers).toBe(row.customers);
              expect(row.cells[0]!.percent).toBe(100);
              expect(row.cells[0]!.mrr).toBe(row.startingMrr);
              expect(Number(row.startingMrr)).toBeGreaterThan(0);
            } else if (row.cells[0]!.customers > 0) {
              expect(row.cells[0]!.netRevenueRetention).toBe(100);
              expect(row.cells[0]!.grossRevenueRetention).toBe(100);
            }
          }
        }
      }),
      { numRuns: RUNS },
    );
  });
});
