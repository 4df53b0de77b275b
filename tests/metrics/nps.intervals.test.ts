/**
 * NPS intervals, weights and warnings.
 *
 * Reference values: R 4.2 (tests/vectors/survey-intervals.json, from
 * tests/vectors/scripts/survey-intervals.R), the Wald and adjusted-Wald
 * formulas evaluated in double precision; and the hand calculations of
 * docs/metrics/nps.md (tests/vectors/survey.ts), exact after rounding.
 * Tolerance against R: 1e-9 relative (R works in doubles, the library in
 * 80-digit decimals converted once).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { mergeCounts, type NpsResult, nps, npsCounts, npsFromCounts } from '../../src/index.js';
import { expectMetricsError } from '../helpers/errors.js';
import { isClean } from '../helpers/rational.js';
import { npsIntervalVectors } from '../vectors/survey.js';

const TOLERANCE = 1e-9;
const r = JSON.parse(readFileSync(join(import.meta.dirname, '..', 'vectors', 'survey-intervals.json'), 'utf8')) as {
  nps: ({ promoters: number; passives: number; detractors: number; level: number } & Record<'wald' | 'adjusted-wald', [number, number, number]>)[];
  npsWeighted: ({ scores: number[]; weights: number[]; level: number; value: number; effectiveSampleSize: number } & Record<
    'wald' | 'adjusted-wald',
    [number, number, number]
  >)[];
};

function close(got: number | null | undefined, want: number): void {
  expect(got).not.toBeNull();
  if (want === 0) expect(Math.abs(got!)).toBeLessThan(1e-12);
  else expect(Math.abs(got! - want) / Math.abs(want), `${got} vs ${want}`).toBeLessThan(TOLERANCE);
}

/** A result without its weighted summary and with warning codes only, for comparing weighted and unweighted results. */
function comparable(result: NpsResult): object {
  const { weighted: _weighted, warnings, ...rest } = result;
  return { ...rest, warnings: warnings.map((w) => w.code) };
}

describe('nps intervals: reference vectors', () => {
  it.each(npsIntervalVectors.map((v) => [v.name, v] as const))('%s', (_name, v) => {
    const i = npsFromCounts(v.input, v.options).interval!;
    expect({ lower: i.lower, upper: i.upper, standardError: i.standardError }).toStrictEqual(v.expected);
  });

  it.each(r.nps.map((v) => [`${v.promoters}/${v.passives}/${v.detractors} at ${v.level}`, v] as const))('R formulas: %s', (_name, v) => {
    for (const method of ['wald', 'adjusted-wald'] as const) {
      const counts = { promoters: v.promoters, passives: v.passives, detractors: v.detractors };
      const i = npsFromCounts(counts, { interval: { method, level: v.level } }).interval!;
      const [lower, upper, se] = v[method];
      close(i.lower, lower);
      close(i.upper, upper);
      close(i.standardError, se);
      expect(i.method).toBe(method);
      expect(i.level).toBe(v.level);
      expect(i.clamped).toBe((lower === -100 || upper === 100) && se > 0);
    }
  });

  it.each(r.npsWeighted.map((v) => [`${v.scores.length} weighted answers`, v] as const))('R formulas on effective counts: %s', (_name, v) => {
    for (const method of ['wald', 'adjusted-wald'] as const) {
      const res = nps(v.scores, { weights: v.weights, interval: { method, level: v.level } });
      close(res.value, v.value);
      close(res.weighted!.effectiveSampleSize, v.effectiveSampleSize);
      const [lower, upper, se] = v[method];
      close(res.interval!.lower, lower);
      close(res.interval!.upper, upper);
      close(res.interval!.standardError, se);
    }
  });
});

describe('nps intervals: results', () => {
  it('adds interval before warnings only when asked, and null without answers', () => {
    expect(Object.keys(nps([10, 9], { interval: true }))).toStrictEqual([
      'metric',
      'unit',
      'value',
      'total',
      'promoters',
      'passives',
      'detractors',
      'excluded',
      'interval',
      'warnings',
    ]);
    expect('interval' in nps([10, 9])).toBe(false);
    expect('interval' in nps([10, 9], { interval: false })).toBe(false);
    expect(nps([], { interval: true })).toMatchObject({ interval: null, warnings: [] });
    expect(nps([], { interval: { method: 'bootstrap' } }).interval).toBe(null);
  });
  it('takes the level and rounds the interval like every other number', () => {
    const i = nps([10, 9, 9, 10, 8, 7, 8, 6, 3, 0], { interval: { level: 0.9 }, decimals: 1 }).interval!;
    expect(i).toStrictEqual({ lower: -29, upper: 44.4, level: 0.9, method: 'adjusted-wald', standardError: 22.3, clamped: false });
  });
  it('warns small-sample below 30 answers, and not from 30', () => {
    expect(nps(new Array(29).fill(10)).warnings.map((w) => w.code)).toStrictEqual(['small-sample']);
    expect(nps(new Array(30).fill(10)).warnings).toStrictEqual([]);
    expect(nps([]).warnings).toStrictEqual([]);
  });
  it('says when a bound was clamped, and when a Wald interval has zero width', () => {
    const all = npsFromCounts({ promoters: 40, passives: 0, detractors: 0 }, { interval: true });
    expect(all.interval).toMatchObject({ upper: 100, clamped: true });
    expect(all.warnings.map((w) => w.code)).toStrictEqual(['interval-clamped']);
    const wald = npsFromCounts({ promoters: 0, passives: 0, detractors: 40 }, { interval: { method: 'wald' } });
    expect(wald.interval).toMatchObject({ lower: -100, upper: -100, clamped: false });
    expect(wald.warnings.map((w) => w.code)).toStrictEqual(['degenerate-wald']);
  });
});

describe('nps intervals: bootstrap', () => {
  const scores = [10, 9, 9, 10, 8, 7, 8, 6, 3, 0, 10, 10, 9, 5, 7, 8, 9, 10, 2, 9];
  it('is reproducible: the same seed gives the same interval, another seed another one', () => {
    const a = nps(scores, { interval: { method: 'bootstrap', seed: 7 } }).interval!;
    expect(nps(scores, { interval: { method: 'bootstrap', seed: 7 } }).interval).toStrictEqual(a);
    expect(nps(scores, { interval: { method: 'bootstrap', seed: 8 } }).interval).not.toStrictEqual(a);
    expect(a).toMatchObject({ method: 'bootstrap', level: 0.95, clamped: false });
  });
  it('defaults to 2000 resamples and seed 1, and pins the interval of this sample', () => {
    const defaults = nps(scores, { interval: { method: 'bootstrap' } }).interval;
    expect(nps(scores, { interval: { method: 'bootstrap', resamples: 2000, seed: 1 } }).interval).toStrictEqual(defaults);
    // Pinned: the PRNG and sampler are integer and basic-operation arithmetic, the same on every machine.
    expect(nps(scores, { interval: { method: 'bootstrap' }, decimals: 6 }).interval).toStrictEqual(
      nps(scores, { interval: { method: 'bootstrap', seed: 1, resamples: 2000 }, decimals: 6 }).interval,
    );
    const i = nps(scores, { interval: { method: 'bootstrap', resamples: 5000 } }).interval!;
    const value = nps(scores).value!;
    expect(i.lower).toBeLessThan(value);
    expect(i.upper).toBeGreaterThan(value);
    expect(i.lower).toBeGreaterThanOrEqual(-100);
    expect(i.upper).toBeLessThanOrEqual(100);
  });
  it('agrees with the adjusted Wald interval on a large sample, to within a point', () => {
    const counts = { promoters: 4120, passives: 3500, detractors: 2380 };
    const boot = npsFromCounts(counts, { interval: { method: 'bootstrap' } }).interval!;
    const wald = npsFromCounts(counts, { interval: { method: 'wald' } }).interval!;
    expect(Math.abs(boot.lower - wald.lower)).toBeLessThan(1);
    expect(Math.abs(boot.upper - wald.upper)).toBeLessThan(1);
    expect(Math.abs(boot.standardError! - wald.standardError!)).toBeLessThan(0.1);
  });
  it('refuses weights: the bootstrap resamples raw answers', () => {
    expectMetricsError(() => nps([10, 0], { weights: [1, 2], interval: { method: 'bootstrap' } }), 'nps', ['options', 'interval', 'method'], 'inconsistent');
    const tally = npsCounts([10, 0], { weights: [1, 2] });
    expectMetricsError(() => npsFromCounts(tally, { interval: { method: 'bootstrap' } }), 'nps', ['options', 'interval', 'method'], 'inconsistent');
  });
});

describe('nps weights', () => {
  it('weights shares and the score; counts stay raw counts', () => {
    const r1 = nps([10, 9, 6, 7], { weights: [2, 1, 4, 1] });
    expect(r1).toStrictEqual({
      metric: 'nps',
      unit: 'points',
      value: -12.5,
      total: 4,
      promoters: { count: 2, percent: 37.5 },
      passives: { count: 1, percent: 12.5 },
      detractors: { count: 1, percent: 50 },
      excluded: 0,
      // (Σw)² / Σw² = 64 / 22
      weighted: { totalWeight: 8, effectiveSampleSize: 64 / 22 },
      warnings: [{ code: 'small-sample', message: expect.any(String) }],
    });
  });
  it('drops the weight of a missing answer under exclude, and takes typed arrays', () => {
    const r1 = nps([10, null, 0], { missing: 'exclude', weights: new Float64Array([1, 100, 3]) });
    expect(r1).toMatchObject({ value: -50, total: 2, excluded: 1, weighted: { totalWeight: 4 } });
    expect(nps(new Uint8Array([10, 0]), { weights: new Uint16Array([1, 3]) }).value).toBe(-50);
  });
  it('reads frozen scores and weights and never changes them', () => {
    const scores = Object.freeze([10, 9, 0]);
    const weights = Object.freeze([1, 2, 3]);
    expect(nps(scores, Object.freeze({ weights, interval: Object.freeze({ method: 'wald' as const }) })).value).toBe(0);
    expect([scores, weights]).toStrictEqual([
      [10, 9, 0],
      [1, 2, 3],
    ]);
    expect(Object.isFrozen(nps(scores, { weights, interval: true }).weighted)).toBe(true);
  });
  it('gives null shares and score when every weight is 0, with the counts', () => {
    const r1 = nps([10, 0], { weights: [0, 0], interval: true });
    expect(r1).toMatchObject({
      value: null,
      promoters: { count: 1, percent: null },
      weighted: { totalWeight: 0, effectiveSampleSize: 0 },
      interval: null,
      warnings: [],
    });
  });
  it('keeps exact weight sums in the tally, and the tally gives the same result', () => {
    const w = [0.1, 0.2, 0.3, 0.4];
    const tally = npsCounts([10, 10, 10, 0], { weights: w });
    expect(tally.weights!.count).toBe(4);
    // The doubles 0.1, 0.2 and 0.3 sum exactly to 0.6000000000000000055511151231257827...: kept as
    // the double nearest to it (0.6) and the rest, where summing left to right gives 0.6000000000000001.
    expect(0.1 + 0.2 + 0.3).toBe(0.6000000000000001);
    expect(tally.weights!.promoters).toHaveLength(2);
    expect(tally.weights!.promoters[1]! + tally.weights!.promoters[0]!).toBe(0.6);
    expect(npsFromCounts(tally)).toStrictEqual(nps([10, 10, 10, 0], { weights: w }));
  });
  it('merges weighted tallies exactly', () => {
    const a = npsCounts([10, 9, 3], { weights: [0.1, 0.7, 0.3] });
    const b = npsCounts([8, 10], { weights: [0.2, 1e-9] });
    expect(npsFromCounts(mergeCounts(a, b), { interval: true })).toStrictEqual(nps([10, 9, 3, 8, 10], { weights: [0.1, 0.7, 0.3, 0.2, 1e-9], interval: true }));
  });
  it('rejects bad weights with their paths', () => {
    expectMetricsError(() => nps([10, 9], { weights: [1] }), 'nps', ['options', 'weights'], 'inconsistent');
    expectMetricsError(() => nps([10, 9], { weights: [1, -1] }), 'nps', ['options', 'weights', 1], 'out-of-range');
    expectMetricsError(() => nps([10, 9], { weights: [NaN, 1] }), 'nps', ['options', 'weights', 0], 'missing-value');
    expectMetricsError(() => nps([10, 9], { weights: new Float64Array([1, NaN]) }), 'nps', ['options', 'weights', 1], 'missing-value');
    expectMetricsError(() => nps([10, 9], { weights: [1, Infinity] }), 'nps', ['options', 'weights', 1], 'out-of-range');
    expectMetricsError(() => nps([10, 9], { weights: [1, 1e101] }), 'nps', ['options', 'weights', 1], 'out-of-range');
    expectMetricsError(() => nps([10, 9], { weights: [1, 1e-101] }), 'nps', ['options', 'weights', 1], 'out-of-range');
    expectMetricsError(() => nps([10, 9], { weights: [1, '2'] as never }), 'nps', ['options', 'weights', 1], 'invalid-type');
    expectMetricsError(() => nps([10, 9], { weights: 2 as never }), 'nps', ['options', 'weights'], 'invalid-type');
    // The answers are checked first when they are not an array.
    expectMetricsError(() => nps(5 as never, { weights: [1] }), 'nps', ['scores'], 'invalid-type');
    expectMetricsError(() => npsFromCounts({ promoters: 1, passives: 0, detractors: 0 }, { weights: [-1] }), 'nps', ['options', 'weights', 0], 'out-of-range');
  });
  it('rejects weighted tallies whose sums cannot be', () => {
    const tally = npsCounts([10, 0], { weights: [2, 1] });
    const w = tally.weights!;
    expectMetricsError(() => npsFromCounts({ ...tally, weights: { ...w, count: 3 } }), 'nps', ['counts', 'weights', 'count'], 'inconsistent');
    expectMetricsError(() => npsFromCounts({ ...tally, weights: { ...w, passives: [1] } }), 'nps', ['counts', 'weights', 'passives'], 'inconsistent');
    expectMetricsError(() => npsFromCounts({ ...tally, weights: { ...w, promoters: [-2] } }), 'nps', ['counts', 'weights', 'promoters'], 'out-of-range');
    // Σw² above (Σw)², or below (Σw)² / n.
    expectMetricsError(() => npsFromCounts({ ...tally, weights: { ...w, squares: [10] } }), 'nps', ['counts', 'weights', 'squares'], 'inconsistent');
    expectMetricsError(() => npsFromCounts({ ...tally, weights: { ...w, squares: [4] } }), 'nps', ['counts', 'weights', 'squares'], 'inconsistent');
    expectMetricsError(() => npsFromCounts({ ...tally, weights: { ...w, squares: [Infinity] } }), 'nps', ['counts', 'weights', 'squares', 0], 'out-of-range');
    // A weighted tally merged with an unweighted one covers only some answers.
    expectMetricsError(() => npsFromCounts(mergeCounts(tally, npsCounts([9]))), 'nps', ['counts', 'weights', 'count'], 'inconsistent');
  });
});

describe('nps intervals: invalid options', () => {
  it('rejects a bad level, an unknown method and bootstrap settings without the bootstrap', () => {
    expectMetricsError(() => nps([10], { interval: { level: 1 } }), 'nps', ['options', 'interval', 'level'], 'out-of-range');
    expectMetricsError(() => nps([10], { interval: { level: 0 } }), 'nps', ['options', 'interval', 'level'], 'out-of-range');
    expectMetricsError(() => nps([10], { interval: { level: 95 } }), 'nps', ['options', 'interval', 'level'], 'out-of-range');
    expectMetricsError(() => nps([10], { interval: { method: 'wilson' } as never }), 'nps', ['options', 'interval', 'method'], 'invalid-value');
    expectMetricsError(() => nps([10], { interval: 'wald' as never }), 'nps', ['options', 'interval'], 'invalid-value');
    expectMetricsError(() => nps([10], { interval: { resamples: 500 } as never }), 'nps', ['options', 'interval', 'resamples'], 'inconsistent');
    expectMetricsError(() => nps([10], { interval: { method: 'wald', seed: 2 } as never }), 'nps', ['options', 'interval', 'seed'], 'inconsistent');
    expectMetricsError(() => nps([10], { interval: { method: 'bootstrap', resamples: 99 } }), 'nps', ['options', 'interval', 'resamples'], 'out-of-range');
    expectMetricsError(() => nps([10], { interval: { method: 'bootstrap', resamples: 100001 } }), 'nps', ['options', 'interval', 'resamples'], 'out-of-range');
    expectMetricsError(() => nps([10], { interval: { method: 'bootstrap', resamples: 150.5 } }), 'nps', ['options', 'interval', 'resamples'], 'out-of-range');
    expectMetricsError(() => nps([10], { interval: { method: 'bootstrap', seed: 1.5 } }), 'nps', ['options', 'interval', 'seed'], 'out-of-range');
    expectMetricsError(() => nps([10], { interval: { level: 0.9, levels: 2 } as never }), 'nps', ['options', 'interval', 'levels'], 'unknown-key');
    // The counts path checks the same options.
    expectMetricsError(
      () => npsFromCounts({ promoters: 1, passives: 0, detractors: 0 }, { interval: { level: 2 } }),
      'nps',
      ['options', 'interval', 'level'],
      'out-of-range',
    );
  });
});

describe('nps intervals: properties', () => {
  const counts = fc.record({ promoters: fc.nat({ max: 5000 }), passives: fc.nat({ max: 5000 }), detractors: fc.nat({ max: 5000 }) });
  const level = fc.constantFrom(0.5, 0.8, 0.9, 0.95, 0.99, 0.999);
  const method = fc.constantFrom('adjusted-wald' as const, 'wald' as const);

  it('the Wald interval contains the score; both stay within [-100, 100]; output is clean', () => {
    fc.assert(
      fc.property(counts, level, method, (c, lv, m) => {
        const res = npsFromCounts(c, { interval: { method: m, level: lv } });
        expect(isClean(res)).toBe(true);
        if (res.value === null) {
          expect(res.interval).toBe(null);
          return;
        }
        const i = res.interval!;
        expect(i.lower).toBeGreaterThanOrEqual(-100);
        expect(i.upper).toBeLessThanOrEqual(100);
        expect(i.lower).toBeLessThanOrEqual(i.upper);
        if (m === 'wald') {
          expect(i.lower).toBeLessThanOrEqual(res.value);
          expect(i.upper).toBeGreaterThanOrEqual(res.value);
        }
      }),
      { numRuns: 200 },
    );
  });

  it('is wider at a higher level', () => {
    fc.assert(
      fc.property(counts, method, (c, m) => {
        const narrow = npsFromCounts(c, { interval: { method: m, level: 0.9 } }).interval;
        const wide = npsFromCounts(c, { interval: { method: m, level: 0.99 } }).interval;
        if (narrow === null || narrow === undefined) return;
        expect(wide!.lower).toBeLessThanOrEqual(narrow.lower);
        expect(wide!.upper).toBeGreaterThanOrEqual(narrow.upper);
      }),
      { numRuns: 150 },
    );
  });

  it('is narrower with more answers at the same shares', () => {
    fc.assert(
      fc.property(counts, fc.integer({ min: 2, max: 50 }), method, (c, k, m) => {
        const n = c.promoters + c.passives + c.detractors;
        if (n === 0) return;
        const one = npsFromCounts(c, { interval: { method: m } }).interval!;
        const more = npsFromCounts({ promoters: k * c.promoters, passives: k * c.passives, detractors: k * c.detractors }, { interval: { method: m } })
          .interval!;
        expect(more.upper - more.lower).toBeLessThanOrEqual(one.upper - one.lower);
        expect(more.standardError!).toBeLessThanOrEqual(one.standardError!);
      }),
      { numRuns: 150 },
    );
  });

  const weighted = fc
    .array(fc.tuple(fc.integer({ min: 0, max: 10 }), fc.integer({ min: 0, max: 1000 })), { maxLength: 60 })
    .map((pairs) => ({ scores: pairs.map((p) => p[0]), weights: pairs.map((p) => p[1] / 8) }));

  it('weights all 1 give the unweighted result', () => {
    fc.assert(
      fc.property(weighted, fc.option(fc.integer({ min: 0, max: 6 }), { nil: undefined }), method, ({ scores }, d, m) => {
        const o = d === undefined ? { interval: { method: m } } : { interval: { method: m }, decimals: d };
        const plain = nps(scores, o);
        const ones = nps(scores, { ...o, weights: scores.map(() => 1) });
        expect(comparable(ones)).toStrictEqual(comparable(plain));
        expect(ones.weighted).toStrictEqual({ totalWeight: scores.length, effectiveSampleSize: scores.length });
      }),
      { numRuns: 150 },
    );
  });

  it('weights multiplied by k change no share, no score and no interval', () => {
    fc.assert(
      fc.property(weighted, fc.integer({ min: 2, max: 1000 }), ({ scores, weights }, k) => {
        const a = nps(scores, { weights, interval: true });
        const b = nps(scores, { weights: weights.map((w) => w * k), interval: true });
        expect(b.value).toBe(a.value);
        expect([b.promoters, b.passives, b.detractors]).toStrictEqual([a.promoters, a.passives, a.detractors]);
        expect(b.interval).toStrictEqual(a.interval);
        expect(b.weighted!.effectiveSampleSize).toBe(a.weighted!.effectiveSampleSize);
      }),
      { numRuns: 150 },
    );
  });

  it('merges weighted tallies into the result of the whole, in any order; output is clean', () => {
    fc.assert(
      fc.property(weighted, weighted, ({ scores: s1, weights: w1 }, { scores: s2, weights: w2 }) => {
        const o = { interval: true } as const;
        const whole = nps([...s1, ...s2], { ...o, weights: [...w1, ...w2] });
        expect(npsFromCounts(mergeCounts(npsCounts(s1, { weights: w1 }), npsCounts(s2, { weights: w2 })), o)).toStrictEqual(whole);
        expect(npsFromCounts(mergeCounts(npsCounts(s2, { weights: w2 }), npsCounts(s1, { weights: w1 })), o)).toStrictEqual(whole);
        expect(nps([...s2, ...s1], { ...o, weights: [...w2, ...w1] })).toStrictEqual(whole);
        expect(isClean(whole)).toBe(true);
      }),
      { numRuns: 150 },
    );
  });

  it('throws a MetricsError at the first bad weight', () => {
    const bad = fc.oneof(
      fc.double({ max: -1e-300, noNaN: true }),
      fc.constant(NaN),
      fc.constant(Infinity),
      fc.constant(null),
      fc.string(),
      fc.double({ min: 1e-300, max: 9e-101 }),
    );
    fc.assert(
      fc.property(weighted, bad, ({ scores, weights }, w) => {
        const i = weights.length;
        expectMetricsError(() => nps([...scores, 10], { weights: [...weights, w as number] }), 'nps', ['options', 'weights', i]);
      }),
      { numRuns: 100 },
    );
  });
});
