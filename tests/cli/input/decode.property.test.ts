/**
 * Properties of field decoding: the fast path for times agrees exactly with
 * the library's `timeToMs` on every string it accepts and hands every other
 * string to it unchanged; numbers agree with `Number` on the decimal grammar.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type Bytes, decodeNumber, decodeTime, strictUtf8 } from '../../../src/cli/input/decode.js';
import { daysInMonth, timeToMs } from '../../../src/core/time/time.js';

const utf8 = strictUtf8();
const pad = (n: number, width = 2) => String(n).padStart(width, '0');
/** Decodes `text` as a time from inside a larger buffer. */
function time(text: string): unknown {
  const buf = Buffer.from(`x,${text},x`, 'utf8') as Bytes;
  return decodeTime(buf, 2, buf.length - 2, utf8);
}

/** A valid strict ISO-8601 time: any date of years 0000-9999 (leap days included), fractions of 1-3 digits, Z or an offset. */
const validTime = fc
  .record({
    year: fc.oneof(fc.integer({ min: 0, max: 9999 }), fc.constantFrom(1900, 2000, 2024, 2100, 2400)),
    month: fc.integer({ min: 1, max: 12 }),
    day: fc.integer({ min: 1, max: 31 }),
    hour: fc.integer({ min: 0, max: 23 }),
    minute: fc.integer({ min: 0, max: 59 }),
    second: fc.integer({ min: 0, max: 59 }),
    fraction: fc.option(fc.stringMatching(/^\d{1,3}$/), { nil: undefined }),
    zone: fc.oneof(
      fc.constant('Z'),
      fc.tuple(fc.constantFrom('+', '-'), fc.integer({ min: 0, max: 23 }), fc.integer({ min: 0, max: 59 })).map(([s, h, m]) => `${s}${pad(h)}:${pad(m)}`),
    ),
  })
  .map(({ year, month, day, hour, minute, second, fraction, zone }) => {
    const d = Math.min(day, daysInMonth(year, month));
    return `${pad(year, 4)}-${pad(month)}-${pad(d)}T${pad(hour)}:${pad(minute)}:${pad(second)}${fraction === undefined ? '' : `.${fraction}`}${zone}`;
  });

/** A string of the strict shape with any two digits in every place: months 13-99, day 31 of April, hour 24, offsets +24:00 ... */
const shapedTime = fc
  .tuple(
    fc.stringMatching(/^\d{4}$/),
    fc.array(fc.integer({ min: 0, max: 99 }), { minLength: 5, maxLength: 5 }),
    fc.option(fc.stringMatching(/^\d{1,3}$/), { nil: undefined }),
    fc.oneof(
      fc.constant('Z'),
      fc.tuple(fc.constantFrom('+', '-'), fc.integer({ min: 0, max: 99 }), fc.integer({ min: 0, max: 99 })).map(([s, h, m]) => `${s}${pad(h)}:${pad(m)}`),
    ),
  )
  .map(([y, [mo, d, h, mi, s], f, z]) => `${y}-${pad(mo!)}-${pad(d!)}T${pad(h!)}:${pad(mi!)}:${pad(s!)}${f === undefined ? '' : `.${f}`}${z}`);

describe('the time fast path', () => {
  it('agrees with timeToMs on every valid strict time', () => {
    fc.assert(
      fc.property(validTime, (text) => {
        const ms = timeToMs(text);
        expect(ms).not.toBeNaN();
        expect(time(text)).toBe(ms);
      }),
      { numRuns: 2000 },
    );
  });

  it('returns the same number as timeToMs, or the text when timeToMs refuses it', () => {
    fc.assert(
      fc.property(shapedTime, (text) => {
        const ms = timeToMs(text);
        expect(time(text)).toBe(Number.isNaN(ms) ? text : ms);
      }),
      { numRuns: 3000 },
    );
  });

  it('on any string: epoch digits as Number, otherwise a number only where timeToMs gives the same', () => {
    const chars = fc.constantFrom(...'0123456789-:TZ.+ tz,'.split(''));
    const text = fc.oneof(
      fc.string({ unit: chars, maxLength: 30 }),
      shapedTime.chain((s) => fc.nat(s.length).map((cut) => s.slice(0, cut) + s.slice(cut + 1))),
    );
    fc.assert(
      fc.property(text, (raw) => {
        const value = time(raw);
        if (raw === '') expect(value).toBe(null);
        else if (/^-?\d+$/.test(raw)) expect(value).toBe(Number(raw) + 0);
        else if (typeof value === 'number') expect(value).toBe(timeToMs(raw));
        else expect(value).toBe(raw);
      }),
      { numRuns: 3000 },
    );
  });
});

describe('number fields', () => {
  const DECIMAL = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;
  it('a decimal number is Number(text) (never -0 or infinite), anything else its text', () => {
    const chars = fc.constantFrom(...'0123456789+-.eE x'.split(''));
    const decimal = fc
      .tuple(
        fc.constantFrom('', '+', '-'),
        fc.stringMatching(/^(\d{1,20}\.?\d{0,20}|\.\d{1,20})$/),
        fc.option(fc.stringMatching(/^[eE][+-]?\d{1,4}$/), { nil: '' }),
      )
      .map((parts) => parts.join(''));
    fc.assert(
      fc.property(fc.oneof(decimal, fc.string({ unit: chars, maxLength: 12 })), (raw) => {
        const buf = Buffer.from(`1,${raw},1`) as Bytes;
        const value = decodeNumber(buf, 2, buf.length - 2, utf8);
        const n = Number(raw);
        if (raw === '') expect(value).toBe(null);
        else if (DECIMAL.test(raw) && Number.isFinite(n)) expect(value).toBe(n + 0);
        else expect(value).toBe(raw);
      }),
      { numRuns: 3000 },
    );
  });
});
