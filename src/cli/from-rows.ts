/**
 * `cxmetrics from-rows`: the results from the rows a SQL engine returned for
 * the query `--sql` printed, exported as a file.
 */

import type { MrrSeriesCounts } from '../revenue/series-table.js';
import type { SegmentCounts } from '../segments/segment.js';
import { mrrSeriesFromRows, SERIES_ALIASES, seriesRowColumns } from '../sql/mrr-series.js';
import { tallyFromRows } from '../sql/rows.js';
import { COUNT_ALIAS, PERIOD_ALIAS, readSqlSpec } from '../sql/spec.js';
import { UsageError } from './args.js';
import { COMMANDS } from './commands.js';
import { type ColumnKind, InputError, readBatches } from './input/read.js';
import { seriesOptions } from './plans.js';
import { type Outcome, revenueFromCounts, tallyOutcome } from './run.js';
import { chooseFormat, emit, type Io, metadataOf, parseCommand, reportSkipped } from './session.js';
import { rowProblem, seriesRowProblem } from './sql-engine.js';
import { emptyStats, readOptions } from './tally-file.js';

/** The `--metric NAME` of `from-rows`, and the other arguments. */
function metricOf(argv: readonly string[]): { name: string; rest: string[] } {
  const rest: string[] = [];
  let name: string | undefined;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--metric') name = argv[++i];
    else if (arg.startsWith('--metric=')) name = arg.slice('--metric='.length);
    else rest.push(arg);
  }
  if (name === undefined) throw new UsageError('--metric is required: the metric command whose query made the rows (nps, csat, ...)', 'from-rows');
  return { name, rest };
}

const FROM_ROWS_HELP = [
  'Usage: cxmetrics from-rows ROWS --metric <metric> [the metric command’s flags]',
  '',
  'The results from the rows a SQL engine returned for the query `cxmetrics <metric> TABLE --sql DIALECT` printed',
  '(columns k1..., p, v1..., n; for mrr and churn c, t, m, k1..., d, n), exported as CSV, TSV, JSON or NDJSON.',
  'Give the same flags as to --sql.',
  '',
  'Example:',
  '  cxmetrics nps analytics.answers --value score --by region --period month --time answered_at --sql bigquery > tally.sql',
  '  cxmetrics from-rows rows.csv --metric nps --value score --by region --period month --time answered_at',
  '',
].join('\n');

/** `cxmetrics from-rows ROWS --metric NAME [flags]`: the results from a warehouse's rows. */
export async function fromRowsCommand(argv: readonly string[], io: Io): Promise<number> {
  if (argv.length === 0 || argv[0] === '--help' || argv[0] === '-h') {
    (argv.length === 0 ? io.stderr : io.stdout).write(FROM_ROWS_HELP);
    return argv.length === 0 ? 2 : 0;
  }
  const { name, rest } = metricOf(argv);
  const command = COMMANDS.get(name);
  if (command === undefined) throw new UsageError(`unknown metric ${JSON.stringify(name)}: one of ${[...COMMANDS.keys()].join(', ')}`, 'from-rows');
  const args = parseCommand(command, rest);
  for (const f of ['sql', 'engine'])
    if (args.flags.has(f)) throw new UsageError(`--${f} does not apply: from-rows reads rows a SQL engine returned`, 'from-rows');
  const plan = command.plan(args);
  const kindOf = (column: string): ColumnKind => plan.input.columns.find((c) => c.name === column)?.kind ?? 'text';
  let columns: { name: string; kind: ColumnKind }[];
  if (plan.kind === 'tally') {
    const spec = readSqlSpec('tallyFromRows', plan.counts);
    columns = [
      ...spec.keys.map((k) => ({ name: k.alias, kind: 'key' as const })),
      ...(spec.time === null ? [] : [{ name: PERIOD_ALIAS, kind: 'text' as const }]),
      ...spec.values.map((v) => ({ name: v.alias, kind: v.time ? ('time' as const) : kindOf(v.column) })),
      ...(spec.duration === null ? [] : [{ name: spec.duration.alias, kind: 'number' as const }]),
      ...(spec.weight === null ? [] : [{ name: spec.weight.alias, kind: 'number' as const }]),
      { name: COUNT_ALIAS, kind: 'number' as const },
    ];
  } else {
    // The change-log query's rows: the customer and the amount as text (every digit kept), the instant in epoch milliseconds.
    const kinds: Record<string, ColumnKind> = {
      [SERIES_ALIASES.customer]: 'text',
      [SERIES_ALIASES.time]: 'number',
      [SERIES_ALIASES.amount]: 'text',
      [SERIES_ALIASES.decimals]: 'number',
      [SERIES_ALIASES.changes]: 'number',
    };
    columns = seriesRowColumns(plan.by.length).map((name) => ({ name, kind: kinds[name] ?? 'key' }));
  }
  const input = { ...plan.input, columns, onInvalid: 'stop' as const };
  const format = chooseFormat(args, io, plan.kind === 'tally' && plan.trend !== null, 'from-rows');
  const stats = emptyStats();
  const rows: Record<string, unknown>[] = [];
  for await (const batch of readBatches(readOptions(input))) {
    const first = batch.problems[0];
    if (first !== undefined) throw new InputError(first.reason, plan.input.path, first.line, first.column);
    stats.rowsRead += batch.rows;
    for (let i = 0; i < batch.rows; i++) {
      const row: Record<string, unknown> = {};
      columns.forEach((c, j) => {
        row[c.name] = batch.columns[j]![i];
      });
      rows.push(row);
    }
  }
  let outcome: Outcome;
  if (plan.kind === 'tally') {
    let table: SegmentCounts;
    try {
      table = tallyFromRows(rows, plan.counts) as SegmentCounts;
    } catch (error) {
      throw rowProblem(error, rows, readSqlSpec('tallyFromRows', plan.counts), plan.input.path);
    }
    outcome = tallyOutcome(plan, table);
  } else {
    let counts: MrrSeriesCounts;
    try {
      counts = mrrSeriesFromRows(rows, seriesOptions(plan));
    } catch (error) {
      throw seriesRowProblem(error, rows, plan);
    }
    outcome = revenueFromCounts(plan, counts);
  }
  reportSkipped(io, stats, plan.input.path);
  await emit(io, args, outcome, metadataOf('from-rows', plan.input.path, args, stats, outcome), name, format);
  return 0;
}
