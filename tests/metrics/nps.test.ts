import { describe, expect, it } from 'vitest';
import { nps, npsCounts, npsFromCounts } from '../../src/index.js';
import { expectMetricsError } from '../helpers/errors.js';
import { npsCountVectors, npsScoreVectors } from '../vectors/survey.js';

describe('nps: documented examples', () => {
  it('repeats the TSDoc examples', () => {
    expect(nps([10, 9, 8, 6, 10]).value).toBe(40);
    expect(nps([10, 9, 8, 6, 10]).detractors).toStrictEqual({ count: 1, percent: 20 });
    expect(nps([]).value).toBe(null);
    expect(npsFromCounts({ promoters: 50, passives: 30, detractors: 20 }).value).toBe(30);
  });
});

describe('nps: reference vectors', () => {
  it.each(npsCountVectors.map((v) => [v.name, v] as const))('%s', (_name, v) => {
    expect(npsFromCounts(v.input, v.options).value).toStrictEqual(v.expected.value);
  });
  it.each(npsScoreVectors.map((v) => [v.name, v] as const))('%s', (_name, v) => {
    const r = nps(v.input, v.options);
    expect({ value: r.value, promoters: r.promoters.count, passives: r.passives.count, detractors: r.detractors.count }).toStrictEqual(v.expected);
  });
});

describe('nps: results', () => {
  it('returns the whole skeleton', () => {
    expect(nps([10, 9, 8, 6, 10])).toStrictEqual({
      metric: 'nps',
      unit: 'points',
      value: 40,
      total: 5,
      promoters: { count: 3, percent: 60 },
      passives: { count: 1, percent: 20 },
      detractors: { count: 1, percent: 20 },
      excluded: 0,
      warnings: [{ code: 'small-sample', message: expect.any(String) }],
    });
  });
  it('gives null shares and value for no answers, and a complete result all the same', () => {
    expect(nps([])).toStrictEqual({
      metric: 'nps',
      unit: 'points',
      value: null,
      total: 0,
      promoters: { count: 0, percent: null },
      passives: { count: 0, percent: null },
      detractors: { count: 0, percent: null },
      excluded: 0,
      warnings: [],
    });
  });
  it('handles one answer and every boundary of the default cut-offs', () => {
    expect(nps([6]).value).toBe(-100);
    expect(nps([7]).value).toBe(0);
    expect(nps([8]).value).toBe(0);
    expect(nps([9]).value).toBe(100);
    expect(nps([0]).value).toBe(-100);
    expect(nps([10]).value).toBe(100);
  });
  it('moves the cut-offs and the scale', () => {
    expect(nps([8, 5, 4], { promoterMin: 8, detractorMax: 4 })).toMatchObject({ value: 0, passives: { count: 1 } });
    expect(nps([1, 10], { scale: { min: 1, max: 10 } }).value).toBe(0);
    expect(nps([0, 1, 2, 3, 4], { scale: { min: 0, max: 4 }, promoterMin: 4, detractorMax: 2 }).value).toBe(-40);
  });
  it('computes the value from exact counts, not from rounded shares', () => {
    // 1 promoter, 1 passive, 1 detractor of 3 at 0 decimals: shares 34/33/33, value exactly 0.
    const r = nps([10, 7, 0], { decimals: 0 });
    expect(r.value).toBe(0);
    expect([r.promoters.percent, r.passives.percent, r.detractors.percent]).toStrictEqual([34, 33, 33]);
    // 2 promoters, 1 detractor of 7: 100/7 = 14.285...
    expect(nps([10, 10, 0, 7, 7, 7, 7], { decimals: 2 }).value).toBe(14.29);
  });
  it('rounds ties as asked, never to -0', () => {
    // (1 - 2) / 8 = -12.5
    const scores = [10, 0, 0, 7, 7, 7, 7, 7];
    expect(nps(scores, { decimals: 0 }).value).toBe(-13);
    expect(nps(scores, { decimals: 0, rounding: 'half-even' }).value).toBe(-12);
    // (1 - 1) / n is 0, never -0
    expect(Object.is(nps([10, 0]).value, 0)).toBe(true);
  });
  it('forms a weighted score exactly before rounding it, however many digits its weight sums have', () => {
    // Promoters weigh 1000 + 3e-9 (the double nearest 3e-9), passives 7 times that: the score is exactly 12.5,
    // a tie that rounds half up to 13, though the weight sums have more than 80 significant digits.
    const scores = [10, 10, ...new Array<number>(14).fill(8)];
    const weights = new Array<number>(8).fill(0).flatMap(() => [1000, 3e-9]);
    expect(nps(scores, { weights }).value).toBe(12.5);
    expect(nps(scores, { weights, decimals: 0 }).value).toBe(13);
    expect(nps(scores, { weights, decimals: 0, rounding: 'half-even' }).value).toBe(12);
  });
  it('accepts typed arrays of every kind', () => {
    const scores = [10, 9, 8, 6, 10];
    for (const T of [Uint8Array, Int8Array, Uint8ClampedArray, Int16Array, Uint16Array, Int32Array, Uint32Array, Float32Array, Float64Array]) {
      expect(nps(new T(scores)).value).toBe(40);
    }
  });
  it('reads frozen input and never changes it', () => {
    const scores = Object.freeze([10, 9, 8, 6, 10]);
    expect(nps(scores).value).toBe(40);
    expect(scores).toStrictEqual([10, 9, 8, 6, 10]);
  });
  it('returns a frozen, JSON-safe result', () => {
    const r = nps([10, 9, 8]);
    expect(Object.isFrozen(r)).toBe(true);
    expect(Object.isFrozen(r.promoters)).toBe(true);
    expect(JSON.parse(JSON.stringify(r))).toStrictEqual(r);
  });
});

describe('nps: missing answers', () => {
  it('throws on null, undefined, NaN and holes by default', () => {
    expectMetricsError(() => nps([10, null]), 'nps', ['scores', 1], 'missing-value');
    expectMetricsError(() => nps([10, undefined]), 'nps', ['scores', 1], 'missing-value');
    expectMetricsError(() => nps([NaN]), 'nps', ['scores', 0], 'missing-value');
    // eslint-disable-next-line no-sparse-arrays
    // biome-ignore lint/suspicious/noSparseArray: a hole is the missing answer under test
    expectMetricsError(() => nps([10, , 9]), 'nps', ['scores', 1], 'missing-value');
    expectMetricsError(() => nps(new Float64Array([1, NaN])), 'nps', ['scores', 1], 'missing-value');
  });
  it("skips them under missing: 'exclude' and reports how many", () => {
    const r = nps([10, null, NaN, undefined, 0], { missing: 'exclude' });
    expect(r).toMatchObject({ value: 0, total: 2, excluded: 3 });
    expect(nps(new Float32Array([NaN, 9]), { missing: 'exclude' })).toMatchObject({ value: 100, excluded: 1 });
    expect(npsCounts([null], { missing: 'exclude' })).toStrictEqual({ metric: 'nps', promoters: 0, passives: 0, detractors: 0, excluded: 1 });
  });
});

describe('nps: invalid input', () => {
  it('rejects answers off the scale, non-integers and other types, at their index', () => {
    expectMetricsError(() => nps([10, 11]), 'nps', ['scores', 1], 'out-of-range');
    expectMetricsError(() => nps([-1]), 'nps', ['scores', 0], 'out-of-range');
    expectMetricsError(() => nps([9.5]), 'nps', ['scores', 0], 'out-of-range');
    expectMetricsError(() => nps([Infinity]), 'nps', ['scores', 0], 'out-of-range');
    expectMetricsError(() => nps(['9' as unknown as number]), 'nps', ['scores', 0], 'invalid-type');
    expectMetricsError(() => nps(new Uint8Array([10, 200])), 'nps', ['scores', 1], 'out-of-range');
    expectMetricsError(() => nps(new Int8Array([-3])), 'nps', ['scores', 0], 'out-of-range');
    expectMetricsError(() => nps(new Float64Array([2.5])), 'nps', ['scores', 0], 'out-of-range');
    expectMetricsError(() => nps([0], { scale: { min: 1, max: 10 } }), 'nps', ['scores', 0], 'out-of-range');
  });
  it('rejects a non-array', () => {
    expectMetricsError(() => nps(5 as unknown as number[]), 'nps', ['scores'], 'invalid-type');
    expectMetricsError(() => nps(null as unknown as number[]), 'nps', ['scores'], 'invalid-type');
    expectMetricsError(() => nps(new Set([1]) as unknown as number[]), 'nps', ['scores'], 'invalid-type');
  });
  it('rejects bad options with their paths', () => {
    expectMetricsError(() => nps([], 5 as never), 'nps', ['options'], 'invalid-type');
    expectMetricsError(() => nps([], { scale: { min: 0, max: 10.5 } }), 'nps', ['options', 'scale', 'max'], 'out-of-range');
    expectMetricsError(() => nps([], { scale: { min: 5, max: 5 } }), 'nps', ['options', 'scale', 'max'], 'inconsistent');
    expectMetricsError(() => nps([], { scale: { min: 0, max: 5000 } }), 'nps', ['options', 'scale', 'max'], 'out-of-range');
    expectMetricsError(() => nps([], { scale: { min: 0 } } as never), 'nps', ['options', 'scale', 'max'], 'missing-value');
    expectMetricsError(() => nps([], { promoterMin: 11 }), 'nps', ['options', 'promoterMin'], 'out-of-range');
    expectMetricsError(() => nps([], { detractorMax: 9 }), 'nps', ['options', 'detractorMax'], 'inconsistent');
    expectMetricsError(() => nps([], { detractorMax: -1 }), 'nps', ['options', 'detractorMax'], 'out-of-range');
    expectMetricsError(() => nps([], { decimals: 16 }), 'nps', ['options', 'decimals'], 'out-of-range');
    expectMetricsError(() => nps([], { decimals: 1.5 }), 'nps', ['options', 'decimals'], 'out-of-range');
    expectMetricsError(() => nps([], { rounding: 'up' as never }), 'nps', ['options', 'rounding'], 'invalid-value');
    expectMetricsError(() => nps([], { missing: 'skip' as never }), 'nps', ['options', 'missing'], 'invalid-value');
    expectMetricsError(() => nps([], { promoterMinimum: 9 } as never), 'nps', ['options', 'promoterMinimum'], 'unknown-key');
  });
  it('reports every bad option at once', () => {
    const e = expectMetricsError(() => nps([], { decimals: -1, rounding: 'x' as never }), 'nps', ['options', 'decimals']);
    expect(e.issues.map((i) => i.path)).toStrictEqual([
      ['options', 'decimals'],
      ['options', 'rounding'],
    ]);
  });
  it('rejects bad tallies', () => {
    expectMetricsError(() => npsFromCounts({ promoters: -1, passives: 0, detractors: 0 }), 'nps', ['counts', 'promoters'], 'out-of-range');
    expectMetricsError(() => npsFromCounts({ promoters: 1, passives: 0.5, detractors: 0 }), 'nps', ['counts', 'passives'], 'out-of-range');
    expectMetricsError(() => npsFromCounts({ promoters: 1, passives: 0 } as never), 'nps', ['counts', 'detractors'], 'missing-value');
    expectMetricsError(() => npsFromCounts({ promoters: 1, passives: 0, detractors: 0, metric: 'csat' } as never), 'nps', ['counts', 'metric']);
    expectMetricsError(() => npsFromCounts({ promoters: 1, passives: 0, detractors: 0, extra: 1 } as never), 'nps', ['counts', 'extra'], 'unknown-key');
    expectMetricsError(() => npsFromCounts({ promoters: Number.MAX_SAFE_INTEGER, passives: 0, detractors: 1 }), 'nps', ['counts'], 'out-of-range');
  });
});

describe('nps: integer typed arrays at the ends of the number range', () => {
  it('refuses an answer off the scale whatever the scale and the array type', () => {
    const cut = (min: number) => ({ scale: { min, max: min + 10 }, promoterMin: min + 9, detractorMax: min + 6 });
    expectMetricsError(() => nps(new Uint32Array([4294967295, 9]), { scale: { min: -1, max: 9 }, promoterMin: 8, detractorMax: 5 }), 'nps', ['scores', 0]);
    expectMetricsError(() => nps(new Uint8Array([0]), cut(2 ** 32)), 'nps', ['scores', 0]);
    expectMetricsError(() => nps(new Int32Array([-(2 ** 31)]), cut(2 ** 31 - 11)), 'nps', ['scores', 0]);
    expectMetricsError(() => nps(new Int32Array([2 ** 31 - 1]), cut(-(2 ** 31))), 'nps', ['scores', 0]);
    expect(nps(new Uint32Array([2 ** 32 - 1]), cut(2 ** 32 - 11)).value).toBe(100);
  });
});
