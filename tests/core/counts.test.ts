import { describe, expect, it } from 'vitest';
import { mergeCounts } from '../../src/index.js';
import { expectMetricsError } from '../helpers/errors.js';

describe('mergeCounts', () => {
  it('adds counts, adds decimal strings exactly, concatenates arrays, merges nested objects', () => {
    const a = { metric: 'x', n: 2, money: '0.1', list: [1, 2], nested: { k: 1, only: 4 } };
    const b = { metric: 'x', n: 3, money: '0.20', list: [3], nested: { k: 5, other: 6 } };
    expect(mergeCounts<{ metric: string }>(a, b)).toStrictEqual({ metric: 'x', n: 5, money: '0.30', list: [1, 2, 3], nested: { k: 6, only: 4, other: 6 } });
  });
  it('adds decimal strings of any number of digits exactly', () => {
    const big = `1${'0'.repeat(99)}`;
    expect(mergeCounts({ metric: 'x', money: big }, { metric: 'x', money: '0.01' })).toStrictEqual({ metric: 'x', money: `${big}.01` });
    expect(mergeCounts({ metric: 'x', money: '-0.50' }, { metric: 'x', money: '0.5' })).toStrictEqual({ metric: 'x', money: '0.00' });
  });
  it('does not change its arguments', () => {
    const a = Object.freeze({ metric: 'x', list: Object.freeze([1]) });
    const b = Object.freeze({ metric: 'x', list: Object.freeze([2]) });
    expect(mergeCounts(a, b)).toStrictEqual({ metric: 'x', list: [1, 2] });
    expect(a.list).toStrictEqual([1]);
  });
  it('rejects tallies of different metrics or shapes, and counts past 2^53', () => {
    expectMetricsError(() => mergeCounts({ metric: 'nps' }, { metric: 'csat' }), 'mergeCounts', ['b', 'metric'], 'inconsistent');
    expectMetricsError(
      () => mergeCounts({ metric: 'x', n: 1 } as { metric: string }, { metric: 'x', n: 'a' } as { metric: string }),
      'mergeCounts',
      ['b', 'n'],
      'inconsistent',
    );
    expectMetricsError(() => mergeCounts({ metric: 'x', n: 1.5 } as { metric: string }, { metric: 'x', n: 1 } as { metric: string }), 'mergeCounts', [
      'a',
      'n',
    ]);
    expectMetricsError(
      () => mergeCounts({ metric: 'x', n: Number.MAX_SAFE_INTEGER } as { metric: string }, { metric: 'x', n: 1 } as { metric: string }),
      'mergeCounts',
      ['b', 'n'],
      'out-of-range',
    );
    expectMetricsError(() => mergeCounts({ metric: 'x', m: '1e3' } as { metric: string }, { metric: 'x', m: '1' } as { metric: string }), 'mergeCounts', [
      'a',
      'm',
    ]);
    expectMetricsError(() => mergeCounts(null as unknown as { metric: string }, { metric: 'x' }), 'mergeCounts', ['a']);
    expectMetricsError(() => mergeCounts({ metric: 'x' }, [] as unknown as { metric: string }), 'mergeCounts', ['b']);
  });
});
