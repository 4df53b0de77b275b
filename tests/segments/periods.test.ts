/**
 * Calendar periods in a time zone: labels, starts and ends across
 * daylight-saving changes, checked against examples and against an
 * independent bucketing with `Intl` on random instants.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type CalendarSettings, calendar, MAX_TABLE, type PeriodUnit } from '../../src/core/time/periods.js';

const settings = (unit: PeriodUnit, timeZone: string, extra: Partial<CalendarSettings> = {}): CalendarSettings => ({
  unit,
  timeZone,
  weekStart: 'mon',
  yearStart: 1,
  ...extra,
});
const at = (iso: string): number => Date.parse(iso);

describe('calendar periods', () => {
  it('puts an instant in the month of its local date, across a daylight-saving change', () => {
    const c = calendar(settings('month', 'Europe/Berlin'));
    const march = c.ordinalOf(at('2024-03-31T21:30:00Z'));
    const april = c.ordinalOf(at('2024-03-31T22:30:00Z'));
    expect([c.label(march), c.label(april)]).toEqual(['2024-03', '2024-04']);
    expect(c.format(c.start(march))).toBe('2024-03-01T00:00:00+01:00');
    expect(c.format(c.start(april))).toBe('2024-04-01T00:00:00+02:00');
    expect(c.start(april) - c.start(march)).toBe(31 * 86_400_000 - 3_600_000);
  });

  it('labels ISO weeks by the year of their Thursday', () => {
    const c = calendar(settings('week', 'UTC'));
    const label = (iso: string) => c.label(c.ordinalOf(at(iso)));
    expect(label('2024-12-30T00:00:00Z')).toBe('2025-W01');
    expect(label('2021-01-03T23:59:59Z')).toBe('2020-W53');
    expect(label('2021-01-04T00:00:00Z')).toBe('2021-W01');
    expect(label('2026-12-31T12:00:00Z')).toBe('2026-W53');
  });

  it('starts weeks on the chosen day', () => {
    const c = calendar(settings('week', 'America/New_York', { weekStart: 'sun' }));
    const o = c.ordinalOf(at('2025-01-01T12:00:00Z'));
    expect(c.format(c.start(o))).toBe('2024-12-29T00:00:00-05:00');
    expect(c.label(o)).toBe('2025-W01');
  });

  it('names fiscal years and quarters by the calendar year they end in', () => {
    const q = calendar(settings('quarter', 'America/Santiago', { yearStart: 10 }));
    const o = q.ordinalOf(at('2024-10-15T00:00:00Z'));
    expect([q.label(o - 1), q.label(o), q.label(o + 4)]).toEqual(['FY2024-Q4', 'FY2025-Q1', 'FY2026-Q1']);
    const y = calendar(settings('year', 'UTC', { yearStart: 4 }));
    expect(y.label(y.ordinalOf(at('2025-03-31T23:59:59Z')))).toBe('FY2025');
    expect(y.label(y.ordinalOf(at('2025-04-01T00:00:00Z')))).toBe('FY2026');
    const plain = calendar(settings('quarter', 'UTC'));
    expect(plain.label(plain.ordinalOf(at('2025-05-01T00:00:00Z')))).toBe('2025-Q2');
  });

  it('starts a day at the end of a gap that swallows midnight', () => {
    // Chile moved its clocks from 24:00 to 01:00 on 2024-09-08.
    const c = calendar(settings('day', 'America/Santiago'));
    const o = c.ordinalOf(at('2024-09-08T12:00:00Z'));
    expect(c.label(o)).toBe('2024-09-08');
    expect(c.format(c.start(o))).toBe('2024-09-08T01:00:00-03:00');
    expect(c.format(c.start(o + 1))).toBe('2024-09-09T00:00:00-03:00');
  });

  it('writes fractions, half-hour offsets and years outside 0000-9999 as ISO 8601 does', () => {
    const c = calendar(settings('day', 'Asia/Kolkata'));
    expect(c.format(at('2024-06-01T00:00:00.250Z'))).toBe('2024-06-01T05:30:00.250+05:30');
    const u = calendar(settings('year', 'UTC'));
    expect(u.label(u.ordinalOf(-8.64e15))).toBe('-271821');
    expect(u.label(u.ordinalOf(8.64e15))).toBe('+275760');
    expect(u.format(8.64e15)).toBe('+275760-09-13T00:00:00+00:00');
  });

  it('reads back only canonical labels', () => {
    const m = calendar(settings('month', 'UTC'));
    expect(m.ordinalOfLabel('2024-03')).toBe(m.ordinalOf(at('2024-03-10T00:00:00Z')));
    for (const bad of ['2024-13', '2024-3', '2024-00', 'FY2024', '2024-03-01']) expect(m.ordinalOfLabel(bad)).toBeNaN();
    const w = calendar(settings('week', 'UTC'));
    expect(w.ordinalOfLabel('2024-W53')).toBeNaN();
    expect(w.ordinalOfLabel('2020-W53')).toBe(w.ordinalOf(at('2020-12-31T00:00:00Z')));
    const fq = calendar(settings('quarter', 'UTC', { yearStart: 7 }));
    expect(fq.ordinalOfLabel('2025-Q1')).toBeNaN();
    expect(fq.label(fq.ordinalOfLabel('FY2025-Q3'))).toBe('FY2025-Q3');
  });

  it('places far-off instants one by one instead of tabling every period between', () => {
    const c = calendar(settings('day', 'Europe/Berlin'));
    const early = c.ordinalOf(at('0001-01-01T12:00:00Z'));
    const late = c.ordinalOf(at('2024-06-01T12:00:00Z'));
    expect(late - early).toBeGreaterThan(MAX_TABLE);
    expect(c.label(early)).toBe('0001-01-01');
    expect(c.label(late)).toBe('2024-06-01');
    expect(c.label(c.ordinalOf(at('2024-06-03T12:00:00Z')))).toBe('2024-06-03');
  });
});

/** The local date of `t` in `timeZone`, from `Intl` alone. */
const formats = new Map<string, Intl.DateTimeFormat>();
function localDate(t: number, timeZone: string): { y: number; m: number; d: number } {
  let format = formats.get(timeZone);
  if (format === undefined) {
    format = new Intl.DateTimeFormat('en-US', { timeZone, year: 'numeric', month: 'numeric', day: 'numeric', era: 'short' });
    formats.set(timeZone, format);
  }
  const parts = format.formatToParts(t);
  const get = (type: string) => Number(parts.find((p) => p.type === type)!.value);
  const bc = parts.find((p) => p.type === 'era')!.value === 'BC';
  return { y: bc ? 1 - get('year') : get('year'), m: get('month'), d: get('day') };
}

const pad = (n: number, w = 2) => String(n).padStart(w, '0');

/** The label of a local date by `unit`, computed with `Date.UTC` arithmetic. */
function expectedLabel(unit: PeriodUnit, { y, m, d }: { y: number; m: number; d: number }, yearStart: number): string {
  const year = (v: number) => pad(v, 4);
  if (unit === 'day') return `${year(y)}-${pad(m)}-${pad(d)}`;
  if (unit === 'month') return `${year(y)}-${pad(m)}`;
  if (unit === 'week') {
    const date = new Date(0);
    date.setUTCFullYear(y, m - 1, d);
    const dow = (date.getUTCDay() + 6) % 7; // Monday 0
    const thursday = new Date(date.getTime() + (3 - dow) * 86_400_000);
    const ty = thursday.getUTCFullYear();
    const jan1 = new Date(0);
    jan1.setUTCFullYear(ty, 0, 1);
    const week = Math.floor((thursday.getTime() - jan1.getTime()) / 86_400_000 / 7) + 1;
    return `${year(ty)}-W${pad(week)}`;
  }
  const shifted = y * 12 + (m - 1) - (yearStart - 1);
  const fy = Math.floor(shifted / 12);
  const name = yearStart === 1 ? year(fy) : `FY${year(fy + 1)}`;
  if (unit === 'year') return name;
  return `${name}-Q${Math.floor((shifted - fy * 12) / 3) + 1}`;
}

describe('calendar periods against Intl', () => {
  const zones = ['Europe/Berlin', 'America/New_York', 'Asia/Kolkata', 'Australia/Lord_Howe', 'America/Santiago', 'Pacific/Chatham', 'UTC', 'Asia/Kathmandu'];
  const units: PeriodUnit[] = ['day', 'week', 'month', 'quarter', 'year'];
  // Instants from 1970 to 2040, with extra weight near midnight at month ends, where DST and offsets decide the period.
  const instant = fc.oneof(
    fc.integer({ min: 0, max: 2_208_988_800_000 }),
    fc
      .tuple(fc.integer({ min: 1990, max: 2035 }), fc.integer({ min: 1, max: 12 }), fc.integer({ min: -14 * 60, max: 14 * 60 }))
      .map(([y, m, minutes]) => Date.UTC(y, m, 1) + minutes * 60_000),
  );

  it('labels every instant as its local date says, in several zones', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...zones),
        fc.constantFrom(...units),
        fc.constantFrom(1, 4, 10),
        fc.array(instant, { minLength: 1, maxLength: 20 }),
        (timeZone, unit, yearStart, ts) => {
          const c = calendar(settings(unit, timeZone, { yearStart: unit === 'quarter' || unit === 'year' ? yearStart : 1 }));
          for (const t of ts) {
            const o = c.ordinalOf(t);
            const label = c.label(o);
            expect(label).toBe(expectedLabel(unit, localDate(t, timeZone), unit === 'quarter' || unit === 'year' ? yearStart : 1));
            expect(c.start(o)).toBeLessThanOrEqual(t);
            expect(c.start(o + 1)).toBeGreaterThan(t);
            expect(c.ordinalOfLabel(label)).toBe(o);
          }
        },
      ),
      { numRuns: 300 },
    );
  });

  it('starts each period at the first instant of its first local date', () => {
    fc.assert(
      fc.property(fc.constantFrom(...zones), fc.constantFrom(...units), instant, (timeZone, unit, t) => {
        const c = calendar(settings(unit, timeZone));
        const o = c.ordinalOf(t);
        const start = c.start(o);
        expect(c.ordinalOf(start)).toBe(o);
        expect(c.ordinalOf(start - 1)).toBe(o - 1);
        expect(new Date(start).getTime()).toBe(Date.parse(c.format(start)));
      }),
      { numRuns: 300 },
    );
  });
});
