/**
 * Interning of `key` fields: a column of segment keys (regions, plans,
 * channels) repeats a few distinct values millions of times, so each distinct
 * byte sequence is decoded once and the same string is returned for equal
 * bytes afterwards.
 */
import type { TextDecoder } from 'node:util';
import { type Bytes, decodeText } from './decode.js';

/** Distinct values remembered per column; later new values are decoded every time. */
const MAX_ENTRIES = 4096;
/** Longer values are decoded every time: they are rarely keys, and would fill the pool. */
const MAX_KEY_BYTES = 64;
/** Open-addressing table of twice the entries, so probes stay short. */
const TABLE_SIZE = MAX_ENTRIES * 2;
const TABLE_MASK = TABLE_SIZE - 1;
const FNV_OFFSET = 0x811c9dc5;
const FNV_PRIME = 0x01000193;

/**
 * The strings of one `key` column, interned by their bytes: equal bytes give
 * the same string without decoding again. At most 4096 distinct values of up
 * to 64 bytes are remembered; others are decoded each time they occur.
 */
export class KeyInterner {
  /** Entry index + 1 per table slot; 0 is an empty slot. */
  private readonly slots = new Int32Array(TABLE_SIZE);
  private readonly hashes = new Int32Array(MAX_ENTRIES);
  /** Entry k's bytes are `pool[offsets[k], offsets[k + 1])`. */
  private readonly offsets = new Int32Array(MAX_ENTRIES + 1);
  private pool = new Uint8Array(1024);
  private readonly strings: string[] = [];
  private count = 0;

  constructor(private readonly utf8: TextDecoder) {}

  /** The distinct values remembered. */
  get size(): number {
    return this.count;
  }

  /**
   * The key in `[start, end)`: `null` when empty, otherwise its text.
   *
   * @throws {@link Utf8Error} when the bytes are not valid UTF-8.
   */
  key(buf: Bytes, start: number, end: number): string | null {
    const length = end - start;
    if (length === 0) return null;
    if (length > MAX_KEY_BYTES) return decodeText(buf, start, end, this.utf8);
    let hash = FNV_OFFSET;
    for (let i = start; i < end; i++) hash = Math.imul(hash ^ buf[i]!, FNV_PRIME);
    const { slots, hashes, offsets, pool } = this;
    let slot = hash & TABLE_MASK;
    for (let entry = slots[slot]!; entry !== 0; entry = slots[slot]!) {
      const k = entry - 1;
      if (hashes[k] === hash) {
        const from = offsets[k]!;
        if (offsets[k + 1]! - from === length) {
          let i = 0;
          while (i < length && pool[from + i] === buf[start + i]) i++;
          if (i === length) return this.strings[k]!;
        }
      }
      slot = (slot + 1) & TABLE_MASK;
    }
    const text = decodeText(buf, start, end, this.utf8);
    if (this.count < MAX_ENTRIES) this.remember(buf, start, end, hash, slot, text);
    return text;
  }

  /** Adds the bytes `[start, end)` and their text as a new entry at the empty table slot `slot`. */
  private remember(buf: Bytes, start: number, end: number, hash: number, slot: number, text: string): void {
    const k = this.count++;
    const from = this.offsets[k]!;
    const to = from + end - start;
    if (to > this.pool.length) {
      const grown = new Uint8Array(Math.max(this.pool.length * 2, to));
      grown.set(this.pool.subarray(0, from));
      this.pool = grown;
    }
    this.pool.set(buf.subarray(start, end), from);
    this.offsets[k + 1] = to;
    this.hashes[k] = hash;
    this.strings.push(text);
    this.slots[slot] = k + 1;
  }
}
