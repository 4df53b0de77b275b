/**
 * JSON array and NDJSON input read through standard input cut into chunks
 * of random sizes (through strings, escapes and multi-byte characters) give
 * exactly what `JSON.parse` gives for the whole text, with the line each
 * record starts on.
 */
import { Readable } from 'node:stream';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type InputFormat, readBatches } from '../../../src/cli/input/read.js';
import { chunked } from './helpers.js';

const KEYS = ['a', 'b', 'é', 'with "quote"', 'brace}', '[x]', 'line\nbreak', '\\'];
/** Strings rich in what a splitter must follow. */
const text = fc.string({ unit: fc.constantFrom('"', '\\', '{', '}', '[', ']', ',', '\n', 'a', ' ', 'é', '😀', '\u2028'), maxLength: 8 });
const value = fc.letrec((tie) => ({
  value: fc.oneof(
    { depthSize: 'small' },
    text,
    fc.double({ noNaN: true, noDefaultInfinity: true }),
    fc.integer(),
    fc.boolean(),
    fc.constant(null),
    fc.array(tie('value'), { maxLength: 3 }),
    fc.dictionary(fc.constantFrom(...KEYS), tie('value'), { maxKeys: 3 }),
  ),
})).value;
const records = fc.array(fc.dictionary(fc.constantFrom(...KEYS), value, { minKeys: 1, maxKeys: 5 }), { maxLength: 8 });
const space = fc.string({ unit: fc.constantFrom(' ', '\n', '\t', '\r\n'), maxLength: 3 });

/** The 1-based line at offset `at` of `s`. */
function lineAt(s: string, at: number): number {
  return s.slice(0, at).split('\n').length;
}

/** Reads everything: the columns and lines of all batches. */
async function readAll(format: InputFormat, chunks: Buffer[], names: readonly string[], batchRows: number) {
  const columns = names.map(() => [] as unknown[]);
  const lines: number[] = [];
  const stdin = Readable.from(chunks);
  for await (const batch of readBatches({ path: '-', format, stdin, columns: names.map((name) => ({ name, kind: 'text' as const })), batchRows })) {
    expect(batch.problems).toStrictEqual([]);
    batch.columns.forEach((values, j) => {
      expect(values).toHaveLength(batch.rows);
      columns[j]!.push(...values);
    });
    lines.push(...Array.from(batch.lines));
  }
  return { columns, lines };
}

/** What each column should hold: the records as JSON.parse reads the text, own keys only. */
function expected(parsed: readonly Record<string, unknown>[], names: readonly string[]): unknown[][] {
  return names.map((name) => parsed.map((record) => (Object.hasOwn(record, name) ? record[name] : undefined)));
}

const sizes = fc.array(fc.integer({ min: 1, max: 30 }), { minLength: 1, maxLength: 5 });
const options = { numRuns: 300 };

describe('JSON input cut anywhere', () => {
  it('reads a JSON array as JSON.parse does', async () => {
    await fc.assert(
      fc.asyncProperty(
        records,
        fc.constantFrom(0, 1, 2, '\t'),
        fc.array(space, { minLength: 20, maxLength: 20 }),
        sizes,
        fc.integer({ min: 1, max: 4 }),
        async (recs, indent, gaps, cut, batchRows) => {
          // The writer: elements separated by random whitespace, each pretty-printed or not.
          let doc = `${gaps[0]}[${gaps[1]}`;
          const starts: number[] = [];
          recs.forEach((record, i) => {
            if (i > 0) doc += `${gaps[(2 * i) % 20]},${gaps[(2 * i + 1) % 20]}`;
            starts.push(lineAt(doc, doc.length));
            doc += JSON.stringify(record, null, indent);
          });
          doc += `${gaps[19]}]${gaps[18]}`;
          const parsed = JSON.parse(doc) as Record<string, unknown>[];
          const names = parsed.length === 0 ? ['a'] : Object.keys(parsed[0]!);
          const got = await readAll('json', chunked(Buffer.from(doc), cut), names, batchRows);
          expect(got.columns).toStrictEqual(expected(parsed, names));
          expect(got.lines).toStrictEqual(starts);
        },
      ),
      options,
    );
  });

  it('reads NDJSON as JSON.parse reads each line', async () => {
    await fc.assert(
      fc.asyncProperty(
        records.filter((r) => r.length > 0),
        fc.array(fc.tuple(fc.constantFrom('\n', '\r\n'), fc.constantFrom('', ' ', '\t', '\n')), { minLength: 8, maxLength: 8 }),
        fc.boolean(),
        sizes,
        fc.integer({ min: 1, max: 4 }),
        async (recs, ends, finalEol, cut, batchRows) => {
          let doc = '';
          const starts: number[] = [];
          recs.forEach((record, i) => {
            const [eol, blank] = ends[i % 8]!;
            starts.push(lineAt(doc, doc.length));
            doc += JSON.stringify(record);
            if (i < recs.length - 1 || finalEol) doc += eol + (blank === '\n' ? '\n' : blank.length > 0 ? `${blank}\n` : '');
          });
          const parsed = doc
            .split('\n')
            .filter((line) => line.trim() !== '')
            .map((line) => JSON.parse(line) as Record<string, unknown>);
          const names = Object.keys(parsed[0]!);
          const got = await readAll('ndjson', chunked(Buffer.from(doc), cut), names, batchRows);
          expect(got.columns).toStrictEqual(expected(parsed, names));
          expect(got.lines).toStrictEqual(starts);
        },
      ),
      options,
    );
  });
});
