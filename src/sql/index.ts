/**
 * `cxmetrics/sql`: the tallies computed inside a SQL engine, the exact math
 * kept in the library. {@link tallyQuery} writes the `GROUP BY` that counts
 * what `segmentCounts` tallies, for DuckDB, PostgreSQL, BigQuery, Spark SQL
 * or Trino; {@link tallyFromRows} turns the rows the engine returns into the
 * table of tallies; {@link runQuery} does both on a DuckDB or PostgreSQL
 * connection. Finish with `segmentFromCounts` from `cxmetrics`.
 * {@link mrrSeriesQuery}, {@link mrrSeriesFromRows} and
 * {@link runMrrSeriesQuery} do the same for the MRR series of a change log:
 * finish with `mrrSeriesFromCounts`.
 *
 * @packageDocumentation
 */
export { DIALECTS, type Dialect } from './dialects.js';
export { mrrSeriesFromRows, mrrSeriesQuery } from './mrr-series.js';
export { type QuerySource, type TallyQuery, type TallyQueryOptions, tallyQuery } from './query.js';
export { tallyFromRows } from './rows.js';
export { type DuckDBConnectionLike, type PostgresClientLike, type RunQueryOptions, runMrrSeriesQuery, runQuery } from './run.js';
