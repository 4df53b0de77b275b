import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { loyaltyIndex, loyaltyIndexCounts, loyaltyIndexFromCounts, mergeCounts } from '../../src/index.js';
import { expectMetricsError } from '../helpers/errors.js';
import { isClean, nearestDouble } from '../helpers/rational.js';
import { loyaltyVectors } from '../vectors/survey.js';

const answers = [
  { recommend: 9, repurchase: 8, upsell: 6 },
  { recommend: 7, repurchase: 10, upsell: 4 },
];

/**
 * R 4.2 (tests/vectors/survey-intervals.json, from tests/vectors/scripts/survey-intervals.R):
 * t.test and var of each respondent's total, and of the total / 3. Tolerance 1e-9 relative.
 */
const r = JSON.parse(readFileSync(join(import.meta.dirname, '..', 'vectors', 'survey-intervals.json'), 'utf8')) as {
  loyaltyIndex: {
    name: string;
    answers: { recommend: number; repurchase: number; upsell: number }[];
    level: number;
    sum: { value: number; variance: number; interval: [number, number] };
    mean: { value: number; variance: number; interval: [number, number] };
  }[];
};
const close = (got: number | null | undefined, want: number) => expect(Math.abs(got! - want) / Math.abs(want), `${got} vs ${want}`).toBeLessThan(1e-9);

describe('loyaltyIndex: documented examples', () => {
  it('repeats the TSDoc examples', () => {
    expect(loyaltyIndex(answers).value).toBe(22);
    expect(loyaltyIndex(answers).recommend).toBe(8);
    expect(loyaltyIndex(answers, { aggregate: 'mean', decimals: 2 }).value).toBe(7.33);
    expect(loyaltyIndexCounts([{ recommend: 9, repurchase: 8, upsell: 6 }]).sums).toStrictEqual({ recommend: 9, repurchase: 8, upsell: 6 });
    expect(loyaltyIndexFromCounts({ respondents: 4, sums: { recommend: 32, repurchase: 30, upsell: 20 } }).value).toBe(20.5);
  });
});

describe('loyaltyIndex: reference vectors', () => {
  it.each(loyaltyVectors.map((v) => [v.name, v] as const))('%s', (_name, v) => {
    const r = loyaltyIndex(v.input, v.options);
    expect({ value: r.value, recommend: r.recommend }).toStrictEqual(v.expected);
  });
});

describe('loyaltyIndex: results', () => {
  it('returns the whole skeleton, and nulls for no respondents', () => {
    expect(loyaltyIndex(answers)).toStrictEqual({
      metric: 'loyaltyIndex',
      unit: 'points',
      value: 22,
      aggregate: 'sum',
      total: 2,
      recommend: 8,
      repurchase: 9,
      upsell: 5,
      // totals 23 and 21: variance (23 - 22)² + (21 - 22)² over 1
      variance: 2,
      excluded: 0,
      warnings: [{ code: 'small-sample', message: expect.any(String) }],
    });
    expect(loyaltyIndex([])).toMatchObject({ value: null, total: 0, recommend: null, repurchase: null, upsell: null, variance: null, warnings: [] });
  });
  it("keeps the tally: respondents, each question's sum and the sum of squared totals", () => {
    expect(loyaltyIndexCounts(answers)).toStrictEqual({
      metric: 'loyaltyIndex',
      respondents: 2,
      sums: { recommend: 16, repurchase: 18, upsell: 10 },
      sumOfSquaredTotals: 23 * 23 + 21 * 21,
      excluded: 0,
    });
  });
  it('ignores other fields on an answer (ids, dates)', () => {
    expect(loyaltyIndex([{ id: 'c1', recommend: 10, repurchase: 10, upsell: 10 } as never]).value).toBe(30);
  });
  it('skips respondents with any missing answer under missing: exclude', () => {
    const r = loyaltyIndex(
      [{ recommend: 10, repurchase: null, upsell: 5 }, { recommend: 4, repurchase: 4, upsell: 4 }, null as never, { recommend: NaN, repurchase: 1, upsell: 1 }],
      { missing: 'exclude' },
    );
    expect(r).toMatchObject({ value: 12, total: 1, excluded: 3 });
  });
});

describe('loyaltyIndex: invalid input', () => {
  it('points at the respondent and question', () => {
    expectMetricsError(() => loyaltyIndex([{ recommend: 11, repurchase: 1, upsell: 1 }]), 'loyaltyIndex', ['answers', 0, 'recommend'], 'out-of-range');
    expectMetricsError(
      () => loyaltyIndex([...answers, { recommend: 1, repurchase: 1.5, upsell: 1 }]),
      'loyaltyIndex',
      ['answers', 2, 'repurchase'],
      'out-of-range',
    );
    expectMetricsError(() => loyaltyIndex([{ recommend: 1, repurchase: 1 } as never]), 'loyaltyIndex', ['answers', 0, 'upsell'], 'missing-value');
    expectMetricsError(() => loyaltyIndex([{ recommend: 1, repurchase: null, upsell: 1 }]), 'loyaltyIndex', ['answers', 0, 'repurchase'], 'missing-value');
    // A present but invalid answer is an error even when missing answers are excluded.
    expectMetricsError(() => loyaltyIndex([{ recommend: null, repurchase: 12, upsell: 1 }], { missing: 'exclude' }), 'loyaltyIndex', [
      'answers',
      0,
      'repurchase',
    ]);
    expectMetricsError(() => loyaltyIndex([5 as never]), 'loyaltyIndex', ['answers', 0], 'invalid-type');
    expectMetricsError(() => loyaltyIndex({} as never), 'loyaltyIndex', ['answers'], 'invalid-type');
    expectMetricsError(() => loyaltyIndex([], { aggregate: 'median' as never }), 'loyaltyIndex', ['options', 'aggregate'], 'invalid-value');
  });
  it('rejects tallies whose means fall off the scale', () => {
    expectMetricsError(
      () => loyaltyIndexFromCounts({ respondents: 1, sums: { recommend: 11, repurchase: 0, upsell: 0 } }),
      'loyaltyIndex',
      ['counts', 'sums', 'recommend'],
      'inconsistent',
    );
    expectMetricsError(
      () => loyaltyIndexFromCounts({ respondents: 0, sums: { recommend: 1, repurchase: 0, upsell: 0 } }),
      'loyaltyIndex',
      ['counts', 'sums', 'recommend'],
      'inconsistent',
    );
  });
});

describe('loyaltyIndex: properties', () => {
  const answer = fc.record({
    recommend: fc.integer({ min: 0, max: 10 }),
    repurchase: fc.integer({ min: 0, max: 10 }),
    upsell: fc.integer({ min: 0, max: 10 }),
  });
  const list = fc.array(answer, { maxLength: 100 });

  it('equals the exact sum of means (BigInt oracle), within 0..30, clean', () => {
    fc.assert(
      fc.property(list, (a) => {
        const r = loyaltyIndex(a);
        const total = a.reduce((s, x) => s + x.recommend + x.repurchase + x.upsell, 0);
        expect(r.value).toBe(a.length === 0 ? null : nearestDouble(BigInt(total), BigInt(a.length)));
        expect(loyaltyIndex(a, { aggregate: 'mean' }).value).toBe(a.length === 0 ? null : nearestDouble(BigInt(total), BigInt(3 * a.length)));
        if (r.value !== null) expect(r.value >= 0 && r.value <= 30).toBe(true);
        expect(isClean(r)).toBe(true);
      }),
    );
  });
  it('merges, and the raw path equals the counts path in any order', () => {
    fc.assert(
      fc.property(list, list, (a, b) => {
        expect(mergeCounts(loyaltyIndexCounts(a), loyaltyIndexCounts(b))).toStrictEqual(loyaltyIndexCounts([...a, ...b]));
        expect(loyaltyIndexFromCounts(loyaltyIndexCounts(a))).toStrictEqual(loyaltyIndex(a));
        expect(loyaltyIndex([...a].reverse())).toStrictEqual(loyaltyIndex(a));
      }),
    );
  });
});

describe('loyaltyIndex: issues under missing: exclude', () => {
  it('reports the bad answer only, not the allowed missing one', () => {
    const e = expectMetricsError(
      () => loyaltyIndex([{ recommend: null, repurchase: 12, upsell: 1 }], { missing: 'exclude' }),
      'loyaltyIndex',
      ['answers', 0, 'repurchase'],
      'out-of-range',
    );
    expect(e.issues).toHaveLength(1);
  });
});

describe('loyaltyIndex: variance, interval and warnings', () => {
  it.each(r.loyaltyIndex.map((v) => [v.name, v] as const))('agrees with R t.test and var: %s', (_name, v) => {
    for (const aggregate of ['sum', 'mean'] as const) {
      const res = loyaltyIndex(v.answers, { aggregate, interval: { level: v.level } });
      close(res.value, v[aggregate].value);
      close(res.variance, v[aggregate].variance);
      close(res.interval!.lower, v[aggregate].interval[0]);
      close(res.interval!.upper, v[aggregate].interval[1]);
      expect(res.interval).toMatchObject({ level: v.level, method: 't', clamped: false });
      expect(loyaltyIndexFromCounts(loyaltyIndexCounts(v.answers), { aggregate, interval: { level: v.level } })).toStrictEqual(res);
    }
  });
  it('places interval before warnings only when asked, null below 2 respondents', () => {
    expect(Object.keys(loyaltyIndex(answers, { interval: true }))).toStrictEqual([
      'metric',
      'unit',
      'value',
      'aggregate',
      'total',
      'recommend',
      'repurchase',
      'upsell',
      'variance',
      'excluded',
      'interval',
      'warnings',
    ]);
    expect('interval' in loyaltyIndex(answers)).toBe(false);
    expect(loyaltyIndex(answers.slice(0, 1), { interval: true })).toMatchObject({ variance: null, interval: null });
    expect(loyaltyIndex([], { interval: true })).toMatchObject({ variance: null, interval: null, warnings: [] });
  });
  it('rounds the interval as asked', () => {
    expect(loyaltyIndex(answers, { interval: true, decimals: 2 }).interval).toStrictEqual({
      lower: 9.29,
      upper: 34.71,
      level: 0.95,
      method: 't',
      standardError: 1,
      clamped: false,
    });
  });
  it('warns small-sample below 30 respondents', () => {
    const many = new Array(30).fill(answers[0]);
    expect(loyaltyIndex(many).warnings).toStrictEqual([]);
    expect(loyaltyIndex(many.slice(1)).warnings.map((w) => w.code)).toStrictEqual(['small-sample']);
  });
  it('takes hand-made tallies without sumOfSquaredTotals, with no variance and no interval', () => {
    const tally = { respondents: 4, sums: { recommend: 32, repurchase: 30, upsell: 20 } };
    expect(loyaltyIndexFromCounts(tally)).toMatchObject({ value: 20.5, variance: null });
    expectMetricsError(() => loyaltyIndexFromCounts(tally, { interval: true }), 'loyaltyIndex', ['counts', 'sumOfSquaredTotals'], 'missing-value');
  });
  it('rejects a sumOfSquaredTotals its sums cannot give, a bad interval option, and weights', () => {
    const tally = loyaltyIndexCounts(answers);
    // n Σt² >= (Σt)²: 2 * 967 = 1934 >= 44² = 1936 fails.
    expectMetricsError(() => loyaltyIndexFromCounts({ ...tally, sumOfSquaredTotals: 967 }), 'loyaltyIndex', ['counts', 'sumOfSquaredTotals'], 'inconsistent');
    expectMetricsError(
      () => loyaltyIndexFromCounts({ ...tally, sumOfSquaredTotals: 2 * 900 + 1 }),
      'loyaltyIndex',
      ['counts', 'sumOfSquaredTotals'],
      'inconsistent',
    );
    expectMetricsError(() => loyaltyIndexFromCounts({ ...tally, sumOfSquaredTotals: -1 }), 'loyaltyIndex', ['counts', 'sumOfSquaredTotals'], 'out-of-range');
    expect(loyaltyIndexFromCounts({ ...tally, sumOfSquaredTotals: 968 }).variance).toBe(0);
    expectMetricsError(() => loyaltyIndex(answers, { interval: { level: 1 } }), 'loyaltyIndex', ['options', 'interval', 'level'], 'out-of-range');
    expectMetricsError(
      () => loyaltyIndex(answers, { interval: { method: 'wald' } as never }),
      'loyaltyIndex',
      ['options', 'interval', 'method'],
      'invalid-value',
    );
    expectMetricsError(() => loyaltyIndex(answers, { weights: [1, 1] } as never), 'loyaltyIndex', ['options', 'weights'], 'unknown-key');
  });
  it('variance is the exact sample variance of the totals (BigInt oracle); the interval contains the index; merges; clean', () => {
    const answer = fc.record({
      recommend: fc.integer({ min: 0, max: 10 }),
      repurchase: fc.integer({ min: 0, max: 10 }),
      upsell: fc.integer({ min: 0, max: 10 }),
    });
    const list = fc.array(answer, { maxLength: 80 });
    fc.assert(
      fc.property(list, list, fc.constantFrom('sum' as const, 'mean' as const), (a, b, aggregate) => {
        const res = loyaltyIndex(a, { aggregate, interval: true });
        expect(isClean(res)).toBe(true);
        const totals = a.map((x) => BigInt(x.recommend + x.repurchase + x.upsell));
        const n = BigInt(a.length);
        const s1 = totals.reduce((s, t) => s + t, 0n);
        const s2 = totals.reduce((s, t) => s + t * t, 0n);
        const scale = aggregate === 'sum' ? 1n : 9n;
        expect(res.variance).toBe(a.length < 2 ? null : nearestDouble(n * s2 - s1 * s1, n * (n - 1n) * scale));
        if (res.interval !== null && res.interval !== undefined) {
          expect(res.interval.lower).toBeLessThanOrEqual(res.value!);
          expect(res.interval.upper).toBeGreaterThanOrEqual(res.value!);
        }
        const whole = loyaltyIndex([...a, ...b], { aggregate, interval: true });
        expect(loyaltyIndexFromCounts(mergeCounts(loyaltyIndexCounts(a), loyaltyIndexCounts(b)), { aggregate, interval: true })).toStrictEqual(whole);
      }),
      { numRuns: 150 },
    );
  });
});
