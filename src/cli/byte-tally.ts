/**
 * Counting the rows of a single-answer survey metric (NPS, CSAT, CES, the
 * repurchase rate) in a CSV or TSV file straight from their bytes.
 *
 * The CSV reader hands each row's requested fields to {@link ByteTally} as
 * byte ranges instead of decoding them into a batch. The row's cell is found
 * by hashing its keys' bytes and its period in one open-addressing table
 * (a cell's keys are decoded once, when it is new); a time of the strict ISO
 * 8601 form the reader decodes (`YYYY-MM-DDTHH:MM:SS(.f{1,3})?` with `Z` or
 * an offset) is read from its digits; an answer of one or two digits in a
 * number column is read from them. The row is then counted by cell and
 * distinct answer, and the counts go to a {@link DistinctTally}, whose
 * metric checks each distinct answer once.
 *
 * Every value is read exactly as the reader would decode it: a row with a
 * field of any other form (an empty key, a time the reader leaves as text, doubled
 * quotes, bytes that are not UTF-8) is decoded into the batch as without the
 * counter, and tallied from there.
 */
import type { Calendar } from '../core/time/periods.js';
import { MAX_TIME_MS } from '../core/time/time.js';
import type { DistinctTally } from './distinct-tally.js';
import { type Bytes, decodeBoolean, decodeNumber, decodeText, decodeTextField, decodeTime, isoTimeMs, strictUtf8, Utf8Error } from './input/decode.js';
import { COUNTED, type ColumnKind, type ColumnRequest, DECODE, INVALID, type RowCounter } from './input/read.js';
import { cellText, reasonOf } from './problems.js';

const HOUR_MS = 3_600_000;
/** Hours whose period is kept, a power of two: 65,536 hours is seven and a half years. */
const HOURS_KEPT = 65536;
/** The period of an hour in which a period starts: none, ask the calendar. */
const SPLIT_HOUR = -2147483648;
const FNV_OFFSET = 0x811c9dc5;
const FNV_PRIME = 0x01000193;

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

/** The slot of a cell's tuple in an open-addressing table of `mask + 1` slots. */
function slotOfHash(hash: number, mask: number): number {
  return (hash ^ (hash >>> 15)) & mask;
}

/**
 * Counts CSV/TSV rows by segment, period and distinct answer from their
 * bytes, into a {@link DistinctTally}; see the module's description.
 * {@link ByteTally.finish} adds the counts to the distinct tally.
 */
export class ByteTally implements RowCounter {
  readonly #distinct: DistinctTally;
  readonly #cal: Calendar | null;
  readonly #utf8 = strictUtf8();
  /** Request indices of the answer, the keys (in `by` order) and the time (-1 without periods). */
  readonly #valueRequest: number;
  readonly #keyRequests: readonly number[];
  readonly #timeRequest: number;
  readonly #valueKind: ColumnKind;
  #valueSlot = -1;
  #keySlots = new Int32Array(0);
  #timeSlot = -1;
  /** Hours of the clock (`floor(t / HOUR_MS)`) whose period is known, and that period or {@link SPLIT_HOUR}. */
  readonly #hourTag = new Float64Array(HOURS_KEPT).fill(Number.NaN);
  readonly #hourPeriod = new Int32Array(HOURS_KEPT);
  /** The answer index of each number 0-99 read from its digits, -1 before it is seen. */
  readonly #small = new Int32Array(100).fill(-1);
  /** 1 for an answer the metric refuses, by answer index. */
  #refused = new Uint8Array(16);
  /** Open-addressing table of cells: cell index + 1 per slot, 0 when free. */
  #table = new Int32Array(16);
  #cells = 0;
  /** Per cell: the hash of its key bytes and period, and its period ordinal (0 without periods). */
  #cellHash = new Int32Array(8);
  #cellPeriod = new Int32Array(8);
  /** Per cell, its keys' bytes: key `k` of cell `c` is `pool[offsets[c * (keys + 1) + k], offsets[c * (keys + 1) + k + 1])`. */
  #offsets: Int32Array;
  #pool = new Uint8Array(256);
  #poolUsed = 0;
  /** Per cell, its keys as text. */
  readonly #cellKeys: (readonly string[])[] = [];
  /** Rows per cell and answer: `counts[cell * stride + answer]`. */
  #stride = 16;
  #counts: Float64Array;
  invalid: { request: number; value: string | null; reason: string } = { request: 0, value: null, reason: '' };

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
    this.#cal = distinct.calendar;
    this.#valueRequest = request(columns.value);
    this.#valueKind = requests[this.#valueRequest]!.kind;
    this.#keyRequests = columns.by.map(request);
    this.#timeRequest = columns.time === null ? -1 : request(columns.time);
    this.#offsets = new Int32Array(8 * (columns.by.length + 1));
    this.#counts = new Float64Array(8 * this.#stride);
  }

  begin(slotOfRequest: Int32Array): void {
    this.#valueSlot = slotOfRequest[this.#valueRequest]!;
    this.#keySlots = Int32Array.from(this.#keyRequests, (j) => slotOfRequest[j]!);
    this.#timeSlot = this.#timeRequest < 0 ? -1 : slotOfRequest[this.#timeRequest]!;
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
    // The keys' bytes, each followed by a separator no byte equals, then the period, hashed as one.
    let hash = FNV_OFFSET;
    for (let k = 0; k < d; k++) {
      const slot = keySlots[k]!;
      const s = starts[slot]!;
      const e = ends[slot]!;
      if (s === e || escaped[slot] !== 0) return DECODE;
      for (let i = s; i < e; i++) hash = Math.imul(hash ^ buf[i]!, FNV_PRIME);
      hash = Math.imul(hash ^ 0x100, FNV_PRIME);
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
      period = this.#periodOf(t);
    }
    const valueSlot = this.#valueSlot;
    if (escaped[valueSlot] !== 0) return DECODE;
    const a = this.#answerAt(buf, starts[valueSlot]!, ends[valueSlot]!);
    if (this.#refused[a] === 1) {
      // A key that is not UTF-8 is the row's problem the reader reports first: decoding throws Utf8Error.
      for (let k = 0; k < d; k++) decodeText(buf, starts[keySlots[k]!]!, ends[keySlots[k]!]!, this.#utf8);
      const distinct = this.#distinct;
      this.invalid = {
        request: this.#valueRequest,
        value: cellText(distinct.answerValue(a)),
        reason: reasonOf(distinct.answerError(a)!),
      };
      return INVALID;
    }
    hash = Math.imul(hash ^ period, FNV_PRIME);
    const table = this.#table;
    const mask = table.length - 1;
    const cellHash = this.#cellHash;
    const cellPeriod = this.#cellPeriod;
    const offsets = this.#offsets;
    const pool = this.#pool;
    let slot = slotOfHash(hash, mask);
    let cell: number;
    cells: for (;;) {
      cell = table[slot]! - 1;
      if (cell < 0) {
        cell = this.#newCell(slot, hash, period, buf, starts, ends);
        break;
      }
      if (cellHash[cell] === hash && cellPeriod[cell] === period) {
        let o = cell * (d + 1);
        for (let k = 0; k < d; k++, o++) {
          const slotK = keySlots[k]!;
          const s = starts[slotK]!;
          const from = offsets[o]!;
          const length = offsets[o + 1]! - from;
          if (ends[slotK]! - s !== length) break;
          let i = 0;
          while (i < length && pool[from + i] === buf[s + i]) i++;
          if (i !== length) break;
          if (k === d - 1) break cells;
        }
        if (d === 0) break;
      }
      slot = (slot + 1) & mask;
    }
    this.#counts[cell * this.#stride + a]!++;
    return COUNTED;
  }

  /**
   * The period ordinal of an instant. Periods start at a local midnight, so
   * most hours of the clock lie in one period: the period of each such hour
   * is kept in a small direct-mapped table, and the calendar is asked only
   * for a new hour and for an hour a period starts within.
   */
  #periodOf(t: number): number {
    const hour = Math.floor(t / HOUR_MS);
    const i = hour & (HOURS_KEPT - 1);
    if (this.#hourTag[i] === hour) {
      const ordinal = this.#hourPeriod[i]!;
      if (ordinal !== SPLIT_HOUR) return ordinal;
      return (this.#cal as Calendar).ordinalOf(t);
    }
    const cal = this.#cal as Calendar;
    const first = cal.ordinalOf(hour * HOUR_MS);
    this.#hourTag[i] = hour;
    this.#hourPeriod[i] = cal.ordinalOf(hour * HOUR_MS + HOUR_MS - 1) === first ? first : SPLIT_HOUR;
    return cal.ordinalOf(t);
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
    if (a >= this.#stride) this.#widen(a + 1);
    return a;
  }

  /**
   * Adds the current row's cell at the free table slot `slot`, its keys
   * decoded; returns its index.
   *
   * @throws {@link Utf8Error} when a key is not valid UTF-8, before anything is kept.
   */
  #newCell(slot: number, hash: number, period: number, buf: Bytes, starts: Int32Array, ends: Int32Array): number {
    const keySlots = this.#keySlots;
    const d = keySlots.length;
    let bytes = 0;
    for (let k = 0; k < d; k++) bytes += ends[keySlots[k]!]! - starts[keySlots[k]!]!;
    const key = Array.from(keySlots, (s) => decodeText(buf, starts[s]!, ends[s]!, this.#utf8));
    const cell = this.#cells++;
    if (cell === this.#cellHash.length) {
      const size = cell * 2;
      this.#cellHash = grown(this.#cellHash, size);
      this.#cellPeriod = grown(this.#cellPeriod, size);
      this.#offsets = grown(this.#offsets, size * (d + 1));
      const counts = new Float64Array(size * this.#stride);
      counts.set(this.#counts);
      this.#counts = counts;
    }
    if (this.#poolUsed + bytes > this.#pool.length) {
      const pool = new Uint8Array(Math.max(this.#pool.length * 2, this.#poolUsed + bytes));
      pool.set(this.#pool.subarray(0, this.#poolUsed));
      this.#pool = pool;
    }
    let o = cell * (d + 1);
    for (let k = 0; k < d; k++) {
      const s = keySlots[k]!;
      this.#offsets[o++] = this.#poolUsed;
      this.#pool.set(buf.subarray(starts[s]!, ends[s]!), this.#poolUsed);
      this.#poolUsed += ends[s]! - starts[s]!;
    }
    this.#offsets[o] = this.#poolUsed;
    this.#cellHash[cell] = hash;
    this.#cellPeriod[cell] = period;
    this.#cellKeys.push(key);
    this.#table[slot] = cell + 1;
    if (this.#cells * 2 > this.#table.length) this.#rehash();
    return cell;
  }

  /** Doubles the cell table and places every cell again. */
  #rehash(): void {
    const table = new Int32Array(this.#table.length * 2);
    const mask = table.length - 1;
    for (let cell = 0; cell < this.#cells; cell++) {
      let slot = slotOfHash(this.#cellHash[cell]!, mask);
      while (table[slot] !== 0) slot = (slot + 1) & mask;
      table[slot] = cell + 1;
    }
    this.#table = table;
  }

  /** Makes room for `answers` answers per cell. */
  #widen(answers: number): void {
    let stride = this.#stride;
    while (stride < answers) stride *= 2;
    const counts = new Float64Array((this.#counts.length / this.#stride) * stride);
    for (let cell = 0; cell < this.#cells; cell++) {
      counts.set(this.#counts.subarray(cell * this.#stride, (cell + 1) * this.#stride), cell * stride);
    }
    this.#counts = counts;
    this.#stride = stride;
  }

  /** Adds the rows counted to the distinct tally, and starts again from none. */
  finish(): void {
    for (let cell = 0; cell < this.#cells; cell++) {
      const period = this.#cal === null ? null : this.#cellPeriod[cell]!;
      this.#distinct.addCounts(this.#cellKeys[cell]!, period, this.#counts.subarray(cell * this.#stride, (cell + 1) * this.#stride));
    }
    this.#cells = 0;
    this.#poolUsed = 0;
    this.#cellKeys.length = 0;
    this.#table.fill(0);
    this.#counts.fill(0);
  }
}

/** A copy of `array` with room for `size` elements. */
function grown(array: Int32Array, size: number): Int32Array<ArrayBuffer> {
  const out = new Int32Array(size);
  out.set(array);
  return out;
}
