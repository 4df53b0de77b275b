/**
 * What every command does with a run: read its file with a progress line,
 * write its output (to standard output or atomically to a file, and the
 * HTML report), and describe it in the metadata.
 */
import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type ParsedArgs, parseArgs, UsageError } from './args.js';
import type { Command, Plan } from './commands.js';
import { OUTPUT_FLAGS, type OutputFormat } from './flags.js';
import { formatOutput, type Metadata, writeAtomically } from './output.js';
import { Progress, type ProgressStream } from './progress.js';
import type { ReportSection } from './report/model.js';
import { reportSection } from './report-sections.js';
import { type Outcome, runRevenue, runTally } from './run.js';
import type { ReadStats } from './tally-file.js';

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

/** The flags that choose where and how output goes: not part of a run's options. */
export const OUTPUT_ONLY: ReadonlySet<string> = new Set(OUTPUT_FLAGS.map((f) => f.name));

/** The flags given, by name, for the JSON metadata: what was asked for. */
export function optionsOf(args: ParsedArgs): Record<string, unknown> {
  const o: Record<string, unknown> = {};
  for (const [k, v] of args.flags) if (!OUTPUT_ONLY.has(k)) o[k] = v;
  return o;
}

export function skippedOf(stats: ReadStats): Metadata['skipped'] {
  return [...stats.skipped].map(([reason, s]) => ({ reason, count: s.count, lines: [...s.lines] }));
}

/** Tells standard error how many rows were skipped, per reason with the first line numbers. */
export function reportSkipped(io: Io, stats: ReadStats, input: string): void {
  if (stats.rowsSkipped === 0) return;
  io.stderr.write(`cxmetrics: ${stats.rowsSkipped} of ${stats.rowsRead} rows of ${input} skipped as invalid:\n`);
  for (const s of skippedOf(stats)) io.stderr.write(`  ${s.count} × ${s.reason} (lines ${s.lines.join(', ')}${s.count > s.lines.length ? ', ...' : ''})\n`);
}

/**
 * The output format: `--format`, else a table on a terminal and CSV
 * otherwise. A trend is a second table, which CSV and NDJSON cannot hold:
 * asked for with them, it is a usage error before any row is read.
 */
export function chooseFormat(args: ParsedArgs, io: Io, trend: boolean, command: string): OutputFormat {
  const given = args.flags.get('format') as OutputFormat | undefined;
  const format = given ?? (args.flags.has('out') || io.stdout.isTTY !== true ? 'csv' : 'table');
  if (trend && (format === 'csv' || format === 'ndjson'))
    throw new UsageError(`--trend writes a second table, which ${format} cannot hold: use --format json, table or markdown`, command);
  return format;
}

/** Writes the output in `format` to `--out` or standard output, and the HTML report to `--html`. */
export async function emit(io: Io, args: ParsedArgs, outcome: Outcome, metadata: Metadata, command: string, format: OutputFormat): Promise<void> {
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

export function notesOf(metadata: Metadata): string[] {
  const notes = [`${metadata.rowsRead.toLocaleString('en-US')} rows read from ${metadata.input}`];
  if (metadata.rowsSkipped > 0)
    notes.push(`${metadata.rowsSkipped} invalid rows skipped: ${metadata.skipped.map((s) => `${s.count} × ${s.reason}`).join('; ')}`);
  return notes;
}

export async function renderSections(sections: ReportSection[], title: string): Promise<string> {
  const { renderReport } = await import('./report/html.js');
  return renderReport({ title, generatedAt: new Date().toISOString(), version: version(), sections });
}

export function metadataOf(command: string, input: string, args: ParsedArgs, stats: ReadStats, outcome: Outcome | null): Metadata {
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

export function parseCommand(command: Command, argv: readonly string[]): ParsedArgs {
  return parseArgs(argv, command.flags, command.name);
}

/** Runs a plan's file with a progress line. */
export async function runPlan(plan: Plan, io: Io, quiet: boolean, stats: ReadStats): Promise<Outcome> {
  const progress = new Progress(io.stderr, quiet);
  const onProgress = (read: number, total: number | null) => progress.update(read, total, stats.rowsRead);
  try {
    return plan.kind === 'tally' ? await runTally(plan, stats, onProgress) : await runRevenue(plan, stats, onProgress);
  } finally {
    progress.done();
  }
}
