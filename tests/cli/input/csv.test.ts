/**
 * CSV and TSV input (cli/input/csv.ts) through `readBatches` on standard
 * input: the RFC 4180 cases (quoted delimiters, doubled quotes, line breaks
 * inside quotes, CRLF, a final row without a line end), the documented
 * leniency, row problems, fatal errors with their places, the header, kinds,
 * UTF-8 and batches.
 */
import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { type Batch, type ColumnRequest, InputError, MissingColumnsError, type ReadOptions, readBatches } from '../../../src/cli/input/read.js';
import { failure } from './helpers.js';

/** Reads `input` (one chunk, or the given chunks) from standard input as CSV unless told otherwise. */
async function read(input: string | Uint8Array | readonly (string | Uint8Array)[], columns: readonly ColumnRequest[], options: Partial<ReadOptions> = {}) {
  const chunks = typeof input === 'string' || input instanceof Uint8Array ? [input] : input;
  const stdin = Readable.from(chunks.map((c) => Buffer.from(c)));
  const batches: Batch[] = [];
  for await (const batch of readBatches({ path: '-', format: 'csv', stdin, columns, ...options })) batches.push(batch);
  return {
    batches,
    rows: batches.reduce((n, b) => n + b.rows, 0),
    columns: columns.map((_, j) => batches.flatMap((b) => b.columns[j]!)),
    lines: batches.flatMap((b) => Array.from(b.lines)),
    problems: batches.flatMap((b) => b.problems),
  };
}
const texts = (...names: string[]): ColumnRequest[] => names.map((name) => ({ name, kind: 'text' }));

/** Every way of cutting `bytes` in two, plus one byte per chunk. */
function cuts(bytes: Uint8Array): Uint8Array[][] {
  const all = Array.from({ length: bytes.length + 1 }, (_, i) => [bytes.subarray(0, i), bytes.subarray(i)]);
  all.push(Array.from(bytes, (b) => Uint8Array.of(b)));
  return all;
}

describe('RFC 4180 fields and rows', () => {
  it('reads a header and rows, each row with the line it starts on', async () => {
    const r = await read('a,b,c\n1,2,3\n4,5,6\n', texts('a', 'b', 'c'));
    expect(r.columns).toStrictEqual([
      ['1', '4'],
      ['2', '5'],
      ['3', '6'],
    ]);
    expect(r.lines).toStrictEqual([2, 3]);
    expect(r.problems).toStrictEqual([]);
  });

  it('reads quoted fields holding delimiters, doubled quotes and line breaks as data', async () => {
    const csv = 'name,quote\n"Smith, J","He said ""hi"""\n"multi\nline","cr\ronly"\n"crlf\r\ninside",""""\nlast,"x"\n';
    const r = await read(csv, texts('name', 'quote'));
    expect(r.columns).toStrictEqual([
      ['Smith, J', 'multi\nline', 'crlf\r\ninside', 'last'],
      ['He said "hi"', 'cr\ronly', '"', 'x'],
    ]);
    // Each line break inside quotes is a line of the file: LF, CR and CRLF count once each.
    expect(r.lines).toStrictEqual([2, 3, 6, 8]);
  });

  it('accepts CRLF line ends and a last row without a line end', async () => {
    expect((await read('a,b\r\n1,2\r\n3,4', texts('a', 'b'))).columns).toStrictEqual([
      ['1', '3'],
      ['2', '4'],
    ]);
    expect((await read('a,b\r\n1,"2"', texts('b'))).columns).toStrictEqual([['2']]);
    expect((await read('a,b\r\n1,2\r\n', texts('b'))).columns).toStrictEqual([['2']]);
  });

  it('reads an empty field, quoted or not, as null; a trailing delimiter is an empty last field', async () => {
    const r = await read('a,b,c\n,"",\n1,,x\n', [
      { name: 'a', kind: 'number' },
      { name: 'b', kind: 'key' },
      { name: 'c', kind: 'text' },
    ]);
    expect(r.columns).toStrictEqual([
      [null, 1],
      [null, null],
      [null, 'x'],
    ]);
  });

  it('skips empty lines, before the header, between rows and at the end, counting them as lines', async () => {
    const r = await read('\n\r\na,b\n\n1,2\r\n\r\n\n3,4\n\n\n', texts('a'));
    expect(r.columns).toStrictEqual([['1', '3']]);
    expect(r.lines).toStrictEqual([5, 8]);
  });

  it('reads a lone CR outside quotes as a line end', async () => {
    const r = await read('a,b\r1,2\r3,4', texts('a', 'b'));
    expect(r.columns).toStrictEqual([
      ['1', '3'],
      ['2', '4'],
    ]);
    expect(r.lines).toStrictEqual([2, 3]);
  });

  it('drops a UTF-8 byte order mark, even when it arrives byte by byte', async () => {
    const bytes = Buffer.from('\ufeffid,x\n1,2\n');
    for (const chunks of cuts(bytes)) {
      const r = await read(chunks, texts('id'));
      expect(r.columns).toStrictEqual([['1']]);
    }
  });

  it('reads the same whatever the chunk boundaries: inside quotes, between quotes of a pair, inside CRLF and UTF-8', async () => {
    const bytes = Buffer.from('k,"v"\r\n"a""b","c,\r\nd"\r\nZürich,"東京 😀"\r\n"",""""\r\n');
    const expected = [
      ['a"b', 'Zürich', null],
      ['c,\r\nd', '東京 😀', '"'],
    ];
    for (const chunks of cuts(bytes)) {
      const r = await read(chunks, texts('k', 'v'));
      expect(r.columns).toStrictEqual(expected);
      expect(r.lines).toStrictEqual([2, 4, 5]);
    }
  });

  it('reads a field longer than many chunks', async () => {
    const long = `${'ab"",\n'.repeat(200_000)}end`;
    const csv = Buffer.from(`x,y\n1,"${long}"\n2,z\n`);
    const chunks: Buffer[] = [];
    for (let i = 0; i < csv.length; i += 4096) chunks.push(csv.subarray(i, i + 4096));
    const r = await read(chunks, texts('x', 'y'));
    expect(r.columns).toStrictEqual([
      ['1', '2'],
      [long.replaceAll('""', '"'), 'z'],
    ]);
    expect(r.lines).toStrictEqual([2, 200_003]);
  });
});

describe('delimiters', () => {
  it('reads another delimiter', async () => {
    const r = await read('a;b\n"1;2";3,5\n', texts('a', 'b'), { delimiter: ';' });
    expect(r.columns).toStrictEqual([['1;2'], ['3,5']]);
  });

  it('reads TSV with a tab by default, quoted fields included', async () => {
    const r = await read('a\tb\n1\t"x\ty"\n2\t3\n', texts('a', 'b'), { format: 'tsv' });
    expect(r.columns).toStrictEqual([
      ['1', '2'],
      ['x\ty', '3'],
    ]);
  });

  it('takes any one ASCII character, a space or a pipe', async () => {
    expect((await read('a|b\n1|2\n', texts('b'), { delimiter: '|' })).columns).toStrictEqual([['2']]);
    expect((await read('a b\n1 2\n', texts('b'), { delimiter: ' ' })).columns).toStrictEqual([['2']]);
    expect((await read('a,b\n1,2\n', texts('a,b'), { format: 'tsv' })).columns).toStrictEqual([['1,2']]);
  });

  it('refuses a delimiter that is not one ASCII character, or is a quote or a line break', async () => {
    for (const delimiter of ['', ';;', '"', '\n', '\r', 'é', '😀']) {
      const error = await failure(read('a\n1\n', texts('a'), { delimiter }));
      expect(error).toBeInstanceOf(InputError);
      expect(error).toMatchObject({ file: '-', line: null, column: null });
    }
  });
});

describe('leniency and row problems', () => {
  it('reads a quote inside an unquoted field as data', async () => {
    const r = await read('size,note\n5" screen,a"b""\n', texts('size', 'note'));
    expect(r.columns).toStrictEqual([['5" screen'], ['a"b""']]);
  });

  it('leaves out a row with text after a closing quote, as a problem at that field', async () => {
    const r = await read('a,b,c\n1,"x"y,3\n4,5,6\n7,"q" ,9', texts('a', 'c'));
    expect(r.columns).toStrictEqual([['4'], ['6']]);
    expect(r.lines).toStrictEqual([3]);
    expect(r.problems).toStrictEqual([
      { line: 2, column: 2, columnName: 'b', value: '"x"y', reason: 'unexpected text after the closing quote of a quoted field' },
      { line: 4, column: 2, columnName: 'b', value: '"q" ', reason: 'unexpected text after the closing quote of a quoted field' },
    ]);
  });

  it('leaves out a row with a different number of fields than the header, as a problem of the row', async () => {
    const r = await read('id,answered_at,region,plan,score\n1,2026-03-14T09:26:53Z,EU,pro\n2,,US,pro,9,extra\n3,,EU,free,7\nlonely\n', [
      { name: 'score', kind: 'number' },
    ]);
    expect(r.columns).toStrictEqual([[7]]);
    expect(r.lines).toStrictEqual([4]);
    expect(r.problems).toStrictEqual([
      { line: 2, column: null, columnName: null, value: null, reason: 'expected 5 fields as in the header, found 4' },
      { line: 3, column: null, columnName: null, value: null, reason: 'expected 5 fields as in the header, found 6' },
      { line: 5, column: null, columnName: null, value: null, reason: 'expected 5 fields as in the header, found 1' },
    ]);
    const single = await read('only\n"a",b\n', texts('only'));
    expect(single.problems[0]!.reason).toBe('expected 1 field as in the header, found 2');
  });

  it('leaves out a row whose requested field is not UTF-8, and ignores other columns', async () => {
    const bytes = Buffer.concat([Buffer.from('a,b,c\nok,'), Buffer.of(0xff), Buffer.from(',1\n'), Buffer.of(0xc3, 0x28), Buffer.from(',x,2\nfine,y,3\n')]);
    const r = await read(bytes, [
      { name: 'c', kind: 'number' },
      { name: 'a', kind: 'key' },
    ]);
    expect(r.columns).toStrictEqual([
      [1, 3],
      ['ok', 'fine'],
    ]);
    expect(r.lines).toStrictEqual([2, 4]);
    expect(r.problems).toStrictEqual([{ line: 3, column: 1, columnName: 'a', value: '\ufffd(', reason: 'the field is not valid UTF-8' }]);
  });
});

describe('fatal errors', () => {
  it('refuses a quoted field left open at the end of the input, at the line and field where it opens', async () => {
    const error = await failure(read('a,b\n1,2\n3,"open\nstill open\n', texts('a')));
    expect(error).toBeInstanceOf(InputError);
    expect(error).toMatchObject({ file: '-', line: 3, column: 2 });
    expect(await failure(read('"a\n', texts('a')))).toMatchObject({ name: 'InputError', line: 1, column: 1 });
    expect(await failure(read('a\n1\n"x""', texts('a')))).toMatchObject({ name: 'InputError', line: 3, column: 1 });
  });

  it('refuses an empty input: no header', async () => {
    for (const input of ['', '\ufeff', '\n\r\n\n']) {
      const error = await failure(read(input, texts('a')));
      expect(error).toBeInstanceOf(InputError);
      expect(error).toMatchObject({ line: null, column: null });
    }
  });

  it('refuses a header naming a column twice, at the second', async () => {
    const error = await failure(read('a,b,a\n1,2,3\n', texts('b')));
    expect(error).toBeInstanceOf(InputError);
    expect(error).toMatchObject({ line: 1, column: 3 });
    expect((error as Error).message).toContain('"a"');
  });

  it('refuses a malformed header', async () => {
    expect(await failure(read('a,"b"c\n1,2\n', texts('a')))).toMatchObject({ name: 'InputError', line: 1, column: 2 });
    expect(await failure(read(Buffer.from([0x61, 0x2c, 0xff, 0x0a]), texts('a')))).toMatchObject({ name: 'InputError', line: 1, column: 2 });
  });

  it('names the missing columns and the header, before any batch', async () => {
    const stdin = Readable.from([Buffer.from('id,region\n1,EU\n')]);
    const batches = readBatches({ path: '-', format: 'csv', stdin, columns: texts('score', 'region', 'plan') });
    const error = await failure(batches.next());
    expect(error).toBeInstanceOf(MissingColumnsError);
    expect(error).toMatchObject({ missing: ['score', 'plan'], header: ['id', 'region'] });
    expect((error as Error).message).toBe('missing columns "score", "plan"; the file has the columns "id", "region"');
  });
});

describe('the header', () => {
  it('reads quoted, multi-line and UTF-8 names; a header alone gives no batch', async () => {
    const r = await read('"a,b","x""y","two\nlines",Größe\n', texts('Größe', 'two\nlines', 'x"y', 'a,b'));
    expect(r.batches).toStrictEqual([]);
    const rows = await read('"a,b","x""y","two\nlines",Größe\n1,2,3,4\n', texts('Größe', 'two\nlines', 'x"y', 'a,b'));
    expect(rows.columns).toStrictEqual([['4'], ['3'], ['2'], ['1']]);
    expect(rows.lines).toStrictEqual([3]);
    expect(rows.batches[0]!.header).toStrictEqual(['a,b', 'x"y', 'two\nlines', 'Größe']);
  });

  it('gives every batch the header, and one column to each request, in request order, even twice', async () => {
    const r = await read('n,t\n1,2026-01-01T00:00:00Z\n', [
      { name: 't', kind: 'time' },
      { name: 'n', kind: 'number' },
      { name: 't', kind: 'text' },
    ]);
    expect(r.columns).toStrictEqual([[Date.UTC(2026, 0, 1)], [1], ['2026-01-01T00:00:00Z']]);
  });

  it('reads rows for no requested column', async () => {
    const r = await read('a\n1\n2\n', []);
    expect(r.rows).toBe(2);
    expect(r.batches[0]!.columns).toStrictEqual([]);
  });
});

describe('kinds', () => {
  it('decodes each kind from the bytes, keeping what is not of the kind as text', async () => {
    const csv = [
      'id,answered_at,region,plan,score,ok,comment',
      '1234567,2026-03-14T09:26:53Z,EU,pro,9,yes,fine',
      '2,1773480413000,EU,"pro",10,FALSE,"said ""ok"""',
      '3,2026-03-14 09:26:53Z,"E""U",,x,maybe,',
      '4,,Zürich,free,-0.5e1,0,東京',
    ].join('\n');
    const r = await read(csv, [
      { name: 'answered_at', kind: 'time' },
      { name: 'region', kind: 'key' },
      { name: 'plan', kind: 'key' },
      { name: 'score', kind: 'number' },
      { name: 'ok', kind: 'boolean' },
      { name: 'comment', kind: 'text' },
    ]);
    expect(r.columns).toStrictEqual([
      [1773480413000, 1773480413000, '2026-03-14 09:26:53Z', null],
      ['EU', 'EU', 'E"U', 'Zürich'],
      ['pro', 'pro', null, 'free'],
      [9, 10, 'x', -5],
      [true, false, 'maybe', false],
      ['fine', 'said "ok"', null, '東京'],
    ]);
  });

  it('reads many distinct keys and long quoted values correctly', async () => {
    const values = Array.from({ length: 6000 }, (_, i) => (i % 3 === 0 ? `"k ""${i % 5000}"""` : `k${i % 5000}`));
    const long = `"${'x""'.repeat(200)}"`;
    const r = await read(`key\n${values.join('\n')}\n${long}\n`, [{ name: 'key', kind: 'key' }]);
    expect(r.columns[0]).toStrictEqual([...values.map((v) => (v.startsWith('"') ? v.slice(1, -1).replaceAll('""', '"') : v)), 'x"'.repeat(200)]);
  });
});

describe('batches', () => {
  it('cuts rows into batches of batchRows, problems counted in, lines kept per batch', async () => {
    const r = await read('a,b\n1,1\n2\n3,3\n4,4\n5,5\n6,6\n7,7\n', texts('a'), { batchRows: 2 });
    expect(r.batches.map((b) => [b.rows, Array.from(b.lines), b.problems.length])).toStrictEqual([
      [1, [2], 1],
      [2, [4, 5], 0],
      [2, [6, 7], 0],
      [1, [8], 0],
    ]);
    expect(r.batches.every((b) => b.columns[0]!.length === b.rows)).toBe(true);
    expect(r.columns).toStrictEqual([['1', '3', '4', '5', '6', '7']]);
  });

  it('yields a batch of problems alone when no row of it is readable', async () => {
    const r = await read('a,b\n1\n2\n', texts('a'));
    expect(r.batches).toHaveLength(1);
    expect(r.batches[0]!.rows).toBe(0);
    expect(r.batches[0]!.problems).toHaveLength(2);
  });

  it('holds a batch of more rows than its first allocation', async () => {
    const rows = Array.from({ length: 5000 }, (_, i) => `${i}`);
    const r = await read(`n\n${rows.join('\n')}\n`, [{ name: 'n', kind: 'number' }], { batchRows: 3000 });
    expect(r.batches.map((b) => b.rows)).toStrictEqual([3000, 2000]);
    expect(r.columns[0]).toStrictEqual(rows.map(Number));
    expect(r.lines).toStrictEqual(rows.map((_, i) => i + 2));
  });

  it('yields the first batch before the input ends: it streams', async () => {
    const { PassThrough } = await import('node:stream');
    const stdin = new PassThrough();
    stdin.write('a\n1\n2\n3\n');
    const batches = readBatches({ path: '-', format: 'csv', stdin, columns: texts('a'), batchRows: 2 });
    const first = await batches.next();
    expect(first.done).toBe(false);
    expect(first.value?.columns).toStrictEqual([['1', '2']]);
    stdin.end('4\n');
    const rest: unknown[] = [];
    for await (const batch of batches) rest.push(batch.columns);
    expect(rest).toStrictEqual([[['3', '4']]]);
  });
});
