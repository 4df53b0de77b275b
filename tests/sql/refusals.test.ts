/**
 * What the SQL helpers say when they refuse: the operation, code, path and
 * message of each refusal of `tallyFromRows`, `mrrSeriesFromRows` and the
 * query options; and the forms of counts, weights and amounts that engines
 * return and that these read.
 */
import { describe, expect, it } from 'vitest';
import { isMetricsError, mrrSeriesCounts, type SegmentCountsSpec, segmentCounts } from '../../src/index.js';
import { mrrSeriesFromRows, tallyFromRows, tallyQuery } from '../../src/sql/index.js';
import { refusal } from '../helpers/errors.js';

const nps = { metric: 'nps', value: 'score', by: 'region', period: { field: 'at', unit: 'month', timeZone: 'Europe/Berlin' } } as SegmentCountsSpec;
const good = { k1: 'EU', p: '2024-03-01', v1: 9, n: 2n };
const ttr = { metric: 'timeToResolution', value: { openedAt: 'opened', resolvedAt: 'resolved' } } as SegmentCountsSpec;
const COUNT = 'expected a count of rows, a positive integer below 2^53, received';

/** `[operation, code, path, message]` of a refusal, for a table of them. */
function said(fn: () => unknown): [string, string, readonly (string | number)[], string] {
  const r = refusal(fn);
  return [r.metric, r.code, r.path, r.message];
}

describe('tallyFromRows', () => {
  it('refuses rows that are not the query’s, saying what it expected', () => {
    const cases: [() => unknown, string, (string | number)[], string][] = [
      [() => tallyFromRows('rows' as never, nps), 'invalid-type', ['rows'], 'expected an array of rows, received "rows"'],
      [() => tallyFromRows(['EU'] as never, nps), 'invalid-type', ['rows', 0], 'expected a row object, received "EU"'],
      [() => tallyFromRows([{ ...good, extra: 1 }], nps), 'unknown-key', ['rows', 0, 'extra'], 'unknown column "extra"; expected k1, p, v1, n'],
      [() => tallyFromRows([{ k1: 'EU', p: '2024-03-01', v1: 9 }], nps), 'missing-value', ['rows', 0, 'n'], 'expected the column "n"'],
      [() => tallyFromRows([{ ...good, n: 0 }], nps), 'invalid-value', ['rows', 0, 'n'], `${COUNT} 0`],
      [() => tallyFromRows([{ ...good, n: '1e3' }], nps), 'invalid-value', ['rows', 0, 'n'], `${COUNT} "1e3"`],
      [() => tallyFromRows([{ ...good, n: ' 3' }], nps), 'invalid-value', ['rows', 0, 'n'], `${COUNT} " 3"`],
      [() => tallyFromRows([{ ...good, n: '3 ' }], nps), 'invalid-value', ['rows', 0, 'n'], `${COUNT} "3 "`],
      [() => tallyFromRows([{ ...good, n: '12345678901234567' }], nps), 'invalid-value', ['rows', 0, 'n'], `${COUNT} "12345678901234567"`],
      [() => tallyFromRows([{ ...good, n: '9007199254740992' }], nps), 'invalid-value', ['rows', 0, 'n'], `${COUNT} "9007199254740992"`],
      [() => tallyFromRows([{ ...good, n: 2n ** 53n }], nps), 'invalid-value', ['rows', 0, 'n'], `${COUNT} 9007199254740992n`],
      [() => tallyFromRows([{ ...good, n: -0 }], nps), 'invalid-value', ['rows', 0, 'n'], `${COUNT} -0`],
      [
        () => tallyFromRows([{ ...good, p: 20240301 }], nps),
        'invalid-value',
        ['rows', 0, 'p'],
        "expected the first day of a period as 'YYYY-MM-DD', received 20240301",
      ],
      [
        () => tallyFromRows([{ ...good, p: '2024-03-02' }], nps),
        'inconsistent',
        ['rows', 0, 'p'],
        'expected the first day of a period in Europe/Berlin: 2024-03-02 is in the period 2024-03, which starts on 2024-03-01',
      ],
      [
        () => tallyFromRows([good, { ...good, v1: 10, n: 2n ** 53n - 1n }], nps),
        'out-of-range',
        ['rows', 1, 'n'],
        'expected counts whose sum stays below 2^53',
      ],
      [
        () => tallyFromRows([{ ...good, v1: 2n ** 60n }], nps),
        'out-of-range',
        ['rows', 0, 'v1'],
        'expected an integer below 2^53 in magnitude, received 1152921504606846976n',
      ],
      [
        () => tallyFromRows([{ v1: 1000, v2: 2000, v3: 5, n: 1 }], ttr),
        'inconsistent',
        ['rows', 0, 'v3'],
        'expected either a duration or the instants of a ticket, received both',
      ],
      [
        () => tallyFromRows([{ v1: null, v2: null, v3: -5, n: 1 }], ttr),
        'invalid-value',
        ['rows', 0, 'v3'],
        'expected a duration in integer milliseconds, at least 0, received -5',
      ],
      [
        () => tallyFromRows([{ v1: '1000', v2: 'soon', v3: null, n: 1 }], ttr),
        'invalid-value',
        ['rows', 0, 'v2'],
        'expected an instant as integer epoch milliseconds, received "soon"',
      ],
    ];
    for (const [fn, code, path, message] of cases) expect(said(fn)).toEqual(['tallyFromRows', code, path, message]);
  });

  it('reads counts as numbers, bigints and digits up to 2^53 - 1', () => {
    const of = (n: unknown) => tallyFromRows([{ ...good, n }], nps).cells[0]!.counts;
    const three = { metric: 'nps', promoters: 3, passives: 0, detractors: 0, excluded: 0 };
    expect([of(3), of(3n), of('3'), of('0003')]).toEqual([three, three, three, three]);
    expect(of('9007199254740991')).toEqual({ metric: 'nps', promoters: 2 ** 53 - 1, passives: 0, detractors: 0, excluded: 0 });
  });

  it('reads a weight written as decimal text as the number it names, and leaves other text to the metric', () => {
    const weighted = { metric: 'nps', value: 'score', weight: 'w' } as SegmentCountsSpec;
    for (const [text, weight] of [
      ['0.5', 0.5],
      ['.5', 0.5],
      ['5.', 5],
      ['+2', 2],
      ['1e-3', 0.001],
      ['2E2', 200],
    ] as const) {
      const table = tallyFromRows([{ v1: 9, w: text, n: 1 }], weighted);
      expect(table).toEqual(segmentCounts({ score: [9], w: [weight] }, weighted));
    }
    const error = said(() => tallyFromRows([{ v1: 9, w: 'half', n: 1 }], weighted));
    expect(error.slice(0, 3)).toEqual(['tallyFromRows', 'invalid-type', ['rows', 0, 'w']]);
  });

  it('keeps the library’s refusal as the cause', () => {
    try {
      tallyFromRows([{ ...good, v1: 11 }], nps);
      expect.unreachable();
    } catch (error) {
      expect(isMetricsError(error) && isMetricsError(error.cause)).toBe(true);
    }
  });
});

describe('mrrSeriesFromRows', () => {
  const options = { period: { unit: 'month', timeZone: 'UTC' } } as const;
  const at = Date.parse('2025-01-20T09:00:00Z');

  it('refuses rows that are not the query’s, saying what it expected', () => {
    const cases: [unknown, string, (string | number)[], string][] = [
      ['rows', 'invalid-type', ['rows'], 'expected an array of rows, received "rows"'],
      [[5], 'invalid-type', ['rows', 0], 'expected a row object, received 5'],
      [[{ c: 'a', t: at, m: '1', d: 0, n: 1, x: 1 }], 'unknown-key', ['rows', 0, 'x'], 'unknown column "x"; expected c, t, m, d, n'],
      [[{ c: 'a', t: at, m: '1', n: 1 }], 'missing-value', ['rows', 0, 'd'], 'expected the column "d"'],
      [
        [{ c: 'a', t: at, m: '1', d: -1, n: 1 }],
        'invalid-value',
        ['rows', 0, 'd'],
        "expected the most decimals of the log's amounts, a non-negative integer, received -1",
      ],
      [[{ c: 'a', t: at, m: '1', d: 0, n: 0 }], 'inconsistent', ['rows', 0, 'n'], 'expected how many changes the log holds, at least the 1 rows, received 0'],
      [[{ c: 'a', t: 'soon', m: '1', d: 0, n: 1 }], 'invalid-value', ['rows', 0, 't'], 'expected an instant as integer epoch milliseconds, received "soon"'],
      [[{ c: 'a', t: at, m: '-1', d: 0, n: 1 }], 'out-of-range', ['rows', 0, 'm'], 'expected a non-negative amount, received "-1"'],
    ];
    for (const [rows, code, path, message] of cases)
      expect(said(() => mrrSeriesFromRows(rows as never, options))).toEqual(['mrrSeriesFromRows', code, path, message]);
  });

  it('writes each amount with the log’s most decimals, leaving longer ones and text as they are', () => {
    const row = (m: string, d: number) => [{ c: 'a', t: at, m, d, n: 1 }];
    const change = (m: string) => mrrSeriesCounts([{ customerId: 'a', at: '2025-01-20T09:00:00Z', mrr: m }], options);
    expect(mrrSeriesFromRows(row('5', 2), options)).toEqual(change('5.00'));
    expect(mrrSeriesFromRows(row('5.5', 2), options)).toEqual(change('5.50'));
    expect(mrrSeriesFromRows(row('5.125', 2), options)).toEqual(change('5.125'));
    expect(mrrSeriesFromRows(row('5', 0), options)).toEqual(change('5'));
    expect(said(() => mrrSeriesFromRows(row('five', 2), options)).slice(0, 3)).toEqual(['mrrSeriesFromRows', 'invalid-value', ['rows', 0, 'm']]);
  });
});

describe('the query options', () => {
  it('are refused with what they should be', () => {
    const cases: [unknown, string, (string | number)[], string][] = [
      ['x', 'invalid-type', ['query'], 'expected { dialect, from }, received "x"'],
      [{ dialect: 'duckdb', from: 't', x: 1 }, 'unknown-key', ['query', 'x'], 'unknown key "x"; expected dialect, from'],
      [{ dialect: 'oracle', from: 't' }, 'invalid-value', ['query', 'dialect'], 'expected one of duckdb, postgres, bigquery, spark, trino, received "oracle"'],
      [{ dialect: 'duckdb', from: 'a\u0000b' }, 'invalid-value', ['query', 'from'], 'expected a non-empty name without NUL characters, received "a\\u0000b"'],
      [{ dialect: 'duckdb', from: ['s', ''] }, 'invalid-value', ['query', 'from', 1], 'expected a non-empty name without NUL characters, received ""'],
      [{ dialect: 'duckdb', from: [] }, 'invalid-value', ['query', 'from'], 'expected the parts of a table name, received an empty list'],
      [
        { dialect: 'duckdb', from: { subquery: ' ' } },
        'invalid-type',
        ['query', 'from'],
        'expected a table name, the parts of one, or { subquery }, received an object',
      ],
      [
        { dialect: 'duckdb', from: { subquery: 'SELECT 1', x: 1 } },
        'invalid-type',
        ['query', 'from'],
        'expected a table name, the parts of one, or { subquery }, received an object',
      ],
      [
        { dialect: 'duckdb', from: { subquery: 5 } },
        'invalid-type',
        ['query', 'from'],
        'expected a table name, the parts of one, or { subquery }, received an object',
      ],
      [{ dialect: 'duckdb', from: 5 }, 'invalid-type', ['query', 'from'], 'expected a table name, the parts of one, or { subquery }, received 5'],
    ];
    for (const [query, code, path, message] of cases) expect(said(() => tallyQuery(nps, query as never))).toEqual(['tallyQuery', code, path, message]);
    expect(tallyQuery(nps, { dialect: 'duckdb', from: { subquery: 'SELECT 1' } }).sql).toContain('(SELECT 1) AS cxmetrics_source');
    expect(tallyQuery(nps, { dialect: 'duckdb', from: ['s', 't'] }).sql).toContain('"s"."t"');
  });
});
