/**
 * `tallyQuery` as text: the SQL of each dialect pinned by golden files
 * (BigQuery, Spark SQL and Trino cannot run here), hostile column and table
 * names quoted and run on DuckDB and PostgreSQL, and the specs and options
 * it refuses; `tallyFromRows` refusing impossible rows.
 */
import { DuckDBInstance } from '@duckdb/node-api';
import { PGlite } from '@electric-sql/pglite';
import { afterAll, beforeAll, describe, expect, expectTypeOf, it } from 'vitest';
import { type NpsCounts, type SegmentCounts, type SegmentCountsSpec, segmentCounts, segmentFromCounts } from '../../src/index.js';
import { DIALECTS, runQuery, type TallyQuery, tallyFromRows, tallyQuery } from '../../src/sql/index.js';
import { expectMetricsError } from '../helpers/errors.js';

/** Specs whose SQL is pinned: every period unit, a week start and a fiscal year. */
const GOLDEN_SPECS: Record<string, SegmentCountsSpec> = {
  'nps-by-region-month': { metric: 'nps', value: 'score', by: ['region', 'plan'], period: { field: 'answered_at', unit: 'month', timeZone: 'Europe/Berlin' } },
  'csat-day': { metric: 'csat', value: 'sat', period: { field: 'answered_at', unit: 'day', timeZone: 'America/New_York' } },
  'ces-week-sunday': { metric: 'ces', value: 'effort', by: 'channel', period: { field: 'at', unit: 'week', timeZone: 'UTC', weekStart: 'sun' } },
  'fcr-iso-week': { metric: 'firstContactResolution', value: { contacts: 'contacts', resolved: 'ok' }, period: { field: 'at', unit: 'week', timeZone: 'UTC' } },
  'loyalty-fiscal-quarter': { metric: 'loyaltyIndex', by: 'segment', period: { field: 'at', unit: 'quarter', timeZone: 'Asia/Kolkata', yearStart: 4 } },
  'repurchase-fiscal-year': { metric: 'repurchaseRate', value: 'orders', period: { field: 'at', unit: 'year', timeZone: 'Australia/Sydney', yearStart: 7 } },
  'upsell-no-period': { metric: 'upsellRatio', value: { upgraded: 'did_upgrade' }, by: ['plan'] },
  'ttr-by-team-week': {
    metric: 'timeToResolution',
    value: { openedAt: 'created_at', resolvedAt: 'solved_at' },
    by: 'team',
    period: { field: 'created_at', unit: 'week', timeZone: 'Europe/Berlin' },
  },
  'frt-month': {
    metric: 'firstResponseTime',
    value: { openedAt: 'created_at', firstRespondedAt: 'answered_at' },
    period: { field: 'created_at', unit: 'month', timeZone: 'UTC' },
  },
};

describe('tallyQuery', () => {
  it.each(DIALECTS)('writes the pinned SQL for %s', async (dialect) => {
    const golden = Object.entries(GOLDEN_SPECS)
      .map(([name, spec]) => {
        const { sql, params } = tallyQuery(spec, { dialect, from: ['analytics', 'answers'] });
        return `-- ${name}\n-- params: ${JSON.stringify(params)}\n${sql};\n`;
      })
      .join('\n');
    await expect(golden).toMatchFileSnapshot(`golden/${dialect}.sql`);
  });

  it('quotes every name as an identifier of its dialect and binds the time zone', () => {
    const hostile = 'x"; DROP TABLE t; --`\'\\';
    const spec = { metric: 'nps', value: hostile, by: hostile, period: { field: hostile, unit: 'month', timeZone: 'Europe/Berlin' } } as SegmentCountsSpec;
    const quoted = {
      duckdb: '"x""; DROP TABLE t; --`\'\\"',
      postgres: '"x""; DROP TABLE t; --`\'\\"',
      trino: '"x""; DROP TABLE t; --`\'\\"',
      spark: '`x"; DROP TABLE t; --``\'\\`',
      bigquery: '`x"; DROP TABLE t; --\\`\'\\\\`',
    } as const;
    for (const dialect of DIALECTS) {
      const { sql, params } = tallyQuery(spec, { dialect, from: hostile });
      expect(params).toEqual(['Europe/Berlin']);
      expect(sql).not.toContain('Europe/Berlin');
      // The name appears only quoted: once per column reference and once as the table.
      const rest = sql.split(quoted[dialect]).join('');
      expect(rest).not.toContain('DROP');
      expect(sql.split(quoted[dialect]).length - 1).toBe(4);
    }
  });

  it('refuses what a SQL engine cannot tally, and bad options', () => {
    const nps = { metric: 'nps', value: 'score' } as SegmentCountsSpec;
    const cases: [SegmentCountsSpec, unknown, string, (string | number)[]][] = [
      [nps, { dialect: 'mysql', from: 't' }, 'invalid-value', ['query', 'dialect']],
      [nps, { dialect: 'duckdb', from: '' }, 'invalid-value', ['query', 'from']],
      [nps, { dialect: 'duckdb', from: ['a', 3] }, 'invalid-value', ['query', 'from', 1]],
      [nps, { dialect: 'duckdb', from: [] }, 'invalid-value', ['query', 'from']],
      [nps, { dialect: 'duckdb', from: { subquery: ' ' } }, 'invalid-type', ['query', 'from']],
      [nps, { dialect: 'duckdb', from: 't', limit: 3 }, 'unknown-key', ['query', 'limit']],
      [nps, null, 'invalid-type', ['query']],
      [
        { metric: 'nps', value: (r: { s: number }) => r.s } as unknown as SegmentCountsSpec,
        { dialect: 'duckdb', from: 't' },
        'invalid-type',
        ['options', 'value'],
      ],
      [
        { ...nps, by: { region: (r: { r: string }) => r.r } } as unknown as SegmentCountsSpec,
        { dialect: 'duckdb', from: 't' },
        'invalid-type',
        ['options', 'by', 'region'],
      ],
      [{ ...nps, weight: (r: { w: number }) => r.w } as unknown as SegmentCountsSpec, { dialect: 'duckdb', from: 't' }, 'invalid-type', ['options', 'weight']],
      [{ ...nps, period: { field: 'campaign' } }, { dialect: 'duckdb', from: 't' }, 'invalid-value', ['options', 'period']],
      [{ ...nps, by: 'a\u0000b' }, { dialect: 'duckdb', from: 't' }, 'invalid-value', ['options']],
      [{ metric: 'nps', value: 'score', colour: 1 } as unknown as SegmentCountsSpec, { dialect: 'duckdb', from: 't' }, 'unknown-key', ['options', 'colour']],
    ];
    for (const [spec, options, code, path] of cases) {
      expectMetricsError(() => tallyQuery(spec, options as never), 'tallyQuery', path, code);
    }
  });

  it('reads a subquery given as SQL', () => {
    const { sql } = tallyQuery({ metric: 'nps', value: 'score' }, { dialect: 'postgres', from: { subquery: 'SELECT * FROM answers WHERE year = 2024' } });
    expect(sql).toBe('SELECT "score" AS v1, CAST(count(*) AS bigint) AS n FROM (SELECT * FROM answers WHERE year = 2024) AS cxmetrics_source GROUP BY 1');
  });
});

describe('hostile names on real engines', () => {
  let duckInstance: DuckDBInstance;
  let pg: PGlite;
  beforeAll(async () => {
    duckInstance = await DuckDBInstance.create(':memory:');
    pg = new PGlite();
    await pg.waitReady;
  }, 60_000);
  afterAll(async () => {
    duckInstance?.closeSync();
    await pg?.close();
  });

  it('tallies columns and a table whose names hold quotes, semicolons, comments and Unicode', async () => {
    const score = `sc"o'r;e -- ü`;
    const region = 'régi`on/*x*/';
    const at = 'a t\\';
    const table = 'an"swe\'rs; DROP TABLE x';
    const q = (name: string) => `"${name.replaceAll('"', '""')}"`;
    const records = [
      { [score]: 9, [region]: 'EU', [at]: '2024-03-31T00:30:00Z' },
      { [score]: 3, [region]: 'EU', [at]: '2024-03-31T23:30:00Z' },
      { [score]: 10, [region]: 'US', [at]: '2024-04-30T23:30:00Z' },
    ];
    const create = `CREATE TABLE ${q(table)} (${q(score)} INTEGER, ${q(region)} VARCHAR, ${q(at)} TIMESTAMPTZ)`;
    const insert = `INSERT INTO ${q(table)} VALUES ${records.map((_, i) => `($${3 * i + 1}, $${3 * i + 2}, $${3 * i + 3})`).join(', ')}`;
    const params = records.flatMap((r) => [r[score], r[region], r[at]]);
    const duck = await duckInstance.connect();
    await duck.run(create);
    await duck.run(insert, params as never);
    await pg.query(create);
    await pg.query(insert, params);
    const spec = { metric: 'nps', value: score, by: region, period: { field: at, unit: 'month', timeZone: 'Europe/Berlin' } } as SegmentCountsSpec;
    const expected = segmentCounts(records, spec);
    expect(expected.cells).toHaveLength(3);
    expect(await runQuery(duck, spec, { from: table })).toEqual(expected);
    expect(await runQuery(pg, spec, { from: table })).toEqual(expected);
    duck.closeSync();
  });

  it('refuses a connection of neither kind', async () => {
    await expect(runQuery({} as never, { metric: 'nps', value: 'score' }, { from: 't' })).rejects.toMatchObject({ metric: 'runQuery', code: 'invalid-type' });
  });
});

describe('types', () => {
  it('types the table by the metric, so that segmentFromCounts takes it', () => {
    expectTypeOf(tallyFromRows([], { metric: 'nps', value: 'score' })).toEqualTypeOf<SegmentCounts<NpsCounts>>();
    expectTypeOf(runQuery).returns.resolves.toExtend<SegmentCounts>();
    expectTypeOf(tallyQuery).returns.toEqualTypeOf<TallyQuery>();
    expectTypeOf<TallyQuery>().toEqualTypeOf<{ readonly sql: string; readonly params: readonly string[] }>();
    const table = tallyFromRows([{ v1: true, n: 1 }], { metric: 'upsellRatio', value: { upgraded: 'up' } });
    expectTypeOf(segmentFromCounts(table).rows[0]!.result.value).toEqualTypeOf<number | null>();
  });
});

describe('tallyFromRows of a time metric', () => {
  const spec = { metric: 'timeToResolution', value: { openedAt: 'opened', resolvedAt: 'solved' } } as SegmentCountsSpec;

  it('reads durations and instants in any integer form, and keeps the durations in order', () => {
    const table = tallyFromRows(
      [
        { v1: null, v2: null, v3: '60000', n: '2' },
        { v1: 0n, v2: 5000n, v3: null, n: 1n },
        { v1: 7, v2: null, v3: null, n: 1 },
      ],
      spec,
    );
    expect(table.cells[0]!.counts).toEqual({ metric: 'timeToResolution', resolved: [5000, 60000, 60000], censored: [], open: 1 });
  });

  it('returns a valid ticket as its duration, and an open or refused one as its instants', () => {
    const censor = { ...spec, options: { open: 'censor', asOf: '2024-02-01T00:00:00Z' } } as SegmentCountsSpec;
    const { sql } = tallyQuery(censor, { dialect: 'duckdb', from: 'tickets' });
    const opened = 'epoch_ms(CAST("opened" AS TIMESTAMPTZ))';
    const solved = 'epoch_ms(CAST("solved" AS TIMESTAMPTZ))';
    const valid = `"opened" IS NOT NULL AND "solved" IS NOT NULL AND ${solved} >= ${opened} AND ${solved} <= ${Date.parse('2024-02-01T00:00:00Z')}`;
    expect(sql).toBe(
      `SELECT CASE WHEN ${valid} THEN NULL ELSE ${opened} END AS v1, CASE WHEN ${valid} THEN NULL ELSE ${solved} END AS v2, ` +
        `CASE WHEN ${valid} THEN ${solved} - ${opened} END AS v3, CAST(count(*) AS BIGINT) AS n FROM "tickets" GROUP BY 1, 2, 3`,
    );
    // A duration of any length within the time range, read at asOf: the instants it stands for are valid.
    const longest = tallyFromRows([{ v1: null, v2: null, v3: 9e15, n: 1 }], spec);
    expect(longest.cells[0]!.counts).toEqual({ metric: 'timeToResolution', resolved: [9e15], censored: [], open: 0 });
    expect(tallyFromRows([{ v1: null, v2: null, v3: 5, n: 1 }], censor).cells[0]!.counts).toMatchObject({ resolved: [5] });
    // Business hours and a first resolution need the instants.
    const hours = { timeZone: 'UTC', days: { mon: ['09:00', '17:00'] } };
    expect(tallyQuery({ ...spec, options: { businessHours: hours } } as SegmentCountsSpec, { dialect: 'duckdb', from: 't' }).sql).not.toContain('v3');
    const first = { metric: 'timeToResolution', value: { openedAt: 'o', resolvedAt: 's', firstResolvedAt: 'f' } } as SegmentCountsSpec;
    expect(tallyQuery(first, { dialect: 'duckdb', from: 't' }).sql).not.toContain('v4');
  });

  it('refuses an instant or a duration that is not integer milliseconds, and a row with both', () => {
    for (const v1 of ['2024-01-01', 1.5, 2n ** 60n, true]) {
      expectMetricsError(() => tallyFromRows([{ v1, v2: null, v3: null, n: 1 }], spec), 'tallyFromRows', ['rows', 0, 'v1'], 'invalid-value');
    }
    for (const v3 of [-1, 1.5, 'soon']) {
      expectMetricsError(() => tallyFromRows([{ v1: null, v2: null, v3, n: 1 }], spec), 'tallyFromRows', ['rows', 0, 'v3'], 'invalid-value');
    }
    expectMetricsError(() => tallyFromRows([{ v1: 0, v2: null, v3: 5, n: 1 }], spec), 'tallyFromRows', ['rows', 0, 'v3'], 'inconsistent');
  });
});

describe('tallyFromRows', () => {
  const spec = { metric: 'nps', value: 'score', by: 'region', period: { field: 'at', unit: 'month', timeZone: 'Europe/Berlin' } } as SegmentCountsSpec;
  const good = { k1: 'EU', p: '2024-03-01', v1: 9, n: 2n };

  it('counts n rows of each distinct input, and merges rows of one cell', () => {
    const table = tallyFromRows([good, { ...good, v1: 0, n: '3' }, { ...good, p: '2024-04-01', n: 1 }], spec);
    expect(table.cells.map((c) => [c.period, c.counts])).toEqual([
      ['2024-03', { metric: 'nps', promoters: 2, passives: 0, detractors: 3, excluded: 0 }],
      ['2024-04', { metric: 'nps', promoters: 1, passives: 0, detractors: 0, excluded: 0 }],
    ]);
    expect(tallyFromRows([], spec)).toEqual(segmentCounts([], spec));
  });

  it('reads NaN, -0 and objects row by row, never as the null, 0 or text of an earlier row', () => {
    const exclude = { ...spec, missingKey: 'n/a', options: { missing: 'exclude' } } as SegmentCountsSpec;
    const table = tallyFromRows(
      [
        { ...good, v1: null },
        { ...good, v1: 0 },
        { ...good, v1: -0 },
      ],
      exclude,
    );
    expect(table.cells[0]!.counts).toEqual({ metric: 'nps', promoters: 0, passives: 0, detractors: 4, excluded: 2 });
    // JSON writes NaN as null: a NaN key after a missing one is still refused, not given the missing key's label.
    expectMetricsError(
      () =>
        tallyFromRows(
          [
            { ...good, k1: null },
            { ...good, k1: Number.NaN },
          ],
          exclude,
        ),
      'tallyFromRows',
      ['rows', 1, 'k1'],
    );
    expectMetricsError(
      () =>
        tallyFromRows(
          [
            { ...good, v1: 9 },
            { ...good, v1: [9] },
          ],
          exclude,
        ),
      'tallyFromRows',
      ['rows', 1, 'v1'],
    );
  });

  it('refuses impossible rows at their column', () => {
    const cases: [unknown, string, (string | number)[]][] = [
      [{ ...good, extra: 1 }, 'unknown-key', ['rows', 0, 'extra']],
      [{ k1: 'EU', p: '2024-03-01', v1: 9 }, 'missing-value', ['rows', 0, 'n']],
      [{ ...good, n: 0 }, 'invalid-value', ['rows', 0, 'n']],
      [{ ...good, n: 1.5 }, 'invalid-value', ['rows', 0, 'n']],
      [{ ...good, n: -1n }, 'invalid-value', ['rows', 0, 'n']],
      [{ ...good, n: 2n ** 53n + 1n }, 'invalid-value', ['rows', 0, 'n']],
      [{ ...good, p: '2024-13-01' }, 'invalid-value', ['rows', 0, 'p']],
      [{ ...good, p: '2024-03-02' }, 'inconsistent', ['rows', 0, 'p']],
      [{ ...good, v1: 11 }, 'out-of-range', ['rows', 0, 'v1']],
      [{ ...good, v1: 2n ** 60n }, 'out-of-range', ['rows', 0, 'v1']],
      [{ ...good, k1: null }, 'missing-value', ['rows', 0, 'k1']],
      [{ ...good, p: 20240301 }, 'invalid-value', ['rows', 0, 'p']],
      ['EU', 'invalid-type', ['rows', 0]],
    ];
    for (const [row, code, path] of cases) expectMetricsError(() => tallyFromRows([row as object], spec), 'tallyFromRows', path, code);
    // Counts whose sum passes 2^53: in one row (a loyalty sum of ten times n) or across the rows of a cell.
    const loyalty = { metric: 'loyaltyIndex', value: { recommend: 'r', repurchase: 'b', upsell: 'u' } } as SegmentCountsSpec;
    expectMetricsError(() => tallyFromRows([{ v1: 10, v2: 10, v3: 10, n: 2n ** 53n - 1n }], loyalty), 'tallyFromRows', ['rows', 0, 'n'], 'out-of-range');
    expectMetricsError(() => tallyFromRows([good, { ...good, v1: 10, n: 2n ** 53n - 1n }], spec), 'tallyFromRows', ['rows', 1, 'n'], 'out-of-range');
    expectMetricsError(() => tallyFromRows('rows' as never, spec), 'tallyFromRows', ['rows'], 'invalid-type');
  });
});
