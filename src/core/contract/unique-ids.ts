/**
 * Finding repeated ids in a million records without a million-entry `Set`.
 *
 * A `Set` of 10^6 strings costs about half a second (every insert is a
 * random memory access into a growing table). Here each id is hashed to 32
 * bits in the validating loop, the hashes are radix-sorted (two counting
 * passes, cache-friendly), and only ids whose hashes collide (about a
 * hundred per million) are compared as values.
 */

/** A 32-bit hash of a string: FNV-1a over its UTF-16 code units, then the murmur3 finaliser. */
export function hashString(s: string): number {
  let h = 0x811c9dc5;
  const n = s.length;
  for (let i = 0; i < n; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
  return mix(h);
}

function mix(x: number): number {
  let h = x ^ (x >>> 16);
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}

/**
 * A 32-bit hash of an id (a string or a finite number) such that ids equal
 * under `===` hash alike (`0` and `-0` included).
 */
export function hashId(id: string | number): number {
  if (typeof id === 'string') return hashString(id);
  if ((id | 0) === id) return mix(id ^ 0x5bd1e995);
  return hashString(String(id));
}

/** Sorts 32-bit unsigned values in two 16-bit counting passes; returns the sorted copy. */
function radixSort(values: Uint32Array): Uint32Array {
  const n = values.length;
  let src = values.slice();
  let dst = new Uint32Array(n);
  const count = new Uint32Array(65536);
  for (let shift = 0; shift < 32; shift += 16) {
    count.fill(0);
    for (let i = 0; i < n; i++) count[(src[i]! >>> shift) & 0xffff]!++;
    let sum = 0;
    for (let k = 0; k < 65536; k++) {
      const c = count[k]!;
      count[k] = sum;
      sum += c;
    }
    for (let i = 0; i < n; i++) {
      const v = src[i]!;
      dst[count[(v >>> shift) & 0xffff]!++] = v;
    }
    const t = src;
    src = dst;
    dst = t;
  }
  return src;
}

/**
 * Whether two of the ids are equal (`===`), given `hashes[i] = hashId(idAt(i))`.
 * Only ids whose hashes collide are compared.
 */
export function hasDuplicateId(hashes: Uint32Array, idAt: (index: number) => unknown): boolean {
  const n = hashes.length;
  if (n < 2) return false;
  const sorted = radixSort(hashes);
  const colliding = new Set<number>();
  for (let i = 1; i < n; i++) {
    if (sorted[i] === sorted[i - 1]) colliding.add(sorted[i]!);
  }
  if (colliding.size === 0) return false;
  const groups = new Map<number, Set<unknown>>();
  for (let i = 0; i < n; i++) {
    const h = hashes[i]!;
    if (!colliding.has(h)) continue;
    let seen = groups.get(h);
    if (seen === undefined) {
      seen = new Set();
      groups.set(h, seen);
    }
    const id = idAt(i);
    if (seen.has(id)) return true;
    seen.add(id);
  }
  return false;
}
