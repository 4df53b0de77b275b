/**
 * CSAT and CES intervals, variances, weights and warnings.
 *
 * Reference values:
 * - statsmodels 0.13.5 `proportion_confint` for the five methods
 *   (tests/vectors/proportion-intervals.json, 721 rows, from
 *   tests/vectors/scripts/proportions.py), read as CSAT tallies with `count`
 *   satisfied answers of `nobs`;
 * - R 4.2 (tests/vectors/survey-intervals.json, from
 *   tests/vectors/scripts/survey-intervals.R): the five intervals, `t.test`
 *   and `var` on whole answer lists, and weighted rows (`weighted.mean`,
 *   `cov.wt`, Kish's effective sample size, Wilson and t at that size);
 * - hand calculations of docs/metrics/csat.md (tests/vectors/survey.ts).
 *
 * Tolerance: 1e-9 relative, the agreement required with R and statsmodels.
 * Where a bound is 0 or 100 by construction, statsmodels leaves up to 2.2e-16
 * of noise (on [0, 1]); there the bound must be within 1e-12 absolute.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type CsatResult, ces, cesCounts, cesFromCounts, csat, csatCounts, csatFromCounts, mergeCounts } from '../../src/index.js';
import { expectMetricsError } from '../helpers/errors.js';
import { isClean } from '../helpers/rational.js';
import { csatIntervalVectors } from '../vectors/survey.js';

const TOLERANCE = 1e-9;
const vectors = join(import.meta.dirname, '..', 'vectors');
const statsmodels = JSON.parse(readFileSync(join(vectors, 'proportion-intervals.json'), 'utf8')) as {
  proportion: ({ count: number; nobs: number; alpha: number } & Record<string, [number, number]>)[];
};
type Bounds = [number, number];
interface ScaleRow {
  name: string;
  points: Record<string, number>;
  scale: { min: number; max: number };
  selected: number[];
  level: number;
  value: number;
  mean: number;
  variance: number;
  intervals: Record<Method, Bounds>;
  meanInterval: Bounds;
}
interface WeightedRow {
  name: string;
  answers: number[];
  weights: number[];
  scale: { min: number; max: number };
  selected: number[];
  level: number;
  value: number;
  mean: number;
  variance: number;
  totalWeight: number;
  effectiveSampleSize: number;
  wilson: Bounds;
  meanInterval: Bounds;
}
const r = JSON.parse(readFileSync(join(vectors, 'survey-intervals.json'), 'utf8')) as { csat: ScaleRow[]; ces: ScaleRow[]; weighted: WeightedRow[] };

type Method = 'wilson' | 'agresti-coull' | 'jeffreys' | 'clopper-pearson' | 'wald';
const METHODS: Method[] = ['wilson', 'agresti-coull', 'jeffreys', 'clopper-pearson', 'wald'];
const STATSMODELS: Record<Method, string> = {
  wilson: 'wilson',
  'agresti-coull': 'agresti_coull',
  jeffreys: 'jeffreys',
  'clopper-pearson': 'beta',
  wald: 'normal',
};

function close(got: number | null | undefined, want: number, absolute = 0): void {
  expect(got).not.toBeNull();
  expect(got).not.toBeUndefined();
  if (absolute > 0 && Math.abs(got! - want) <= absolute) return;
  if (want === 0) expect(got).toBe(0);
  else expect(Math.abs(got! - want) / Math.abs(want), `${got} vs ${want}`).toBeLessThan(TOLERANCE);
}

/** The level a caller writes for statsmodels' alpha: 0.05 -> 0.95 (these subtractions are exact to the written decimal). */
function levelOf(alpha: number): number {
  return Number((1 - alpha).toPrecision(12));
}

describe('csat intervals: reference vectors', () => {
  it('37 of 50 satisfied with { method: "wilson" } is statsmodels proportion_confint(37, 50, method="wilson") * 100, to 1e-9 relative', () => {
    // statsmodels' Wilson interval is R's prop.test(37, 50, correct = FALSE)$conf.int (survey-intervals.json).
    const res = csatFromCounts({ points: { 1: 2, 2: 4, 3: 7, 4: 17, 5: 20 } }, { interval: { method: 'wilson' } });
    const want = r.csat.find((v) => v.name === '37 of 50 satisfied' && v.level === 0.95)!.intervals.wilson;
    close(res.interval!.lower, want[0]);
    close(res.interval!.upper, want[1]);
    expect(res.interval).toMatchObject({ level: 0.95, method: 'wilson', standardError: null, clamped: false });
  });

  it.each(csatIntervalVectors.map((v) => [v.name, v] as const))('hand calculation: %s', (_name, v) => {
    const i = csatFromCounts({ points: v.input }, v.options).interval!;
    expect({ lower: i.lower, upper: i.upper, standardError: i.standardError }).toStrictEqual(v.expected);
  });

  // The default method on every row (sizes 1 to 1e7); every method on sizes up to 1000 (the
  // distributions behind the beta methods are checked on every row in tests/core/intervals.test.ts).
  it.each(METHODS)('agrees with statsmodels: %s, at levels 0.5 to 0.9999', (method) => {
    for (const row of statsmodels.proportion) {
      if (method !== 'wilson' && row.nobs > 1000) continue;
      const counts = { points: { 1: row.nobs - row.count, 5: row.count } };
      {
        const [lower, upper] = row[STATSMODELS[method]]!;
        const i = csatFromCounts(counts, { interval: { method, level: levelOf(row.alpha) } }).interval!;
        close(i.lower, 100 * lower, 1e-12);
        close(i.upper, 100 * upper, 1e-12);
      }
    }
  });

  for (const metric of ['csat', 'ces'] as const) {
    it.each(r[metric].map((v) => [`${v.name} at ${v.level}`, v] as const))(`${metric}: R on whole answers: %s`, (_name, v) => {
      const key = metric === 'csat' ? 'satisfied' : 'easy';
      const fromCounts = metric === 'csat' ? csatFromCounts : cesFromCounts;
      for (const method of METHODS) {
        const res = fromCounts({ points: v.points }, { scale: v.scale, [key]: v.selected, interval: { method, level: v.level } }) as CsatResult;
        expect(res.value).toBe(v.value);
        close(res.mean, v.mean);
        close(res.variance, v.variance);
        const [lower, upper] = v.intervals[method];
        close(res.interval!.lower, lower, 1e-12);
        close(res.interval!.upper, upper, 1e-12);
        close(res.meanInterval!.lower, v.meanInterval[0]);
        close(res.meanInterval!.upper, v.meanInterval[1]);
        expect(res.meanInterval).toMatchObject({ level: v.level, method: 't', clamped: false });
      }
    });
  }

  it.each(r.weighted.map((v) => [v.name, v] as const))('R on weighted answers: %s', (_name, v) => {
    for (const run of [csat, ces] as const) {
      const key = run === csat ? 'satisfied' : 'easy';
      const res = run(v.answers, { weights: v.weights, scale: v.scale, [key]: v.selected, interval: { level: v.level } }) as CsatResult;
      close(res.value, v.value);
      close(res.mean, v.mean);
      close(res.variance, v.variance);
      close(res.weighted!.totalWeight, v.totalWeight);
      close(res.weighted!.effectiveSampleSize, v.effectiveSampleSize);
      close(res.interval!.lower, v.wilson[0]);
      close(res.interval!.upper, v.wilson[1]);
      close(res.meanInterval!.lower, v.meanInterval[0]);
      close(res.meanInterval!.upper, v.meanInterval[1]);
      expect(res.total).toBe(v.answers.length);
    }
  });
});

describe('csat and ces intervals: results', () => {
  it('adds meanInterval and interval before warnings only when asked', () => {
    expect(Object.keys(csat([5, 4], { interval: true }))).toStrictEqual([
      'metric',
      'unit',
      'value',
      'total',
      'satisfied',
      'mean',
      'variance',
      'distribution',
      'excluded',
      'meanInterval',
      'interval',
      'warnings',
    ]);
    expect(Object.keys(ces([5, 4], { weights: [1, 2], interval: true }))).toStrictEqual([
      'metric',
      'unit',
      'value',
      'total',
      'easy',
      'mean',
      'variance',
      'distribution',
      'excluded',
      'weighted',
      'meanInterval',
      'interval',
      'warnings',
    ]);
    const plain = csat([5, 4]);
    expect('interval' in plain || 'meanInterval' in plain || 'weighted' in plain).toBe(false);
  });
  it('gives null intervals and variance where they are undefined', () => {
    expect(csat([], { interval: true })).toMatchObject({ variance: null, interval: null, meanInterval: null, warnings: [] });
    // One answer: a proportion interval, but no variance for a mean.
    const one = csat([5], { interval: true });
    expect(one).toMatchObject({ variance: null, meanInterval: null, interval: { lower: expect.any(Number), upper: 100 } });
  });
  it('has a zero-width mean interval and variance 0 when every answer is the same', () => {
    const same = ces([7, 7, 7], { interval: true });
    expect(same.variance).toBe(0);
    expect(same.meanInterval).toStrictEqual({ lower: 7, upper: 7, level: 0.95, method: 't', standardError: 0, clamped: false });
  });
  it('rounds the intervals as asked', () => {
    const res = csatFromCounts({ points: { 1: 2, 2: 4, 3: 7, 4: 17, 5: 20 } }, { interval: { level: 0.9, method: 'clopper-pearson' }, decimals: 1 });
    expect(res.interval).toStrictEqual({ lower: 61.9, upper: 83.9, level: 0.9, method: 'clopper-pearson', standardError: null, clamped: false });
    expect(res.meanInterval).toMatchObject({ lower: 3.7, upper: 4.2, standardError: 0.2 });
  });
  it('warns small-sample for fewer than 30 answers or fewer than 10 on one side', () => {
    expect(csat(new Array(29).fill(5)).warnings.map((w) => w.code)).toStrictEqual(['small-sample']);
    expect(csatFromCounts({ points: { 1: 10, 5: 20 } }).warnings).toStrictEqual([]);
    expect(csatFromCounts({ points: { 1: 9, 5: 91 } }).warnings.map((w) => w.code)).toStrictEqual(['small-sample']);
    expect(csatFromCounts({ points: { 1: 91, 5: 9 } }).warnings.map((w) => w.code)).toStrictEqual(['small-sample']);
  });
  it('warns about a clamped or zero-width Wald interval', () => {
    const all = csatFromCounts({ points: { 5: 40 } }, { interval: { method: 'wald' } });
    expect(all.interval).toMatchObject({ lower: 100, upper: 100 });
    expect(all.warnings.map((w) => w.code)).toStrictEqual(['small-sample', 'degenerate-wald']);
    const clamped = csatFromCounts({ points: { 1: 1, 5: 39 } }, { interval: { method: 'wald' } });
    expect(clamped.interval).toMatchObject({ upper: 100, clamped: true });
    expect(clamped.warnings.map((w) => w.code)).toStrictEqual(['small-sample', 'interval-clamped']);
  });
});

describe('csat and ces weights', () => {
  it('weights shares, mean and variance; counts stay raw counts', () => {
    expect(csat([5, 4, 1], { weights: [2, 1, 1] })).toStrictEqual({
      metric: 'csat',
      unit: 'percent',
      value: 75,
      total: 3,
      satisfied: { count: 2, percent: 75 },
      mean: 3.75,
      // (Σw Σwx² - (Σwx)²) / ((Σw)² - Σw²) = (4 * 67 - 15²) / (16 - 6) = 4.3
      variance: 4.3,
      distribution: [
        { point: 1, count: 1, percent: 25 },
        { point: 2, count: 0, percent: 0 },
        { point: 3, count: 0, percent: 0 },
        { point: 4, count: 1, percent: 25 },
        { point: 5, count: 1, percent: 50 },
      ],
      excluded: 0,
      weighted: { totalWeight: 4, effectiveSampleSize: 16 / 6 },
      warnings: [{ code: 'small-sample', message: expect.any(String) }],
    });
  });
  it('takes labels, typed arrays, and drops the weight of a missing answer', () => {
    const labels = { yes: 1, no: 0 };
    expect(csat(['yes', null, 'no'], { scale: { min: 0, max: 1 }, labels, missing: 'exclude', weights: new Float32Array([3, 100, 1]) })).toMatchObject({
      value: 75,
      total: 2,
      excluded: 1,
      weighted: { totalWeight: 4 },
    });
  });
  it('rounds weighted shares so that they sum to 100', () => {
    const res = csat([1, 3, 5], { weights: [1, 1, 1.0000001], decimals: 0 });
    expect(res.distribution.map((d) => d.percent)).toStrictEqual([33, 0, 33, 0, 34]);
  });
  it('gives null shares, mean and variance when every weight is 0', () => {
    expect(csat([5, 1], { weights: [0, 0], interval: true })).toMatchObject({
      value: null,
      mean: null,
      variance: null,
      satisfied: { count: 1, percent: null },
      weighted: { totalWeight: 0, effectiveSampleSize: 0 },
      interval: null,
      meanInterval: null,
    });
  });
  it('keeps exact weight sums in the tally, and the tally gives the same result', () => {
    const tally = csatCounts([5, 5, 4], { weights: [0.1, 0.2, 3] });
    expect(tally.points).toStrictEqual({ 4: 1, 5: 2 });
    expect(tally.weights!.count).toBe(3);
    expect(tally.weights!.points['4']).toStrictEqual([3]);
    expect(csatFromCounts(tally, { interval: true })).toStrictEqual(csat([5, 5, 4], { weights: [0.1, 0.2, 3], interval: true }));
  });
  it('rejects bad weights and impossible weighted tallies with their paths', () => {
    expectMetricsError(() => csat([5, 4], { weights: [1, 2, 3] }), 'csat', ['options', 'weights'], 'inconsistent');
    expectMetricsError(() => ces([5, 4], { weights: [1, -0.5] }), 'ces', ['options', 'weights', 1], 'out-of-range');
    expectMetricsError(() => ces([5, 4], { weights: [NaN, 1] }), 'ces', ['options', 'weights', 0], 'missing-value');
    expectMetricsError(() => csat([5, 4], { weights: [1, undefined] as never }), 'csat', ['options', 'weights', 1], 'missing-value');
    expectMetricsError(() => csat([5, 4], { weights: { 0: 1 } as never }), 'csat', ['options', 'weights'], 'invalid-type');
    expectMetricsError(() => csatFromCounts({ points: { 5: 1 } }, { weights: [NaN] }), 'csat', ['options', 'weights', 0], 'missing-value');
    const tally = csatCounts([5, 4], { weights: [1, 3] });
    const w = tally.weights!;
    expectMetricsError(() => csatFromCounts({ ...tally, weights: { ...w, count: 1 } }), 'csat', ['counts', 'weights', 'count'], 'inconsistent');
    expectMetricsError(
      () => csatFromCounts({ ...tally, weights: { ...w, points: { ...w.points, 3: [1] } } }),
      'csat',
      ['counts', 'weights', 'points', '3'],
      'inconsistent',
    );
    expectMetricsError(
      () => csatFromCounts({ ...tally, weights: { ...w, points: { ...w.points, 9: [1] } } }),
      'csat',
      ['counts', 'weights', 'points', '9'],
      'out-of-range',
    );
    expectMetricsError(
      () => csatFromCounts({ ...tally, weights: { ...w, points: { ...w.points, 5: [-1] } } }),
      'csat',
      ['counts', 'weights', 'points', '5'],
      'out-of-range',
    );
    expectMetricsError(() => csatFromCounts({ ...tally, weights: { ...w, squares: [17] } }), 'csat', ['counts', 'weights', 'squares'], 'inconsistent');
    expectMetricsError(() => csatFromCounts({ ...tally, weights: { ...w, squares: [7] } }), 'csat', ['counts', 'weights', 'squares'], 'inconsistent');
    expectMetricsError(() => csatFromCounts(mergeCounts(tally, csatCounts([1]))), 'csat', ['counts', 'weights', 'count'], 'inconsistent');
  });
});

describe('csat and ces intervals: invalid options', () => {
  it('rejects a bad level and an unknown method', () => {
    expectMetricsError(() => csat([5], { interval: { level: 1.5 } }), 'csat', ['options', 'interval', 'level'], 'out-of-range');
    expectMetricsError(() => csat([5], { interval: { level: -0.1 } }), 'csat', ['options', 'interval', 'level'], 'out-of-range');
    expectMetricsError(() => ces([5], { interval: { method: 'adjusted-wald' } as never }), 'ces', ['options', 'interval', 'method'], 'invalid-value');
    expectMetricsError(
      () => ces([5], { interval: { method: 'bootstrap', resamples: 200 } as never }),
      'ces',
      ['options', 'interval', 'method'],
      'invalid-value',
    );
    expectMetricsError(() => csat([5], { interval: 1 as never }), 'csat', ['options', 'interval'], 'invalid-value');
    expectMetricsError(() => csatFromCounts({ points: {} }, { interval: { level: 1 } }), 'csat', ['options', 'interval', 'level'], 'out-of-range');
  });
});

const metrics = [
  { name: 'csat', raw: csat, counts: csatCounts, fromCounts: csatFromCounts, key: 'satisfied' },
  { name: 'ces', raw: ces, counts: cesCounts, fromCounts: cesFromCounts, key: 'easy' },
] as const;

describe.each(metrics)('$name intervals and weights: properties', (m) => {
  type Run = (answers: readonly number[], o?: object) => CsatResult;
  const run = m.raw as unknown as Run;
  const fromCounts = m.fromCounts as unknown as (c: object, o?: object) => CsatResult;
  const counts = m.counts as unknown as (answers: readonly number[], o?: object) => { metric: string };
  const answers = fc.array(fc.integer({ min: 1, max: 7 }), { maxLength: 80 });
  const split = fc.record({ hits: fc.nat({ max: 2000 }), misses: fc.nat({ max: 2000 }) });
  const level = fc.constantFrom(0.5, 0.8, 0.9, 0.95, 0.99, 0.999);
  const method = fc.constantFrom<'wilson' | 'agresti-coull' | 'jeffreys' | 'clopper-pearson' | 'wald'>(
    'wilson',
    'agresti-coull',
    'jeffreys',
    'clopper-pearson',
    'wald',
  );
  const tally = (c: { hits: number; misses: number }, k = 1) => ({ points: { 1: k * c.misses, 7: k * c.hits } });
  const scale = { min: 1, max: 7 };

  it('the Wald, Wilson and Clopper-Pearson intervals contain the share; the t interval contains the mean; all within bounds; clean', () => {
    fc.assert(
      fc.property(answers, level, method, (a, lv, mt) => {
        const res = run(a, { scale, interval: { method: mt, level: lv } });
        expect(isClean(res)).toBe(true);
        if (res.value === null) {
          expect(res.interval).toBe(null);
          return;
        }
        const i = res.interval!;
        expect(i.lower >= 0 && i.upper <= 100 && i.lower <= i.upper).toBe(true);
        if (mt === 'wald' || mt === 'wilson' || mt === 'clopper-pearson') {
          expect(i.lower).toBeLessThanOrEqual(res.value);
          expect(i.upper).toBeGreaterThanOrEqual(res.value);
        }
        if (res.meanInterval !== null) {
          expect(res.meanInterval!.lower).toBeLessThanOrEqual(res.mean!);
          expect(res.meanInterval!.upper).toBeGreaterThanOrEqual(res.mean!);
        }
      }),
      { numRuns: 200 },
    );
  });

  it('is wider at a higher level', () => {
    fc.assert(
      fc.property(split, method, (c, mt) => {
        const narrow = fromCounts(tally(c), { scale, interval: { method: mt, level: 0.9 } });
        const wide = fromCounts(tally(c), { scale, interval: { method: mt, level: 0.99 } });
        if (narrow.interval === null || narrow.interval === undefined) return;
        expect(wide.interval!.lower).toBeLessThanOrEqual(narrow.interval.lower);
        expect(wide.interval!.upper).toBeGreaterThanOrEqual(narrow.interval.upper);
        if (narrow.meanInterval !== null) {
          expect(wide.meanInterval!.upper - wide.meanInterval!.lower).toBeGreaterThanOrEqual(narrow.meanInterval!.upper - narrow.meanInterval!.lower);
        }
      }),
      { numRuns: 150 },
    );
  });

  it('is narrower with more answers at the same shares', () => {
    fc.assert(
      fc.property(split, fc.integer({ min: 2, max: 50 }), method, (c, k, mt) => {
        const one = fromCounts(tally(c), { scale, interval: { method: mt } });
        const more = fromCounts(tally(c, k), { scale, interval: { method: mt } });
        if (one.interval === null || one.interval === undefined) return;
        expect(more.interval!.upper - more.interval!.lower).toBeLessThanOrEqual(one.interval.upper - one.interval.lower);
        if (one.meanInterval !== null) {
          expect(more.meanInterval!.upper - more.meanInterval!.lower).toBeLessThanOrEqual(one.meanInterval!.upper - one.meanInterval!.lower);
        }
      }),
      { numRuns: 150 },
    );
  });

  const weighted = fc
    .array(fc.tuple(fc.integer({ min: 1, max: 7 }), fc.integer({ min: 0, max: 1000 })), { maxLength: 60 })
    .map((pairs) => ({ answers: pairs.map((p) => p[0]), weights: pairs.map((p) => p[1] / 16) }));

  it('weights all 1 give the unweighted result', () => {
    fc.assert(
      fc.property(weighted, fc.option(fc.integer({ min: 0, max: 6 }), { nil: undefined }), method, ({ answers: a }, d, mt) => {
        const o = d === undefined ? { scale, interval: { method: mt } } : { scale, interval: { method: mt }, decimals: d };
        const { weighted: summary, warnings, ...ones } = run(a, { ...o, weights: a.map(() => 1) });
        const { warnings: plainWarnings, ...plain } = run(a, o);
        expect(ones).toStrictEqual(plain);
        expect(warnings.map((w) => w.code)).toStrictEqual(plainWarnings.map((w) => w.code));
        expect(summary).toStrictEqual({ totalWeight: a.length, effectiveSampleSize: a.length });
      }),
      { numRuns: 150 },
    );
  });

  it('weighted intervals of every method stay within bounds and are clean', () => {
    fc.assert(
      fc.property(weighted, level, method, ({ answers: a, weights }, lv, mt) => {
        const res = run(a, { scale, weights, interval: { method: mt, level: lv } });
        expect(isClean(res)).toBe(true);
        if (res.interval !== null && res.interval !== undefined)
          expect(res.interval.lower >= 0 && res.interval.upper <= 100 && res.interval.lower <= res.interval.upper).toBe(true);
        if (res.meanInterval !== null && res.meanInterval !== undefined)
          expect(res.meanInterval.lower <= res.mean! && res.mean! <= res.meanInterval.upper).toBe(true);
      }),
      { numRuns: 200 },
    );
  });

  it('weights multiplied by k change no share, mean, variance or interval', () => {
    fc.assert(
      fc.property(weighted, fc.integer({ min: 2, max: 1000 }), ({ answers: a, weights }, k) => {
        const x = run(a, { scale, weights, interval: true });
        const y = run(a, { scale, weights: weights.map((w) => w * k), interval: true });
        expect([y.value, y.mean, y.variance, y.distribution, y.interval, y.meanInterval]).toStrictEqual([
          x.value,
          x.mean,
          x.variance,
          x.distribution,
          x.interval,
          x.meanInterval,
        ]);
        expect(y.weighted!.effectiveSampleSize).toBe(x.weighted!.effectiveSampleSize);
      }),
      { numRuns: 150 },
    );
  });

  it('merges weighted tallies into the result of the whole, in any order; clean', () => {
    fc.assert(
      fc.property(weighted, weighted, ({ answers: a1, weights: w1 }, { answers: a2, weights: w2 }) => {
        const o = { scale, interval: true };
        const whole = run([...a1, ...a2], { ...o, weights: [...w1, ...w2] });
        expect(fromCounts(mergeCounts(counts(a1, { scale, weights: w1 }), counts(a2, { scale, weights: w2 })), o)).toStrictEqual(whole);
        expect(run([...a2, ...a1], { ...o, weights: [...w2, ...w1] })).toStrictEqual(whole);
        expect(isClean(whole)).toBe(true);
      }),
      { numRuns: 150 },
    );
  });

  it('gives the weighted variance as the reliability-weighted variance of a rational oracle', () => {
    fc.assert(
      fc.property(weighted, ({ answers: a, weights }) => {
        // Weights are multiples of 1/16: scale by 16 to integers and compute in BigInt.
        const w = weights.map((x) => BigInt(x * 16));
        const v1 = w.reduce((s, x) => s + x, 0n);
        const v2 = w.reduce((s, x) => s + x * x, 0n);
        const s1 = w.reduce((s, x, i) => s + x * BigInt(a[i]!), 0n);
        const s2 = w.reduce((s, x, i) => s + x * BigInt(a[i]! * a[i]!), 0n);
        const res = run(a, { scale, weights });
        const denominator = v1 * v1 - v2;
        if (denominator === 0n) {
          expect(res.variance).toBe(null);
          return;
        }
        const numerator = v1 * s2 - s1 * s1;
        const want = Number(numerator) / Number(denominator);
        expect(Math.abs(res.variance! - want)).toBeLessThanOrEqual(1e-12 * Math.max(1, want));
      }),
      { numRuns: 150 },
    );
  });
});
