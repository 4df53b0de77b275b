/**
 * `cxmetrics report`: several metric commands, named with their flags in a
 * JSON or YAML config, run into one self-contained HTML report.
 */
import { readFile } from 'node:fs/promises';
import { basename, dirname, resolve } from 'node:path';
import { type Flag, helpText, parseArgs, UsageError } from './args.js';
import { COMMANDS, type Command } from './commands.js';
import { writeAtomically } from './output.js';
import type { ReportSection } from './report/model.js';
import { reportSection } from './report-sections.js';
import { type Io, metadataOf, notesOf, OUTPUT_ONLY, parseCommand, renderSections, reportSkipped, runPlan } from './session.js';
import { emptyStats } from './tally-file.js';

/** Flags of `report`. */
const REPORT_FLAGS: readonly Flag[] = [
  { name: 'out', short: 'o', kind: { type: 'string' }, value: 'FILE', help: "the HTML file (default: the config's `out`, else its name with .html)" },
  { name: 'quiet', short: 'q', kind: { type: 'boolean' }, help: 'no progress line on a terminal' },
  { name: 'help', short: 'h', kind: { type: 'boolean' }, help: 'show this help' },
];

/** A report config: a title, where to write, and one section per metric command with its flags. */
interface ReportConfig {
  readonly title: string;
  readonly out: string | null;
  readonly sections: readonly { readonly command: string; readonly input: string; readonly argv: readonly string[] }[];
}

/** Whether a config value names a file, read relative to the config: business hours, and labels not given inline. */
const isPath = (flag: string, value: string): boolean => flag === 'business-hours' || (flag === 'labels' && !value.trimStart().startsWith('{'));

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
      else if (typeof v === 'string' || typeof v === 'number') argv.push(`--${k}`, isPath(k, String(v)) ? resolve(base, String(v)) : String(v));
      else bad(`sections[${i}].${k}: expected text, a number, true or a list`);
    }
    return { command, input: entry.input, argv };
  });
  return { title: typeof c.title === 'string' ? c.title : basename(path), out: typeof c.out === 'string' ? resolve(base, c.out) : null, sections };
}

export async function reportCommand(argv: readonly string[], io: Io): Promise<number> {
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
