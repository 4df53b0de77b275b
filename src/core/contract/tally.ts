/**
 * Tallies: the sufficient statistics every metric is computed from.
 *
 * A tally is a plain JSON object that names its metric and adds field by
 * field: numbers are counts and add, decimal strings are exact money sums and
 * add exactly, arrays are multisets of observations and concatenate, nested
 * objects merge key by key (a key on one side only is kept as it is). So a
 * tally of a whole equals the merge of the tallies of its parts, however the
 * data was chunked, streamed or sharded.
 */

import { Dec } from '../exact/decimal.js';
import { describe, fail, type MetricsPath } from './errors.js';
import type { ErrorSource } from './registry.js';

/** Any metric's tally: a plain object with its metric's name. */
export interface Tally {
  /** The metric the tally is for, by its name in the registry (`'nps'`, `'csat'`, ...). */
  readonly metric: string;
}

const MONEY = /^-?\d+(\.\d+)?$/;

/**
 * Merges two tallies of the same metric into the tally of both inputs
 * together: `fromCounts(mergeCounts(counts(a), counts(b)))` equals
 * `fromCounts(counts([...a, ...b]))`. Neither argument is changed.
 *
 * @param a - A tally, as returned by a `...Counts` function.
 * @param b - Another tally of the same metric, made with the same options.
 * @returns A new tally.
 * @throws {@link MetricsError} (metric `'mergeCounts'`) when the tallies are of
 *   different metrics or shapes (path `['b', ...]`), or a count would pass
 *   `Number.MAX_SAFE_INTEGER`.
 * @example
 * const merged = mergeCounts(npsCounts([10, 9, 3]), npsCounts([8, 10]));
 * merged.promoters // => 3
 * npsFromCounts(merged).value // => 40
 */
export function mergeCounts<T extends Tally>(a: T, b: T): T {
  return mergeTallies(a, b) as T;
}

/** {@link mergeCounts} on tallies of unknown shape. */
function mergeTallies(a: unknown, b: unknown): Record<string, unknown> {
  if (!isPlainObject(a)) fail('mergeCounts', 'invalid-type', ['a'], `expected a tally object, received ${describe(a)}`);
  if (!isPlainObject(b)) fail('mergeCounts', 'invalid-type', ['b'], `expected a tally object, received ${describe(b)}`);
  if (typeof a.metric !== 'string') {
    fail('mergeCounts', 'invalid-value', ['a', 'metric'], `expected a tally with its metric's name, received ${describe(a.metric)}`);
  }
  if (a.metric !== b.metric) {
    fail('mergeCounts', 'inconsistent', ['b', 'metric'], `expected a tally of ${JSON.stringify(a.metric)}, received ${describe(b.metric)}`);
  }
  return mergeObjects(a, b, []);
}

function isPlainObject(v: unknown): v is Record<string, unknown> {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) return false;
  const proto = Object.getPrototypeOf(v) as unknown;
  return proto === Object.prototype || proto === null;
}

function mergeObjects(a: Record<string, unknown>, b: Record<string, unknown>, path: (string | number)[]): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(a)) out[key] = a[key];
  for (const key of Object.keys(b)) {
    const right = b[key];
    if (!(key in out)) {
      out[key] = right;
      continue;
    }
    const left = out[key];
    const here = [...path, key];
    if (path.length === 0 && key === 'metric') continue;
    out[key] = mergeValues(left, right, here);
  }
  return out;
}

function mergeValues(left: unknown, right: unknown, path: (string | number)[]): unknown {
  const at: MetricsPath = ['b', ...path];
  if (typeof left === 'number') {
    if (typeof right !== 'number') mismatch(at, 'a count', right);
    if (!Number.isSafeInteger(left)) fail('mergeCounts', 'out-of-range', ['a', ...path], `expected an integer count, received ${describe(left)}`);
    if (!Number.isSafeInteger(right)) fail('mergeCounts', 'out-of-range', at, `expected an integer count, received ${describe(right)}`);
    const sum = left + right;
    if (!Number.isSafeInteger(sum)) {
      fail('mergeCounts', 'out-of-range', at, `expected counts whose sum stays below 2^53, received ${left} + ${right}`);
    }
    return sum;
  }
  if (typeof left === 'string') {
    if (typeof right !== 'string') mismatch(at, 'a decimal string', right);
    if (!MONEY.test(left)) fail('mergeCounts', 'invalid-value', ['a', ...path], `expected a decimal string, received ${describe(left)}`);
    if (!MONEY.test(right)) fail('mergeCounts', 'invalid-value', at, `expected a decimal string, received ${describe(right)}`);
    const places = Math.max(decimalPlaces(left), decimalPlaces(right));
    return new Dec(left).plus(new Dec(right)).toFixed(places);
  }
  if (Array.isArray(left)) {
    if (!Array.isArray(right)) mismatch(at, 'an array', right);
    return left.concat(right);
  }
  if (isPlainObject(left)) {
    if (!isPlainObject(right)) mismatch(at, 'an object', right);
    return mergeObjects(left, right, path);
  }
  if (left === null && right === null) return null;
  return fail('mergeCounts', 'invalid-value', ['a', ...path], `expected a count, decimal string, array or object, received ${describe(left)}`);
}

function decimalPlaces(s: string): number {
  const dot = s.indexOf('.');
  return dot === -1 ? 0 : s.length - dot - 1;
}

function mismatch(path: MetricsPath, what: string, received: unknown): never {
  return fail('mergeCounts', 'inconsistent', path, `expected ${what} as in the first tally, received ${describe(received)}`);
}

/** The sum of counts, or a {@link MetricsError} at `path` when it passes 2^53. */
export function safeTotal(metric: ErrorSource, counts: readonly number[], path: readonly (string | number)[]): number {
  let total = 0;
  for (const c of counts) total += c;
  if (!Number.isSafeInteger(total)) {
    fail(metric, 'out-of-range', path, `expected counts whose total stays below 2^53, received a total of ${total}`);
  }
  return total;
}
