/**
 * An IANA time zone's offsets from UTC, read from `Intl.DateTimeFormat`
 * (`timeZoneName: 'longOffset'`), the only source of time-zone rules the
 * library uses; local wall-clock times are computed with our own calendar
 * arithmetic, never with the machine's zone.
 */
import { DAY_MS, MAX_TIME_MS } from './time.js';

/** Whether `Intl` knows `zone` as a time zone (`'UTC'` without asking it). */
export function isTimeZone(zone: string): boolean {
  if (zone === 'UTC') return true;
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

/** A zone's clock: its offset at an instant, and the instant its wall clock reaches a local time. */
export interface ZoneClock {
  /** The offset from UTC in force at instant `t` (epoch milliseconds), in milliseconds: local time is `t + offsetAt(t)`. */
  offsetAt(t: number): number;
  /** The first instant at which the zone's wall clock shows `wall` (local milliseconds) or later. */
  firstInstant(wall: number): number;
}

/** Clocks by zone, kept across calls: building an `Intl.DateTimeFormat` costs more than a call's other work. */
const clocks = new Map<string, ZoneClock>();

/** The clock of UTC, whose offset is always 0: no `Intl` to build. */
const UTC_CLOCK: ZoneClock = { offsetAt: () => 0, firstInstant: (wall) => wall };

/** Samples kept per zone before the oldest are dropped: memory stays bounded in a long-running process. */
const MAX_SAMPLES = 100_000;

/** The clock of a zone, read from `Intl`, with the offsets sampled at UTC midnights kept; UTC's needs no `Intl`. */
export function zoneClock(timeZone: string): ZoneClock {
  if (timeZone === 'UTC') return UTC_CLOCK;
  let clock = clocks.get(timeZone);
  if (clock === undefined) {
    clock = buildClock(timeZone);
    clocks.set(timeZone, clock);
  }
  return clock;
}

function buildClock(timeZone: string): ZoneClock {
  const format = new Intl.DateTimeFormat('en-US', { timeZone, timeZoneName: 'longOffset', year: 'numeric' });
  const offsetAt = (t: number): number => {
    const text = format.format(Math.min(MAX_TIME_MS, Math.max(-MAX_TIME_MS, t)));
    const m = /GMT(?:([+-])(\d{1,2})(?::?(\d{2}))?(?::?(\d{2}))?)?/.exec(text);
    if (m === null || m[1] === undefined) return 0;
    const seconds = Number(m[2]) * 3600 + Number(m[3] ?? 0) * 60 + Number(m[4] ?? 0);
    return (m[1] === '-' ? -seconds : seconds) * 1000;
  };
  const samples = new Map<number, number>();
  const sample = (day: number): number => {
    let o = samples.get(day);
    if (o === undefined) {
      o = offsetAt(day * DAY_MS);
      if (samples.size >= MAX_SAMPLES) samples.clear();
      samples.set(day, o);
    }
    return o;
  };
  return {
    offsetAt,
    firstInstant(wall) {
      // Any instant showing `wall` lies within a day of it; sample the offsets
      // a day or more before and after, and check the candidate instants.
      const day = Math.floor(wall / DAY_MS);
      const before = sample(day - 1);
      let after = sample(day + 2);
      if (before === after) {
        const t = wall - before;
        const o = offsetAt(t);
        if (o === before) return t;
        after = o;
      }
      const tBefore = wall - before;
      const tAfter = wall - after;
      const okBefore = offsetAt(tBefore) === before;
      const okAfter = offsetAt(tAfter) === after;
      if (okBefore && okAfter) return Math.min(tBefore, tAfter);
      if (okBefore) return tBefore;
      if (okAfter) return tAfter;
      // The clock jumps over `wall`: find the instant of the jump.
      let low = Math.min(tBefore, tAfter);
      let high = Math.max(tBefore, tAfter);
      while (high - low > 1) {
        const mid = Math.floor((low + high) / 2);
        if (mid + offsetAt(mid) >= wall) high = mid;
        else low = mid;
      }
      return high;
    },
  };
}
