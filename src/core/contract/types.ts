/**
 * Types shared by every metric.
 */

/** Typed arrays that can hold scores. */
export type NumericTypedArray = Int8Array | Uint8Array | Uint8ClampedArray | Int16Array | Uint16Array | Int32Array | Uint32Array | Float32Array | Float64Array;

/**
 * Answers on a numeric scale: an array (where `null`, `undefined` and `NaN`
 * mark a missing answer) or a typed array (where `NaN` does, in float arrays).
 */
export type ScoreInput = readonly (number | null | undefined)[] | NumericTypedArray;

/**
 * Answers that may also be text labels, looked up in the `labels` option.
 */
export type ResponseInput = readonly (number | string | null | undefined)[] | NumericTypedArray;

/** An integer answer scale, both ends included. */
export interface Scale {
  /** The lowest point of the scale, an integer. */
  readonly min: number;
  /** The highest point of the scale, an integer above `min`. */
  readonly max: number;
}

/**
 * The unit of a result's `value`. Shares are always percent (0-100), never
 * fractions; `'responses'` is a number of answers to collect (`sampleSizeFor`).
 */
export type Unit = 'points' | 'percent' | 'ratio' | 'milliseconds' | 'responses';

/** A group's size and its share of the total, in percent (`null` when the total is zero). */
export interface Share {
  /** Answers in the group: a raw count, also under `weights`. */
  readonly count: number;
  /** The group's share of the total in percent, 0-100 (of the total weight under `weights`); `null` when the total is zero. */
  readonly percent: number | null;
}

/** What to do with `null`, `undefined` and `NaN` answers. */
export type MissingPolicy = 'error' | 'exclude';

/** One scale point of a distribution: how many answered it and their share. */
export interface PointShare {
  /** The scale point. */
  readonly point: number;
  /** Answers on the point: a raw count, also under `weights`. */
  readonly count: number;
  /** The point's share of all answers in percent, 0-100 (of the total weight under `weights`); `null` when there are no answers. */
  readonly percent: number | null;
}
