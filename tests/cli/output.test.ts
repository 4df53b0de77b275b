/**
 * The output formats as text, written out in full: CSV quoting, NDJSON, the
 * Markdown and terminal tables with their second table of trends, the JSON
 * document; files written atomically; and what a run says on standard error
 * and in the metadata (the format chosen, skipped rows, the version).
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseArgs } from '../../src/cli/args.js';
import { OUTPUT_FLAGS } from '../../src/cli/flags.js';
import { formatOutput, type Metadata, writeAtomically } from '../../src/cli/output.js';
import type { OutputTable } from '../../src/cli/results.js';
import { chooseFormat, type Io, notesOf, optionsOf, reportSkipped, skippedOf, version } from '../../src/cli/session.js';
import { emptyStats } from '../../src/cli/tally-file.js';
import { ROOT } from './built-bin.js';
import { scratch } from './files.js';

const { path } = scratch('cxmetrics-output-');

const METADATA: Metadata = {
  cxmetrics: '1.2.3',
  command: 'nps',
  input: 'a.csv',
  rowsRead: 12,
  rowsSkipped: 0,
  skipped: [],
  options: { value: 'score' },
  changes: null,
};

/** Two segments, one without a value or interval; text that needs quoting in CSV and escaping in Markdown. */
const CELLS: OutputTable = {
  by: ['region'],
  columns: ['region', 'n', 'value', 'lower', 'upper', 'p', 'p_adjusted', 'significant', 'flags'],
  rows: [
    { region: 'Paris, "FR"', n: 120, value: 23.4, lower: 12.1, upper: 34, p: 0.0123, p_adjusted: 0.0246, significant: true, flags: [] },
    {
      region: 'a|b\\c\nd',
      n: 8,
      value: null,
      lower: null,
      upper: null,
      p: null,
      p_adjusted: null,
      significant: null,
      flags: ['below-min-count', 'no-baseline'],
    },
    { region: 'US', n: 40, value: -5, lower: null, upper: null, p: 0.5, p_adjusted: 1, significant: false, flags: ['small-sample'] },
  ],
};

const TRENDS: OutputTable = {
  by: ['region'],
  columns: ['region', 'periods', 'slope', 'lower', 'upper', 'p_adjusted', 'significant', 'flags'],
  rows: [{ region: 'US', periods: 6, slope: 1.5, lower: 0.25, upper: 2.75, p_adjusted: 0.04, significant: true, flags: [] }],
};

describe('formatOutput', () => {
  it('csv: a header, fields quoted when they hold a comma, quote, CR or LF, null empty, flags joined by ;', () => {
    expect(formatOutput('csv', CELLS, null, METADATA)).toBe(
      [
        'region,n,value,lower,upper,p,p_adjusted,significant,flags',
        '"Paris, ""FR""",120,23.4,12.1,34,0.0123,0.0246,true,',
        '"a|b\\c\nd",8,,,,,,,below-min-count;no-baseline',
        'US,40,-5,,,0.5,1,false,small-sample',
        '',
      ].join('\n'),
    );
    const cr: OutputTable = { by: ['x'], columns: ['x', 'y'], rows: [{ x: 'a\rb' }, { x: 'plain', y: 'q"' }] };
    expect(formatOutput('csv', cr, null, METADATA)).toBe('x,y\n"a\rb",\nplain,"q"""\n');
  });

  it('ndjson: one object per row with every column, a missing one null; nothing for no rows', () => {
    const table: OutputTable = {
      by: [],
      columns: ['n', 'value', 'flags'],
      rows: [
        { n: 3, flags: ['x'] },
        { n: 0, value: null, flags: [] },
      ],
    };
    expect(formatOutput('ndjson', table, null, METADATA)).toBe('{"n":3,"value":null,"flags":["x"]}\n{"n":0,"value":null,"flags":[]}\n');
    expect(formatOutput('ndjson', { ...table, rows: [] }, null, METADATA)).toBe('');
  });

  it('markdown: a pipe table with backslash, pipe and newline escaped; the trends under their own heading', () => {
    const table: OutputTable = { by: ['region'], columns: ['region', 'n', 'flags'], rows: CELLS.rows };
    const cells = [
      '| region | n | flags |',
      '| --- | --- | --- |',
      '| Paris, "FR" | 120 |  |',
      '| a\\|b\\\\c d | 8 | below-min-count;no-baseline |',
      '| US | 40 | small-sample |',
      '',
    ].join('\n');
    expect(formatOutput('markdown', table, null, METADATA)).toBe(cells);
    expect(formatOutput('markdown', table, { by: [], columns: ['slope'], rows: [{ slope: 1 }, {}] }, METADATA)).toBe(
      `${cells}\n**Trends**\n\n| slope |\n| --- |\n| 1 |\n|  |\n`,
    );
  });

  it('table: the value with its interval, adjusted p to three digits with * when significant, numbers right-aligned, flags last', () => {
    expect(formatOutput('table', CELLS, null, METADATA)).toBe(
      [
        'region         n  value (interval)   p_adjusted  flags',
        'Paris, "FR"  120  23.4 (12.1 to 34)    0.0246 *',
        'a|b\\c\nd        8  —                              below-min-count, no-baseline',
        'US            40  -5                       1.00  small-sample',
        '',
      ].join('\n'),
    );
  });

  it('table: the unit in the value header; a table without an interval shows values as they are', () => {
    const hours: OutputTable = {
      by: [],
      unit: 'h',
      columns: ['n', 'value', 'lower', 'upper'],
      rows: [
        { n: 5, value: 1.5, lower: 1, upper: 2 },
        { n: 10, value: null, lower: null, upper: null },
      ],
    };
    expect(formatOutput('table', hours, null, METADATA)).toBe(' n  value, h (interval)\n 5  1.5 (1 to 2)\n10  —\n');
    // An interval with one end only is not shown.
    const oneEnd: OutputTable = {
      ...hours,
      rows: [
        { n: 5, value: 1.5, lower: null, upper: 2 },
        { n: 6, value: 2.5, lower: 1, upper: null },
      ],
    };
    expect(formatOutput('table', oneEnd, null, METADATA)).toBe('n  value, h (interval)\n5  1.5\n6  2.5\n');
    const plain: OutputTable = {
      by: ['plan'],
      columns: ['plan', 'value', 'label'],
      rows: [
        { plan: 'pro', value: 12, label: null },
        { plan: 'free', value: 3 },
      ],
    };
    expect(formatOutput('table', plain, null, METADATA)).toBe('plan  value  label\npro   12\nfree  3\n');
  });

  it('table: notes on the changes (one or several comparisons) and on skipped rows, then the trends', () => {
    const one = { ...METADATA, changes: { against: 'previous', adjust: 'holm', comparisons: 1 } };
    const note = (n: number, s: string) =>
      `changes against previous: ${n} comparison${s}, p-values adjusted by holm; * marks a change that survives the correction`;
    const small: OutputTable = { by: [], columns: ['n'], rows: [{ n: 1 }] };
    expect(formatOutput('table', small, null, one)).toBe(`n\n1\n\n${note(1, '')}\n`);
    const several = { ...METADATA, rowsSkipped: 2, changes: { against: 'previous', adjust: 'holm', comparisons: 3 } };
    expect(formatOutput('table', small, null, several)).toBe(`n\n1\n\n${note(3, 's')}\n2 invalid rows skipped (see standard error)\n`);
    expect(formatOutput('table', small, TRENDS, METADATA)).toBe(
      'n\n1\n\nTrends\nregion  periods  slope  lower  upper  p_adjusted  flags\nUS            6    1.5   0.25   2.75    0.0400 *\n',
    );
  });

  it('json: the metadata, the rows with every column, and the trends only when there are some', () => {
    const table: OutputTable = { by: [], columns: ['n', 'value'], rows: [{ n: 2 }] };
    expect(formatOutput('json', table, null, METADATA)).toBe(`${JSON.stringify({ metadata: METADATA, rows: [{ n: 2, value: null }] }, null, 2)}\n`);
    const withTrends = JSON.parse(formatOutput('json', table, TRENDS, METADATA));
    expect(withTrends.trends).toStrictEqual([
      { region: 'US', periods: 6, slope: 1.5, lower: 0.25, upper: 2.75, p_adjusted: 0.04, significant: true, flags: [] },
    ]);
  });
});

describe('writeAtomically', () => {
  it('makes the folder, writes the file whole and leaves nothing beside it', async () => {
    const target = join(path('new'), 'deeper', 'out.csv');
    await writeAtomically(target, 'a,b\n');
    expect(readFileSync(target, 'utf8')).toBe('a,b\n');
    expect(readdirSync(join(path('new'), 'deeper'))).toStrictEqual(['out.csv']);
  });

  it('names the target when it cannot write, and removes its temporary file', async () => {
    const folder = path('taken');
    await writeAtomically(join(folder, 'x.txt'), 'x');
    // A folder where the file should go: the rename fails after the temporary file is written.
    const target = join(folder, 'sub');
    await writeAtomically(join(target, 'y.txt'), 'y');
    const error = await writeAtomically(target, 'z').catch((e: Error) => e);
    expect(error).toBeInstanceOf(Error);
    expect((error as Error).message).toMatch(new RegExp(`^cannot write ${target.replaceAll('\\', '\\\\')}: `));
    expect((error as Error & { cause: unknown }).cause).toBeInstanceOf(Error);
    expect(readdirSync(folder).sort()).toStrictEqual(['sub', 'x.txt']);
  });

  it('names the target when a folder on its path is a file', async () => {
    const blocker = path('blocker');
    writeFileSync(blocker, '');
    await expect(writeAtomically(join(blocker, 'out.csv'), 'x')).rejects.toThrow(`cannot write ${join(blocker, 'out.csv')}: `);
  });
});

const io = (tty: boolean): Io & { err: () => string } => {
  let err = '';
  return { stdout: { write: () => true, isTTY: tty }, stderr: { write: (t: string) => (err += t) }, err: () => err };
};
const argsOf = (...argv: string[]) => parseArgs(['a.csv', ...argv], [...OUTPUT_FLAGS, { name: 'value', kind: { type: 'string' }, help: '' }], 'nps');

describe('the session', () => {
  it('chooses the format asked for, else a table on a terminal and CSV in a pipe or with --out', () => {
    expect(chooseFormat(argsOf('--format', 'json'), io(true), false, 'nps')).toBe('json');
    expect(chooseFormat(argsOf(), io(true), false, 'nps')).toBe('table');
    expect(chooseFormat(argsOf(), io(false), false, 'nps')).toBe('csv');
    expect(chooseFormat(argsOf('--out', 'x.csv'), io(true), false, 'nps')).toBe('csv');
    expect(chooseFormat(argsOf(), io(true), true, 'nps')).toBe('table');
    expect(chooseFormat(argsOf('--format', 'markdown'), io(false), true, 'nps')).toBe('markdown');
  });

  it('refuses a trend with a format of one table', () => {
    for (const format of ['csv', 'ndjson']) {
      expect(() => chooseFormat(argsOf('--format', format), io(true), true, 'nps')).toThrow(
        `--trend writes a second table, which ${format} cannot hold: use --format json, table or markdown`,
      );
    }
    expect(() => chooseFormat(argsOf(), io(false), true, 'nps')).toThrow('which csv cannot hold');
  });

  it('lists skipped rows per reason on standard error, with an ellipsis when there were more than the lines kept', () => {
    const stats = emptyStats();
    const quiet = io(false);
    reportSkipped(quiet, stats, 'a.csv');
    expect(quiet.err()).toBe('');
    stats.rowsRead = 10;
    stats.rowsSkipped = 4;
    stats.skipped.set('empty', { count: 1, lines: [3] });
    stats.skipped.set('too large', { count: 3, lines: [4, 7] });
    const loud = io(false);
    reportSkipped(loud, stats, 'a.csv');
    expect(loud.err()).toBe('cxmetrics: 4 of 10 rows of a.csv skipped as invalid:\n  1 × empty (lines 3)\n  3 × too large (lines 4, 7, ...)\n');
    expect(skippedOf(stats)).toStrictEqual([
      { reason: 'empty', count: 1, lines: [3] },
      { reason: 'too large', count: 3, lines: [4, 7] },
    ]);
    expect(notesOf({ ...METADATA, rowsRead: 12_345, rowsSkipped: 4, skipped: skippedOf(stats) })).toStrictEqual([
      '12,345 rows read from a.csv',
      '4 invalid rows skipped: 1 × empty; 3 × too large',
    ]);
    expect(notesOf(METADATA)).toStrictEqual(['12 rows read from a.csv']);
  });

  it('keeps the flags of a run in the metadata, not those of its output', () => {
    expect(optionsOf(argsOf('--value', 'score', '--format', 'json', '--out', 'x', '--quiet', '--html', 'r.html'))).toStrictEqual({ value: 'score' });
  });

  it('reads its version from the package', () => {
    expect(version()).toBe(JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')).version);
  });
});
