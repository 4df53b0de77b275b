/**
 * Time zones as read from `Intl` (core/time/zone.ts): which names are zones,
 * the schema of a zone name, a zone's offset at an instant (offsets with
 * seconds included, as local mean time has them), and the first instant the
 * zone's wall clock shows a local time, in daylight-saving gaps and overlaps,
 * checked against `Intl`'s own local times.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DAY_MS } from '../../../src/core/time/time.js';
import { isTimeZone, zoneClock } from '../../../src/core/time/zone.js';

const MIN = 60_000;
const H = 60 * MIN;
/** A local wall-clock time `'YYYY-MM-DDTHH:MM'` as local milliseconds (the UTC instant with the same digits). */
const wall = (text: string): number => Date.parse(`${text}Z`);
const utc = (text: string): number => Date.parse(`${text}Z`);

/** The wall-clock time of instant `t` in `timeZone` as local milliseconds, from `Intl` alone. */
const formats = new Map<string, Intl.DateTimeFormat>();
function localOf(t: number, timeZone: string): number {
  let format = formats.get(timeZone);
  if (format === undefined) {
    format = new Intl.DateTimeFormat('en-US', {
      timeZone,
      era: 'short',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
      hourCycle: 'h23',
    });
    formats.set(timeZone, format);
  }
  const parts = format.formatToParts(t);
  const get = (type: string) => Number(parts.find((p) => p.type === type)!.value);
  const bc = parts.find((p) => p.type === 'era')!.value === 'BC';
  const d = new Date(0);
  d.setUTCFullYear(bc ? 1 - get('year') : get('year'), get('month') - 1, get('day'));
  d.setUTCHours(get('hour'), get('minute'), get('second'), ((t % 1000) + 1000) % 1000);
  return d.getTime();
}

describe('isTimeZone', () => {
  it('knows IANA names and UTC, and nothing else', () => {
    for (const zone of ['UTC', 'Europe/Berlin', 'America/St_Johns', 'Australia/Lord_Howe', 'Etc/GMT+5']) expect(isTimeZone(zone), zone).toBe(true);
    for (const zone of ['Mars/Olympus', '', 'Europe/', 'CEST+2', ' UTC']) expect(isTimeZone(zone), zone).toBe(false);
  });
});

describe('zoneClock: offsets', () => {
  it('reads whole, half-hour and negative offsets, summer and winter', () => {
    expect(Object.is(zoneClock('UTC').offsetAt(0), 0)).toBe(true);
    expect(zoneClock('Europe/London').offsetAt(utc('2024-01-15T12:00'))).toBe(0);
    expect(zoneClock('Europe/Berlin').offsetAt(utc('2024-01-15T12:00'))).toBe(H);
    expect(zoneClock('Europe/Berlin').offsetAt(utc('2024-07-15T12:00'))).toBe(2 * H);
    expect(zoneClock('Asia/Kolkata').offsetAt(utc('2024-07-15T12:00'))).toBe(5.5 * H);
    expect(zoneClock('America/St_Johns').offsetAt(utc('2024-01-15T12:00'))).toBe(-3.5 * H);
    expect(zoneClock('America/St_Johns').offsetAt(utc('2024-07-15T12:00'))).toBe(-2.5 * H);
    expect(zoneClock('Australia/Lord_Howe').offsetAt(utc('2024-01-15T12:00'))).toBe(11 * H);
    expect(zoneClock('Australia/Lord_Howe').offsetAt(utc('2024-07-15T12:00'))).toBe(10.5 * H);
    expect(zoneClock('Pacific/Kiritimati').offsetAt(utc('2024-07-15T12:00'))).toBe(14 * H);
    expect(zoneClock('Pacific/Pago_Pago').offsetAt(utc('2024-07-15T12:00'))).toBe(-11 * H);
  });

  it('reads offsets with seconds, as local mean time has them, on both sides of UTC', () => {
    // Liberia kept -0:44:30 until 1972; Dublin Mean Time was -0:25:21; New York's local mean time -4:56:02.
    expect(zoneClock('Africa/Monrovia').offsetAt(0)).toBe(-(44 * MIN + 30_000));
    expect(zoneClock('Europe/Dublin').offsetAt(utc('1899-01-01T00:00'))).toBe(-(25 * MIN + 21_000));
    expect(zoneClock('America/New_York').offsetAt(utc('1800-01-01T00:00'))).toBe(-(4 * H + 56 * MIN + 2_000));
    expect(zoneClock('Europe/Brussels').offsetAt(utc('1880-01-01T00:00'))).toBe(17 * MIN + 30_000);
  });

  it('reads the offset at the nearest end of the Date range for instants beyond it', () => {
    const berlin = zoneClock('Europe/Berlin');
    // 13 September 275760 falls in summer time; 20 April 271822 BC in Berlin's local mean time, +0:53:28.
    expect(berlin.offsetAt(8.64e15)).toBe(2 * H);
    expect(berlin.offsetAt(1e16)).toBe(2 * H);
    expect(berlin.offsetAt(-8.64e15)).toBe(53 * MIN + 28_000);
    expect(berlin.offsetAt(-1e16)).toBe(53 * MIN + 28_000);
    expect(zoneClock('America/New_York').offsetAt(-Infinity)).toBe(-(4 * H + 56 * MIN + 2_000));
  });
});

describe('zoneClock: firstInstant', () => {
  it('is the only instant of an unambiguous wall-clock time', () => {
    expect(zoneClock('Europe/Berlin').firstInstant(wall('2024-06-01T12:00'))).toBe(utc('2024-06-01T10:00'));
    expect(zoneClock('America/St_Johns').firstInstant(wall('2024-01-15T00:00'))).toBe(utc('2024-01-15T03:30'));
    expect(zoneClock('UTC').firstInstant(wall('2024-01-15T00:00'))).toBe(utc('2024-01-15T00:00'));
    expect(zoneClock('Africa/Monrovia').firstInstant(wall('1970-01-01T00:00'))).toBe(44 * MIN + 30_000);
  });

  it('is the instant the clock jumps when the wall-clock time falls in a spring-forward gap', () => {
    // Berlin: 02:00 -> 03:00 on 31 March 2024, at 01:00Z.
    const berlin = zoneClock('Europe/Berlin');
    expect(berlin.firstInstant(wall('2024-03-31T02:00'))).toBe(utc('2024-03-31T01:00'));
    expect(berlin.firstInstant(wall('2024-03-31T02:30'))).toBe(utc('2024-03-31T01:00'));
    expect(berlin.firstInstant(wall('2024-03-31T03:00'))).toBe(utc('2024-03-31T01:00'));
    expect(berlin.firstInstant(wall('2024-03-31T01:59'))).toBe(utc('2024-03-31T00:59'));
    // New York: 02:00 -> 03:00 on 10 March 2024, at 07:00Z.
    expect(zoneClock('America/New_York').firstInstant(wall('2024-03-10T02:30'))).toBe(utc('2024-03-10T07:00'));
    // Lord Howe moves half an hour: 02:00 -> 02:30 on 6 October 2024, at 15:30Z.
    expect(zoneClock('Australia/Lord_Howe').firstInstant(wall('2024-10-06T02:15'))).toBe(utc('2024-10-05T15:30'));
    // Havana and Santiago skip midnight itself.
    expect(zoneClock('America/Havana').firstInstant(wall('2024-03-10T00:00'))).toBe(utc('2024-03-10T05:00'));
    expect(zoneClock('America/Santiago').firstInstant(wall('2024-09-08T00:00'))).toBe(utc('2024-09-08T04:00'));
    // Samoa skipped 30 December 2011 whole: its first instant at or after noon is the next midnight.
    expect(zoneClock('Pacific/Apia').firstInstant(wall('2011-12-30T12:00'))).toBe(utc('2011-12-30T10:00'));
  });

  it('is the first occurrence when the wall-clock time falls in a fall-back overlap', () => {
    // Berlin: 03:00 -> 02:00 on 27 October 2024; 02:30 comes at 00:30Z and again at 01:30Z.
    const berlin = zoneClock('Europe/Berlin');
    expect(berlin.firstInstant(wall('2024-10-27T02:30'))).toBe(utc('2024-10-27T00:30'));
    expect(berlin.firstInstant(wall('2024-10-27T02:00'))).toBe(utc('2024-10-27T00:00'));
    expect(berlin.firstInstant(wall('2024-10-27T03:00'))).toBe(utc('2024-10-27T02:00'));
    // New York: 01:30 comes at 05:30Z and 06:30Z on 3 November 2024.
    expect(zoneClock('America/New_York').firstInstant(wall('2024-11-03T01:30'))).toBe(utc('2024-11-03T05:30'));
    // Lord Howe: 01:45 comes at 14:45Z and 15:15Z on 7 April 2024 (local), a half-hour overlap.
    expect(zoneClock('Australia/Lord_Howe').firstInstant(wall('2024-04-07T01:45'))).toBe(utc('2024-04-06T14:45'));
    // Havana: midnight-to-one comes twice on 3 November 2024.
    expect(zoneClock('America/Havana').firstInstant(wall('2024-11-03T00:30'))).toBe(utc('2024-11-03T04:30'));
  });

  it('is the first instant whose local time, as Intl shows it, is the wall-clock time or later', () => {
    const zones = ['Europe/Berlin', 'America/New_York', 'Australia/Lord_Howe', 'America/Havana', 'America/Santiago', 'Pacific/Chatham', 'Asia/Tehran'];
    // Wall-clock times of 1995-2035 on a five-minute grid, weighted towards the small hours, where clocks change.
    const wallTime = fc
      .tuple(fc.integer({ min: 9131, max: 23_741 }), fc.oneof(fc.integer({ min: 0, max: 287 }), fc.integer({ min: 0, max: 48 })))
      .map(([day, step]) => day * DAY_MS + step * 5 * MIN);
    fc.assert(
      fc.property(fc.constantFrom(...zones), wallTime, (zone, w) => {
        const t = zoneClock(zone).firstInstant(w);
        expect(localOf(t, zone)).toBeGreaterThanOrEqual(w);
        expect(localOf(t - 1, zone)).toBeLessThan(w);
      }),
      { numRuns: 200 },
    );
  });
});

describe('zoneClock: UTC', () => {
  it('reads as Intl reads Etc/UTC: no offset, and each wall-clock time its own instant, without Intl', () => {
    const utcClock = zoneClock('UTC');
    const intlClock = zoneClock('Etc/UTC');
    fc.assert(
      fc.property(fc.integer({ min: -8.64e15, max: 8.64e15 }), (t) => {
        expect(utcClock.offsetAt(t)).toBe(intlClock.offsetAt(t));
        expect(utcClock.offsetAt(t)).toBe(0);
        expect(utcClock.firstInstant(t)).toBe(t);
      }),
    );
    expect(isTimeZone('UTC')).toBe(true);
  });
});
