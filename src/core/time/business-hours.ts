/**
 * Working time between two instants: only the time inside working hours on
 * working days, read on the wall clock of an IANA time zone, across changes
 * of the zone's offset (daylight saving time).
 *
 * The zone's offsets come from `Intl.DateTimeFormat` (`timeZoneName:
 * 'longOffset'`), the only source of time-zone rules used; local wall-clock
 * times are computed with our own calendar arithmetic, never with the
 * machine's zone. Each local day's boundaries are computed once per call and
 * kept: a dense table over the days the data spans (prefix sums make each
 * ticket O(1)), or, for data spread over more than about a century, a map of
 * the days actually visited (each ticket O(days it spans)).
 */
import * as z from 'zod/mini';
import { lazy } from '../contract/lazy.js';
import { plainObject } from '../contract/schemas.js';
import { customIssue, expected } from '../contract/validate.js';
import { DAY_MS, parseCalendarDate, weekdayOf } from './time.js';
import { isTimeZone, type ZoneClock, zoneClock } from './zone.js';

/** A day of the week, as a key of {@link BusinessHours.days}. */
export type Weekday = 'mon' | 'tue' | 'wed' | 'thu' | 'fri' | 'sat' | 'sun';

/**
 * Working hours: a time zone, the hours of each working day, and holidays.
 * On a weekday listed in `days` that is not a holiday, time counts from the
 * first instant the zone's clock shows the opening time (or later) to the
 * first instant it shows the closing time (or later), all of it once, even
 * when the clock goes back in between.
 */
export interface BusinessHours {
  /** An IANA time zone name (`'Europe/Amsterdam'`, `'America/New_York'`, `'UTC'`). */
  readonly timeZone: string;
  /**
   * Opening and closing wall-clock times `['HH:MM', 'HH:MM']` of each working
   * weekday; days left out are closed. Closing may be `'24:00'`; it must be
   * after opening (split a night shift over two days).
   */
  readonly days: {
    /** Monday's hours `['HH:MM', 'HH:MM']`; closed when left out. */
    readonly mon?: readonly [string, string];
    /** Tuesday's hours `['HH:MM', 'HH:MM']`; closed when left out. */
    readonly tue?: readonly [string, string];
    /** Wednesday's hours `['HH:MM', 'HH:MM']`; closed when left out. */
    readonly wed?: readonly [string, string];
    /** Thursday's hours `['HH:MM', 'HH:MM']`; closed when left out. */
    readonly thu?: readonly [string, string];
    /** Friday's hours `['HH:MM', 'HH:MM']`; closed when left out. */
    readonly fri?: readonly [string, string];
    /** Saturday's hours `['HH:MM', 'HH:MM']`; closed when left out. */
    readonly sat?: readonly [string, string];
    /** Sunday's hours `['HH:MM', 'HH:MM']`; closed when left out. */
    readonly sun?: readonly [string, string];
  };
  /** Local dates `'YYYY-MM-DD'` that are closed all day. */
  readonly holidays?: readonly string[];
}

/** The days of the week by day number (0 is Sunday), as `weekdayOf` counts them. */
const WEEKDAYS: readonly Weekday[] = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'];

/** Working hours parsed: minutes of the day per weekday (0 is Sunday), -1 when closed. */
export interface ParsedBusinessHours {
  readonly timeZone: string;
  readonly opens: readonly number[];
  readonly closes: readonly number[];
  readonly holidays: ReadonlySet<number>;
}

const CLOCK = /^(?:(?:[01]\d|2[0-3]):[0-5]\d|24:00)$/;

function minutesOf(clock: string): number {
  return Number(clock.slice(0, 2)) * 60 + Number(clock.slice(3, 5));
}

const clockSchema = /* @__PURE__ */ lazy(() =>
  z.string(expected('a wall-clock time "HH:MM"')).check(z.regex(CLOCK, expected('a wall-clock time "HH:MM" (00:00 to 24:00)'))),
);

const hoursSchema = /* @__PURE__ */ lazy(() =>
  z.tuple([clockSchema(), clockSchema()], expected('opening and closing times ["HH:MM", "HH:MM"]')).check(
    z.superRefine(([opens, closes], ctx) => {
      if (CLOCK.test(opens) && CLOCK.test(closes) && minutesOf(closes) <= minutesOf(opens)) {
        ctx.addIssue(customIssue('inconsistent', [1], `expected a closing time after the opening time ${opens}, received ${JSON.stringify(closes)}`, closes));
      }
    }),
  ),
);

const daysShape = /* @__PURE__ */ lazy(
  () => Object.fromEntries(WEEKDAYS.map((d) => [d, z.optional(hoursSchema())])) as Record<Weekday, z.ZodMiniOptional<ReturnType<typeof hoursSchema>>>,
);

export const businessHoursSchema = /* @__PURE__ */ lazy(() =>
  plainObject(
    {
      timeZone: z.string(expected('an IANA time zone name')).check(
        z.superRefine((zone, ctx) => {
          if (!isTimeZone(zone)) ctx.addIssue(customIssue('invalid-value', [], `expected an IANA time zone name, received ${JSON.stringify(zone)}`, zone));
        }),
      ),
      days: plainObject(daysShape(), expected('an object from weekday (mon to sun) to ["HH:MM", "HH:MM"]')),
      holidays: z.optional(
        z.array(
          z.string(expected('a date "YYYY-MM-DD"')).check(z.refine((d) => !Number.isNaN(parseCalendarDate(d)), expected('a valid date "YYYY-MM-DD"'))),
          expected('an array of dates "YYYY-MM-DD"'),
        ),
      ),
    },
    expected('business hours { timeZone, days, holidays? }'),
  ).check(
    z.superRefine((hours, ctx) => {
      if (!WEEKDAYS.some((d) => hours.days[d] !== undefined)) {
        ctx.addIssue(customIssue('invalid-value', ['days'], 'expected at least one working day, received none', hours.days));
      }
    }),
  ),
);

/** {@link BusinessHours} as given, or as {@link businessHoursSchema} returns them. */
type BusinessHoursFields = {
  readonly timeZone: string;
  readonly days: { readonly [D in Weekday]?: readonly [string, string] | undefined };
  readonly holidays?: readonly string[] | undefined;
};

/** Business hours as validated by {@link businessHoursSchema}, in the form the clock uses. */
export function parseBusinessHours(hours: BusinessHoursFields): ParsedBusinessHours {
  const opens: number[] = [];
  const closes: number[] = [];
  for (const day of WEEKDAYS) {
    const h = hours.days[day];
    opens.push(h === undefined ? -1 : minutesOf(h[0]));
    closes.push(h === undefined ? -1 : minutesOf(h[1]));
  }
  return { timeZone: hours.timeZone, opens, closes, holidays: new Set((hours.holidays ?? []).map(parseCalendarDate)) };
}

/** Working milliseconds between two instants. */
export type BusinessClock = (from: number, to: number) => number;

/** Above this many local days the clock keeps only the days it visits. */
const DENSE_DAYS = 40_000;

/**
 * A clock that measures working time under `hours` between instants in
 * `[first, last]` (epoch milliseconds). Wall-clock boundaries are read as the
 * first instant at which the zone's clock shows that time or later: a
 * boundary that falls in a spring-forward gap is the instant the clock jumps;
 * one that falls in a fall-back overlap is its first occurrence.
 */
export function businessClock(hours: ParsedBusinessHours, first: number, last: number): BusinessClock {
  const zone = zoneClock(hours.timeZone);
  const windowOf = (day: number, midnight: number, nextMidnight: number): [number, number] => {
    const w = weekdayOf(day);
    const opens = hours.opens[w]!;
    if (opens < 0 || hours.holidays.has(day)) return [midnight, midnight];
    const closes = hours.closes[w]!;
    const start = opens === 0 ? midnight : zone.firstInstant(day * DAY_MS + opens * 60_000);
    const end = closes === 1440 ? nextMidnight : zone.firstInstant(day * DAY_MS + closes * 60_000);
    return [start, Math.max(start, end)];
  };
  // Local days are at most a day away from UTC days; two days of margin.
  const lo = Math.floor(first / DAY_MS) - 2;
  const hi = Math.floor(last / DAY_MS) + 2;
  const n = hi - lo + 1;
  if (n <= DENSE_DAYS) return denseClock(lo, n, zone, windowOf);
  return sparseClock(zone, windowOf);
}

type WindowOf = (day: number, midnight: number, nextMidnight: number) => [number, number];

function denseClock(lo: number, n: number, zone: ZoneClock, windowOf: WindowOf): BusinessClock {
  const midnights = new Float64Array(n + 1);
  for (let i = 0; i <= n; i++) midnights[i] = zone.firstInstant((lo + i) * DAY_MS);
  const starts = new Float64Array(n);
  const ends = new Float64Array(n);
  // cumulative[i]: working milliseconds on the days before day lo + i.
  const cumulative = new Float64Array(n + 1);
  for (let i = 0; i < n; i++) {
    const [start, end] = windowOf(lo + i, midnights[i]!, midnights[i + 1]!);
    starts[i] = start;
    ends[i] = end;
    cumulative[i + 1] = cumulative[i]! + (end - start);
  }
  // Working milliseconds from the start of day lo to instant t.
  const elapsed = (t: number): number => {
    let i = Math.floor(t / DAY_MS) - lo;
    while (i > 0 && t < midnights[i]!) i--;
    while (i < n - 1 && t >= midnights[i + 1]!) i++;
    const into = t - starts[i]!;
    const length = ends[i]! - starts[i]!;
    return cumulative[i]! + (into <= 0 ? 0 : into >= length ? length : into);
  };
  return (from, to) => elapsed(to) - elapsed(from);
}

function sparseClock(zone: ZoneClock, windowOf: WindowOf): BusinessClock {
  const midnights = new Map<number, number>();
  const windows = new Map<number, [number, number]>();
  const midnight = (day: number): number => {
    let m = midnights.get(day);
    if (m === undefined) {
      m = zone.firstInstant(day * DAY_MS);
      midnights.set(day, m);
    }
    return m;
  };
  const window = (day: number): [number, number] => {
    let w = windows.get(day);
    if (w === undefined) {
      w = windowOf(day, midnight(day), midnight(day + 1));
      windows.set(day, w);
    }
    return w;
  };
  const localDay = (t: number): number => {
    let day = Math.floor(t / DAY_MS);
    while (t < midnight(day)) day--;
    while (t >= midnight(day + 1)) day++;
    return day;
  };
  return (from, to) => {
    let total = 0;
    const last = localDay(to);
    for (let day = localDay(from); day <= last; day++) {
      const [start, end] = window(day);
      const a = start > from ? start : from;
      const b = end < to ? end : to;
      if (b > a) total += b - a;
    }
    return total;
  };
}
