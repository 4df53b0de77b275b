/**
 * `runQuery`: the tally query run on a connection the caller opened, DuckDB
 * or PostgreSQL, and its rows turned into the table of tallies. The engines'
 * packages are never imported here: the caller's connection is used through
 * the methods it has.
 */
import { describe, fail } from '../core/contract/errors.js';
import type { TallyMetric } from '../core/contract/registry.js';
import type { MrrSeriesCountsOptions } from '../revenue/series.js';
import type { MrrSeriesCounts } from '../revenue/series-table.js';
import type { SegmentCounts, SegmentMetricOptions, SegmentTallyOf } from '../segments/segment.js';
import type { SegmentCountsSpec } from '../segments/spec.js';
import { sqlLiteral } from './dialects.js';
import { mrrSeriesFromRows, mrrSeriesQuery } from './mrr-series.js';
import { type QuerySource, type TallyQuery, tallyQuery } from './query.js';
import { tallyFromRows } from './rows.js';

/** A DuckDB connection from `@duckdb/node-api` (`DuckDBConnection`): the methods `runQuery` uses. */
export interface DuckDBConnectionLike {
  /** Runs a query with positional parameters and reads its whole result. */
  runAndReadAll(
    sql: string,
    values?: string[],
  ): Promise<{
    /** The rows as objects of JavaScript values (64-bit integers as bigints). */
    getRowObjectsJS(): Record<string, unknown>[];
  }>;
}

/** A PostgreSQL client with the `pg` interface (`pg`'s `Client` or `Pool`, PGlite): `query(text, params)` resolving to `{ rows }`. */
export interface PostgresClientLike {
  /** Runs a query with positional parameters (`$1`, ...). */
  query(
    text: string,
    params?: unknown[],
  ): Promise<{
    /** The rows as objects (a `bigint` column as digits, with `pg`). */
    rows: readonly object[];
  }>;
}

/** The options of {@link runQuery}. */
export interface RunQueryOptions {
  /** The data: a table name, the parts of a qualified name, or `{ subquery }`, as {@link tallyQuery} takes it. */
  readonly from: QuerySource;
}

function isDuckDB(connection: unknown): connection is DuckDBConnectionLike {
  return typeof connection === 'object' && connection !== null && typeof (connection as { runAndReadAll?: unknown }).runAndReadAll === 'function';
}

function isPostgres(connection: unknown): connection is PostgresClientLike {
  return typeof connection === 'object' && connection !== null && typeof (connection as { query?: unknown }).query === 'function';
}

/**
 * Runs {@link tallyQuery} on a DuckDB connection or a PostgreSQL client and
 * returns the table of tallies ({@link tallyFromRows} of its rows): what
 * `segmentCounts` returns on the same data, computed where the data
 * are. Finish with `segmentFromCounts(table, spec)`.
 *
 * A DuckDB connection is one that has `runAndReadAll` (`@duckdb/node-api`),
 * a PostgreSQL client one that has `query(text, params)` (`pg`, PGlite).
 * The session's time zone is set to UTC for the query, so that a timestamp
 * without time zone is read as UTC, and set back afterwards.
 *
 * @param connection - An open connection; the library installs and opens none.
 * @param spec - The tallying spec, as `segmentCounts` takes it, with column names.
 * @param options - The table or subquery.
 * @returns The table of tallies.
 * @throws `MetricsError` (metric `'runQuery'`) for a connection of neither kind; the errors of {@link tallyQuery} and {@link tallyFromRows}; the engine's own errors as they are.
 * @example
 * const client = { query: async () => ({ rows: [{ k1: 'EU', v1: 9, n: '2' }] }) };
 * const table = await runQuery(client, { metric: 'nps', value: 'score', by: 'region' }, { from: 'answers' });
 * table.cells[0].counts.promoters // => 2
 */
export async function runQuery<M extends TallyMetric>(
  connection: DuckDBConnectionLike | PostgresClientLike,
  spec: SegmentCountsSpec & { readonly metric: M; readonly options?: SegmentMetricOptions<M> },
  options: RunQueryOptions,
): Promise<SegmentCounts<SegmentTallyOf<M>>> {
  const rows = await runOn('runQuery', connection, (dialect) => tallyQuery(spec, { dialect, from: options?.from }));
  return tallyFromRows(rows, spec);
}

/**
 * Runs {@link mrrSeriesQuery} on a DuckDB connection or a PostgreSQL client
 * and returns the table of movement tallies ({@link mrrSeriesFromRows} of
 * its rows): what `mrrSeriesCounts` returns on the same change log, with
 * the log reduced where it is. Finish with `mrrSeriesFromCounts(table)`.
 *
 * The connection is recognised, and the session's time zone set and
 * restored, as by {@link runQuery}.
 *
 * @param connection - An open connection; the library installs and opens none.
 * @param options - The options of `mrrSeriesCounts`, with column names.
 * @param query - The table or subquery.
 * @returns The table of movement tallies.
 * @throws `MetricsError` (metric `'runMrrSeriesQuery'`) for a connection of neither kind; the errors of {@link mrrSeriesQuery} and {@link mrrSeriesFromRows}; the engine's own errors as they are.
 * @example
 * const client = { query: async () => ({ rows: [{ c: 'a', t: '1736499600000', m: '100.00', d: 2, n: '1' }] }) };
 * const table = await runMrrSeriesQuery(client, { period: { unit: 'month', timeZone: 'UTC' } }, { from: 'changes' });
 * mrrSeriesFromCounts(table).rows[0].newMrr // => '100.00'
 */
export async function runMrrSeriesQuery(
  connection: DuckDBConnectionLike | PostgresClientLike,
  options: MrrSeriesCountsOptions,
  query: RunQueryOptions,
): Promise<MrrSeriesCounts> {
  const rows = await runOn('runMrrSeriesQuery', connection, (dialect) => mrrSeriesQuery(options, { dialect, from: query?.from }));
  return mrrSeriesFromRows(rows, options);
}

/** Writes the query for the connection's engine and runs it with the session's time zone set to UTC, restored afterwards. */
async function runOn(
  source: 'runQuery' | 'runMrrSeriesQuery',
  connection: unknown,
  write: (dialect: 'duckdb' | 'postgres') => TallyQuery,
): Promise<readonly object[]> {
  if (isDuckDB(connection)) {
    const query = write('duckdb');
    const saved = (await connection.runAndReadAll("SELECT current_setting('TimeZone') AS tz")).getRowObjectsJS()[0]?.tz;
    await connection.runAndReadAll("SET TimeZone = 'UTC'");
    try {
      return (await connection.runAndReadAll(query.sql, [...query.params])).getRowObjectsJS();
    } finally {
      if (typeof saved === 'string') await connection.runAndReadAll(`SET TimeZone = ${sqlLiteral(saved)}`);
    }
  }
  if (isPostgres(connection)) {
    const query = write('postgres');
    const saved = (await connection.query("SELECT current_setting('TimeZone') AS tz")).rows[0] as { tz?: unknown } | undefined;
    await connection.query("SELECT set_config('TimeZone', 'UTC', false)");
    try {
      return (await connection.query(query.sql, [...query.params])).rows;
    } finally {
      if (typeof saved?.tz === 'string') await connection.query("SELECT set_config('TimeZone', $1, false)", [saved.tz]);
    }
  }
  return fail(
    source,
    'invalid-type',
    ['connection'],
    `expected a DuckDB connection (runAndReadAll, from @duckdb/node-api) or a PostgreSQL client (query, from pg or @electric-sql/pglite), received ${describe(connection)}`,
  );
}
