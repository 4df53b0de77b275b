import { expect } from 'vitest';
import { isMetricsError, type MetricsError, type MetricsIssue, type MetricsPath } from '../../src/index.js';

/** Runs `fn`, expects a MetricsError of `metric` whose first issue is at `path`, and returns it. */
export function expectMetricsError(fn: () => unknown, metric: string, path: MetricsPath, code?: string): MetricsError {
  let caught: unknown;
  try {
    fn();
  } catch (e) {
    caught = e;
  }
  expect(isMetricsError(caught), `expected a MetricsError, got ${String(caught)}`).toBe(true);
  const error = caught as MetricsError;
  expect(error.metric).toBe(metric);
  expect(error.issues.length).toBeGreaterThan(0);
  expect(error.path).toStrictEqual(path);
  if (code !== undefined) expect(error.code).toBe(code);
  return error;
}

/** A refusal as a test compares it: the operation, code, path and first message. */
export interface Refusal {
  readonly metric: string;
  readonly code: string;
  readonly path: readonly (string | number)[];
  readonly message: string;
}

/** The MetricsError `fn` throws: its operation, code, path and first message. */
export function refusal(fn: () => unknown): Refusal {
  try {
    fn();
  } catch (error) {
    if (!isMetricsError(error)) throw error;
    return { metric: error.metric, code: error.code, path: error.path, message: error.issues[0]!.message };
  }
  throw new Error('expected a MetricsError, but the call returned');
}

/**
 * Every issue of the MetricsError of `metric` that `fn` throws. Recognised
 * by name, so that an error of a freshly loaded copy of the library (after
 * `vi.resetModules()`) counts too.
 */
export function issuesOf(metric: string, fn: () => unknown): readonly MetricsIssue[] {
  try {
    fn();
  } catch (e) {
    const error = e as MetricsError;
    if (error?.name === 'MetricsError' && error.metric === metric) return error.issues;
    throw e;
  }
  throw new Error(`expected a MetricsError from ${metric}`);
}
