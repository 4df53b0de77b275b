/**
 * Hashing ids and finding repeated ones: the hashes against an independent
 * BigInt implementation of FNV-1a and the murmur3 finaliser, and which ids
 * `hasDuplicateId` compares.
 */
import { describe, expect, it } from 'vitest';
import { hasDuplicateId, hashId, hashString } from '../../../src/core/contract/unique-ids.js';

const MASK = 0xffffffffn;

/** 32-bit FNV-1a over UTF-16 code units, in BigInt arithmetic. */
function fnv1a(s: string): bigint {
  let h = 0x811c9dc5n;
  for (let i = 0; i < s.length; i++) h = ((h ^ BigInt(s.charCodeAt(i))) * 0x01000193n) & MASK;
  return h;
}

/** The murmur3 32-bit finaliser (fmix32), in BigInt arithmetic. */
function fmix32(x: bigint): number {
  let h = x ^ (x >> 16n);
  h = (h * 0x85ebca6bn) & MASK;
  h ^= h >> 13n;
  h = (h * 0xc2b2ae35n) & MASK;
  return Number(h ^ (h >> 16n));
}

describe('the reference implementation', () => {
  it('gives the published FNV-1a vectors', () => {
    expect(fnv1a('')).toBe(0x811c9dc5n);
    expect(fnv1a('a')).toBe(0xe40c292cn);
    expect(fnv1a('foobar')).toBe(0xbf9cf968n);
  });
});

describe('hashString', () => {
  it('is FNV-1a over the UTF-16 code units, then the murmur3 finaliser', () => {
    for (const s of ['', 'a', 'b', 'foobar', 'ticket-000123', '\u00e9', '\u{1f600}']) expect(hashString(s)).toBe(fmix32(fnv1a(s)));
  });
});

describe('hashId', () => {
  it('hashes a string id as hashString does', () => {
    expect(hashId('42')).toBe(hashString('42'));
    expect(hashId('a')).toBe(hashString('a'));
  });

  it('hashes a 32-bit integer by the finaliser of the integer mixed with a constant', () => {
    for (const id of [0, 7, -5, 2147483647, -2147483648]) expect(hashId(id)).toBe(fmix32(BigInt((id ^ 0x5bd1e995) >>> 0)));
  });

  it('hashes 0 and -0 alike', () => {
    expect(hashId(-0)).toBe(hashId(0));
  });

  it('hashes any other number by its text', () => {
    expect(hashId(1.5)).toBe(hashString('1.5'));
    expect(hashId(2 ** 31)).toBe(hashString('2147483648'));
    expect(hashId(-(2 ** 31) - 1)).toBe(hashString('-2147483649'));
  });
});

/** `hasDuplicateId` on ids given by value, recording which indexes it looked up. */
function duplicates(hashes: readonly number[], ids: readonly unknown[]): { found: boolean; looked: number[] } {
  const looked: number[] = [];
  const found = hasDuplicateId(Uint32Array.from(hashes), (i) => {
    looked.push(i);
    return ids[i];
  });
  return { found, looked };
}

describe('hasDuplicateId', () => {
  it('finds none among no ids or one', () => {
    expect(duplicates([], [])).toStrictEqual({ found: false, looked: [] });
    expect(duplicates([5], ['a'])).toStrictEqual({ found: false, looked: [] });
  });

  it('finds none, comparing no ids, when no hashes collide', () => {
    expect(duplicates([3, 1, 0x10001, 0x20001], ['a', 'b', 'c', 'd'])).toStrictEqual({ found: false, looked: [] });
  });

  it('finds equal ids with equal hashes', () => {
    expect(duplicates([5, 5], ['a', 'a']).found).toBe(true);
    expect(duplicates([0x10000, 1, 0x10000], ['x', 'y', 'x']).found).toBe(true);
  });

  it('finds none when colliding hashes belong to different ids', () => {
    expect(duplicates([9, 4, 9], ['a', 'b', 'c'])).toStrictEqual({ found: false, looked: [0, 2] });
  });

  it('compares only the ids whose hashes collide', () => {
    expect(duplicates([1, 7, 2, 7, 3], ['a', 'x', 'b', 'x', 'c'])).toStrictEqual({ found: true, looked: [1, 3] });
  });

  it('finds a repeated id among hashed ids', () => {
    const ids = ['t-1', 't-2', 't-3', 't-2'];
    expect(duplicates(ids.map(hashId), ids).found).toBe(true);
    expect(duplicates(ids.slice(0, 3).map(hashId), ids).found).toBe(false);
  });
});
