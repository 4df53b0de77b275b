/**
 * The schemas shared by the metrics' options: their messages, the plain
 * object gate, and records whose keys are data.
 */
import { describe, expect, it } from 'vitest';
import * as z from 'zod/mini';
import { countSchema, missingSchema, optionsObject, plainObject, recordSchema, roundingFields, scaleSchema } from '../../../src/core/contract/schemas.js';
import { check, expected } from '../../../src/core/contract/validate.js';

/** The issues `check` finds, at root `['v']`; none when the schema accepts the value. */
function issuesOf(schema: z.core.$ZodType, value: unknown) {
  const result = check(schema, value, ['v']);
  return result.ok ? [] : result.issues;
}

describe('scaleSchema', () => {
  it('takes a scale of up to 1,001 points', () => {
    expect(issuesOf(scaleSchema(), { min: 0, max: 1000 })).toStrictEqual([]);
  });

  it('refuses a maximum not above the minimum', () => {
    expect(issuesOf(scaleSchema(), { min: 5, max: 5 })).toStrictEqual([
      { code: 'inconsistent', path: ['v', 'max'], message: 'expected max greater than min (5), received 5' },
    ]);
  });

  it('refuses a scale of more than 1,001 points', () => {
    expect(issuesOf(scaleSchema(), { min: -1, max: 1000 })).toStrictEqual([
      { code: 'out-of-range', path: ['v', 'max'], message: 'expected a scale of at most 1001 points, received -1 to 1000' },
    ]);
  });
});

describe('roundingFields and missingSchema', () => {
  it('words a bad number of decimals', () => {
    expect(issuesOf(z.object(roundingFields()), { decimals: 16 })).toStrictEqual([
      { code: 'out-of-range', path: ['v', 'decimals'], message: 'expected an integer from 0 to 15, received 16' },
    ]);
  });

  it('words a bad missing-value policy', () => {
    expect(issuesOf(missingSchema(), 'drop')).toStrictEqual([
      { code: 'invalid-value', path: ['v'], message: 'expected "error" or "exclude", received "drop"' },
    ]);
  });
});

describe('plainObject', () => {
  it('refuses a value that is not a plain object as the wrong type, describing it', () => {
    expect(issuesOf(plainObject({}), 5)).toStrictEqual([{ code: 'invalid-type', path: ['v'], message: 'expected an object, received 5' }]);
    expect(issuesOf(plainObject({}), new Map())).toStrictEqual([{ code: 'invalid-type', path: ['v'], message: 'expected an object, received an object' }]);
  });

  it('reports the refusal to zod as an object type mismatch', () => {
    const result = check(plainObject({}), [], ['v']);
    expect(result.ok ? null : result.cause.issues[0]).toMatchObject({ code: 'invalid_type', expected: 'object' });
  });

  it('refuses an object with an enumerable symbol key', () => {
    expect(issuesOf(plainObject({}), { [Symbol('s')]: 1 })).toStrictEqual([
      { code: 'unknown-key', path: ['v'], message: 'expected text keys only, received a symbol key' },
    ]);
  });

  it('takes an object whose symbol keys are not enumerable', () => {
    const value = {};
    Object.defineProperty(value, Symbol('s'), { value: 1, enumerable: false });
    expect(issuesOf(plainObject({}), value)).toStrictEqual([]);
  });
});

describe('optionsObject', () => {
  it('takes no options, and refuses options that are not a plain object', () => {
    expect(issuesOf(optionsObject({}), undefined)).toStrictEqual([]);
    expect(issuesOf(optionsObject({}), 5)).toStrictEqual([
      { code: 'invalid-type', path: ['v'], message: 'expected an options object (a plain object), received 5' },
    ]);
  });
});

describe('recordSchema', () => {
  const counts = () => recordSchema(countSchema(), expected('an object from scale point to count'));

  it('keeps every own key, __proto__ included, in a null-prototype object', () => {
    const result = check(counts(), JSON.parse('{"1":2,"__proto__":3}'), ['v']);
    expect(result.ok).toBe(true);
    const data = result.ok ? (result.data as Record<string, number>) : {};
    expect(Object.getPrototypeOf(data)).toBeNull();
    expect(Object.entries(data)).toStrictEqual([
      ['1', 2],
      ['__proto__', 3],
    ]);
  });

  it('reports a bad value at its key, with the code its zod issue maps to', () => {
    expect(issuesOf(counts(), { '1': -1 })).toStrictEqual([
      { code: 'out-of-range', path: ['v', '1'], message: 'expected a non-negative integer count, received -1' },
    ]);
  });

  it('stops at a bad value: checks after the record do not run', () => {
    const checked = counts().check(z.refine(() => false, 'checked after'));
    expect(issuesOf(checked, { '1': -1 })).toStrictEqual([
      { code: 'out-of-range', path: ['v', '1'], message: 'expected a non-negative integer count, received -1' },
    ]);
  });

  it('keeps array indexes as numbers and writes symbols as text in paths', () => {
    const lists = recordSchema(z.array(z.number(expected('a number'))), expected('lists'));
    expect(issuesOf(lists, { k: [1, 'x'] })).toStrictEqual([{ code: 'invalid-type', path: ['v', 'k', 1], message: 'expected a number, received "x"' }]);
    const bySymbol = recordSchema(z.record(z.symbol(), z.number(expected('a number'))), expected('records'));
    const value = { k: { [Symbol('s')]: 'x' } };
    expect(issuesOf(bySymbol, value)).toStrictEqual([{ code: 'invalid-type', path: ['v', 'k', 'Symbol(s)'], message: 'expected a number, received "x"' }]);
  });

  it('hands zod the issues of its values with text paths', () => {
    const bySymbol = recordSchema(z.record(z.symbol(), z.number(expected('a number'))), expected('records'));
    const result = check(bySymbol, { k: { [Symbol('s')]: 'x' } }, ['v']);
    expect(result.ok ? null : result.cause.issues.map((i) => i.path)).toStrictEqual([['k', 'Symbol(s)']]);
  });

  it('reads an unknown key in a value as an unknown key', () => {
    const objects = recordSchema(z.strictObject({ a: z.number() }), expected('objects'));
    const issues = issuesOf(objects, { k: { a: 1, b: 2 } });
    expect(issues.map(({ code, path }) => ({ code, path }))).toStrictEqual([{ code: 'unknown-key', path: ['v', 'k'] }]);
  });
});
