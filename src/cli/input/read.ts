/**
 * Reading an analyst's export file (CSV, TSV, a JSON array or NDJSON, plain
 * or gzip-compressed, from a file or standard input) as batches of columns,
 * streaming: memory holds one batch and one read chunk, never the whole file.
 */
import { readCsv } from './csv.js';
import type { Bytes } from './decode.js';
import { InputError } from './errors.js';
import { readJsonArray, readNdjson } from './json.js';
import { inputBytes, isGzipName } from './source.js';

export { InputError, MissingColumnsError } from './errors.js';

/** The input formats, in the order `--input-format` lists them. */
export const INPUT_FORMATS = ['csv', 'tsv', 'json', 'ndjson'] as const;
/** An input format: comma- or tab-separated values, a JSON array of records, or newline-delimited JSON records. */
export type InputFormat = (typeof INPUT_FORMATS)[number];

/** The kinds of column a command reads. */
export const COLUMN_KINDS = ['key', 'number', 'time', 'boolean', 'text'] as const;
/**
 * How the CSV/TSV reader decodes a column's fields (JSON values are taken as
 * they are). An empty field is `null` for every kind; a field that does not
 * have the kind's form is kept as its text, for the library to report:
 * - `key`: a segment key, as a string (equal values share one string);
 * - `number`: a decimal number, as a `number`;
 * - `time`: epoch milliseconds (digits) or a strict ISO-8601 time with `Z` or
 *   an offset, as epoch milliseconds; other text is left to the library's
 *   time parser;
 * - `boolean`: `true`/`yes`/`1` and `false`/`no`/`0`, any case;
 * - `text`: the field's text.
 */
export type ColumnKind = (typeof COLUMN_KINDS)[number];

/** A column to read: its name in the header (or key in the records) and its kind. */
export interface ColumnRequest {
  readonly name: string;
  readonly kind: ColumnKind;
}

/** {@link RowCounter.count}: the row is counted. */
export const COUNTED = 0;
/** {@link RowCounter.count}: the row is decoded into the batch, as without a counter. */
export const DECODE = 1;
/** {@link RowCounter.count}: the row is invalid; {@link RowCounter.invalid} says why. */
export const INVALID = 2;

/**
 * Counts CSV/TSV rows straight from their bytes, in place of decoding them
 * into the batch. The reader calls it for each row that has the header's
 * number of fields, with the content of each requested column as a byte
 * range.
 */
export interface RowCounter {
  /**
   * Called once the header is read: request `j`'s field is at slot `slotOfRequest[j]` of every row,
   * the field with index `fieldOfSlot[s]` of the header's `fieldCount`, and fields are separated by
   * the byte `delimiter`.
   */
  begin(slotOfRequest: Int32Array, fieldOfSlot: Int32Array, fieldCount: number, delimiter: number): void;
  /**
   * Counts whole rows straight from the buffer, from the start of a row at `p`: rows it can read
   * without the reader (it decides which), up to `maxRows` of them, each starting before `limit`,
   * which is the position of a line feed. Returns the start of the first row not counted, for the
   * reader to read; {@link RowCounter.scanned} is the number counted, each one line long.
   */
  scan(buf: Bytes, p: number, limit: number, maxRows: number): number;
  /** Rows the last {@link RowCounter.scan} counted. */
  readonly scanned: number;
  /**
   * Counts a row. The field in slot `s` is `buf[starts[s], ends[s])`; `escaped[s]` is 1 when it
   * was quoted and holds doubled quotes still to be undone.
   *
   * @returns {@link COUNTED}, {@link DECODE} or {@link INVALID}.
   */
  count(buf: Bytes, starts: Int32Array, ends: Int32Array, escaped: Uint8Array): number;
  /** After {@link INVALID}: the request whose field is at fault, the field's value as text, and the reason. */
  readonly invalid: { readonly request: number; readonly value: string | null; readonly reason: string };
}

/** What to read and how. */
export interface ReadOptions {
  /** A file path, or `'-'` for standard input. */
  readonly path: string;
  /**
   * The format. Default: from the extension after removing a final `.gz`
   * (`.csv`, `.tsv`, `.json`, `.ndjson`, `.jsonl`); required for standard
   * input and for other extensions.
   */
  readonly format?: InputFormat;
  /** CSV/TSV only: the field delimiter, one ASCII character other than `"`, CR and LF (default `,` for CSV, tab for TSV). */
  readonly delimiter?: string;
  /** The columns to read, in the order of `Batch.columns`. */
  readonly columns: readonly ColumnRequest[];
  /** Rows (and row problems) per batch, a positive integer; default 65536. */
  readonly batchRows?: number;
  /**
   * Called once per chunk read, with the bytes of the file as stored
   * (compressed, for gzip) read so far and the file's size (`null` for
   * standard input).
   */
  readonly onProgress?: (bytesRead: number, totalBytes: number | null) => void;
  /** CSV/TSV only: counts rows from their bytes; the rows it counts are in no batch's columns, only in its `counted`. */
  readonly counter?: RowCounter;
  /** Standard input; default `process.stdin`. It is destroyed when reading ends, also when it stops early. */
  readonly stdin?: NodeJS.ReadableStream;
}

/** A row the reader could not read, left out of its batch. */
export interface RowProblem {
  /** The 1-based line where the row starts. */
  readonly line: number;
  /** The 1-based field position in the row, or `null` when the problem is the whole row. */
  readonly column: number | null;
  /** The header's name of that field, or `null`. */
  readonly columnName: string | null;
  /** The field as it is in the file, or `null`. */
  readonly value: string | null;
  /** What is wrong, e.g. `expected 5 fields as in the header, found 4`. */
  readonly reason: string;
}

/** Consecutive rows of the input, as one array per requested column. */
export interface Batch {
  /** The number of rows. */
  readonly rows: number;
  /**
   * The 1-based line of the file where each row starts: the header is line 1
   * of a CSV file, an NDJSON record is on its own line, and a record of a JSON
   * array starts at its `{`.
   */
  readonly lines: ArrayLike<number>;
  /** One array per requested column, in request order, each of length `rows`. */
  readonly columns: readonly unknown[][];
  /** CSV/TSV with a {@link ReadOptions.counter}: the rows of this stretch of the input it counted. */
  readonly counted?: number;
  /** Rows of this stretch of the input the reader could not read (CSV/TSV only; JSON problems are fatal). */
  readonly problems: readonly RowProblem[];
  /**
   * CSV/TSV: the header's column names, in file order (a column's 1-based
   * field position is its index + 1). Absent for JSON, whose records have no
   * field positions.
   */
  readonly header?: readonly string[];
}

const DEFAULT_BATCH_ROWS = 65_536;

/** The format each file extension means. */
const EXTENSION_FORMATS: Readonly<Record<string, InputFormat>> = { csv: 'csv', tsv: 'tsv', json: 'json', ndjson: 'ndjson', jsonl: 'ndjson' };

const FORMAT_HINT = `pass --input-format (${INPUT_FORMATS.join(', ')})`;

/** The format of `path` from its extension, after removing a final `.gz`. */
function formatOfPath(path: string): InputFormat {
  if (path === '-') throw new InputError(`the format of standard input cannot be told from a file name: ${FORMAT_HINT}`, path, null, null);
  const name = path.replace(/\.gz$/i, '');
  const dot = name.lastIndexOf('.');
  const slash = Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\'));
  const extension = dot > slash ? name.slice(dot + 1).toLowerCase() : '';
  const format = Object.hasOwn(EXTENSION_FORMATS, extension) ? EXTENSION_FORMATS[extension] : undefined;
  if (format === undefined) {
    const what = extension === '' ? 'has no extension' : `has the extension .${extension}`;
    throw new InputError(`the format of the file cannot be told: it ${what}; ${FORMAT_HINT}`, path, null, null);
  }
  return format;
}

/** The delimiter byte for a CSV/TSV file. */
function delimiterByte(format: 'csv' | 'tsv', delimiter: string | undefined, file: string): number {
  if (delimiter === undefined) return format === 'csv' ? 0x2c : 0x09;
  const code = delimiter.charCodeAt(0);
  if (delimiter.length !== 1 || code >= 0x80 || code === 0x22 || code === 0x0a || code === 0x0d) {
    throw new InputError(
      `the delimiter must be one ASCII character other than a double quote, CR or LF, received ${JSON.stringify(delimiter)}`,
      file,
      null,
      null,
    );
  }
  return code;
}

/**
 * Reads an export file as batches of the requested columns, streaming.
 *
 * CSV and TSV follow RFC 4180 (quoted fields may hold delimiters, doubled
 * quotes and line breaks; lines end in LF or CRLF) and need a header row.
 * JSON is an array of objects; NDJSON is one object per line (blank lines
 * are skipped). A `.gz` file, or gzip data on standard input, is
 * decompressed; a UTF-8 byte order mark is dropped.
 *
 * @returns The batches in file order. A CSV row that cannot be read (a wrong
 *   number of fields, text after a closing quote, invalid UTF-8 in a
 *   requested column) is left out of its batch and reported in `problems`.
 * @throws {@link MissingColumnsError} before any batch, when a requested
 *   column is not in the header or the first record.
 * @throws {@link InputError} when the input cannot be read at all (see
 *   there), and `RangeError` when `batchRows` is not a positive integer.
 * @example
 * const batches = readBatches({ path: 'examples/data/billing-changes.csv', columns: [{ name: 'mrr', kind: 'number' }] });
 * Object.prototype.toString.call(batches) // => '[object AsyncGenerator]'
 * typeof batches[Symbol.asyncIterator] // => 'function'
 * // The file is opened only when iterated: `for await (const batch of batches)` then gives
 * // `batch.columns[0]`, one array of the `mrr` of `batch.rows` rows.
 */
export async function* readBatches(options: ReadOptions): AsyncGenerator<Batch> {
  const { path, columns } = options;
  const format = options.format ?? formatOfPath(path);
  if (!(INPUT_FORMATS as readonly string[]).includes(format)) {
    throw new InputError(`unknown input format ${JSON.stringify(format)}: expected one of ${INPUT_FORMATS.join(', ')}`, path, null, null);
  }
  const batchRows = options.batchRows ?? DEFAULT_BATCH_ROWS;
  if (!Number.isSafeInteger(batchRows) || batchRows < 1) throw new RangeError(`batchRows must be a positive integer, received ${batchRows}`);
  if (options.delimiter !== undefined && format !== 'csv' && format !== 'tsv') {
    throw new InputError(`a delimiter applies to CSV and TSV input only, not ${format}`, path, null, null);
  }
  const delimiter = format === 'csv' || format === 'tsv' ? delimiterByte(format, options.delimiter, path) : 0;
  const bytes = inputBytes({
    path,
    gzip: isGzipName(path),
    stdin: options.stdin ?? null,
    onProgress: options.onProgress ?? null,
  });
  const settings = { file: path, columns, batchRows };
  switch (format) {
    case 'csv':
    case 'tsv':
      yield* readCsv(bytes, { ...settings, delimiter, counter: options.counter ?? null });
      return;
    case 'json':
      yield* readJsonArray(bytes, settings);
      return;
    case 'ndjson':
      yield* readNdjson(bytes, settings);
      return;
    default:
      format satisfies never;
  }
}
