import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  type BusinessHours,
  type FirstResponseTimeCounts,
  type FirstResponseTimeOptions,
  type FirstResponseTimeTicket,
  firstResponseTime,
  firstResponseTimeCounts,
  firstResponseTimeFromCounts,
  mergeCounts,
  timeToResolution,
} from '../../src/index.js';
import { isClean } from '../helpers/rational.js';

const QUARTER = 15 * 60_000;
// Starts of 60-day windows that hold offset changes in several zones.
const BASES = [Date.UTC(2026, 1, 20), Date.UTC(2026, 8, 25), Date.UTC(2018, 9, 20)];
const ZONES = ['UTC', 'Europe/Amsterdam', 'America/New_York', 'Asia/Kolkata', 'Australia/Lord_Howe'];

interface Data {
  readonly tickets: FirstResponseTimeTicket[];
  /** A time at or after every time in the tickets. */
  readonly asOf: number;
}

/** Tickets on a quarter-hour grid within 60 days of a base, some unanswered (absent or `null`), some with a resolution the metric ignores. */
const data = (maxLength = 40): fc.Arbitrary<Data> =>
  fc.constantFrom(...BASES).chain((base) =>
    fc
      .array(
        fc.record({
          opened: fc.integer({ min: 0, max: 50 * 96 }),
          wait: fc.integer({ min: 0, max: 4 * 96 }),
          kind: fc.constantFrom('answered', 'answered', 'answered', 'absent', 'null', 'answered-resolved'),
        }),
        { maxLength },
      )
      .map((rows) => {
        let latest = base;
        const tickets = rows.map(({ opened, wait, kind }): FirstResponseTimeTicket => {
          const openedAt = base + opened * QUARTER;
          const answeredAt = openedAt + wait * QUARTER;
          latest = Math.max(latest, answeredAt);
          if (kind === 'absent') return { openedAt };
          if (kind === 'null') return { openedAt, firstRespondedAt: null };
          if (kind === 'answered') return { openedAt, firstRespondedAt: answeredAt };
          return { openedAt, firstRespondedAt: answeredAt, resolvedAt: answeredAt + QUARTER } as FirstResponseTimeTicket;
        });
        return { tickets, asOf: latest + QUARTER };
      }),
  );

const clock = (quarters: number) => `${String(Math.floor(quarters / 4)).padStart(2, '0')}:${String((quarters % 4) * 15).padStart(2, '0')}`;
const hours: fc.Arbitrary<BusinessHours> = fc
  .tuple(
    fc.constantFrom(...ZONES),
    fc.integer({ min: 0, max: 95 }).chain((open) => fc.tuple(fc.constant(open), fc.integer({ min: open + 1, max: 96 }))),
  )
  .map(([timeZone, [open, close]]) => {
    const day = [clock(open), close === 96 ? '24:00' : clock(close)] as const;
    return { timeZone, days: { mon: day, tue: day, wed: day, thu: day, fri: day } };
  });

/** Options of every kind, censoring at `asOf` when drawn. */
const options = (asOf: number): fc.Arbitrary<FirstResponseTimeOptions> =>
  fc
    .record(
      {
        statistic: fc.constantFrom('median' as const, 'mean' as const),
        censor: fc.boolean(),
        businessHours: hours,
        interval: fc.constantFrom(true as const, { level: 0.8 }),
        decimals: fc.integer({ min: 0, max: 15 }),
      },
      { requiredKeys: ['censor'] },
    )
    .map(({ censor, statistic, interval, ...rest }) => ({
      ...rest,
      ...(statistic === undefined ? {} : { statistic }),
      ...(interval === undefined || statistic === 'mean' ? {} : { interval }),
      ...(censor ? { open: 'censor' as const, asOf } : {}),
    }));

/** Data with options for it. */
const withOptions = (maxLength?: number) => data(maxLength).chain((d) => fc.tuple(fc.constant(d), options(d.asOf)));

describe('firstResponseTime: properties', () => {
  it('gives the same result raw and from its tally', () => {
    fc.assert(
      fc.property(withOptions(), ([{ tickets }, o]) => {
        const whole = firstResponseTime(tickets, o);
        const counts = firstResponseTimeCounts(tickets, o);
        expect(firstResponseTimeFromCounts(counts, o)).toStrictEqual(whole);
        // Read back without the options that act when tallying.
        const { asOf: _a, businessHours: _b, ...reading } = o;
        expect(firstResponseTimeFromCounts(counts, reading)).toStrictEqual(whole);
      }),
      { numRuns: 150 },
    );
  });

  it('merges: tallies of any chunks, merged with mergeCounts, give the tally and the result of the whole', () => {
    fc.assert(
      fc.property(withOptions(), fc.array(fc.nat(), { maxLength: 5 }), ([{ tickets }, o], cuts) => {
        const bounds = [0, ...cuts.map((c) => c % (tickets.length + 1)).sort((a, b) => a - b), tickets.length];
        const chunks = bounds.slice(1).map((end, i) => firstResponseTimeCounts(tickets.slice(bounds[i], end), o));
        const merged = chunks.reduce((a: FirstResponseTimeCounts, b) => mergeCounts(a, b));
        expect(merged).toStrictEqual(firstResponseTimeCounts(tickets, o));
        expect(firstResponseTimeFromCounts(merged, o)).toStrictEqual(firstResponseTime(tickets, o));
      }),
      { numRuns: 100 },
    );
  });

  it('is time to resolution of the same tickets measured to the first answer', () => {
    fc.assert(
      fc.property(withOptions(), ([{ tickets }, o]) => {
        const asResolved = tickets.map((t) =>
          t.firstRespondedAt === undefined ? { openedAt: t.openedAt } : { openedAt: t.openedAt, resolvedAt: t.firstRespondedAt },
        );
        const { metric, responded, ...frt } = firstResponseTime(tickets, o);
        const { metric: _m, resolved, ...ttr } = timeToResolution(asResolved, o);
        expect(metric).toBe('firstResponseTime');
        expect(responded).toBe(resolved);
        expect(frt).toStrictEqual(ttr);
      }),
      { numRuns: 100 },
    );
  });

  it('does not depend on the order of tickets', () => {
    fc.assert(
      fc.property(withOptions(), fc.array(fc.nat(), { minLength: 1, maxLength: 20 }), ([{ tickets }, o], seeds) => {
        const order = [...tickets];
        for (let i = order.length - 1; i > 0; i--) {
          const j = seeds[i % seeds.length]! % (i + 1);
          [order[i], order[j]] = [order[j]!, order[i]!];
        }
        expect(firstResponseTime(order, o)).toStrictEqual(firstResponseTime(tickets, o));
      }),
      { numRuns: 100 },
    );
  });

  it('accounts for every ticket, keeps percentiles in order and the output clean', () => {
    fc.assert(
      fc.property(withOptions(), ([{ tickets }, o]) => {
        const r = firstResponseTime(tickets, o);
        expect(isClean(r)).toBe(true);
        expect(r.responded + r.open).toBe(tickets.length);
        const answered = tickets.filter((t) => t.firstRespondedAt !== null && t.firstRespondedAt !== undefined).length;
        expect(r.responded).toBe(answered);
        const ordered = [r.min, r.median, r.p90, r.p95, r.max].filter((x): x is number => x !== null);
        for (let i = 1; i < ordered.length; i++) expect(ordered[i]!).toBeGreaterThanOrEqual(ordered[i - 1]!);
        expect(r.value).toBe(o.statistic === 'mean' ? r.mean : r.median);
      }),
      { numRuns: 150 },
    );
  });
});
