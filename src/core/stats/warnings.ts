/**
 * The cautions a sample-based result carries in `warnings`: small samples,
 * and intervals that were cut back or have zero width.
 */
import type { Interval } from './interval-fields.js';

/**
 * Why a result deserves caution. Codes are API; messages are not.
 *
 * - `small-sample`: fewer than 30 answers, or for a proportion fewer than
 *   10 expected on either side (`n p` or `n (1 - p)` below 10).
 * - `interval-clamped`: an interval bound was cut back to the metric's range.
 * - `degenerate-wald`: a Wald interval of zero width, because every answer
 *   fell in one category.
 */
export type WarningCode = 'small-sample' | 'interval-clamped' | 'degenerate-wald';

/** One caution about a result. */
export interface Warning {
  /** What the caution is about; API. */
  readonly code: WarningCode;
  /** A sentence for people; not API. */
  readonly message: string;
}

/** The fewest answers before a result carries a `small-sample` warning. */
export const SMALL_SAMPLE = 30;
/** The fewest expected successes and failures for a proportion before `small-sample`. */
export const SMALL_EXPECTED = 10;

/** `small-sample` for fewer than 30 answers (and more than 0). */
export function sampleWarnings(n: number): Warning[] {
  return n > 0 && n < SMALL_SAMPLE ? [{ code: 'small-sample', message: `a sample of ${n}: fewer than ${SMALL_SAMPLE}, so the estimate is imprecise` }] : [];
}

/** `small-sample` for a proportion `x` of `n`: fewer than 30 answers, or fewer than 10 expected on either side. */
export function proportionWarnings(x: number, n: number): Warning[] {
  if (n === 0) return [];
  if (n < SMALL_SAMPLE) return sampleWarnings(n);
  const smaller = Math.min(x, n - x);
  return smaller < SMALL_EXPECTED
    ? [{ code: 'small-sample', message: `only ${smaller} on one side of the proportion: fewer than ${SMALL_EXPECTED}, so normal approximations are poor` }]
    : [];
}

/** The warnings an interval itself raises: clamping, and a zero-width Wald interval. */
export function intervalWarnings(interval: Interval | null): Warning[] {
  if (interval === null) return [];
  const out: Warning[] = [];
  if (interval.clamped) out.push({ code: 'interval-clamped', message: `a bound of the ${interval.method} interval was cut back to the metric's range` });
  if (interval.method === 'wald' && interval.lower === interval.upper) {
    out.push({ code: 'degenerate-wald', message: 'every answer fell in one category, so the Wald interval has zero width; use another method' });
  }
  return out;
}
