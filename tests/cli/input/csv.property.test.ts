/**
 * Round trip of CSV/TSV: random tables of random strings (delimiters,
 * quotes, CR, LF, non-ASCII text), written by a small writer with random
 * quoting, line ends, final line end and byte order mark, read back through
 * standard input cut into chunks of random sizes, equal the table; each row
 * carries the line it starts on.
 */
import { Readable } from 'node:stream';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readBatches } from '../../../src/cli/input/read.js';
import { chunked } from './helpers.js';

/** Characters that exercise the parser, and some ordinary ones. */
const CHARS = [',', ';', '\t', '|', '"', '\r', '\n', ' ', 'a', 'b', 'Z', '0', '9', 'é', '東', '😀', '\u2028'];
const cell = fc.string({ unit: fc.constantFrom(...CHARS), maxLength: 8 });

interface Written {
  readonly text: string;
  /** The line each data row starts on. */
  readonly lines: number[];
}

/** The number of line breaks (CRLF, LF or a lone CR) in `s`. */
function breaks(s: string): number {
  return (s.match(/\r\n|\r|\n/g) ?? []).length;
}

/**
 * A CSV writer: a field is quoted when it must be (it holds the delimiter, a
 * quote, CR or LF, or is the only, empty field of a row, which would be an
 * empty line) or when `quote` says so; rows end in `eol`.
 */
function write(
  rows: readonly (readonly string[])[],
  delimiter: string,
  quote: (row: number, field: number) => boolean,
  eol: readonly string[],
  finalEol: boolean,
): Written {
  let text = '';
  const lines: number[] = [];
  let line = 1;
  rows.forEach((row, r) => {
    if (r > 0) lines.push(line);
    const fields = row.map((value, f) => {
      const must = /[\r\n"]/.test(value) || value.includes(delimiter) || (row.length === 1 && value === '');
      return must || quote(r, f) ? `"${value.replaceAll('"', '""')}"` : value;
    });
    const end = r < rows.length - 1 || finalEol ? eol[r % eol.length]! : '';
    const written = fields.join(delimiter) + end;
    line += breaks(written);
    text += written;
  });
  return { text, lines };
}

const table = fc.integer({ min: 1, max: 5 }).chain((width) =>
  fc.record({
    header: fc.uniqueArray(cell, { minLength: width, maxLength: width }),
    rows: fc.array(fc.array(cell, { minLength: width, maxLength: width }), { maxLength: 12 }),
  }),
);

describe('CSV round trip', () => {
  it('reads back any table, written with any quoting and line ends, cut anywhere', async () => {
    await fc.assert(
      fc.asyncProperty(
        table,
        fc.constantFrom(',', ';', '\t', '|'),
        fc.func(fc.boolean()),
        fc.array(fc.constantFrom('\n', '\r\n'), { minLength: 1, maxLength: 3 }),
        fc.boolean(),
        fc.boolean(),
        fc.array(fc.integer({ min: 1, max: 40 }), { minLength: 1, maxLength: 6 }),
        fc.integer({ min: 1, max: 5 }),
        async ({ header, rows }, delimiter, quote, eol, finalEol, bom, sizes, batchRows) => {
          const written = write([header, ...rows], delimiter, (r, f) => quote(r, f), eol, finalEol);
          const bytes = Buffer.from((bom ? '\ufeff' : '') + written.text, 'utf8');
          const stdin = Readable.from(chunked(bytes, sizes));
          // All columns, in reverse order, as text: an empty field is null.
          const columns = header.map((name) => ({ name, kind: 'text' as const })).reverse();
          const got: unknown[][] = columns.map(() => []);
          const lines: number[] = [];
          for await (const batch of readBatches({ path: '-', format: 'csv', delimiter, stdin, columns, batchRows })) {
            expect(batch.problems).toStrictEqual([]);
            expect(batch.rows).toBeLessThanOrEqual(batchRows);
            batch.columns.forEach((values, j) => {
              expect(values).toHaveLength(batch.rows);
              got[j]!.push(...values);
            });
            lines.push(...Array.from(batch.lines));
          }
          const expected = columns.map((c) => rows.map((row) => row[header.indexOf(c.name)] || null));
          expect(got).toStrictEqual(expected);
          expect(lines).toStrictEqual(written.lines);
        },
      ),
      { numRuns: 400 },
    );
  });

  it('reads the same problems and rows whatever the chunk boundaries', async () => {
    // Rows of random fields with stray quotes and wrong widths: the reading must not depend on where chunks end.
    const messy = fc.array(fc.string({ unit: fc.constantFrom('a', ',', '"', '\n', '\r', 'é'), maxLength: 12 }), { maxLength: 8 });
    const readAll = async (chunks: Buffer[]) => {
      const out: unknown[] = [];
      try {
        for await (const batch of readBatches({ path: '-', format: 'csv', stdin: Readable.from(chunks), columns: [{ name: 'a', kind: 'text' }] })) {
          out.push({ rows: batch.columns, lines: Array.from(batch.lines), problems: batch.problems });
        }
      } catch (error) {
        out.push({ error: (error as Error).name, line: (error as { line?: unknown }).line });
      }
      return out;
    };
    await fc.assert(
      fc.asyncProperty(messy, fc.array(fc.integer({ min: 1, max: 7 }), { minLength: 1, maxLength: 4 }), async (lines, sizes) => {
        const bytes = Buffer.from(`a,b\n${lines.join('\n')}`);
        expect(await readAll(chunked(bytes, sizes))).toStrictEqual(await readAll([bytes]));
      }),
      { numRuns: 300 },
    );
  });
});
