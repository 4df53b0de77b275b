/**
 * From tallies to rows of results (filled-in periods, totals, minCount,
 * complete and incomplete periods), and tables of results read back by
 * `changes` and `trend`: their options, their refusals, the baselines, the
 * tests chosen and the slopes they give.
 */
import { describe, expect, it } from 'vitest';
import { cochranArmitage, weightedSlope } from '../../src/core/stats/trend.js';
import { describeBadTime } from '../../src/core/time/time.js';
import {
  changes,
  compare,
  firstContactResolution,
  isMetricsError,
  npsCounts,
  type SegmentTable,
  segment,
  segmentCounts,
  segmentFromCounts,
  trend,
} from '../../src/index.js';
import { refusal } from '../helpers/errors.js';

type Json = Record<string, unknown>;
const copy = <T>(value: T): Json => JSON.parse(JSON.stringify(value)) as Json;

/** Answers `s` in label periods `p0`, `p1`, ... of one segment. */
const byPeriod = <E extends Json>(periods: readonly (readonly number[])[], extra: E = {} as E) =>
  periods.flatMap((scores, p) => scores.map((s) => ({ s, p: `p${p}`, ...extra })));
const labelled = (metric: string, periods: readonly (readonly number[])[], extra: Json = {}) =>
  segment(byPeriod(periods), { metric: metric as never, value: 's', period: { field: 'p' }, ...extra });

describe('result options', () => {
  it('takes totals and fill only as booleans', () => {
    expect(refusal(() => segment([], { metric: 'nps', value: 's', totals: 'yes' as never }))).toEqual({
      metric: 'segment',
      code: 'invalid-type',
      path: ['options', 'totals'],
      message: 'expected true or false, received "yes"',
    });
    expect(refusal(() => segment([], { metric: 'nps', value: 's', fill: 1 as never }))).toEqual({
      metric: 'segment',
      code: 'invalid-type',
      path: ['options', 'fill'],
      message: 'expected true or false, received 1',
    });
  });

  it('takes minCount only as a non-negative safe integer', () => {
    const message = (received: string) => ({
      metric: 'segment',
      code: 'out-of-range',
      path: ['options', 'minCount'],
      message: `expected a minimum count, a non-negative integer, received ${received}`,
    });
    const minCount = (value: unknown) => refusal(() => segment([], { metric: 'nps', value: 's', minCount: value as never }));
    expect(minCount(-1)).toEqual(message('-1'));
    expect(minCount(1.5)).toEqual(message('1.5'));
    expect(minCount(2 ** 53)).toEqual(message('9007199254740992'));
    expect(minCount(Number.NaN)).toEqual(message('NaN'));
    expect(minCount('3')).toEqual(message('string'));
    expect(minCount(null)).toEqual(message('object'));
    expect(segment([{ s: 1 }], { metric: 'nps', value: 's', minCount: 0 }).minCount).toBe(0);
  });

  it('refuses an asOf that is not a time', () => {
    expect(refusal(() => segment([], { metric: 'nps', value: 's', asOf: '2024-01-01' }))).toEqual({
      metric: 'segment',
      code: 'invalid-value',
      path: ['options', 'asOf'],
      message: describeBadTime('2024-01-01').message,
    });
  });

  it('checks the metric options of segmentFromCounts as the metric does', () => {
    const counts = segmentCounts([{ s: 9 }], { metric: 'nps', value: 's' });
    let message = '';
    try {
      npsCounts([], { interval: 'wide' as never });
    } catch (error) {
      message = isMetricsError(error) ? error.issues[0]!.message : '';
    }
    expect(refusal(() => segmentFromCounts(counts, { options: { interval: 'wide' as never } }))).toEqual({
      metric: 'segmentFromCounts',
      code: 'invalid-value',
      path: ['options', 'options', 'interval'],
      message,
    });
  });

  it('reports a cell’s tally that the metric finds inconsistent under the counts', () => {
    const counts = copy(segmentCounts([{ recommend: 9, repurchase: 8, upsell: 5 }], { metric: 'loyaltyIndex' }));
    const cell = (counts.cells as Json[])[0]!;
    cell.counts = { ...(cell.counts as Json), sums: { recommend: 50, repurchase: 8, upsell: 5 } };
    const r = refusal(() => segmentFromCounts(counts as never));
    expect(r).toMatchObject({ metric: 'segmentFromCounts', code: 'inconsistent', message: 'expected a sum from 0 to 10 for 1 respondents, received 50' });
    expect(r.path).toEqual(['counts', 'cells', 0, 'counts', 'sums', 'recommend']);
  });

  it('fills at most 10,000 empty periods, counted over all segments', () => {
    const order = Array.from({ length: 10_003 }, (_, i) => `L${i}`);
    const spec = { metric: 'nps', value: 's', by: 'g', period: { field: 'c', order } } as const;
    const tooMany = {
      metric: 'segment',
      code: 'out-of-range',
      path: ['options', 'fill'],
      message:
        "expected at most 10000 empty periods to fill in between the segments' first and last (a placeholder date?), received more: filter the records or set fill: false",
    };
    const ends = (last: string, g = 'a') => [
      { s: 1, g, c: 'L0' },
      { s: 1, g, c: last },
    ];
    expect(refusal(() => segment(ends('L10002'), spec))).toEqual(tooMany);
    expect(refusal(() => segment([...ends('L5001', 'a'), ...ends('L5002', 'b')], spec))).toEqual(tooMany);
    expect(segment(ends('L10002'), { ...spec, fill: false }).rows.length).toBe(2);
    const most = segment([...ends('L5001', 'a'), ...ends('L5001', 'b')], spec);
    expect(most.rows.length).toBe(10_004);
    expect(most.rows.filter((r) => r.flags.includes('no-records')).length).toBe(10_000);
  });
});

describe('rows', () => {
  it('counts the answers of every metric against minCount', () => {
    const cases: [string, Json[], Json, number][] = [
      ['nps', [{ s: 10 }, { s: 7 }, { s: 0 }], { value: 's' }, 3],
      ['csat', [{ s: 5 }, { s: 1 }], { value: 's' }, 2],
      ['ces', [{ s: 7 }, { s: 1 }], { value: 's' }, 2],
      [
        'loyaltyIndex',
        [
          { recommend: 9, repurchase: 8, upsell: 5 },
          { recommend: 2, repurchase: 3, upsell: 4 },
        ],
        {},
        2,
      ],
      [
        'firstContactResolution',
        [
          { contacts: 1, resolved: true },
          { contacts: 2, resolved: false },
        ],
        {},
        2,
      ],
      [
        'timeToResolution',
        [
          { openedAt: 0, resolvedAt: 10 },
          { openedAt: 5, resolvedAt: null },
        ],
        {},
        2,
      ],
      [
        'firstResponseTime',
        [
          { openedAt: 0, firstRespondedAt: 10 },
          { openedAt: 5, firstRespondedAt: null },
        ],
        {},
        2,
      ],
      ['repurchaseRate', [{ s: 3 }, { s: 1 }], { value: 's' }, 2],
      ['upsellRatio', [{ upgraded: true }, { upgraded: false }], {}, 2],
    ];
    for (const [metric, records, spec, size] of cases) {
      const at = (minCount: number) => (segment(records, { metric, ...spec, minCount } as never) as SegmentTable).rows[0]!;
      expect(at(size).flags, `${metric} at its size`).toEqual([]);
      expect(at(size + 1).flags, `${metric} above its size`).toEqual(['below-min-count']);
      expect(at(size + 1).result.value, `${metric} above its size`).toBeNull();
    }
  });

  it('flags filled-in periods of every metric as without records', () => {
    const cases: [string, Json, Json][] = [
      ['csat', { s: 4 }, { value: 's' }],
      ['ces', { s: 4 }, { value: 's' }],
      ['loyaltyIndex', { recommend: 9, repurchase: 8, upsell: 5 }, {}],
      ['firstContactResolution', { contacts: 1, resolved: true }, {}],
      ['timeToResolution', { openedAt: 0, resolvedAt: 10 }, {}],
      ['firstResponseTime', { openedAt: 0, firstRespondedAt: 10 }, {}],
      ['repurchaseRate', { s: 2 }, { value: 's' }],
      ['upsellRatio', { upgraded: true }, {}],
    ];
    for (const [metric, record, spec] of cases) {
      const t = segment(
        [
          { ...record, c: 'a' },
          { ...record, c: 'c' },
        ],
        { metric: metric as never, ...spec, period: { field: 'c', order: ['a', 'b', 'c'] } },
      );
      expect(
        t.rows.map((r) => r.flags),
        metric,
      ).toEqual([[], ['no-records'], []]);
    }
  });

  it('gives filled-in rows the empty tally and one shared result', () => {
    const t = labelled('nps', [[10], [], [], [0]], { period: { field: 'p', order: ['p0', 'p1', 'p2', 'p3'] } });
    expect(t.rows.map((r) => r.period!.label)).toEqual(['p0', 'p1', 'p2', 'p3']);
    expect(t.rows[1]!.counts).toEqual(npsCounts([]));
    expect(t.rows[1]!.result).toBe(t.rows[2]!.result);
    expect(t.rows[0]!.result).not.toBe(t.rows[3]!.result);
  });

  it('lists a row’s flags in one order', () => {
    const t = segment(
      [
        { s: 9, at: Date.UTC(2024, 0, 10) },
        { s: 9, at: Date.UTC(2024, 2, 10) },
      ],
      { metric: 'nps', value: 's', period: { field: 'at', unit: 'month', timeZone: 'UTC' }, asOf: Date.UTC(2024, 1, 10), minCount: 1 },
    );
    expect(t.rows.map((r) => r.flags)).toEqual([[], ['incomplete-period', 'below-min-count', 'no-records'], ['incomplete-period']]);
  });

  it('counts a period complete when asOf is exactly its end', () => {
    const t = segment(
      [
        { s: 9, at: Date.UTC(2024, 2, 31, 23) },
        { s: 9, at: Date.UTC(2024, 3, 1) },
      ],
      { metric: 'nps', value: 's', period: { field: 'at', unit: 'month', timeZone: 'UTC' }, asOf: Date.UTC(2024, 3, 1) },
    );
    expect(t.rows.map((r) => r.period)).toEqual([
      { label: '2024-03', start: '2024-03-01T00:00:00+00:00', end: '2024-04-01T00:00:00+00:00', complete: true },
      { label: '2024-04', start: '2024-04-01T00:00:00+00:00', end: '2024-05-01T00:00:00+00:00', complete: false },
    ]);
  });

  it('gives rows of a table without periods no period, totals included', () => {
    const t = segment(
      [
        { s: 10, g: 'a' },
        { s: 0, g: 'b' },
      ],
      { metric: 'nps', value: 's', by: 'g', totals: true },
    );
    expect(t.rows.map((r) => [r.key, r.period, r.counts])).toEqual([
      [{ g: 'a' }, null, npsCounts([10])],
      [{ g: 'b' }, null, npsCounts([0])],
      [{ g: null }, null, npsCounts([10, 0])],
    ]);
  });

  it('blanks the value, and the interval only where the result has one', () => {
    const plain = segment([{ s: 10 }], { metric: 'nps', value: 's', minCount: 2 }).rows[0]!.result;
    expect(plain.value).toBeNull();
    expect('interval' in plain).toBe(false);
    const withInterval = segment([{ s: 10 }], { metric: 'nps', value: 's', minCount: 2, options: { interval: true } }).rows[0]!.result;
    expect(withInterval.interval).toBeNull();
  });

  it('keeps the metric options as plain JSON, copied, without weights', () => {
    const businessHours = { timeZone: 'UTC', days: { mon: ['09:00', '17:00'] as [string, string] }, holidays: ['2026-01-01'] };
    const options = { open: 'censor', asOf: new Date('2026-03-04T00:00:00Z'), businessHours } as const;
    const t = segment([{ openedAt: '2026-03-02T09:00:00Z', resolvedAt: '2026-03-02T10:00:00Z' }], { metric: 'timeToResolution', options });
    expect(JSON.stringify(t.options)).toBe(
      '{"open":"censor","asOf":1772582400000,"businessHours":{"timeZone":"UTC","days":{"mon":["09:00","17:00"]},"holidays":["2026-01-01"]}}',
    );
    expect(Object.isFrozen(t.options)).toBe(true);
    expect(Object.isFrozen(businessHours)).toBe(false);
    expect(Object.isFrozen(businessHours.days.mon)).toBe(false);
    expect(Object.isFrozen(businessHours.holidays)).toBe(false);
    const weighted = segment([{ s: 10, w: 2 }], { metric: 'nps', value: 's', weight: 'w', options: { interval: { level: 0.9 } } });
    expect(weighted.options).toEqual({ interval: { level: 0.9 } });
  });
});

describe('reading a table of results back', () => {
  const table = labelled('nps', [
    [10, 10, 0],
    [10, 0, 0],
  ]);

  it('refuses anything but a table of results, with rows, options and a minCount', () => {
    const read = (t: unknown) => refusal(() => changes(t as never));
    expect(read(5)).toEqual({
      metric: 'changes',
      code: 'invalid-type',
      path: ['table'],
      message: "expected a segment table from segment or segmentFromCounts { kind: 'segmentTable', ... }, received 5",
    });
    expect(read({ ...copy(table), kind: 'segmentCounts' })).toMatchObject({ code: 'invalid-type', path: ['table'] });
    expect(read({ ...copy(table), rows: 'x' })).toEqual({
      metric: 'changes',
      code: 'invalid-type',
      path: ['table', 'rows'],
      message: 'expected the table\'s rows, received "x"',
    });
    expect(read({ ...copy(table), options: null })).toEqual({
      metric: 'changes',
      code: 'invalid-type',
      path: ['table', 'options'],
      message: "expected the metric's options, received null",
    });
    for (const [minCount, received] of [
      [-1, '-1'],
      [0.5, '0.5'],
      ['2', '"2"'],
      [undefined, 'undefined'],
    ] as const) {
      expect(read({ ...copy(table), minCount })).toEqual({
        metric: 'changes',
        code: 'out-of-range',
        path: ['table', 'minCount'],
        message: `expected a non-negative integer, received ${received}`,
      });
    }
  });

  it('refuses a row that is not an object, and checks each row’s key, period and tally at the row', () => {
    const withRow = (i: number, row: unknown) => {
      const t = copy(table);
      (t.rows as unknown[])[i] = row;
      return refusal(() => trend(t as never));
    };
    const row = copy(table.rows[1]);
    expect(withRow(1, 5)).toEqual({
      metric: 'trend',
      code: 'invalid-type',
      path: ['table', 'rows', 1],
      message: 'expected a row { key, period, counts, ... }, received 5',
    });
    expect(withRow(1, { ...row, period: 'p1' })).toEqual({
      metric: 'trend',
      code: 'invalid-value',
      path: ['table', 'rows', 1, 'period'],
      message: "expected a label listed in the table's period order, received undefined",
    });
    expect(withRow(1, { ...row, key: { g: 'x' } })).toMatchObject({ code: 'unknown-key', path: ['table', 'rows', 1, 'key', 'g'] });
    expect(withRow(0, { ...row, counts: { ...(row.counts as Json), detractors: -1 } })).toMatchObject({
      code: 'out-of-range',
      path: ['table', 'rows', 0, 'counts', 'detractors'],
    });
    expect(refusal(() => changes({ ...copy(table), by: 'g' } as never))).toMatchObject({ code: 'invalid-value', path: ['table', 'by'] });
  });

  it('refuses a metric without a test, and the repurchase rate by repurchases', () => {
    const ttr = segment([{ openedAt: 0, resolvedAt: 10 }], { metric: 'timeToResolution' });
    expect(refusal(() => changes(ttr, { against: 'total' }))).toEqual({
      metric: 'changes',
      code: 'invalid-value',
      path: ['table', 'metric'],
      message: 'timeToResolution results cannot be compared: durations are skewed and censored, and no test of medians is provided',
    });
    const purchases = [{ s: 3 }, { s: 1 }, { s: 0 }];
    const repurchases = segment(purchases, { metric: 'repurchaseRate', value: 's', options: { method: 'repurchases' } });
    expect(refusal(() => changes(repurchases, { against: 'total' }))).toEqual({
      metric: 'changes',
      code: 'invalid-value',
      path: ['table', 'options', 'method'],
      message: "repurchaseRate by 'repurchases' is purchases per customer, not a proportion of customers, and has no test: segment by 'customers'",
    });
    const customers = segment(purchases, { metric: 'repurchaseRate', value: 's', options: { method: 'customers' } });
    expect(changes(customers, { against: 'total' }).rows.length).toBe(1);
  });

  it('reports the table’s metric options as the table’s', () => {
    const t = {
      ...copy(
        labelled('csat', [
          [5, 1],
          [5, 5, 1],
          [5, 5, 5],
        ]),
      ),
      options: { interval: 'wide' },
    };
    for (const fn of [() => changes(t as never), () => trend(t as never)]) {
      const r = refusal(fn);
      expect(r.code).toBe('invalid-value');
      expect(r.path[0]).toBe('table');
      expect(r.path.slice(-2)).toEqual(['options', 'interval']);
    }
  });

  it('tells cells from totals, with and without periods', () => {
    const records = [
      { s: 10, g: 'a', p: 'x' },
      { s: 0, g: 'b', p: 'x' },
      { s: 9, g: 'a', p: 'y' },
      { s: 5, g: 'b', p: 'y' },
    ];
    const flat = segment(records, { metric: 'nps', value: 's', by: 'g', totals: true });
    expect(changes(flat, { against: 'rest' }).rows.map((r) => r.key)).toEqual([{ g: 'a' }, { g: 'b' }]);
    const periods = segment(records, { metric: 'nps', value: 's', by: 'g', period: { field: 'p' }, totals: true });
    expect(changes(periods).rows.map((r) => [r.key.g, r.period!.label])).toEqual([
      ['a', 'x'],
      ['a', 'y'],
      ['b', 'x'],
      ['b', 'y'],
    ]);
    expect(trend(periods).rows.map((r) => [r.key, r.periods, r.flags])).toEqual([
      [{ g: 'a' }, 2, ['too-few-periods']],
      [{ g: 'b' }, 2, ['too-few-periods']],
      [{ g: null }, 2, ['too-few-periods']],
    ]);
  });
});

describe('changes', () => {
  const records = [
    ...byPeriod(
      [
        [10, 10, 10, 0],
        [10, 0, 0, 0],
        [10, 10, 8],
      ],
      { g: 'a' },
    ),
    ...byPeriod(
      [
        [0, 0],
        [10, 10, 10],
        [8, 8, 8],
      ],
      { g: 'b' },
    ),
  ];
  const table = segment(records, { metric: 'nps', value: 's', by: 'g', period: { field: 'p' } });
  const scoresOf = (g: string, p: string) => records.filter((r) => r.g === g && r.p === p).map((r) => r.s);

  it('refuses options that are not an object, or keys it does not know', () => {
    expect(refusal(() => changes(table, 5 as never))).toEqual({
      metric: 'changes',
      code: 'invalid-type',
      path: ['options'],
      message: 'expected an options object (a plain object), received 5',
    });
    expect(refusal(() => changes(table, { scores: 'index' } as never))).toEqual({
      metric: 'changes',
      code: 'unknown-key',
      path: ['options', 'scores'],
      message: 'unknown key "scores"',
    });
  });

  it('names the adjustments, baselines, methods and scales it takes', () => {
    expect(refusal(() => changes(table, { adjust: 'bonferroni' as never }))).toEqual({
      metric: 'changes',
      code: 'invalid-value',
      path: ['options', 'adjust'],
      message: 'expected "holm", "bh" or "none", received "bonferroni"',
    });
    expect(refusal(() => changes(table, { against: 'last' as never }))).toEqual({
      metric: 'changes',
      code: 'invalid-value',
      path: ['options', 'against'],
      message: 'expected "previous", "first", "rest" or "total", received "last"',
    });
    expect(refusal(() => changes(table, { method: 'exact' as never }))).toEqual({
      metric: 'changes',
      code: 'invalid-value',
      path: ['options', 'method'],
      message: 'expected "adjusted-wald", "wald", "n-1", "welch", received "exact"',
    });
    expect(refusal(() => changes(table, { on: 'median' as never }))).toEqual({
      metric: 'changes',
      code: 'invalid-value',
      path: ['options', 'on'],
      message: 'expected "percent" or "mean", received "median"',
    });
    expect(refusal(() => changes(table, { method: 'welch' }))).toEqual({
      metric: 'changes',
      code: 'invalid-value',
      path: ['options', 'method'],
      message: 'expected "adjusted-wald" or "wald" for nps, received "welch"',
    });
    expect(refusal(() => changes(table, { level: 1 }))).toMatchObject({ metric: 'changes', path: ['options', 'level'] });
  });

  it('needs periods for the previous or first period, not for the rest or the total', () => {
    const flat = segment(records, { metric: 'nps', value: 's', by: 'g' });
    for (const against of ['previous', 'first'] as const) {
      expect(refusal(() => changes(flat, { against }))).toEqual({
        metric: 'changes',
        code: 'inconsistent',
        path: ['options', 'against'],
        message: `expected a table with periods for against: "${against}", received one without`,
      });
    }
    expect(refusal(() => changes(flat))).toMatchObject({ code: 'inconsistent', path: ['options', 'against'] });
    const rest = changes(flat, { against: 'rest' });
    expect(rest.rows[0]!.comparison).toEqual(
      compare(
        segment(
          records.filter((r) => r.g === 'a'),
          { metric: 'nps', value: 's' },
        ).rows[0]!.result,
        segment(
          records.filter((r) => r.g === 'b'),
          { metric: 'nps', value: 's' },
        ).rows[0]!.result,
        { level: 0.95 },
      ),
    );
    expect(changes(flat, { against: 'total' }).rows.length).toBe(2);
  });

  it('compares each cell with its segment’s previous period in time, whatever the order of the rows', () => {
    const shuffled = { ...copy(table), rows: [...(copy(table).rows as unknown[])].reverse() };
    const c = changes(shuffled as never, { adjust: 'none' });
    expect(c.rows.map((r) => [r.key.g, r.period!.label, r.against.period, r.flags])).toEqual([
      ['b', 'p2', 'p1', []],
      ['b', 'p1', 'p0', []],
      ['b', 'p0', null, ['no-baseline']],
      ['a', 'p2', 'p1', []],
      ['a', 'p1', 'p0', []],
      ['a', 'p0', null, ['no-baseline']],
    ]);
    const npsOf = (scores: number[]) =>
      segment(
        scores.map((s) => ({ s })),
        { metric: 'nps', value: 's' },
      ).rows[0]!.result;
    expect(c.rows[3]!.comparison).toEqual(compare(npsOf(scoresOf('a', 'p2')), npsOf(scoresOf('a', 'p1')), { level: 0.95 }));
    expect(c.comparisons).toBe(4);
    for (const row of c.rows) {
      expect(row.pAdjusted).toBe(row.comparison?.pValue ?? null);
      expect(row.significant).toBe(row.pAdjusted === null ? null : row.pAdjusted < 0.05);
    }
  });

  it('compares with the first period, the other segments, or all of them', () => {
    const first = changes(table, { against: 'first' });
    expect(first.rows.map((r) => r.against)).toEqual([
      { baseline: 'first', period: null },
      { baseline: 'first', period: 'p0' },
      { baseline: 'first', period: 'p0' },
      { baseline: 'first', period: null },
      { baseline: 'first', period: 'p0' },
      { baseline: 'first', period: 'p0' },
    ]);
    const total = changes(table, { against: 'total', level: 0.9 });
    const npsOf = (scores: number[]) =>
      segment(
        scores.map((s) => ({ s })),
        { metric: 'nps', value: 's' },
      ).rows[0]!.result;
    expect(total.rows[0]!.comparison).toEqual(compare(npsOf(scoresOf('a', 'p0')), npsOf([...scoresOf('a', 'p0'), ...scoresOf('b', 'p0')]), { level: 0.9 }));
    expect(total.rows[0]!.against).toEqual({ baseline: 'total', period: 'p0' });
    const alone = changes(
      segment(
        records.filter((r) => r.g === 'a'),
        { metric: 'nps', value: 's', by: 'g', period: { field: 'p' } },
      ),
      { against: 'rest' },
    );
    expect(alone.rows.map((r) => r.flags)).toEqual([['no-baseline'], ['no-baseline'], ['no-baseline']]);
    expect(alone.comparisons).toBe(0);
  });

  it('compares a cell and a baseline with exactly minCount answers, and not one with fewer', () => {
    const at = (minCount: number) => changes(segment(records, { metric: 'nps', value: 's', by: 'g', period: { field: 'p' }, minCount }), { against: 'rest' });
    expect(at(3).rows.map((r) => r.flags)).toEqual([['below-min-count'], [], [], ['below-min-count'], [], []]);
    expect(at(3).rows[0]!.against).toEqual({ baseline: 'rest', period: 'p0' });
    expect(at(3).rows[3]!.against).toEqual({ baseline: 'rest', period: 'p0' });
    expect(at(3).rows[3]!.comparison).toBeNull();
    expect(at(2).rows.map((r) => r.flags)).toEqual([[], [], [], [], [], []]);
    expect(at(5).comparisons).toBe(0);
  });

  it('flags a comparison without a test as untestable and leaves it out of the family', () => {
    const same = segment(
      [
        { s: 4, p: 'x' },
        { s: 4, p: 'y' },
      ],
      { metric: 'csat', value: 's', period: { field: 'p' } },
    );
    const mean = changes(same, { on: 'mean' });
    expect(mean.rows[1]!.flags).toEqual(['untestable']);
    expect(mean.rows[1]!.comparison!.pValue).toBeNull();
    expect([mean.rows[1]!.pAdjusted, mean.rows[1]!.significant, mean.comparisons]).toEqual([null, null, 0]);
    const percent = changes(same, { on: 'percent' });
    expect(percent.rows[1]!.comparison).toEqual(compare(same.rows[1]!.result, same.rows[0]!.result, { level: 0.95, on: 'percent' }));
  });

  it('refuses a baseline whose merged counts would pass 2^53', () => {
    const big = { ...npsCounts([10]), promoters: 2 ** 52 };
    const t = copy(
      segment(
        [
          { s: 10, g: 'a' },
          { s: 10, g: 'b' },
          { s: 10, g: 'c' },
        ],
        { metric: 'nps', value: 's', by: 'g' },
      ),
    );
    for (const row of t.rows as Json[]) row.counts = big;
    const r = refusal(() => changes(t as never, { against: 'rest' }));
    expect(r).toMatchObject({ metric: 'changes', code: 'out-of-range' });
    expect(r.path[0]).toBe('table');
  });
});

describe('trend', () => {
  const csat = labelled('csat', [
    [5, 1, 1, 1],
    [5, 5, 1, 1],
    [5, 5, 5, 1],
  ]);

  it('refuses options it does not know, and scores other than index or days', () => {
    expect(refusal(() => trend(csat, { scores: 'log' as never }))).toEqual({
      metric: 'trend',
      code: 'invalid-value',
      path: ['options', 'scores'],
      message: 'expected "index" or "days", received "log"',
    });
    expect(refusal(() => trend(csat, [] as never))).toEqual({
      metric: 'trend',
      code: 'invalid-type',
      path: ['options'],
      message: 'expected an options object (a plain object), received an array',
    });
    expect(refusal(() => trend(csat, { against: 'previous' } as never))).toEqual({
      metric: 'trend',
      code: 'unknown-key',
      path: ['options', 'against'],
      message: 'unknown key "against"',
    });
  });

  it('needs periods, calendar periods for days, and a survey scale for on', () => {
    expect(refusal(() => trend(segment([{ s: 4 }], { metric: 'csat', value: 's' })))).toEqual({
      metric: 'trend',
      code: 'inconsistent',
      path: ['table', 'period'],
      message: 'expected a table with periods, received one without',
    });
    expect(refusal(() => trend(csat, { scores: 'days' }))).toEqual({
      metric: 'trend',
      code: 'inconsistent',
      path: ['options', 'scores'],
      message: "expected scores: 'days' only for calendar periods, received label periods",
    });
    const fcr = segment([{ contacts: 1, resolved: true, p: 'a' }], { metric: 'firstContactResolution', period: { field: 'p' } });
    expect(refusal(() => trend(fcr, { on: 'percent' }))).toEqual({
      metric: 'trend',
      code: 'inconsistent',
      path: ['options', 'on'],
      message: 'expected on only for csat and ces, received a table of firstContactResolution',
    });
  });

  it('tests proportions by Cochran-Armitage, in percentage points per period', () => {
    const fit = cochranArmitage([1, 2, 3], [4, 4, 4], [0, 1, 2], 0.95)!;
    const expected = {
      key: {},
      periods: 3,
      slope: fit.slope * 100,
      interval: { lower: fit.lower * 100, upper: fit.upper * 100, level: 0.95, standardError: fit.standardError * 100 },
      statistic: fit.statistic,
      pValue: fit.pValue,
      pAdjusted: fit.pValue,
      significant: fit.pValue < 0.05,
      test: 'cochran-armitage',
      flags: [],
    };
    expect(trend(csat).rows).toEqual([expected]);
    expect(trend(csat, { on: 'percent' }).rows).toEqual([expected]);
    const tickets = (resolved: boolean[]) => resolved.map((r) => ({ contacts: r ? 1 : 2, resolved: true }));
    const fcr = segment(
      [tickets([true, false, false, false]), tickets([true, true, false, false]), tickets([true, true, true, false])].flatMap((list, p) =>
        list.map((t) => ({ ...t, p: `p${p}` })),
      ),
      { metric: 'firstContactResolution', period: { field: 'p' } },
    );
    expect(firstContactResolution(tickets([true, false, false, false])).value).toBe(25);
    expect(trend(fcr).rows).toEqual([expected]);
    const upsell = segment(
      [[true], [true, true], [true, true, true]].flatMap((ups, p) => [...ups, ...Array(4 - ups.length).fill(false)].map((u) => ({ upgraded: u, p: `p${p}` }))),
      { metric: 'upsellRatio', period: { field: 'p' } },
    );
    expect(trend(upsell).rows[0]!.test).toBe('cochran-armitage');
  });

  it('tests means, and CES on the mean, by weighted least squares', () => {
    const ces = labelled('ces', [
      [1, 3],
      [2, 4],
      [5, 7],
    ]);
    const fit = weightedSlope([2, 3, 6], [1, 1, 1], [0, 1, 2], 0.95)!;
    expect(trend(ces, { on: 'mean', adjust: 'none' }).rows).toEqual([
      {
        key: {},
        periods: 3,
        slope: fit.slope,
        interval: { lower: fit.lower, upper: fit.upper, level: 0.95, standardError: fit.standardError },
        statistic: fit.statistic,
        pValue: fit.pValue,
        pAdjusted: fit.pValue,
        significant: true,
        test: 'weighted-least-squares',
        flags: [],
      },
    ]);
    expect(trend(ces).rows[0]!.test).toBe('cochran-armitage');
    expect(trend(csat, { on: 'mean' }).rows[0]!.test).toBe('weighted-least-squares');
    const loyalty = segment(
      [9, 7, 5].flatMap((r, p) => [
        { recommend: r, repurchase: r, upsell: r, p: `p${p}` },
        { recommend: r - 2, repurchase: r, upsell: r, p: `p${p}` },
      ]),
      { metric: 'loyaltyIndex', period: { field: 'p' } },
    );
    expect(trend(loyalty).rows[0]!.test).toBe('weighted-least-squares');
  });

  it('flags a period without variance as untestable', () => {
    const untestable = {
      key: {},
      periods: 3,
      slope: null,
      interval: null,
      statistic: null,
      pValue: null,
      pAdjusted: null,
      significant: null,
      test: 'weighted-least-squares',
      flags: ['untestable'],
    };
    const flat = trend(
      labelled('ces', [
        [1, 3],
        [4, 4],
        [5, 7],
      ]),
      { on: 'mean' },
    );
    expect(flat.rows).toEqual([untestable]);
    expect(flat.tests).toBe(0);
    expect(trend(labelled('ces', [[1, 3], [4], [5, 7]]), { on: 'mean' }).rows).toEqual([untestable]);
    expect(trend(labelled('csat', [[5, 5], [5], [5, 5, 5]])).rows).toEqual([{ ...untestable, test: 'cochran-armitage' }]);
  });

  it('uses the periods with at least minCount answers, in time order whatever the order of the rows', () => {
    const t = labelled(
      'csat',
      [
        [5, 1, 1, 1],
        [5, 5],
        [5, 5, 1, 1],
        [5, 5, 5, 1],
      ],
      { minCount: 3 },
    );
    const fit = cochranArmitage([1, 2, 3], [4, 4, 4], [0, 2, 3], 0.95)!;
    const shuffled = { ...copy(t), rows: [...(copy(t).rows as unknown[])].reverse() };
    for (const table of [t, shuffled]) {
      const row = trend(table as never).rows[0]!;
      expect(row.periods).toBe(3);
      expect(row.slope).toBe(fit.slope * 100);
      expect(row.statistic).toBe(fit.statistic);
    }
    const few = trend(
      labelled(
        'csat',
        [
          [5, 1, 1, 1],
          [5, 5],
          [5, 5, 1, 1],
        ],
        { minCount: 3 },
      ),
    );
    expect(few.rows[0]).toMatchObject({ periods: 2, slope: null, flags: ['too-few-periods'] });
    const gaps = trend(labelled('csat', [[5, 1], [], [5, 5, 1], [5, 5]], { period: { field: 'p', order: ['p0', 'p1', 'p2', 'p3'] } }));
    expect(gaps.rows[0]!.periods).toBe(3);
    expect(gaps.rows[0]!.slope).toBe(cochranArmitage([1, 2, 2], [2, 3, 2], [0, 2, 3], 0.95)!.slope * 100);
  });
});
