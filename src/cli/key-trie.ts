/**
 * The distinct values of one key column of a CSV/TSV file (regions, plans,
 * channels), each with a small integer id, found from a field's bytes.
 *
 * The bytes of the values seen are kept in a trie whose transitions form one
 * table: reading a field is one table lookup per byte, which finds the
 * field's end and its value at once, with no hash and no comparison of bytes
 * afterwards. A transition on a byte that ends a field (the delimiter, CR
 * or LF) after the bytes of a value gives that value's id. A value is
 * decoded (and its UTF-8 checked) once, when its bytes are first seen; equal
 * texts written with different bytes share an id.
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
  /** The text of each id. */
  readonly texts: string[] = [];
  readonly #ids = new Map<string, number>();
  #states = 1;
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
        this.next[at] = to;
      }
      state = to;
    }
    const base = state << 8;
    this.next[base | delimiter] = -(id + 1);
    this.next[base | LF] = -(id + 1);
    this.next[base | CR] = -(id + 1);
  }
}
