/**
 * Counting the rows of a single-answer survey metric (NPS, CSAT, CES, the
 * repurchase rate) in a CSV or TSV file straight from their bytes.
 *
 * Rows of unquoted fields are read by {@link ByteTally.scan} in one pass
 * over their bytes; the CSV reader hands it every other row's requested
 * fields as byte ranges ({@link ByteTally.count}) instead of decoding them
 * into a batch. Each key's value is found by walking its bytes through the
 * column's {@link KeyTrie} (a value is decoded once, when first seen); a time
 * of the strict ISO 8601 form the reader decodes
 * (`YYYY-MM-DDTHH:MM:SS(.f{1,3})?` with `Z` or an offset) is read from its
 * digits; an answer of one or two digits in a number column is read from
 * them. The row is then counted by cell (the keys' ids and the period, in an
 * open-addressing table) and distinct answer, and the counts go to a
 * {@link DistinctTally}, whose metric checks each distinct answer once.
 *
 * Every value is read exactly as the reader would decode it: a row with a
 * field of any other form (an empty key, a time the reader leaves as text, doubled
 * quotes, bytes that are not UTF-8) is decoded into the batch as without the
 * counter, and tallied from there.
 */
import type { Calendar } from '../core/time/periods.js';
import { DAY_MS, daysFromCivil, daysInMonth, MAX_TIME_MS } from '../core/time/time.js';
import type { DistinctTally } from './distinct-tally.js';
import { CR, LF, QUOTE } from './input/csv-fields.js';
import { type Bytes, decodeBoolean, decodeNumber, decodeTextField, decodeTime, isoTimeMs, strictUtf8, Utf8Error } from './input/decode.js';
import { COUNTED, type ColumnKind, type ColumnRequest, DECODE, INVALID, type RowCounter } from './input/read.js';
import { KeyTrie } from './key-trie.js';
import { cellText, reasonOf } from './problems.js';

const HOUR_MS = 3_600_000;
/** Hours whose period is kept, a power of two: 65,536 hours is seven and a half years. */
const HOURS_KEPT = 65536;
/** The period of an hour in which a period starts: none, ask the calendar. */
const SPLIT_HOUR = -2147483648;
/** {@link ByteTally.#isoPeriod} of bytes that are not a time of its form; no period ordinal (days from 1970 at most) comes near it. */
const NOT_ISO = -2147483647;
/** FNV-1a's offset basis as a 32-bit integer, so that the hash stays a small integer. */
const FNV_OFFSET = 0x811c9dc5 | 0;
const FNV_PRIME = 0x01000193;
/** Bits of the direct index of cells at most: 2^20 slots of 4 bytes. */
const DENSE_BITS = 20;
/** Hours of the calendar (a date and an hour of the day, as written) whose instant and period are kept, a power of two. */
const CLOCK_HOURS_KEPT = 65536;

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

/** The slot of a cell's hash in an open-addressing table of `mask + 1` slots. */
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
  /** The values of each key, in `by` order. */
  #keys: readonly KeyTrie[] = [];
  /** The current row's keys' ids, in `by` order. */
  readonly #rowIds: Int32Array;
  /** {@link ByteTally.scan}: the role of each field of a row, empty when rows are only counted one by one. */
  #roles = new Int32Array(0);
  #delimiter = 0;
  /** Rows the last {@link ByteTally.scan} counted. */
  scanned = 0;
  /** Where the time read by the last {@link ByteTally.#isoPeriod} ends. */
  #isoEnd = 0;
  /**
   * Hours of the calendar as written in a time (`YYYY-MM-DDTHH`, coded as
   * {@link clockHourCode}) in a direct-mapped table: the code, or -1 when
   * the slot is free; the hour's epoch milliseconds in UTC; and the period
   * of that UTC hour, or {@link SPLIT_HOUR}.
   */
  readonly #clockTag = new Int32Array(CLOCK_HOURS_KEPT).fill(-1);
  readonly #clockMs = new Float64Array(CLOCK_HOURS_KEPT);
  readonly #clockPeriod = new Int32Array(CLOCK_HOURS_KEPT);
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
  /** Per cell: the hash of its key ids and period, its key ids (`ids[cell * keys + k]`) and its period ordinal (0 without periods). */
  #cellHash = new Int32Array(8);
  #cellIds: Int32Array;
  #cellPeriod = new Int32Array(8);
  /**
   * A direct index of the cells in front of the table: `dense[i] = cell + 1`
   * (0 when not known yet), where `i` packs a row's key ids in `keyBits[k]`
   * bits each and its period's offset from `periodBase` in `periodBits`
   * bits. Empty when the cells' ids and periods need more than
   * {@link DENSE_BITS} bits.
   */
  #dense = new Int32Array(0);
  #keyBits: Int32Array;
  #periodBits = 0;
  #periodBase = 0;
  /** Whether the cells needed more bits than the direct index may have: it stays empty. */
  #denseOff = false;
  /** Rows per cell and answer: `counts[cell * stride + answer]`. */
  #stride = 16;
  #counts: Float64Array;
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
    this.#cal = distinct.calendar;
    this.#valueRequest = request(columns.value);
    this.#valueKind = requests[this.#valueRequest]!.kind;
    this.#keyRequests = columns.by.map(request);
    this.#timeRequest = columns.time === null ? -1 : request(columns.time);
    this.#rowIds = new Int32Array(columns.by.length);
    this.#keyBits = new Int32Array(columns.by.length);
    this.#cellIds = new Int32Array(8 * columns.by.length);
    this.#counts = new Float64Array(8 * this.#stride);
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
    const rowIds = this.#rowIds;
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
            const moves = trie.next;
            let to = moves[c]!;
            while (to > 0) {
              c = buf[++p]!;
              to = moves[(to << 8) | c]!;
            }
            if (to < 0) rowIds[role] = -to - 1;
            else {
              // A value not in the trie: to the field's end, then learnt (an empty one is left to the reader).
              while (c > high || (c !== delimiter && c !== LF && c !== CR)) c = buf[++p]!;
              if (p === s) break row;
              rowIds[role] = trie.learn(buf, s, p);
            }
          } else if (role === TIME) {
            // Read from its digits, then the field must end where the time does.
            period = this.#isoPeriod(buf, s);
            if (period === NOT_ISO) break row;
            p = this.#isoEnd;
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
        // The cell first: a new one may grow the counts.
        const cell = this.#cellOf(period);
        this.#counts[cell * this.#stride + answer]!++;
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
      period = this.#periodOf(t);
    }
    const valueSlot = this.#valueSlot;
    if (escaped[valueSlot] !== 0) return DECODE;
    // A key that is not UTF-8 is the row's problem the reader reports first: finding its id throws Utf8Error.
    for (let k = 0; k < d; k++) this.#rowIds[k] = this.#keys[k]!.idOf(buf, starts[keySlots[k]!]!, ends[keySlots[k]!]!);
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
    const cell = this.#cellOf(period);
    this.#counts[cell * this.#stride + a]!++;
    return COUNTED;
  }

  /** The index of the cell of the current row's key ids and `period`; a new cell when there is none. */
  #cellOf(period: number): number {
    const dense = this.#dense;
    const i = this.#denseIndex(period);
    if (i >= 0) {
      const known = dense[i]! - 1;
      if (known >= 0) return known;
    }
    const cell = this.#tableCell(period);
    // A new cell that did not fit made a new index, which holds it.
    if (i >= 0 && this.#dense === dense) dense[i] = cell + 1;
    return cell;
  }

  /** The slot of the current row's key ids and `period` in the direct index, or -1 when they do not fit it. */
  #denseIndex(period: number): number {
    if (this.#dense.length === 0) return -1;
    const ids = this.#rowIds;
    const bits = this.#keyBits;
    let i = 0;
    for (let k = 0; k < ids.length; k++) {
      const id = ids[k]!;
      const b = bits[k]!;
      if (id >>> b !== 0) return -1;
      i = (i << b) | id;
    }
    const offset = period - this.#periodBase;
    if (offset >>> this.#periodBits !== 0) return -1;
    return (i << this.#periodBits) | offset;
  }

  /**
   * Plans the direct index for the cells there are, with room for twice as
   * many ids and periods, and fills it; leaves it empty when that needs more
   * than {@link DENSE_BITS} bits.
   */
  #planDense(): void {
    const d = this.#rowIds.length;
    const cells = this.#cells;
    let low = Number.POSITIVE_INFINITY;
    let high = Number.NEGATIVE_INFINITY;
    for (let cell = 0; cell < cells; cell++) {
      low = Math.min(low, this.#cellPeriod[cell]!);
      high = Math.max(high, this.#cellPeriod[cell]!);
    }
    let total = 0;
    for (let k = 0; k < d; k++) {
      this.#keyBits[k] = bitsFor(2 * this.#keys[k]!.texts.length);
      total += this.#keyBits[k]!;
    }
    const periods = high - low + 1;
    this.#periodBits = bitsFor(2 * periods);
    this.#periodBase = low - Math.floor(((1 << this.#periodBits) - periods) / 2);
    total += this.#periodBits;
    this.#denseOff = total > DENSE_BITS;
    this.#dense = this.#denseOff ? new Int32Array(0) : new Int32Array(1 << total);
    if (this.#denseOff) return;
    const ids = this.#rowIds;
    const kept = Int32Array.from(ids);
    for (let cell = 0; cell < cells; cell++) {
      ids.set(this.#cellIds.subarray(cell * d, (cell + 1) * d));
      this.#dense[this.#denseIndex(this.#cellPeriod[cell]!)] = cell + 1;
    }
    ids.set(kept);
  }

  /** The cell of the current row's key ids and `period` in the open-addressing table; a new cell when there is none. */
  #tableCell(period: number): number {
    const ids = this.#rowIds;
    const d = ids.length;
    let hash = Math.imul(FNV_OFFSET ^ period, FNV_PRIME);
    for (let k = 0; k < d; k++) hash = Math.imul(hash ^ ids[k]!, FNV_PRIME);
    const table = this.#table;
    const mask = table.length - 1;
    const cellHash = this.#cellHash;
    const cellIds = this.#cellIds;
    const cellPeriod = this.#cellPeriod;
    let slot = slotOfHash(hash, mask);
    for (;;) {
      const cell = table[slot]! - 1;
      if (cell < 0) return this.#newCell(slot, hash, period);
      if (cellHash[cell] === hash && cellPeriod[cell] === period) {
        let k = 0;
        while (k < d && cellIds[cell * d + k] === ids[k]) k++;
        if (k === d) return cell;
      }
      slot = (slot + 1) & mask;
    }
  }

  /**
   * The period of the time at `s` in the strict ISO 8601 form `isoTimeMs`
   * reads, or {@link NOT_ISO} when the bytes there do not start with one; sets
   * {@link ByteTally.#isoEnd} to where the time ends. The bytes are read up
   * to the first that does not fit the form, so never past the line feed
   * that ends the buffer's last row. The instant of each hour of the
   * calendar as written (date and hour) is kept with the period of that
   * hour in UTC, so a time in `Z` costs its digits' checks and one lookup.
   */
  #isoPeriod(buf: Bytes, s: number): number {
    const century = twoDigits(buf, s);
    const yy = twoDigits(buf, s + 2);
    const month = twoDigits(buf, s + 5);
    const day = twoDigits(buf, s + 8);
    const hour = twoDigits(buf, s + 11);
    const minute = twoDigits(buf, s + 14);
    const second = twoDigits(buf, s + 17);
    if (
      buf[s + 4] !== 0x2d ||
      buf[s + 7] !== 0x2d ||
      buf[s + 10] !== 0x54 ||
      buf[s + 13] !== 0x3a ||
      buf[s + 16] !== 0x3a ||
      (century | yy | hour | minute | second) < 0 ||
      month < 1 ||
      month > 12 ||
      day < 1 ||
      day > 31 ||
      hour > 23 ||
      minute > 59 ||
      second > 59
    ) {
      return NOT_ISO;
    }
    let i = s + 19;
    let millis = 0;
    if (buf[i] === 0x2e) {
      i++;
      // One to three digits of a second, as tenths, hundredths or thousandths.
      let scale = 100;
      const fracStart = i;
      while (i - fracStart < 3 && (buf[i]! - 0x30) >>> 0 <= 9) {
        millis += (buf[i]! - 0x30) * scale;
        scale /= 10;
        i++;
      }
      if (i === fracStart) return NOT_ISO;
    }
    let offset = 0;
    const sign = buf[i];
    if (sign === 0x5a) {
      this.#isoEnd = i + 1;
    } else {
      const oh = twoDigits(buf, i + 1);
      const om = twoDigits(buf, i + 4);
      if ((sign !== 0x2b && sign !== 0x2d) || buf[i + 3] !== 0x3a || oh < 0 || om < 0 || oh > 23 || om > 59) return NOT_ISO;
      offset = (oh * 60 + om) * 60_000;
      if (sign === 0x2d) offset = -offset;
      this.#isoEnd = i + 6;
    }
    const code = clockHourCode(century * 100 + yy, month, day, hour);
    const slot = code & (CLOCK_HOURS_KEPT - 1);
    if (this.#clockTag[slot] !== code) {
      const year = century * 100 + yy;
      if (day > daysInMonth(year, month)) return NOT_ISO;
      const ms = daysFromCivil(year, month, day) * DAY_MS + hour * HOUR_MS;
      this.#clockTag[slot] = code;
      this.#clockMs[slot] = ms;
      // A time is read only with periods, so there is a calendar.
      const cal = this.#cal as Calendar;
      const first = cal.ordinalOf(ms);
      this.#clockPeriod[slot] = cal.ordinalOf(ms + HOUR_MS - 1) === first ? first : SPLIT_HOUR;
    }
    const period = this.#clockPeriod[slot]!;
    if (offset === 0 && period !== SPLIT_HOUR) return period;
    return this.#periodOf(this.#clockMs[slot]! + ((minute * 60 + second) * 1000 + millis) - offset);
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

  /** Adds the current row's cell at the free table slot `slot`; returns its index. */
  #newCell(slot: number, hash: number, period: number): number {
    const d = this.#rowIds.length;
    const cell = this.#cells++;
    if (cell === this.#cellHash.length) {
      const size = cell * 2;
      this.#cellHash = grown(this.#cellHash, size);
      this.#cellPeriod = grown(this.#cellPeriod, size);
      this.#cellIds = grown(this.#cellIds, size * d);
      const counts = new Float64Array(size * this.#stride);
      counts.set(this.#counts);
      this.#counts = counts;
    }
    this.#cellIds.set(this.#rowIds, cell * d);
    this.#cellHash[cell] = hash;
    this.#cellPeriod[cell] = period;
    this.#table[slot] = cell + 1;
    if (this.#cells * 2 > this.#table.length) this.#rehash();
    if (!this.#denseOff && this.#denseIndex(period) < 0) this.#planDense();
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
    const d = this.#rowIds.length;
    for (let cell = 0; cell < this.#cells; cell++) {
      const period = this.#cal === null ? null : this.#cellPeriod[cell]!;
      const key = this.#keys.map((trie, k) => trie.texts[this.#cellIds[cell * d + k]!]!);
      this.#distinct.addCounts(key, period, this.#counts.subarray(cell * this.#stride, (cell + 1) * this.#stride));
    }
    this.#cells = 0;
    this.#table.fill(0);
    this.#counts.fill(0);
    this.#dense = new Int32Array(0);
    this.#denseOff = false;
  }
}

/** The bits that hold the numbers 0 to `n - 1`. */
function bitsFor(n: number): number {
  return n <= 1 ? 0 : 32 - Math.clz32(n - 1);
}

/** The two decimal digits at `i` as a number, or -1 when either is not a digit. */
function twoDigits(buf: Bytes, i: number): number {
  const a = buf[i]! - 0x30;
  const b = buf[i + 1]! - 0x30;
  return a >>> 0 > 9 || b >>> 0 > 9 ? -1 : a * 10 + b;
}

/** A date and an hour of the day as one integer, distinct for distinct ones: below 2^31 for years below 10,000. */
function clockHourCode(year: number, month: number, day: number, hour: number): number {
  return ((year * 12 + month - 1) * 31 + day - 1) * 24 + hour;
}

/** A copy of `array` with room for `size` elements. */
function grown(array: Int32Array, size: number): Int32Array<ArrayBuffer> {
  const out = new Int32Array(size);
  out.set(array);
  return out;
}
