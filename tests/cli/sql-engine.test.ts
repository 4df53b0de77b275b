/**
 * The command line's SQL engines, in process: `--sql` prints the tally query
 * of each dialect; `--engine duckdb` and `.parquet` files are counted by
 * DuckDB and give the output the command line's own reader gives on the
 * same data; `from-rows` computes the same output from the rows the query
 * returns; and the flags that do not go with them are usage errors.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { mrrSeriesQuery, tallyQuery } from '../../src/sql/index.js';
import { data } from './files.js';
import { cx } from './in-process.js';

vi.setConfig({ testTimeout: 60_000 });

let dir = '';

const SURVEY = ['--value', 'score', '--by', 'region,plan', '--period', 'month', '--time', 'answered_at', '--tz', 'Europe/Berlin', '--format', 'csv'];
const TICKETS = [
  '--opened',
  'created_at',
  '--resolved',
  'solved_at',
  '--by',
  'channel',
  '--period',
  'quarter',
  '--time',
  'created_at',
  '--tz',
  'Europe/Amsterdam',
  '--business-hours',
  data('business-hours.json'),
  '--open',
  'censor',
  '--as-of',
  '2026-07-01T00:00:00Z',
  '--format',
  'csv',
];

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'cxmetrics-sql-engine-'));
  const instance = await DuckDBInstance.create(':memory:');
  const connection = await instance.connect();
  await connection.run("SET TimeZone = 'UTC'");
  const literal = (path: string) => `'${path.replaceAll("'", "''")}'`;
  for (const name of ['responses', 'tickets']) {
    await connection.run(
      `COPY (SELECT * FROM read_csv(${literal(data(`${name}.csv`))}, header = true)) TO ${literal(join(dir, `${name}.parquet`))} (FORMAT parquet)`,
    );
  }
  // The rows of the tally query, exported as a warehouse user would.
  const { sql, params } = tallyQuery(
    { metric: 'nps', value: 'score', by: ['region', 'plan'], period: { field: 'answered_at', unit: 'month', timeZone: 'Europe/Berlin' } },
    { dialect: 'duckdb', from: { subquery: `SELECT * FROM read_csv(${literal(data('responses.csv'))}, header = true)` } },
  );
  await connection.run(`COPY (${sql.replace('$1', literal(params[0]!))}) TO ${literal(join(dir, 'rows.csv'))} (HEADER)`);
  // The rows of time to resolution's query without business hours: durations, and the instants of open tickets.
  const ttr = tallyQuery(
    {
      metric: 'timeToResolution',
      value: { openedAt: 'created_at', resolvedAt: 'solved_at' },
      by: ['channel'],
      period: { field: 'created_at', unit: 'quarter', timeZone: 'Europe/Amsterdam' },
      options: { open: 'censor', asOf: '2026-07-01T00:00:00Z' },
    },
    { dialect: 'duckdb', from: { subquery: `SELECT * FROM read_csv(${literal(data('tickets.csv'))}, header = true)` } },
  );
  await connection.run(`COPY (${ttr.sql.replace('$1', literal(ttr.params[0]!))}) TO ${literal(join(dir, 'ttr-rows.csv'))} (HEADER)`);
  // The change log as Parquet, its amounts as DECIMAL, and the rows of the change-log query.
  const billing = `SELECT customer_id, "at", CAST(mrr AS DECIMAL(12, 2)) AS mrr, plan, region FROM read_csv(${literal(data('billing-changes.csv'))}, header = true)`;
  await connection.run(`COPY (${billing}) TO ${literal(join(dir, 'billing.parquet'))} (FORMAT parquet)`);
  const series = mrrSeriesQuery(
    { period: { unit: 'month', timeZone: 'Europe/Berlin' }, by: 'plan', fields: { customerId: 'customer_id' } },
    { dialect: 'duckdb', from: { subquery: billing } },
  );
  await connection.run(`COPY (${series.sql.replace('$1', literal(series.params[0]!))}) TO ${literal(join(dir, 'series-rows.csv'))} (HEADER)`);
  connection.closeSync();
  instance.closeSync();
}, 60_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('--engine duckdb and .parquet', () => {
  it('gives the output of the command line’s own reader', async () => {
    const own = await cx('nps', data('responses.csv'), ...SURVEY);
    expect(own.code, own.stderr).toBe(0);
    expect(own.stdout.split('\n').length).toBeGreaterThan(30);
    expect(await cx('nps', data('responses.csv'), ...SURVEY, '--engine', 'duckdb')).toEqual(own);
    expect(await cx('nps', join(dir, 'responses.parquet'), ...SURVEY)).toEqual(own);
    const tickets = await cx('ttr', data('tickets.csv'), ...TICKETS);
    expect(tickets.code, tickets.stderr).toBe(0);
    expect(await cx('ttr', join(dir, 'tickets.parquet'), ...TICKETS)).toEqual(tickets);
    // Without business hours, DuckDB counts each distinct duration.
    const calendar = TICKETS.filter((f, i) => f !== '--business-hours' && TICKETS[i - 1] !== '--business-hours');
    const durations = await cx('ttr', data('tickets.csv'), ...calendar);
    expect(durations.code, durations.stderr).toBe(0);
    expect(durations.stdout).not.toEqual(tickets.stdout);
    expect(await cx('ttr', join(dir, 'tickets.parquet'), ...calendar)).toEqual(durations);
    expect(await cx('from-rows', join(dir, 'ttr-rows.csv'), '--metric', 'ttr', ...calendar)).toEqual(durations);
  });

  it('tallies survey weights through DuckDB, exactly', async () => {
    const path = join(dir, 'weighted.csv');
    writeFileSync(path, 'region,score,w\nEU,10,1e-100\nEU,7,1\nEU,3,0.1\nUS,9,1e100\nUS,9,0.1\nUS,0,0.3\n');
    const flags = ['--value', 'score', '--by', 'region', '--weight', 'w', '--format', 'json'];
    const own = await cx('nps', path, ...flags);
    expect(own.code, own.stderr).toBe(0);
    const duck = await cx('nps', path, ...flags, '--engine', 'duckdb');
    expect(JSON.parse(duck.stdout).rows).toEqual(JSON.parse(own.stdout).rows);
    expect(JSON.parse(own.stdout).rows.map((r: { value: number }) => r.value)).toEqual([-9.1, 100]);
  });

  it('reads TSV and JSON through DuckDB, and needs a format it can tell', async () => {
    const rows = [
      { region: 'EU', score: 10 },
      { region: 'EU', score: 3 },
      { region: 'US', score: 9 },
    ];
    const tsv = join(dir, 'answers.tsv');
    writeFileSync(tsv, `region\tscore\n${rows.map((r) => `${r.region}\t${r.score}`).join('\n')}\n`);
    const ndjson = join(dir, 'answers.ndjson');
    writeFileSync(ndjson, `${rows.map((r) => JSON.stringify(r)).join('\n')}\n`);
    const flags = ['--value', 'score', '--by', 'region', '--format', 'csv'];
    const own = await cx('nps', tsv, ...flags);
    expect(own.code, own.stderr).toBe(0);
    expect(await cx('nps', tsv, ...flags, '--engine', 'duckdb')).toEqual(own);
    expect(await cx('nps', ndjson, ...flags, '--engine', 'duckdb')).toEqual(own);
    const untold = join(dir, 'answers.txt');
    writeFileSync(untold, 'region,score\nEU,10\n');
    const r = await cx('nps', untold, ...flags, '--engine', 'duckdb');
    expect([r.code, r.stderr]).toEqual([
      1,
      `cxmetrics nps: ${untold}: the format of the file cannot be told from its extension: pass --input-format (csv, tsv, json, ndjson)\n`,
    ]);
    const ownCsv = await cx('nps', untold, ...flags, '--input-format', 'csv');
    expect(ownCsv.code, ownCsv.stderr).toBe(0);
    expect(await cx('nps', untold, ...flags, '--engine', 'duckdb', '--input-format', 'csv')).toEqual(ownCsv);
  });

  it('reports a refused value with its column, the rows that hold it and the reason', async () => {
    const path = join(dir, 'bad.csv');
    writeFileSync(path, 'region,score\nEU,10\nEU,11\n');
    const r = await cx('nps', path, '--value', 'score', '--by', 'region', '--engine', 'duckdb');
    expect(r).toEqual({
      code: 1,
      stdout: '',
      stderr: `cxmetrics nps: ${path}: column "score" value "11" (1 row): expected an integer from 0 to 10, received 11\n`,
    });
    const missing = await cx('nps', join(dir, 'none.parquet'), '--value', 'score');
    expect(missing.code).toBe(1);
    expect(missing.stderr).toMatch(/none\.parquet: DuckDB could not read or count the file: IO Error: No files found/);
  });

  it('counts tallies through DuckDB for merging, and has no query to print', async () => {
    const flags = ['--value', 'score', '--by', 'region', '--period', 'month', '--time', 'answered_at', '--tz', 'Europe/Berlin'];
    const own = await cx('counts', 'nps', data('responses.csv'), ...flags);
    expect(own.code, own.stderr).toBe(0);
    const parquet = await cx('counts', 'nps', join(dir, 'responses.parquet'), ...flags);
    expect(parquet.code, parquet.stderr).toBe(0);
    expect(JSON.parse(parquet.stdout).counts).toEqual(JSON.parse(own.stdout).counts);
    const sql = await cx('counts', 'nps', 'answers', ...flags, '--sql', 'duckdb');
    expect([sql.code, sql.stderr.split('\n')[0]]).toEqual([
      2,
      'cxmetrics counts: --sql prints the query of a metric command: cxmetrics nps TABLE --sql duckdb',
    ]);
  });

  it('refuses the flags of the command line’s own reader', async () => {
    for (const [flags, message] of [
      [['--on-invalid', 'skip'], "--on-invalid applies to the command line's own reader, not --engine duckdb"],
      [['--delimiter', ';'], "--delimiter applies to the command line's own reader, not --engine duckdb"],
      [['--period', 'label', '--time', 'campaign'], "--engine duckdb cuts calendar periods: --period label needs the command line's own reader"],
    ] as const) {
      const r = await cx('nps', data('responses.csv'), '--value', 'score', '--engine', 'duckdb', ...flags);
      expect(r.code).toBe(2);
      expect(r.stderr).toContain(message);
    }
    const parquet = await cx('nps', join(dir, 'responses.parquet'), '--value', 'score', '--engine', 'cxmetrics');
    expect(parquet.stderr).toContain('a .parquet file is read by DuckDB');
  });
});

const BILLING = ['--customer', 'customer_id', '--by', 'plan', '--period', 'month', '--tz', 'Europe/Berlin', '--format', 'csv'];

describe('mrr and churn through DuckDB', () => {
  it('give the output of the command line’s own reader, from CSV and from Parquet', async () => {
    for (const command of ['mrr', 'churn']) {
      const own = await cx(command, data('billing-changes.csv'), ...BILLING);
      expect(own.code, own.stderr).toBe(0);
      expect(own.stdout.split('\n').length).toBeGreaterThan(20);
      expect(await cx(command, data('billing-changes.csv'), ...BILLING, '--engine', 'duckdb')).toEqual(own);
      expect(await cx(command, join(dir, 'billing.parquet'), ...BILLING)).toEqual(own);
    }
    const own = await cx('counts', 'mrr', data('billing-changes.csv'), ...BILLING.slice(0, -2));
    const parquet = await cx('counts', 'mrr', join(dir, 'billing.parquet'), ...BILLING.slice(0, -2));
    expect(parquet.code, parquet.stderr).toBe(0);
    expect(JSON.parse(parquet.stdout).counts).toEqual(JSON.parse(own.stdout).counts);
  });

  it('print the change-log query, and from-rows computes the series from its rows', async () => {
    const r = await cx('mrr', 'billing.changes', ...BILLING, '--sql', 'postgres');
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout.split('\n').slice(0, 3)).toEqual([
      '-- cxmetrics mrr: the changes the MRR series reads of billing.changes in postgres.',
      '-- Parameters, in order: "Europe/Berlin".',
      '-- Export the rows (columns c, t, m, k1, d, n) and run: cxmetrics from-rows ROWS --metric mrr with the same flags.',
    ]);
    expect(r.stdout).toContain('FROM "billing"."changes"');
    const own = await cx('mrr', data('billing-changes.csv'), ...BILLING);
    expect(await cx('from-rows', join(dir, 'series-rows.csv'), '--metric', 'mrr', ...BILLING)).toEqual(own);
  });

  it('report a refused change with its column, and refuse --cohorts', async () => {
    const path = join(dir, 'bad-billing.csv');
    writeFileSync(path, 'customer_id,at,mrr\na,2024-01-05T10:00:00Z,10.00\na,2024-01-06T10:00:00Z,-3.00\na,2024-01-09T10:00:00Z,12.00\n');
    const r = await cx('mrr', path, '--customer', 'customer_id', '--engine', 'duckdb');
    expect(r.code).toBe(1);
    expect(r.stderr).toBe(`cxmetrics mrr: ${path}: column "mrr" value "-3.00": expected a non-negative amount, received "-3.00"\n`);
    const cohorts = await cx('mrr', data('billing-changes.csv'), ...BILLING, '--cohorts', '--engine', 'duckdb');
    expect([cohorts.code, cohorts.stderr.split('\n')[0]]).toEqual([
      2,
      "cxmetrics mrr: --cohorts reads the change log whole, with the command line's own reader: not with --engine duckdb",
    ]);
  });
});

describe('--sql and from-rows', () => {
  it('prints the query of each dialect with its parameters', async () => {
    const r = await cx('nps', 'analytics.answers', ...SURVEY, '--sql', 'trino');
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toBe(
      [
        '-- cxmetrics nps: the tallies of analytics.answers in trino.',
        '-- Parameters, in order: "Europe/Berlin".',
        '-- Export the rows (columns k1, k2, p, v1, n) and run: cxmetrics from-rows ROWS --metric nps with the same flags.',
        `SELECT k1, k2, format_datetime(p, 'yyyy-MM-dd') AS p, v1, n FROM (SELECT "region" AS k1, "plan" AS k2, date_trunc('month', ("answered_at" AT TIME ZONE ?)) AS p, "score" AS v1, CAST(count(*) AS BIGINT) AS n FROM "analytics"."answers" GROUP BY 1, 2, 3, 4) AS cxmetrics_tally;`,
        '',
      ].join('\n'),
    );
    const both = await cx('nps', 'answers', '--value', 'score', '--sql', 'spark', '--engine', 'duckdb');
    expect([both.code, both.stderr.split('\n')[0]]).toEqual([2, 'cxmetrics nps: --sql prints the query for another engine: it does not go with --engine']);
  });

  it('from-rows gives the output of the command on the data the rows were counted from', async () => {
    const own = await cx('nps', data('responses.csv'), ...SURVEY);
    expect(await cx('from-rows', join(dir, 'rows.csv'), '--metric', 'nps', ...SURVEY)).toEqual(own);
    expect(await cx('from-rows', join(dir, 'rows.csv'), `--metric=nps`, ...SURVEY)).toEqual(own);
  });

  it('from-rows needs a metric that has a tally query, and no engine', async () => {
    const cases: [string[], string][] = [
      [[join(dir, 'rows.csv'), '--value', 'score'], '--metric is required'],
      [[join(dir, 'rows.csv'), '--metric', 'speed'], 'unknown metric "speed"'],
      [[join(dir, 'rows.csv'), '--metric', 'nps', '--value', 'score', '--sql', 'trino'], '--sql does not apply'],
    ];
    for (const [argv, message] of cases) {
      const r = await cx('from-rows', ...argv);
      expect(r.code, r.stderr).toBe(2);
      expect(r.stderr).toContain(message);
    }
    expect((await cx('from-rows')).code).toBe(2);
    expect((await cx('from-rows', '--help')).stdout).toContain('Usage: cxmetrics from-rows ROWS --metric');
  });
});
