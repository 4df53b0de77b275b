/**
 * What kind of object a value really is, asked of the engine's internal
 * slots rather than of its prototype chain or `Symbol.toStringTag`, which
 * any object can fake. `Object.create(Date.prototype)` is not a Date, a
 * `Proxy` around a typed array is not a typed array, and an object whose
 * `Symbol.toStringTag` is `'Date'` is neither.
 */

/** `%TypedArray%.prototype[Symbol.toStringTag]`: the element type's name for a real typed array, `undefined` for anything else. */
const typedArrayTag = /* @__PURE__ */ (() => Object.getOwnPropertyDescriptor(Object.getPrototypeOf(Uint8Array.prototype), Symbol.toStringTag)!.get!)();

/** The element type's name of a real typed array (`'Uint8Array'`, `'BigInt64Array'`, ...), or `undefined`. */
export function typedArrayName(value: unknown): string | undefined {
  return typedArrayTag.call(value) as string | undefined;
}

/** Whether `value` is a real `Date` (its internal time slot answers). */
export function isDate(value: unknown): value is Date {
  if (typeof value !== 'object' || value === null) return false;
  try {
    Date.prototype.getTime.call(value);
    return true;
  } catch {
    return false;
  }
}

/**
 * Whether `value` is a plain object: made by an object literal, `JSON.parse`
 * or `Object.create(null)`. Arrays, Maps, Sets, Dates, class instances and
 * boxed primitives are not.
 */
export function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const proto: unknown = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}
