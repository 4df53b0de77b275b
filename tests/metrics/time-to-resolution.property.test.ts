import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { businessClock, parseBusinessHours } from '../../src/core/time/business-hours.js';
import {
  type BusinessHours,
  mergeCounts,
  type TimeToResolutionOptions,
  type TimeToResolutionTicket,
  timeToResolution,
  timeToResolutionCounts,
  timeToResolutionFromCounts,
} from '../../src/index.js';
import { expectMetricsError } from '../helpers/errors.js';
import { isClean, nearestDouble } from '../helpers/rational.js';

const METRIC = 'timeToResolution';
const MINUTE = 60_000;
const QUARTER = 15 * MINUTE;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
// Starts of 60-day windows that hold offset changes in several zones.
const BASES = [Date.UTC(2026, 1, 20), Date.UTC(2026, 8, 25), Date.UTC(2018, 9, 20)];
const ZONES = ['UTC', 'Europe/Amsterdam', 'America/New_York', 'Asia/Kolkata', 'Australia/Lord_Howe', 'America/Sao_Paulo', 'Pacific/Chatham', 'Asia/Kathmandu'];
const WEEKDAYS = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'] as const;

interface Data {
  readonly base: number;
  readonly tickets: TimeToResolutionTicket[];
  /** A time at or after every time in the tickets. */
  readonly asOf: number;
}

/** Tickets on a quarter-hour grid within 60 days of a base, some open, some reopened. */
const data = (maxLength = 40): fc.Arbitrary<Data> =>
  fc.constantFrom(...BASES).chain((base) =>
    fc
      .array(
        fc.record({
          opened: fc.integer({ min: 0, max: 50 * 96 }),
          first: fc.integer({ min: 0, max: 6 * 96 }),
          rest: fc.integer({ min: 0, max: 3 * 96 }),
          kind: fc.constantFrom('resolved', 'resolved', 'open', 'reopened', 'reopened-open'),
        }),
        { maxLength },
      )
      .map((rows) => {
        let latest = base;
        const tickets = rows.map(({ opened, first, rest, kind }): TimeToResolutionTicket => {
          const openedAt = base + opened * QUARTER;
          const firstAt = openedAt + first * QUARTER;
          const finalAt = firstAt + rest * QUARTER;
          latest = Math.max(latest, finalAt);
          if (kind === 'resolved') return { openedAt, resolvedAt: firstAt };
          if (kind === 'open') return { openedAt };
          if (kind === 'reopened') return { openedAt, firstResolvedAt: firstAt, resolvedAt: finalAt };
          return { openedAt, firstResolvedAt: firstAt, resolvedAt: null };
        });
        return { base, tickets, asOf: latest + QUARTER };
      }),
  );

const clock = fc.integer({ min: 0, max: 96 });
const hoursOf = (minLength = 1): fc.Arbitrary<BusinessHours> =>
  fc.record({
    timeZone: fc.constantFrom(...ZONES),
    days: fc
      .uniqueArray(fc.constantFrom(...WEEKDAYS), { minLength, maxLength: 7 })
      .chain((days) =>
        fc.tuple(
          fc.constant(days),
          fc.array(
            fc.tuple(clock, clock).filter(([a, b]) => a !== b),
            { minLength: days.length, maxLength: days.length },
          ),
        ),
      )
      .map(([days, spans]) => Object.fromEntries(days.map((d, i) => [d, spans[i]!.sort((a, b) => a - b).map(toClock)]))) as fc.Arbitrary<BusinessHours['days']>,
    holidays: fc.array(fc.integer({ min: 0, max: 60 }), { maxLength: 3 }).map((ds) => ds.map((d) => new Date(BASES[0]! + d * DAY).toISOString().slice(0, 10))),
  });

function toClock(quarters: number): string {
  const minutes = quarters * 15;
  return `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
}

const tallyOptions = fc.record(
  { resolution: fc.constantFrom('full' as const, 'first' as const), statistic: fc.constantFrom('median' as const, 'mean' as const) },
  { requiredKeys: [] },
);

/** The same tickets with every time moved by `shift` milliseconds. */
function shifted(tickets: readonly TimeToResolutionTicket[], shift: number): TimeToResolutionTicket[] {
  const move = (t: unknown) => (typeof t === 'number' ? t + shift : t);
  return tickets.map((t) => ({
    openedAt: move(t.openedAt) as number,
    resolvedAt: move(t.resolvedAt) as number | null | undefined,
    firstResolvedAt: move(t.firstResolvedAt) as number | undefined,
  }));
}

describe('timeToResolution: properties', () => {
  it('does not change when every time moves by the same amount', () => {
    fc.assert(
      fc.property(data(), fc.integer({ min: -1e13, max: 1e13 }), tallyOptions, fc.boolean(), ({ tickets, asOf }, shift, o, censor) => {
        const a: TimeToResolutionOptions = censor ? { ...o, open: 'censor', asOf } : o;
        const b: TimeToResolutionOptions = censor ? { ...o, open: 'censor', asOf: asOf + shift } : o;
        expect(timeToResolution(shifted(tickets, shift), b)).toStrictEqual(timeToResolution(tickets, a));
      }),
      { numRuns: 150 },
    );
  });

  it('does not change when moved by whole weeks, in business hours of a zone without offset changes', () => {
    fc.assert(
      fc.property(
        data(),
        fc.integer({ min: -500, max: 500 }),
        hoursOf(),
        fc.constantFrom('UTC', 'Asia/Kolkata', 'Asia/Kathmandu'),
        ({ tickets, asOf }, weeks, hours, timeZone) => {
          const businessHours = { timeZone, days: hours.days };
          const shift = weeks * 7 * DAY;
          const a = timeToResolution(tickets, { businessHours, open: 'censor', asOf });
          expect(timeToResolution(shifted(tickets, shift), { businessHours, open: 'censor', asOf: asOf + shift })).toStrictEqual(a);
        },
      ),
      { numRuns: 60 },
    );
  });

  it('counts no more business time than calendar time, ticket by ticket', () => {
    fc.assert(
      fc.property(data(), hoursOf(), tallyOptions, ({ tickets, asOf }, businessHours, o) => {
        const calendar = timeToResolutionCounts(tickets, { ...o, open: 'censor', asOf });
        const business = timeToResolutionCounts(tickets, { ...o, open: 'censor', asOf, businessHours });
        expect(business.resolved.length).toBe(calendar.resolved.length);
        business.resolved.forEach((d, i) => {
          expect(d).toBeLessThanOrEqual(calendar.resolved[i]!);
        });
        business.censored.forEach((d, i) => {
          expect(d).toBeLessThanOrEqual(calendar.censored[i]!);
        });
        for (const d of [...business.resolved, ...business.censored]) expect(d >= 0 && Number.isInteger(d)).toBe(true);
      }),
      { numRuns: 60 },
    );
  });

  it('agrees with an hour-by-hour reading of the zone clock through Intl', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...BASES),
        fc.integer({ min: 0, max: 55 * 96 }),
        fc.integer({ min: 0, max: 3 * 96 }),
        businessHoursAwayFromNight(),
        (base, start, length, hours) => {
          const from = base + start * QUARTER;
          const to = from + length * QUARTER;
          const measured = timeToResolutionCounts([{ openedAt: from, resolvedAt: to }], { businessHours: hours }).resolved[0];
          expect(measured).toBe(bruteForce(hours, from, to));
        },
      ),
      { numRuns: 40 },
    );
  });

  it('adds up: working time from a to c is from a to b plus from b to c', () => {
    fc.assert(
      fc.property(
        hoursOf(),
        fc.constantFrom(...BASES),
        fc.array(fc.integer({ min: 0, max: 60 * DAY }), { minLength: 3, maxLength: 3 }),
        (hours, base, offsets) => {
          const [a, b, c] = offsets.map((x) => base + x).sort((x, y) => x - y) as [number, number, number];
          const measure = businessClock(parseBusinessHours(hours), a, c);
          expect(measure(a, c)).toBe(measure(a, b) + measure(b, c));
          // The same instants measured with a table that starts centuries earlier (day by day).
          const sparse = businessClock(parseBusinessHours(hours), a - 200 * 366 * DAY, c);
          expect(sparse(a, c)).toBe(measure(a, c));
        },
      ),
      { numRuns: 60 },
    );
  });

  it('agrees between censor and exclude when no ticket is open', () => {
    fc.assert(
      fc.property(data(), tallyOptions, fc.integer({ min: 0, max: 1e9 }), ({ tickets, asOf }, o, later) => {
        const closed = tickets.filter((t) => t.resolvedAt !== null && t.resolvedAt !== undefined);
        const excluded = timeToResolution(closed, o);
        const censored = timeToResolution(closed, { ...o, open: 'censor', asOf: asOf + later });
        expect({ ...censored, estimator: 'empirical' }).toStrictEqual(excluded);
      }),
      { numRuns: 150 },
    );
  });

  it('merges: the tallies of two halves merge into the tally of the whole', () => {
    fc.assert(
      fc.property(
        data(),
        fc.nat(),
        fc.option(hoursOf(), { nil: undefined }),
        tallyOptions,
        fc.boolean(),
        ({ tickets, asOf }, cut, businessHours, o, censor) => {
          const k = tickets.length === 0 ? 0 : cut % (tickets.length + 1);
          const options: TimeToResolutionOptions = {
            ...o,
            ...(censor ? { open: 'censor', asOf } : {}),
            ...(businessHours === undefined ? {} : { businessHours }),
          };
          const merged = mergeCounts(timeToResolutionCounts(tickets.slice(0, k), options), timeToResolutionCounts(tickets.slice(k), options));
          expect(merged).toStrictEqual(timeToResolutionCounts(tickets, options));
          expect(timeToResolutionFromCounts(merged, options)).toStrictEqual(timeToResolution(tickets, options));
        },
      ),
      { numRuns: 100 },
    );
  });

  it('does not depend on the order of tickets', () => {
    fc.assert(
      fc.property(data(), fc.array(fc.nat(), { minLength: 1, maxLength: 20 }), fc.boolean(), ({ tickets, asOf }, seeds, censor) => {
        const order = [...tickets];
        for (let i = order.length - 1; i > 0; i--) {
          const j = seeds[i % seeds.length]! % (i + 1);
          [order[i], order[j]] = [order[j]!, order[i]!];
        }
        const o: TimeToResolutionOptions = censor ? { open: 'censor', asOf } : {};
        expect(timeToResolution(order, o)).toStrictEqual(timeToResolution(tickets, o));
      }),
      { numRuns: 100 },
    );
  });

  it('matches an exact rational Kaplan-Meier (BigInt oracle), censored or not', () => {
    const durations = fc.array(fc.integer({ min: 0, max: 30 }), { maxLength: 30 });
    fc.assert(
      fc.property(durations, durations, fc.option(fc.integer({ min: 0, max: 15 }), { nil: undefined }), (resolved, censored, decimals) => {
        const o = decimals === undefined ? {} : { decimals };
        const r = timeToResolutionFromCounts({ resolved, censored, open: censored.length }, { ...o, open: 'censor' });
        const want = oracle(resolved, censored);
        const round = (x: number | null) => (x === null || decimals === undefined ? x : Number(x.toFixed(decimals)));
        expect(r.median).toBe(round(want.median));
        expect(r.p90).toBe(round(want.p90));
        expect(r.p95).toBe(round(want.p95));
        if (decimals === undefined) expect(r.mean).toBe(want.mean);
        expect(isClean(r)).toBe(true);
      }),
      { numRuns: 300 },
    );
  });

  it('without censoring, gives the order statistics of definition 2 and the exact mean', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: Number.MAX_SAFE_INTEGER }), { minLength: 1, maxLength: 50 }), (resolved) => {
        const r = timeToResolutionFromCounts({ resolved, open: 0 });
        const x = resolved.map(BigInt).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
        const n = BigInt(x.length);
        const q = (num: bigint, den: bigint) => {
          // n * p = n * num / den: an integer j gives (x_j + x_j+1) / 2, else x_ceil.
          const np = n * num;
          if (np % den === 0n) {
            const j = Number(np / den);
            return nearestDouble(x[j - 1]! + x[j]!, 2n);
          }
          return Number(x[Number(np / den)]!);
        };
        expect(r.median).toBe(q(1n, 2n));
        expect(r.p90).toBe(q(9n, 10n));
        expect(r.p95).toBe(q(19n, 20n));
        expect(r.mean).toBe(
          nearestDouble(
            x.reduce((a, b) => a + b, 0n),
            n,
          ),
        );
        expect(r.min).toBe(Number(x[0]));
        expect(r.max).toBe(Number(x[x.length - 1]));
        expect(r.min! <= r.median! && r.median! <= r.p90! && r.p90! <= r.p95! && r.p95! <= r.max!).toBe(true);
        expect(r.min! <= r.mean! && r.mean! <= r.max!).toBe(true);
      }),
      { numRuns: 200 },
    );
  });

  it('keeps the output clean and the percentiles in order, under every option', () => {
    fc.assert(
      fc.property(
        data(),
        tallyOptions,
        fc.boolean(),
        fc.option(fc.integer({ min: 0, max: 15 }), { nil: undefined }),
        ({ tickets, asOf }, o, censor, decimals) => {
          const options: TimeToResolutionOptions = { ...o, ...(censor ? { open: 'censor', asOf } : {}), ...(decimals === undefined ? {} : { decimals }) };
          const r = timeToResolution(tickets, options);
          expect(isClean(r)).toBe(true);
          const ordered = [r.median, r.p90, r.p95].filter((x): x is number => x !== null);
          for (let i = 1; i < ordered.length; i++) expect(ordered[i]!).toBeGreaterThanOrEqual(ordered[i - 1]!);
          expect(r.resolved + r.open).toBe(tickets.length);
          expect(r.value).toBe(options.statistic === 'mean' ? r.mean : r.median);
        },
      ),
      { numRuns: 150 },
    );
  });

  it('throws a MetricsError at the first bad ticket and field, wherever it is', () => {
    const bad = fc.oneof(
      fc.constant({ ticket: { openedAt: '2026-03-02T09:00:00' } as unknown, field: 'openedAt' }),
      fc.constant({ ticket: { openedAt: 'not a date' } as unknown, field: 'openedAt' }),
      fc.constant({ ticket: { openedAt: Number.NaN } as unknown, field: 'openedAt' }),
      fc.constant({ ticket: { resolvedAt: 5 } as unknown, field: 'openedAt' }),
      fc.constant({ ticket: { openedAt: 10, resolvedAt: 5 } as unknown, field: 'resolvedAt' }),
      fc.constant({ ticket: { openedAt: 10, resolvedAt: '2026-13-01T00:00:00Z' } as unknown, field: 'resolvedAt' }),
      fc.constant({ ticket: { openedAt: 10, firstResolvedAt: 5 } as unknown, field: 'firstResolvedAt' }),
      fc.constant({ ticket: { openedAt: 10, firstResolvedAt: 50, resolvedAt: 20 } as unknown, field: 'firstResolvedAt' }),
      fc.constant({ ticket: null as unknown, field: undefined }),
      fc.constant({ ticket: 42 as unknown, field: undefined }),
    );
    fc.assert(
      fc.property(data(10), bad, data(10), (before, x, after) => {
        const tickets = [...before.tickets, x.ticket as TimeToResolutionTicket, ...after.tickets];
        const at = before.tickets.length;
        expectMetricsError(() => timeToResolution(tickets), METRIC, x.field === undefined ? ['tickets', at] : ['tickets', at, x.field]);
      }),
      { numRuns: 100 },
    );
  });
});

/** Business hours whose boundaries avoid the night hours when zones change their clocks. */
function businessHoursAwayFromNight(): fc.Arbitrary<BusinessHours> {
  const day = fc
    .tuple(fc.integer({ min: 20, max: 96 }), fc.integer({ min: 20, max: 96 }))
    .filter(([a, b]) => a !== b)
    .map(([a, b]) => [Math.min(a, b), Math.max(a, b)] as const)
    .chain(([a, b]) => fc.constantFrom([a, b], [0, b], [a, 96], [0, 96]))
    .map(([a, b]) => [toClock(a), toClock(b)] as const);
  return fc.record({
    timeZone: fc.constantFrom(...ZONES),
    days: fc.record(Object.fromEntries(WEEKDAYS.map((d) => [d, day])) as Record<(typeof WEEKDAYS)[number], typeof day>, { requiredKeys: ['wed'] }),
    holidays: fc.array(fc.integer({ min: 0, max: 60 }), { maxLength: 3 }).map((ds) => ds.map((d) => new Date(BASES[0]! + d * DAY).toISOString().slice(0, 10))),
  });
}

/**
 * Working milliseconds between two quarter-hour instants, read quarter hour by
 * quarter hour from the zone's wall clock through Intl.DateTimeFormat (every
 * zone here has offsets and changes on the quarter-hour grid).
 */
function bruteForce(hours: BusinessHours, from: number, to: number): number {
  const format = new Intl.DateTimeFormat('en-US', {
    timeZone: hours.timeZone,
    hourCycle: 'h23',
    weekday: 'short',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
  });
  const holidays = new Set(hours.holidays ?? []);
  let total = 0;
  for (let t = from; t < to; t += QUARTER) {
    const parts = Object.fromEntries(format.formatToParts(t).map((p) => [p.type, p.value]));
    const span = hours.days[(parts.weekday as string).toLowerCase().slice(0, 3) as (typeof WEEKDAYS)[number]];
    if (span === undefined || holidays.has(`${parts.year}-${parts.month}-${parts.day}`)) continue;
    const minute = Number(parts.hour) * 60 + Number(parts.minute);
    const [open, close] = span.map((c) => Number(c.slice(0, 2)) * 60 + Number(c.slice(3, 5))) as [number, number];
    if (minute >= open && minute < close) total += QUARTER;
  }
  return total;
}

/** Kaplan-Meier in exact rationals: S as a BigInt fraction, quantiles by R's rule, the restricted mean. */
function oracle(resolved: number[], censored: number[]): { median: number | null; p90: number | null; p95: number | null; mean: number | null } {
  if (resolved.length === 0) return { median: null, p90: null, p95: null, mean: null };
  const times = [...new Set([...resolved, ...censored])].sort((a, b) => a - b);
  let atRisk = BigInt(resolved.length + censored.length);
  let num = 1n;
  let den = 1n;
  // Survival after each event time.
  const steps: { t: number; num: bigint; den: bigint }[] = [];
  let areaNum = 0n;
  let areaDen = 1n;
  let previous = 0;
  for (const t of times) {
    // Area under S from the previous time to t.
    areaNum = areaNum * den + num * BigInt(t - previous) * areaDen;
    areaDen = areaDen * den;
    previous = t;
    const d = BigInt(resolved.filter((x) => x === t).length);
    const c = BigInt(censored.filter((x) => x === t).length);
    if (d > 0n) {
      num *= atRisk - d;
      den *= atRisk;
      steps.push({ t, num, den });
    }
    atRisk -= d + c;
  }
  const quantile = (levelNum: bigint, levelDen: bigint): number | null => {
    for (let i = 0; i < steps.length; i++) {
      const s = steps[i]!;
      const cmp = s.num * levelDen - levelNum * s.den;
      if (cmp < 0n) return s.t;
      if (cmp === 0n) {
        const next = steps[i + 1];
        return next === undefined ? null : nearestDouble(BigInt(s.t) + BigInt(next.t), 2n);
      }
    }
    return null;
  };
  return { median: quantile(1n, 2n), p90: quantile(1n, 10n), p95: quantile(1n, 20n), mean: nearestDouble(areaNum, areaDen) };
}

describe('timeToResolution: properties of the interval of the median', () => {
  const durations = fc.array(fc.integer({ min: 0, max: 1e9 }), { maxLength: 150 });
  const level = fc.constantFrom(0.5, 0.75, 0.8, 0.9, 0.95, 0.99).chain((l) => fc.oneof(fc.constant(l), fc.double({ min: 0.01, max: 0.999, noNaN: true })));

  it('holds the median, is made of two durations, covers at least the level, and is clean', () => {
    fc.assert(
      fc.property(durations, level, (d, l) => {
        const r = timeToResolutionFromCounts({ resolved: d, open: 0 }, { interval: { level: l } });
        expect(isClean(r)).toBe(true);
        if (r.interval === null || r.interval === undefined) return;
        const i = r.interval;
        expect(i.lower).toBeLessThanOrEqual(r.median!);
        expect(i.upper).toBeGreaterThanOrEqual(r.median!);
        expect(d).toContain(i.lower);
        expect(d).toContain(i.upper);
        expect(i.coverage).toBeGreaterThanOrEqual(l);
        expect(i.coverage).toBeLessThanOrEqual(1);
      }),
      { numRuns: 200 },
    );
  });

  it('is null exactly when too few durations reach the level: 2^(1 - n) > 1 - level (BigInt oracle)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 40 }), fc.constantFrom(0.5, 0.75, 0.8, 0.9, 0.95, 0.99, 0.999), (n, l) => {
        const r = timeToResolutionFromCounts({ resolved: Array.from({ length: n }, (_, k) => k), open: 0 }, { interval: { level: l } });
        // [x(1), x(n)] covers with 1 - 2^(1 - n); level l = L / 1000.
        const reachable = n > 0 && (1000n - BigInt(Math.round(l * 1000))) << BigInt(n - 1) >= 1000n;
        expect(r.interval === null).toBe(!reachable);
      }),
      { numRuns: 150 },
    );
  });

  it('takes the narrowest ranks that reach the level (exact rational oracle)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 120 }), fc.integer({ min: 1, max: 999 }), (n, thousandths) => {
        const l = thousandths / 1000;
        // Coverage of rank r: 1 - 2 S(r - 1) / 2^n, with S(j) = sum of C(n, i) for i <= j.
        const coverageAtLeast = (rank: number) => {
          let c = 1n;
          let s = 0n;
          for (let i = 0; i < rank; i++) {
            s += c;
            c = (c * BigInt(n - i)) / BigInt(i + 1);
          }
          // 1 - 2 s / 2^n >= t / 1000  <=>  (1000 - t) 2^n >= 2000 s
          return BigInt(1000 - thousandths) << BigInt(n) >= 2000n * s;
        };
        let best = 0;
        for (let rank = 1; rank <= (n + 1) / 2; rank++) if (coverageAtLeast(rank)) best = rank;
        const sorted = Array.from({ length: n }, (_, k) => 10 * k);
        const r = timeToResolutionFromCounts({ resolved: sorted, open: 0 }, { interval: { level: l } });
        if (best === 0) expect(r.interval).toBe(null);
        else expect([r.interval!.lower, r.interval!.upper]).toStrictEqual([sorted[best - 1], sorted[n - best]]);
      }),
      { numRuns: 200 },
    );
  });

  it('widens with the level: the interval at a higher level holds the one at a lower level', () => {
    fc.assert(
      fc.property(durations, level, level, (d, a, b) => {
        const [lo, hi] = a <= b ? [a, b] : [b, a];
        const narrow = timeToResolutionFromCounts({ resolved: d, open: 0 }, { interval: { level: lo } }).interval;
        const wide = timeToResolutionFromCounts({ resolved: d, open: 0 }, { interval: { level: hi } }).interval;
        if (wide === null || wide === undefined) return;
        expect(narrow).not.toBe(null);
        expect(wide.lower).toBeLessThanOrEqual(narrow!.lower);
        expect(wide.upper).toBeGreaterThanOrEqual(narrow!.upper);
        expect(wide.coverage).toBeGreaterThanOrEqual(narrow!.coverage);
      }),
      { numRuns: 200 },
    );
  });

  it('does not depend on order, and the counts path and merged tallies give the same interval', () => {
    fc.assert(
      fc.property(data(), data(), fc.constantFrom(0.8, 0.9, 0.95), ({ tickets: a }, { tickets: b }, l) => {
        const o = { interval: { level: l } };
        const whole = timeToResolution([...a, ...b], o);
        expect(timeToResolution([...b, ...a], o)).toStrictEqual(whole);
        expect(timeToResolutionFromCounts(mergeCounts(timeToResolutionCounts(a, o), timeToResolutionCounts(b, o)), o)).toStrictEqual(whole);
      }),
      { numRuns: 100 },
    );
  });

  it("is null under open: 'censor' exactly when a ticket is open", () => {
    fc.assert(
      fc.property(data(), ({ tickets, asOf }) => {
        const r = timeToResolution(tickets, { open: 'censor', asOf, interval: true });
        if (r.open > 0) expect(r.interval).toBe(null);
        else expect(r.interval).toStrictEqual(timeToResolution(tickets, { interval: true }).interval);
      }),
      { numRuns: 100 },
    );
  });
});
