/**
 * The cells of a table of counts, found by a row's key ids and period, and
 * each cell's rows per distinct answer.
 *
 * Cells live in an open-addressing table hashed on their key ids and period.
 * In front of it, while the ids and periods seen fit in {@link DENSE_BITS}
 * bits, a direct index packs a row's ids and period into one slot, so that
 * finding a known cell is a few shifts and one lookup.
 */

/** Bits of the direct index at most: 2^20 slots of 4 bytes. */
const DENSE_BITS = 20;
/** FNV-1a's offset basis as a 32-bit integer, so that the hash stays a small integer. */
const FNV_OFFSET = 0x811c9dc5 | 0;
const FNV_PRIME = 0x01000193;

/** The slot of a cell's hash in an open-addressing table of `mask + 1` slots. */
function slotOfHash(hash: number, mask: number): number {
  return (hash ^ (hash >>> 15)) & mask;
}

/** The bits that hold the numbers 0 to `n - 1`. */
function bitsFor(n: number): number {
  return n <= 1 ? 0 : 32 - Math.clz32(n - 1);
}

/** A copy of `array` with room for `size` elements. */
function grown(array: Int32Array, size: number): Int32Array<ArrayBuffer> {
  const out = new Int32Array(size);
  out.set(array);
  return out;
}

/** Cells by key ids and period, with their counts per answer; see the module's description. */
export class CellTable {
  /** The current row's key ids, one per key column, set before {@link CellTable.add}. */
  readonly ids: Int32Array;
  /** The number of cells. */
  size = 0;
  /** Open-addressing table of cells: cell index + 1 per slot, 0 when free. */
  #table = new Int32Array(16);
  /** Per cell: the hash of its ids and period, its ids (`ids[cell * keys + k]`) and its period ordinal. */
  #cellHash = new Int32Array(8);
  #cellIds: Int32Array;
  #cellPeriod = new Int32Array(8);
  /**
   * The direct index: `dense[i] = cell + 1` (0 when not known yet), where
   * `i` packs the ids in `keyBits[k]` bits each and the period's offset from
   * `periodBase` in `periodBits` bits. Empty while not planned, and for good
   * once the cells need more than {@link DENSE_BITS} bits (`denseOff`).
   */
  #dense = new Int32Array(0);
  readonly #keyBits: Int32Array;
  #periodBits = 0;
  #periodBase = 0;
  #denseOff = false;
  /** Rows per cell and answer: `counts[cell * stride + answer]`. */
  #stride = 16;
  #counts = new Float64Array(8 * 16);

  /** @param keys - The number of key columns. */
  constructor(keys: number) {
    this.ids = new Int32Array(keys);
    this.#cellIds = new Int32Array(8 * keys);
    this.#keyBits = new Int32Array(keys);
  }

  /** Counts a row of answer `answer` (an index below {@link CellTable.widen}'s) in the cell of {@link CellTable.ids} and `period`. */
  add(period: number, answer: number): void {
    // The cell first: a new one may grow the counts.
    const cell = this.#cellOf(period);
    this.#counts[cell * this.#stride + answer]!++;
  }

  /** Makes room for answers with indices below `answers`. */
  widen(answers: number): void {
    let stride = this.#stride;
    if (answers <= stride) return;
    while (stride < answers) stride *= 2;
    const counts = new Float64Array((this.#counts.length / this.#stride) * stride);
    for (let cell = 0; cell < this.size; cell++) {
      counts.set(this.#counts.subarray(cell * this.#stride, (cell + 1) * this.#stride), cell * stride);
    }
    this.#counts = counts;
    this.#stride = stride;
  }

  /** The slots of the direct index: 0 while it is not planned, and once the cells need more than {@link DENSE_BITS} bits. */
  get directSlots(): number {
    return this.#dense.length;
  }

  /** Key id `k` of `cell`. */
  idOf(cell: number, k: number): number {
    return this.#cellIds[cell * this.ids.length + k]!;
  }

  /** The period ordinal of `cell`. */
  periodOf(cell: number): number {
    return this.#cellPeriod[cell]!;
  }

  /** The rows of `cell` per answer index. */
  countsOf(cell: number): Float64Array {
    return this.#counts.subarray(cell * this.#stride, (cell + 1) * this.#stride);
  }

  /** Forgets every cell. */
  clear(): void {
    this.size = 0;
    this.#table.fill(0);
    this.#counts.fill(0);
    this.#dense = new Int32Array(0);
    this.#denseOff = false;
  }

  /** The index of the cell of {@link CellTable.ids} and `period`; a new cell when there is none. */
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

  /** The slot of {@link CellTable.ids} and `period` in the direct index, or -1 when they do not fit it. */
  #denseIndex(period: number): number {
    if (this.#dense.length === 0) return -1;
    const ids = this.ids;
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
   * many ids of each key and periods, and fills it; leaves it empty for good
   * when that needs more than {@link DENSE_BITS} bits.
   */
  #planDense(): void {
    const d = this.ids.length;
    const cells = this.size;
    let low = Number.POSITIVE_INFINITY;
    let high = Number.NEGATIVE_INFINITY;
    const most = new Int32Array(d);
    for (let cell = 0; cell < cells; cell++) {
      low = Math.min(low, this.#cellPeriod[cell]!);
      high = Math.max(high, this.#cellPeriod[cell]!);
      for (let k = 0; k < d; k++) most[k] = Math.max(most[k]!, this.#cellIds[cell * d + k]! + 1);
    }
    let total = 0;
    for (let k = 0; k < d; k++) {
      this.#keyBits[k] = bitsFor(2 * most[k]!);
      total += this.#keyBits[k]!;
    }
    const periods = high - low + 1;
    this.#periodBits = bitsFor(2 * periods);
    this.#periodBase = low - Math.floor(((1 << this.#periodBits) - periods) / 2);
    total += this.#periodBits;
    this.#denseOff = total > DENSE_BITS;
    this.#dense = this.#denseOff ? new Int32Array(0) : new Int32Array(1 << total);
    if (this.#denseOff) return;
    const ids = this.ids;
    const kept = Int32Array.from(ids);
    for (let cell = 0; cell < cells; cell++) {
      ids.set(this.#cellIds.subarray(cell * d, (cell + 1) * d));
      this.#dense[this.#denseIndex(this.#cellPeriod[cell]!)] = cell + 1;
    }
    ids.set(kept);
  }

  /** The cell of {@link CellTable.ids} and `period` in the open-addressing table; a new cell when there is none. */
  #tableCell(period: number): number {
    const ids = this.ids;
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

  /** Adds the cell of {@link CellTable.ids} and `period` at the free table slot `slot`; returns its index. */
  #newCell(slot: number, hash: number, period: number): number {
    const d = this.ids.length;
    const cell = this.size++;
    if (cell === this.#cellHash.length) {
      const size = cell * 2;
      this.#cellHash = grown(this.#cellHash, size);
      this.#cellPeriod = grown(this.#cellPeriod, size);
      this.#cellIds = grown(this.#cellIds, size * d);
      const counts = new Float64Array(size * this.#stride);
      counts.set(this.#counts);
      this.#counts = counts;
    }
    this.#cellIds.set(this.ids, cell * d);
    this.#cellHash[cell] = hash;
    this.#cellPeriod[cell] = period;
    this.#table[slot] = cell + 1;
    if (this.size * 2 > this.#table.length) this.#rehash();
    if (!this.#denseOff && this.#denseIndex(period) < 0) this.#planDense();
    return cell;
  }

  /** Doubles the open-addressing table and places every cell again. */
  #rehash(): void {
    const table = new Int32Array(this.#table.length * 2);
    const mask = table.length - 1;
    for (let cell = 0; cell < this.size; cell++) {
      let slot = slotOfHash(this.#cellHash[cell]!, mask);
      while (table[slot] !== 0) slot = (slot + 1) & mask;
      table[slot] = cell + 1;
    }
    this.#table = table;
  }
}
