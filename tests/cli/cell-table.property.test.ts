/**
 * The counting parts of the byte counter against plain references: the
 * cells of a `CellTable` hold the rows a map keyed by ids and period holds,
 * through growth, new periods far apart and more ids than its direct index
 * takes; `IsoPeriods.read` accepts exactly the times `isoTimeMs` reads and
 * gives their calendar period, and `IsoPeriods.of` the period of any instant.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CellTable } from '../../src/cli/cell-table.js';
import { type Bytes, isoTimeMs } from '../../src/cli/input/decode.js';
import { IsoPeriods, NOT_ISO } from '../../src/cli/iso-periods.js';
import { calendar } from '../../src/core/time/periods.js';

describe('CellTable', () => {
  it('holds the rows of each key ids and period, as a map of them does', () => {
    const row = fc.record({
      ids: fc.tuple(fc.oneof(fc.nat(5), fc.nat(3000)), fc.nat(4)),
      period: fc.oneof(fc.integer({ min: 600, max: 610 }), fc.integer({ min: -2_000_000, max: 2_000_000 })),
      answer: fc.nat(40),
    });
    fc.assert(
      fc.property(fc.array(row, { maxLength: 400 }), (rows) => {
        const table = new CellTable(2);
        const expected = new Map<string, number[]>();
        for (const { ids, period, answer } of rows) {
          table.ids.set(ids);
          table.widen(answer + 1);
          table.add(period, answer);
          const key = `${ids.join(',')}@${period}`;
          const n = expected.get(key) ?? [];
          n[answer] = (n[answer] ?? 0) + 1;
          expected.set(key, n);
        }
        const got = new Map<string, number[]>();
        for (let cell = 0; cell < table.size; cell++) {
          const key = `${table.idOf(cell, 0)},${table.idOf(cell, 1)}@${table.periodOf(cell)}`;
          const n: number[] = [];
          table.countsOf(cell).forEach((c, a) => {
            if (c > 0) n[a] = c;
          });
          expect(got.has(key)).toBe(false);
          got.set(key, n);
        }
        expect(got).toEqual(expected);
      }),
      { numRuns: 200 },
    );
  });

  it('starts again from no cells', () => {
    const table = new CellTable(1);
    table.ids[0] = 3;
    table.add(5, 1);
    table.clear();
    expect(table.size).toBe(0);
    table.ids[0] = 4;
    table.add(5, 2);
    expect([table.size, table.idOf(0, 0), table.periodOf(0), table.countsOf(0)[2], table.countsOf(0)[1]]).toEqual([1, 4, 5, 1, 0]);
  });
});

describe('IsoPeriods', () => {
  const digits = (n: number, width: number) => String(n).padStart(width, '0');
  // Times of the strict form, and near it: out-of-range fields, other separators, fractions and offsets of every length.
  const time = fc
    .record({
      year: fc.integer({ min: 0, max: 9999 }),
      month: fc.integer({ min: 0, max: 13 }),
      day: fc.integer({ min: 0, max: 32 }),
      hour: fc.integer({ min: 0, max: 25 }),
      minute: fc.integer({ min: 0, max: 61 }),
      second: fc.integer({ min: 0, max: 61 }),
      fraction: fc.constantFrom('', '.', '.5', '.12', '.123', '.1234', '.x'),
      zone: fc.constantFrom('Z', 'z', '+01:00', '-05:30', '+05:45', '+24:00', '-00:60', '+1:00', '+01:0', 'ZZ', '', '+0100'),
      sep: fc.constantFrom('T', 'T', 'T', ' ', 't'),
    })
    .map(
      (t) =>
        `${digits(t.year, 4)}-${digits(t.month, 2)}-${digits(t.day, 2)}${t.sep}${digits(t.hour, 2)}:${digits(t.minute, 2)}:${digits(t.second, 2)}${t.fraction}${t.zone}`,
    );
  const settings = fc.record({
    unit: fc.constantFrom('day', 'week', 'month', 'quarter', 'year'),
    timeZone: fc.constantFrom('UTC', 'Europe/Berlin', 'Asia/Kathmandu', 'America/St_Johns'),
    weekStart: fc.constantFrom('mon', 'sun'),
    yearStart: fc.constantFrom(1, 4),
  });

  it('reads exactly the times isoTimeMs reads, ending where they end, in their period', () => {
    // A byte follows the time, as the line feed that ends a buffer's last row does: reading stops at it.
    fc.assert(
      fc.property(time, settings, fc.constantFrom(',', '\n', '\r', 'x'), (text, s, after) => {
        const cal = calendar(s as never);
        const periods = new IsoPeriods(cal);
        const buf = Buffer.from(`${text}${after}`, 'latin1') as Bytes;
        const t = isoTimeMs(buf, 0, text.length);
        const period = periods.read(buf, 0);
        if (Number.isNaN(t)) expect(period === NOT_ISO || periods.end !== text.length).toBe(true);
        else {
          expect(periods.end).toBe(text.length);
          expect(period).toBe(cal.ordinalOf(t));
          // Read again, the hour's period comes from the tables.
          expect(periods.read(buf, 0)).toBe(period);
        }
      }),
      { numRuns: 1000 },
    );
  });

  it('gives the period of any instant, around the changes of its calendar', () => {
    fc.assert(
      fc.property(settings, fc.array(fc.integer({ min: Date.UTC(1969, 0, 1), max: Date.UTC(2031, 0, 1) }), { maxLength: 30 }), (s, instants) => {
        const cal = calendar(s as never);
        const periods = new IsoPeriods(cal);
        // Each instant, the same hour again and the milliseconds around the start of its period.
        for (const t of instants) {
          const start = cal.start(cal.ordinalOf(t));
          for (const u of [t, t + 1, start - 1, start, start + 1]) expect(periods.of(u)).toBe(cal.ordinalOf(u));
        }
      }),
      { numRuns: 300 },
    );
  });
});
