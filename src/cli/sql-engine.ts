/**
 * The command line's SQL engines: `--sql DIALECT` prints the tally query
 * (or the change-log query of `mrr` and `churn`) for a warehouse;
 * `--engine duckdb` (and every `.parquet` file) has DuckDB read the file and
 * count (or reduce the change log), and the library computes from its rows.
 */
import { isMetricsError } from '../core/contract/errors.js';
import type { MrrSeriesCounts } from '../revenue/series-table.js';
import type { SegmentCounts } from '../segments/segment.js';
import { sqlLiteral } from '../sql/dialects.js';
import { mrrSeriesFromRows, mrrSeriesQuery, SERIES_ALIASES, seriesKeyColumns, seriesRowColumns } from '../sql/mrr-series.js';
import { type TallyQuery, tallyQuery } from '../sql/query.js';
import { tallyFromRows } from '../sql/rows.js';
import { COUNT_ALIAS, PERIOD_ALIAS, readSqlSpec, rowColumns, type SqlSpec } from '../sql/spec.js';
import type { Plan, RevenuePlan, TallyPlan } from './commands.js';
import { InputError } from './input/read.js';
import { seriesOptions } from './plans.js';
import { cellText } from './problems.js';
import type { ReadStats } from './tally-file.js';

/** The query for `--sql`: the table the FILE argument names (dots separate schema and table), with its parameters in a comment. */
export function sqlText(plan: Plan): string {
  const dialect = plan.sql!;
  const table = plan.input.path.split('.');
  const { sql, params } =
    plan.kind === 'tally' ? tallyQuery(plan.counts, { dialect, from: table }) : mrrSeriesQuery(seriesOptions(plan), { dialect, from: table });
  const columns = plan.kind === 'tally' ? rowColumns(readSqlSpec('tallyQuery', plan.counts)) : seriesRowColumns(plan.by.length);
  const what = plan.kind === 'tally' ? 'the tallies' : 'the changes the MRR series reads';
  const header = [
    `-- cxmetrics ${plan.command}: ${what} of ${plan.input.path} in ${dialect}.`,
    ...(params.length === 0 ? [] : [`-- Parameters, in order: ${params.map((p) => JSON.stringify(p)).join(', ')}.`]),
    `-- Export the rows (columns ${columns.join(', ')}) and run: cxmetrics from-rows ROWS --metric ${plan.command} with the same flags.`,
  ];
  return `${header.join('\n')}\n${sql};\n`;
}

/**
 * The DuckDB table function that reads a file, by its extension (after a
 * final `.gz`) or `--input-format`. A CSV or TSV column in `text` is read
 * as written, not as the number DuckDB would take it for (`14.50` keeps its
 * two decimals, as the command line's own reader keeps them).
 */
function readerOf(plan: Plan, text: readonly string[] = []): string {
  const path = sqlLiteral(plan.input.path);
  const types = text.length === 0 ? '' : `, types = {${text.map((column) => `${sqlLiteral(column)}: 'VARCHAR'`).join(', ')}}`;
  const name = plan.input.path.replace(/\.gz$/i, '').toLowerCase();
  const format = plan.input.format ?? (/\.parquet$/.test(name) ? 'parquet' : (/\.(csv|tsv|json|ndjson|jsonl)$/.exec(name)?.[1] ?? null));
  switch (format) {
    case 'parquet':
      return `read_parquet(${path})`;
    case 'csv':
      return `read_csv(${path}, header = true${types})`;
    case 'tsv':
      return `read_csv(${path}, header = true, delim = '\t'${types})`;
    case 'json':
    case 'ndjson':
    case 'jsonl':
      return `read_json_auto(${path})`;
    default:
      throw new InputError(
        'the format of the file cannot be told from its extension: pass --input-format (csv, tsv, json, ndjson)',
        plan.input.path,
        null,
        null,
      );
  }
}

/** A refused row of the query as a message about the file: the column, the value, how many rows hold it, and the reason. */
export function rowProblem(error: unknown, rows: readonly Record<string, unknown>[], spec: SqlSpec, file: string): unknown {
  if (!isMetricsError(error)) return error;
  const issue = error.issues[0];
  const [root, index, alias] = issue?.path ?? [];
  if (root !== 'rows' || typeof index !== 'number' || typeof alias !== 'string') return error;
  const row = rows[index] ?? {};
  const duration = spec.duration !== null && alias === spec.duration.alias ? `${spec.duration.end.column} - ${spec.duration.start.column}` : null;
  const column =
    alias === PERIOD_ALIAS
      ? spec.time
      : (duration ?? [...spec.keys, ...spec.values, ...(spec.weight === null ? [] : [spec.weight])].find((c) => c.alias === alias)?.column ?? alias);
  const value = cellText(row[alias]);
  const count = row[COUNT_ALIAS] === undefined ? null : Number(row[COUNT_ALIAS]);
  const n = count === null ? '' : ` (${count} ${count === 1 ? 'row' : 'rows'})`;
  return new InputError(
    `column ${JSON.stringify(column)}${value === null ? '' : ` value ${JSON.stringify(value)}`}${n}: ${issue?.message ?? error.message}`,
    file,
    null,
    null,
  );
}

/**
 * Has DuckDB (`@duckdb/node-api`, loaded when needed) read the file and run
 * `query` on it, in a session whose time zone is UTC (a timestamp without
 * time zone in the file is UTC).
 *
 * @throws {@link InputError} when DuckDB is not installed or cannot read the file.
 */
async function runOnFile(plan: Plan, write: (from: { subquery: string }) => TallyQuery, text: readonly string[] = []): Promise<Record<string, unknown>[]> {
  const file = plan.input.path;
  let duckdb: typeof import('@duckdb/node-api');
  try {
    duckdb = await import('@duckdb/node-api');
  } catch {
    throw new InputError('DuckDB reads this file, and it is not installed: npm install @duckdb/node-api', file, null, null);
  }
  const query = write({ subquery: `SELECT * FROM ${readerOf(plan, text)}` });
  const instance = await duckdb.DuckDBInstance.create(':memory:');
  const connection = await instance.connect();
  try {
    await connection.run("SET TimeZone = 'UTC'");
    return (await connection.runAndReadAll(query.sql, [...query.params])).getRowObjectsJS() as Record<string, unknown>[];
  } catch (error) {
    throw new InputError(
      `DuckDB could not read or count the file: ${(error instanceof Error ? error.message : String(error)).split('\n')[0]}`,
      file,
      null,
      null,
    );
  } finally {
    connection.closeSync();
    instance.closeSync();
  }
}

/**
 * Has DuckDB read the file and count the tally query's rows, then tallies
 * them with the library.
 *
 * @throws {@link InputError} when DuckDB is not installed, cannot read the file, or a value is refused.
 */
export async function duckdbTally(plan: TallyPlan, stats: ReadStats): Promise<SegmentCounts> {
  const rows = await runOnFile(plan, (from) => tallyQuery(plan.counts, { dialect: 'duckdb', from }));
  for (const row of rows) stats.rowsRead += Number(row[COUNT_ALIAS]);
  try {
    return tallyFromRows(rows, plan.counts) as SegmentCounts;
  } catch (error) {
    throw rowProblem(error, rows, readSqlSpec('tallyFromRows', plan.counts), plan.input.path);
  }
}

/**
 * Has DuckDB read a change log and reduce it to the changes the MRR series
 * reads, then tallies them with the library.
 *
 * @throws {@link InputError} when DuckDB is not installed, cannot read the file, or a change is refused.
 */
export async function duckdbSeries(plan: RevenuePlan, stats: ReadStats): Promise<MrrSeriesCounts> {
  const options = seriesOptions(plan);
  const rows = await runOnFile(plan, (from) => mrrSeriesQuery(options, { dialect: 'duckdb', from }), [plan.fields.mrr]);
  stats.rowsRead += rows.length === 0 ? 0 : Number(rows[0]!.n);
  try {
    return mrrSeriesFromRows(rows, options);
  } catch (error) {
    throw seriesRowProblem(error, rows, plan);
  }
}

/** A refused change of the reduced log as a message about the file: the column, the value and the reason. */
export function seriesRowProblem(error: unknown, rows: readonly Record<string, unknown>[], plan: RevenuePlan): unknown {
  if (!isMetricsError(error)) return error;
  const issue = error.issues[0];
  const [root, index, alias] = issue?.path ?? [];
  if (root !== 'rows' || typeof index !== 'number' || typeof alias !== 'string') return error;
  const named: Record<string, string> = {
    [SERIES_ALIASES.customer]: plan.fields.customerId,
    [SERIES_ALIASES.time]: plan.fields.at,
    [SERIES_ALIASES.amount]: plan.fields.mrr,
  };
  seriesKeyColumns(plan.by.length).forEach((key, i) => {
    named[key] = plan.by[i]!;
  });
  const value = cellText(rows[index]?.[alias]);
  return new InputError(
    `column ${JSON.stringify(named[alias] ?? alias)}${value === null ? '' : ` value ${JSON.stringify(value)}`}: ${issue?.message ?? error.message}`,
    plan.input.path,
    null,
    null,
  );
}
