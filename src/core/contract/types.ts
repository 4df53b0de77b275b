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
  readonly min: number;
  readonly max: number;
}

/**
 * The unit of a result's `value`. Shares are always percent (0-100), never
 * fractions; `'responses'` is a number of answers to collect (`sampleSizeFor`).
 */
export type Unit = 'points' | 'percent' | 'ratio' | 'milliseconds' | 'responses';

/** A group's size and its share of the total, in percent (`null` when the total is zero). */
export interface Share {
  readonly count: number;
  readonly percent: number | null;
}

/** What to do with `null`, `undefined` and `NaN` answers. */
export type MissingPolicy = 'error' | 'exclude';

/** One scale point of a distribution: how many answered it and their share. */
export interface PointShare {
  readonly point: number;
  readonly count: number;
  readonly percent: number | null;
}
