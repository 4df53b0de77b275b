/**
 * Tallies computed on shards of the data: `cxmetrics counts` writes a
 * file's tallies with the command and flags that made them, and
 * `cxmetrics merge` merges the tallies of every shard (each counted by the
 * same command and flags) and computes the results once.
 */
import { readFile } from 'node:fs/promises';
import { isMetricsError } from '../core/contract/errors.js';
import { mergeCounts } from '../metrics/merge-counts.js';
import type { MrrSeriesCounts } from '../revenue/series.js';
import type { SegmentCounts } from '../segments/segment.js';
import { type Flag, helpText, type ParsedArgs, parseArgs, UsageError } from './args.js';
import { COMMANDS } from './commands.js';
import { OUTPUT_FLAGS } from './flags.js';
import { InputError } from './input/read.js';
import { type Metadata, writeAtomically } from './output.js';
import { Progress } from './progress.js';
import { revenueCounts, revenueFromCounts, tallyCounts, tallyOutcome } from './run.js';
import { chooseFormat, emit, type Io, metadataOf, OUTPUT_ONLY, parseCommand, reportSkipped, skippedOf, version } from './session.js';
import { emptyStats } from './tally-file.js';

/** Flags of `merge`: the output flags of every command. */
const MERGE_FLAGS: readonly Flag[] = OUTPUT_FLAGS;

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

/**
 * A command's flags without the input file and the output flags, as `merge`
 * replays them: one `--name value` per flag, sorted by name, so parts counted
 * with the same flags in another order or spelling compare equal.
 */
function replayable(args: ParsedArgs): string[] {
  return [...args.flags]
    .filter(([name]) => !OUTPUT_ONLY.has(name))
    .sort(([a], [b]) => (a < b ? -1 : 1))
    .flatMap(([name, value]) => (value === true ? [`--${name}`] : [`--${name}`, Array.isArray(value) ? value.join(',') : String(value)]));
}

export async function countsCommand(argv: readonly string[], io: Io): Promise<number> {
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
  if (args.flags.get('help') === true) {
    io.stdout.write(helpText(`cxmetrics counts ${command.name} FILE [flags]`, command.summary, command.example, command.flags));
    return 0;
  }
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
    counts = plan.kind === 'tally' ? await tallyCounts(plan, stats, onProgress) : await revenueCounts(plan, stats, onProgress);
  } finally {
    progress.done();
  }
  reportSkipped(io, stats, plan.input.path);
  const file: CountsFile = {
    kind: 'cxmetricsCounts',
    cxmetrics: version(),
    command: command.name,
    args: replayable(args),
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

export async function mergeCommand(argv: readonly string[], io: Io): Promise<number> {
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
  const format = chooseFormat(args, io, outcome.trends !== null, 'merge');
  await emit(io, args, shown, metadataOf(command.name, input, replay, stats, outcome), 'merge', format);
  return 0;
}
