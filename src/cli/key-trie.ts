/**
 * The distinct values of one key column of a CSV/TSV file (regions, plans,
 * channels), each with a small integer id, found from a field's bytes.
 *
 * The bytes of the values seen are kept in a trie whose transitions form one
 * table: reading a field walks it a byte at a time, which finds the field's
 * end and its value at once, with no hash. A transition on a byte that ends
 * a field (the delimiter, CR or LF) after the bytes of a value gives that
 * value's id. Below the first bytes that tell a column's few values apart,
 * where the trie no longer branches (most of a value's bytes), the bytes that
 * must follow are compared with the field's instead ({@link KeyTrie.walk}):
 * each lookup of the walk waits for the one before, the comparisons do not.
 * A value is decoded (and its UTF-8 checked) once, when its bytes are first
 * seen; equal texts written with different bytes share an id.
 */
import type { TextDecoder } from 'node:util';
import { CR, LF } from './input/csv-fields.js';
import { type Bytes, decodeText } from './input/decode.js';

/** States of the trie at most (256 transitions of 4 bytes each: 8 MiB); values that do not fit are looked up by their text. */
const MAX_STATES = 8192;

/**
 * The ids of a key column's values; see the module's description.
 */
export class KeyTrie {
  /**
   * `next[state << 8 | byte]`: the next state (> 0), `-(id + 1)` for a byte
   * that ends a field after the bytes of value `id`, or 0 when not known.
   * State 0 is the root, which no transition leads back to.
   */
  next = new Int32Array(256 * 16);
  /**
   * Per state, the bytes that must follow it when it has one transition and
   * ends no value, and the states after them have one too: their number
   * (0 when fewer than two), the state they lead to, and where they start
   * in {@link KeyTrie.chainBytes}.
   */
  chainLength = new Int32Array(16);
  chainEnd = new Int32Array(16);
  chainAt = new Int32Array(16);
  /** The bytes of every value added to the trie, one after another. */
  chainBytes = new Uint8Array(256);
  /** Where {@link KeyTrie.walk} stopped. */
  at = 0;
  /** The text of each id. */
  readonly texts: string[] = [];
  readonly #ids = new Map<string, number>();
  #states = 1;
  /** Per state, the number of bytes with a transition from it (those that end a value count once). */
  #out = new Int32Array(16);
  #chainUsed = 0;
  readonly #delimiter: number;
  readonly #utf8: TextDecoder;

  /**
   * @param delimiter - The byte that separates fields; it, CR and LF end a value.
   * @param utf8 - A strict UTF-8 decoder.
   */
  constructor(delimiter: number, utf8: TextDecoder) {
    this.#delimiter = delimiter;
    this.#utf8 = utf8;
  }

  /**
   * Walks the trie over the bytes from `p` on to the first byte with no
   * transition, comparing the bytes that must follow a state without a
   * branch all at once. Returns the transition on that byte: `-(id + 1)`
   * when the bytes from `p` to it are value `id` and it ends a field, 0
   * otherwise; {@link KeyTrie.at} is its position.
   */
  walk(buf: Bytes, p: number): number {
    const next = this.next;
    const chainLength = this.chainLength;
    let to = next[buf[p]!]!;
    while (to > 0) {
      const k = chainLength[to]!;
      if (k !== 0) {
        const bytes = this.chainBytes;
        const from = this.chainAt[to]! - p - 1;
        const end = p + 1 + k;
        let i = p + 1;
        // A field shorter than the chain ends at a byte no chain holds (or, at the end of `buf`, at none).
        while (i < end && bytes[from + i] === buf[i]) i++;
        if (i < end) {
          this.at = i;
          return 0;
        }
        p = end - 1;
        to = this.chainEnd[to]!;
      }
      to = next[(to << 8) | buf[++p]!]!;
    }
    this.at = p;
    return to;
  }

  /**
   * The id of the value whose bytes are `buf[start, end)` (not empty),
   * learnt when new.
   *
   * @throws {@link Utf8Error} when the value is new and its bytes are not valid UTF-8; nothing is learnt.
   */
  idOf(buf: Bytes, start: number, end: number): number {
    const next = this.next;
    let state = 0;
    let i = start;
    for (; i < end; i++) {
      const to = next[(state << 8) | buf[i]!]!;
      if (to <= 0) break;
      state = to;
    }
    if (i === end) {
      const to = next[(state << 8) | LF]!;
      if (to < 0) return -to - 1;
    }
    return this.learn(buf, start, end);
  }

  /**
   * The id of the value `buf[start, end)` found by its text, a new id for a
   * new text; its bytes join the trie when they hold no byte that ends a
   * field and there is room.
   *
   * @throws {@link Utf8Error} when the bytes are not valid UTF-8; nothing is learnt.
   */
  learn(buf: Bytes, start: number, end: number): number {
    const text = decodeText(buf, start, end, this.#utf8);
    let id = this.#ids.get(text);
    if (id === undefined) {
      id = this.texts.length;
      this.texts.push(text);
      this.#ids.set(text, id);
    }
    this.#insert(buf, start, end, id);
    return id;
  }

  /** Adds the path of `buf[start, end)` to the trie, ending in `id`, unless a byte of it ends a field or the trie is full. */
  #insert(buf: Bytes, start: number, end: number, id: number): void {
    const delimiter = this.#delimiter;
    for (let i = start; i < end; i++) {
      const b = buf[i]!;
      if (b === delimiter || b === LF || b === CR) return;
    }
    if (this.#states + (end - start) > MAX_STATES) return;
    const path = new Int32Array(end - start + 1);
    let state = 0;
    for (let i = start; i < end; i++) {
      const at = (state << 8) | buf[i]!;
      let to = this.next[at]!;
      if (to === 0) {
        to = this.#states++;
        if (to << 8 >= this.next.length) {
          const grown = new Int32Array(this.next.length * 2);
          grown.set(this.next);
          this.next = grown;
        }
        if (to >= this.#out.length) this.#growStates();
        this.next[at] = to;
        this.#out[state]!++;
      }
      state = to;
      path[i - start + 1] = state;
    }
    if (this.next[(state << 8) | LF] === 0) this.#out[state]!++;
    const base = state << 8;
    this.next[base | delimiter] = -(id + 1);
    this.next[base | LF] = -(id + 1);
    this.next[base | CR] = -(id + 1);
    this.#chain(buf, start, path);
  }

  /**
   * The chains of the states on the path of a value just added, the only
   * ones that change: a chain runs down from its state, so one through a
   * state of the path starts on the path. From the end back, a state with
   * one transition that ends no value continues the chain of the next.
   */
  #chain(buf: Bytes, start: number, path: Int32Array): void {
    const length = path.length - 1;
    while (this.#chainUsed + length > this.chainBytes.length) {
      const grown = new Uint8Array(this.chainBytes.length * 2);
      grown.set(this.chainBytes);
      this.chainBytes = grown;
    }
    const offset = this.#chainUsed;
    this.chainBytes.set(buf.subarray(start, start + length), offset);
    this.#chainUsed += length;
    // Bytes that must follow state path[i], and the state after them.
    let follow = 0;
    let last = path[length]!;
    for (let i = length; i >= 1; i--) {
      const state = path[i]!;
      if (this.#out[state] === 1 && this.next[(state << 8) | LF] === 0 && i < length) {
        follow++;
      } else {
        follow = 0;
        last = state;
      }
      this.chainLength[state] = follow >= 2 ? follow : 0;
      this.chainEnd[state] = last;
      this.chainAt[state] = offset + i;
    }
  }

  /** Makes room for twice as many states in the tables kept per state. */
  #growStates(): void {
    const size = this.#out.length * 2;
    const grow = (a: Int32Array): Int32Array<ArrayBuffer> => {
      const out = new Int32Array(size);
      out.set(a);
      return out;
    };
    this.#out = grow(this.#out);
    this.chainLength = grow(this.chainLength);
    this.chainEnd = grow(this.chainEnd);
    this.chainAt = grow(this.chainAt);
  }
}
