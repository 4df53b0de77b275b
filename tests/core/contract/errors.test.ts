/**
 * The error type and its helpers: the message a `MetricsError` builds, the
 * paths and received values it words, recognising it across copies of the
 * library, and `fail`.
 */
import { describe, expect, it } from 'vitest';
import { describe as describeValue, fail, formatPath, isMetricsError, MetricsError } from '../../../src/core/contract/errors.js';

const issue = { code: 'out-of-range', path: ['scores', 3], message: 'expected an integer from 0 to 10, received 11' } as const;

function thrown(fn: () => unknown): unknown {
  try {
    fn();
  } catch (e) {
    return e;
  }
  throw new Error('expected a throw, the call returned');
}

describe('MetricsError', () => {
  it('words one issue without a count of others', () => {
    expect(new MetricsError('nps', [issue]).message).toBe('nps: expected an integer from 0 to 10, received 11 at scores[3]');
  });

  it('counts the issues after the first', () => {
    const e = new MetricsError('nps', [issue, { ...issue, path: ['scores', 4] }, { ...issue, path: ['scores', 5] }]);
    expect(e.message).toBe('nps: expected an integer from 0 to 10, received 11 at scores[3] (and 2 more)');
    expect(e.issues.map((i) => i.path)).toStrictEqual([
      ['scores', 3],
      ['scores', 4],
      ['scores', 5],
    ]);
  });

  it('refuses an empty list of issues, saying so', () => {
    const e = thrown(() => new MetricsError('nps', []));
    expect(e).toBeInstanceOf(TypeError);
    expect((e as TypeError).message).toBe('MetricsError needs at least one issue');
  });

  it('keeps frozen copies of the issues and their paths', () => {
    const path = ['scores', 3];
    const e = new MetricsError('nps', [{ ...issue, path }]);
    path.push(9);
    expect(e.path).toStrictEqual(['scores', 3]);
    expect(e.path).toBe(e.issues[0]!.path);
    expect(Object.isFrozen(e.issues[0])).toBe(true);
    expect(Object.isFrozen(e.path)).toBe(true);
  });

  it('carries a cause only when given one', () => {
    const cause = new Error('zod');
    expect(new MetricsError('nps', [issue], { cause }).cause).toBe(cause);
    expect(Object.hasOwn(new MetricsError('nps', [issue]), 'cause')).toBe(false);
  });
});

describe('isMetricsError', () => {
  it('recognises an instance, and a look-alike from another copy of the library', () => {
    expect(isMetricsError(new MetricsError('nps', [issue]))).toBe(true);
    expect(isMetricsError({ name: 'MetricsError', metric: 'nps', issues: [] })).toBe(true);
  });

  it('refuses look-alikes missing any part of the shape', () => {
    expect(isMetricsError({ name: 'Error', metric: 'nps', issues: [] })).toBe(false);
    expect(isMetricsError({ name: 'MetricsError', metric: 1, issues: [] })).toBe(false);
    expect(isMetricsError({ name: 'MetricsError', metric: 'nps', issues: 'x' })).toBe(false);
    expect(isMetricsError({ name: 'MetricsError', issues: [] })).toBe(false);
  });

  it('refuses values that are not objects', () => {
    expect(isMetricsError(undefined)).toBe(false);
    expect(isMetricsError(null)).toBe(false);
    expect(isMetricsError('MetricsError')).toBe(false);
    expect(isMetricsError(new Error('x'))).toBe(false);
  });
});

describe('formatPath', () => {
  it('writes indexes in brackets and names with dots, the first without one', () => {
    expect(formatPath(['scores', 3])).toBe('scores[3]');
    expect(formatPath([0, 'openedAt'])).toBe('[0].openedAt');
    expect(formatPath(['tickets', 12, 'openedAt'])).toBe('tickets[12].openedAt');
    expect(formatPath(['$a', '_b', 'c1'])).toBe('$a._b.c1');
  });

  it('quotes keys that are not identifiers', () => {
    expect(formatPath(['counts', '1a', ''])).toBe('counts["1a"][""]');
  });
});

describe('describe', () => {
  it('describes null, undefined, booleans and numbers as written', () => {
    expect(describeValue(null)).toBe('null');
    expect(describeValue(undefined)).toBe('undefined');
    expect(describeValue(true)).toBe('true');
    expect(describeValue(false)).toBe('false');
    expect(describeValue(0)).toBe('0');
    expect(describeValue(Number.NEGATIVE_INFINITY)).toBe('-Infinity');
  });

  it('quotes strings, cutting them after 40 characters', () => {
    expect(describeValue('x'.repeat(40))).toBe(JSON.stringify('x'.repeat(40)));
    expect(describeValue('x'.repeat(41))).toBe(JSON.stringify(`${'x'.repeat(40)}…`));
    expect(describeValue('a"b')).toBe('"a\\"b"');
  });

  it('names functions, dates and other objects by their kind', () => {
    expect(describeValue(() => 1)).toBe('a function');
    expect(describeValue(new Date(0))).toBe('a Date');
    expect(describeValue(new Float64Array(1))).toBe('a Float64Array');
    expect(describeValue({})).toBe('an object');
    expect(describeValue(new Map())).toBe('an object');
    expect(describeValue(Object.create(Date.prototype))).toBe('an object');
  });
});

describe('fail', () => {
  it('throws one issue for the metric', () => {
    const e = thrown(() => fail('csat', 'invalid-value', ['options', 'scale'], 'expected a scale'));
    expect(e).toBeInstanceOf(MetricsError);
    expect((e as MetricsError).issues).toStrictEqual([{ code: 'invalid-value', path: ['options', 'scale'], message: 'expected a scale' }]);
    expect((e as MetricsError).metric).toBe('csat');
    expect(Object.hasOwn(e as object, 'cause')).toBe(false);
  });

  it('passes a cause on', () => {
    const cause = new Error('zod');
    expect((thrown(() => fail('csat', 'invalid-value', ['x'], 'm', cause)) as MetricsError).cause).toBe(cause);
  });
});
