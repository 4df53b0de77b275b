/**
 * Tables of tallies read back from anywhere (JSON, a worker, a query) and
 * checked, merged cell by cell with mergeCounts, and put in one order:
 * every refusal with its code, path and message.
 */
import { describe, expect, it } from 'vitest';
import { mergeCounts, npsCounts, type SegmentCounts, segmentCounts, segmentFromCounts } from '../../src/index.js';
import { refusal } from '../helpers/errors.js';

type Json = Record<string, unknown>;
const promoter = npsCounts([10]);
const calendarSettings = (unit: string, extra: Json = {}): Json => ({ field: 'at', unit, timeZone: 'UTC', weekStart: 'mon', yearStart: 1, ...extra });
const labelSettings = (order: string[], fixed = false): Json => ({ field: 'campaign', unit: null, order, fixed });
const tableOf = (fields: Json = {}): Json => ({ kind: 'segmentCounts', metric: 'nps', by: [], period: null, cells: [], ...fields });
const fromTable = (table: unknown) => segmentFromCounts(table as Parameters<typeof segmentFromCounts>[0]);
const read = (table: unknown) => () => fromTable(table);
const refusedTable = (table: unknown, code: string, path: (string | number)[], message: string) =>
  expect(refusal(read(table))).toEqual({ metric: 'segmentFromCounts', code, path, message });
const mergeTables = (a: unknown, b: unknown): SegmentCounts => mergeCounts(a as SegmentCounts, b as SegmentCounts);
const merge = (a: unknown, b: unknown) => () => mergeTables(a, b);

describe('reading a table of tallies', () => {
  it('refuses anything but a table of tallies, and keys a table has not', () => {
    const message = (received: string) =>
      `expected a table of tallies from segmentCounts { kind: 'segmentCounts', metric, by, period, cells }, received ${received}`;
    refusedTable(5, 'invalid-type', ['counts'], message('5'));
    refusedTable({ ...tableOf(), kind: 'segmentTable' }, 'invalid-type', ['counts'], message('an object'));
    refusedTable(tableOf({ rows: [] }), 'unknown-key', ['counts', 'rows'], 'unknown key "rows"');
    expect(refusal(merge(tableOf(), tableOf({ total: 1 })))).toEqual({
      metric: 'mergeCounts',
      code: 'unknown-key',
      path: ['b', 'total'],
      message: 'unknown key "total"',
    });
  });

  it('takes the dimension names only as distinct strings', () => {
    const message = (received: string) => `expected the dimension names, distinct strings, received ${received}`;
    refusedTable(tableOf({ by: 'region' }), 'invalid-value', ['counts', 'by'], message('"region"'));
    refusedTable(tableOf({ by: ['region', 3] }), 'invalid-value', ['counts', 'by'], message('an array'));
    refusedTable(tableOf({ by: ['region', 'region'] }), 'invalid-value', ['counts', 'by'], message('an array'));
  });

  it('takes the cells only as a list of cell objects with known keys', () => {
    refusedTable(tableOf({ cells: {} }), 'invalid-type', ['counts', 'cells'], 'expected a list of cells { key, period, counts }, received an object');
    refusedTable(
      tableOf({ cells: [{ key: {}, period: null, counts: promoter }, 7] }),
      'invalid-type',
      ['counts', 'cells', 1],
      'expected a cell { key, period, counts }, received 7',
    );
    refusedTable(
      tableOf({ cells: [{ key: {}, period: null, counts: promoter, weight: 1 }] }),
      'unknown-key',
      ['counts', 'cells', 0, 'weight'],
      'unknown key "weight"',
    );
  });

  it('checks each cell’s key against the dimensions', () => {
    const keyed = (key: unknown, by: string[] = ['region']) => tableOf({ by, cells: [{ key, period: null, counts: promoter }] });
    refusedTable(keyed('EU'), 'invalid-type', ['counts', 'cells', 0, 'key'], 'expected a key object with region, received "EU"');
    refusedTable(keyed(null, ['region', 'plan']), 'invalid-type', ['counts', 'cells', 0, 'key'], 'expected a key object with region, plan, received null');
    refusedTable(keyed([], []), 'invalid-type', ['counts', 'cells', 0, 'key'], 'expected a key object with no dimensions, received an array');
    refusedTable(keyed({ region: 'EU', plan: 'pro' }), 'unknown-key', ['counts', 'cells', 0, 'key', 'plan'], 'unknown dimension "plan"');
    const value = (received: string) => `expected a segment value (a string, a finite number or a boolean), received ${received}`;
    refusedTable(keyed({}), 'missing-value', ['counts', 'cells', 0, 'key', 'region'], value('undefined'));
    refusedTable(keyed({}, ['toString']), 'missing-value', ['counts', 'cells', 0, 'key', 'toString'], value('undefined'));
    refusedTable(keyed({ region: null }), 'invalid-type', ['counts', 'cells', 0, 'key', 'region'], value('null'));
    refusedTable(keyed({ region: Number.POSITIVE_INFINITY }), 'invalid-type', ['counts', 'cells', 0, 'key', 'region'], value('Infinity'));
    refusedTable(keyed({ region: Number.NaN }), 'invalid-type', ['counts', 'cells', 0, 'key', 'region'], value('NaN'));
    refusedTable(keyed({ region: { name: 'EU' } }), 'invalid-type', ['counts', 'cells', 0, 'key', 'region'], value('an object'));
  });

  it('checks each cell’s period against the table’s periods', () => {
    const cell = (period: unknown) => ({ key: {}, period, counts: promoter });
    refusedTable(
      tableOf({ cells: [cell('2024-01')] }),
      'inconsistent',
      ['counts', 'cells', 0, 'period'],
      'expected null in a table without periods, received "2024-01"',
    );
    const months = (period: unknown) => tableOf({ period: calendarSettings('month'), cells: [cell('2024-01'), cell(period)] });
    refusedTable(months('2024-13'), 'invalid-value', ['counts', 'cells', 1, 'period'], 'expected a month label of the table\'s calendar, received "2024-13"');
    refusedTable(months(null), 'invalid-value', ['counts', 'cells', 1, 'period'], "expected a month label of the table's calendar, received null");
    refusedTable(
      tableOf({ period: calendarSettings('week'), cells: [cell('2024-01')] }),
      'invalid-value',
      ['counts', 'cells', 0, 'period'],
      'expected a week label of the table\'s calendar, received "2024-01"',
    );
    const labels = (period: unknown) => tableOf({ period: labelSettings(['spring']), cells: [cell(period)] });
    refusedTable(
      labels('autumn'),
      'invalid-value',
      ['counts', 'cells', 0, 'period'],
      'expected a label listed in the table\'s period order, received "autumn"',
    );
    refusedTable(labels(4), 'invalid-value', ['counts', 'cells', 0, 'period'], "expected a label listed in the table's period order, received 4");
    refusedTable(labels(null), 'invalid-value', ['counts', 'cells', 0, 'period'], "expected a label listed in the table's period order, received null");
  });

  it('refuses a segment and period given twice', () => {
    const cell = { key: { region: 'EU' }, period: 'spring', counts: promoter };
    refusedTable(
      tableOf({ by: ['region'], period: labelSettings(['spring']), cells: [cell, { ...cell, key: { region: 'US' } }, cell] }),
      'duplicate',
      ['counts', 'cells', 2],
      'expected one cell per segment and period, received this one twice',
    );
  });

  it('refuses period settings that are not an object or null', () => {
    refusedTable(tableOf({ period: 'month' }), 'invalid-type', ['counts', 'period'], 'expected the table\'s period settings or null, received "month"');
    refusedTable(tableOf({ period: undefined }), 'invalid-type', ['counts', 'period'], "expected the table's period settings or null, received undefined");
  });

  it('takes the period field as a name or null', () => {
    refusedTable(
      tableOf({ period: calendarSettings('month', { field: 3 }) }),
      'invalid-type',
      ['counts', 'period', 'field'],
      'expected a field name or null, received 3',
    );
    refusedTable(
      tableOf({ period: { ...labelSettings([]), field: false } }),
      'invalid-type',
      ['counts', 'period', 'field'],
      'expected a field name or null, received false',
    );
    expect(fromTable(tableOf({ period: calendarSettings('month', { field: null }) })).period).toEqual(calendarSettings('month', { field: null }));
    expect(fromTable(tableOf({ period: { ...labelSettings(['a']), field: null } })).period).toEqual({
      field: null,
      unit: null,
      order: ['a'],
      fixed: false,
    });
  });

  it('checks label settings: distinct string labels, whether fixed, and no other keys', () => {
    const message = (received: string) => `expected the period labels in order, distinct strings, received ${received}`;
    refusedTable(tableOf({ period: labelSettings('a' as never) }), 'invalid-value', ['counts', 'period', 'order'], message('"a"'));
    refusedTable(tableOf({ period: labelSettings(['a', 1 as never]) }), 'invalid-value', ['counts', 'period', 'order'], message('an array'));
    refusedTable(tableOf({ period: labelSettings(['a', 'b', 'a']) }), 'invalid-value', ['counts', 'period', 'order'], message('an array'));
    refusedTable(
      tableOf({ period: { ...labelSettings(['a']), fixed: 'yes' } }),
      'invalid-type',
      ['counts', 'period', 'fixed'],
      'expected a boolean, received "yes"',
    );
    refusedTable(tableOf({ period: { ...labelSettings(['a']), timeZone: 'UTC' } }), 'unknown-key', ['counts', 'period', 'timeZone'], 'unknown key "timeZone"');
  });

  it('checks calendar settings: unit, time zone, weekday, first month, and no other keys', () => {
    const refusedSettings = (extra: Json, code: string, key: string, message: string) =>
      refusedTable(tableOf({ period: calendarSettings('month', extra) }), code, ['counts', 'period', key], message);
    refusedSettings({ unit: 'fortnight' }, 'invalid-value', 'unit', 'expected "day", "week", "month", "quarter", "year" or null, received "fortnight"');
    refusedSettings({ unit: undefined }, 'invalid-value', 'unit', 'expected "day", "week", "month", "quarter", "year" or null, received undefined');
    refusedSettings({ timeZone: 'Mars/Olympus' }, 'invalid-value', 'timeZone', 'expected an IANA time zone name, received "Mars/Olympus"');
    refusedSettings({ timeZone: 0 }, 'invalid-value', 'timeZone', 'expected an IANA time zone name, received 0');
    refusedSettings({ weekStart: 'monday' }, 'invalid-value', 'weekStart', 'expected a weekday "mon" to "sun", received "monday"');
    refusedSettings({ weekStart: ['mon'] }, 'invalid-value', 'weekStart', 'expected a weekday "mon" to "sun", received an array');
    refusedSettings({ weekStart: undefined }, 'invalid-value', 'weekStart', 'expected a weekday "mon" to "sun", received undefined');
    for (const [yearStart, received] of [
      [0, '0'],
      [13, '13'],
      [2.5, '2.5'],
      ['3', '"3"'],
      [undefined, 'undefined'],
    ] as const) {
      refusedSettings({ yearStart }, 'out-of-range', 'yearStart', `expected a month from 1 to 12, received ${received}`);
    }
    refusedSettings({ order: [] }, 'unknown-key', 'order', 'unknown key "order"');
    expect(fromTable(tableOf({ period: calendarSettings('year', { yearStart: 12 }) })).period).toEqual(calendarSettings('year', { yearStart: 12 }));
    expect(fromTable(tableOf({ period: calendarSettings('year', { yearStart: 1 }) })).period).toEqual(calendarSettings('year'));
  });

  it('takes key values as strings, finite numbers and booleans, negative zero as zero', () => {
    const table = tableOf({
      by: ['tier', 'vip'],
      cells: [
        { key: { tier: -0, vip: true }, period: null, counts: promoter },
        { key: { tier: 'gold', vip: false }, period: null, counts: promoter },
      ],
    });
    const rows = fromTable(table).rows;
    expect(rows.map((r) => r.key)).toEqual([
      { tier: 0, vip: true },
      { tier: 'gold', vip: false },
    ]);
    expect(Object.is(rows[0]!.key.tier, 0)).toBe(true);
  });

  it('reads a dimension named like an inherited property as data', () => {
    const records = [JSON.parse('{"score":10,"__proto__":"x"}'), JSON.parse('{"score":0,"__proto__":"y"}')];
    const counts = segmentCounts(records, { metric: 'nps', value: 'score', by: '__proto__' });
    expect(JSON.stringify(counts.cells.map((c) => c.key))).toBe('[{"__proto__":"x"},{"__proto__":"y"}]');
    expect(Object.keys(counts.cells[0]!.key)).toEqual(['__proto__']);
    const again = segmentFromCounts(JSON.parse(JSON.stringify(counts)));
    expect(JSON.stringify(again.rows.map((r) => r.key))).toBe('[{"__proto__":"x"},{"__proto__":"y"}]');
  });
});

describe('merging tables of tallies', () => {
  it('refuses tables of different metrics', () => {
    expect(refusal(merge(tableOf(), tableOf({ metric: 'csat' })))).toEqual({
      metric: 'mergeCounts',
      code: 'inconsistent',
      path: ['b', 'metric'],
      message: 'expected a table of nps, like a, received csat',
    });
  });

  it('refuses tables of different dimensions, however their names join', () => {
    expect(refusal(merge(tableOf({ by: ['a', 'bc'] }), tableOf({ by: ['ab', 'c'] })))).toEqual({
      metric: 'mergeCounts',
      code: 'inconsistent',
      path: ['b', 'by'],
      message: 'expected the dimensions ["a","bc"], like a, received ["ab","c"]',
    });
    expect(refusal(merge(tableOf(), tableOf({ by: [''] })))).toEqual({
      metric: 'mergeCounts',
      code: 'inconsistent',
      path: ['b', 'by'],
      message: 'expected the dimensions [], like a, received [""]',
    });
  });

  it('refuses periods cut differently, describing both', () => {
    const periodsOf = (a: unknown, b: unknown) => refusal(merge(tableOf({ period: a }), tableOf({ period: b })));
    const message = (a: string, b: string) => ({
      metric: 'mergeCounts',
      code: 'inconsistent',
      path: ['b', 'period'],
      message: `expected periods cut as a's (${a}), received ${b}`,
    });
    expect(periodsOf(null, labelSettings([]))).toEqual(message('no periods', 'labels'));
    expect(periodsOf(labelSettings(['x']), null)).toEqual(message('labels', 'no periods'));
    expect(periodsOf(calendarSettings('month'), null)).toEqual(message('months in UTC', 'no periods'));
    expect(periodsOf(labelSettings(['x']), calendarSettings('day'))).toEqual(message('labels', 'days in UTC'));
    expect(periodsOf(calendarSettings('day'), labelSettings(['x']))).toEqual(message('days in UTC', 'labels'));
    expect(periodsOf(labelSettings(['x', 'y'], true), labelSettings(['y', 'x'], true))).toEqual(
      message('labels in the order ["x","y"]', 'labels in the order ["y","x"]'),
    );
    expect(periodsOf(calendarSettings('month'), calendarSettings('day'))).toEqual(message('months in UTC', 'days in UTC'));
    expect(periodsOf(calendarSettings('month'), calendarSettings('month', { timeZone: 'Asia/Tokyo' }))).toEqual(
      message('months in UTC', 'months in Asia/Tokyo'),
    );
    expect(periodsOf(calendarSettings('week'), calendarSettings('week', { weekStart: 'sun' }))).toEqual(
      message('weeks in UTC from mon', 'weeks in UTC from sun'),
    );
    expect(periodsOf(calendarSettings('year'), calendarSettings('year', { yearStart: 4 }))).toEqual(
      message('years in UTC', 'years in UTC with the year from month 4'),
    );
    expect(periodsOf(calendarSettings('quarter', { yearStart: 7 }), calendarSettings('quarter', { yearStart: 10 }))).toEqual(
      message('quarters in UTC with the year from month 7', 'quarters in UTC with the year from month 10'),
    );
  });

  it('merges tables without periods, and tables whose calendars agree on everything but the field', () => {
    const cell = (region: string, counts = promoter) => ({ key: { region }, period: null, counts });
    const merged = mergeTables(tableOf({ by: ['region'], cells: [cell('EU')] }), tableOf({ by: ['region'], cells: [cell('EU'), cell('US')] }));
    expect(merged).toEqual({
      kind: 'segmentCounts',
      metric: 'nps',
      by: ['region'],
      period: null,
      cells: [cell('EU', npsCounts([10, 10])), cell('US')],
    });
    const weeks = mergeTables(
      tableOf({ period: calendarSettings('week', { weekStart: 'sun' }) }),
      tableOf({ period: calendarSettings('week', { weekStart: 'sun', field: 'other' }) }),
    );
    expect(weeks.period).toEqual(calendarSettings('week', { weekStart: 'sun' }));
  });

  it('merges tables of two dimensions cell by cell', () => {
    const cell = (a: string, b: string, counts = promoter) => ({ key: { a, b }, period: null, counts });
    const merged = mergeTables(tableOf({ by: ['a', 'b'], cells: [cell('x', 'y')] }), tableOf({ by: ['a', 'b'], cells: [cell('x', 'y')] }));
    expect(merged.cells).toEqual([cell('x', 'y', npsCounts([10, 10]))]);
  });

  it('merges label periods: labels met later go last, and a fixed order stays fixed', () => {
    const cell = (period: string) => ({ key: {}, period, counts: promoter });
    const fixedFirst = mergeTables(
      tableOf({ period: labelSettings(['x', 'y'], true), cells: [cell('y')] }),
      tableOf({ period: labelSettings(['z', 'x']), cells: [cell('z')] }),
    );
    expect(fixedFirst.period).toEqual(labelSettings(['x', 'y', 'z'], true));
    expect(fixedFirst.cells.map((c) => c.period)).toEqual(['y', 'z']);
    const fixedSecond = mergeTables(tableOf({ period: labelSettings(['b']) }), tableOf({ period: labelSettings(['a', 'b'], true) }));
    expect(fixedSecond.period).toEqual(labelSettings(['b', 'a'], true));
    const neither = mergeTables(tableOf({ period: labelSettings(['b']) }), tableOf({ period: labelSettings(['a']) }));
    expect(neither.period).toEqual(labelSettings(['b', 'a'], false));
    const both = mergeTables(tableOf({ period: labelSettings(['a', 'b'], true) }), tableOf({ period: labelSettings(['a', 'b'], true) }));
    expect(both.period).toEqual(labelSettings(['a', 'b'], true));
  });

  it('refuses a merge whose counts would pass 2^53, in the second table’s cells', () => {
    const huge = { ...promoter, promoters: Number.MAX_SAFE_INTEGER };
    const table = tableOf({ cells: [{ key: {}, period: null, counts: huge }] });
    const r = refusal(merge(table, table));
    expect(r).toMatchObject({
      metric: 'mergeCounts',
      code: 'out-of-range',
      message: `expected counts whose sum stays below 2^53, received ${Number.MAX_SAFE_INTEGER} + ${Number.MAX_SAFE_INTEGER}`,
    });
    expect(r.path.slice(0, 2)).toEqual(['b', 'cells']);
    expect(r.path.at(-1)).toBe('promoters');
  });
});

describe('the order of cells', () => {
  it('puts keys in one total order: booleans, then numbers, then strings, each ascending', () => {
    const records = [
      { score: 1, k: 'b' },
      { score: 1, k: 10 },
      { score: 1, k: true },
      { score: 1, k: 'a' },
      { score: 1, k: -1 },
      { score: 1, k: false },
      { score: 1, k: 2 },
      { score: 1, k: 'B' },
    ];
    expect(segmentCounts(records, { metric: 'nps', value: 'score', by: 'k' }).cells.map((c) => c.key.k)).toEqual([false, true, -1, 2, 10, 'B', 'a', 'b']);
  });

  it('orders cells by each dimension in turn, then by period', () => {
    const records = [
      { score: 1, a: 'y', b: 1, at: Date.UTC(2024, 1, 1) },
      { score: 1, a: 'x', b: 2, at: Date.UTC(2024, 0, 1) },
      { score: 1, a: 'y', b: 1, at: Date.UTC(2023, 11, 1) },
      { score: 1, a: 'x', b: 1, at: Date.UTC(2024, 1, 1) },
      { score: 1, a: 'x', b: 1, at: Date.UTC(2024, 0, 1) },
    ];
    const t = segmentCounts(records, { metric: 'nps', value: 'score', by: ['a', 'b'], period: { field: 'at', unit: 'month', timeZone: 'UTC' } });
    expect(t.cells.map((c) => [c.key.a, c.key.b, c.period])).toEqual([
      ['x', 1, '2024-01'],
      ['x', 1, '2024-02'],
      ['x', 2, '2024-01'],
      ['y', 1, '2023-12'],
      ['y', 1, '2024-02'],
    ]);
    const labels = segmentCounts(records, { metric: 'nps', value: 'score', by: 'a', period: { field: (r: { b: number }) => `b${r.b}`, order: ['b2', 'b1'] } });
    expect(labels.cells.map((c) => [c.key.a, c.period])).toEqual([
      ['x', 'b2'],
      ['x', 'b1'],
      ['y', 'b1'],
    ]);
  });

  it('returns a frozen copy of the period settings', () => {
    const t = segmentCounts([{ score: 1, c: 'x' }], { metric: 'nps', value: 'score', period: { field: 'c', order: ['x', 'y'] } });
    expect(t.period).toEqual({ field: 'c', unit: null, order: ['x', 'y'], fixed: true });
    expect(Object.isFrozen(t.period)).toBe(true);
    expect(Object.isFrozen((t.period as { readonly order: readonly string[] }).order)).toBe(true);
  });
});
