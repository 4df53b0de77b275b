/**
 * JSON array and NDJSON input (cli/input/json.ts) through `readBatches` on
 * standard input: records and the lines they start on, values taken as they
 * are, streaming, and every fatal error with its line.
 */
import { PassThrough, Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { type Batch, type ColumnRequest, InputError, type InputFormat, MissingColumnsError, readBatches } from '../../../src/cli/input/read.js';
import { failure } from './helpers.js';

async function read(input: string | Uint8Array | readonly (string | Uint8Array)[], format: InputFormat, columns: readonly ColumnRequest[], batchRows?: number) {
  const chunks = typeof input === 'string' || input instanceof Uint8Array ? [input] : input;
  const stdin = Readable.from(chunks.map((c) => Buffer.from(c)));
  const batches: Batch[] = [];
  for await (const batch of readBatches({ path: '-', format, stdin, columns, ...(batchRows === undefined ? {} : { batchRows }) })) batches.push(batch);
  return {
    batches,
    columns: columns.map((_, j) => batches.flatMap((b) => b.columns[j]!)),
    lines: batches.flatMap((b) => Array.from(b.lines)),
  };
}
const cols = (...names: string[]): ColumnRequest[] => names.map((name) => ({ name, kind: 'number' }));

/** Expects reading `input` to fail with an InputError at `line`. */
async function refuses(input: string | Uint8Array, format: InputFormat, line: number | null, columns = cols('a')): Promise<string> {
  const error = await failure(read(input, format, columns));
  expect(error).toBeInstanceOf(InputError);
  expect(error).toMatchObject({ file: '-', line, column: null });
  return (error as Error).message;
}

describe('a JSON array', () => {
  it('reads each record, with the line its brace is on, values as they are (kinds are not applied)', async () => {
    const json =
      '[\n  {"score": 9, "region": "EU", "at": "2026-03-14T09:26:53Z"},\n  {\n    "score": "9", "region": null, "extra": [1, {"a": "}"}]\n  },\n{"score": {"nested": [true]}}\n]\n';
    const r = await read(json, 'json', [
      { name: 'score', kind: 'number' },
      { name: 'region', kind: 'key' },
      { name: 'at', kind: 'time' },
    ]);
    expect(r.columns).toStrictEqual([
      [9, '9', { nested: [true] }],
      ['EU', null, undefined],
      ['2026-03-14T09:26:53Z', undefined, undefined],
    ]);
    expect(r.lines).toStrictEqual([2, 3, 6]);
    expect(r.batches.every((b) => b.problems.length === 0 && b.header === undefined)).toBe(true);
  });

  it('follows strings with brackets, braces, escaped quotes and backslashes, cut anywhere', async () => {
    const records = [
      { a: '[{]}', b: 'say "hi" \\' },
      { a: '\\"', b: 'é東😀\n' },
      { a: -0.5e-3, b: { '"': ['\\', '"'] } },
    ];
    const bytes = Buffer.from(JSON.stringify(records, null, 1));
    for (let cut = 0; cut <= bytes.length; cut++) {
      const r = await read([bytes.subarray(0, cut), bytes.subarray(cut)], 'json', cols('a', 'b'));
      expect(r.columns).toStrictEqual([records.map((x) => x.a), records.map((x) => x.b)]);
    }
    const byByte = await read(
      Array.from(bytes, (b) => Uint8Array.of(b)),
      'json',
      cols('a', 'b'),
    );
    expect(byByte.columns).toStrictEqual([records.map((x) => x.a), records.map((x) => x.b)]);
  });

  it('takes only a record’s own keys', async () => {
    const r = await read('[{"a": 1, "__proto__": 2}, {"a": 3}]', 'json', cols('a', '__proto__'));
    expect(r.columns).toStrictEqual([
      [1, 3],
      [2, undefined],
    ]);
    const inherited = await failure(read('[{"a": 1}]', 'json', cols('a', 'toString')));
    expect(inherited).toBeInstanceOf(MissingColumnsError);
  });

  it('gives no batch for an empty array, and drops a byte order mark', async () => {
    expect((await read(' [ \n ] \n', 'json', cols('a'))).batches).toStrictEqual([]);
    expect((await read('\ufeff[{"a": 1}]', 'json', cols('a'))).columns).toStrictEqual([[1]]);
  });

  it('cuts records into batches', async () => {
    const records = Array.from({ length: 7 }, (_, i) => ({ a: i }));
    const r = await read(JSON.stringify(records), 'json', cols('a'), 3);
    expect(r.batches.map((b) => b.rows)).toStrictEqual([3, 3, 1]);
    expect(r.columns).toStrictEqual([[0, 1, 2, 3, 4, 5, 6]]);
  });

  it('holds a batch of more records than its first allocation', async () => {
    const records = Array.from({ length: 3000 }, (_, i) => ({ a: i }));
    const r = await read(JSON.stringify(records, null, 1), 'json', cols('a'), 2500);
    expect(r.batches.map((b) => b.rows)).toStrictEqual([2500, 500]);
    expect(r.columns).toStrictEqual([records.map((x) => x.a)]);
    expect(r.lines).toStrictEqual(records.map((_, i) => 2 + 3 * i));
  });

  it('yields the first batch before the array is closed: it streams', async () => {
    const stdin = new PassThrough();
    stdin.write('[{"a": 1},\n{"a": 2}, {"a"');
    const batches = readBatches({ path: '-', format: 'json', stdin, columns: cols('a'), batchRows: 2 });
    const first = await batches.next();
    expect(first.value?.columns).toStrictEqual([[1, 2]]);
    stdin.end(': 3}]');
    const rest: unknown[] = [];
    for await (const batch of batches) rest.push(batch.columns);
    expect(rest).toStrictEqual([[[3]]]);
  });

  it('names the keys the first record lacks and the keys it has, before any batch', async () => {
    const error = await failure(read('[{"id": 1, "region": "EU"}, {"score": 9}]', 'json', cols('score', 'id', 'plan')));
    expect(error).toBeInstanceOf(MissingColumnsError);
    expect(error).toMatchObject({ missing: ['score', 'plan'], header: ['id', 'region'] });
  });

  it('refuses input that is not an array of objects, at the line of the fault', async () => {
    expect(await refuses('', 'json', null)).toContain('empty');
    expect(await refuses(' \n\t', 'json', null)).toContain('empty');
    const top = 'the top level of JSON input must be an array of records, found';
    expect(await refuses('\n{"a": 1}', 'json', 2)).toBe(`${top} an object (for one object per line, use the ndjson format)`);
    for (const [text, what] of [
      ['42', 'a number'],
      ['-1', 'a number'],
      ['"x"', 'a string'],
      ['nope', 'a value starting with "n"'],
      ['true', 'a value starting with "t"'],
      ['false', 'a value starting with "f"'],
    ])
      expect(await refuses(text as string, 'json', 1), text).toBe(`${top} ${what}`);
    expect(await refuses('}', 'json', 1)).toBe('invalid JSON: unexpected character "}"');
    const record = 'expected each record to be a JSON object, found';
    for (const [text, line, what] of [
      ['[{"a": 1},\n 2]', 2, 'a number'],
      ['[{"a": 1},\n [1]]', 2, 'an array'],
      ['[null]', 1, 'a value starting with "n"'],
      ['[\n"x"]', 2, 'a string'],
      ['[true]', 1, 'a value starting with "t"'],
      ['[false]', 1, 'a value starting with "f"'],
      ['[-3]', 1, 'a number'],
      ['[0]', 1, 'a number'],
      ['[9]', 1, 'a number'],
    ] as const)
      expect(await refuses(text, 'json', line), text).toBe(`${record} ${what}`);
    for (const c of ['/', ':', 'x', ',']) expect(await refuses(`[${c}]`, 'json', 1), c).toBe(`invalid JSON: unexpected character ${JSON.stringify(c)}`);
    expect(await refuses('[{"a": 1},]', 'json', 1)).toBe('invalid JSON: unexpected character "]" after a comma');
    expect(await refuses('[{"a": 1}, x]', 'json', 1)).toBe('invalid JSON: unexpected character "x" after a comma');
    expect(await refuses('[{"a": 1}\n{"a": 2}]', 'json', 2)).toBe(`invalid JSON: unexpected character "{", expected ',' or ']' after a record`);
    expect(await refuses('[{"a": 1}] x', 'json', 1)).toBe('invalid JSON: unexpected text after the end of the array');
    expect(await refuses('[{"a": 1}][]', 'json', 1)).toBe('invalid JSON: unexpected text after the end of the array');
    expect(await refuses('[{"a": 1},\n{"a": 2}', 'json', 2)).toContain('invalid JSON');
    expect(await refuses('[{"a": 1},\n{"a": \n2', 'json', 2)).toContain('invalid JSON');
    expect(await refuses('[', 'json', 1)).toContain('invalid JSON');
    expect(await refuses('[{"a": 1},\n\n{"a": }]', 'json', 3)).toContain('invalid JSON');
    expect(await refuses('[{"a": 1}, {"a": [}]]', 'json', 1)).toContain('invalid JSON');
    expect(await refuses(Buffer.from([0x5b, 0x7b, 0x22, 0xff, 0x22, 0x3a, 0x31, 0x7d, 0x5d]), 'json', null)).toContain('UTF-8');
  });
});

describe('NDJSON', () => {
  it('reads one record per line, with CRLF, blank lines and a last line without a line end', async () => {
    const r = await read('{"a": 1, "b": "x"}\r\n\r\n   \n{"a": 2}\n\t\n{"b": [3]}', 'ndjson', cols('a', 'b'));
    expect(r.columns).toStrictEqual([
      [1, 2, undefined],
      ['x', undefined, [3]],
    ]);
    expect(r.lines).toStrictEqual([1, 4, 6]);
  });

  it('reads the same cut anywhere, through UTF-8 characters and CRLF', async () => {
    const bytes = Buffer.from('{"a": "é東"}\r\n{"a": "😀"}\r\n');
    for (let cut = 0; cut <= bytes.length; cut++) {
      const r = await read([bytes.subarray(0, cut), bytes.subarray(cut)], 'ndjson', cols('a'));
      expect(r.columns).toStrictEqual([['é東', '😀']]);
      expect(r.lines).toStrictEqual([1, 2]);
    }
  });

  it('cuts records into batches', async () => {
    const r = await read('{"a": 1}\n{"a": 2}\n{"a": 3}\n', 'ndjson', cols('a'), 2);
    expect(r.batches.map((b) => [b.rows, Array.from(b.lines)])).toStrictEqual([
      [2, [1, 2]],
      [1, [3]],
    ]);
  });

  it('names the keys the first record lacks', async () => {
    const error = await failure(read('\n{"x": 1}\n{"a": 1}\n', 'ndjson', cols('a')));
    expect(error).toBeInstanceOf(MissingColumnsError);
    expect(error).toMatchObject({ missing: ['a'], header: ['x'] });
  });

  it('refuses an empty input, an invalid line and a record that is not an object, at its line', async () => {
    expect(await refuses('', 'ndjson', null)).toContain('empty');
    expect(await refuses('\n \r\n', 'ndjson', null)).toContain('empty');
    expect(await refuses('{"a": 1}\n{"a": \n', 'ndjson', 2)).toContain('invalid JSON');
    expect(await refuses('{"a": 1}\n\n[1, 2]\n', 'ndjson', 3)).toContain('an array');
    expect(await refuses('{"a": 1}\n7', 'ndjson', 2)).toContain('a number');
    expect(await refuses('null', 'ndjson', 1)).toContain('null');
    expect(await refuses('"x"', 'ndjson', 1)).toContain('a string');
    expect(await refuses('[{"a": 1}]', 'ndjson', 1)).toContain('an array');
    expect(await refuses(Buffer.from('{"a": 1}\n\xc3', 'latin1'), 'ndjson', null)).toContain('UTF-8');
  });
});
