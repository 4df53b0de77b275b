/**
 * What an analyst would otherwise run: DuckDB (through `@duckdb/node-api`,
 * in this process, on every core) reading the benchmark's CSV (or its
 * Parquet copy, for a FILE ending in `.parquet`) and computing NPS by
 * region x plan x UTC month in one query.
 *
 * The columns are declared (`answered_at` a TIMESTAMPTZ, `score` a TINYINT)
 * rather than sniffed, and the session time zone is set to UTC, so that the
 * month is the UTC month. `n` counts answered rows (`count(score)` skips the
 * empty ones); `value` is `100 * (promoters - detractors) / n`, NULL (printed
 * empty) when n is 0.
 *
 * Prints `region,plan,period,n,value` sorted by region, plan, period.
 *
 * Usage: node bench/cli/duckdb.mjs FILE
 */
import { DuckDBInstance } from '@duckdb/node-api';

const file = process.argv[2];
if (file === undefined) throw new Error('duckdb: usage: node bench/cli/duckdb.mjs FILE');

/** A SQL string literal. */
const literal = (text) => `'${text.replaceAll("'", "''")}'`;

const sql = `
  SELECT
    region,
    plan,
    strftime(answered_at, '%Y-%m') AS period,
    count(score) AS n,
    100 * (count(*) FILTER (score >= 9) - count(*) FILTER (score <= 6)) / nullif(count(score), 0) AS value
  FROM ${
    file.endsWith('.parquet')
      ? `read_parquet(${literal(file)})`
      : `read_csv(
    ${literal(file)},
    header = true,
    columns = {'id': 'BIGINT', 'answered_at': 'TIMESTAMPTZ', 'region': 'VARCHAR', 'plan': 'VARCHAR', 'score': 'TINYINT'}
  )`
  }
  GROUP BY ALL
  ORDER BY region, plan, period
`;

const instance = await DuckDBInstance.create(':memory:');
const connection = await instance.connect();
await connection.run("SET TimeZone = 'UTC'");
const reader = await connection.runAndReadAll(sql);
const lines = ['region,plan,period,n,value'];
for (const [region, plan, period, n, value] of reader.getRowsJS()) {
  lines.push(`${region},${plan},${period},${n},${value === null ? '' : value}`);
}
connection.closeSync();
instance.closeSync();
process.stdout.write(lines.map((line) => `${line}\n`).join(''));
