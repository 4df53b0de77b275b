/**
 * Points in time as the library reads them (core/time/time.ts): ISO-8601
 * strings field by field, at every bound of every field, the edges of the
 * `Date` range, the reason given for each kind of bad time, and the calendar
 * arithmetic underneath, checked against `Date`'s own UTC calendar.
 */
import { describe, expect, it } from 'vitest';
import { check } from '../../../src/core/contract/validate.js';
import {
  civilFromDays,
  DAY_MS,
  daysFromCivil,
  describeBadTime,
  MAX_TIME_MS,
  parseCalendarDate,
  timeSchema,
  timeToMs,
  weekdayOf,
} from '../../../src/core/time/time.js';

const EXPECTATION = 'a time (a Date, an ISO-8601 string with an offset or Z, or integer epoch milliseconds)';

/** The day number of a UTC date, from `Date` alone (any year, unlike `Date.UTC`, which maps 0-99 to 1900-1999). */
function utcDay(year: number, month: number, day: number): number {
  const d = new Date(0);
  d.setUTCFullYear(year, month - 1, day);
  return d.getTime() / DAY_MS;
}

describe('timeToMs: ISO-8601 strings', () => {
  it('reads each field, with T, t or a space between date and time, and Z, z or an offset', () => {
    const eight = Date.parse('2026-03-02T08:00:00Z');
    const forms = [
      '2026-03-02T08:00Z',
      '2026-03-02T08:00:00Z',
      '2026-03-02t08:00:00z',
      '2026-03-02 08:00:00Z',
      '2026-03-02T08:00:00.000Z',
      '2026-03-02T09:00+01:00',
      '2026-03-02T09:00:00+01:00',
      '2026-03-02T09:00:00+0100',
      '2026-03-02T09:00:00+01',
      '2026-03-02T03:00:00-05',
      '2026-03-02T13:30:00+05:30',
      '2026-03-02T13:30:00+0530',
      '2026-03-02T04:30:00-0330',
      '2026-03-03T07:00:00+23:00',
      '2026-03-01T09:00:00-23:00',
      '2026-03-02T14:59:00+06:59',
    ];
    for (const text of forms) expect(timeToMs(text), text).toBe(eight);
  });

  it('reads fractions of a second after a point or a comma, keeping milliseconds and dropping the digits beyond', () => {
    const second = Date.parse('2026-03-02T08:00:00Z');
    const cases: [string, number][] = [
      ['2026-03-02T08:00:00.5Z', 500],
      ['2026-03-02T08:00:00,5Z', 500],
      ['2026-03-02T08:00:00.05Z', 50],
      ['2026-03-02T08:00:00.007Z', 7],
      ['2026-03-02T08:00:00.123Z', 123],
      ['2026-03-02T08:00:00,1239Z', 123],
      ['2026-03-02T08:00:00.999999999Z', 999],
      ['2026-03-02T08:00:00.0001Z', 0],
      ['2026-03-02T09:00:00.25+01:00', 250],
    ];
    for (const [text, ms] of cases) expect(timeToMs(text), text).toBe(second + ms);
  });

  it('reads the last minute and second of an hour, and every last day of a month', () => {
    expect(timeToMs('2026-03-02T23:59:59Z')).toBe(Date.parse('2026-03-02T23:59:59Z'));
    expect(timeToMs('2026-03-02T00:00:00Z')).toBe(Date.parse('2026-03-02T00:00:00Z'));
    const lastDays = ['01-31', '02-28', '03-31', '04-30', '05-31', '06-30', '07-31', '08-31', '09-30', '10-31', '11-30', '12-31'];
    for (const md of lastDays) {
      const text = `2026-${md}T12:00:00Z`;
      expect(timeToMs(text), text).toBe(Date.parse(text));
    }
    expect(timeToMs('2026-01-01T00:00:00Z')).toBe(Date.parse('2026-01-01T00:00:00Z'));
    expect(timeToMs('2026-12-01T00:00:00Z')).toBe(Date.parse('2026-12-01T00:00:00Z'));
  });

  it('reads 29 February in leap years only: every fourth year, but not centuries unless divisible by 400', () => {
    for (const year of ['2024', '2000', '1600', '0000', '-000004', '-000400', '+012000']) {
      const text = `${year}-02-29T00:00:00Z`;
      expect(timeToMs(text), text).toBe(Date.parse(text));
    }
    for (const year of ['2023', '2026', '1900', '2100', '1700', '-000001', '-000100']) {
      expect(timeToMs(`${year}-02-29T00:00:00Z`), year).toBeNaN();
      expect(timeToMs(`${year}-02-28T00:00:00Z`), year).toBe(Date.parse(`${year}-02-28T00:00:00Z`));
    }
  });

  it('reads years with a sign and six digits, before year 0 and after 9999', () => {
    for (const text of [
      '+010000-01-01T00:00:00Z',
      '-000001-12-31T23:59:59Z',
      '+002026-03-02T08:00:00Z',
      '-271000-01-01T00:00:00Z',
      '+000000-01-01T00:00:00Z',
    ]) {
      expect(timeToMs(text), text).toBe(Date.parse(text));
    }
    expect(timeToMs('+002026-03-02T08:00:00Z')).toBe(timeToMs('2026-03-02T08:00:00Z'));
    expect(timeToMs('0000-01-01T00:00:00Z')).toBe(utcDay(0, 1, 1) * DAY_MS);
  });

  it('refuses the year -000000, which ISO 8601 does not allow', () => {
    expect(timeToMs('-000000-01-01T00:00:00Z')).toBeNaN();
    expect(timeToMs('+000000-01-01T00:00:00Z')).toBe(utcDay(0, 1, 1) * DAY_MS);
  });

  it('refuses impossible dates: month 0 or 13, day 0, a 31st in a 30-day month', () => {
    for (const date of ['2024-00-10', '2024-13-01', '2024-01-00', '2024-04-31', '2024-06-31', '2024-09-31', '2024-11-31', '2024-02-30']) {
      expect(timeToMs(`${date}T12:00:00Z`), date).toBeNaN();
    }
  });

  it('refuses impossible times and offsets: hour 24, minute or second 60, offset hours 24 or minutes 60', () => {
    for (const text of [
      '2024-01-01T24:00:00Z',
      '2024-01-01T09:60:00Z',
      '2024-01-01T09:00:60Z',
      '2024-01-01T09:00:00+24:00',
      '2024-01-01T09:00:00-24:00',
      '2024-01-01T09:00:00+05:60',
      '2024-01-01T09:00:00+0560',
    ]) {
      expect(timeToMs(text), text).toBeNaN();
    }
  });

  it('refuses anything around or inside the pattern: leading or trailing text, short fields, a missing separator, an empty fraction', () => {
    for (const text of [
      'x2026-03-02T08:00:00Z',
      ' 2026-03-02T08:00:00Z',
      '2026-03-02T08:00:00Zx',
      '2026-03-02T08:00:00Z ',
      '2026-03-02T08:00:00+01:00x',
      '2026-03-02T08:00:00Z2026-03-02T08:00:00Z',
      '26-03-02T08:00:00Z',
      '02026-03-02T08:00:00Z',
      '+10000-01-01T00:00:00Z',
      '010000-01-01T00:00:00Z',
      'x010000-01-01T00:00:00Z',
      '2026-3-02T08:00:00Z',
      '2026-03-2T08:00:00Z',
      '2026-03-02T8:00:00Z',
      '2026-03-02T08:0:00Z',
      '2026-03-02T08:00:0Z',
      '2026-03-02T08Z',
      '2026-03-0208:00:00Z',
      '2026-03-02_08:00:00Z',
      '2026-03-02T08:00:00.Z',
      '2026-03-02T08:00:00x5Z',
      '2026-03-02T08:00:00:5Z',
      '2026-03-02T08:00.5Z',
      '2026-03-02T08:00:00+1',
      '2026-03-02T08:00:00+01:0',
      '2026-03-02T08:00:00+010',
      '2026-03-02T08:00:00 01:00',
      '2026-03-02T08:00:00x',
      '2026-03-02T08:00:00',
      '2026-03-02',
      '',
    ]) {
      expect(timeToMs(text), JSON.stringify(text)).toBeNaN();
    }
  });

  it('keeps the range of a Date, 10^8 days either side of the epoch, and no further', () => {
    expect(MAX_TIME_MS).toBe(8.64e15);
    expect(timeToMs('+275760-09-13T00:00:00Z')).toBe(8.64e15);
    expect(timeToMs('+275760-09-13T01:00:00+01:00')).toBe(8.64e15);
    expect(timeToMs('+275760-09-13T00:00:00.001Z')).toBeNaN();
    expect(timeToMs('+275760-09-13T00:00:00-00:01')).toBeNaN();
    expect(timeToMs('-271821-04-20T00:00:00Z')).toBe(-8.64e15);
    expect(timeToMs('-271821-04-19T23:00:00-01:00')).toBe(-8.64e15);
    expect(timeToMs('-271821-04-19T23:59:59.999Z')).toBeNaN();
    expect(timeToMs('-271821-04-20T00:00:00+00:01')).toBeNaN();
    expect(timeToMs('+999999-12-31T23:59:59Z')).toBeNaN();
    expect(timeToMs('-999999-01-01T00:00:00Z')).toBeNaN();
  });
});

describe('timeToMs: numbers, Dates and other values', () => {
  it('takes integer epoch milliseconds within the Date range, and never returns -0', () => {
    for (const t of [0, 1, -1, 1_772_438_400_000, 8.64e15, -8.64e15, 2 ** 52]) expect(timeToMs(t)).toBe(t);
    expect(Object.is(timeToMs(-0), 0)).toBe(true);
    for (const t of [8.64e15 + 1, -8.64e15 - 1, 2 ** 53, 1.5, -0.5, Number.NaN, Infinity, -Infinity]) expect(timeToMs(t), String(t)).toBeNaN();
  });

  it('takes a real Date and its time, and refuses an invalid Date or an object that only looks like one', () => {
    expect(timeToMs(new Date(Date.UTC(2026, 2, 2, 8)))).toBe(Date.UTC(2026, 2, 2, 8));
    expect(timeToMs(new Date(8.64e15))).toBe(8.64e15);
    expect(Object.is(timeToMs(new Date(-0)), 0)).toBe(true);
    expect(timeToMs(new Date(Number.NaN))).toBeNaN();
    expect(timeToMs(Object.create(Date.prototype))).toBeNaN();
  });

  it('refuses every other type', () => {
    for (const value of [null, undefined, true, false, 10n, {}, [], [0], () => 0, Symbol('t')]) expect(timeToMs(value), String(value)).toBeNaN();
  });
});

describe('describeBadTime', () => {
  it('says a value is missing for null and undefined', () => {
    expect(describeBadTime(null)).toStrictEqual({ code: 'missing-value', message: `expected ${EXPECTATION}, received null` });
    expect(describeBadTime(undefined)).toStrictEqual({ code: 'missing-value', message: `expected ${EXPECTATION}, received undefined` });
  });

  it('tells NaN from a number out of range or not an integer', () => {
    expect(describeBadTime(Number.NaN)).toStrictEqual({ code: 'invalid-value', message: `expected ${EXPECTATION}, received NaN` });
    const range = 'expected integer epoch milliseconds within the range of a Date, received';
    expect(describeBadTime(1.5)).toStrictEqual({ code: 'out-of-range', message: `${range} 1.5` });
    expect(describeBadTime(Infinity)).toStrictEqual({ code: 'out-of-range', message: `${range} Infinity` });
    expect(describeBadTime(-8640000000000001)).toStrictEqual({ code: 'out-of-range', message: `${range} -8640000000000001` });
  });

  it('asks for an offset when an ISO-8601 date or date-time has none', () => {
    const missing = (text: string) => ({
      code: 'invalid-value',
      message: `expected an ISO-8601 time with an offset or Z (a time without one is ambiguous), received ${JSON.stringify(text)}`,
    });
    for (const text of [
      '2026-03-02T09:00:00',
      '2026-03-02t09:00:00',
      '2026-03-02 09:00:00',
      '2026-03-02T09:00',
      '2026-03-02',
      '2026-03-02T09:00:00.5',
      '2026-03-02T09:00:00,123',
      '+010000-01-01T09:00',
      '-000001-12-31',
      '2026-02-30T09:00:00',
    ]) {
      expect(describeBadTime(text), text).toStrictEqual(missing(text));
    }
  });

  it('says a well-formed ISO-8601 time with an offset names an impossible date or time', () => {
    for (const text of [
      '2026-02-30T09:00:00Z',
      '2026-03-02T24:00:00+01:00',
      '2026-03-02T09:00:00+24:00',
      '-000000-01-01T00:00:00Z',
      '+275760-09-14T00:00:00Z',
    ]) {
      expect(describeBadTime(text), text).toStrictEqual({ code: 'invalid-value', message: `expected a valid date and time, received ${JSON.stringify(text)}` });
    }
  });

  it('shows the expected form for any other string, cut at 40 characters', () => {
    const other = (received: string) => ({
      code: 'invalid-value',
      message: `expected an ISO-8601 time with an offset, such as "2026-03-02T09:00:00+01:00", received ${received}`,
    });
    for (const text of [
      'yesterday',
      '',
      'x2026-03-02T09:00:00Z',
      'x2026-03-02T09:00',
      '2026-03-02T09:00:00Zx',
      '2026-03-02T09:00x',
      '010000-01-01T09:00',
      '+10000-01-01T09:00',
      '2026-03-02T09:00:00.',
      '2026-03-02T09:00:00x5',
      '2026-03-02T09',
    ]) {
      expect(describeBadTime(text), text).toStrictEqual(other(JSON.stringify(text)));
    }
    expect(describeBadTime('the ticket was opened on a Monday morning, early')).toStrictEqual(other('"the ticket was opened on a Monday mornin…"'));
  });

  it('names an invalid Date and any value of another type', () => {
    expect(describeBadTime(new Date(Number.NaN))).toStrictEqual({ code: 'invalid-value', message: 'expected a valid Date, received an invalid Date' });
    expect(describeBadTime(Object.create(Date.prototype))).toStrictEqual({ code: 'invalid-type', message: `expected ${EXPECTATION}, received an object` });
    expect(describeBadTime(true)).toStrictEqual({ code: 'invalid-type', message: `expected ${EXPECTATION}, received true` });
    expect(describeBadTime(10n)).toStrictEqual({ code: 'invalid-type', message: `expected ${EXPECTATION}, received 10n` });
    expect(describeBadTime([0])).toStrictEqual({ code: 'invalid-type', message: `expected ${EXPECTATION}, received an array` });
  });

  it('words the issue of the time schema the same way, at the option', () => {
    const result = check(timeSchema(), '2026-03-02T09:00:00', ['options', 'asOf']);
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.issues).toStrictEqual([
        {
          code: 'invalid-value',
          path: ['options', 'asOf'],
          message: 'expected an ISO-8601 time with an offset or Z (a time without one is ambiguous), received "2026-03-02T09:00:00"',
        },
      ]);
    }
    const valid = new Date(0);
    expect(check(timeSchema(), valid, ['options', 'asOf'])).toStrictEqual({ ok: true, data: valid });
  });
});

describe('calendar arithmetic', () => {
  it('numbers known dates from 1970-01-01, before year 0 and at the ends of the Date range', () => {
    const known: [number, number, number, number][] = [
      [1970, 1, 1, 0],
      [1969, 12, 31, -1],
      [2000, 2, 29, 11_016],
      [2000, 3, 1, 11_017],
      [2026, 3, 2, 20_514],
      [0, 1, 1, -719_528],
      [-1, 12, 31, -719_529],
      [275_760, 9, 13, 100_000_000],
      [-271_821, 4, 20, -100_000_000],
    ];
    for (const [year, month, day, days] of known) {
      expect(daysFromCivil(year, month, day), `${year}-${month}-${day}`).toBe(days);
      expect(civilFromDays(days), String(days)).toStrictEqual({ year, month, day });
      expect(utcDay(year, month, day)).toBe(days);
    }
  });

  it('reads the last day of every 400-year era, 29 February of a year divisible by 400', () => {
    for (const year of [-400, 0, 400, 1600, 2000, 2400]) {
      const days = utcDay(year, 2, 29);
      expect(civilFromDays(days), String(year)).toStrictEqual({ year, month: 2, day: 29 });
      expect(civilFromDays(days + 1), String(year)).toStrictEqual({ year, month: 3, day: 1 });
      expect(civilFromDays(days - 1), String(year)).toStrictEqual({ year, month: 2, day: 28 });
      expect(daysFromCivil(year, 2, 29)).toBe(days);
    }
  });

  it('agrees with Date on day numbers spread over the whole Date range', () => {
    const ours: unknown[] = [];
    const dates: unknown[] = [];
    for (let days = -100_000_000; days <= 100_000_000; days += 99_991) {
      const d = new Date(days * DAY_MS);
      const civil = { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() };
      ours.push([days, civilFromDays(days), daysFromCivil(civil.year, civil.month, civil.day), weekdayOf(days)]);
      dates.push([days, civil, days, d.getUTCDay()]);
    }
    expect(ours).toStrictEqual(dates);
  });

  it('numbers the days of the week from Sunday, before the epoch too', () => {
    // 1970-01-01 was a Thursday.
    const cases: [number, number][] = [
      [0, 4],
      [3, 0],
      [6, 3],
      [-1, 3],
      [-4, 0],
      [-7, 4],
      [-8, 3],
      [-100_000_000, 2],
    ];
    for (const [days, weekday] of cases) expect(weekdayOf(days), String(days)).toBe(weekday);
  });
});

describe('parseCalendarDate', () => {
  it('reads valid dates "YYYY-MM-DD" as day numbers', () => {
    for (const [text, y, m, d] of [
      ['2024-02-29', 2024, 2, 29],
      ['2000-02-29', 2000, 2, 29],
      ['0000-02-29', 0, 2, 29],
      ['2024-01-01', 2024, 1, 1],
      ['2024-01-31', 2024, 1, 31],
      ['2024-04-30', 2024, 4, 30],
      ['2024-12-01', 2024, 12, 1],
      ['2024-12-31', 2024, 12, 31],
      ['9999-12-31', 9999, 12, 31],
    ] as const) {
      expect(parseCalendarDate(text), text).toBe(utcDay(y, m, d));
    }
  });

  it('is NaN for impossible dates and anything but exactly "YYYY-MM-DD"', () => {
    for (const text of [
      '2023-02-29',
      '1900-02-29',
      '2100-02-29',
      '2024-02-30',
      '2024-04-31',
      '2024-06-31',
      '2024-09-31',
      '2024-11-31',
      '2024-00-10',
      '2024-13-01',
      '2024-01-00',
      '2024-01-32',
      'x2026-12-25',
      '2026-12-25x',
      '12026-12-25',
      '2026-12-250',
      '2026-12-5',
      '+002026-12-25',
      '2026-12-25T00:00:00Z',
      'nope',
      '',
    ]) {
      expect(parseCalendarDate(text), text).toBeNaN();
    }
  });
});
