/**
 * `mrrSeries` and `cohorts` against a naive second implementation
 * (tests/revenue/naive.ts): random change logs clustered around DST changes
 * and local midnights, in four zones (one with a 30-minute DST shift), over
 * day, week, month, quarter (calendar and fiscal) and year periods. Amounts
 * and counts must agree exactly; rates must be the exact rational, rounded
 * to `decimals` when asked (tests/helpers/rational.ts, `expectedNumber`),
 * as the nearest double. `ORACLE_RUNS=<n>` sets the number of cases per
 * property.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cohorts, type MrrSeriesCounts, mergeCounts, mrrSeries, mrrSeriesCounts, mrrSeriesFromCounts } from '../../src/index.js';
import { type NaiveAt, type NaiveChange, type NaivePeriodSpec, naiveCohorts, naiveMrrSeries, periodsBetween, startOfLocalDay } from './naive.js';

const RUNS = Number(process.env.ORACLE_RUNS ?? 150);
/** Each property's time limit, generous for a slow machine and growing with the runs. */
const TIMEOUT = 30_000 + RUNS * 200;

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/** Instants worth clustering around, per zone: its DST changes, and New Year (ISO week-years). */
const ZONES: Readonly<Record<string, readonly string[]>> = {
  'Europe/Berlin': ['2025-03-30T01:00:00Z', '2025-10-26T01:00:00Z', '2024-10-27T01:00:00Z', '2024-12-31T23:00:00Z'],
  'America/New_York': ['2025-03-09T07:00:00Z', '2025-11-02T06:00:00Z', '2024-11-03T06:00:00Z', '2026-01-01T05:00:00Z'],
  // 02:00 +11:00 -> 01:30 +10:30 and 02:00 +10:30 -> 02:30 +11:00.
  'Australia/Lord_Howe': ['2025-04-05T15:00:00Z', '2025-10-04T15:30:00Z', '2024-10-05T15:30:00Z', '2024-12-31T13:00:00Z'],
  UTC: ['2025-01-01T00:00:00Z', '2025-12-29T00:00:00Z', '2025-03-30T01:00:00Z'],
};

interface Context {
  readonly period: NaivePeriodSpec;
  /** Transitions (and other interesting instants) in the window. */
  readonly anchors: readonly number[];
  readonly from: number;
  readonly to: number;
}

const periodArb: fc.Arbitrary<NaivePeriodSpec> = fc
  .record({
    unit: fc.constantFrom('day', 'week', 'month', 'quarter', 'quarter', 'year'),
    timeZone: fc.constantFrom(...Object.keys(ZONES)),
    fiscal: fc.boolean(),
  })
  .map(({ unit, timeZone, fiscal }) => (unit === 'quarter' && fiscal ? { unit, timeZone, yearStart: 4 } : { unit, timeZone }));

const contextArb: fc.Arbitrary<Context> = periodArb.chain((period) => {
  const anchors = ZONES[period.timeZone]!.map((s) => Date.parse(s));
  const short = period.unit === 'day' || period.unit === 'week';
  return fc.constantFrom(...anchors).map((center) => {
    const from = short ? center - 30 * DAY : Date.parse('2024-07-01T00:00:00Z');
    const to = short ? center + 30 * DAY : Date.parse('2026-06-30T00:00:00Z');
    return { period, anchors: anchors.filter((a) => from <= a && a <= to), from, to };
  });
});

/** A small offset: none, a millisecond, a second, minutes, the DST shifts, or anything within a day. */
const nudgeArb = fc.oneof(
  { arbitrary: fc.constant(0), weight: 3 },
  { arbitrary: fc.constantFrom(1, -1, 1000, -1000, 60_000, -60_000, 30 * 60_000, -30 * 60_000, HOUR, -HOUR), weight: 3 },
  { arbitrary: fc.integer({ min: -DAY, max: DAY }), weight: 1 },
);

/** An instant in the window: uniform, near a DST change, or near a local midnight (a period's first, for long units). */
function instantArb(ctx: Context): fc.Arbitrary<number> {
  const { from, to, anchors, period } = ctx;
  const uniform = fc.integer({ min: from, max: to });
  const nearAnchor = fc.tuple(fc.constantFrom(...anchors), nudgeArb).map(([a, d]) => a + d);
  const nearMidnight = fc.tuple(fc.integer({ min: from, max: to }), fc.boolean(), nudgeArb).map(([t, snap, d]) => {
    const day = new Date(t);
    const civil = { y: day.getUTCFullYear(), m: day.getUTCMonth() + 1, d: snap && period.unit !== 'day' && period.unit !== 'week' ? 1 : day.getUTCDate() };
    return startOfLocalDay(period.timeZone, civil) + d;
  });
  return fc.oneof(uniform, nearAnchor, nearMidnight).map((t) => Math.min(to, Math.max(from, t)));
}

/** Amounts: 0-2 decimals as strings, whole numbers and cents as numbers, and plenty of zeros. */
const amountArb: fc.Arbitrary<string | number> = fc.oneof(
  { arbitrary: fc.constantFrom<string | number>(0, '0', '0.00', '0.0'), weight: 3 },
  { arbitrary: fc.integer({ min: 1, max: 500 }).map(String), weight: 2 },
  {
    arbitrary: fc.tuple(fc.integer({ min: 1, max: 50_000 }), fc.constantFrom(1, 2)).map(([u, d]) => {
      const s = String(u).padStart(d + 1, '0');
      return `${s.slice(0, -d)}.${s.slice(-d)}`;
    }),
    weight: 2,
  },
  { arbitrary: fc.integer({ min: 1, max: 500 }), weight: 2 },
  { arbitrary: fc.integer({ min: 1, max: 50_000 }).map((c) => c / 100), weight: 2 },
  { arbitrary: fc.constantFrom(12.5, 99.99, 0.1, 49.5), weight: 1 },
);

/** Huge amounts (beyond 2^53) beside ordinary ones. */
const hugeAmountArb: fc.Arbitrary<string | number> = fc.oneof(
  amountArb,
  fc.constantFrom(`1${'0'.repeat(25)}`, `1${'0'.repeat(25)}.5`, `9${'9'.repeat(24)}.99`, '9007199254740993', '9007199254740993.01'),
  fc.bigInt({ min: 1n, max: 10n ** 27n }).map(String),
  fc.tuple(fc.bigInt({ min: 1n, max: 10n ** 27n }), fc.integer({ min: 0, max: 99 })).map(([w, c]) => `${w}.${String(c).padStart(2, '0')}`),
);

/** An instant as the log might give it: ISO with Z, ISO with an offset, epoch ms, or a Date. */
function atForm(ms: number, form: number): NaiveAt {
  switch (form) {
    case 0:
      return new Date(ms).toISOString();
    case 1: {
      const offset = [330, -240, 60, 0, 630][Math.abs(ms) % 5]!;
      const local = new Date(ms + offset * 60_000).toISOString().slice(0, 23);
      const a = Math.abs(offset);
      return `${local}${offset < 0 ? '-' : '+'}${String(Math.floor(a / 60)).padStart(2, '0')}:${String(a % 60).padStart(2, '0')}`;
    }
    case 2:
      return ms;
    default:
      return new Date(ms);
  }
}

interface Case {
  readonly ctx: Context;
  readonly log: NaiveChange[];
  readonly customers: number;
  readonly last: number | null;
}

function caseArb(amount: fc.Arbitrary<string | number>, maxChanges = 30): fc.Arbitrary<Case> {
  return contextArb.chain((ctx) =>
    fc.integer({ min: 1, max: 8 }).chain((customers) =>
      fc
        .array(
          fc.record({
            customer: fc.integer({ min: 0, max: customers - 1 }),
            at: instantArb(ctx),
            mrr: amount,
            plan: fc.constantFrom('basic', 'pro'),
            form: fc.integer({ min: 0, max: 3 }),
          }),
          { maxLength: maxChanges, size: 'max' },
        )
        .map((raw) => {
          const seen = new Set<string>();
          const log: NaiveChange[] = [];
          let last: number | null = null;
          for (const r of raw) {
            const id = `${r.customer}@${r.at}`;
            if (seen.has(id)) continue; // two changes of one customer at one instant are an error
            seen.add(id);
            // Numeric ids beside string ids.
            log.push({ customerId: r.customer % 3 === 2 ? r.customer : `c${r.customer}`, at: atForm(r.at, r.form), mrr: r.mrr, plan: r.plan });
            last = last === null ? r.at : Math.max(last, r.at);
          }
          return { ctx, log, customers, last };
        }),
    ),
  );
}

/** An `asOf` at or after the last change: on it, just after, at or just before the end of its period, or later. */
function asOfArb(c: Case): fc.Arbitrary<number> {
  const last = c.last ?? c.ctx.from + 10 * DAY;
  const end = periodsBetween(c.ctx.period, last, last)[0]!.end;
  const short = c.ctx.period.unit === 'day' || c.ctx.period.unit === 'week';
  return fc.oneof(
    fc.constantFrom(last, last + 1, end - 1, end, end + 1),
    fc.integer({ min: 0, max: short ? 3 * DAY : 60 * DAY }).map((d) => last + d),
  );
}

/** Rates rounded to some decimals, either tie rule, or not rounded. */
const roundingArb = fc.record(
  { decimals: fc.integer({ min: 0, max: 6 }), rounding: fc.constantFrom('half-up' as const, 'half-even' as const) },
  { requiredKeys: [] },
);

const seriesOptionsArb = fc.record(
  {
    by: fc.constant('plan' as const),
    joinedAndLeft: fc.constantFrom('exclude' as const, 'count' as const),
    reactivation: fc.oneof(
      fc.constant('always' as const),
      fc.integer({ min: 1, max: 3 }).map((within) => ({ within })),
    ),
    rates: roundingArb,
  },
  { requiredKeys: [] },
);

const cohortOptionsArb = fc.record(
  {
    by: fc.constant('plan' as const),
    measure: fc.constantFrom('end' as const, 'active' as const),
    horizon: fc.integer({ min: 0, max: 6 }),
    decimals: fc.integer({ min: 0, max: 6 }),
    rounding: fc.constantFrom('half-up' as const, 'half-even' as const),
  },
  { requiredKeys: [] },
);

/** A case with an optional `asOf` (ISO or epoch ms). */
function withAsOf(c: Case): fc.Arbitrary<{ c: Case; asOf: NaiveAt | undefined }> {
  return fc.oneof(
    fc.constant({ c, asOf: undefined }),
    fc.tuple(asOfArb(c), fc.boolean()).map(([ms, iso]) => ({ c, asOf: iso ? new Date(ms).toISOString() : ms })),
  );
}

function checkSeries(amount: fc.Arbitrary<string | number>, runs: number) {
  fc.assert(
    fc.property(caseArb(amount).chain(withAsOf), seriesOptionsArb, ({ c, asOf }, extra) => {
      const options = { period: c.ctx.period, ...extra, ...(asOf === undefined ? {} : { asOf }) };
      const actual = mrrSeries(c.log, options);
      const expected = naiveMrrSeries(c.log, options);
      expect(actual).toStrictEqual(expected);
      // Rates come from the movements, and without `by` the movements are the row.
      for (const row of actual.rows) {
        if (extra.by !== undefined) continue;
        const m = row.movements;
        expect([m.startingMrr, m.newMrr, m.expansionMrr, m.reactivationMrr, m.contractionMrr, m.churnedMrr, m.endingMrr]).toEqual([
          row.startingMrr,
          row.newMrr,
          row.expansionMrr,
          row.reactivationMrr,
          row.contractionMrr,
          row.churnedMrr,
          row.endingMrr,
        ]);
      }
    }),
    { numRuns: runs },
  );
}

describe('mrrSeries agrees with a naive implementation', () => {
  it(
    'on random logs across DST changes and period units',
    () => {
      checkSeries(amountArb, RUNS);
    },
    TIMEOUT,
  );

  it(
    'with huge amounts (BigInt sums)',
    () => {
      checkSeries(hugeAmountArb, Math.max(1, Math.ceil(RUNS / 3)));
    },
    TIMEOUT,
  );
});

describe('cohorts agrees with a naive implementation', () => {
  const check = (amount: fc.Arbitrary<string | number>, runs: number) =>
    fc.assert(
      fc.property(caseArb(amount).chain(withAsOf), cohortOptionsArb, ({ c, asOf }, extra) => {
        const options = { period: c.ctx.period, ...extra, ...(asOf === undefined ? {} : { asOf }) };
        const actual = cohorts(c.log, { ...options, interval: false });
        const expected = naiveCohorts(c.log, options);
        const { rows, ...rest } = actual;
        const stripped = {
          ...rest,
          rows: rows.map((r) => ({
            ...r,
            cells: r.cells.map(({ warnings, ...cell }) => {
              // Every cohort here is below 30 customers.
              expect(warnings.map((w) => w.code)).toEqual(['small-sample']);
              return cell;
            }),
          })),
        };
        expect(stripped).toStrictEqual(expected);
      }),
      { numRuns: runs },
    );

  it(
    'on random logs across DST changes and period units',
    () => {
      check(amountArb, RUNS);
    },
    TIMEOUT,
  );

  it(
    'with huge amounts',
    () => {
      check(hugeAmountArb, Math.max(1, Math.ceil(RUNS / 3)));
    },
    TIMEOUT,
  );
});

describe('mrrSeriesCounts over shards of customers', () => {
  it(
    'merges into the tallies of the whole log',
    () => {
      fc.assert(
        fc.property(
          // Short logs too, where a shard can hold customers who never paid.
          fc.oneof(caseArb(amountArb), caseArb(amountArb, 4)).chain((c) =>
            fc.record({
              c: fc.constant(c),
              asOf: asOfArb(c),
              shards: fc
                .integer({ min: 2, max: 3 })
                .chain((k) => fc.array(fc.integer({ min: 0, max: k - 1 }), { minLength: c.customers, maxLength: c.customers })),
            }),
          ),
          seriesOptionsArb,
          ({ c, asOf, shards }, extra) => {
            const { rates, ...counted } = extra;
            const options = { period: c.ctx.period, ...counted, asOf };
            const shardOf = (id: string | number) => shards[typeof id === 'number' ? id : Number(id.slice(1))]!;
            const k = Math.max(...shards) + 1;
            const tables: MrrSeriesCounts[] = [];
            for (let s = 0; s < k; s++)
              tables.push(
                mrrSeriesCounts(
                  c.log.filter((x) => shardOf(x.customerId) === s),
                  options,
                ),
              );
            const merged = tables.reduce((a, b) => mergeCounts(a, b));
            const table = rates === undefined ? mrrSeriesFromCounts(merged) : mrrSeriesFromCounts(merged, { rates });
            expect(table).toStrictEqual(mrrSeries(c.log, { ...options, ...(rates === undefined ? {} : { rates }) }));
          },
        ),
        { numRuns: RUNS },
      );
    },
    TIMEOUT,
  );
});
