/**
 * The one error type of the library, and the helpers that build it.
 *
 * Every function throws {@link MetricsError} for bad input and nothing else.
 * An error carries the metric it came from and a non-empty list of issues,
 * each with the path of the bad value starting at the argument name
 * (`['scores', 3]`, `['options', 'scale', 'max']`) and a message that says
 * what was expected and what was received.
 */

import { isDate, typedArrayName } from './brands.js';
import type { ErrorSource } from './registry.js';

/** A path into the arguments of a call, starting at the argument name. */
export type MetricsPath = readonly (string | number)[];

/**
 * What kind of problem an issue reports. Codes are API; message wording is not.
 *
 * - `invalid-type`: a value of the wrong type (a string where a number goes).
 * - `out-of-range`: a number outside its allowed range, or not an integer.
 * - `missing-value`: `null`, `undefined` or `NaN` where a value is required.
 * - `unknown-label`: a text response with no entry in `labels`.
 * - `unknown-key`: an option or field the function does not know.
 * - `invalid-value`: a value of the right type that is not allowed (an
 *   unknown method name, an empty list, a malformed date).
 * - `inconsistent`: values that are each valid but contradict one another
 *   (`resolvedAt` before `openedAt`, more customers lost than at the start).
 * - `duplicate`: a value that must be unique appears twice.
 */
export type MetricsIssueCode =
  | 'invalid-type'
  | 'out-of-range'
  | 'missing-value'
  | 'unknown-label'
  | 'unknown-key'
  | 'invalid-value'
  | 'inconsistent'
  | 'duplicate';

/** One problem found in the input. */
export interface MetricsIssue {
  /** What kind of problem it is; API, as the codes above. */
  readonly code: MetricsIssueCode;
  /** Where the bad value is, starting at the argument name: `['scores', 3]`. */
  readonly path: MetricsPath;
  /** What was expected and what was received, for people; its wording is not API. */
  readonly message: string;
}

/**
 * Thrown for every invalid input. `issues` is never empty; `code` and `path`
 * repeat the first issue's for convenience. `cause` holds the zod error when
 * zod found the problem.
 *
 * @example
 * let caught = null;
 * try { nps([10, 11]); } catch (e) { caught = e; }
 * isMetricsError(caught) // => true
 * caught.metric // => 'nps'
 * caught.path // => ['scores', 1]
 * caught.code // => 'out-of-range'
 */
export class MetricsError extends Error {
  /** Always `'MetricsError'`: how {@link isMetricsError} recognises the class across copies of the library. */
  override readonly name = 'MetricsError';
  /** The metric or operation that refused the input (`'nps'`, `'compare'`, `'mergeCounts'`), as named in the metric registry. */
  readonly metric: ErrorSource;
  /** Every problem found, in the order found; never empty. */
  readonly issues: readonly MetricsIssue[];
  /** The first issue's code. */
  readonly code: MetricsIssueCode;
  /** The first issue's path. */
  readonly path: MetricsPath;

  /**
   * @param metric - The metric or operation that refused the input.
   * @param issues - The problems found: at least one.
   * @param options - `cause`: the zod error, when zod found the problem.
   */
  constructor(metric: ErrorSource, issues: readonly MetricsIssue[], options?: { cause?: unknown }) {
    const first = issues[0];
    if (first === undefined) {
      throw new TypeError('MetricsError needs at least one issue');
    }
    const more = issues.length > 1 ? ` (and ${issues.length - 1} more)` : '';
    super(`${metric}: ${first.message} at ${formatPath(first.path)}${more}`, options);
    this.metric = metric;
    this.issues = Object.freeze(issues.map((i) => Object.freeze({ ...i, path: Object.freeze([...i.path]) })));
    this.code = first.code;
    this.path = this.issues[0]!.path;
  }
}

/**
 * Whether a value is a {@link MetricsError}. Works across copies of the
 * library (ESM and CJS loaded side by side), where `instanceof` does not.
 *
 * @example
 * isMetricsError(new Error('x')) // => false
 */
export function isMetricsError(error: unknown): error is MetricsError {
  if (error instanceof MetricsError) return true;
  if (typeof error !== 'object' || error === null) return false;
  const e = error as { name?: unknown; metric?: unknown; issues?: unknown };
  return e.name === 'MetricsError' && typeof e.metric === 'string' && Array.isArray(e.issues);
}

/** `['scores', 3]` as `scores[3]`, `['options', 'scale', 'max']` as `options.scale.max`. */
export function formatPath(path: MetricsPath): string {
  let out = '';
  for (const part of path) {
    if (typeof part === 'number') out += `[${part}]`;
    else if (/^[A-Za-z_$][\w$]*$/.test(part)) out += out === '' ? part : `.${part}`;
    else out += `[${JSON.stringify(part)}]`;
  }
  return out === '' ? '(root)' : out;
}

/** A short, safe description of a received value for a message. */
export function describe(value: unknown): string {
  if (value === null) return 'null';
  if (value === undefined) return 'undefined';
  if (typeof value === 'number') return Object.is(value, -0) ? '-0' : String(value);
  if (typeof value === 'string') {
    return JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value);
  }
  if (typeof value === 'bigint') return `${value}n`;
  if (typeof value === 'boolean') return String(value);
  if (typeof value === 'function') return 'a function';
  if (Array.isArray(value)) return 'an array';
  const typed = typedArrayName(value);
  if (typed !== undefined) return `a ${typed}`;
  if (isDate(value)) return Number.isNaN(Date.prototype.getTime.call(value)) ? 'an invalid Date' : 'a Date';
  return 'an object';
}

/** Throws a {@link MetricsError} with one issue. */
export function fail(metric: ErrorSource, code: MetricsIssueCode, path: MetricsPath, message: string, cause?: unknown): never {
  throw new MetricsError(metric, [{ code, path, message }], cause === undefined ? undefined : { cause });
}
