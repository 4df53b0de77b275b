/**
 * Error-free transformations of doubles (Dekker 1971; Knuth, TAOCP vol. 2,
 * 4.2.2): the exact sum or product of two doubles as an unevaluated pair
 * `hi + lo`, where `hi` is the rounded result and `lo` its rounding error.
 */

/** Veltkamp's splitter for doubles, 2^27 + 1. */
const SPLITTER = 134217729;

/**
 * `a b` exactly, as the rounded product and its rounding error (Dekker's
 * product, with Veltkamp's split into 26-bit halves; exact unless the
 * product overflows or underflows).
 */
export function twoProduct(a: number, b: number): [number, number] {
  const p = a * b;
  let c = SPLITTER * a;
  const ah = c - (c - a);
  const al = a - ah;
  c = SPLITTER * b;
  const bh = c - (c - b);
  const bl = b - bh;
  return [p, ah * bh - p + ah * bl + al * bh + al * bl];
}

/** `a + b` exactly, as the rounded sum and its rounding error (Knuth's two-sum, no ordering of `a` and `b` needed). */
export function twoSum(a: number, b: number): [number, number] {
  const s = a + b;
  const bb = s - a;
  return [s, a - (s - bb) + (b - bb)];
}
