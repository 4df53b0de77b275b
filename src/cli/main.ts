/**
 * The `cxmetrics` command line: one command per metric, `counts` and
 * `merge` for tallies computed in shards, `report` for an HTML report of
 * several metrics. Exit codes: 0 done, 1 the data or a file could not be
 * used (an invalid row, an unreadable file), 2 a usage error (an unknown
 * flag, a bad flag value, a column not in the file).
 */
import { readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { basename, dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { isMetricsError, type MetricsError } from '../core/contract/errors.js';
import { mergeCounts } from '../metrics/merge-counts.js';
import type { MrrSeriesCounts } from '../revenue/series.js';
import type { SegmentCounts } from '../segments/segment.js';
import { type Flag, helpText, type ParsedArgs, parseArgs, UsageError } from './args.js';
import { COMMANDS, type Command, type Plan } from './commands.js';
import type { OutputFormat } from './flags.js';
import { InputError, MissingColumnsError } from './input/read.js';
import { formatOutput, type Metadata, writeAtomically } from './output.js';
import { Progress, type ProgressStream } from './progress.js';
import type { ReportSection } from './report/model.js';
import { reportSection } from './report-sections.js';
import { type Outcome, revenueCounts, revenueFromCounts, runRevenue, runTally, tallyOutcome } from './run.js';
import { emptyStats, type ReadStats, RowError, tallyFile } from './tally-file.js';

/** The streams a run writes to. */
export interface Io {
  readonly stdout: { write(text: string): unknown; readonly isTTY?: boolean };
  readonly stderr: ProgressStream;
}

/** The package's version, from its package.json. */
export function version(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (let i = 0; i < 5; i++) {
    try {
      const pkg = JSON.parse(readFileSync(resolve(dir, 'package.json'), 'utf8')) as { name?: string; version?: string };
      if (pkg.name === 'cxmetrics' && typeof pkg.version === 'string') return pkg.version;
    } catch {
      // not here: one folder up
    }
    dir = dirname(dir);
  }
  return 'unknown';
}

const PROGRAM_HELP = (): string =>
  [
    'Usage: cxmetrics <command> FILE [flags]',
    '',
    'Customer-experience and retention metrics from CSV, TSV, JSON or NDJSON files (.gz too; - reads standard input).',
    '',
    'Metric commands:',
    ...[...COMMANDS.values()].map((c) => `  ${c.name.padEnd(11)}${c.summary.split(':')[0]?.split(' (')[0]}`),
    '',
    'Other commands:',
    '  counts     cxmetrics counts <metric> FILE [flags]: the tallies only, as JSON, to merge later',
    '  merge      cxmetrics merge PART.json... : merge tallies from shards, then compute',
    '  report     cxmetrics report CONFIG.(json|yaml): several metrics, one HTML report',
    '',
    "Run 'cxmetrics <command> --help' for a command's flags and an example; 'cxmetrics --version' for the version.",
    '',
  ].join('\n');

/** Flags of `merge`: output only. */
const MERGE_FLAGS: readonly Flag[] = [
  {
    name: 'format',
    kind: { type: 'choice', choices: ['table', 'csv', 'ndjson', 'json', 'markdown'] },
    help: 'output format (default: table on a terminal, csv otherwise)',
  },
  { name: 'out', short: 'o', kind: { type: 'string' }, value: 'FILE', help: 'write the output to FILE (atomically)' },
  { name: 'html', kind: { type: 'string' }, value: 'FILE', help: 'also write an HTML report to FILE' },
  { name: 'quiet', short: 'q', kind: { type: 'boolean' }, help: 'accepted for symmetry; merging shows no progress' },
  { name: 'help', short: 'h', kind: { type: 'boolean' }, help: 'show this help' },
];

/** Flags of `report`. */
const REPORT_FLAGS: readonly Flag[] = [
  { name: 'out', short: 'o', kind: { type: 'string' }, value: 'FILE', help: "the HTML file (default: the config's `out`, else its name with .html)" },
  { name: 'quiet', short: 'q', kind: { type: 'boolean' }, help: 'no progress line on a terminal' },
  { name: 'help', short: 'h', kind: { type: 'boolean' }, help: 'show this help' },
];

/** The flags that choose where and how output goes: not part of a run's options. */
const OUTPUT_ONLY = new Set(['format', 'out', 'html', 'quiet', 'help']);

/** The flags given, by name, for the JSON metadata: what was asked for. */
function optionsOf(args: ParsedArgs): Record<string, unknown> {
  const o: Record<string, unknown> = {};
  for (const [k, v] of args.flags) if (!OUTPUT_ONLY.has(k)) o[k] = v;
  return o;
}

function skippedOf(stats: ReadStats): Metadata['skipped'] {
  return [...stats.skipped].map(([reason, s]) => ({ reason, count: s.count, lines: [...s.lines] }));
}

/** Tells standard error how many rows were skipped, per reason with the first line numbers. */
function reportSkipped(io: Io, stats: ReadStats, input: string): void {
  if (stats.rowsSkipped === 0) return;
  io.stderr.write(`cxmetrics: ${stats.rowsSkipped} of ${stats.rowsRead} rows of ${input} skipped as invalid:\n`);
  for (const s of skippedOf(stats)) io.stderr.write(`  ${s.count} × ${s.reason} (lines ${s.lines.join(', ')}${s.count > s.lines.length ? ', ...' : ''})\n`);
}

function chooseFormat(args: ParsedArgs, io: Io): OutputFormat {
  const given = args.flags.get('format') as OutputFormat | undefined;
  if (given !== undefined) return given;
  return args.flags.has('out') || io.stdout.isTTY !== true ? 'csv' : 'table';
}

/** Writes the output to `--out` or standard output, and the HTML report to `--html`. */
async function emit(io: Io, args: ParsedArgs, outcome: Outcome, metadata: Metadata, command: string): Promise<void> {
  const format = chooseFormat(args, io);
  if (outcome.trends !== null && (format === 'csv' || format === 'ndjson'))
    throw new UsageError(`--trend writes a second table, which ${format} cannot hold: use --format json, table or markdown`, command);
  const text = formatOutput(format, outcome.table, outcome.trends, metadata);
  const html = args.flags.get('html') as string | undefined;
  let page: string | null = null;
  if (html !== undefined) page = await renderSections([reportSection(outcome, `${command}-1`, notesOf(metadata))], `${command}: ${outcome.input}`);
  const out = args.flags.get('out') as string | undefined;
  if (out === undefined) io.stdout.write(text);
  else await writeAtomically(out, text);
  if (html !== undefined && page !== null) {
    await writeAtomically(html, page);
    io.stderr.write(`cxmetrics: HTML report written to ${html}\n`);
  }
}

function notesOf(metadata: Metadata): string[] {
  const notes = [`${metadata.rowsRead.toLocaleString('en-US')} rows read from ${metadata.input}`];
  if (metadata.rowsSkipped > 0)
    notes.push(`${metadata.rowsSkipped} invalid rows skipped: ${metadata.skipped.map((s) => `${s.count} × ${s.reason}`).join('; ')}`);
  return notes;
}

async function renderSections(sections: ReportSection[], title: string): Promise<string> {
  const { renderReport } = await import('./report/html.js');
  return renderReport({ title, generatedAt: new Date().toISOString(), version: version(), sections });
}

function metadataOf(command: string, input: string, args: ParsedArgs, stats: ReadStats, outcome: Outcome | null): Metadata {
  return {
    cxmetrics: version(),
    command,
    input,
    rowsRead: stats.rowsRead,
    rowsSkipped: stats.rowsSkipped,
    skipped: skippedOf(stats),
    options: optionsOf(args),
    changes: outcome?.changes ?? null,
  };
}

function parseCommand(command: Command, argv: readonly string[]): ParsedArgs {
  return parseArgs(argv, command.flags, command.name);
}

/** Runs a plan's file with a progress line. */
async function runPlan(plan: Plan, io: Io, quiet: boolean, stats: ReadStats): Promise<Outcome> {
  const progress = new Progress(io.stderr, quiet);
  const onProgress = (read: number, total: number | null) => progress.update(read, total, stats.rowsRead);
  try {
    return plan.kind === 'tally' ? await runTally(plan, stats, onProgress) : await runRevenue(plan, stats, onProgress);
  } finally {
    progress.done();
  }
}

async function metricCommand(command: Command, argv: readonly string[], io: Io): Promise<number> {
  const args = parseCommand(command, argv);
  if (args.flags.get('help') === true) {
    io.stdout.write(helpText(`cxmetrics ${command.name} FILE [flags]`, command.summary, command.example, command.flags));
    return 0;
  }
  const plan = command.plan(args);
  chooseFormat(args, io);
  const stats = emptyStats();
  const outcome = await runPlan(plan, io, args.flags.get('quiet') === true, stats);
  reportSkipped(io, stats, plan.input.path);
  await emit(io, args, outcome, metadataOf(command.name, plan.input.path, args, stats, outcome), command.name);
  return 0;
}

/** The envelope `cxmetrics counts` writes and `cxmetrics merge` reads. */
interface CountsFile {
  readonly kind: 'cxmetricsCounts';
  readonly cxmetrics: string;
  readonly command: string;
  /** The command's arguments without the input file and the output flags: every shard must have the same. */
  readonly args: readonly string[];
  readonly input: string;
  readonly rowsRead: number;
  readonly rowsSkipped: number;
  readonly skipped: Metadata['skipped'];
  readonly counts: SegmentCounts | MrrSeriesCounts;
}

/** The arguments of a command line without its positionals and output flags, as `merge` replays them. */
function replayable(argv: readonly string[], command: Command): string[] {
  const out: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i] as string;
    if (a === '--') break;
    if (!a.startsWith('-') || a === '-') continue;
    const name = a.startsWith('--') ? (a.slice(2).split('=')[0] as string) : command.flags.find((f) => f.short === a.slice(1))?.name;
    const flag = command.flags.find((f) => f.name === name);
    if (flag === undefined) continue;
    const separateValue = flag.kind.type !== 'boolean' && !a.includes('=');
    if (!OUTPUT_ONLY.has(flag.name)) out.push(a, ...(separateValue ? [argv[i + 1] as string] : []));
    if (separateValue) i++;
  }
  return out;
}

async function countsCommand(argv: readonly string[], io: Io): Promise<number> {
  const name = argv[0];
  const command = name === undefined ? undefined : COMMANDS.get(name);
  if (argv.length === 0 || argv[0] === '--help' || argv[0] === '-h') {
    io.stdout.write(
      'Usage: cxmetrics counts <metric> FILE [the metric command’s flags]\n\nThe tallies of the file as JSON, to merge with `cxmetrics merge`. Result flags (--changes, --min-count, ...) are kept and applied at merge.\n\nExample:\n  cxmetrics counts nps part-1.csv --value score --by region --period month --time answered_at > part-1.json\n',
    );
    return argv.length === 0 ? 2 : 0;
  }
  if (command === undefined) throw new UsageError(`unknown metric ${JSON.stringify(name)}: one of ${[...COMMANDS.keys()].join(', ')}`, 'counts');
  const rest = argv.slice(1);
  const args = parseCommand(command, rest);
  for (const f of ['html', 'format'])
    if (args.flags.has(f) && !(f === 'format' && args.flags.get(f) === 'json')) throw new UsageError(`counts writes JSON; --${f} does not apply`, 'counts');
  const plan = command.plan(args);
  if (plan.kind === 'revenue' && plan.cohorts !== null)
    throw new UsageError(
      'cohorts are computed from the whole change log and have no tallies to merge: run cxmetrics mrr --cohorts on the whole file',
      'counts',
    );
  const stats = emptyStats();
  const progress = new Progress(io.stderr, args.flags.get('quiet') === true);
  const onProgress = (read: number, total: number | null) => progress.update(read, total, stats.rowsRead);
  let counts: SegmentCounts | MrrSeriesCounts;
  try {
    counts = plan.kind === 'tally' ? await tallyFile(plan.input, plan.counts, stats, onProgress) : await revenueCounts(plan, stats, onProgress);
  } finally {
    progress.done();
  }
  reportSkipped(io, stats, plan.input.path);
  const file: CountsFile = {
    kind: 'cxmetricsCounts',
    cxmetrics: version(),
    command: command.name,
    args: replayable(rest, command),
    input: plan.input.path,
    rowsRead: stats.rowsRead,
    rowsSkipped: stats.rowsSkipped,
    skipped: skippedOf(stats),
    counts,
  };
  const text = `${JSON.stringify(file)}\n`;
  const out = args.flags.get('out') as string | undefined;
  if (out === undefined) io.stdout.write(text);
  else await writeAtomically(out, text);
  return 0;
}

async function readCountsFile(path: string): Promise<CountsFile> {
  let parsed: unknown;
  try {
    parsed = JSON.parse(await readFile(path, 'utf8'));
  } catch (e) {
    throw new InputError(`not a counts file (JSON written by cxmetrics counts): ${(e as Error).message}`, path, null, null);
  }
  const f = parsed as Partial<CountsFile> | null;
  if (
    f === null ||
    typeof f !== 'object' ||
    f.kind !== 'cxmetricsCounts' ||
    typeof f.command !== 'string' ||
    !Array.isArray(f.args) ||
    typeof f.counts !== 'object'
  )
    throw new InputError('not a counts file: expected the JSON that cxmetrics counts writes ({ "kind": "cxmetricsCounts", ... })', path, null, null);
  return f as CountsFile;
}

async function mergeCommand(argv: readonly string[], io: Io): Promise<number> {
  const args = parseArgs(argv, MERGE_FLAGS, 'merge');
  if (args.flags.get('help') === true) {
    io.stdout.write(
      helpText(
        'cxmetrics merge PART.json... [flags]',
        'Merges the tallies written by cxmetrics counts on shards of the data, then computes the results as the metric command would on all of it. Every part must come from the same command and flags.',
        'cxmetrics merge part-1.json part-2.json --format csv',
        MERGE_FLAGS,
      ),
    );
    return 0;
  }
  if (args.positionals.length === 0) throw new UsageError('no counts files given', 'merge');
  const parts = await Promise.all(args.positionals.map(readCountsFile));
  const first = parts[0] as CountsFile;
  for (const [i, p] of parts.entries())
    if (p.command !== first.command || JSON.stringify(p.args) !== JSON.stringify(first.args))
      throw new UsageError(
        `${args.positionals[i]} was counted by \`${['cxmetrics counts', p.command, ...p.args].join(' ')}\`, ${args.positionals[0]} by \`${['cxmetrics counts', first.command, ...first.args].join(' ')}\`: parts must share the command and flags`,
        'merge',
      );
  const command = COMMANDS.get(first.command);
  if (command === undefined) throw new InputError(`unknown command ${JSON.stringify(first.command)}`, args.positionals[0] as string, null, null);
  const replay = parseCommand(command, [...first.args, args.positionals[0] as string]);
  const plan = command.plan(replay);
  let counts = first.counts;
  for (const [i, p] of parts.entries()) {
    if (i === 0) continue;
    try {
      counts = mergeCounts(counts as SegmentCounts, p.counts as SegmentCounts);
    } catch (e) {
      if (isMetricsError(e)) throw new InputError(`cannot merge with ${args.positionals[0]}: ${e.message}`, args.positionals[i] as string, null, null);
      throw e;
    }
  }
  const outcome = plan.kind === 'tally' ? tallyOutcome(plan, counts as SegmentCounts) : revenueFromCounts(plan, counts as MrrSeriesCounts);
  const stats = emptyStats();
  for (const p of parts) {
    stats.rowsRead += p.rowsRead;
    stats.rowsSkipped += p.rowsSkipped;
    for (const s of p.skipped) {
      const e = stats.skipped.get(s.reason) ?? { count: 0, lines: [] };
      e.count += s.count;
      stats.skipped.set(s.reason, e);
    }
  }
  const input = parts.map((p) => p.input).join(', ');
  const shown = { ...outcome, input };
  await emit(io, args, shown, { ...metadataOf(command.name, input, replay, stats, outcome) }, 'merge');
  return 0;
}

/** A report config: a title, where to write, and one section per metric command with its flags. */
interface ReportConfig {
  readonly title: string;
  readonly out: string | null;
  readonly sections: readonly { readonly command: string; readonly input: string; readonly argv: readonly string[] }[];
}

async function loadConfig(path: string): Promise<ReportConfig> {
  const text = await readFile(path, 'utf8').catch((e: Error) => {
    throw new UsageError(`cannot read the report config ${path}: ${e.message}`, 'report');
  });
  let raw: unknown;
  try {
    raw = /\.ya?ml$/i.test(path) ? (await import('yaml')).parse(text) : JSON.parse(text);
  } catch (e) {
    throw new UsageError(`the report config ${path} is not valid ${/\.ya?ml$/i.test(path) ? 'YAML' : 'JSON'}: ${(e as Error).message}`, 'report');
  }
  const bad = (message: string): never => {
    throw new UsageError(`report config ${path}: ${message}`, 'report');
  };
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) bad('expected an object { title, out, sections }');
  const c = raw as Record<string, unknown>;
  for (const k of Object.keys(c)) if (!['title', 'out', 'sections'].includes(k)) bad(`unknown key ${JSON.stringify(k)} (known: title, out, sections)`);
  if (c.title !== undefined && typeof c.title !== 'string') bad('title must be text');
  if (c.out !== undefined && typeof c.out !== 'string') bad('out must be a file name');
  if (!Array.isArray(c.sections) || c.sections.length === 0) bad('sections must be a non-empty list of { command, input, ...flags }');
  const base = dirname(path);
  const sections = (c.sections as unknown[]).map((s, i) => {
    if (s === null || typeof s !== 'object' || Array.isArray(s)) return bad(`sections[${i}] must be an object { command, input, ...flags }`);
    const entry = s as Record<string, unknown>;
    const command = entry.command;
    if (typeof command !== 'string' || !COMMANDS.has(command)) return bad(`sections[${i}].command must be one of ${[...COMMANDS.keys()].join(', ')}`);
    if (typeof entry.input !== 'string') return bad(`sections[${i}].input must be the data file`);
    const argv: string[] = [resolve(base, entry.input)];
    for (const [k, v] of Object.entries(entry)) {
      if (k === 'command' || k === 'input') continue;
      if (OUTPUT_ONLY.has(k)) bad(`sections[${i}].${k}: output flags do not apply in a report`);
      if (v === true) argv.push(`--${k}`);
      else if (v === false) continue;
      else if (Array.isArray(v)) argv.push(`--${k}`, v.map(String).join(','));
      else if (typeof v === 'string' || typeof v === 'number') argv.push(`--${k}`, k === 'business-hours' ? resolve(base, String(v)) : String(v));
      else bad(`sections[${i}].${k}: expected text, a number, true or a list`);
    }
    return { command, input: entry.input, argv };
  });
  return { title: typeof c.title === 'string' ? c.title : basename(path), out: typeof c.out === 'string' ? resolve(base, c.out) : null, sections };
}

async function reportCommand(argv: readonly string[], io: Io): Promise<number> {
  const args = parseArgs(argv, REPORT_FLAGS, 'report');
  if (args.flags.get('help') === true) {
    io.stdout.write(
      helpText(
        'cxmetrics report CONFIG.(json|yaml) [flags]',
        'Runs several metric commands and writes one self-contained HTML report. The config: { title, out, sections: [{ command, input, ...flags }] }, where each section names a metric command, its input file (relative to the config) and its flags by name.',
        'cxmetrics report examples/report.yaml --out report.html',
        REPORT_FLAGS,
      ),
    );
    return 0;
  }
  if (args.positionals.length !== 1) throw new UsageError('expected one report config (JSON or YAML)', 'report');
  const path = args.positionals[0] as string;
  const config = await loadConfig(path);
  const out = (args.flags.get('out') as string | undefined) ?? config.out ?? `${path.replace(/\.(json|ya?ml)$/i, '')}.html`;
  const sections: ReportSection[] = [];
  for (const [i, s] of config.sections.entries()) {
    const command = COMMANDS.get(s.command) as Command;
    const parsed = parseCommand(command, s.argv);
    const plan = command.plan(parsed);
    const stats = emptyStats();
    const outcome = await runPlan(plan, io, args.flags.get('quiet') === true, stats);
    reportSkipped(io, stats, s.input);
    sections.push(reportSection({ ...outcome, input: s.input }, `${s.command}-${i + 1}`, notesOf(metadataOf(command.name, s.input, parsed, stats, outcome))));
  }
  await writeAtomically(out, await renderSections(sections, config.title));
  io.stderr.write(`cxmetrics: HTML report written to ${out}\n`);
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
