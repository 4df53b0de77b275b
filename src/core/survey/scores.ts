/**
 * Tallying answers on an integer scale into a histogram, fast.
 *
 * Ten million answers are checked in one tight loop per kind of input
 * (integer typed arrays, float typed arrays, plain arrays); zod is called
 * only to describe the first bad answer (through `rejectElement`), so the
 * message and path are the same whichever loop found it.
 */
import * as z from 'zod/mini';
import { typedArrayName } from '../contract/brands.js';
import { describe, fail } from '../contract/errors.js';
import type { MetricName } from '../contract/registry.js';
import type { MissingPolicy, Scale } from '../contract/types.js';
import { expected, rejectElement } from '../contract/validate.js';
import { accumulate, accumulateSquare, accumulator, accumulatorSum, partialsOf } from '../exact/exact-sum.js';

/** A histogram over a scale: `histogram[k]` counts answers equal to `scale.min + k`. */
export interface Histogram {
  readonly histogram: Float64Array;
  /** Missing answers skipped under `missing: 'exclude'`. */
  readonly excluded: number;
}

/** Where the answers come from, for messages and paths. */
export interface TallyContext {
  readonly metric: MetricName;
  /** The argument name, the first element of every path. */
  readonly argument: string;
  readonly scale: Scale;
  readonly missing: MissingPolicy;
  /** Text label to scale point; when set, text answers are looked up here. */
  readonly labels?: ReadonlyMap<string, number> | undefined;
}

/** Whether `v` is a typed array of numbers (not a `BigInt64Array` or a `DataView`). */
export function isNumericTypedArray(v: unknown): v is IntTypedArray | Float32Array | Float64Array {
  return isIntTypedArray(v) || isFloatTypedArray(v);
}

/** Typed arrays that can only hold integers. */
export type IntTypedArray = Int8Array | Uint8Array | Uint8ClampedArray | Int16Array | Uint16Array | Int32Array | Uint32Array;

const INT_TYPED_ARRAYS: ReadonlySet<string> = /* @__PURE__ */ new Set([
  'Int8Array',
  'Uint8Array',
  'Uint8ClampedArray',
  'Int16Array',
  'Uint16Array',
  'Int32Array',
  'Uint32Array',
]);

/** Whether `v` is a real typed array of integers (Node Buffers included; not a Proxy around one). */
export function isIntTypedArray(v: unknown): v is IntTypedArray {
  const name = typedArrayName(v);
  return name !== undefined && INT_TYPED_ARRAYS.has(name);
}

/** Whether `v` is a real `Float32Array` or `Float64Array`. */
export function isFloatTypedArray(v: unknown): v is Float32Array | Float64Array {
  const name = typedArrayName(v);
  return name === 'Float64Array' || name === 'Float32Array';
}

/** `null`, `undefined` and `NaN`: a missing answer. */
export function isMissing(v: unknown): boolean {
  return v === null || v === undefined || (typeof v === 'number' && Number.isNaN(v));
}

/** What an answer on `scale` must be, for messages. */
export function scaleExpectation(scale: Scale): string {
  return `an integer from ${scale.min} to ${scale.max}`;
}

/**
 * Tallies `values` into a histogram over `ctx.scale`.
 *
 * @throws {@link MetricsError} at `[argument]` when `values` is not an array
 *   or typed array, and at `[argument, i]` for the first bad answer.
 */
export function tallyScale(values: unknown, ctx: TallyContext): Histogram {
  const histogram = new Float64Array(ctx.scale.max - ctx.scale.min + 1);
  if (isIntTypedArray(values)) return { histogram, excluded: tallyIntegers(values, histogram, ctx) };
  if (isFloatTypedArray(values)) return { histogram, excluded: tallyFloats(values, histogram, ctx) };
  if (!Array.isArray(values)) {
    fail(ctx.metric, 'invalid-type', [ctx.argument], `expected an array or a typed array of answers, received ${describe(values)}`);
  }
  const excluded = ctx.labels === undefined ? tallyArray(values, histogram, ctx) : tallyLabelled(values, histogram, ctx, ctx.labels);
  return { histogram, excluded };
}

// One small function per kind of input keeps each loop's element access
// monomorphic.

function tallyIntegers(values: IntTypedArray, histogram: Float64Array, ctx: TallyContext): number {
  const min = ctx.scale.min;
  const span = ctx.scale.max - min;
  const n = values.length;
  // `(x - min) >>> 0 > span` is one unsigned compare for "x < min or x > max"
  // while x - min stays strictly between -2^32 and 2^32: for a scale inside
  // the 32-bit signed range, except Uint32Array answers (up to 2^32 - 1) on a
  // scale that starts below 0. Those cases are compared as doubles.
  if (min < -2147483648 || ctx.scale.max > 2147483647 || (min < 0 && typedArrayName(values) === 'Uint32Array')) {
    for (let i = 0; i < n; i++) {
      const k = values[i]! - min;
      if (!(k >= 0 && k <= span)) badAnswer(values, i, ctx);
      histogram[k]!++;
    }
    return 0;
  }
  for (let i = 0; i < n; i++) {
    const k = values[i]! - min;
    if (k >>> 0 > span) badAnswer(values, i, ctx);
    histogram[k]!++;
  }
  return 0;
}

function tallyFloats(values: Float32Array | Float64Array, histogram: Float64Array, ctx: TallyContext): number {
  const { min, max } = ctx.scale;
  const exclude = ctx.missing === 'exclude';
  let excluded = 0;
  const n = values.length;
  for (let i = 0; i < n; i++) {
    const x = values[i]!;
    if (x >= min && x <= max && Number.isInteger(x)) histogram[x - min]!++;
    else if (exclude && x !== x) excluded++;
    else badAnswer(values, i, ctx);
  }
  return excluded;
}

function tallyArray(values: readonly unknown[], histogram: Float64Array, ctx: TallyContext): number {
  const { min, max } = ctx.scale;
  const exclude = ctx.missing === 'exclude';
  let excluded = 0;
  const n = values.length;
  for (let i = 0; i < n; i++) {
    const x = values[i];
    if (typeof x === 'number' && x >= min && x <= max && Number.isInteger(x)) histogram[x - min]!++;
    else if (exclude && isMissing(x)) excluded++;
    else badAnswer(values, i, ctx);
  }
  return excluded;
}

function tallyLabelled(values: readonly unknown[], histogram: Float64Array, ctx: TallyContext, labels: ReadonlyMap<string, number>): number {
  const { min, max } = ctx.scale;
  const exclude = ctx.missing === 'exclude';
  let excluded = 0;
  for (let i = 0; i < values.length; i++) {
    const x = values[i];
    const point = typeof x === 'string' ? labels.get(x) : x;
    if (typeof point === 'number' && point >= min && point <= max && Number.isInteger(point)) histogram[point - min]!++;
    else if (exclude && isMissing(x)) excluded++;
    else badAnswer(values, i, ctx);
  }
  return excluded;
}

/** A histogram with the exact weight on each scale point. */
export interface WeightedHistogram extends Histogram {
  /** `weights[k]`: the exact sum of the weights of the answers on `scale.min + k`, as partial sums (see core/exact/exact-sum.ts). */
  readonly weights: number[][];
  /** The exact sum of the squared weights of every answer counted, as partial sums. */
  readonly squares: number[];
}

/**
 * Tallies `values` into a histogram over `ctx.scale`, and each counted
 * answer's weight into exact partial sums per scale point; a missing answer
 * skipped under `missing: 'exclude'` drops its weight too. The weights must
 * already be validated (same length, each 0 or from 1e-100 to 1e100).
 *
 * @throws {@link MetricsError} as {@link tallyScale} does.
 */
export function tallyScaleWeighted(values: unknown, weights: ArrayLike<number>, ctx: TallyContext): WeightedHistogram {
  const span = ctx.scale.max - ctx.scale.min + 1;
  const histogram = new Float64Array(span);
  const sums = Array.from({ length: span }, accumulator);
  const squares = accumulator();
  if (!isNumericTypedArray(values) && !Array.isArray(values)) {
    fail(ctx.metric, 'invalid-type', [ctx.argument], `expected an array or a typed array of answers, received ${describe(values)}`);
  }
  const answers = values as ArrayLike<unknown>;
  const { min, max } = ctx.scale;
  const labels = ctx.labels;
  const exclude = ctx.missing === 'exclude';
  let excluded = 0;
  for (let i = 0; i < answers.length; i++) {
    const x = answers[i];
    const point = labels !== undefined && typeof x === 'string' ? labels.get(x) : x;
    if (typeof point === 'number' && point >= min && point <= max && Number.isInteger(point)) {
      const k = point - min;
      histogram[k]!++;
      const w = weights[i]!;
      if (w !== 0) {
        accumulate(sums[k]!, w);
        accumulateSquare(squares, w);
      }
    } else if (exclude && isMissing(x)) {
      excluded++;
    } else {
      badAnswer(answers, i, ctx);
    }
  }
  return { histogram, excluded, weights: sums.map((a) => partialsOf(accumulatorSum(a))), squares: partialsOf(accumulatorSum(squares)) };
}

/** The length of an answers argument, or `null` when it is not an array or typed array. */
export function answerCount(values: unknown): number | null {
  return Array.isArray(values) || isNumericTypedArray(values) ? (values as ArrayLike<unknown>).length : null;
}

/** Describes the bad answer at `index` and throws. */
function badAnswer(values: ArrayLike<unknown>, index: number, ctx: TallyContext): never {
  const value = values[index];
  const path = [ctx.argument, index];
  if (typeof value === 'string' && ctx.labels !== undefined) {
    const known = [...ctx.labels.keys()].map((k) => JSON.stringify(k)).join(', ');
    fail(ctx.metric, 'unknown-label', path, `expected a label in options.labels (${known}), received ${describe(value)}`);
  }
  const text = ctx.labels === undefined ? scaleExpectation(ctx.scale) : `${scaleExpectation(ctx.scale)} or a label`;
  const hint = ctx.missing === 'error' ? "; pass missing: 'exclude' to skip missing answers" : '';
  const schema = z
    .number({ error: (issue) => `expected ${text}, received ${describe(issue.input)}${isMissing(value) ? hint : ''}` })
    .check(z.int(expected(text)), z.minimum(ctx.scale.min, expected(text)), z.maximum(ctx.scale.max, expected(text)));
  return rejectElement(ctx.metric, schema, value, path, `expected ${text}, received ${describe(value)}`);
}

/** The histogram as a plain tally: scale point (as a key) to count, zero points left out. */
export function histogramToPoints(histogram: Float64Array, min: number): Record<string, number> {
  const points: Record<string, number> = {};
  for (let k = 0; k < histogram.length; k++) {
    const c = histogram[k]!;
    if (c > 0) points[String(min + k)] = c;
  }
  return points;
}
