/**
 * Result objects: plain, readonly, JSON-safe.
 */
import { fail } from './errors.js';
import type { ErrorSource } from './registry.js';

/** Freezes a result and everything in it, and returns it. */
export function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const v of Object.values(value)) deepFreeze(v);
  }
  return value;
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
