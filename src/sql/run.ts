/**
 * `runQuery`: the tally query run on a connection the caller opened, DuckDB
 * or PostgreSQL, and its rows turned into the table of tallies. The engines'
 * packages are never imported here: the caller's connection is used through
 * the methods it has.
 */
import { describe, fail } from '../core/contract/errors.js';
import type { TallyMetric } from '../core/contract/registry.js';
import type { SegmentCounts, SegmentMetricOptions, SegmentTallyOf } from '../segments/segment.js';
import type { SegmentCountsSpec } from '../segments/spec.js';
import { sqlLiteral } from './dialects.js';
import { type QuerySource, tallyQuery } from './query.js';
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
  if (isDuckDB(connection)) {
    const query = tallyQuery(spec, { dialect: 'duckdb', from: options?.from });
    const saved = (await connection.runAndReadAll("SELECT current_setting('TimeZone') AS tz")).getRowObjectsJS()[0]?.tz;
    await connection.runAndReadAll("SET TimeZone = 'UTC'");
    try {
      return tallyFromRows((await connection.runAndReadAll(query.sql, [...query.params])).getRowObjectsJS(), spec);
    } finally {
      if (typeof saved === 'string') await connection.runAndReadAll(`SET TimeZone = ${sqlLiteral(saved)}`);
    }
  }
  if (isPostgres(connection)) {
    const query = tallyQuery(spec, { dialect: 'postgres', from: options?.from });
    const saved = (await connection.query("SELECT current_setting('TimeZone') AS tz")).rows[0] as { tz?: unknown } | undefined;
    await connection.query("SELECT set_config('TimeZone', 'UTC', false)");
    try {
      return tallyFromRows((await connection.query(query.sql, [...query.params])).rows, spec);
    } finally {
      if (typeof saved?.tz === 'string') await connection.query("SELECT set_config('TimeZone', $1, false)", [saved.tz]);
    }
  }
  return fail(
    'runQuery',
    'invalid-type',
    ['connection'],
    `expected a DuckDB connection (runAndReadAll, from @duckdb/node-api) or a PostgreSQL client (query, from pg or @electric-sql/pglite), received ${describe(connection)}`,
  );
}
