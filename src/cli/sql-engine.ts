/**
 * The command line's SQL engines: `--sql DIALECT` prints the tally query
 * for a warehouse; `--engine duckdb` (and every `.parquet` file) has DuckDB
 * read the file and count, and the library computes from its rows.
 */
import { isMetricsError } from '../core/contract/errors.js';
import type { SegmentCounts } from '../segments/segment.js';
import { sqlLiteral } from '../sql/dialects.js';
import { tallyQuery } from '../sql/query.js';
import { tallyFromRows } from '../sql/rows.js';
import { COUNT_ALIAS, PERIOD_ALIAS, readSqlSpec, rowColumns, type SqlSpec } from '../sql/spec.js';
import type { TallyPlan } from './commands.js';
import { InputError } from './input/read.js';
import { cellText } from './problems.js';
import type { ReadStats } from './tally-file.js';

/** The query for `--sql`: the table the FILE argument names (dots separate schema and table), with its parameters in a comment. */
export function sqlText(plan: TallyPlan): string {
  const dialect = plan.sql!;
  const table = plan.input.path.split('.');
  const { sql, params } = tallyQuery(plan.counts, { dialect, from: table });
  const header = [
    `-- cxmetrics ${plan.command}: the tallies of ${plan.input.path} in ${dialect}.`,
    ...(params.length === 0 ? [] : [`-- Parameters, in order: ${params.map((p) => JSON.stringify(p)).join(', ')}.`]),
    `-- Export the rows (columns ${rowColumns(readSqlSpec('tallyQuery', plan.counts)).join(', ')}) and run: cxmetrics from-rows ROWS --metric ${plan.command} with the same flags.`,
  ];
  return `${header.join('\n')}\n${sql};\n`;
}

/** The DuckDB table function that reads a file, by its extension (after a final `.gz`) or `--input-format`. */
function readerOf(plan: TallyPlan): string {
  const path = sqlLiteral(plan.input.path);
  const name = plan.input.path.replace(/\.gz$/i, '').toLowerCase();
  const format = plan.input.format ?? (/\.parquet$/.test(name) ? 'parquet' : (/\.(csv|tsv|json|ndjson|jsonl)$/.exec(name)?.[1] ?? null));
  switch (format) {
    case 'parquet':
      return `read_parquet(${path})`;
    case 'csv':
      return `read_csv(${path}, header = true)`;
    case 'tsv':
      return `read_csv(${path}, header = true, delim = '\t')`;
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
  const column = alias === PERIOD_ALIAS ? spec.time : ([...spec.keys, ...spec.values].find((c) => c.alias === alias)?.column ?? alias);
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
 * Has DuckDB (`@duckdb/node-api`, loaded when needed) read the file and
 * count the tally query's rows, then tallies them with the library.
 *
 * @throws {@link InputError} when DuckDB is not installed, cannot read the file, or a value is refused.
 */
export async function duckdbTally(plan: TallyPlan, stats: ReadStats): Promise<SegmentCounts> {
  const file = plan.input.path;
  let duckdb: typeof import('@duckdb/node-api');
  try {
    duckdb = await import('@duckdb/node-api');
  } catch {
    throw new InputError('DuckDB reads this file, and it is not installed: npm install @duckdb/node-api', file, null, null);
  }
  const query = tallyQuery(plan.counts, { dialect: 'duckdb', from: { subquery: `SELECT * FROM ${readerOf(plan)}` } });
  const instance = await duckdb.DuckDBInstance.create(':memory:');
  const connection = await instance.connect();
  let rows: Record<string, unknown>[];
  try {
    // A timestamp without time zone in the file is UTC.
    await connection.run("SET TimeZone = 'UTC'");
    rows = (await connection.runAndReadAll(query.sql, [...query.params])).getRowObjectsJS() as Record<string, unknown>[];
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
  for (const row of rows) stats.rowsRead += Number(row[COUNT_ALIAS]);
  try {
    return tallyFromRows(rows, plan.counts) as SegmentCounts;
  } catch (error) {
    throw rowProblem(error, rows, readSqlSpec('tallyFromRows', plan.counts), file);
  }
}
