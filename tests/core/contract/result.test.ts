/**
 * `deepFreeze`: a result frozen all the way down, with no -0 left in it.
 */
import { describe, expect, it } from 'vitest';
import { deepFreeze } from '../../../src/core/contract/result.js';

describe('deepFreeze', () => {
  it('returns the value it froze', () => {
    const value = { a: 1 };
    expect(deepFreeze(value)).toBe(value);
    expect(Object.isFrozen(value)).toBe(true);
  });

  it('freezes nested objects and arrays', () => {
    const value = { list: [{ k: 1 }], nested: { deeper: { k: 2 } } };
    deepFreeze(value);
    expect(Object.isFrozen(value.list)).toBe(true);
    expect(Object.isFrozen(value.list[0])).toBe(true);
    expect(Object.isFrozen(value.nested)).toBe(true);
    expect(Object.isFrozen(value.nested.deeper)).toBe(true);
  });

  it('turns -0 into 0 in objects and arrays, at any depth', () => {
    const value = deepFreeze({ z: -0, list: [-0, 1], nested: { z: -0, list: [[-0]] } });
    expect(Object.is(value.z, 0)).toBe(true);
    expect(Object.is(value.list[0], 0)).toBe(true);
    expect(Object.is(value.nested.z, 0)).toBe(true);
    expect(Object.is(value.nested.list[0]![0], 0)).toBe(true);
  });

  it('returns primitives and null as they are', () => {
    expect(deepFreeze(null)).toBeNull();
    expect(deepFreeze(3)).toBe(3);
    expect(deepFreeze('x')).toBe('x');
    expect(deepFreeze(undefined)).toBeUndefined();
  });

  it('returns an already-frozen value as it is, without writing to it', () => {
    const list = Object.freeze([-0]);
    expect(deepFreeze(list)).toBe(list);
    const record = Object.freeze({ z: -0 });
    expect(deepFreeze(record)).toBe(record);
  });
});
