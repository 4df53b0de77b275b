/**
 * The `cxmetrics` command line: one command per metric, `counts` and
 * `merge` for tallies computed in shards, `report` for an HTML report of
 * several metrics. Exit codes: 0 done, 1 the data or a file could not be
 * used (an invalid row, an unreadable file), 2 a usage error (an unknown
 * flag, a bad flag value, a column not in the file).
 */
import { isMetricsError, type MetricsError } from '../core/contract/errors.js';
import { helpText, UsageError } from './args.js';
import { COMMANDS, type Command } from './commands.js';
import { fromRowsCommand } from './from-rows.js';
import { InputError, MissingColumnsError } from './input/read.js';
import { reportCommand } from './report-command.js';
import { chooseFormat, emit, type Io, metadataOf, parseCommand, reportSkipped, runPlan, version } from './session.js';
import { countsCommand, mergeCommand } from './shards.js';
import { sqlText } from './sql-engine.js';
import { emptyStats, RowError } from './tally-file.js';

export type { Io } from './session.js';

const PROGRAM_HELP = (): string =>
  [
    'Usage: cxmetrics <command> FILE [flags]',
    '',
    'Customer-experience and retention metrics from CSV, TSV, JSON or NDJSON files (.gz too; - reads standard input), or Parquet through DuckDB.',
    '',
    'Metric commands:',
    ...[...COMMANDS.values()].map((c) => `  ${c.name.padEnd(11)}${c.summary.split(':')[0]?.split(' (')[0]}`),
    '',
    'Other commands:',
    '  counts     cxmetrics counts <metric> FILE [flags]: the tallies only, as JSON, to merge later',
    '  merge      cxmetrics merge PART.json... : merge tallies from shards, then compute',
    '  report     cxmetrics report CONFIG.(json|yaml): several metrics, one HTML report',
    '  from-rows  cxmetrics from-rows ROWS --metric <metric> [flags]: results from the rows of a --sql query',
    '',
    "Run 'cxmetrics <command> --help' for a command's flags and an example; 'cxmetrics --version' for the version.",
    '',
  ].join('\n');

async function metricCommand(command: Command, argv: readonly string[], io: Io): Promise<number> {
  const args = parseCommand(command, argv);
  if (args.flags.get('help') === true) {
    io.stdout.write(helpText(`cxmetrics ${command.name} FILE [flags]`, command.summary, command.example, command.flags));
    return 0;
  }
  const plan = command.plan(args);
  if (plan.sql !== null) {
    io.stdout.write(sqlText(plan));
    return 0;
  }
  const format = chooseFormat(args, io, plan.kind === 'tally' && plan.trend !== null, command.name);
  const stats = emptyStats();
  const outcome = await runPlan(plan, io, args.flags.get('quiet') === true, stats);
  reportSkipped(io, stats, plan.input.path);
  await emit(io, args, outcome, metadataOf(command.name, plan.input.path, args, stats, outcome), command.name, format);
  return 0;
}

/** The flag a library option path names: `['options', 'options', 'promoterMin']` is `--promoter-min`. */
function flagOfPath(path: readonly (string | number)[], command: Command | undefined): string | null {
  if (command === undefined) return null;
  const special: Record<string, string> = { timeZone: 'tz', method: 'interval', unit: 'period', field: 'time', against: 'changes' };
  for (let i = path.length - 1; i >= 1; i--) {
    const key = path[i];
    if (typeof key !== 'string') continue;
    const kebab = special[key] ?? key.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);
    if (command.flags.some((f) => f.name === kebab)) return kebab;
  }
  return null;
}

function commandOf(argv: readonly string[]): Command | undefined {
  const name = argv[0] === 'counts' ? argv[1] : argv[0];
  return name === undefined ? undefined : COMMANDS.get(name);
}

/**
 * Runs the command line on `argv` (the arguments after the program name)
 * and returns the exit code.
 */
export async function main(argv: readonly string[], io: Io): Promise<number> {
  const name = argv[0];
  try {
    if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
      (name === undefined ? io.stderr : io.stdout).write(PROGRAM_HELP());
      return name === undefined ? 2 : 0;
    }
    if (name === '--version' || name === '-V') {
      io.stdout.write(`${version()}\n`);
      return 0;
    }
    const rest = argv.slice(1);
    if (name === 'counts') return await countsCommand(rest, io);
    if (name === 'merge') return await mergeCommand(rest, io);
    if (name === 'report') return await reportCommand(rest, io);
    if (name === 'from-rows') return await fromRowsCommand(rest, io);
    const command = COMMANDS.get(name);
    if (command === undefined) throw new UsageError(`unknown command ${JSON.stringify(name)}`, null);
    return await metricCommand(command, rest, io);
  } catch (e) {
    return failure(e, argv, io);
  }
}

function failure(e: unknown, argv: readonly string[], io: Io): number {
  const command = commandOf(argv);
  const prefix = `cxmetrics${argv[0] === undefined ? '' : ` ${argv[0]}`}`;
  if (e instanceof UsageError) {
    const help = e.command === null ? 'cxmetrics --help' : `cxmetrics ${e.command} --help`;
    io.stderr.write(`${prefix}: ${e.message}\nSee '${help}'.\n`);
    return 2;
  }
  if (e instanceof MissingColumnsError) {
    io.stderr.write(`${prefix}: ${e.message}\n`);
    return 2;
  }
  if (isMetricsError(e)) {
    const issue = (e as MetricsError).issues[0];
    const path = issue?.path ?? [];
    if (path[0] === 'options') {
      const flag = flagOfPath(path, command);
      io.stderr.write(`${prefix}: ${flag === null ? '' : `--${flag}: `}${issue?.message ?? e.message}\nSee 'cxmetrics ${command?.name ?? ''} --help'.\n`);
      return 2;
    }
    io.stderr.write(`${prefix}: ${e.message}\n`);
    return 1;
  }
  if (e instanceof RowError) {
    io.stderr.write(`${prefix}: ${e.message}\n`);
    return 1;
  }
  if (e instanceof InputError) {
    const where = `${e.file}${e.line === null ? '' : `:${e.line}`}${e.column === null ? '' : `:${e.column}`}`;
    io.stderr.write(`${prefix}: ${where}: ${e.message}\n`);
    return 1;
  }
  const err = e as NodeJS.ErrnoException;
  io.stderr.write(`${prefix}: ${err?.message ?? String(e)}\n`);
  return 1;
}
