/**
 * CSV and TSV as RFC 4180 describes them, read from a stream of bytes into
 * batches of the requested columns.
 *
 * A quoted field may hold delimiters, doubled quotes (`""` for `"`) and line
 * breaks (CR, LF and CRLF inside quotes are data); rows end in LF or CRLF,
 * and the last row may end without one. The first row is the header. Beyond
 * RFC 4180, and lenient where a strict reading would refuse common files:
 * - a quote inside an unquoted field is data (`5" screen` reads as written);
 * - a lone CR outside quotes ends a row, as in old Mac files;
 * - empty lines are skipped (so a one-column file writes an empty value as `""`);
 * - any single ASCII byte may be the delimiter.
 * Text between a closing quote and the next delimiter (`"a"b,`) makes the row
 * a problem, as does a row with a different number of fields than the header.
 *
 * Only the fields of requested columns are decoded, straight from the bytes;
 * the bytes of other columns are scanned but never decoded (so their UTF-8 is
 * not checked).
 */
import { CR, closingQuote, endsField, LF, NEED_MORE, QUOTE, type QuotedField, UNTERMINATED, unescapeQuotes } from './csv-fields.js';
import { columnLayout, readHeader } from './csv-header.js';
import { allocBytes, type Bytes, decodeBoolean, decodeNumber, decodeTextField, decodeTime, strictUtf8, Utf8Error } from './decode.js';
import { InputError } from './errors.js';
import { KeyInterner } from './intern.js';
import { type Batch, COUNTED, type ColumnKind, type ColumnRequest, DECODE, type RowCounter, type RowProblem } from './read.js';

const KEY = 0;
const NUMBER = 1;
const TIME = 2;
const BOOLEAN = 3;
const TEXT = 4;
const KIND_CODES: Readonly<Record<ColumnKind, number>> = { key: KEY, number: NUMBER, time: TIME, boolean: BOOLEAN, text: TEXT };

const AFTER_QUOTE = 'unexpected text after the closing quote of a quoted field';

/** How to read a CSV/TSV input. */
export interface CsvSettings {
  /** The path, for errors. */
  readonly file: string;
  /** The delimiter byte. */
  readonly delimiter: number;
  readonly columns: readonly ColumnRequest[];
  /** Rows and row problems per batch. */
  readonly batchRows: number;
  /** Counts rows from their bytes in place of decoding them, or `null`. */
  readonly counter: RowCounter | null;
}

/**
 * An empty array for each column of the given kinds. Each kind's arrays come
 * from their own array literal: V8 learns per literal which elements kind its
 * arrays end up with, so that time and number columns start as arrays of
 * unboxed doubles instead of arrays of boxed numbers, as key columns need.
 */
function newColumns(kinds: Uint8Array): unknown[][] {
  return Array.from(kinds, (kind) => {
    switch (kind) {
      case KEY:
        return [];
      case NUMBER:
        return [];
      case TIME:
        return [];
      case BOOLEAN:
        return [];
      default:
        return [];
    }
  });
}

/** `n fields`, singular for one. */
function fields(n: number): string {
  return n === 1 ? '1 field' : `${n} fields`;
}

/**
 * The parser's state between chunks: the header and where the requested
 * fields are, the line the next row starts on, and the batch being filled.
 * {@link CsvReader.parse} reads the complete rows of a buffer; a row cut by
 * the end of the buffer is read again, whole, once more bytes have come.
 */
class CsvReader {
  /** Set by `parse` when it stopped because the batch is full. */
  full = false;
  private readonly file: string;
  private readonly delimiter: number;
  private readonly requests: readonly ColumnRequest[];
  private readonly batchRows: number;
  private readonly utf8 = strictUtf8();
  private readonly kinds: Uint8Array;
  private readonly interners: readonly (KeyInterner | null)[];
  private header: readonly string[] | null = null;
  /** Field index -> slot of the requested field, or -1. */
  private slotOfField: Int32Array = new Int32Array(0);
  /** Slot -> field index. */
  private fieldOfSlot: Int32Array = new Int32Array(0);
  /** Request index -> slot (two requests of one column share a slot). */
  private slotOfRequest: Int32Array = new Int32Array(0);
  /** Per slot, the current row's field content `[start, end)` and whether it holds doubled quotes. */
  private starts = new Int32Array(0);
  private ends = new Int32Array(0);
  private escaped = new Uint8Array(0);
  /** Unescaped content of a quoted field with doubled quotes. */
  private scratch = allocBytes(256);
  private readonly quoted: QuotedField = { escaped: 0, breaks: 0 };
  /** The physical line on which the next row starts. */
  private line = 1;
  private rows = 0;
  /** Rows of this batch the counter counted. */
  private counted = 0;
  /** Whether the counter scans rows; rows the scans counted, and scans that stopped at a row left to the reader. */
  private scanning = true;
  private scanRows = 0;
  private scanMisses = 0;
  private readonly counter: RowCounter | null;
  private lines: Float64Array;
  private columns: unknown[][];
  private problems: RowProblem[] = [];

  constructor(settings: CsvSettings) {
    this.file = settings.file;
    this.delimiter = settings.delimiter;
    this.requests = settings.columns;
    this.batchRows = settings.batchRows;
    this.counter = settings.counter;
    this.kinds = Uint8Array.from(this.requests, (r) => KIND_CODES[r.kind]);
    this.interners = this.requests.map((r) => (r.kind === 'key' ? new KeyInterner(this.utf8) : null));
    this.lines = new Float64Array(Math.min(this.batchRows, 1024));
    this.columns = newColumns(this.kinds);
  }

  /** Whether rows or problems wait to be taken. */
  get pending(): boolean {
    return this.rows > 0 || this.problems.length > 0 || this.counted > 0;
  }

  /** The rows and problems read so far, as a batch; starts a new one. */
  take(): Batch {
    const batch: Batch = {
      rows: this.rows,
      lines: this.lines.subarray(0, this.rows),
      columns: this.columns,
      problems: this.problems,
      header: this.header ?? [],
      ...(this.counter === null ? {} : { counted: this.counted }),
    };
    this.rows = 0;
    this.counted = 0;
    // The next batch is likely as long as this one: start at the size reached.
    this.lines = new Float64Array(this.lines.length);
    this.columns = newColumns(this.kinds);
    this.problems = [];
    this.full = false;
    return batch;
  }

  /**
   * Reads the complete rows of `buf[start, end)` (all of them when `final`,
   * the end of input) and returns where the unread bytes start: the first row
   * not yet complete, or the next row when the batch became full.
   */
  parse(buf: Bytes, start: number, end: number, final: boolean): number {
    let p = start;
    if (this.header === null) {
      const header = readHeader(buf, p, end, final, this.delimiter, this.line, this.file, this.utf8);
      if (header === null) return p;
      const layout = columnLayout(header, this.requests, this.file);
      this.slotOfField = layout.slotOfField;
      this.fieldOfSlot = layout.fieldOfSlot;
      this.slotOfRequest = layout.slotOfRequest;
      this.starts = new Int32Array(layout.fieldOfSlot.length);
      this.ends = new Int32Array(layout.fieldOfSlot.length);
      this.escaped = new Uint8Array(layout.fieldOfSlot.length);
      this.header = header.names;
      this.line = header.nextLine;
      this.counter?.begin(layout.slotOfRequest, layout.fieldOfSlot, layout.slotOfField.length, this.delimiter);
      p = header.next;
    }
    const delimiter = this.delimiter;
    // Bytes above `high` are none of delimiter, CR and LF: one comparison for most bytes.
    const high = delimiter > CR ? delimiter : CR;
    const fieldCount = this.slotOfField.length;
    const { slotOfField, starts, ends, escaped, quoted, counter } = this;
    // The counter scans whole rows up to the buffer's last line feed.
    const limit = counter === null || !this.scanning ? -1 : buf.lastIndexOf(LF, end - 1);
    let line = this.line;
    for (;;) {
      if (p < limit && this.scanning) {
        const room = this.batchRows - (this.rows + this.problems.length + this.counted);
        p = (counter as RowCounter).scan(buf, p, limit, room);
        const scanned = (counter as RowCounter).scanned;
        line += scanned;
        this.counted += scanned;
        if (scanned === room) {
          this.full = true;
          break;
        }
        if (p < limit) this.noteScan(scanned);
      }
      if (p >= end) break;
      let b = buf[p]!;
      if (b === LF || b === CR) {
        // An empty line.
        if (b === CR && p + 1 >= end && !final) break;
        p += b === CR && buf[p + 1] === LF && p + 1 < end ? 2 : 1;
        line++;
        continue;
      }
      const rowStart = p;
      let breaks = 0;
      let field = 0;
      let problemColumn = 0;
      let problemValue = '';
      for (;;) {
        let contentStart: number;
        let contentEnd: number;
        let quotes = 0;
        if (p < end && buf[p] === QUOTE) {
          const close = closingQuote(buf, p, end, final, quoted);
          if (close === NEED_MORE) {
            this.line = line;
            return rowStart;
          }
          if (close === UNTERMINATED) throw new InputError('a quoted field is not closed at the end of the input', this.file, line + breaks, field + 1);
          contentStart = p + 1;
          contentEnd = close;
          quotes = quoted.escaped;
          breaks += quoted.breaks;
          const fieldStart = p;
          p = close + 1;
          if (p < end && !endsField(buf[p]!, delimiter)) {
            while (p < end && !endsField(buf[p]!, delimiter)) p++;
            if (p >= end && !final) {
              this.line = line;
              return rowStart;
            }
            if (problemColumn === 0) {
              problemColumn = field + 1;
              problemValue = buf.toString('utf8', fieldStart, p);
            }
          }
        } else {
          contentStart = p;
          for (; p < end; p++) {
            const c = buf[p]!;
            if (c <= high && (c === delimiter || c === LF || c === CR)) break;
          }
          if (p >= end && !final) {
            this.line = line;
            return rowStart;
          }
          contentEnd = p;
        }
        if (field < fieldCount) {
          const slot = slotOfField[field]!;
          if (slot >= 0) {
            starts[slot] = contentStart;
            ends[slot] = contentEnd;
            escaped[slot] = quotes;
          }
        }
        field++;
        if (p >= end) break;
        b = buf[p]!;
        if (b === delimiter) {
          p++;
          continue;
        }
        if (b === LF) p++;
        else if (p + 1 < end) p += buf[p + 1] === LF ? 2 : 1;
        else if (final) p++;
        else {
          this.line = line;
          return rowStart;
        }
        breaks++;
        break;
      }
      if (problemColumn !== 0) this.addProblem(line, problemColumn, problemValue, AFTER_QUOTE);
      else if (field !== fieldCount) this.addProblem(line, 0, null, `expected ${fields(fieldCount)} as in the header, found ${field}`);
      else if (counter === null) this.commitRow(buf, line);
      else this.countRow(counter, buf, line);
      line += breaks;
      if (this.rows + this.problems.length + this.counted >= this.batchRows) {
        this.full = true;
        break;
      }
    }
    this.line = line;
    return p;
  }

  /**
   * After a scan that stopped at a row it left to the reader: scanning stops
   * for the rest of the input once such rows are more than one in eight of
   * more than a thousand, where scanning would mostly read rows twice.
   */
  private noteScan(scanned: number): void {
    this.scanRows += scanned;
    this.scanMisses++;
    if (this.scanMisses > 1024 && this.scanMisses * 8 > this.scanRows) this.scanning = false;
  }

  /** Records a row problem; `column` 0 is the whole row. */
  private addProblem(line: number, column: number, value: string | null, reason: string): void {
    const columnName = column === 0 ? null : (this.header![column - 1] ?? null);
    this.problems.push({ line, column: column === 0 ? null : column, columnName, value, reason });
  }

  /** Counts a complete row with the counter, or decodes it into the batch, or records it as a problem, as the counter says. */
  private countRow(counter: RowCounter, buf: Bytes, line: number): void {
    const verdict = counter.count(buf, this.starts, this.ends, this.escaped);
    if (verdict === COUNTED) this.counted++;
    else if (verdict === DECODE) this.commitRow(buf, line);
    else {
      const { request, value, reason } = counter.invalid;
      this.addProblem(line, this.fieldOfSlot[this.slotOfRequest[request]!]! + 1, value, reason);
    }
  }

  /** Decodes the requested fields of a complete row into the batch, or records the row as a problem. */
  private commitRow(buf: Bytes, line: number): void {
    const n = this.rows;
    const { columns, kinds, slotOfRequest, starts, ends, escaped, interners, utf8 } = this;
    let j = 0;
    try {
      for (; j < kinds.length; j++) {
        const slot = slotOfRequest[j]!;
        let bytes = buf;
        let s = starts[slot]!;
        let e = ends[slot]!;
        if (escaped[slot] === 1) {
          if (this.scratch.length < e - s) this.scratch = allocBytes(Math.max(e - s, this.scratch.length * 2));
          bytes = this.scratch;
          e = unescapeQuotes(buf, s, e, bytes);
          s = 0;
        }
        // A store per kind: each store site sees one kind of value (times stay unboxed doubles).
        switch (kinds[j]) {
          case KEY:
            columns[j]![n] = interners[j]!.key(bytes, s, e);
            break;
          case NUMBER:
            columns[j]![n] = decodeNumber(bytes, s, e, utf8);
            break;
          case TIME:
            columns[j]![n] = decodeTime(bytes, s, e, utf8);
            break;
          case BOOLEAN:
            columns[j]![n] = decodeBoolean(bytes, s, e, utf8);
            break;
          default:
            columns[j]![n] = decodeTextField(bytes, s, e, utf8);
        }
      }
    } catch (error) {
      if (!(error instanceof Utf8Error)) throw error;
      for (let k = 0; k < j; k++) columns[k]!.length = n;
      const slot = slotOfRequest[j]!;
      const value = buf.toString('utf8', starts[slot], ends[slot]);
      this.addProblem(line, this.fieldOfSlot[slot]! + 1, value, 'the field is not valid UTF-8');
      return;
    }
    if (n === this.lines.length) {
      const grown = new Float64Array(Math.min(this.batchRows, n * 2));
      grown.set(this.lines);
      this.lines = grown;
    }
    this.lines[n] = line;
    this.rows = n + 1;
  }
}

/**
 * The rows of a CSV/TSV input as batches of the requested columns.
 *
 * @param bytes - The input's bytes, in chunks of any size.
 * @throws {@link MissingColumnsError} before the first batch, when a requested column is not in the header.
 * @throws {@link InputError} when the input is empty, the header is malformed
 *   or names a column twice, or a quoted field is not closed at the end.
 */
export async function* readCsv(bytes: AsyncIterable<Uint8Array>, settings: CsvSettings): AsyncGenerator<Batch> {
  const reader = new CsvReader(settings);
  let buf = allocBytes(1 << 16);
  let start = 0;
  let end = 0;
  // A row cut by the end of the buffer is read again once the buffer holds
  // twice as many unread bytes, so a row longer than a chunk costs linear time.
  let wanted = 0;
  for await (const chunk of bytes) {
    const kept = end - start;
    if (kept + chunk.length > buf.length) {
      const grown = allocBytes(Math.max(buf.length * 2, kept + chunk.length));
      buf.copy(grown, 0, start, end);
      buf = grown;
    } else if (start > 0) {
      buf.copyWithin(0, start, end);
    }
    buf.set(chunk, kept);
    start = 0;
    end = kept + chunk.length;
    if (end < wanted) continue;
    for (;;) {
      start = reader.parse(buf, start, end, false);
      if (!reader.full) break;
      yield reader.take();
    }
    wanted = 2 * (end - start);
  }
  for (;;) {
    start = reader.parse(buf, start, end, true);
    if (!reader.full) break;
    yield reader.take();
  }
  if (reader.pending) yield reader.take();
}
