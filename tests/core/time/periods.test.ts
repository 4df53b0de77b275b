/**
 * Calendar periods (core/time/periods.ts): labels of every unit at the edges
 * of ISO 8601's year forms, reading labels back, weeks from each weekday,
 * instants written with their offsets, period starts on days whose midnight
 * a daylight-saving change skips, and the table of starts: instants placed
 * in any order agree with an independent computation, instants inside the
 * table are placed without consulting `Intl`, and far-off instants are placed
 * one by one instead of tabling every period between.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type CalendarSettings, calendar, type PeriodUnit, WEEKDAY_NUMBERS } from '../../../src/core/time/periods.js';
import { DAY_MS } from '../../../src/core/time/time.js';

const H = 3_600_000;
const settings = (unit: PeriodUnit, timeZone: string, extra: Partial<CalendarSettings> = {}): CalendarSettings => ({
  unit,
  timeZone,
  weekStart: 'mon',
  yearStart: 1,
  ...extra,
});

/** The day number of a UTC date, from `Date` alone (any year, unlike `Date.UTC`, which maps 0-99 to 1900-1999). */
function utcDay(year: number, month: number, day: number): number {
  const d = new Date(0);
  d.setUTCFullYear(year, month - 1, day);
  return d.getTime() / DAY_MS;
}

/** The local date of `t` in `timeZone` as a day number, from `Intl` alone. */
const dateFormats = new Map<string, Intl.DateTimeFormat>();
function localDay(t: number, timeZone: string): number {
  let format = dateFormats.get(timeZone);
  if (format === undefined) {
    format = new Intl.DateTimeFormat('en-US', { timeZone, era: 'short', year: 'numeric', month: 'numeric', day: 'numeric' });
    dateFormats.set(timeZone, format);
  }
  const parts = format.formatToParts(t);
  const get = (type: string) => Number(parts.find((p) => p.type === type)!.value);
  const bc = parts.find((p) => p.type === 'era')!.value === 'BC';
  return utcDay(bc ? 1 - get('year') : get('year'), get('month'), get('day'));
}

/** Runs `fn` and counts the times anything formats with `Intl.DateTimeFormat` meanwhile: the zone lookups of a calendar. */
function intlCalls(fn: () => void): number {
  const prototype = Intl.DateTimeFormat.prototype;
  const original = Object.getOwnPropertyDescriptor(prototype, 'format')!;
  const getter = original.get!;
  let calls = 0;
  Object.defineProperty(prototype, 'format', {
    ...original,
    get(this: Intl.DateTimeFormat) {
      calls++;
      return getter.call(this);
    },
  });
  try {
    fn();
  } finally {
    Object.defineProperty(prototype, 'format', original);
  }
  return calls;
}

/** A fixed shuffle of 0..n-1 (a linear congruential walk), so a test places instants in the same scattered order every run. */
function scattered(n: number): number[] {
  const order = Array.from({ length: n }, (_, i) => i);
  let seed = 12_345;
  for (let i = n - 1; i > 0; i--) {
    seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31;
    const j = seed % (i + 1);
    [order[i], order[j]] = [order[j]!, order[i]!];
  }
  return order;
}

describe('labels', () => {
  it('writes years 0000-9999 with four digits, and others with a sign and six', () => {
    const y = calendar(settings('year', 'UTC'));
    const cases: [number, string][] = [
      [-271_821, '-271821'],
      [-1, '-000001'],
      [0, '0000'],
      [1, '0001'],
      [2024, '2024'],
      [9999, '9999'],
      [10_000, '+010000'],
      [275_760, '+275760'],
    ];
    for (const [ordinal, label] of cases) {
      expect(y.label(ordinal)).toBe(label);
      expect(y.ordinalOfLabel(label)).toBe(ordinal);
    }
  });

  it('labels days, months and quarters on both sides of year 0 and of 9999', () => {
    const day = calendar(settings('day', 'UTC'));
    const days: [number, string][] = [
      [utcDay(-1, 12, 31), '-000001-12-31'],
      [utcDay(0, 1, 1), '0000-01-01'],
      [utcDay(0, 2, 29), '0000-02-29'],
      [utcDay(1970, 1, 1), '1970-01-01'],
      [utcDay(9999, 12, 31), '9999-12-31'],
      [utcDay(10_000, 1, 1), '+010000-01-01'],
    ];
    for (const [ordinal, label] of days) {
      expect(day.label(ordinal)).toBe(label);
      expect(day.ordinalOfLabel(label)).toBe(ordinal);
    }
    const month = calendar(settings('month', 'UTC'));
    const months: [number, string][] = [
      [-1, '-000001-12'],
      [0, '0000-01'],
      [2024 * 12 + 2, '2024-03'],
      [9999 * 12 + 11, '9999-12'],
      [10_000 * 12, '+010000-01'],
    ];
    for (const [ordinal, label] of months) {
      expect(month.label(ordinal)).toBe(label);
      expect(month.ordinalOfLabel(label)).toBe(ordinal);
    }
    const quarter = calendar(settings('quarter', 'UTC'));
    const quarters: [number, string][] = [
      [-1, '-000001-Q4'],
      [0, '0000-Q1'],
      [2024 * 4 + 1, '2024-Q2'],
      [9999 * 4 + 3, '9999-Q4'],
      [10_000 * 4, '+010000-Q1'],
    ];
    for (const [ordinal, label] of quarters) {
      expect(quarter.label(ordinal)).toBe(label);
      expect(quarter.ordinalOfLabel(label)).toBe(ordinal);
    }
  });

  it('names fiscal years by the calendar year they end in, with the same year forms', () => {
    const fy = calendar(settings('year', 'UTC', { yearStart: 10 }));
    const cases: [number, string, string][] = [
      [-2, 'FY-000001', '-000002-10-01T00:00:00+00:00'],
      [-1, 'FY0000', '-000001-10-01T00:00:00+00:00'],
      [0, 'FY0001', '0000-10-01T00:00:00+00:00'],
      [9998, 'FY9999', '9998-10-01T00:00:00+00:00'],
      [9999, 'FY+010000', '9999-10-01T00:00:00+00:00'],
    ];
    for (const [ordinal, label, start] of cases) {
      expect(fy.label(ordinal)).toBe(label);
      expect(fy.ordinalOfLabel(label)).toBe(ordinal);
      expect(fy.format(fy.start(ordinal))).toBe(start);
    }
    const fq = calendar(settings('quarter', 'UTC', { yearStart: 10 }));
    expect([-5, -4, -1, 0, 1, 4].map((o) => fq.label(o))).toStrictEqual(['FY-000001-Q4', 'FY0000-Q1', 'FY0000-Q4', 'FY0001-Q1', 'FY0001-Q2', 'FY0002-Q1']);
    expect(fq.format(fq.start(-4))).toBe('-000001-10-01T00:00:00+00:00');
    expect(fq.ordinalOfLabel('FY0000-Q1')).toBe(-4);
  });

  it('labels ISO weeks by the year of their Thursday, in years before 1 and after 9999 too', () => {
    const w = calendar(settings('week', 'UTC'));
    const cases: [string, string][] = [
      ['0000-W01', '0000-01-03T00:00:00+00:00'],
      ['-000001-W52', '-000001-12-27T00:00:00+00:00'],
      ['0001-W01', '0001-01-01T00:00:00+00:00'],
      ['2020-W53', '2020-12-28T00:00:00+00:00'],
      ['2025-W01', '2024-12-30T00:00:00+00:00'],
      ['+010000-W01', '+010000-01-03T00:00:00+00:00'],
    ];
    for (const [label, start] of cases) {
      const o = w.ordinalOfLabel(label);
      expect(w.format(w.start(o)), label).toBe(start);
      expect(w.label(o)).toBe(label);
    }
  });

  it('reads back every label it writes, and only those, for each unit', () => {
    const units: PeriodUnit[] = ['day', 'week', 'month', 'quarter', 'year'];
    for (const unit of units) {
      for (const yearStart of unit === 'quarter' || unit === 'year' ? [1, 4] : [1]) {
        const c = calendar(settings(unit, 'Europe/Berlin', { yearStart }));
        for (const ordinal of [-800_000, -3_000, -1, 0, 1, 2_691, 24_300, 800_000]) {
          expect(c.ordinalOfLabel(c.label(ordinal)), `${unit} ${yearStart} ${ordinal}`).toBe(ordinal);
        }
      }
    }
    const bad: [PeriodUnit, number, string][] = [
      ['day', 1, '2024-02-30'],
      ['day', 1, '+002024-03-01'],
      ['day', 1, '-000000-01-01'],
      ['day', 1, '10000-01-01'],
      ['week', 1, '2024-W00'],
      ['week', 1, '2024-W53'],
      ['week', 1, '2024-w01'],
      ['month', 1, '2024-00'],
      ['month', 1, '+02024-01'],
      ['quarter', 1, '2024-Q0'],
      ['quarter', 1, '2024-Q5'],
      ['quarter', 1, 'FY2024-Q1'],
      ['quarter', 10, '2024-Q1'],
      ['year', 1, 'FY2024'],
      ['year', 10, '2024'],
      ['year', 1, '02024'],
      ['year', 1, ''],
    ];
    for (const [unit, yearStart, label] of bad) expect(calendar(settings(unit, 'UTC', { yearStart })).ordinalOfLabel(label), `${unit} ${label}`).toBeNaN();
  });
});

describe('weeks', () => {
  it('numbers the days of the week from Sunday', () => {
    expect(WEEKDAY_NUMBERS).toStrictEqual({ sun: 0, mon: 1, tue: 2, wed: 3, thu: 4, fri: 5, sat: 6 });
  });

  it('starts a week on the chosen weekday', () => {
    // Wednesday 5 June 2024, noon in New York.
    const t = Date.parse('2024-06-05T12:00:00-04:00');
    const starts = {
      sun: '2024-06-02',
      mon: '2024-06-03',
      tue: '2024-06-04',
      wed: '2024-06-05',
      thu: '2024-05-30',
      fri: '2024-05-31',
      sat: '2024-06-01',
    } as const;
    for (const [weekStart, date] of Object.entries(starts) as [keyof typeof starts, string][]) {
      const c = calendar(settings('week', 'America/New_York', { weekStart }));
      const o = c.ordinalOf(t);
      expect(c.format(c.start(o)), weekStart).toBe(`${date}T00:00:00-04:00`);
      expect(c.format(c.start(o + 1)), weekStart).toBe(`${new Date(Date.parse(`${date}T00:00:00Z`) + 7 * DAY_MS).toISOString().slice(0, 10)}T00:00:00-04:00`);
    }
  });
});

describe('format', () => {
  it('writes milliseconds only when there are any, with three digits', () => {
    const c = calendar(settings('day', 'UTC'));
    expect(c.format(Date.parse('2024-06-01T12:34:56Z'))).toBe('2024-06-01T12:34:56+00:00');
    expect(c.format(Date.parse('2024-06-01T12:34:56.007Z'))).toBe('2024-06-01T12:34:56.007+00:00');
    expect(c.format(Date.parse('2024-06-01T12:34:56.07Z'))).toBe('2024-06-01T12:34:56.070+00:00');
    expect(c.format(Date.parse('2024-06-01T00:00:00.999Z'))).toBe('2024-06-01T00:00:00.999+00:00');
  });

  it('writes negative and half-hour offsets, and the local date they give', () => {
    const stJohns = calendar(settings('day', 'America/St_Johns'));
    expect(stJohns.format(Date.parse('2024-01-15T02:00:00.5Z'))).toBe('2024-01-14T22:30:00.500-03:30');
    expect(stJohns.format(Date.parse('2024-07-15T02:00:00Z'))).toBe('2024-07-14T23:30:00-02:30');
    expect(calendar(settings('day', 'Asia/Kathmandu')).format(Date.parse('2024-07-14T18:15:00Z'))).toBe('2024-07-15T00:00:00+05:45');
    expect(calendar(settings('day', 'Pacific/Chatham')).format(Date.parse('2024-01-14T10:15:00Z'))).toBe('2024-01-15T00:00:00+13:45');
  });

  it('writes the seconds of an offset when local mean time has them', () => {
    expect(calendar(settings('day', 'America/New_York')).format(Date.parse('1800-01-01T00:00:00Z'))).toBe('1799-12-31T19:03:58-04:56:02');
    expect(calendar(settings('day', 'Africa/Monrovia')).format(0)).toBe('1969-12-31T23:15:30-00:44:30');
    expect(calendar(settings('day', 'Europe/Brussels')).format(Date.parse('1880-01-01T00:00:00Z'))).toBe('1880-01-01T00:17:30+00:17:30');
    expect(calendar(settings('day', 'UTC')).format(-8.64e15)).toBe('-271821-04-20T00:00:00+00:00');
  });
});

describe('period starts', () => {
  it('start at the end of a daylight-saving gap that swallows the first midnight, for every unit that begins there', () => {
    // Paraguay moved its clocks from 00:00 to 01:00 on Sunday 1 October 2023.
    const start = (unit: PeriodUnit, label: string, extra: Partial<CalendarSettings> = {}) => {
      const c = calendar(settings(unit, 'America/Asuncion', extra));
      const o = c.ordinalOfLabel(label);
      return [c.format(c.start(o)), c.format(c.start(o) - 1)];
    };
    const before = '2023-09-30T23:59:59.999-04:00';
    expect(start('day', '2023-10-01')).toStrictEqual(['2023-10-01T01:00:00-03:00', before]);
    expect(start('week', '2023-W40', { weekStart: 'sun' })).toStrictEqual(['2023-10-01T01:00:00-03:00', before]);
    expect(start('month', '2023-10')).toStrictEqual(['2023-10-01T01:00:00-03:00', before]);
    expect(start('quarter', '2023-Q4')).toStrictEqual(['2023-10-01T01:00:00-03:00', before]);
    expect(start('year', 'FY2024', { yearStart: 10 })).toStrictEqual(['2023-10-01T01:00:00-03:00', before]);
  });

  it('start at local midnight across daylight-saving changes, so days are 23, 24 or 25 hours long', () => {
    const lengths = (timeZone: string, first: string, n: number) => {
      const c = calendar(settings('day', timeZone));
      const o = c.ordinalOfLabel(first);
      return Array.from({ length: n }, (_, i) => (c.start(o + i + 1) - c.start(o + i)) / 60_000);
    };
    expect(lengths('Europe/Berlin', '2024-03-30', 3)).toStrictEqual([1440, 1380, 1440]);
    expect(lengths('Europe/Berlin', '2024-10-26', 3)).toStrictEqual([1440, 1500, 1440]);
    expect(lengths('America/New_York', '2024-03-09', 3)).toStrictEqual([1440, 1380, 1440]);
    expect(lengths('Australia/Lord_Howe', '2024-04-06', 3)).toStrictEqual([1440, 1470, 1440]);
    expect(lengths('Australia/Lord_Howe', '2024-10-05', 3)).toStrictEqual([1440, 1410, 1440]);
    // Samoa skipped 30 December 2011: that day has no instant, and starts where the next one does.
    expect(lengths('Pacific/Apia', '2011-12-29', 3)).toStrictEqual([1440, 0, 1440]);
  });

  it('each start at the first instant of the local date Intl gives, in several zones', () => {
    const zones = ['Europe/Berlin', 'America/New_York', 'Australia/Lord_Howe', 'America/Asuncion', 'America/Havana', 'America/St_Johns'];
    for (const timeZone of zones) {
      const c = calendar(settings('day', timeZone));
      const first = c.ordinalOfLabel('2023-01-01');
      for (let o = first; o < first + 730; o += 7) {
        const t = c.start(o);
        expect(localDay(t, timeZone), `${timeZone} ${c.label(o)}`).toBe(o);
        expect(localDay(t - 1, timeZone), `${timeZone} ${c.label(o)}`).toBe(o - 1);
      }
    }
  });
});

describe('the table of starts', () => {
  const day = (d: number, hours = 12): number => d * DAY_MS + hours * H;

  it('places instants around 1970-01-01, where ordinals change sign, in whatever order they come', () => {
    // In UTC a day's ordinal is its day number, floor(t / 86400000).
    const sequences = [
      [day(-10), day(-10, 13), day(15), day(0)],
      [day(-10), day(-10, 13), day(15), day(-10, 14)],
      [day(-10), day(15), day(10), day(11), day(-9)],
      [day(20), day(2), day(4), day(10), day(19), day(21), day(1)],
      [day(0, 0), day(-1, 23), day(1, 0) - 1, day(40), day(-40), day(0, 0)],
    ];
    for (const ts of sequences) {
      const c = calendar(settings('day', 'UTC'));
      expect(
        ts.map((t) => c.ordinalOf(t)),
        ts.join(),
      ).toStrictEqual(ts.map((t) => Math.floor(t / DAY_MS)));
    }
    fc.assert(
      fc.property(fc.array(fc.integer({ min: -60 * 24, max: 60 * 24 }), { minLength: 1, maxLength: 25 }), (hours) => {
        const c = calendar(settings('day', 'UTC'));
        for (const h of hours) expect(c.ordinalOf(h * H)).toBe(Math.floor((h * H) / DAY_MS));
      }),
      { numRuns: 150 },
    );
  });

  it('places each start of a tabled period in that period, and the instant before in the one before', () => {
    const c = calendar(settings('day', 'Europe/Berlin'));
    const first = c.ordinalOfLabel('2024-03-01');
    for (let i = 0; i < 60; i++) c.ordinalOf(c.start(first + i) + 12 * H);
    const starts = Array.from({ length: 60 }, (_, i) => c.start(first + i));
    // A scattered order, so that each instant is placed by a search of the table, not as the period placed last.
    const order = scattered(60);
    const inner = order.filter((i) => i > 0);
    let atStart: number[] = [];
    let before: number[] = [];
    const calls = intlCalls(() => {
      atStart = order.map((i) => c.ordinalOf(starts[i]!) - first);
      before = inner.map((i) => c.ordinalOf(starts[i]! - 1) - first);
    });
    expect(atStart).toStrictEqual(order);
    expect(before).toStrictEqual(inner.map((i) => i - 1));
    expect(calls).toBe(0);
  });

  it('grows over consecutive days, so placing them again consults Intl no more', () => {
    // Two hundred days from 1969-07-01: ordinals from negative to positive, one new day at a time.
    const c = calendar(settings('day', 'UTC'));
    const first = Math.floor(Date.parse('1969-07-01T00:00:00Z') / DAY_MS);
    const ts = Array.from({ length: 200 }, (_, i) => day(first + i, i % 24));
    expect(ts.map((t) => c.ordinalOf(t))).toStrictEqual(ts.map((t) => Math.floor(t / DAY_MS)));
    const again: number[] = [];
    const calls = intlCalls(() => {
      for (const i of scattered(200)) again.push(c.ordinalOf(ts[i]!) - first);
    });
    expect(again).toStrictEqual(scattered(200));
    expect(calls).toBe(0);
  });

  it('grows both ways over days placed in a scattered order, across a daylight-saving change', () => {
    const timeZone = 'Europe/Berlin';
    const c = calendar(settings('day', timeZone));
    const first = c.ordinalOfLabel('2024-03-01');
    const at = (i: number) => c.start(first + i) + ((i * 7) % 24) * H;
    // Days 1 to 59 in a scattered order, then a new last day, then a new first day.
    const ts = [...scattered(59).map((i) => at(i + 1)), at(60), at(0)];
    const expected = ts.map((t) => localDay(t, timeZone));
    expect(ts.map((t) => c.ordinalOf(t))).toStrictEqual(expected);
    const again: number[] = [];
    const calls = intlCalls(() => {
      for (const t of [...ts].reverse()) again.push(c.ordinalOf(t));
    });
    expect(again).toStrictEqual([...expected].reverse());
    expect(calls).toBe(0);
  });

  it('places far-off instants one by one, at one Intl lookup each, instead of tabling the 45,000 days between', () => {
    const timeZone = 'Europe/Berlin';
    const c = calendar(settings('day', timeZone));
    const early = Date.parse('1900-01-01T12:00:00Z');
    const late = Date.parse('2024-06-01T12:00:00Z');
    const ts = [early, late, early, late + DAY_MS, early + H, late, early, late + 2 * DAY_MS];
    let placed: number[] = [];
    const calls = intlCalls(() => {
      placed = ts.map((t) => c.ordinalOf(t));
    });
    expect(placed.map((o) => c.label(o))).toStrictEqual([
      '1900-01-01',
      '2024-06-01',
      '1900-01-01',
      '2024-06-02',
      '1900-01-01',
      '2024-06-01',
      '1900-01-01',
      '2024-06-03',
    ]);
    expect(placed).toStrictEqual(ts.map((t) => localDay(t, timeZone)));
    expect(calls).toBeLessThan(60);
  });
});
