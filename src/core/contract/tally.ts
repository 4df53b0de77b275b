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

import { formatUnits } from '../money/money.js';
import { isPlainObject } from './brands.js';
import { describe, fail, type MetricsPath } from './errors.js';
import type { ErrorSource } from './registry.js';

/** Any metric's tally: a plain object with its metric's name. */
export interface Tally {
  /** The metric the tally is for, by its name in the registry (`'nps'`, `'csat'`, ...). */
  readonly metric: string;
}

const MONEY = /^-?\d+(\.\d+)?$/;
const CANONICAL_INTEGER = /^(0|-?[1-9]\d*)$/;

/** How deep a tally may nest: the tallies of the library nest two levels. */
const MAX_DEPTH = 16;

/**
 * The kind of one field of a tally, and so how it merges:
 *
 * - `'count'`: a non-negative safe integer; counts add.
 * - `'integer'`: a safe integer of either sign (a sum of answers on a scale below 0); integers add.
 * - `'decimal'`: a decimal string (an exact money sum); decimals add exactly.
 * - `'partials'`: an array of finite numbers (partial sums whose exact sum is a weight sum); arrays concatenate.
 * - `'durations'`: an array of non-negative safe integers (observations); arrays concatenate.
 * - `{ record }`: an object from integer keys (`'5'`, `'-2'`) to fields of one kind; merged key by key.
 * - `{ shape }`: a nested object with these fields.
 * - `{ optional }`: a field a tally may leave out; present on one side, it is kept as it is.
 */
export type TallyField =
  | 'count'
  | 'integer'
  | 'decimal'
  | 'partials'
  | 'durations'
  | {
      /** The kind of every value of a record keyed by integers. */
      readonly record: TallyField;
    }
  | {
      /** The fields of a nested object. */
      readonly shape: TallyShape;
    }
  | {
      /** The kind of a field a tally may leave out. */
      readonly optional: TallyField;
    };

/** The fields of a tally besides `metric`. */
export interface TallyShape {
  readonly [field: string]: TallyField;
}

type Path = readonly (string | number)[];
type Side = 'a' | 'b';
type RejectCode = 'invalid-type' | 'invalid-value' | 'out-of-range' | 'inconsistent' | 'unknown-key' | 'missing-value';

function reject(code: RejectCode, at: MetricsPath, message: string): never {
  return fail('mergeCounts', code, at, message);
}

/**
 * Sets an own property of a fresh object, so that a key such as
 * `'__proto__'` is data, never the prototype: by definition for that key,
 * by assignment (which makes an own data property, and costs less) for any
 * other.
 */
export function define(target: Record<string, unknown>, key: string, value: unknown): void {
  if (key === '__proto__') Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
  else target[key] = value;
}

/**
 * Merges two tallies of one metric, field by field, into a fresh tally:
 * only the arguments' own enumerable keys are read, and nothing of either is
 * shared with the result. With a `shape` (a metric of the registry) every
 * field must be one the shape names, of its kind, and every required field
 * must be on both sides; without one (a tally of a kind the registry does not
 * know), fields are read as counts, decimal strings, arrays of numbers and
 * nested objects by what they hold.
 *
 * @throws {@link MetricsError} (metric `'mergeCounts'`) at `['a', ...]` or
 *   `['b', ...]` for a value of the wrong kind, an unknown or missing key, a
 *   count that is negative, fractional or past 2^53 (alone or summed), or
 *   nesting deeper than 16 levels.
 */
export function mergeTallies(a: unknown, b: unknown, shape: TallyShape | null): Record<string, unknown> {
  if (!isPlainObject(a)) reject('invalid-type', ['a'], `expected a tally object, received ${describe(a)}`);
  if (!isPlainObject(b)) reject('invalid-type', ['b'], `expected a tally object, received ${describe(b)}`);
  const metric = a.metric;
  if (typeof metric !== 'string') reject('invalid-value', ['a', 'metric'], `expected a tally with its metric's name, received ${describe(metric)}`);
  if (b.metric !== metric) reject('inconsistent', ['b', 'metric'], `expected a tally of ${JSON.stringify(metric)}, received ${describe(b.metric)}`);
  return mergeObjects(a, b, shape, [], 0);
}

const SIDES = ['a', 'b'] as const;

/** The other side of a field present on one side only. */
const EMPTY: Record<string, unknown> = /* @__PURE__ */ Object.freeze({});

function mergeObjects(a: Record<string, unknown>, b: Record<string, unknown>, shape: TallyShape | null, path: Path, depth: number): Record<string, unknown> {
  // A part present on one side only is copied with the other side EMPTY: blame the side it came from.
  if (depth > MAX_DEPTH) reject('out-of-range', [a === EMPTY ? 'b' : 'a', ...path], `expected a tally nested at most ${MAX_DEPTH} levels deep`);
  const top = path.length === 0;
  const sides = { a, b };
  if (shape !== null) {
    for (const side of SIDES) {
      for (const key of Object.keys(sides[side])) {
        if (!(top && key === 'metric') && !Object.hasOwn(shape, key)) reject('unknown-key', [side, ...path, key], `unknown key ${JSON.stringify(key)}`);
      }
    }
    for (const key of Object.keys(shape)) {
      const field = shape[key]!;
      if (typeof field === 'object' && 'optional' in field) continue;
      for (const side of SIDES) {
        // A nested object present on one side only is checked on that side.
        if (sides[side] !== EMPTY && !Object.hasOwn(sides[side], key)) {
          reject('missing-value', [side, ...path, key], `expected the tally field ${JSON.stringify(key)}`);
        }
      }
    }
  }
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(a)) {
    if (top && key === 'metric') {
      define(out, key, a[key]);
      continue;
    }
    const field = shape === null ? null : (shape[key] ?? null);
    const here = [...path, key];
    define(out, key, Object.hasOwn(b, key) ? mergeField(a[key], b[key], field, here, depth) : copyField('a', a[key], field, here, depth));
  }
  for (const key of Object.keys(b)) {
    if (Object.hasOwn(a, key)) continue;
    const field = shape === null ? null : (shape[key] ?? null);
    define(out, key, copyField('b', b[key], field, [...path, key], depth));
  }
  return out;
}

/** The kind of an unshaped value, read from the value itself. */
function inferred(value: unknown, at: MetricsPath): TallyField {
  if (typeof value === 'number') return 'count';
  if (typeof value === 'string') return 'decimal';
  if (Array.isArray(value)) return 'partials';
  if (isPlainObject(value)) return { shape: {} };
  return reject('invalid-value', at, `expected a count, decimal string, array or object, received ${describe(value)}`);
}

function unwrap(field: TallyField): Exclude<TallyField, { readonly optional: TallyField }> {
  return typeof field === 'object' && 'optional' in field ? unwrap(field.optional) : field;
}

/** A checked, fresh copy of a field present on one side only. */
function copyField(side: Side, value: unknown, field: TallyField | null, path: Path, depth: number): unknown {
  if (field === null && value === null) return null;
  const kind = unwrap(field ?? inferred(value, [side, ...path]));
  if (kind === 'count' || kind === 'integer') return integer(side, value, kind, path);
  if (kind === 'decimal') {
    const d = decimal(side, value, path);
    return addDecimals(d, '0', decimalPlaces(d));
  }
  if (kind === 'partials' || kind === 'durations') return numbers(side, value, kind, path);
  if (!isPlainObject(value)) return mismatch([side, ...path], 'an object', value);
  const [a, b] = side === 'a' ? [value, EMPTY] : [EMPTY, value];
  if ('record' in kind) return mergeRecord(a, b, kind.record, path, depth + 1);
  return mergeObjects(a, b, field === null ? null : kind.shape, path, depth + 1);
}

function mergeField(left: unknown, right: unknown, field: TallyField | null, path: Path, depth: number): unknown {
  if (field === null && left === null && right === null) return null;
  const kind = unwrap(field ?? inferred(left, ['a', ...path]));
  if (kind === 'count' || kind === 'integer') {
    const sum = integer('a', left, kind, path) + integer('b', right, kind, path);
    if (!Number.isSafeInteger(sum)) reject('out-of-range', ['b', ...path], `expected counts whose sum stays below 2^53, received ${left} + ${right}`);
    return sum;
  }
  if (kind === 'decimal') {
    const l = decimal('a', left, path);
    const r = decimal('b', right, path);
    return addDecimals(l, r, Math.max(decimalPlaces(l), decimalPlaces(r)));
  }
  if (kind === 'partials' || kind === 'durations') return [...numbers('a', left, kind, path), ...numbers('b', right, kind, path)];
  if (!isPlainObject(left)) return mismatch(['a', ...path], 'an object', left);
  if (!isPlainObject(right)) return mismatch(['b', ...path], 'an object', right);
  if ('record' in kind) return mergeRecord(left, right, kind.record, path, depth + 1);
  return mergeObjects(left, right, field === null ? null : kind.shape, path, depth + 1);
}

/** Two records with integer keys, merged key by key, keys in ascending order. */
function mergeRecord(a: Record<string, unknown>, b: Record<string, unknown>, field: TallyField, path: Path, depth: number): Record<string, unknown> {
  const sides = { a, b };
  for (const side of SIDES) {
    for (const key of Object.keys(sides[side])) {
      if (!CANONICAL_INTEGER.test(key) || !Number.isSafeInteger(Number(key))) {
        reject('invalid-value', [side, ...path, key], `expected an integer key written plainly, received ${JSON.stringify(key)}`);
      }
    }
  }
  const keys = [...new Set([...Object.keys(a), ...Object.keys(b)])].sort((x, y) => Number(x) - Number(y));
  const out: Record<string, unknown> = {};
  for (const key of keys) {
    const inA = Object.hasOwn(a, key);
    const here = [...path, key];
    define(
      out,
      key,
      inA && Object.hasOwn(b, key) ? mergeField(a[key], b[key], field, here, depth) : copyField(inA ? 'a' : 'b', inA ? a[key] : b[key], field, here, depth),
    );
  }
  return out;
}

function integer(side: Side, value: unknown, kind: 'count' | 'integer', path: Path): number {
  if (typeof value !== 'number') return mismatch([side, ...path], kind === 'count' ? 'a count' : 'an integer', value);
  if (!(Number.isSafeInteger(value) && (kind === 'integer' || value >= 0))) {
    reject('out-of-range', [side, ...path], `expected ${kind === 'count' ? 'a non-negative integer count' : 'a safe integer'}, received ${describe(value)}`);
  }
  return value + 0;
}

function decimal(side: Side, value: unknown, path: Path): string {
  if (typeof value !== 'string') return mismatch([side, ...path], 'a decimal string', value);
  if (!MONEY.test(value)) reject('invalid-value', [side, ...path], `expected a decimal string, received ${describe(value)}`);
  return value;
}

/** A fresh copy of an array of numbers, each checked: finite (partial sums), or non-negative safe integers (durations). */
function numbers(side: Side, value: unknown, kind: 'partials' | 'durations', path: Path): number[] {
  if (!Array.isArray(value)) return mismatch([side, ...path], 'an array', value);
  const n = value.length;
  const out = new Array<number>(n);
  for (let i = 0; i < n; i++) {
    const x: unknown = value[i];
    if (typeof x !== 'number' || !(kind === 'partials' ? Number.isFinite(x) : Number.isSafeInteger(x) && x >= 0)) {
      const what = kind === 'partials' ? 'a finite number' : 'a non-negative integer duration';
      reject(typeof x === 'number' ? 'out-of-range' : 'invalid-type', [side, ...path, i], `expected ${what}, received ${describe(x)}`);
    }
    out[i] = x + 0;
  }
  return out;
}

/** A decimal written with `places` decimals, without leading zeros or the sign of a zero. */
/** A decimal string as an integer of units at `places` decimals (at least its own). */
function unitsOf(s: string, places: number): bigint {
  const negative = s.startsWith('-');
  const digits = (negative ? s.slice(1) : s).replace('.', '') + '0'.repeat(places - decimalPlaces(s));
  const units = BigInt(digits);
  return negative ? -units : units;
}

/** The exact sum of two decimal strings with `places` decimals, in BigInt: digits of any number, never `-0`. */
function addDecimals(l: string, r: string, places: number): string {
  return formatUnits(unitsOf(l, places) + unitsOf(r, places), places);
}

function decimalPlaces(s: string): number {
  const dot = s.indexOf('.');
  return dot === -1 ? 0 : s.length - dot - 1;
}

function mismatch(path: MetricsPath, what: string, received: unknown): never {
  return reject('inconsistent', path, `expected ${what} as in the first tally, received ${describe(received)}`);
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
