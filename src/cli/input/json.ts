/**
 * JSON input, streaming: an array of records (`[{...}, {...}]`) cut into its
 * elements as the text arrives, or NDJSON (one record per line). Each record
 * is parsed on its own with `JSON.parse`, so memory holds one record's text,
 * not the file. A value is taken as the record has it (a missing key is
 * `undefined`); the column kinds apply to CSV/TSV only.
 */
import { InputError, MissingColumnsError } from './errors.js';
import { isSpace, JsonArraySplitter, LineSplitter } from './json-split.js';
import type { Batch, ColumnRequest } from './read.js';

/** How to read a JSON or NDJSON input. */
export interface JsonSettings {
  /** The path, for errors. */
  readonly file: string;
  readonly columns: readonly ColumnRequest[];
  /** Records per batch. */
  readonly batchRows: number;
}

/** The text of UTF-8 bytes, chunk by chunk (a character cut between chunks is joined). */
async function* utf8Text(bytes: AsyncIterable<Uint8Array>, file: string): AsyncGenerator<string> {
  const decoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
  const decode = (chunk?: Uint8Array): string => {
    try {
      return chunk === undefined ? decoder.decode() : decoder.decode(chunk, { stream: true });
    } catch {
      throw new InputError('the input is not valid UTF-8', file, null, null);
    }
  };
  for await (const chunk of bytes) {
    const text = decode(chunk);
    if (text.length > 0) yield text;
  }
  const rest = decode();
  if (rest.length > 0) yield rest;
}

/** What a parsed JSON value is, for messages. */
function describeValue(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  return typeof value === 'string' ? 'a string' : `a ${typeof value}`;
}

/** Records gathered into batches of the requested columns. */
class RecordBatcher {
  full = false;
  private rows = 0;
  private lines: Float64Array;
  private columns: unknown[][];
  private checked = false;

  constructor(private readonly settings: JsonSettings) {
    this.lines = new Float64Array(Math.min(settings.batchRows, 1024));
    this.columns = settings.columns.map(() => []);
  }

  /** Whether rows wait to be taken. */
  get pending(): boolean {
    return this.rows > 0;
  }

  /**
   * Adds a parsed record that starts on `line`.
   *
   * @throws {@link InputError} when it is not an object.
   * @throws {@link MissingColumnsError} when it is the first record and lacks a requested key.
   */
  add(record: unknown, line: number): void {
    if (typeof record !== 'object' || record === null || Array.isArray(record)) {
      throw new InputError(`expected each record to be a JSON object, found ${describeValue(record)}`, this.settings.file, line, null);
    }
    const { columns } = this.settings;
    if (!this.checked) {
      const missing = columns.filter((c) => !Object.hasOwn(record, c.name)).map((c) => c.name);
      if (missing.length > 0) throw new MissingColumnsError(missing, Object.keys(record));
      this.checked = true;
    }
    const n = this.rows;
    for (let j = 0; j < columns.length; j++) {
      const name = columns[j]!.name;
      this.columns[j]![n] = Object.hasOwn(record, name) ? (record as Record<string, unknown>)[name] : undefined;
    }
    if (n === this.lines.length) {
      const grown = new Float64Array(Math.min(this.settings.batchRows, n * 2));
      grown.set(this.lines);
      this.lines = grown;
    }
    this.lines[n] = line;
    this.rows = n + 1;
    this.full = this.rows >= this.settings.batchRows;
  }

  /** The records added so far, as a batch; starts a new one. */
  take(): Batch {
    const batch: Batch = { rows: this.rows, lines: this.lines.subarray(0, this.rows), columns: this.columns, problems: [] };
    this.rows = 0;
    this.lines = new Float64Array(Math.min(this.settings.batchRows, 1024));
    this.columns = this.settings.columns.map(() => []);
    this.full = false;
    return batch;
  }
}

/** `JSON.parse`, with a syntax error as an {@link InputError} at `line`. */
function parseRecord(text: string, file: string, line: number): unknown {
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new InputError(`invalid JSON: ${error instanceof Error ? error.message : String(error)}`, file, line, null);
  }
}

/**
 * The records of a JSON array as batches of the requested columns. An empty
 * array gives no batch.
 *
 * @param bytes - The input's UTF-8 bytes, in chunks of any size.
 * @throws {@link MissingColumnsError} before the first batch, when the first record lacks a requested key.
 * @throws {@link InputError} when the input is empty or not UTF-8, the JSON is
 *   invalid, its top level is not an array, or a record is not an object.
 */
export async function* readJsonArray(bytes: AsyncIterable<Uint8Array>, settings: JsonSettings): AsyncGenerator<Batch> {
  const splitter = new JsonArraySplitter(settings.file);
  const batcher = new RecordBatcher(settings);
  for await (const text of utf8Text(bytes, settings.file)) {
    splitter.feed(text);
    while (splitter.next()) {
      batcher.add(parseRecord(splitter.text, settings.file, splitter.recordLine), splitter.recordLine);
      if (batcher.full) yield batcher.take();
    }
  }
  if (splitter.end()) throw new InputError('the input is empty: expected a JSON array of records', settings.file, null, null);
  if (batcher.pending) yield batcher.take();
}

/** Whether a line holds only JSON whitespace. */
function isBlank(line: string): boolean {
  for (let i = 0; i < line.length; i++) if (!isSpace(line.charCodeAt(i))) return false;
  return true;
}

/**
 * The records of NDJSON input (one JSON object per line; LF or CRLF; blank
 * lines skipped) as batches of the requested columns.
 *
 * @param bytes - The input's UTF-8 bytes, in chunks of any size.
 * @throws {@link MissingColumnsError} before the first batch, when the first record lacks a requested key.
 * @throws {@link InputError} when the input has no record or is not UTF-8, a
 *   line is not valid JSON, or a record is not an object.
 */
export async function* readNdjson(bytes: AsyncIterable<Uint8Array>, settings: JsonSettings): AsyncGenerator<Batch> {
  const lines = new LineSplitter();
  const batcher = new RecordBatcher(settings);
  let records = 0;
  const addLine = (): void => {
    if (isBlank(lines.text)) return;
    batcher.add(parseRecord(lines.text, settings.file, lines.line), lines.line);
    records++;
  };
  for await (const text of utf8Text(bytes, settings.file)) {
    lines.feed(text);
    while (lines.next()) {
      addLine();
      if (batcher.full) yield batcher.take();
    }
  }
  if (lines.end()) addLine();
  if (records === 0) throw new InputError('the input is empty: expected JSON records, one per line', settings.file, null, null);
  if (batcher.pending) yield batcher.take();
}
