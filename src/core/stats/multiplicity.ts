/**
 * Corrections for many comparisons: p-values adjusted so that a family of
 * tests keeps its error rate. Holm (1979) controls the family-wise error
 * rate (the chance of any false alarm) under any dependence between the
 * tests; Benjamini and Hochberg (1995) control the false discovery rate (the
 * expected share of false alarms among the alarms) for independent or
 * positively dependent tests. The arithmetic follows R's `p.adjust`
 * operation for operation, so the adjusted values agree with it exactly.
 */

/** How p-values are adjusted: Holm, Benjamini-Hochberg, or not at all. */
export type Adjustment = 'holm' | 'bh' | 'none';

/** The adjustments, for messages and checks. */
export const ADJUSTMENTS = ['holm', 'bh', 'none'] as const satisfies readonly Adjustment[];

/** Indexes of `p` sorted by value (stable), ascending or descending. */
function order(p: readonly number[], descending: boolean): number[] {
  const idx = p.map((_, i) => i);
  return idx.sort((a, b) => (descending ? p[b]! - p[a]! : p[a]! - p[b]!) || a - b);
}

/**
 * Holm's step-down adjustment: with the p-values sorted ascending,
 * `p(i)` becomes `max over j <= i of min(1, (m - j + 1) p(j))`.
 */
export function holm(p: readonly number[]): number[] {
  const m = p.length;
  const out = new Array<number>(m);
  let running = 0;
  order(p, false).forEach((index, i) => {
    running = Math.max(running, (m - i) * p[index]!);
    out[index] = Math.min(1, running);
  });
  return out;
}

/**
 * Benjamini and Hochberg's step-up adjustment: with the p-values sorted
 * descending, rank `i` from `m` down to 1, `p(i)` becomes
 * `min over j >= i of min(1, m / j p(j))`.
 */
export function benjaminiHochberg(p: readonly number[]): number[] {
  const m = p.length;
  const out = new Array<number>(m);
  let running = Number.POSITIVE_INFINITY;
  order(p, true).forEach((index, k) => {
    running = Math.min(running, (m / (m - k)) * p[index]!);
    out[index] = Math.min(1, running);
  });
  return out;
}

/** The p-values adjusted by `method`. */
export function adjust(p: readonly number[], method: Adjustment): number[] {
  if (method === 'holm') return holm(p);
  if (method === 'bh') return benjaminiHochberg(p);
  return [...p];
}
