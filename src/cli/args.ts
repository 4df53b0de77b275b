/**
 * The command line's arguments: flags declared once per command, each with
 * the kind of value it takes, read from `argv` with every mistake a usage
 * error that names the flag and what it expects.
 */

/** A usage error: exit code 2, with the message and the command whose help explains it. */
export class UsageError extends Error {
  override readonly name = 'UsageError';
  /** The command the error is about (for the pointer to its `--help`), or `null` for the program. */
  readonly command: string | null;
  constructor(message: string, command: string | null) {
    super(message);
    this.command = command;
  }
}

/** How a flag's text is read. */
export type FlagKind =
  | { readonly type: 'boolean' }
  | { readonly type: 'string' }
  | { readonly type: 'choice'; readonly choices: readonly string[] }
  | { readonly type: 'integer'; readonly min: number; readonly max: number }
  | { readonly type: 'number' }
  | { readonly type: 'list' };

/** A flag: its name (without `--`), the value it takes, its help line. */
export interface Flag {
  readonly name: string;
  readonly kind: FlagKind;
  /** The value's placeholder in help, e.g. `COLUMN` or `0.95`. */
  readonly value?: string;
  readonly help: string;
  /** A one-letter alias (`-o` for `--out`). */
  readonly short?: string;
}

/** A flag's value once read: text, a number, a list of texts, or `true`. */
export type FlagValue = string | number | boolean | readonly string[];

/** Read flags by name, and the positional arguments in order. */
export interface ParsedArgs {
  readonly flags: ReadonlyMap<string, FlagValue>;
  readonly positionals: readonly string[];
}

/** What a flag's value must look like, for messages. */
export function expects(flag: Flag): string {
  const k = flag.kind;
  switch (k.type) {
    case 'boolean':
      return 'no value';
    case 'string':
      return `a value (${flag.value ?? 'TEXT'})`;
    case 'choice':
      return `one of ${k.choices.join(', ')}`;
    case 'integer':
      return `an integer from ${k.min} to ${k.max}`;
    case 'number':
      return 'a number';
    case 'list':
      return `a comma-separated list (${flag.value ?? 'A,B'})`;
    default: {
      const never: never = k;
      return never;
    }
  }
}

const NUMBER = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;

function readValue(flag: Flag, text: string, command: string | null): FlagValue {
  const k = flag.kind;
  const bad = (): never => {
    throw new UsageError(`--${flag.name} expects ${expects(flag)}, received ${JSON.stringify(text)}`, command);
  };
  switch (k.type) {
    case 'boolean':
      return bad();
    case 'string':
      return text === '' ? bad() : text;
    case 'choice':
      return k.choices.includes(text) ? text : bad();
    case 'integer': {
      if (!/^[+-]?\d+$/.test(text)) return bad();
      const n = Number(text);
      return n >= k.min && n <= k.max ? n : bad();
    }
    case 'number':
      return NUMBER.test(text) ? Number(text) : bad();
    case 'list': {
      const items = text.split(',').map((s) => s.trim());
      return items.some((s) => s === '') ? bad() : items;
    }
    default: {
      const never: never = k;
      return never;
    }
  }
}

/**
 * Reads `argv` against a command's flags: `--name value`, `--name=value`,
 * `-x value`, boolean flags alone, `--` ending the flags. A flag given twice,
 * an unknown flag, a missing or malformed value are {@link UsageError}s.
 *
 * @example
 * const flags = [{ name: 'by', kind: { type: 'list' }, help: '' }, { name: 'quiet', kind: { type: 'boolean' }, help: '' }];
 * const parsed = parseArgs(['a.csv', '--by=region,plan', '--quiet'], flags, 'nps');
 * [parsed.positionals, parsed.flags.get('by'), parsed.flags.get('quiet')] // => [['a.csv'], ['region', 'plan'], true]
 * parseArgs(['--bye', 'x'], flags, 'nps') // throws
 */
export function parseArgs(argv: readonly string[], flags: readonly Flag[], command: string | null): ParsedArgs {
  const byName = new Map(flags.map((f) => [f.name, f]));
  const byShort = new Map(flags.filter((f) => f.short !== undefined).map((f) => [f.short as string, f]));
  const values = new Map<string, FlagValue>();
  const positionals: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] as string;
    if (arg === '--') {
      positionals.push(...argv.slice(i + 1));
      break;
    }
    let flag: Flag | undefined;
    let inline: string | undefined;
    if (arg.startsWith('--')) {
      const eq = arg.indexOf('=');
      const name = eq === -1 ? arg.slice(2) : arg.slice(2, eq);
      inline = eq === -1 ? undefined : arg.slice(eq + 1);
      flag = byName.get(name);
      if (flag === undefined) throw new UsageError(`unknown flag --${name}${suggestion(name, flags)}`, command);
    } else if (arg.length === 2 && arg[0] === '-' && arg !== '-') {
      flag = byShort.get(arg[1] as string);
      if (flag === undefined) throw new UsageError(`unknown flag ${arg}`, command);
    } else {
      positionals.push(arg);
      continue;
    }
    if (values.has(flag.name)) throw new UsageError(`--${flag.name} is given twice`, command);
    if (flag.kind.type === 'boolean') {
      if (inline !== undefined) throw new UsageError(`--${flag.name} takes no value, received ${JSON.stringify(inline)}`, command);
      values.set(flag.name, true);
      continue;
    }
    let text = inline;
    if (text === undefined) {
      const next = argv[i + 1];
      if (next === undefined || (next.startsWith('--') && next.length > 2))
        throw new UsageError(`--${flag.name} expects ${expects(flag)}, received nothing`, command);
      text = next;
      i++;
    }
    values.set(flag.name, readValue(flag, text, command));
  }
  return { flags: values, positionals };
}

/** ` (did you mean --x?)` for a near miss: a known flag with the same start or one letter apart. */
function suggestion(name: string, flags: readonly Flag[]): string {
  const near = flags.find((f) => distance(f.name, name) <= Math.max(1, Math.floor(name.length / 4)));
  return near === undefined ? '' : ` (did you mean --${near.name}?)`;
}

/** Levenshtein distance, for suggestions among a few dozen short names. */
function distance(a: string, b: string): number {
  let row = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const next = [i];
    for (let j = 1; j <= b.length; j++)
      next[j] = Math.min((row[j] as number) + 1, (next[j - 1] as number) + 1, (row[j - 1] as number) + (a[i - 1] === b[j - 1] ? 0 : 1));
    row = next;
  }
  return row[b.length] as number;
}

/**
 * The help text of a command: usage line, summary, the example, and each
 * flag with its value and help, aligned.
 *
 * @example
 * helpText('cxmetrics nps FILE [flags]', 'NPS by segment and period.', 'cxmetrics nps a.csv --value score', [{ name: 'value', kind: { type: 'string' }, value: 'COLUMN', help: 'the score column' }]).split('\n')[0] // => 'Usage: cxmetrics nps FILE [flags]'
 */
export function helpText(usage: string, summary: string, example: string, flags: readonly Flag[]): string {
  const left = flags.map(
    (f) => `${f.short === undefined ? '    ' : `-${f.short}, `}--${f.name}${f.kind.type === 'boolean' ? '' : ` ${f.value ?? valuePlaceholder(f.kind)}`}`,
  );
  const width = Math.max(0, ...left.map((l) => l.length));
  const lines = flags.map((f, i) => `  ${(left[i] as string).padEnd(width)}  ${f.help}`);
  return [`Usage: ${usage}`, '', summary, '', 'Example:', `  ${example}`, '', 'Flags:', ...lines, ''].join('\n');
}

function valuePlaceholder(kind: FlagKind): string {
  switch (kind.type) {
    case 'choice':
      return kind.choices.join('|');
    case 'integer':
      return 'N';
    case 'number':
      return 'X';
    case 'list':
      return 'A,B';
    default:
      return 'TEXT';
  }
}
