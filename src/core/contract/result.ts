/**
 * Result objects: plain, readonly, JSON-safe.
 */

/**
 * Freezes a result (or a tally) and everything in it, and returns it. A
 * `-0` anywhere in it becomes `0` first: the two are the same number, and a
 * result never shows the sign of a zero.
 */
export function deepFreeze<T>(value: T): T {
  if (typeof value !== 'object' || value === null || Object.isFrozen(value)) return value;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const v: unknown = value[i];
      if (v === 0) value[i] = 0;
      else if (typeof v === 'object') deepFreeze(v);
    }
  } else {
    const record = value as Record<string, unknown>;
    for (const key of Object.keys(record)) {
      const v = record[key];
      if (v === 0) record[key] = 0;
      else if (typeof v === 'object') deepFreeze(v);
    }
  }
  return Object.freeze(value);
}
