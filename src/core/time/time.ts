/**
 * Points in time as the library reads them: `Date`s, ISO-8601 strings that
 * carry their offset (or `Z`), and epoch milliseconds, all turned into UTC
 * milliseconds since 1970-01-01T00:00:00Z.
 *
 * Only UTC arithmetic is used here (`Date.prototype.getTime` and our own
 * calendar arithmetic): never the machine's local time zone, never
 * `Date.parse`, which reads a string without an offset as local time.
 */
import * as z from 'zod/mini';
import { isDate } from '../contract/brands.js';
import { describe, type MetricsIssueCode } from '../contract/errors.js';
import { lazy } from '../contract/lazy.js';
import { customIssue } from '../contract/validate.js';

/**
 * A point in time: a `Date`, an ISO-8601 string with an offset or `Z`
 * (`'2026-03-02T09:00:00+01:00'`, `'2026-03-02T08:00:00Z'`), or integer
 * milliseconds since the Unix epoch. A string without an offset is an error,
 * never read in the machine's time zone.
 */
export type TicketTime = Date | string | number;

/** Milliseconds in a day of 24 hours. */
export const DAY_MS = 86_400_000;

/** The range of a JavaScript `Date`: 10^8 days either side of the epoch. */
export const MAX_TIME_MS = 8.64e15;

/** What a time must be, for messages. */
const TIME_EXPECTATION = 'a time (a Date, an ISO-8601 string with an offset or Z, or integer epoch milliseconds)';

const ISO = /^([+-]\d{6}|\d{4})-(\d{2})-(\d{2})[Tt ](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d+))?)?(?:[Zz]|([+-])(\d{2})(?::?(\d{2}))?)$/;
const ISO_WITHOUT_ZONE = /^([+-]\d{6}|\d{4})-\d{2}-\d{2}(?:[Tt ]\d{2}:\d{2}(?::\d{2}(?:[.,]\d+)?)?)?$/;

/**
 * Days from 1970-01-01 to a date of the proleptic Gregorian calendar
 * (H. Hinnant's `days_from_civil`); `month` is 1-12.
 */
export function daysFromCivil(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

/** The date of a day number (days from 1970-01-01), proleptic Gregorian: the inverse of {@link daysFromCivil}. */
export function civilFromDays(days: number): { year: number; month: number; day: number } {
  const z = days + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  return { year: yoe + era * 400 + (month <= 2 ? 1 : 0), month, day };
}

/** Days in `month` (1-12) of `year`, proleptic Gregorian. */
export function daysInMonth(year: number, month: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

/** The day of the week of a day number (days from 1970-01-01): 0 is Sunday, 6 Saturday. */
export function weekdayOf(day: number): number {
  return (((day + 4) % 7) + 7) % 7;
}

/** A calendar date `'YYYY-MM-DD'` as its day number, or `NaN` when it is not a valid date. */
export function parseCalendarDate(text: string): number {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (m === null) return Number.NaN;
  const year = Number(m[1]);
  const month = Number(m[2]);
  const day = Number(m[3]);
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return Number.NaN;
  return daysFromCivil(year, month, day);
}

/**
 * An ISO-8601 date-time with an offset as epoch milliseconds, or `NaN` when
 * the string is not one or names an impossible date or time. Digits beyond
 * the millisecond are dropped, as `Date` does.
 */
function parseIsoTime(text: string): number {
  const m = ISO.exec(text);
  if (m === null || m[1] === '-000000') return Number.NaN;
  const year = Number(m[1]);
  const month = Number(m[2]);
  const day = Number(m[3]);
  const hour = Number(m[4]);
  const minute = Number(m[5]);
  const second = m[6] === undefined ? 0 : Number(m[6]);
  const millis = m[7] === undefined ? 0 : Number(`${m[7]}00`.slice(0, 3));
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return Number.NaN;
  if (hour > 23 || minute > 59 || second > 59) return Number.NaN;
  let offset = 0;
  if (m[8] !== undefined) {
    const oh = Number(m[9]);
    const om = m[10] === undefined ? 0 : Number(m[10]);
    if (oh > 23 || om > 59) return Number.NaN;
    offset = (m[8] === '-' ? -1 : 1) * (oh * 60 + om) * 60_000;
  }
  const ms = daysFromCivil(year, month, day) * DAY_MS + ((hour * 60 + minute) * 60 + second) * 1000 + millis - offset;
  return ms >= -MAX_TIME_MS && ms <= MAX_TIME_MS ? ms + 0 : Number.NaN;
}

/**
 * A time as epoch milliseconds, or `NaN` when it is not a valid time (the
 * caller describes it with {@link describeBadTime}). Never returns `-0`.
 */
export function timeToMs(value: unknown): number {
  if (typeof value === 'number') return Number.isInteger(value) && value >= -MAX_TIME_MS && value <= MAX_TIME_MS ? value + 0 : Number.NaN;
  if (typeof value === 'string') return parseIsoTime(value);
  if (isDate(value)) return Date.prototype.getTime.call(value) + 0;
  return Number.NaN;
}

/** Why `value` is not a time: the issue code and message. */
export function describeBadTime(value: unknown): { code: MetricsIssueCode; message: string } {
  const received = describe(value);
  if (value === null || value === undefined) return { code: 'missing-value', message: `expected ${TIME_EXPECTATION}, received ${received}` };
  if (typeof value === 'number') {
    if (Number.isNaN(value)) return { code: 'invalid-value', message: `expected ${TIME_EXPECTATION}, received NaN` };
    return { code: 'out-of-range', message: `expected integer epoch milliseconds within the range of a Date, received ${received}` };
  }
  if (typeof value === 'string') {
    if (ISO_WITHOUT_ZONE.test(value)) {
      return { code: 'invalid-value', message: `expected an ISO-8601 time with an offset or Z (a time without one is ambiguous), received ${received}` };
    }
    if (ISO.test(value)) return { code: 'invalid-value', message: `expected a valid date and time, received ${received}` };
    return { code: 'invalid-value', message: `expected an ISO-8601 time with an offset, such as "2026-03-02T09:00:00+01:00", received ${received}` };
  }
  if (isDate(value)) return { code: 'invalid-value', message: `expected a valid Date, received ${received}` };
  return { code: 'invalid-type', message: `expected ${TIME_EXPECTATION}, received ${received}` };
}

/** The zod schema for an option that is a time, built on first use; its output is the input, checked. */
export const timeSchema = /* @__PURE__ */ lazy(() =>
  z.custom<TicketTime>().check(
    z.superRefine((value, ctx) => {
      if (Number.isNaN(timeToMs(value))) {
        const { code, message } = describeBadTime(value);
        ctx.addIssue(customIssue(code, [], message, value));
      }
    }),
  ),
);
