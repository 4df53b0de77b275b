/**
 * The NPS options and tallies: the bootstrap's `resamples` and `seed` at
 * their limits, the rules that tie options together, the cut-offs at the
 * ends of the scale, and the exact code, path and message of each refusal.
 * Each test loads the library afresh, so it builds the option schemas itself.
 */
import { describe, expect, it, vi } from 'vitest';
import { issuesOf } from '../../helpers/errors.js';

async function loadNps() {
  vi.resetModules();
  return import('../../../src/metrics/nps.js');
}

/** Every issue of the MetricsError that `fn` throws for nps. */
const issuesOfMetric = (fn: () => unknown) => issuesOf('nps', fn);

const RESAMPLES = 'expected an integer from 100 to 100000';
const SEED = 'expected a safe integer';
const interval = (path: string) => ['options', 'interval', path];

describe('nps options: the bootstrap', () => {
  it('refuses resamples outside 100 to 100000, and seeds that are not safe integers', async () => {
    const { npsCounts } = await loadNps();
    const bootstrap = (extra: Record<string, unknown>) => issuesOfMetric(() => npsCounts([10], { interval: { method: 'bootstrap', ...extra } } as never));
    expect(bootstrap({ resamples: 99 })).toStrictEqual([{ code: 'out-of-range', path: interval('resamples'), message: `${RESAMPLES}, received 99` }]);
    expect(bootstrap({ resamples: 100001 })).toStrictEqual([{ code: 'out-of-range', path: interval('resamples'), message: `${RESAMPLES}, received 100001` }]);
    expect(bootstrap({ resamples: 100.5 })).toStrictEqual([{ code: 'out-of-range', path: interval('resamples'), message: `${RESAMPLES}, received 100.5` }]);
    expect(bootstrap({ resamples: '200' })).toStrictEqual([{ code: 'invalid-type', path: interval('resamples'), message: `${RESAMPLES}, received "200"` }]);
    expect(bootstrap({ seed: 2 ** 53 })).toStrictEqual([{ code: 'out-of-range', path: interval('seed'), message: `${SEED}, received 9007199254740992` }]);
    expect(bootstrap({ seed: 1.5 })).toStrictEqual([{ code: 'out-of-range', path: interval('seed'), message: `${SEED}, received 1.5` }]);
    expect(bootstrap({ seed: 'x' })).toStrictEqual([{ code: 'invalid-type', path: interval('seed'), message: `${SEED}, received "x"` }]);
  });

  it('accepts resamples of exactly 100 and 100000, and seeds at the ends of the safe integers', async () => {
    const { npsCounts } = await loadNps();
    const tally = { metric: 'nps', promoters: 1, passives: 0, detractors: 0, excluded: 0 };
    expect(npsCounts([10], { interval: { method: 'bootstrap', resamples: 100, seed: Number.MAX_SAFE_INTEGER } })).toStrictEqual(tally);
    expect(npsCounts([10], { interval: { method: 'bootstrap', resamples: 100000, seed: Number.MIN_SAFE_INTEGER } })).toStrictEqual(tally);
  });

  it('takes resamples and seed only with the bootstrap, naming the method they came with', async () => {
    const { npsCounts } = await loadNps();
    expect(issuesOfMetric(() => npsCounts([10], { interval: { resamples: 500 } } as never))).toStrictEqual([
      {
        code: 'inconsistent',
        path: interval('resamples'),
        message: `expected resamples only with method: 'bootstrap', received it with "adjusted-wald"`,
      },
    ]);
    expect(issuesOfMetric(() => npsCounts([10], { interval: { method: 'wald', resamples: 200, seed: 3 } } as never))).toStrictEqual([
      { code: 'inconsistent', path: interval('resamples'), message: `expected resamples only with method: 'bootstrap', received it with "wald"` },
      { code: 'inconsistent', path: interval('seed'), message: `expected seed only with method: 'bootstrap', received it with "wald"` },
    ]);
  });

  it('refuses the bootstrap with weights, and for a weighted tally', async () => {
    const { npsCounts, npsFromCounts } = await loadNps();
    expect(issuesOfMetric(() => npsCounts([10], { interval: { method: 'bootstrap' }, weights: [1] }))).toStrictEqual([
      {
        code: 'inconsistent',
        path: interval('method'),
        message: "expected 'adjusted-wald' or 'wald' with weights: the bootstrap resamples unweighted answers",
      },
    ]);
    const weighted = npsCounts([10, 6], { weights: [3, 1] });
    expect(issuesOfMetric(() => npsFromCounts(weighted, { interval: { method: 'bootstrap' } }))).toStrictEqual([
      {
        code: 'inconsistent',
        path: interval('method'),
        message: "expected 'adjusted-wald' or 'wald' for a weighted tally: the bootstrap resamples unweighted answers",
      },
    ]);
    expect(npsFromCounts(weighted, { interval: { method: 'wald' } }).value).toBe(50);
  });

  it('runs the bootstrap from the default seed and resample count when only the method is given', async () => {
    const { nps } = await loadNps();
    const scores = [10, 10, 9, 8, 7, 6, 3, 0, 10, 9];
    const byDefault = nps(scores, { interval: { method: 'bootstrap' }, decimals: 4 }).interval;
    expect(byDefault).toStrictEqual(nps(scores, { interval: { method: 'bootstrap', resamples: 2000, seed: 1 }, decimals: 4 }).interval);
    expect(byDefault?.method).toBe('bootstrap');
    expect(byDefault).not.toStrictEqual(nps(scores, { interval: { method: 'bootstrap', resamples: 2000, seed: 2 }, decimals: 4 }).interval);
  });
});

describe('nps options: the cut-offs', () => {
  it('refuses cut-offs off the scale, and a detractorMax not below promoterMin', async () => {
    const { npsCounts } = await loadNps();
    expect(issuesOfMetric(() => npsCounts([], { promoterMin: -1, detractorMax: -2 }))).toStrictEqual([
      { code: 'out-of-range', path: ['options', 'promoterMin'], message: 'expected promoterMin on the scale 0 to 10, received -1' },
      { code: 'out-of-range', path: ['options', 'detractorMax'], message: 'expected detractorMax on the scale 0 to 10, received -2' },
    ]);
    expect(issuesOfMetric(() => npsCounts([], { promoterMin: 11 }))).toStrictEqual([
      { code: 'out-of-range', path: ['options', 'promoterMin'], message: 'expected promoterMin on the scale 0 to 10, received 11' },
    ]);
    expect(issuesOfMetric(() => npsCounts([], { detractorMax: 11 }))).toStrictEqual([
      { code: 'out-of-range', path: ['options', 'detractorMax'], message: 'expected detractorMax on the scale 0 to 10, received 11' },
    ]);
    expect(issuesOfMetric(() => npsCounts([], { detractorMax: 10 }))).toStrictEqual([
      { code: 'inconsistent', path: ['options', 'detractorMax'], message: 'expected detractorMax below promoterMin (9), received 10' },
    ]);
    expect(issuesOfMetric(() => npsCounts([], { promoterMin: 7, detractorMax: 7 }))).toStrictEqual([
      { code: 'inconsistent', path: ['options', 'detractorMax'], message: 'expected detractorMax below promoterMin (7), received 7' },
    ]);
    // promoterMin at the bottom of the scale is on it; only detractorMax, below it, is refused.
    expect(issuesOfMetric(() => npsCounts([], { promoterMin: 0, detractorMax: -1 }))).toStrictEqual([
      { code: 'out-of-range', path: ['options', 'detractorMax'], message: 'expected detractorMax on the scale 0 to 10, received -1' },
    ]);
    expect(issuesOfMetric(() => npsCounts([], { scale: { min: 1, max: 5 } }))).toStrictEqual([
      { code: 'out-of-range', path: ['options', 'promoterMin'], message: 'expected promoterMin on the scale 1 to 5, received 9' },
      { code: 'out-of-range', path: ['options', 'detractorMax'], message: 'expected detractorMax on the scale 1 to 5, received 6' },
    ]);
  });

  it('splits the scale at cut-offs on its ends, with promoterMin just above detractorMax', async () => {
    const { nps, npsCounts } = await loadNps();
    const everyPoint = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10];
    expect(npsCounts(everyPoint, { promoterMin: 1, detractorMax: 0 })).toStrictEqual({ metric: 'nps', promoters: 10, passives: 0, detractors: 1, excluded: 0 });
    expect(nps(everyPoint, { promoterMin: 1, detractorMax: 0 }).value).toBe(900 / 11);
    expect(npsCounts(everyPoint, { promoterMin: 10, detractorMax: 9 })).toStrictEqual({
      metric: 'nps',
      promoters: 1,
      passives: 0,
      detractors: 10,
      excluded: 0,
    });
    expect(nps(everyPoint, { promoterMin: 10, detractorMax: 9 }).value).toBe(-900 / 11);
    const fivePoint = { scale: { min: 1, max: 5 }, promoterMin: 5, detractorMax: 1 };
    expect(nps([1, 2, 5, 5], fivePoint)).toMatchObject({ value: 25, promoters: { count: 2 }, passives: { count: 1 }, detractors: { count: 1 } });
  });
});

describe('nps: answers and tallies', () => {
  it('hints at missing: exclude for a missing answer by default', async () => {
    const { nps } = await loadNps();
    expect(issuesOfMetric(() => nps([10, null]))).toStrictEqual([
      {
        code: 'missing-value',
        path: ['scores', 1],
        message: "expected an integer from 0 to 10, received null; pass missing: 'exclude' to skip missing answers",
      },
    ]);
    expect(nps([10, null], { missing: 'exclude' })).toMatchObject({ metric: 'nps', value: 100, total: 1, excluded: 1 });
  });

  it('says what a tally and its weight sums must be', async () => {
    const { npsFromCounts } = await loadNps();
    expect(issuesOfMetric(() => npsFromCounts(5 as never))).toStrictEqual([
      { code: 'invalid-type', path: ['counts'], message: 'expected an NPS tally { promoters, passives, detractors }, received 5' },
    ]);
    expect(issuesOfMetric(() => npsFromCounts({ promoters: 1, passives: 0, detractors: 0, weights: 5 } as never))).toStrictEqual([
      {
        code: 'invalid-type',
        path: ['counts', 'weights'],
        message: 'expected weight sums { count, promoters, passives, detractors, squares }, received 5',
      },
    ]);
  });

  it('reads a weighted tally back, and keeps the excluded count it was given', async () => {
    const { npsCounts, npsFromCounts } = await loadNps();
    const weighted = npsCounts([10, 6, null], { weights: [3, 1, 7], missing: 'exclude' });
    expect(weighted).toStrictEqual({
      metric: 'nps',
      promoters: 1,
      passives: 0,
      detractors: 1,
      excluded: 1,
      weights: { count: 2, promoters: [3], passives: [], detractors: [1], squares: [10] },
    });
    expect(npsFromCounts(weighted)).toStrictEqual({
      metric: 'nps',
      unit: 'points',
      value: 50,
      total: 2,
      promoters: { count: 1, percent: 75 },
      passives: { count: 0, percent: 0 },
      detractors: { count: 1, percent: 25 },
      excluded: 1,
      weighted: { totalWeight: 4, effectiveSampleSize: 1.6 },
      warnings: [{ code: 'small-sample', message: 'an effective sample size of 1.6: fewer than 30, so the estimate is imprecise' }],
    });
    expect(npsFromCounts({ promoters: 2, passives: 1, detractors: 1 }).excluded).toBe(0);
    expect(npsFromCounts({ promoters: 2, passives: 1, detractors: 1, excluded: 4 }).excluded).toBe(4);
  });
});

describe('the NPS score', () => {
  it('is 100 (P - D) / n in decimal for the estimates, null without answers (the reported score is exact: exact-oracle.property.test.ts)', async () => {
    vi.resetModules();
    const { npsScore } = await import('../../../src/core/survey/nps-score.js');
    const { Dec } = await import('../../../src/core/exact/decimal.js');
    expect(npsScore(new Dec(3), new Dec(1), new Dec(4))?.toString()).toBe('50');
    expect(npsScore(new Dec('0.25'), new Dec('0.5'), new Dec(1))?.toString()).toBe('-25');
    expect(npsScore(new Dec(1), new Dec(1), new Dec(0))).toBeNull();
  });
});
