/**
 * Merging tallies field by field (`mergeTallies`) and totalling counts
 * (`safeTotal`): what each kind of field merges to, and the exact issue
 * (code, path, message) for every value refused.
 */
import { describe, expect, it } from 'vitest';
import { MetricsError, type MetricsIssue } from '../../../src/core/contract/errors.js';
import { mergeTallies, safeTotal, type TallyField, type TallyShape } from '../../../src/core/contract/tally.js';

/** The one issue of the `MetricsError` that `fn` throws for `mergeCounts`. */
function refusal(fn: () => unknown, metric = 'mergeCounts'): MetricsIssue {
  try {
    fn();
  } catch (e) {
    if (!(e instanceof MetricsError)) throw e;
    expect(e.metric).toBe(metric);
    expect(e.issues).toHaveLength(1);
    return { code: e.issues[0]!.code, path: [...e.issues[0]!.path], message: e.issues[0]!.message };
  }
  throw new Error('expected a MetricsError, the call returned');
}

const merge = (a: Record<string, unknown>, b: Record<string, unknown>, shape: TallyShape | null = null) =>
  mergeTallies({ metric: 'x', ...a }, { metric: 'x', ...b }, shape);

const rejected = (a: Record<string, unknown>, b: Record<string, unknown>, shape: TallyShape | null = null) => refusal(() => merge(a, b, shape));

describe('mergeTallies: the arguments', () => {
  it('refuses a first argument that is not a plain object', () => {
    expect(refusal(() => mergeTallies(null, { metric: 'x' }, null))).toStrictEqual({
      code: 'invalid-type',
      path: ['a'],
      message: 'expected a tally object, received null',
    });
  });

  it('refuses a second argument that is not a plain object', () => {
    expect(refusal(() => mergeTallies({ metric: 'x' }, [], null))).toStrictEqual({
      code: 'invalid-type',
      path: ['b'],
      message: 'expected a tally object, received an array',
    });
  });

  it('refuses a first tally without its metric name, whatever the second holds', () => {
    expect(refusal(() => mergeTallies({}, {}, null))).toStrictEqual({
      code: 'invalid-value',
      path: ['a', 'metric'],
      message: "expected a tally with its metric's name, received undefined",
    });
  });

  it('refuses tallies of two metrics, naming both', () => {
    expect(refusal(() => mergeTallies({ metric: 'nps' }, { metric: 'csat' }, null))).toStrictEqual({
      code: 'inconsistent',
      path: ['b', 'metric'],
      message: 'expected a tally of "nps", received "csat"',
    });
  });

  it('words the whole error with the issue and its path', () => {
    expect(() => mergeTallies({ metric: 'nps' }, { metric: 'csat' }, null)).toThrow('mergeCounts: expected a tally of "nps", received "csat" at b.metric');
  });
});

describe('mergeTallies: counts and integers', () => {
  it('adds counts', () => {
    expect(merge({ n: 2 }, { n: 3 })).toStrictEqual({ metric: 'x', n: 5 });
  });

  it('adds integers of either sign where the shape says integer', () => {
    expect(merge({ n: -3 }, { n: 2 }, { n: 'integer' })).toStrictEqual({ metric: 'x', n: -1 });
  });

  it('refuses a negative count, naming the side', () => {
    expect(rejected({ n: -1 }, { n: 1 })).toStrictEqual({
      code: 'out-of-range',
      path: ['a', 'n'],
      message: 'expected a non-negative integer count, received -1',
    });
    expect(rejected({ n: 1 }, { n: -1 })).toStrictEqual({
      code: 'out-of-range',
      path: ['b', 'n'],
      message: 'expected a non-negative integer count, received -1',
    });
  });

  it('refuses a fractional count', () => {
    expect(rejected({ n: 1.5 }, { n: 1 })).toStrictEqual({
      code: 'out-of-range',
      path: ['a', 'n'],
      message: 'expected a non-negative integer count, received 1.5',
    });
  });

  it('refuses an integer past 2^53 or fractional', () => {
    expect(rejected({ n: 1.5 }, { n: 1 }, { n: 'integer' })).toStrictEqual({
      code: 'out-of-range',
      path: ['a', 'n'],
      message: 'expected a safe integer, received 1.5',
    });
    expect(rejected({ n: 1 }, { n: 2 ** 53 }, { n: 'integer' })).toStrictEqual({
      code: 'out-of-range',
      path: ['b', 'n'],
      message: 'expected a safe integer, received 9007199254740992',
    });
  });

  it('refuses a count whose kind differs from the first tally', () => {
    expect(rejected({ n: 1 }, { n: 'x' })).toStrictEqual({
      code: 'inconsistent',
      path: ['b', 'n'],
      message: 'expected a count as in the first tally, received "x"',
    });
  });

  it('refuses an integer whose kind differs from the first tally', () => {
    expect(rejected({ n: 1 }, { n: 'x' }, { n: 'integer' })).toStrictEqual({
      code: 'inconsistent',
      path: ['b', 'n'],
      message: 'expected an integer as in the first tally, received "x"',
    });
  });

  it('refuses counts whose sum passes 2^53, at the second tally', () => {
    expect(rejected({ n: Number.MAX_SAFE_INTEGER }, { n: 1 })).toStrictEqual({
      code: 'out-of-range',
      path: ['b', 'n'],
      message: 'expected counts whose sum stays below 2^53, received 9007199254740991 + 1',
    });
    expect(rejected({ n: -Number.MAX_SAFE_INTEGER }, { n: -1 }, { n: 'integer' })).toStrictEqual({
      code: 'out-of-range',
      path: ['b', 'n'],
      message: 'expected counts whose sum stays below 2^53, received -9007199254740991 + -1',
    });
  });

  it('adds counts up to 2^53 - 1 exactly', () => {
    expect(merge({ n: Number.MAX_SAFE_INTEGER - 1 }, { n: 1 })).toStrictEqual({ metric: 'x', n: Number.MAX_SAFE_INTEGER });
  });

  it('never returns -0, merged or copied', () => {
    const merged = merge({ n: -0, i: -0 }, { n: -0, i: -0 }, { n: 'count', i: 'integer' });
    expect(Object.is(merged.n, 0)).toBe(true);
    expect(Object.is(merged.i, 0)).toBe(true);
    expect(Object.is(merge({ n: -0 }, {}).n, 0)).toBe(true);
  });
});

describe('mergeTallies: decimal strings', () => {
  it('adds whole decimal strings without adding places', () => {
    expect(merge({ m: '1' }, { m: '2' })).toStrictEqual({ metric: 'x', m: '3' });
  });

  it('keeps the places of the more precise side', () => {
    expect(merge({ m: '1.50' }, { m: '1' })).toStrictEqual({ metric: 'x', m: '2.50' });
    expect(merge({ m: '0.1' }, { m: '0.20' })).toStrictEqual({ metric: 'x', m: '0.30' });
  });

  it('adds exactly past 2^53', () => {
    expect(merge({ m: '9007199254740993' }, { m: '1' })).toStrictEqual({ metric: 'x', m: '9007199254740994' });
    expect(merge({ m: '12345678901234567890123456789.123456789' }, { m: '0.000000001' })).toStrictEqual({
      metric: 'x',
      m: '12345678901234567890123456789.123456790',
    });
  });

  it('reads a leading zero and a negative zero as the numbers they write', () => {
    expect(merge({ m: '01' }, { m: '1' })).toStrictEqual({ metric: 'x', m: '2' });
    expect(merge({ m: '-0' }, { m: '-0' })).toStrictEqual({ metric: 'x', m: '0' });
    expect(merge({ m: '-1.5' }, { m: '1.5' })).toStrictEqual({ metric: 'x', m: '0.0' });
  });

  it('writes a decimal string on one side only as the same number, canonically', () => {
    expect(merge({ m: '-0' }, {})).toStrictEqual({ metric: 'x', m: '0' });
    expect(merge({}, { m: '-0.00' })).toStrictEqual({ metric: 'x', m: '0.00' });
    expect(merge({ m: '007.50' }, {})).toStrictEqual({ metric: 'x', m: '7.50' });
    expect(merge({}, { m: '-12.5' })).toStrictEqual({ metric: 'x', m: '-12.5' });
  });

  it('refuses a decimal string with a dot and no digits after it, at its side', () => {
    expect(rejected({ m: '1.' }, { m: '1' })).toStrictEqual({ code: 'invalid-value', path: ['a', 'm'], message: 'expected a decimal string, received "1."' });
    expect(rejected({ m: '1' }, { m: '.5' })).toStrictEqual({ code: 'invalid-value', path: ['b', 'm'], message: 'expected a decimal string, received ".5"' });
    expect(rejected({ m: '1' }, { m: '1e3' })).toStrictEqual({ code: 'invalid-value', path: ['b', 'm'], message: 'expected a decimal string, received "1e3"' });
  });

  it('refuses a number where the first tally holds a decimal string', () => {
    expect(rejected({ m: '1' }, { m: 1 })).toStrictEqual({
      code: 'inconsistent',
      path: ['b', 'm'],
      message: 'expected a decimal string as in the first tally, received 1',
    });
  });
});

describe('mergeTallies: arrays', () => {
  it('concatenates partial sums, negative and fractional ones included, into a fresh array', () => {
    const list = [-1.5, 0.25];
    const merged = merge({ p: list }, { p: [3] });
    expect(merged).toStrictEqual({ metric: 'x', p: [-1.5, 0.25, 3] });
    expect(merge({ p: list }, {}).p).not.toBe(list);
  });

  it('concatenates durations, zero included', () => {
    expect(merge({ d: [0, 5] }, { d: [7] }, { d: 'durations' })).toStrictEqual({ metric: 'x', d: [0, 5, 7] });
  });

  it('turns -0 in an array into 0', () => {
    const merged = merge({ p: [-0] }, { p: [1] });
    expect(Object.is((merged.p as number[])[0], 0)).toBe(true);
  });

  it('refuses a non-finite partial sum as out of range, at its index', () => {
    expect(rejected({ p: [1] }, { p: [2, Number.POSITIVE_INFINITY] })).toStrictEqual({
      code: 'out-of-range',
      path: ['b', 'p', 1],
      message: 'expected a finite number, received Infinity',
    });
    expect(rejected({ p: [Number.NaN] }, { p: [] })).toStrictEqual({
      code: 'out-of-range',
      path: ['a', 'p', 0],
      message: 'expected a finite number, received NaN',
    });
  });

  it('refuses a partial sum that is not a number as the wrong type', () => {
    expect(rejected({ p: ['1'] }, { p: [] })).toStrictEqual({ code: 'invalid-type', path: ['a', 'p', 0], message: 'expected a finite number, received "1"' });
  });

  it('refuses a negative, fractional or non-numeric duration', () => {
    const shape: TallyShape = { d: 'durations' };
    expect(rejected({ d: [-1] }, { d: [] }, shape)).toStrictEqual({
      code: 'out-of-range',
      path: ['a', 'd', 0],
      message: 'expected a non-negative integer duration, received -1',
    });
    expect(rejected({ d: [] }, { d: [1, 1.5] }, shape)).toStrictEqual({
      code: 'out-of-range',
      path: ['b', 'd', 1],
      message: 'expected a non-negative integer duration, received 1.5',
    });
    expect(rejected({ d: [null] }, { d: [] }, shape)).toStrictEqual({
      code: 'invalid-type',
      path: ['a', 'd', 0],
      message: 'expected a non-negative integer duration, received null',
    });
  });

  it('refuses a value that is not an array where the first tally holds one', () => {
    expect(rejected({ p: [1] }, { p: 5 })).toStrictEqual({
      code: 'inconsistent',
      path: ['b', 'p'],
      message: 'expected an array as in the first tally, received 5',
    });
  });
});

describe('mergeTallies: nested objects without a shape', () => {
  it('merges key by key, keeping a key on one side as it is', () => {
    expect(merge({ o: { k: 1, only: 4 } }, { o: { k: 5, other: 6 } })).toStrictEqual({ metric: 'x', o: { k: 6, only: 4, other: 6 } });
  });

  it('copies an object present on one side only, checked and fresh', () => {
    const inner = { k: 1, m: '1.50', p: [2] };
    const merged = merge({ o: inner }, {});
    expect(merged).toStrictEqual({ metric: 'x', o: { k: 1, m: '1.50', p: [2] } });
    expect(merged.o).not.toBe(inner);
    expect(merge({}, { o: inner })).toStrictEqual({ metric: 'x', o: { k: 1, m: '1.50', p: [2] } });
  });

  it('merges a nested key named metric like any other field', () => {
    expect(merge({ o: { metric: 1 } }, { o: { metric: 2 } })).toStrictEqual({ metric: 'x', o: { metric: 3 } });
  });

  it('names the side and the full path of a bad value in an object on one side only', () => {
    expect(rejected({ o: { k: true } }, {})).toStrictEqual({
      code: 'invalid-value',
      path: ['a', 'o', 'k'],
      message: 'expected a count, decimal string, array or object, received true',
    });
    expect(rejected({}, { o: { k: true } })).toStrictEqual({
      code: 'invalid-value',
      path: ['b', 'o', 'k'],
      message: 'expected a count, decimal string, array or object, received true',
    });
  });

  it('refuses a value of no tally kind, on either side or both', () => {
    const message = 'expected a count, decimal string, array or object, received true';
    expect(rejected({ v: true }, { v: 1 })).toStrictEqual({ code: 'invalid-value', path: ['a', 'v'], message });
    expect(rejected({ v: true }, {})).toStrictEqual({ code: 'invalid-value', path: ['a', 'v'], message });
    expect(rejected({}, { v: true })).toStrictEqual({ code: 'invalid-value', path: ['b', 'v'], message });
  });

  it('refuses a non-object where the first tally holds an object', () => {
    expect(rejected({ o: { k: 1 } }, { o: 5 })).toStrictEqual({
      code: 'inconsistent',
      path: ['b', 'o'],
      message: 'expected an object as in the first tally, received 5',
    });
  });
});

describe('mergeTallies: null values', () => {
  it('keeps null where both sides hold null, or one side only', () => {
    expect(merge({ v: null }, { v: null })).toStrictEqual({ metric: 'x', v: null });
    expect(merge({ v: null }, {})).toStrictEqual({ metric: 'x', v: null });
    expect(merge({}, { v: null })).toStrictEqual({ metric: 'x', v: null });
  });

  it('refuses null against a count on the other side', () => {
    expect(rejected({ v: 5 }, { v: null })).toStrictEqual({
      code: 'inconsistent',
      path: ['b', 'v'],
      message: 'expected a count as in the first tally, received null',
    });
    expect(rejected({ v: null }, { v: 5 })).toStrictEqual({
      code: 'invalid-value',
      path: ['a', 'v'],
      message: 'expected a count, decimal string, array or object, received null',
    });
  });

  it('refuses null in a field the shape names', () => {
    expect(rejected({ n: null }, { n: null }, { n: 'count' })).toStrictEqual({
      code: 'inconsistent',
      path: ['a', 'n'],
      message: 'expected a count as in the first tally, received null',
    });
  });
});

describe('mergeTallies: with a shape', () => {
  it('refuses a key the shape does not name, on either side', () => {
    const shape: TallyShape = { n: 'count' };
    expect(rejected({ n: 1, zz: 1 }, { n: 1 }, shape)).toStrictEqual({ code: 'unknown-key', path: ['a', 'zz'], message: 'unknown key "zz"' });
    expect(rejected({ n: 1 }, { n: 1, zz: 1 }, shape)).toStrictEqual({ code: 'unknown-key', path: ['b', 'zz'], message: 'unknown key "zz"' });
  });

  it('refuses a key named metric below the top level when the shape does not name it', () => {
    const shape: TallyShape = { o: { shape: { k: 'count' } } };
    expect(rejected({ o: { k: 1, metric: 1 } }, { o: { k: 1 } }, shape)).toStrictEqual({
      code: 'unknown-key',
      path: ['a', 'o', 'metric'],
      message: 'unknown key "metric"',
    });
  });

  it('refuses a required field missing on either side', () => {
    const shape: TallyShape = { n: 'count', m: 'decimal' };
    expect(rejected({ n: 1, m: '1' }, { m: '1' }, shape)).toStrictEqual({ code: 'missing-value', path: ['b', 'n'], message: 'expected the tally field "n"' });
    expect(rejected({ n: 1 }, { n: 1, m: '1' }, shape)).toStrictEqual({ code: 'missing-value', path: ['a', 'm'], message: 'expected the tally field "m"' });
  });

  it('takes an optional field on both sides, one side or neither', () => {
    const shape: TallyShape = { n: 'count', opt: { optional: 'count' } };
    expect(merge({ n: 1, opt: 2 }, { n: 1, opt: 3 }, shape)).toStrictEqual({ metric: 'x', n: 2, opt: 5 });
    expect(merge({ n: 1, opt: 2 }, { n: 1 }, shape)).toStrictEqual({ metric: 'x', n: 2, opt: 2 });
    expect(merge({ n: 1 }, { n: 1, opt: 3 }, shape)).toStrictEqual({ metric: 'x', n: 2, opt: 3 });
    expect(merge({ n: 1 }, { n: 1 }, shape)).toStrictEqual({ metric: 'x', n: 2 });
  });

  it('reads an optional field on one side by its kind in the shape', () => {
    const shape: TallyShape = { i: { optional: 'integer' }, d: { optional: 'durations' }, m: { optional: 'decimal' } };
    expect(merge({ i: -1, d: [3] }, { m: '1.50' }, shape)).toStrictEqual({ metric: 'x', i: -1, d: [3], m: '1.50' });
    expect(merge({}, { i: -2 }, shape)).toStrictEqual({ metric: 'x', i: -2 });
  });

  it('refuses an optional field on one side that is not of its kind', () => {
    const shape: TallyShape = { d: { optional: 'durations' } };
    expect(rejected({ d: [1.5] }, {}, shape)).toStrictEqual({
      code: 'out-of-range',
      path: ['a', 'd', 0],
      message: 'expected a non-negative integer duration, received 1.5',
    });
  });

  it('merges nested objects by their own shape', () => {
    const shape: TallyShape = { o: { shape: { k: 'integer' } } };
    expect(merge({ o: { k: -1 } }, { o: { k: -2 } }, shape)).toStrictEqual({ metric: 'x', o: { k: -3 } });
  });

  it('refuses a non-object where the shape names a nested object, on the first tally', () => {
    const shape: TallyShape = { o: { shape: { k: 'count' } } };
    expect(rejected({ o: 5 }, { o: { k: 1 } }, shape)).toStrictEqual({
      code: 'inconsistent',
      path: ['a', 'o'],
      message: 'expected an object as in the first tally, received 5',
    });
  });

  it('reads a nested object on one side only by its shape', () => {
    const shape: TallyShape = { o: { optional: { shape: { k: 'integer', j: { optional: 'count' } } } } };
    expect(merge({ o: { k: -1 } }, {}, shape)).toStrictEqual({ metric: 'x', o: { k: -1 } });
    expect(merge({}, { o: { k: -1, j: 2 } }, shape)).toStrictEqual({ metric: 'x', o: { k: -1, j: 2 } });
    expect(rejected({ o: { k: 1, zz: 1 } }, {}, shape)).toStrictEqual({ code: 'unknown-key', path: ['a', 'o', 'zz'], message: 'unknown key "zz"' });
  });

  it('checks the required fields of a nested object on one side only on that side', () => {
    const shape: TallyShape = { o: { optional: { shape: { k: 'count', j: 'count' } } } };
    expect(rejected({ o: { k: 1 } }, {}, shape)).toStrictEqual({ code: 'missing-value', path: ['a', 'o', 'j'], message: 'expected the tally field "j"' });
    expect(rejected({}, { o: { j: 1 } }, shape)).toStrictEqual({ code: 'missing-value', path: ['b', 'o', 'k'], message: 'expected the tally field "k"' });
  });

  it('refuses a non-object on one side where the shape names a nested object', () => {
    const shape: TallyShape = { o: { optional: { shape: { k: 'count' } } } };
    expect(rejected({ o: 5 }, {}, shape)).toStrictEqual({
      code: 'inconsistent',
      path: ['a', 'o'],
      message: 'expected an object as in the first tally, received 5',
    });
  });
});

describe('mergeTallies: records keyed by integers', () => {
  const shape: TallyShape = { r: { record: 'count' } };

  it('merges key by key, in ascending order of the keys as numbers', () => {
    const merged = merge({ r: { '4294967296': 1, '3': 1, '-1': 2 } }, { r: { '4294967295': 1, '-1': 1, '-5': 1 } }, shape);
    expect(merged).toStrictEqual({ metric: 'x', r: { '3': 1, '-5': 1, '-1': 3, '4294967295': 1, '4294967296': 1 } });
    // Array-index keys ('3') always come first; the others keep the order they were written in.
    expect(Object.keys(merged.r as object)).toStrictEqual(['3', '-5', '-1', '4294967295', '4294967296']);
  });

  it('copies a record present on one side only', () => {
    const optional: TallyShape = { r: { optional: { record: 'count' } } };
    expect(merge({ r: { '2': 1 } }, {}, optional)).toStrictEqual({ metric: 'x', r: { '2': 1 } });
    expect(merge({}, { r: { '-2': 1 } }, optional)).toStrictEqual({ metric: 'x', r: { '-2': 1 } });
  });

  it('refuses a key not written as a plain safe integer, on either side', () => {
    expect(rejected({ r: { '01': 1 } }, { r: {} }, shape)).toStrictEqual({
      code: 'invalid-value',
      path: ['a', 'r', '01'],
      message: 'expected an integer key written plainly, received "01"',
    });
    expect(rejected({ r: {} }, { r: { '1e3': 1 } }, shape)).toStrictEqual({
      code: 'invalid-value',
      path: ['b', 'r', '1e3'],
      message: 'expected an integer key written plainly, received "1e3"',
    });
    expect(rejected({ r: { '9007199254740993': 1 } }, { r: {} }, shape)).toStrictEqual({
      code: 'invalid-value',
      path: ['a', 'r', '9007199254740993'],
      message: 'expected an integer key written plainly, received "9007199254740993"',
    });
  });

  it('names the side and key of a bad value, present on both sides or one', () => {
    const message = 'expected a non-negative integer count, received -1';
    expect(rejected({ r: { '1': 1 } }, { r: { '1': -1 } }, shape)).toStrictEqual({ code: 'out-of-range', path: ['b', 'r', '1'], message });
    expect(rejected({ r: { '2': -1 } }, { r: { '1': 1 } }, shape)).toStrictEqual({ code: 'out-of-range', path: ['a', 'r', '2'], message });
    expect(rejected({ r: { '1': 1 } }, { r: { '3': -1 } }, shape)).toStrictEqual({ code: 'out-of-range', path: ['b', 'r', '3'], message });
  });

  it('checks a nested object in a record on one side only against its shape on that side', () => {
    const nested: TallyShape = { r: { record: { shape: { k: 'count' } } } };
    expect(merge({ r: { '1': { k: 1 } } }, { r: { '2': { k: 2 } } }, nested)).toStrictEqual({ metric: 'x', r: { '1': { k: 1 }, '2': { k: 2 } } });
    expect(rejected({ r: {} }, { r: { '2': {} } }, nested)).toStrictEqual({
      code: 'missing-value',
      path: ['b', 'r', '2', 'k'],
      message: 'expected the tally field "k"',
    });
  });

  it('refuses a record that is not an object, on either side', () => {
    expect(rejected({ r: [] }, { r: {} }, shape)).toStrictEqual({
      code: 'inconsistent',
      path: ['a', 'r'],
      message: 'expected an object as in the first tally, received an array',
    });
    expect(rejected({ r: {} }, { r: 1 }, shape)).toStrictEqual({
      code: 'inconsistent',
      path: ['b', 'r'],
      message: 'expected an object as in the first tally, received 1',
    });
  });
});

type Step = 'object' | 'record';

/** A value nested through `steps` (objects under key `n`, records under key `'1'`) down to the count `leaf`, its field kind and the path of each container. */
function nested(steps: readonly Step[], leaf = 1): { field: TallyField; value: unknown; paths: (string | number)[][] } {
  let field: TallyField = 'count';
  let value: unknown = leaf;
  for (const step of [...steps].reverse()) {
    field = step === 'object' ? { shape: { n: field } } : { record: field };
    value = step === 'object' ? { n: value } : { '1': value };
  }
  const paths: (string | number)[][] = [];
  let path: (string | number)[] = ['n'];
  for (const step of steps) {
    paths.push(path);
    path = [...path, step === 'object' ? 'n' : '1'];
  }
  return { field, value, paths };
}

const objects = (n: number): Step[] => Array.from({ length: n }, (): Step => 'object');
const recordsAndObjects = (pairs: number): Step[] => Array.from({ length: pairs }, (): Step[] => ['record', 'object']).flat();

describe('mergeTallies: nesting depth', () => {
  const tooDeep = 'expected a tally nested at most 16 levels deep';

  it('merges objects nested 16 levels deep, on both sides or one', () => {
    const { value } = nested(objects(16));
    expect(merge({ n: value }, { n: value })).toStrictEqual({ metric: 'x', n: nested(objects(16), 2).value });
    expect(merge({ n: value }, {})).toStrictEqual({ metric: 'x', n: value });
  });

  it('refuses objects nested 17 levels deep, at the deepest object', () => {
    const { value, paths } = nested(objects(17));
    expect(rejected({ n: value }, { n: value })).toStrictEqual({ code: 'out-of-range', path: ['a', ...paths[16]!], message: tooDeep });
    expect(rejected({ n: value }, {})).toStrictEqual({ code: 'out-of-range', path: ['a', ...paths[16]!], message: tooDeep });
    expect(rejected({}, { n: value })).toStrictEqual({ code: 'out-of-range', path: ['b', ...paths[16]!], message: tooDeep });
  });

  it('counts a record as a level, on both sides or one', () => {
    const fits = nested(recordsAndObjects(8));
    expect(merge({ n: fits.value }, { n: fits.value }, { n: fits.field })).toStrictEqual({ metric: 'x', n: nested(recordsAndObjects(8), 2).value });
    expect(merge({ n: fits.value }, {}, { n: { optional: fits.field } })).toStrictEqual({ metric: 'x', n: fits.value });
    const deep = nested([...recordsAndObjects(8), 'object']);
    const at = { code: 'out-of-range', path: ['a', ...deep.paths[16]!], message: tooDeep };
    expect(rejected({ n: deep.value }, { n: deep.value }, { n: deep.field })).toStrictEqual(at);
    expect(rejected({ n: deep.value }, {}, { n: { optional: deep.field } })).toStrictEqual(at);
  });
});

describe('mergeTallies: the result', () => {
  it('holds writable, enumerable, configurable own data properties at every level', () => {
    const merged = merge(
      { n: 1, o: { k: 1 }, r: { '1': 1 } },
      { n: 2, o: { k: 2 }, r: { '1': 2 } },
      { n: 'count', o: { shape: { k: 'count' } }, r: { record: 'count' } },
    );
    const own = (value: unknown) => ({ value, writable: true, enumerable: true, configurable: true });
    expect(Object.getOwnPropertyDescriptor(merged, 'metric')).toStrictEqual(own('x'));
    expect(Object.getOwnPropertyDescriptor(merged, 'n')).toStrictEqual(own(3));
    expect(Object.getOwnPropertyDescriptor(merged.o, 'k')).toStrictEqual(own(3));
    expect(Object.getOwnPropertyDescriptor(merged.r, '1')).toStrictEqual(own(3));
  });

  it('keeps a key named __proto__ as data, never as the prototype', () => {
    const a = JSON.parse('{"metric":"x","__proto__":{"k":1}}') as unknown;
    const b = JSON.parse('{"metric":"x","__proto__":{"k":2}}') as unknown;
    const merged = mergeTallies(a, b, null);
    expect(Object.getPrototypeOf(merged)).toBe(Object.prototype);
    expect(Object.getOwnPropertyDescriptor(merged, '__proto__')).toStrictEqual({ value: { k: 3 }, writable: true, enumerable: true, configurable: true });
    expect(Object.keys(merged)).toStrictEqual(['metric', '__proto__']);
  });
});

describe('safeTotal', () => {
  it('adds counts, and is 0 for none', () => {
    expect(safeTotal('nps', [1, 2, 3], ['counts'])).toBe(6);
    expect(safeTotal('nps', [], ['counts'])).toBe(0);
    expect(safeTotal('nps', [Number.MAX_SAFE_INTEGER - 1, 1], ['counts'])).toBe(Number.MAX_SAFE_INTEGER);
  });

  it('refuses a total past 2^53 for the metric at the path given', () => {
    expect(refusal(() => safeTotal('csat', [Number.MAX_SAFE_INTEGER, 1], ['counts', 'points']), 'csat')).toStrictEqual({
      code: 'out-of-range',
      path: ['counts', 'points'],
      message: 'expected counts whose total stays below 2^53, received a total of 9007199254740992',
    });
  });
});
