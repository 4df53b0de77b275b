/**
 * Counting the rows of a single-answer survey metric (NPS, CSAT, CES, the
 * repurchase rate) in a CSV or TSV file straight from their bytes.
 *
 * Rows of unquoted fields are read by {@link ByteTally.scan} in one pass
 * over their bytes; the CSV reader hands it every other row's requested
 * fields as byte ranges ({@link ByteTally.count}) instead of decoding them
 * into a batch. Each key's value is found by walking its bytes through the
 * column's {@link KeyTrie} (a value is decoded once, when first seen); a time
 * of the strict ISO 8601 form the reader decodes is read from its digits
 * ({@link IsoPeriods}); an answer of one or two digits in a number column is
 * read from them. The row is then counted in its {@link CellTable} cell (its
 * keys' ids and its period) under its distinct answer, and the counts go to
 * a {@link DistinctTally}, whose metric checks each distinct answer once.
 *
 * Every value is read exactly as the reader would decode it: a row with a
 * field of any other form (an empty key, a time the reader leaves as text,
 * doubled quotes, bytes that are not UTF-8) is decoded into the batch as
 * without the counter, and tallied from there.
 */
import { MAX_TIME_MS } from '../core/time/time.js';
import { CellTable } from './cell-table.js';
import type { DistinctTally } from './distinct-tally.js';
import { CR, LF, QUOTE } from './input/csv-fields.js';
import { type Bytes, decodeBoolean, decodeNumber, decodeTextField, decodeTime, isoTimeMs, strictUtf8, Utf8Error } from './input/decode.js';
import { COUNTED, type ColumnKind, type ColumnRequest, DECODE, INVALID, type RowCounter } from './input/read.js';
import { IsoPeriods, NOT_ISO } from './iso-periods.js';
import { KeyTrie } from './key-trie.js';
import { cellText, reasonOf } from './problems.js';

/** {@link ByteTally.scan}'s role of a field it skips, of the time field and of the answer field; a key field's role is its index in `by`. */
const SKIP = -1;
const TIME = -2;
const VALUE = -3;

/** A field's value as the CSV reader decodes a column of `kind`. */
function decodeField(kind: ColumnKind, buf: Bytes, start: number, end: number, utf8: ReturnType<typeof strictUtf8>): unknown {
  switch (kind) {
    case 'number':
      return decodeNumber(buf, start, end, utf8);
    case 'time':
      return decodeTime(buf, start, end, utf8);
    case 'boolean':
      return decodeBoolean(buf, start, end, utf8);
    default:
      return decodeTextField(buf, start, end, utf8);
  }
}

/**
 * Counts CSV/TSV rows by segment, period and distinct answer from their
 * bytes, into a {@link DistinctTally}; see the module's description.
 * {@link ByteTally.finish} adds the counts to the distinct tally.
 */
export class ByteTally implements RowCounter {
  readonly #distinct: DistinctTally;
  /** The periods of the rows' times, `null` without periods. */
  readonly #periods: IsoPeriods | null;
  readonly #utf8 = strictUtf8();
  /** Request indices of the answer, the keys (in `by` order) and the time (-1 without periods). */
  readonly #valueRequest: number;
  readonly #keyRequests: readonly number[];
  readonly #timeRequest: number;
  readonly #valueKind: ColumnKind;
  #valueSlot = -1;
  #keySlots = new Int32Array(0);
  #timeSlot = -1;
  /** The values of each key, in `by` order. */
  #keys: readonly KeyTrie[] = [];
  /** The cells counted, found by the current row's key ids (in `by` order) and period. */
  readonly #cells: CellTable;
  /** {@link ByteTally.scan}: the role of each field of a row, empty when rows are only counted one by one. */
  #roles = new Int32Array(0);
  #delimiter = 0;
  /** Rows the last {@link ByteTally.scan} counted. */
  scanned = 0;
  /** The answer index of each number 0-99 read from its digits, -1 before it is seen. */
  readonly #small = new Int32Array(100).fill(-1);
  /** 1 for an answer the metric refuses, by answer index. */
  #refused = new Uint8Array(16);
  invalid: { request: number; value: string | null; reason: string } = { request: 0, value: null, reason: '' };

  /**
   * Whether it reads the spec's rows as the reader decodes them: every `by`
   * column is read as a key (a column the command line reads for two roles
   * has the kind of the first, and a key read as a number is the library's
   * to read).
   */
  static reads(distinct: DistinctTally, requests: readonly ColumnRequest[]): boolean {
    return distinct.columns.by.every((name) => requests.find((r) => r.name === name)?.kind === 'key');
  }

  /**
   * @param distinct - The tally to count into, whose spec names the columns.
   * @param requests - The columns the reader reads, in request order; they include the spec's value, `by` and time columns.
   */
  constructor(distinct: DistinctTally, requests: readonly ColumnRequest[]) {
    const columns = distinct.columns;
    const request = (name: string): number => {
      const j = requests.findIndex((r) => r.name === name);
      if (j < 0) throw new Error(`ByteTally: the column ${JSON.stringify(name)} is not read`);
      return j;
    };
    this.#distinct = distinct;
    this.#periods = distinct.calendar === null ? null : new IsoPeriods(distinct.calendar);
    this.#valueRequest = request(columns.value);
    this.#valueKind = requests[this.#valueRequest]!.kind;
    this.#keyRequests = columns.by.map(request);
    this.#timeRequest = columns.time === null ? -1 : request(columns.time);
    this.#cells = new CellTable(columns.by.length);
  }

  begin(slotOfRequest: Int32Array, fieldOfSlot: Int32Array, fieldCount: number, delimiter: number): void {
    this.#valueSlot = slotOfRequest[this.#valueRequest]!;
    this.#keySlots = Int32Array.from(this.#keyRequests, (j) => slotOfRequest[j]!);
    this.#timeSlot = this.#timeRequest < 0 ? -1 : slotOfRequest[this.#timeRequest]!;
    this.#keys = Array.from(this.#keySlots, () => new KeyTrie(delimiter, this.#utf8));
    // Each field has one role in a scan: a column read for two roles (a key that is also the answer) leaves rows to `count`.
    const roles = new Int32Array(fieldCount).fill(SKIP);
    let distinctFields = true;
    const assign = (slot: number, role: number): void => {
      const field = fieldOfSlot[slot]!;
      if (roles[field] !== SKIP) distinctFields = false;
      roles[field] = role;
    };
    for (let k = 0; k < this.#keySlots.length; k++) assign(this.#keySlots[k]!, k);
    if (this.#timeSlot >= 0) assign(this.#timeSlot, TIME);
    assign(this.#valueSlot, VALUE);
    this.#roles = distinctFields ? roles : new Int32Array(0);
    this.#delimiter = delimiter;
  }

  /**
   * Counts the rows from `p` on that are whole lines of unquoted fields,
   * reading each field's bytes once: a key's bytes are walked through its
   * trie, a time is read from its digits, an answer from its one or two
   * digits. It stops at `limit` (the position of a line feed, so every row
   * it starts ends by then), after `maxRows` rows, or at the first row it
   * leaves to the reader and {@link ByteTally.count}: an empty line, a
   * quoted field, a row with another number of fields than the header, an
   * empty key or one that is not UTF-8, a time of another form, an answer
   * the metric refuses. Returns where it stopped; {@link ByteTally.scanned}
   * is the number of rows counted.
   */
  scan(buf: Bytes, p: number, limit: number, maxRows: number): number {
    const roles = this.#roles;
    const fieldCount = roles.length;
    const delimiter = this.#delimiter;
    // Bytes above `high` are none of the delimiter, CR and LF: one comparison for most bytes.
    const high = delimiter > CR ? delimiter : CR;
    const keys = this.#keys;
    const cells = this.#cells;
    const rowIds = cells.ids;
    // A time is read only with periods.
    const periods = this.#periods as IsoPeriods;
    const last = fieldCount - 1;
    let rows = 0;
    // The start of the first row not counted.
    let next = p;
    try {
      row: while (rows < maxRows && p < limit && fieldCount > 0) {
        let c = buf[p]!;
        if (c === LF || c === CR) break;
        let period = 0;
        let answer = 0;
        for (let f = 0; ; f++) {
          if (c === QUOTE) break row;
          const role = roles[f]!;
          const s = p;
          if (role >= 0) {
            const trie = keys[role]!;
            const to = trie.walk(buf, p);
            p = trie.at;
            c = buf[p]!;
            if (to < 0) rowIds[role] = -to - 1;
            else {
              // A value not in the trie: to the field's end, then learnt (an empty one is left to the reader).
              while (c > high || (c !== delimiter && c !== LF && c !== CR)) c = buf[++p]!;
              if (p === s) break row;
              rowIds[role] = trie.learn(buf, s, p);
            }
          } else if (role === TIME) {
            // Read from its digits, then the field must end where the time does.
            period = periods.read(buf, s);
            if (period === NOT_ISO) break row;
            p = periods.end;
            c = buf[p]!;
            if (c > high || (c !== delimiter && c !== LF && c !== CR)) break row;
          } else {
            while (c > high || (c !== delimiter && c !== LF && c !== CR)) c = buf[++p]!;
            if (role === VALUE) {
              answer = this.#answerAt(buf, s, p);
              if (this.#refused[answer] === 1) break row;
            }
          }
          if (f === last) {
            if (c === delimiter) break row;
            break;
          }
          if (c !== delimiter) break row;
          c = buf[++p]!;
        }
        cells.add(period, answer);
        // A row ends in LF, CRLF or a lone CR.
        p += c === CR && buf[p + 1] === LF ? 2 : 1;
        rows++;
        next = p;
      }
    } catch (error) {
      // A new key that is not UTF-8: the reader reports the row.
      if (!(error instanceof Utf8Error)) throw error;
    }
    this.scanned = rows;
    return next;
  }

  count(buf: Bytes, starts: Int32Array, ends: Int32Array, escaped: Uint8Array): number {
    try {
      return this.#count(buf, starts, ends, escaped);
    } catch (error) {
      // The reader decodes the row again and reports the field that is not UTF-8.
      if (error instanceof Utf8Error) return DECODE;
      throw error;
    }
  }

  #count(buf: Bytes, starts: Int32Array, ends: Int32Array, escaped: Uint8Array): number {
    const keySlots = this.#keySlots;
    const d = keySlots.length;
    for (let k = 0; k < d; k++) {
      const slot = keySlots[k]!;
      if (starts[slot] === ends[slot] || escaped[slot] !== 0) return DECODE;
    }
    let period = 0;
    const timeSlot = this.#timeSlot;
    if (timeSlot >= 0) {
      if (escaped[timeSlot] !== 0) return DECODE;
      const s = starts[timeSlot]!;
      const e = ends[timeSlot]!;
      let t = isoTimeMs(buf, s, e);
      if (t !== t) {
        const v = decodeTime(buf, s, e, this.#utf8);
        if (typeof v !== 'number' || !Number.isInteger(v) || v < -MAX_TIME_MS || v > MAX_TIME_MS) return DECODE;
        t = v;
      }
      period = (this.#periods as IsoPeriods).of(t);
    }
    const valueSlot = this.#valueSlot;
    if (escaped[valueSlot] !== 0) return DECODE;
    // A key that is not UTF-8 is the row's problem the reader reports first: finding its id throws Utf8Error.
    for (let k = 0; k < d; k++) this.#cells.ids[k] = this.#keys[k]!.idOf(buf, starts[keySlots[k]!]!, ends[keySlots[k]!]!);
    const a = this.#answerAt(buf, starts[valueSlot]!, ends[valueSlot]!);
    if (this.#refused[a] === 1) {
      const distinct = this.#distinct;
      this.invalid = {
        request: this.#valueRequest,
        value: cellText(distinct.answerValue(a)),
        reason: reasonOf(distinct.answerError(a)!),
      };
      return INVALID;
    }
    this.#cells.add(period, a);
    return COUNTED;
  }

  /** The answer index of the field `[start, end)`. */
  #answerAt(buf: Bytes, start: number, end: number): number {
    if (this.#valueKind === 'number') {
      // One or two digits: the number they read as, as the reader decodes them.
      let small = -1;
      const length = end - start;
      if (length === 1) {
        const d0 = buf[start]! - 0x30;
        if (d0 >>> 0 <= 9) small = d0;
      } else if (length === 2) {
        const d0 = buf[start]! - 0x30;
        const d1 = buf[start + 1]! - 0x30;
        if (d0 >>> 0 <= 9 && d1 >>> 0 <= 9) small = d0 * 10 + d1;
      }
      if (small >= 0) {
        let a = this.#small[small]!;
        if (a < 0) {
          a = this.#answer(small);
          this.#small[small] = a;
        }
        return a;
      }
    }
    return this.#answer(decodeField(this.#valueKind, buf, start, end, this.#utf8));
  }

  /** The index of a distinct answer, checked by the metric when new. */
  #answer(value: unknown): number {
    const a = this.#distinct.answer(value);
    if (a >= this.#refused.length) {
      const grown = new Uint8Array(this.#refused.length * 2);
      grown.set(this.#refused);
      this.#refused = grown;
    }
    this.#refused[a] = this.#distinct.answerError(a) === null ? 0 : 1;
    this.#cells.widen(a + 1);
    return a;
  }

  /** Adds the rows counted to the distinct tally, and starts again from none. */
  finish(): void {
    const cells = this.#cells;
    for (let cell = 0; cell < cells.size; cell++) {
      const key = this.#keys.map((trie, k) => trie.texts[cells.idOf(cell, k)]!);
      this.#distinct.addCounts(key, this.#periods === null ? null : cells.periodOf(cell), cells.countsOf(cell));
    }
    cells.clear();
  }
}
