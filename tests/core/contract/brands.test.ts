/**
 * What kind of object a value really is, read from the engine's internal
 * slots: real dates and typed arrays, and plain objects.
 */
import { describe, expect, it } from 'vitest';
import { isDate, isPlainObject, typedArrayName } from '../../../src/core/contract/brands.js';

describe('isDate', () => {
  it('takes a real Date, valid or not', () => {
    expect(isDate(new Date(0))).toBe(true);
    expect(isDate(new Date(Number.NaN))).toBe(true);
  });

  it('refuses values that are not objects', () => {
    for (const value of [null, undefined, 0, 'Mon Jan 01 2024', true]) expect(isDate(value)).toBe(false);
  });

  it('refuses objects that only look like dates', () => {
    expect(isDate(Object.create(Date.prototype))).toBe(false);
    expect(isDate({ [Symbol.toStringTag]: 'Date', getTime: () => 0 })).toBe(false);
    expect(isDate(new Proxy(new Date(0), {}))).toBe(false);
  });
});

describe('typedArrayName', () => {
  it('names a real typed array by its element type', () => {
    expect(typedArrayName(new Uint8Array(1))).toBe('Uint8Array');
    expect(typedArrayName(new BigInt64Array(1))).toBe('BigInt64Array');
  });

  it('is undefined for anything else, a proxy or a faked tag included', () => {
    for (const value of [null, 1, [], new ArrayBuffer(1), new Proxy(new Uint8Array(1), {}), { [Symbol.toStringTag]: 'Uint8Array' }]) {
      expect(typedArrayName(value)).toBeUndefined();
    }
  });
});

describe('isPlainObject', () => {
  it('takes object literals and null-prototype objects', () => {
    expect(isPlainObject({})).toBe(true);
    expect(isPlainObject(Object.create(null))).toBe(true);
    expect(isPlainObject(JSON.parse('{"a":1}'))).toBe(true);
  });

  it('refuses arrays, class instances, boxed primitives and non-objects', () => {
    for (const value of [null, 1, 'x', [], new Map(), new Date(0), Object(1), Object.create({})]) expect(isPlainObject(value)).toBe(false);
  });
});
