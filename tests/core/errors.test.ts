import { describe, expect, it } from 'vitest';
import { describe as describeValue, formatPath } from '../../src/core/contract/errors.js';
import { isMetricsError, MetricsError } from '../../src/index.js';

describe('MetricsError', () => {
  it('carries metric, issues, and the first issue code and path', () => {
    const e = new MetricsError('nps', [
      { code: 'out-of-range', path: ['scores', 3], message: 'expected an integer from 0 to 10, received 11' },
      { code: 'unknown-key', path: ['options', 'foo'], message: 'unknown key "foo"' },
    ]);
    expect(e).toBeInstanceOf(Error);
    expect(e.name).toBe('MetricsError');
    expect(e.metric).toBe('nps');
    expect(e.code).toBe('out-of-range');
    expect(e.path).toStrictEqual(['scores', 3]);
    expect(e.message).toBe('nps: expected an integer from 0 to 10, received 11 at scores[3] (and 1 more)');
    expect(Object.isFrozen(e.issues)).toBe(true);
  });
  it('refuses an empty issue list', () => {
    expect(() => new MetricsError('nps', [])).toThrow(TypeError);
  });
  it('is recognised across copies of the library by shape', () => {
    const foreign = Object.assign(new Error('x'), { name: 'MetricsError', metric: 'nps', issues: [] });
    expect(isMetricsError(foreign)).toBe(true);
    expect(isMetricsError({ name: 'MetricsError' })).toBe(false);
    expect(isMetricsError(null)).toBe(false);
  });
});

describe('formatPath and describe', () => {
  it('formats paths', () => {
    expect(formatPath(['options', 'scale', 'max'])).toBe('options.scale.max');
    expect(formatPath(['counts', 'points', '7'])).toBe('counts.points["7"]');
    expect(formatPath(['labels', 'very satisfied'])).toBe('labels["very satisfied"]');
    expect(formatPath([])).toBe('(root)');
  });
  it('describes received values', () => {
    expect(describeValue(-0)).toBe('-0');
    expect(describeValue(NaN)).toBe('NaN');
    expect(describeValue('x'.repeat(50))).toBe(JSON.stringify(`${'x'.repeat(40)}…`));
    expect(describeValue(new Uint8Array(1))).toBe('a Uint8Array');
    expect(describeValue(new Date(NaN))).toBe('an invalid Date');
    expect(describeValue(3n)).toBe('3n');
    expect(describeValue([])).toBe('an array');
  });
});
