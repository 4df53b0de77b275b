/**
 * The ids of a key column's values, found from their bytes: one id per
 * distinct text, values that share prefixes kept apart, the bytes below the
 * last branch compared at once and never past the end of the bytes, values
 * holding a byte that ends a field found by their text, nothing learnt from
 * bytes that are not UTF-8, and every value found once the trie is full.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Bytes } from '../../src/cli/input/decode.js';
import { strictUtf8, Utf8Error } from '../../src/cli/input/decode.js';
import { KeyTrie } from '../../src/cli/key-trie.js';

const bytes = (text: string | Uint8Array): Bytes => Buffer.from(text as never) as Bytes;
const idOf = (trie: KeyTrie, value: string | Uint8Array): number => {
  const b = bytes(value);
  return trie.idOf(b, 0, b.length);
};

/** The id {@link KeyTrie.walk} finds for `value` followed by `end`, as the scan walks it: -1 when it stops elsewhere than at the value's end, or finds none. */
function walk(trie: KeyTrie, value: string, end: string): number {
  const b = bytes(value + end);
  const to = trie.walk(b, 0);
  return to < 0 && trie.at === Buffer.byteLength(value) ? -to - 1 : -1;
}

describe('KeyTrie', () => {
  it('gives each distinct value an id in the order first seen, and its text', () => {
    const trie = new KeyTrie(0x2c, strictUtf8());
    expect(['pro', 'p', 'pro-plus', 'pro', 'Ω-Süd', 'p'].map((v) => idOf(trie, v))).toEqual([0, 1, 2, 0, 3, 1]);
    expect(trie.texts).toEqual(['pro', 'p', 'pro-plus', 'Ω-Süd']);
  });

  it('ends a value at the delimiter, CR or LF in the walk of its bytes, and at no other byte', () => {
    const trie = new KeyTrie(0x09, strictUtf8());
    idOf(trie, 'pro');
    idOf(trie, 'pro-plus');
    expect([walk(trie, 'pro', '\t'), walk(trie, 'pro', '\n'), walk(trie, 'pro', '\r'), walk(trie, 'pro-plus', '\t')]).toEqual([0, 0, 0, 1]);
    // A comma is data under a tab delimiter; a prefix or an extension of a value is no value.
    expect([walk(trie, 'pro', ','), walk(trie, 'pr', '\t'), walk(trie, 'pro-', '\t'), walk(trie, 'pros', '\t')]).toEqual([-1, -1, -1, -1]);
  });

  it('finds a value holding a byte that ends a field by its text, outside the walk', () => {
    const trie = new KeyTrie(0x2c, strictUtf8());
    expect([idOf(trie, 'a,b'), idOf(trie, 'x\ny'), idOf(trie, 'a,b'), idOf(trie, 'a')]).toEqual([0, 1, 0, 2]);
    expect(walk(trie, 'a', ',')).toBe(2);
    expect(trie.texts).toEqual(['a,b', 'x\ny', 'a']);
  });

  it('refuses bytes that are not UTF-8, learning nothing', () => {
    const trie = new KeyTrie(0x2c, strictUtf8());
    idOf(trie, 'EU');
    expect(() => idOf(trie, Uint8Array.of(0x45, 0xff))).toThrow(Utf8Error);
    expect(trie.texts).toEqual(['EU']);
    expect(idOf(trie, 'E')).toBe(1);
  });

  it('finds every value once the trie is full, by its text', () => {
    const trie = new KeyTrie(0x2c, strictUtf8());
    // 3,000 values of thirteen bytes that share little more than their first digits need far more than the trie's 8,192 states.
    const values = Array.from({ length: 3000 }, (_, i) => `${[...String(i).padStart(4, '0')].reverse().join('')}-customer`);
    expect(values.map((v) => idOf(trie, v))).toEqual(values.map((_, i) => i));
    expect(values.map((v) => idOf(trie, v))).toEqual(values.map((_, i) => i));
    // The first values are in the walk; the last are found by their text only.
    expect(walk(trie, values[0]!, ',')).toBe(0);
    expect(walk(trie, values[2999]!, ',')).toBe(-1);
    expect(trie.texts).toHaveLength(3000);
  });

  it('compares the bytes below the last branch at once, and finds what a walk byte by byte finds', () => {
    // Values over a small alphabet share prefixes, so chains start and stop at every depth.
    const value = fc.string({ unit: fc.constantFrom('a', 'b', '-', 'é'), minLength: 1, maxLength: 24 });
    fc.assert(
      fc.property(fc.array(value, { maxLength: 30 }), fc.array(value, { maxLength: 30 }), fc.constantFrom(',', '\n', '\r'), (known, probes, end) => {
        const trie = new KeyTrie(0x2c, strictUtf8());
        const ids = new Map<string, number>();
        for (const v of known) {
          if (!ids.has(v)) ids.set(v, ids.size);
          expect(idOf(trie, v)).toBe(ids.get(v));
        }
        for (const v of [...known, ...probes]) expect(walk(trie, v, `${end}abab`)).toBe(ids.get(v) ?? -1);
      }),
    );
  });

  it('stops a comparison at the end of the bytes, for a field shorter than the bytes that must follow', () => {
    const trie = new KeyTrie(0x2c, strictUtf8());
    idOf(trie, 'north-america');
    // The chain below "n" is twelve bytes; the buffer ends four bytes after the "n".
    for (const text of ['nor\n', 'north-americ\n', 'n\n', 'north-america']) {
      const b = bytes(text);
      expect(trie.walk(b, 0)).toBe(0);
    }
    expect(walk(trie, 'north-america', '\n')).toBe(0);
  });

  it('keeps, for each state below the last branch, the bytes that must follow it and where they lead', () => {
    const trie = new KeyTrie(0x2c, strictUtf8());
    /** The state after the bytes of `prefix`, walked one lookup at a time. */
    const stateAfter = (prefix: string): number => [...bytes(prefix)].reduce((state, b) => trie.next[(state << 8) | b]!, 0);
    const chain = (prefix: string): [number, string, number] => {
      const state = stateAfter(prefix);
      const at = trie.chainAt[state]!;
      const length = trie.chainLength[state]!;
      return [length, Buffer.from(trie.chainBytes.subarray(at, at + length)).toString(), trie.chainEnd[state]!];
    };
    for (const v of ['north-america', 'nordic', 'apac']) idOf(trie, v);
    // "nor" branches; below it, and below "a", nothing does.
    expect(chain('n')).toEqual([2, 'or', stateAfter('nor')]);
    expect(chain('no')[0]).toBe(0);
    expect(chain('nor')[0]).toBe(0);
    expect(chain('nort')).toEqual([9, 'h-america', stateAfter('north-america')]);
    expect(chain('nord')).toEqual([2, 'ic', stateAfter('nordic')]);
    expect(chain('a')).toEqual([3, 'pac', stateAfter('apac')]);
    expect(chain('apac')[0]).toBe(0);
    // A value ending inside another cuts its chain: after "north" the walk must look for the end of a field.
    idOf(trie, 'north');
    expect(chain('nort')[0]).toBe(0);
    expect(chain('north')[0]).toBe(0);
    expect(chain('north-')).toEqual([7, 'america', stateAfter('north-america')]);
    expect([walk(trie, 'north', ','), walk(trie, 'north-america', ','), walk(trie, 'north-americ', ',')]).toEqual([3, 0, -1]);
  });
});
