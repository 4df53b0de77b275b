/**
 * Validation through zod, with our messages and paths.
 *
 * Every schema is parsed with an error map that words zod's issues our way
 * (`expected ..., received ...`); schemas that know better pass their own
 * wording with {@link expected}. Paths are prefixed with the argument name.
 */
import * as z from 'zod/mini';
import { describe, MetricsError, type MetricsIssue, type MetricsIssueCode, type MetricsPath } from './errors.js';
import type { ErrorSource } from './registry.js';

type RawIssue = z.core.$ZodRawIssue;

/** The issue code zod's issue becomes. */
export function codeOf(issue: z.core.$ZodIssue, received: unknown): MetricsIssueCode {
  switch (issue.code) {
    case 'invalid_type':
      if (received === null || received === undefined || (typeof received === 'number' && Number.isNaN(received))) {
        return 'missing-value';
      }
      if (issue.expected === 'int') return 'out-of-range';
      // Infinity where a finite number goes is out of range; anything else is the wrong type.
      return issue.expected === 'number' && typeof received === 'number' ? 'out-of-range' : 'invalid-type';
    case 'too_small':
      // Too few items in a list is a wrong value, not a number out of range.
      return issue.origin === 'array' ? 'invalid-value' : 'out-of-range';
    case 'too_big':
    case 'not_multiple_of':
      return 'out-of-range';
    case 'unrecognized_keys':
      return 'unknown-key';
    case 'custom': {
      const code = (issue.params as { code?: MetricsIssueCode } | undefined)?.code;
      return code ?? 'invalid-value';
    }
    default:
      return 'invalid-value';
  }
}

/** Our wording for a zod issue that its schema did not word itself. */
function defaultMessage(issue: RawIssue): string {
  const received = describe(issue.input);
  switch (issue.code) {
    case 'invalid_type': {
      const expected = issue.expected === 'int' ? 'an integer' : article(String(issue.expected));
      return `expected ${expected}, received ${received}`;
    }
    case 'too_big':
      return `expected a value ${issue.inclusive ? '<=' : '<'} ${String(issue.maximum)}, received ${received}`;
    case 'too_small':
      return `expected a value ${issue.inclusive ? '>=' : '>'} ${String(issue.minimum)}, received ${received}`;
    case 'invalid_value':
      return `expected one of ${issue.values.map((v) => JSON.stringify(v)).join(', ')}, received ${received}`;
    case 'unrecognized_keys':
      return `unknown key`;
    case 'invalid_union':
      return `expected a valid value, received ${received}`;
    default:
      return `invalid value, received ${received}`;
  }
}

function article(type: string): string {
  if (type === 'array' || type === 'object' || type === 'int') return `an ${type}`;
  if (type === 'undefined' || type === 'null' || type === 'never') return type;
  return `a ${type}`;
}

const errorMap = (issue: RawIssue): string => defaultMessage(issue);

/**
 * How every schema is parsed: our wording, the input kept on each issue, and
 * no generated code. Schemas are built with `zod/mini`, whose objects never
 * compile a parser with `new Function`; `jitless` says the same to any zod
 * schema, so parsing runs under a Content Security Policy without
 * `'unsafe-eval'`.
 */
const PARSE_CONTEXT: z.core.ParseContext<z.core.$ZodIssue> = { error: errorMap, reportInput: true, jitless: true };

/**
 * A schema-level error message: `expected(text)` words every failure of the
 * schema as `expected <text>, received <value>`.
 */
export function expected(text: string): { error: (issue: { readonly input?: unknown }) => string } {
  return { error: (issue) => `expected ${text}, received ${describe(issue.input)}` };
}

/** Zod's issues (of an error, or of a union's branch) as ours, paths prefixed with `root`. */
export function toIssues(error: { readonly issues: readonly z.core.$ZodIssue[] }, root: MetricsPath): MetricsIssue[] {
  const out: MetricsIssue[] = [];
  for (const issue of error.issues) {
    const path = [...root, ...issue.path.map((p) => (typeof p === 'symbol' ? String(p) : p))];
    if (issue.code === 'invalid_union') {
      // A value that matched one branch's type (an object where `true` or
      // `{ level, method }` goes) is described by that branch's own issues,
      // at their deeper paths: `options.interval.method`, not `options.interval`.
      const branch = issue.errors.find((issues) => issues.length > 0 && !issues.some((i) => i.path.length === 0 && i.code === 'invalid_type'));
      if (branch !== undefined) {
        out.push(...toIssues({ issues: branch }, path));
        continue;
      }
    }
    if (issue.code === 'unrecognized_keys') {
      for (const key of issue.keys) {
        out.push({ code: 'unknown-key', path: [...path, key], message: `unknown key ${JSON.stringify(key)}` });
      }
      continue;
    }
    out.push({ code: codeOf(issue, valueAt(issue)), path, message: issue.message });
  }
  return out;
}

function valueAt(issue: z.core.$ZodIssue): unknown {
  return (issue as { input?: unknown }).input;
}

/**
 * Parses `value` with `schema`, or throws a {@link MetricsError} for `metric`
 * with every issue zod found, paths starting at `root`.
 */
export function parse<S extends z.core.$ZodType>(metric: ErrorSource, schema: S, value: unknown, root: MetricsPath): z.output<S> {
  const result = z.safeParse(schema, value, PARSE_CONTEXT);
  if (result.success) return result.data;
  throw new MetricsError(metric, toIssues(result.error, root), { cause: result.error });
}

/** Like {@link parse}, but returns the issues instead of throwing (for callers that add context). */
export function check<S extends z.core.$ZodType>(
  schema: S,
  value: unknown,
  root: MetricsPath,
): { ok: true; data: z.output<S> } | { ok: false; issues: MetricsIssue[]; cause: z.core.$ZodError } {
  const result = z.safeParse(schema, value, PARSE_CONTEXT);
  if (result.success) return { ok: true, data: result.data };
  return { ok: false, issues: toIssues(result.error, root), cause: result.error };
}

/** A refinement issue with our code, for `ctx.addIssue` in `superRefine`. */
export function customIssue(code: MetricsIssueCode, path: (string | number)[], message: string, input: unknown): z.core.$ZodRawIssue<z.core.$ZodIssueCustom> {
  return { code: 'custom', path, message, input, params: { code } };
}

/**
 * Describes the first bad element a fast loop found, and throws.
 *
 * Large inputs are checked in one tight loop per kind of input, without zod;
 * when a loop meets a bad element it hands it here, and zod describes it
 * with `schema`, so the message and path are the same whichever loop found
 * it. `fallback` words the error if the schema accepts the value (a loop
 * stricter than its schema: a bug, but still a `MetricsError`).
 */
export function rejectElement(metric: ErrorSource, schema: z.core.$ZodType, value: unknown, path: MetricsPath, fallback: string): never {
  const result = check(schema, value, path);
  if (result.ok) throw new MetricsError(metric, [{ code: 'invalid-value', path, message: fallback }]);
  throw new MetricsError(metric, result.issues, { cause: result.cause });
}
