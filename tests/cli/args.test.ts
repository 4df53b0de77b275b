/**
 * Reading the command line's arguments: each kind of flag value, the forms
 * of a flag, `--` and `-`, the usage errors with what they expect, the
 * suggestions for a near miss, and the help text's layout.
 */
import { describe, expect, it } from 'vitest';
import { expects, type Flag, helpText, parseArgs, UsageError } from '../../src/cli/args.js';

const FLAGS: readonly Flag[] = [
  { name: 'quiet', short: 'q', kind: { type: 'boolean' }, help: 'no progress' },
  { name: 'out', short: 'o', kind: { type: 'string' }, value: 'FILE', help: 'the output file' },
  { name: 'value', kind: { type: 'string' }, help: 'the column' },
  { name: 'format', kind: { type: 'choice', choices: ['csv', 'json'] }, help: 'the format' },
  { name: 'horizon', kind: { type: 'integer', min: 1, max: 12 }, help: 'periods' },
  { name: 'level', kind: { type: 'number' }, value: '0.95', help: 'the level' },
  { name: 'by', kind: { type: 'list' }, help: 'segments' },
  { name: 'promoter-min', kind: { type: 'integer', min: -5, max: 100 }, value: 'N', help: 'lowest promoter' },
];

const parse = (...argv: string[]) => {
  const parsed = parseArgs(argv, FLAGS, 'nps');
  return { flags: Object.fromEntries(parsed.flags), positionals: parsed.positionals };
};
const refused = (argv: readonly string[]): UsageError => {
  try {
    parseArgs(argv, FLAGS, 'nps');
  } catch (e) {
    expect(e).toBeInstanceOf(UsageError);
    expect((e as UsageError).name).toBe('UsageError');
    expect((e as UsageError).command).toBe('nps');
    return e as UsageError;
  }
  return expect.fail(`${JSON.stringify(argv)} was read`);
};
const message = (...argv: string[]) => refused(argv).message;

describe('parseArgs', () => {
  it('reads --name value, --name=value, -x value and boolean flags alone, keeping positionals in order', () => {
    expect(parse('a.csv', '--value', 'score', '--format=json', '-o', 'out.csv', '-q', 'b.csv')).toStrictEqual({
      flags: { value: 'score', format: 'json', out: 'out.csv', quiet: true },
      positionals: ['a.csv', 'b.csv'],
    });
    expect(parseArgs([], FLAGS, null)).toStrictEqual({ flags: new Map(), positionals: [] });
  });

  it('ends the flags at --, and reads - and longer single-dash words as positionals', () => {
    expect(parse('--quiet', '--', '--by', '-q')).toStrictEqual({ flags: { quiet: true }, positionals: ['--by', '-q'] });
    expect(parse('-', '-ab', '--value', 'x')).toStrictEqual({ flags: { value: 'x' }, positionals: ['-', '-ab'] });
  });

  it('takes a value that starts with a dash, but not a long flag, after a flag', () => {
    expect(parse('--level', '-0.5', '--out', '-', '--value', '--')).toStrictEqual({ flags: { level: -0.5, out: '-', value: '--' }, positionals: [] });
    expect(message('--out', '--quiet')).toBe('--out expects a value (FILE), received nothing');
    expect(message('--value')).toBe('--value expects a value (TEXT), received nothing');
  });

  it('reads integers with a sign within their range, and refuses others', () => {
    expect(parse('--horizon', '+3', '--promoter-min', '-5').flags).toStrictEqual({ horizon: 3, 'promoter-min': -5 });
    expect(parse('--horizon', '1').flags.horizon).toBe(1);
    expect(parse('--horizon', '12').flags.horizon).toBe(12);
    expect(message('--horizon', '0')).toBe('--horizon expects an integer from 1 to 12, received "0"');
    expect(message('--horizon', '13')).toBe('--horizon expects an integer from 1 to 12, received "13"');
    expect(message('--horizon', '3.0')).toBe('--horizon expects an integer from 1 to 12, received "3.0"');
    expect(message('--horizon', 'x3')).toContain('received "x3"');
    expect(message('--horizon', '3x')).toContain('received "3x"');
    expect(message('--promoter-min', '*5')).toContain('received "*5"');
  });

  it('reads numbers in decimal and exponent forms, and refuses other text', () => {
    const levels = ['0.9', '.5', '5.', '+1e-3', '2E2', '-7'].map((t) => parse('--level', t).flags.level);
    expect(levels).toStrictEqual([0.9, 0.5, 5, 0.001, 200, -7]);
    for (const t of ['abc', '1e', '0x10', '1,5', 'Infinity', '.', ' 1'])
      expect(message('--level', t)).toBe(`--level expects a number, received ${JSON.stringify(t)}`);
  });

  it('reads a list with its items trimmed, and refuses an empty item', () => {
    expect(parse('--by', ' region , plan').flags.by).toStrictEqual(['region', 'plan']);
    expect(parse('--by=region').flags.by).toStrictEqual(['region']);
    expect(message('--by', 'a,,b')).toBe('--by expects a comma-separated list (A,B), received "a,,b"');
    expect(message('--by', 'a, ')).toContain('comma-separated');
  });

  it('refuses an empty text, a choice not offered, a value for a boolean, a flag given twice and unknown flags', () => {
    expect(message('--value=')).toBe('--value expects a value (TEXT), received ""');
    expect(message('--format', 'xml')).toBe('--format expects one of csv, json, received "xml"');
    expect(message('--quiet=yes')).toBe('--quiet takes no value, received "yes"');
    expect(message('-q', '--quiet')).toBe('--quiet is given twice');
    expect(message('-z')).toBe('unknown flag -z');
    expect(message('--nothing-like-it')).toBe('unknown flag --nothing-like-it');
  });

  it('suggests a known flag one edit away, or more for a longer name', () => {
    expect(message('--bye')).toBe('unknown flag --bye (did you mean --by?)');
    expect(message('--vlue')).toBe('unknown flag --vlue (did you mean --value?)');
    expect(message('--valeu')).toBe('unknown flag --valeu');
    expect(message('--formta')).toBe('unknown flag --formta');
    // Eleven letters allow two edits.
    expect(message('--promotr-mn')).toBe('unknown flag --promotr-mn (did you mean --promoter-min?)');
    expect(message('--promtr-mn')).toBe('unknown flag --promtr-mn');
    expect(message('--levels')).toBe('unknown flag --levels (did you mean --level?)');
    expect(message('--q')).toBe('unknown flag --q');
  });
});

describe('expects', () => {
  it('says what each kind of value looks like, with the flag’s placeholder', () => {
    const said = FLAGS.map(expects);
    expect(said).toStrictEqual([
      'no value',
      'a value (FILE)',
      'a value (TEXT)',
      'one of csv, json',
      'an integer from 1 to 12',
      'a number',
      'a comma-separated list (A,B)',
      'an integer from -5 to 100',
    ]);
    expect(expects({ name: 'by', kind: { type: 'list' }, value: 'COL,COL', help: '' })).toBe('a comma-separated list (COL,COL)');
  });
});

describe('helpText', () => {
  it('writes the usage, summary, example and the flags aligned, with each kind’s placeholder', () => {
    expect(helpText('cxmetrics x FILE', 'Does x.', 'cxmetrics x a.csv', FLAGS)).toBe(
      [
        'Usage: cxmetrics x FILE',
        '',
        'Does x.',
        '',
        'Example:',
        '  cxmetrics x a.csv',
        '',
        'Flags:',
        '  -q, --quiet            no progress',
        '  -o, --out FILE         the output file',
        '      --value TEXT       the column',
        '      --format csv|json  the format',
        '      --horizon N        periods',
        '      --level 0.95       the level',
        '      --by A,B           segments',
        '      --promoter-min N   lowest promoter',
        '',
      ].join('\n'),
    );
    expect(helpText('u', 's', 'e', [{ name: 'x', kind: { type: 'number' }, help: 'h' }])).toBe('Usage: u\n\ns\n\nExample:\n  e\n\nFlags:\n      --x X  h\n');
    expect(helpText('u', 's', 'e', [])).toBe('Usage: u\n\ns\n\nExample:\n  e\n\nFlags:\n');
  });
});
