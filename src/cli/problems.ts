/**
 * How a row the library refuses is described on the command line: the
 * reason in the library's words, and the refused cell as text.
 */
import type { MetricsError } from '../core/contract/errors.js';

/** The reason of a library error without its `segmentCounts: ... at records[3].score` frame. */
export function reasonOf(error: MetricsError): string {
  return error.issues[0]?.message ?? error.message;
}

/** The text of a cell for messages; `null` (shown as nothing) for an empty or absent one, whose reason says so. */
export function cellText(value: unknown): string | null {
  if (value === undefined || value === null) return null;
  if (typeof value === 'string') return value;
  try {
    return JSON.stringify(value) ?? String(value);
  } catch {
    return String(value);
  }
}
