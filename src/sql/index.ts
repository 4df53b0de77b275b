/**
 * `cxmetrics/sql`: the tallies computed inside a SQL engine, the exact math
 * kept in the library. {@link tallyQuery} writes the `GROUP BY` that counts
 * what `segmentCounts` tallies, for DuckDB, PostgreSQL, BigQuery, Spark SQL
 * or Trino; {@link tallyFromRows} turns the rows the engine returns into the
 * table of tallies; {@link runQuery} does both on a DuckDB or PostgreSQL
 * connection. Finish with `segmentFromCounts` from `cxmetrics`.
 *
 * @packageDocumentation
 */
export { DIALECTS, type Dialect } from './dialects.js';
export { type QuerySource, type TallyQuery, type TallyQueryOptions, tallyQuery } from './query.js';
export { tallyFromRows } from './rows.js';
export { type DuckDBConnectionLike, type PostgresClientLike, type RunQueryOptions, runQuery } from './run.js';
