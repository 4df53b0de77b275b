/**
 * Reading files and standard input (cli/input/read.ts, source.ts): the
 * format from the extension, gzip by extension or by its magic bytes,
 * progress on the stored bytes, and the errors for options and files. Files
 * are written to a temporary directory.
 */
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough, Readable } from 'node:stream';
import { gzipSync } from 'node:zlib';
import { afterAll, describe, expect, expectTypeOf, it } from 'vitest';
import {
  type Batch,
  COLUMN_KINDS,
  type ColumnKind,
  type ColumnRequest,
  INPUT_FORMATS,
  InputError,
  type InputFormat,
  MissingColumnsError,
  type ReadOptions,
  type RowCounter,
  type RowProblem,
  readBatches,
} from '../../../src/cli/input/read.js';
import { inputBytes, isGzipName } from '../../../src/cli/input/source.js';
import { failure } from './helpers.js';

const dir = mkdtempSync(join(tmpdir(), 'cxmetrics-input-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Writes `content` to a file named `name` in the temporary directory and returns its path. */
function file(name: string, content: string | Uint8Array): string {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
}

const CSV = 'id,score\n1,9\n2,7\n';
const JSON_TEXT = '[{"id": 1, "score": 9}, {"id": 2, "score": 7}]';
const NDJSON = '{"id": 1, "score": 9}\n{"id": 2, "score": 7}\n';
const SCORE = [{ name: 'score', kind: 'number' }] as const;

/** The score column of everything read with `options`. */
async function scores(options: Partial<ReadOptions>): Promise<unknown[]> {
  const out: unknown[] = [];
  for await (const batch of readBatches({ path: '-', columns: SCORE, ...options })) out.push(...batch.columns[0]!);
  return out;
}

describe('the format', () => {
  it('is told by the extension, in any case, after a final .gz', async () => {
    expect(await scores({ path: file('a.csv', CSV) })).toStrictEqual([9, 7]);
    expect(await scores({ path: file('a.TSV', CSV.replaceAll(',', '\t')) })).toStrictEqual([9, 7]);
    expect(await scores({ path: file('a.json', JSON_TEXT) })).toStrictEqual([9, 7]);
    expect(await scores({ path: file('a.ndjson', NDJSON) })).toStrictEqual([9, 7]);
    expect(await scores({ path: file('a.jsonl', NDJSON) })).toStrictEqual([9, 7]);
    expect(await scores({ path: file('a.csv.gz', gzipSync(CSV)) })).toStrictEqual([9, 7]);
    expect(await scores({ path: file('a.jsonl.GZ', gzipSync(NDJSON)) })).toStrictEqual([9, 7]);
  });

  it('is the option when given, whatever the extension', async () => {
    expect(await scores({ path: file('export.txt', NDJSON), format: 'ndjson' })).toStrictEqual([9, 7]);
    expect(await scores({ path: file('b.json', CSV), format: 'csv' })).toStrictEqual([9, 7]);
  });

  it('must be given for standard input and for an unknown extension', async () => {
    const hint = 'pass --input-format (csv, tsv, json, ndjson)';
    mkdirSync(join(dir, 'x.y'), { recursive: true });
    for (const [path, message] of [
      ['-', `the format of standard input cannot be told from a file name: ${hint}`],
      [file('export.txt', CSV), `the format of the file cannot be told: it has the extension .txt; ${hint}`],
      [file('export', CSV), `the format of the file cannot be told: it has no extension; ${hint}`],
      [file('export.gz', gzipSync(CSV)), `the format of the file cannot be told: it has no extension; ${hint}`],
      [file(join('x.y', 'data'), CSV), `the format of the file cannot be told: it has no extension; ${hint}`],
      [file('x.y\\data', CSV), `the format of the file cannot be told: it has no extension; ${hint}`],
      [file('export.gzip', CSV), `the format of the file cannot be told: it has the extension .gzip; ${hint}`],
    ] as const) {
      const error = await failure(scores({ path }));
      expect(error).toBeInstanceOf(InputError);
      expect(error).toMatchObject({ file: path, line: null, column: null, message });
    }
  });

  it('refuses an unknown format, a delimiter for JSON, and a batch size that is not a positive integer', async () => {
    const path = file('c.csv', CSV);
    expect(await failure(scores({ path, format: 'xml' as never }))).toMatchObject({
      message: 'unknown input format "xml": expected one of csv, tsv, json, ndjson',
    });
    for (const format of ['json', 'ndjson'] as const)
      expect(await failure(scores({ path: file('c.json', JSON_TEXT), format, delimiter: ',' }))).toMatchObject({
        message: `a delimiter applies to CSV and TSV input only, not ${format}`,
      });
    expect(await scores({ path: file('c.tsv', CSV.replaceAll(',', ';')), delimiter: ';' })).toStrictEqual([9, 7]);
    for (const batchRows of [0, 1.5, -1])
      expect(await failure(scores({ path, batchRows }))).toMatchObject({
        name: 'RangeError',
        message: `batchRows must be a positive integer, received ${batchRows}`,
      });
  });

  it('lists the formats and kinds once', () => {
    expect(INPUT_FORMATS).toStrictEqual(['csv', 'tsv', 'json', 'ndjson']);
    expect(COLUMN_KINDS).toStrictEqual(['key', 'number', 'time', 'boolean', 'text']);
  });
});

describe('gzip', () => {
  it('is read from a .gz file, across members and with a byte order mark inside', async () => {
    const two = Buffer.concat([gzipSync('\ufeffid,score\n1,9\n'), gzipSync('2,7\n')]);
    expect(await scores({ path: file('two.csv.gz', two) })).toStrictEqual([9, 7]);
  });

  it('is recognised by its magic bytes on standard input and in a file without .gz, in chunks of any size', async () => {
    const bytes = gzipSync(NDJSON);
    for (const size of [1, 2, 3, 7, bytes.length]) {
      const chunks: Buffer[] = [];
      for (let i = 0; i < bytes.length; i += size) chunks.push(bytes.subarray(i, i + size));
      expect(await scores({ format: 'ndjson', stdin: Readable.from(chunks) })).toStrictEqual([9, 7]);
    }
    expect(await scores({ path: file('zipped.csv', gzipSync(CSV)) })).toStrictEqual([9, 7]);
  });

  it('refuses data that are not gzip in a .gz file, and truncated gzip', async () => {
    for (const content of [CSV, gzipSync(CSV).subarray(0, 20)]) {
      const path = file('bad.csv.gz', content);
      const error = await failure(scores({ path }));
      expect(error).toBeInstanceOf(InputError);
      expect(error).toMatchObject({ file: path, line: null, column: null });
    }
    expect(await failure(scores({ format: 'csv', stdin: Readable.from([gzipSync(CSV).subarray(0, 25)]) }))).toBeInstanceOf(InputError);
  });

  it('passes an InputError of the reader through the decompression', async () => {
    const error = await failure(scores({ path: file('missing-col.csv.gz', gzipSync('id\n1\n')) }));
    expect(error).toBeInstanceOf(MissingColumnsError);
  });
});

describe('the bytes of the input', () => {
  /** The bytes `inputBytes` gives for standard input arriving in `chunks`. */
  async function bytesOf(chunks: readonly number[][]): Promise<number[]> {
    const out: number[] = [];
    const stdin = Readable.from(chunks.map((c) => Buffer.from(c)));
    for await (const chunk of inputBytes({ path: '-', gzip: false, stdin, onProgress: null })) out.push(...chunk);
    return out;
  }
  const A = 0x61;

  it('drop a whole UTF-8 byte order mark, in one chunk or split over several, and nothing else', async () => {
    expect(await bytesOf([[0xef, 0xbb, 0xbf, A]])).toStrictEqual([A]);
    expect(await bytesOf([[0xef], [0xbb], [0xbf, A]])).toStrictEqual([A]);
    expect(await bytesOf([[0xef, 0xbb], [0xbf], [A, A]])).toStrictEqual([A, A]);
    expect(await bytesOf([[0xef, 0xbb, 0xbf]])).toStrictEqual([]);
    for (const start of [
      [A, 0xbb, 0xbf, A],
      [0xef, A, 0xbf, A],
      [0xef, 0xbb, A, A],
      [0xef, 0xbb],
      [0xbb, 0xbf],
    ])
      expect(await bytesOf([start])).toStrictEqual(start);
    expect(await bytesOf([[A, 0xef, 0xbb, 0xbf]])).toStrictEqual([A, 0xef, 0xbb, 0xbf]);
    expect(await bytesOf([])).toStrictEqual([]);
  });

  it('are gunzipped only when both magic bytes open the data', async () => {
    const zipped = [...gzipSync('ab')];
    expect(await bytesOf([zipped])).toStrictEqual([A, 0x62]);
    expect(await bytesOf([zipped.slice(0, 1), zipped.slice(1)])).toStrictEqual([A, 0x62]);
    for (const start of [[0x1f, A], [A, 0x8b], [0x1f]]) expect(await bytesOf([start])).toStrictEqual(start);
  });

  it('come from gzip by name when the file ends in .gz, in any case; standard input has no name', async () => {
    expect([isGzipName('a.csv.gz'), isGzipName('A.CSV.GZ'), isGzipName('a.gz.csv'), isGzipName('-'), isGzipName('a.gzip')]).toStrictEqual([
      true,
      true,
      false,
      false,
      false,
    ]);
  });
});

describe('files longer than a read', () => {
  it('give the rows of the same bytes from standard input, as CSV, NDJSON and gzip', async () => {
    // Each read of a file goes into the buffer of the one before: the readers keep nothing of a chunk past the next.
    const n = 300_000;
    const expected = Array.from({ length: n }, (_, i) => (i * 7) % 11);
    const csv = `id,score\n${expected.map((v, i) => `${i},${v}\n`).join('')}`;
    const ndjson = expected.map((v, i) => `{"id": ${i}, "score": ${v}}\n`).join('');
    expect(csv.length).toBeGreaterThan(2 << 20);
    expect(await scores({ path: file('long.csv', csv) })).toStrictEqual(expected);
    expect(await scores({ path: file('long.ndjson', ndjson) })).toStrictEqual(expected);
    expect(await scores({ path: file('long.csv.gz', gzipSync(csv)) })).toStrictEqual(expected);
    expect(await scores({ format: 'csv', stdin: Readable.from([Buffer.from(csv)]) })).toStrictEqual(expected);
  });
});

describe('progress', () => {
  it('reports the bytes of a file read so far and its size, once per chunk', async () => {
    const rows = Array.from({ length: 300_000 }, (_, i) => `${i},${i % 11}`).join('\n');
    const path = file('big.csv', `id,score\n${rows}\n`);
    const size = statSync(path).size;
    const calls: [number, number | null][] = [];
    let n = 0;
    for await (const batch of readBatches({ path, columns: SCORE, onProgress: (read, total) => calls.push([read, total]) })) n += batch.rows;
    expect(n).toBe(300_000);
    expect(calls.length).toBeGreaterThan(1);
    expect(calls.every(([, total]) => total === size)).toBe(true);
    expect(calls.map(([read]) => read)).toStrictEqual([...calls.map(([read]) => read)].sort((a, b) => a - b));
    expect(calls.at(-1)).toStrictEqual([size, size]);
  });

  it('counts compressed bytes for gzip', async () => {
    const path = file('p.csv.gz', gzipSync(CSV));
    const calls: [number, number | null][] = [];
    await scores({ path, onProgress: (read, total) => calls.push([read, total]) });
    const size = statSync(path).size;
    expect(calls).toStrictEqual([[size, size]]);
  });

  it('has no total for standard input', async () => {
    const calls: [number, number | null][] = [];
    const stdin = Readable.from([Buffer.from('id,score\n'), Buffer.from(''), Buffer.from('1,9\n')]);
    await scores({ format: 'csv', stdin, onProgress: (read, total) => calls.push([read, total]) });
    expect(calls).toStrictEqual([
      [9, null],
      [13, null],
    ]);
  });
});

describe('standard input', () => {
  it('reads string chunks as UTF-8', async () => {
    const stdin = Readable.from(['id,score\n', '1,9\n', '2,7']);
    expect(await scores({ format: 'csv', stdin })).toStrictEqual([9, 7]);
  });

  it('stops reading an open stream when reading stops early, gzip included', async () => {
    const gz = gzipSync(`id,score\n${'1,2\n'.repeat(100_000)}`);
    for (const data of [gz, Buffer.from(`id,score\n${'1,2\n'.repeat(1000)}`)]) {
      // The stream stays open: a read waiting on it must not keep the reader from finishing.
      const missing = new PassThrough();
      missing.write(data.subarray(0, 2000));
      expect(await failure(scores({ format: 'csv', stdin: missing, columns: [{ name: 'plan', kind: 'key' }] }))).toBeInstanceOf(MissingColumnsError);
      expect(missing.destroyed).toBe(true);
      const open = new PassThrough();
      open.write(data.subarray(0, 3000));
      for await (const batch of readBatches({ path: '-', format: 'csv', stdin: open, columns: SCORE, batchRows: 10 })) {
        expect(batch.columns[0]).toHaveLength(10);
        break;
      }
      expect(open.destroyed).toBe(true);
    }
  });

  it('turns a failing stream into an InputError', async () => {
    const stdin = new Readable({
      read() {
        this.destroy(new Error('broken pipe'));
      },
    });
    const error = await failure(scores({ format: 'csv', stdin }));
    expect(error).toBeInstanceOf(InputError);
    expect((error as Error).message).toContain('broken pipe');
  });
});

describe('files and options', () => {
  it('refuses a file that does not exist or is a directory', async () => {
    const missing = join(dir, 'nope.csv');
    expect(await failure(scores({ path: missing }))).toMatchObject({ name: 'InputError', file: missing, line: null });
    const folder = join(dir, 'folder.csv');
    mkdirSync(folder);
    expect(await failure(scores({ path: folder }))).toMatchObject({ name: 'InputError', file: folder });
  });

  it('refuses batchRows that is not a positive integer', async () => {
    for (const batchRows of [0, -1, 1.5, Number.NaN, Number.POSITIVE_INFINITY]) {
      expect(await failure(scores({ path: file('d.csv', CSV), batchRows }))).toBeInstanceOf(RangeError);
    }
  });

  it('closes the file when the reader stops early, plain or gzip', async () => {
    // Open file descriptors, where the system lists them (Linux); elsewhere the check is vacuous.
    const openFiles = () => (existsSync('/proc/self/fd') ? readdirSync('/proc/self/fd').length : 0);
    const rows = `id,score\n${'1,2\n'.repeat(100_000)}`;
    for (const path of [file('early.csv', rows), file('early.csv.gz', gzipSync(rows))]) {
      const before = openFiles();
      let batches = 0;
      for await (const _ of readBatches({ path, columns: SCORE, batchRows: 2 })) {
        batches++;
        break;
      }
      expect(batches).toBe(1);
      expect(openFiles()).toBe(before);
      expect(await scores({ path })).toHaveLength(100_000);
    }
  });

  it('describes errors with the place, apart from the message', () => {
    const error = new InputError('a quoted field is not closed at the end of the input', 'a.csv', 3, 2);
    expect(error).toMatchObject({ name: 'InputError', file: 'a.csv', line: 3, column: 2 });
    expect(new MissingColumnsError(['score'], ['id', 'region']).message).toBe('missing column "score"; the file has the columns "id", "region"');
    expect(new MissingColumnsError(['a', 'b'], []).message).toBe('missing columns "a", "b"; the file has no columns');
  });
});

describe('the API', () => {
  it('has the agreed shape (checked by the type checker)', () => {
    expectTypeOf<InputFormat>().toEqualTypeOf<'csv' | 'tsv' | 'json' | 'ndjson'>();
    expectTypeOf<ColumnKind>().toEqualTypeOf<'key' | 'number' | 'time' | 'boolean' | 'text'>();
    expectTypeOf<ColumnRequest>().toEqualTypeOf<{ readonly name: string; readonly kind: ColumnKind }>();
    expectTypeOf<RowProblem>().toEqualTypeOf<{
      readonly line: number;
      readonly column: number | null;
      readonly columnName: string | null;
      readonly value: string | null;
      readonly reason: string;
    }>();
    expectTypeOf<Batch>().toExtend<{
      readonly rows: number;
      readonly lines: ArrayLike<number>;
      readonly columns: readonly unknown[][];
      readonly problems: readonly RowProblem[];
    }>();
    expectTypeOf<ReadOptions>().toEqualTypeOf<{
      readonly path: string;
      readonly format?: InputFormat;
      readonly delimiter?: string;
      readonly columns: readonly ColumnRequest[];
      readonly batchRows?: number;
      readonly onProgress?: (bytesRead: number, totalBytes: number | null) => void;
      readonly counter?: RowCounter;
      readonly stdin?: NodeJS.ReadableStream;
    }>();
    expectTypeOf(readBatches).toEqualTypeOf<(options: ReadOptions) => AsyncGenerator<Batch>>();
    expectTypeOf(InputError).constructorParameters.toEqualTypeOf<[message: string, file: string, line: number | null, column: number | null]>();
    expectTypeOf<InputError>().toExtend<{ readonly file: string; readonly line: number | null; readonly column: number | null }>();
    expectTypeOf(MissingColumnsError).constructorParameters.toEqualTypeOf<[missing: readonly string[], header: readonly string[]]>();
    expectTypeOf<MissingColumnsError>().toExtend<{ readonly missing: readonly string[]; readonly header: readonly string[] }>();
    expect(new InputError('m', 'f', null, null)).toBeInstanceOf(Error);
  });
});
