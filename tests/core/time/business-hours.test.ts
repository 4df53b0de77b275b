/**
 * Working time (core/time/business-hours.ts): the schema of business hours
 * and the message for each malformed field, hours as parsed, and the working
 * milliseconds between two instants across days, holidays, opening at 00:00
 * and closing at 24:00, daylight-saving days, before 1970, and over data
 * spread across centuries, where the clock keeps only the days it visits.
 */
import { describe, expect, it } from 'vitest';
import type { MetricsError } from '../../../src/core/contract/errors.js';
import { type BusinessHours, businessClock, parseBusinessHours } from '../../../src/core/time/business-hours.js';
import { DAY_MS } from '../../../src/core/time/time.js';
import { timeToResolution, timeToResolutionCounts } from '../../../src/index.js';

const MIN = 60_000;
const H = 60 * MIN;
const at = (iso: string): number => Date.parse(iso);
const WEEKDAYS = { mon: ['09:00', '17:00'], tue: ['09:00', '17:00'], wed: ['09:00', '17:00'], thu: ['09:00', '17:00'], fri: ['09:00', '17:00'] } as const;
const ALL_DAY = ['00:00', '24:00'] as const;
const EVERY_DAY = { sun: ALL_DAY, mon: ALL_DAY, tue: ALL_DAY, wed: ALL_DAY, thu: ALL_DAY, fri: ALL_DAY, sat: ALL_DAY };

/** The issues of the error `timeToResolution` throws for `businessHours`, or `null` when it accepts them. */
function issuesOf(businessHours: unknown): unknown {
  try {
    timeToResolution([], { businessHours: businessHours as BusinessHours });
    return null;
  } catch (e) {
    return (e as MetricsError).issues;
  }
}
const path = (...rest: (string | number)[]) => ['options', 'businessHours', ...rest];

/** A clock measuring working time under `hours` between instants from `first` to `last`. */
const clockOf = (hours: BusinessHours, first: number, last: number) => businessClock(parseBusinessHours(hours), first, last);

describe('the business hours schema', () => {
  it('accepts every weekday and valid holidays, and words each malformed field at its path', () => {
    // Seven working days, each open a different number of hours, and a holiday.
    const week: BusinessHours = {
      timeZone: 'UTC',
      days: {
        sun: ['10:00', '17:00'],
        mon: ['10:00', '11:00'],
        tue: ['10:00', '12:00'],
        wed: ['10:00', '13:00'],
        thu: ['10:00', '14:00'],
        fri: ['10:00', '15:00'],
        sat: ['10:00', '16:00'],
      },
      holidays: ['2026-03-04'],
    };
    // Sunday 1 March to Sunday 8 March 2026: 7 + 1 + 2 + (Wednesday 4 March a holiday) + 4 + 5 + 6 hours.
    expect(
      timeToResolutionCounts([{ openedAt: at('2026-03-01T00:00:00Z'), resolvedAt: at('2026-03-08T00:00:00Z') }], { businessHours: week }).resolved,
    ).toStrictEqual([25 * H]);
    expect(issuesOf({ ...week, holidays: [] })).toBe(null);

    expect(issuesOf('9-5')).toStrictEqual([
      { code: 'invalid-type', path: path(), message: 'expected business hours { timeZone, days, holidays? }, received "9-5"' },
    ]);
    expect(issuesOf({ timeZone: 1, days: WEEKDAYS })).toStrictEqual([
      { code: 'invalid-type', path: path('timeZone'), message: 'expected an IANA time zone name, received 1' },
    ]);
    expect(issuesOf({ timeZone: 'Mars/Olympus', days: WEEKDAYS })).toStrictEqual([
      { code: 'invalid-value', path: path('timeZone'), message: 'expected an IANA time zone name, received "Mars/Olympus"' },
    ]);
    expect(issuesOf({ timeZone: 'UTC', days: [] })).toStrictEqual([
      { code: 'invalid-type', path: path('days'), message: 'expected an object from weekday (mon to sun) to ["HH:MM", "HH:MM"], received an array' },
    ]);
    expect(issuesOf({ timeZone: 'UTC', days: {} })).toStrictEqual([
      { code: 'invalid-value', path: path('days'), message: 'expected at least one working day, received none' },
    ]);
    expect(issuesOf({ timeZone: 'UTC', days: { mon: '09:00-17:00' } })).toStrictEqual([
      { code: 'invalid-type', path: path('days', 'mon'), message: 'expected opening and closing times ["HH:MM", "HH:MM"], received "09:00-17:00"' },
    ]);
    expect(issuesOf({ timeZone: 'UTC', days: { tue: [9, '17:00'] } })).toStrictEqual([
      { code: 'invalid-type', path: path('days', 'tue', 0), message: 'expected a wall-clock time "HH:MM", received 9' },
    ]);
    expect(issuesOf({ timeZone: 'UTC', days: { wed: ['9:00', '17:00'] } })).toStrictEqual([
      { code: 'invalid-value', path: path('days', 'wed', 0), message: 'expected a wall-clock time "HH:MM" (00:00 to 24:00), received "9:00"' },
    ]);
    expect(issuesOf({ timeZone: 'UTC', days: { thu: ['18:00', '09:00'] } })).toStrictEqual([
      { code: 'inconsistent', path: path('days', 'thu', 1), message: 'expected a closing time after the opening time 18:00, received "09:00"' },
    ]);
    expect(issuesOf({ timeZone: 'UTC', days: { fri: ['09:00', '18:00'] }, holidays: '2026-12-25' })).toStrictEqual([
      { code: 'invalid-type', path: path('holidays'), message: 'expected an array of dates "YYYY-MM-DD", received "2026-12-25"' },
    ]);
    expect(issuesOf({ timeZone: 'UTC', days: { fri: ['09:00', '18:00'] }, holidays: ['2026-12-24', 20_261_225] })).toStrictEqual([
      { code: 'invalid-type', path: path('holidays', 1), message: 'expected a date "YYYY-MM-DD", received 20261225' },
    ]);
    expect(issuesOf({ timeZone: 'UTC', days: { fri: ['09:00', '18:00'] }, holidays: ['2026-02-30'] })).toStrictEqual([
      { code: 'invalid-value', path: path('holidays', 0), message: 'expected a valid date "YYYY-MM-DD", received "2026-02-30"' },
    ]);
  });

  it('takes wall-clock times from 00:00 to 23:59, and 24:00, and nothing else', () => {
    for (const [opens, closes] of [
      ['00:00', '24:00'],
      ['00:00', '00:01'],
      ['09:30', '19:59'],
      ['10:00', '20:00'],
      ['13:45', '23:59'],
      ['23:59', '24:00'],
    ]) {
      expect(issuesOf({ timeZone: 'UTC', days: { mon: [opens, closes] } }), `${opens}-${closes}`).toBe(null);
    }
    for (const bad of ['24:01', '25:00', '29:00', '09:60', '09:6', '9:00', '0900', '09-00', '109:00', '09:000', 'x09:00', '09:00x', ' 09:00', '', 'noon']) {
      expect(issuesOf({ timeZone: 'UTC', days: { mon: [bad, '24:00'] } }), bad).toStrictEqual([
        {
          code: 'invalid-value',
          path: path('days', 'mon', 0),
          message: `expected a wall-clock time "HH:MM" (00:00 to 24:00), received ${JSON.stringify(bad)}`,
        },
      ]);
    }
  });

  it('compares opening and closing only when both are valid times', () => {
    expect(issuesOf({ timeZone: 'UTC', days: { mon: ['25:00', '09:00'] } })).toStrictEqual([
      { code: 'invalid-value', path: path('days', 'mon', 0), message: 'expected a wall-clock time "HH:MM" (00:00 to 24:00), received "25:00"' },
    ]);
    expect(issuesOf({ timeZone: 'UTC', days: { mon: ['18:00', '9:00'] } })).toStrictEqual([
      { code: 'invalid-value', path: path('days', 'mon', 1), message: 'expected a wall-clock time "HH:MM" (00:00 to 24:00), received "9:00"' },
    ]);
    expect(issuesOf({ timeZone: 'UTC', days: { mon: ['09:00', '09:00'] } })).toStrictEqual([
      { code: 'inconsistent', path: path('days', 'mon', 1), message: 'expected a closing time after the opening time 09:00, received "09:00"' },
    ]);
  });
});

describe('parseBusinessHours', () => {
  it('gives minutes of the day per weekday from Sunday, -1 for closed days, and holidays as day numbers', () => {
    const parsed = parseBusinessHours({
      timeZone: 'Europe/Berlin',
      days: { mon: ['09:00', '17:30'], sat: ['00:00', '24:00'] },
      holidays: ['2026-12-25', '1969-12-31'],
    });
    expect(parsed.timeZone).toBe('Europe/Berlin');
    expect(parsed.opens).toStrictEqual([-1, 540, -1, -1, -1, -1, 0]);
    expect(parsed.closes).toStrictEqual([-1, 1050, -1, -1, -1, -1, 1440]);
    expect([...parsed.holidays]).toStrictEqual([at('2026-12-25T00:00:00Z') / DAY_MS, -1]);
    expect([...parseBusinessHours({ timeZone: 'UTC', days: WEEKDAYS }).holidays]).toStrictEqual([]);
  });
});

describe('businessClock', () => {
  it('counts each weekday by its own hours, skips closed days and holidays, and clips at both ends', () => {
    const hours: BusinessHours = {
      timeZone: 'America/New_York',
      days: {
        mon: ['09:00', '10:00'],
        tue: ['09:00', '11:00'],
        wed: ['09:00', '12:00'],
        thu: ['09:00', '13:00'],
        fri: ['09:00', '14:00'],
        sat: ['09:00', '15:00'],
      },
      holidays: ['2026-03-05'],
    };
    const first = at('2026-03-01T00:00:00-05:00');
    const clock = clockOf(hours, first, at('2026-03-15T00:00:00-04:00'));
    // Sunday closed, Monday 1 h, Tuesday 2, Wednesday 3, Thursday 5 March a holiday, Friday 5, Saturday 6.
    expect(clock(first, at('2026-03-08T00:00:00-05:00'))).toBe(17 * H);
    expect(clock(at('2026-03-02T09:30:00-05:00'), at('2026-03-04T10:15:00-05:00'))).toBe(30 * MIN + 2 * H + 75 * MIN);
    expect(clock(at('2026-03-03T12:00:00-05:00'), at('2026-03-03T13:00:00-05:00'))).toBe(0);
    expect(clock(at('2026-03-03T10:00:00-05:00'), at('2026-03-03T10:00:00-05:00'))).toBe(0);
    // The second week runs on daylight time from Sunday 8 March, with no holiday.
    expect(clock(at('2026-03-08T00:00:00-05:00'), at('2026-03-15T00:00:00-04:00'))).toBe(21 * H);
  });

  it('counts whole days when opening at 00:00 and closing at 24:00, 23 or 25 hours on daylight-saving days', () => {
    const sundays: BusinessHours = { timeZone: 'Europe/Berlin', days: { sun: ALL_DAY } };
    const clock = clockOf(sundays, at('2024-03-25T00:00:00Z'), at('2024-11-05T00:00:00Z'));
    expect(clock(at('2024-03-25T00:00:00Z'), at('2024-04-05T00:00:00Z'))).toBe(23 * H);
    expect(clock(at('2024-10-21T00:00:00Z'), at('2024-11-01T00:00:00Z'))).toBe(25 * H);
    expect(clock(at('2024-06-01T00:00:00Z'), at('2024-06-15T00:00:00Z'))).toBe(48 * H);
    expect(clock(at('2024-03-31T01:59:00+01:00'), at('2024-03-31T03:01:00+02:00'))).toBe(2 * MIN);
  });

  it('opens at the jump when the opening time falls in a gap, and closes at the first occurrence in an overlap', () => {
    const gap = clockOf({ timeZone: 'Europe/Berlin', days: { sun: ['02:30', '12:00'] } }, at('2024-03-25T00:00:00Z'), at('2024-04-05T00:00:00Z'));
    // 02:30 does not exist on 31 March 2024: the day opens at 03:00 (+02:00), 01:00Z.
    expect(gap(at('2024-03-30T00:00:00Z'), at('2024-04-01T00:00:00Z'))).toBe(9 * H);
    const overlap = clockOf({ timeZone: 'Europe/Berlin', days: { sun: ['01:00', '02:30'] } }, at('2024-10-21T00:00:00Z'), at('2024-11-01T00:00:00Z'));
    // 02:30 comes twice on 27 October 2024: the day closes at its first occurrence, 00:30Z; it opened at 23:00Z.
    expect(overlap(at('2024-10-26T00:00:00Z'), at('2024-10-28T00:00:00Z'))).toBe(90 * MIN);
    const across = clockOf({ timeZone: 'Europe/Berlin', days: { sun: ['01:00', '03:00'] } }, at('2024-10-21T00:00:00Z'), at('2024-11-01T00:00:00Z'));
    // 01:00 (+02:00) to 03:00 (+01:00): three hours, the repeated one counted once.
    expect(across(at('2024-10-26T00:00:00Z'), at('2024-10-28T00:00:00Z'))).toBe(3 * H);
  });

  it('measures time before 1970', () => {
    const clock = clockOf({ timeZone: 'UTC', days: WEEKDAYS }, at('1969-12-26T16:00:00Z'), at('1969-12-29T10:00:00Z'));
    // Friday 26 December 1969, 16:00, to Monday 29 December, 10:00.
    expect(clock(at('1969-12-26T16:00:00Z'), at('1969-12-29T10:00:00Z'))).toBe(2 * H);
    const across = clockOf({ timeZone: 'America/New_York', days: EVERY_DAY }, at('1969-12-31T12:00:00-05:00'), at('1970-01-01T12:00:00-05:00'));
    expect(across(at('1969-12-31T12:00:00-05:00'), at('1970-01-01T12:00:00-05:00'))).toBe(24 * H);
  });

  describe('over data spread across centuries (the days visited only)', () => {
    const far = at('1800-01-01T00:00:00Z');

    it('finds the local day of an evening west of UTC, already the next day in UTC', () => {
      const hours: BusinessHours = { timeZone: 'America/New_York', days: { mon: ['09:00', '24:00'], tue: ['09:00', '24:00'] } };
      // Monday 2 March 2026, 21:00 in New York is 02:00Z on Tuesday; to Tuesday 10:00: 3 h + 1 h.
      const from = at('2026-03-02T21:00:00-05:00');
      const to = at('2026-03-03T10:00:00-05:00');
      expect(clockOf(hours, far, to)(from, to)).toBe(4 * H);
      expect(clockOf(hours, from, to)(from, to)).toBe(4 * H);
    });

    it('finds the local day of an early morning east of UTC, still the day before in UTC', () => {
      const hours: BusinessHours = { timeZone: 'Asia/Tokyo', days: EVERY_DAY };
      // Monday 2 March 2026, 22:00 in Tokyo, to Tuesday 05:00 (20:00Z on Monday).
      const from = at('2026-03-02T22:00:00+09:00');
      const to = at('2026-03-03T05:00:00+09:00');
      expect(clockOf(hours, far, to)(from, to)).toBe(7 * H);
      expect(clockOf(hours, from, to)(from, to)).toBe(7 * H);
    });

    it('measures the same as over a narrow span, across daylight-saving days, holidays and 24:00 closings', () => {
      const hours: BusinessHours = {
        timeZone: 'America/Sao_Paulo',
        days: { mon: ['08:00', '24:00'], wed: ['00:00', '12:30'], fri: ['13:00', '24:00'], sun: ALL_DAY },
        holidays: ['2018-11-14'],
      };
      // Brazil's last daylight-saving period began at midnight on 4 November 2018 and ended on 17 February 2019.
      const from = at('2018-10-28T00:00:00-03:00');
      const to = at('2019-02-25T00:00:00-03:00');
      const narrow = clockOf(hours, from, to);
      const wide = clockOf(hours, far, to);
      for (let a = from; a < to; a += 29 * H + 17 * MIN) {
        for (const b of [a + 5 * H, a + 40 * H, a + 200 * H, to]) {
          if (b <= to) expect(wide(a, b)).toBe(narrow(a, b));
        }
      }
      expect(wide(from, at('2018-11-05T00:00:00-02:00'))).toBe(narrow(from, at('2018-11-05T00:00:00-02:00')));
      // The week of 4 November: Sunday 23 h (midnight skipped), Monday 16 h, Wednesday 12.5 h, Friday 11 h.
      expect(wide(at('2018-11-04T01:00:00-02:00'), at('2018-11-10T00:00:00-02:00'))).toBe(23 * H + 16 * H + 12.5 * H + 11 * H);
    });

    it('measures tickets at both ends of the Date range without a table of the days between', () => {
      const utc = clockOf({ timeZone: 'UTC', days: EVERY_DAY }, -8.64e15, 8.64e15);
      expect(utc(-8.64e15, -8.64e15 + 3 * DAY_MS)).toBe(72 * H);
      expect(utc(8.64e15 - 2 * DAY_MS, 8.64e15)).toBe(48 * H);
      // 20 April 271822 BC was a Tuesday: two Mondays in the next 14 days.
      const berlin = clockOf({ timeZone: 'Europe/Berlin', days: { mon: ['09:00', '17:00'] } }, -8.64e15, 8.64e15);
      expect(berlin(-8.64e15, -8.64e15 + 14 * DAY_MS)).toBe(16 * H);
      expect(berlin(8.64e15 - 14 * DAY_MS, 8.64e15)).toBe(16 * H);
    });
  });
});
