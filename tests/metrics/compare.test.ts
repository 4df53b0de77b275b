/**
 * compare(): examples, reference vectors from R and statsmodels on real
 * results, hand calculations, edge cases and errors.
 *
 * Tolerance against R and statsmodels: 1e-9 relative (the agreement required with R and statsmodels),
 * 1e-15 absolute for values that are 0.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { Dec, toNumber } from '../../src/core/exact/decimal.js';
import { meanDifference } from '../../src/core/stats/differences.js';
import {
  type ComparableResult,
  type CompareResult,
  ces,
  cesFromCounts,
  compare,
  csat,
  csatFromCounts,
  customerChurn,
  expansionRevenue,
  firstContactResolution,
  firstContactResolutionFromCounts,
  loyaltyIndex,
  mrrChurn,
  netMrrChurn,
  nps,
  npsFromCounts,
  repurchaseRate,
  repurchaseRateFromCounts,
  sampleSizeFor,
  timeToResolution,
  upsellRatio,
  upsellRatioFromCounts,
} from '../../src/index.js';
import { expectMetricsError } from '../helpers/errors.js';
import { npsCompareVectors, proportionCompareVectors } from '../vectors/compare.js';
import { intervalsR } from '../vectors/intervals-r.js';

const vectors = join(import.meta.dirname, '..', 'vectors');
const r = JSON.parse(readFileSync(join(vectors, 'compare-r.json'), 'utf8')) as {
  welch: {
    min: number;
    max: number;
    x: number[];
    y: number[];
    level: number;
    statistic: number;
    df: number;
    'p.value': number;
    'conf.int': [number, number];
  }[];
  loyalty: {
    aggregate: 'sum' | 'mean';
    a: number[];
    b: number[];
    level: number;
    statistic: number;
    df: number;
    'p.value': number;
    'conf.int': [number, number];
  }[];
  proportions: { x1: number; n1: number; x2: number; n2: number; X2: number; 'nMinusOne.p.value': number }[];
};
const statsmodels = JSON.parse(readFileSync(join(vectors, 'compare-statsmodels.json'), 'utf8')) as {
  rows: { x1: number; n1: number; x2: number; n2: number; level: number; nMinusOne: number; newcomb: [number, number] }[];
};

const TOLERANCE = 1e-9;
function close(actual: number | null | undefined, expected: number, what: string): void {
  expect(actual, what).not.toBe(null);
  expect(actual, what).not.toBe(undefined);
  const bound = expected === 0 ? 1e-15 : TOLERANCE * Math.abs(expected);
  expect(Math.abs(actual! - expected), `${what}: ${actual} against ${expected}`).toBeLessThanOrEqual(bound);
}

/** Proportion results of every proportion metric for x successes out of n. */
const proportionMakers: [string, (x: number, n: number) => ComparableResult][] = [
  ['firstContactResolution', (x, n) => firstContactResolutionFromCounts({ total: n, resolved: n, resolvedFirstContact: x })],
  ['customerChurn', (x, n) => customerChurn({ customersAtStart: n, customersLost: x })],
  ['upsellRatio', (x, n) => upsellRatioFromCounts({ upgraded: x, notUpgraded: n - x })],
  ['csat', (x, n) => csatFromCounts({ points: { 1: n - x, 5: x } })],
  ['ces', (x, n) => cesFromCounts({ points: { 1: n - x, 7: x } })],
  ['repurchaseRate', (x, n) => repurchaseRateFromCounts({ purchases: { 1: n - x, 2: x } })],
];

describe('compare: documented examples', () => {
  it('repeats the TSDoc examples', () => {
    const before = npsFromCounts({ promoters: 300, passives: 400, detractors: 300 });
    const after = npsFromCounts({ promoters: 400, passives: 350, detractors: 250 });
    const c = compare(after, before);
    expect(c.difference).toBe(15);
    expect(c.significant).toBe(true);
    expect(compare(after, before, { decimals: 1 }).interval).toStrictEqual({
      lower: 8.1,
      upper: 21.8,
      level: 0.95,
      method: 'adjusted-wald',
      standardError: 3.5,
      clamped: false,
    });
    expect(compare(before, before).pValue).toBe(1);
    expect(compare(before, after).difference).toBe(-15);
    expect(compare(csatFromCounts({ points: { 1: 10, 4: 30, 5: 60 } }), csatFromCounts({ points: { 1: 25, 4: 35, 5: 40 } }), { decimals: 4 }).pValue).toBe(
      0.0054,
    );
    expectMetricsError(() => compare(before, csatFromCounts({ points: { 5: 1 } })), 'compare', ['b', 'metric'], 'inconsistent');
  });
});

describe('compare: reference vectors', () => {
  it.each(r.welch.map((v, i) => [`${i}: ${v.x.length} vs ${v.y.length} on ${v.min}-${v.max} at ${v.level}`, v] as const))(
    "CSAT and CES means (on: 'mean') against R t.test, %s",
    (_name, v) => {
      const scale = { min: v.min, max: v.max };
      for (const [a, b] of [
        [csat(v.x, { scale }), csat(v.y, { scale })],
        [ces(v.x, { scale }), ces(v.y, { scale })],
      ] as const) {
        const c = compare(a, b, { on: 'mean', level: v.level });
        expect(c.method).toBe('welch');
        expect(c.unit).toBe('points');
        close(c.statistic, v.statistic, 'statistic');
        close(c.df, v.df, 'df');
        close(c.pValue, v['p.value'], 'p-value');
        close(c.interval?.lower, v['conf.int'][0], 'lower');
        close(c.interval?.upper, v['conf.int'][1], 'upper');
        expect(c.significant).toBe(v['p.value'] < 1 - v.level);
      }
    },
  );
  it.each(r.loyalty.map((v, i) => [`${i}: ${v.a.length / 3} vs ${v.b.length / 3}, aggregate ${v.aggregate}`, v] as const))(
    'loyalty index against R t.test on the respondents’ index, %s',
    (_name, v) => {
      const answers = (flat: number[]) =>
        Array.from({ length: flat.length / 3 }, (_, i) => ({ recommend: flat[3 * i]!, repurchase: flat[3 * i + 1]!, upsell: flat[3 * i + 2]! }));
      const c = compare(loyaltyIndex(answers(v.a), { aggregate: v.aggregate }), loyaltyIndex(answers(v.b), { aggregate: v.aggregate }));
      expect(c.method).toBe('welch');
      close(c.statistic, v.statistic, 'statistic');
      close(c.df, v.df, 'df');
      close(c.pValue, v['p.value'], 'p-value');
      close(c.interval?.lower, v['conf.int'][0], 'lower');
      close(c.interval?.upper, v['conf.int'][1], 'upper');
    },
  );
  it.each(r.proportions.map((v, i) => [`${v.x1}/${v.n1} vs ${v.x2}/${v.n2}`, v, i] as const))(
    'proportions: the N-1 statistic against R prop.test(correct = FALSE), %s',
    (_name, v, i) => {
      const [metric, make] = proportionMakers[i % proportionMakers.length]!;
      const c = compare(make(v.x1, v.n1), make(v.x2, v.n2));
      expect(c.metric).toBe(metric);
      expect(c.method).toBe('n-1');
      const total = v.n1 + v.n2;
      close(c.statistic! ** 2, (v.X2 * (total - 1)) / total, 'statistic² = X² (N - 1) / N');
      close(c.pValue, v['nMinusOne.p.value'], 'p-value');
    },
  );
  it.each(statsmodels.rows.map((v, i) => [`${v.x1}/${v.n1} vs ${v.x2}/${v.n2} at ${v.level}`, v, i] as const))(
    'proportions: signed N-1 statistic and Newcombe interval against statsmodels, %s',
    (_name, v, i) => {
      const [, make] = proportionMakers[i % proportionMakers.length]!;
      const c = compare(make(v.x1, v.n1), make(v.x2, v.n2), { level: v.level });
      close(c.statistic, v.nMinusOne, 'statistic');
      expect(c.interval?.method).toBe('newcombe');
      close(c.interval!.lower / 100, v.newcomb[0], 'lower');
      close(c.interval!.upper / 100, v.newcomb[1], 'upper');
    },
  );
  it.each(intervalsR.twoProportions.map((v) => [`${v.x1}/${v.n1} vs ${v.x2}/${v.n2} at ${v.level}`, v] as const))(
    'proportions: the R prop.test vectors of tests/vectors/intervals-r.json, %s',
    (_name, v) => {
      const c = compare(customerChurn({ customersAtStart: v.n1, customersLost: v.x1 }), customerChurn({ customersAtStart: v.n2, customersLost: v.x2 }), {
        level: v.level,
      });
      const total = v.n1 + v.n2;
      close(c.statistic! ** 2, (v.statistic * (total - 1)) / total, 'statistic² = X² (N - 1) / N');
      expect(Math.sign(c.statistic!)).toBe(Math.sign(v.x1 / v.n1 - v.x2 / v.n2));
    },
  );
  it.each(intervalsR.welch.map((v, i) => [`${i}: ${v.n1} vs ${v.n2}`, v] as const))(
    'means: the R Welch vectors of tests/vectors/intervals-r.json on results built from n, sum and sum of squares, %s',
    (_name, v) => {
      const result = (n: number, sum: number, squares: number) =>
        loose({ metric: 'loyaltyIndex', aggregate: 'sum', value: sum / n, total: n, variance: (squares - (sum * sum) / n) / (n - 1) });
      const c = compare(result(v.n1, v.sum1, v.sumSquares1), result(v.n2, v.sum2, v.sumSquares2));
      close(c.statistic, v.statistic, 'statistic');
      close(c.df, v.df, 'df');
      close(c.pValue, v['p.value'], 'p-value');
      close(c.interval?.lower, v['conf.int'][0], 'lower');
      close(c.interval?.upper, v['conf.int'][1], 'upper');
    },
  );
  it.each(npsCompareVectors.map((v) => [v.name, v] as const))('NPS: %s', (_name, v) => {
    const c = compare(npsFromCounts(v.input.a), npsFromCounts(v.input.b), v.options);
    expect(pick(c)).toStrictEqual(v.expected);
  });
  it.each(proportionCompareVectors.map((v) => [v.name, v] as const))('proportions: %s', (_name, v) => {
    for (const [, make] of proportionMakers) {
      const c = compare(make(...v.input.a), make(...v.input.b), v.options);
      expect(pick(c)).toStrictEqual(v.expected);
    }
  });
});

/** A hand-built or altered result, typed as any result (the fields are what is being tested). */
function loose(result: object): ComparableResult {
  return result as ComparableResult;
}

function pick(c: CompareResult) {
  return {
    difference: c.difference,
    lower: c.interval?.lower ?? null,
    upper: c.interval?.upper ?? null,
    standardError: c.interval?.standardError ?? null,
    statistic: c.statistic,
    pValue: c.pValue,
    significant: c.significant,
  };
}

describe('compare: results', () => {
  it('returns the whole skeleton', () => {
    const a = firstContactResolutionFromCounts({ total: 200, resolved: 200, resolvedFirstContact: 150 });
    const b = firstContactResolutionFromCounts({ total: 200, resolved: 200, resolvedFirstContact: 150 });
    expect(compare(a, b)).toStrictEqual({
      metric: 'firstContactResolution',
      unit: 'percent',
      difference: 0,
      interval: { lower: expect.any(Number), upper: expect.any(Number), level: 0.95, method: 'newcombe', standardError: null, clamped: false },
      statistic: 0,
      df: null,
      pValue: 1,
      significant: false,
      method: 'n-1',
      warnings: [],
    });
  });
  it('works on raw results of every comparable metric', () => {
    const tickets = (first: number, other: number) => [
      ...Array.from({ length: first }, () => ({ contacts: 1, resolved: true })),
      ...Array.from({ length: other }, () => ({ contacts: 3, resolved: true })),
    ];
    const cases: [ComparableResult, ComparableResult, string][] = [
      [nps([10, 9, 9, 8, 7, 6, 10, 10, 3]), nps([5, 6, 7, 8, 9, 10, 2]), 'nps'],
      [csat([5, 4, 4, 3, 1, 5]), csat([2, 3, 4, 5, 1, 1]), 'csat'],
      [ces([7, 6, 6, 3]), ces([1, 2, 7, 5]), 'ces'],
      [
        loyaltyIndex([
          { recommend: 9, repurchase: 8, upsell: 5 },
          { recommend: 3, repurchase: 8, upsell: 7 },
        ]),
        loyaltyIndex([
          { recommend: 2, repurchase: 4, upsell: 5 },
          { recommend: 6, repurchase: 6, upsell: 6 },
          { recommend: 9, repurchase: 9, upsell: 2 },
        ]),
        'loyaltyIndex',
      ],
      [firstContactResolution(tickets(30, 10)), firstContactResolution(tickets(20, 20)), 'firstContactResolution'],
      [customerChurn({ customersAtStart: 500, customersLost: 25 }), customerChurn({ customersAtStart: 480, customersLost: 40 }), 'customerChurn'],
      [repurchaseRate([1, 2, 3, 1, 1]), repurchaseRate([2, 2, 1, 4]), 'repurchaseRate'],
      [upsellRatio([{ upgraded: true }, { upgraded: false }, { upgraded: true }]), upsellRatio([{ upgraded: false }, { upgraded: false }]), 'upsellRatio'],
    ];
    for (const [a, b, metric] of cases) {
      const c = compare(a, b);
      expect(c.metric).toBe(metric);
      expect(Object.isFrozen(c) && Object.isFrozen(c.warnings)).toBe(true);
      expect(typeof c.difference).toBe('number');
      expect(compare(a, a).difference).toBe(0);
      expect(compare(a, a).pValue).toBe(1);
    }
  });
  it('compares CSAT and CES on the percent by default and on the mean with on: mean', () => {
    const a = csat([5, 5, 4, 3, 2, 5, 4, 1]);
    const b = csat([3, 3, 4, 2, 5, 1, 2]);
    expect(compare(a, b).unit).toBe('percent');
    expect(compare(a, b).difference).toBe(a.value! - b.value!);
    const m = compare(a, b, { on: 'mean' });
    expect(m).toMatchObject({ unit: 'points', method: 'welch' });
    // the means as the results hold them, subtracted exactly: 3.625 - 2.857142857142857
    expect(m.difference).toBe(0.767857142857143);
    const sample = (n: number, mean: number, variance: number) => ({ kind: 'mean' as const, n, mean: new Dec(mean), variance: new Dec(variance) });
    const core = meanDifference(sample(a.total, a.mean!, a.variance!), sample(b.total, b.mean!, b.variance!), 0.95);
    expect([m.statistic, m.df, m.pValue, m.interval?.lower, m.interval?.upper, m.interval?.standardError]).toStrictEqual([
      core.statistic,
      core.df,
      core.pValue,
      toNumber(core.bounds!.lower),
      toNumber(core.bounds!.upper),
      toNumber(core.bounds!.standardError!),
    ]);
    expect(compare(a, b, { on: 'mean', method: 'welch' }).statistic).toBe(m.statistic);
  });
  it('keeps sign and direction: compare(b, a) flips difference, statistic and interval', () => {
    const a = npsFromCounts({ promoters: 60, passives: 20, detractors: 20 });
    const b = npsFromCounts({ promoters: 40, passives: 30, detractors: 30 });
    const ab = compare(a, b);
    const ba = compare(b, a);
    expect(ab.difference).toBe(30);
    expect(ba.difference).toBe(-30);
    expect(ba.statistic).toBe(-ab.statistic!);
    expect(ba.interval!.lower).toBe(-ab.interval!.upper);
    expect(ba.interval!.upper).toBe(-ab.interval!.lower);
    expect(ba.pValue).toBe(ab.pValue);
  });
  it('decides significance at level before rounding', () => {
    const a = npsFromCounts({ promoters: 30, passives: 50, detractors: 20 });
    const b = npsFromCounts({ promoters: 25, passives: 50, detractors: 25 });
    const c = compare(a, b, { method: 'wald', level: 0.6 });
    expect(c.pValue! < 0.4).toBe(true);
    expect(c.significant).toBe(true);
    expect(compare(a, b, { method: 'wald', level: 0.6, decimals: 0 })).toMatchObject({ pValue: 0, significant: true });
    expect(compare(a, b, { method: 'wald' }).significant).toBe(false);
  });
  it('uses the effective sample size of weighted results', () => {
    const base = { metric: 'csat', unit: 'percent', total: 80, satisfied: { count: 48, percent: 62.5 }, mean: 3.9, variance: 1.1, distribution: [] } as const;
    const weighted = { ...base, value: 60, weighted: { totalWeight: 120, effectiveSampleSize: 50 } };
    const plain = csatFromCounts({ points: { 1: 20, 5: 30 } }); // 30 of 50: 60%
    const other = csatFromCounts({ points: { 1: 40, 5: 20 } });
    const w = compare(weighted, other);
    const p = compare(plain, other);
    expect(w.statistic).toBe(p.statistic);
    expect(w.interval).toStrictEqual(p.interval);
    expect(w.difference).toBe(p.difference);
    // on the mean: n = 50
    const mean = compare(weighted, loose({ ...weighted, mean: 3.5, weighted: undefined, total: 50 }), { on: 'mean' });
    const side = (m: number) => ({ kind: 'mean' as const, n: 50, mean: new Dec(m), variance: new Dec(1.1) });
    const core = meanDifference(side(3.9), side(3.5), 0.95);
    expect(mean.statistic).toBe(core.statistic);
    expect(mean.df).toBe(core.df);
  });
  it('uses the effective sample size of real weighted results', () => {
    const scores = [10, 9, 8, 6, 10, 3, 9, 7, 9, 10, 2, 8];
    const weights = [1, 2, 1, 1, 3, 1, 2, 1, 1, 2, 1, 1];
    const a = nps(scores, { weights });
    const b = nps([9, 6, 7, 8, 5, 10, 4, 9]);
    const nEff = a.weighted!.effectiveSampleSize;
    const c = compare(a, b, { method: 'wald' });
    expect(Math.abs(c.difference! - (a.value! - b.value!))).toBeLessThan(1e-12);
    // the same shares on nEff answers, by hand: SE² = var_a / nEff + var_b / n_b
    const pa = a.promoters.percent! / 100;
    const da = a.detractors.percent! / 100;
    const pb = 3 / 8;
    const db = 3 / 8;
    const se = 100 * Math.sqrt((pa + da - (pa - da) ** 2) / nEff + (pb + db - (pb - db) ** 2) / 8);
    expect(Math.abs(c.interval!.standardError! - se)).toBeLessThan(1e-12 * se);
    const m = compare(csat([5, 4, 1, 2, 5], { weights: [1, 2, 3, 1, 1] }), csat([1, 2, 3, 4, 5]), { on: 'mean' });
    expect(m.df).not.toBe(null);
  });
});

describe('compare: edge cases', () => {
  it('gives null numbers when a side has no data', () => {
    const empty = npsFromCounts({ promoters: 0, passives: 0, detractors: 0 });
    const some = npsFromCounts({ promoters: 3, passives: 1, detractors: 1 });
    const c = compare(empty, some);
    expect({ ...c, warnings: c.warnings.map((w) => [w.code, w.message.slice(0, 3)]) }).toStrictEqual({
      metric: 'nps',
      unit: 'points',
      difference: null,
      interval: null,
      statistic: null,
      df: null,
      pValue: null,
      significant: null,
      method: 'adjusted-wald',
      warnings: [['small-sample', 'b: ']],
    });
    expect(compare(customerChurn({ customersAtStart: 0, customersLost: 0 }), customerChurn({ customersAtStart: 10, customersLost: 1 })).difference).toBe(null);
    expect(compare(csat([]), csat([1, 2]), { on: 'mean' }).difference).toBe(null);
  });
  it('gives the difference of means but no test with fewer than 2 answers', () => {
    const c = compare(csat([4]), csat([1, 2, 3]), { on: 'mean' });
    expect(c).toMatchObject({ difference: 2, interval: null, statistic: null, df: null, pValue: null, significant: null });
  });
  it('has nothing to test when neither side varies', () => {
    expect(compare(csat([4, 4, 4]), csat([4, 4]), { on: 'mean' })).toMatchObject({
      difference: 0,
      interval: { lower: 0, upper: 0, standardError: 0 },
      statistic: 0,
      pValue: 1,
      significant: false,
    });
    expect(compare(csat([4, 4, 4]), csat([2, 2]), { on: 'mean' })).toMatchObject({
      difference: 2,
      interval: null,
      statistic: null,
      pValue: null,
      significant: null,
    });
    const allPromoters = npsFromCounts({ promoters: 40, passives: 0, detractors: 0 });
    const wald = compare(allPromoters, allPromoters, { method: 'wald' });
    expect(wald).toMatchObject({ difference: 0, statistic: 0, pValue: 1, interval: { lower: 0, upper: 0 } });
    expect(wald.warnings.map((w) => w.code)).toStrictEqual(['degenerate-wald', 'degenerate-wald']);
    expect(compare(allPromoters, allPromoters).warnings).toStrictEqual([]);
    const allDetractors = npsFromCounts({ promoters: 0, passives: 0, detractors: 40 });
    expect(compare(allPromoters, allDetractors, { method: 'wald' })).toMatchObject({ difference: 200, interval: null, statistic: null, pValue: null });
    expect(compare(allPromoters, allDetractors)).toMatchObject({ difference: 200, significant: true });
  });
  it('cuts an NPS interval back to [-200, 200] and says so', () => {
    const a = npsFromCounts({ promoters: 1, passives: 0, detractors: 1 });
    const b = npsFromCounts({ promoters: 0, passives: 0, detractors: 1 });
    const c = compare(a, b, { method: 'wald' });
    expect(c.interval).toMatchObject({ upper: 200, clamped: true });
    expect(c.warnings.map((w) => w.code)).toStrictEqual(['small-sample', 'small-sample', 'degenerate-wald', 'interval-clamped']);
  });
  it('warns small-sample for either side, naming it', () => {
    const small = customerChurn({ customersAtStart: 40, customersLost: 2 });
    const large = customerChurn({ customersAtStart: 4000, customersLost: 200 });
    expect(compare(large, small).warnings.map((w) => [w.code, w.message.slice(0, 3)])).toStrictEqual([['small-sample', 'b: ']]);
    expect(compare(small, large).warnings[0]!.message.startsWith('a: ')).toBe(true);
  });
  it('takes frozen results and options', () => {
    const a = Object.freeze({ ...npsFromCounts({ promoters: 5, passives: 3, detractors: 2 }) });
    expect(compare(a, a, Object.freeze({ method: 'wald' as const })).difference).toBe(0);
  });
});

describe('compare: errors', () => {
  const a = npsFromCounts({ promoters: 5, passives: 3, detractors: 2 });
  it('rejects what is not a result', () => {
    for (const bad of [null, undefined, 42, 'nps', [a], {}, { metric: 3 }]) {
      expectMetricsError(() => compare(bad as never, a), 'compare', ['a'], 'invalid-type');
      expectMetricsError(() => compare(a, bad as never), 'compare', ['b'], 'invalid-type');
    }
  });
  it('rejects results of different metrics', () => {
    expectMetricsError(() => compare(a, csat([5])), 'compare', ['b', 'metric'], 'inconsistent');
  });
  it('rejects metrics that cannot be compared, saying why', () => {
    const population = [
      mrrChurn({ startingMrr: '1000.00', churnedMrr: '10.00' }),
      netMrrChurn({ startingMrr: '1000.00', churnedMrr: '10.00', expansionMrr: '5.00' }),
      expansionRevenue({ startingMrr: '1000.00', expansionMrr: '50.00' }),
    ];
    for (const p of population) {
      const e = expectMetricsError(() => compare(p, p), 'compare', ['a', 'metric'], 'invalid-value');
      expect(e.message).toContain('not from a sample');
    }
    const ttr = timeToResolution([{ openedAt: '2024-01-01T00:00:00Z', resolvedAt: '2024-01-01T01:00:00Z' }]);
    expectMetricsError(() => compare(ttr, ttr), 'compare', ['a', 'metric'], 'invalid-value');
    const byRepurchases = repurchaseRate([1, 2, 3], { method: 'repurchases' });
    expectMetricsError(() => compare(byRepurchases, byRepurchases), 'compare', ['a', 'metric'], 'invalid-value');
    expectMetricsError(() => compare(repurchaseRate([1, 2]), byRepurchases), 'compare', ['b', 'metric'], 'invalid-value');
    const plan = sampleSizeFor({ metric: 'nps', marginOfError: 5 });
    expectMetricsError(() => compare(plan, plan), 'compare', ['a', 'metric'], 'invalid-value');
    expectMetricsError(() => compare({ metric: 'unknownMetric' }, a), 'compare', ['a', 'metric'], 'invalid-value');
    expect(expectMetricsError(() => compare({ metric: 'toString' }, a), 'compare', ['a', 'metric'], 'invalid-value').message).toContain(
      'expected a result of nps',
    );
    // a comparison names the metric it compared, but holds none of its counts
    const c = compare(a, a);
    expectMetricsError(() => compare(c, c), 'compare', ['a', 'total'], 'missing-value');
  });
  it('rejects results computed by different definitions', () => {
    const resolved = firstContactResolutionFromCounts({ total: 20, resolved: 10, resolvedFirstContact: 5 });
    const all = firstContactResolutionFromCounts({ total: 20, resolved: 10, resolvedFirstContact: 5 }, { denominator: 'all' });
    expectMetricsError(() => compare(resolved, all), 'compare', ['b', 'denominator'], 'inconsistent');
    expectMetricsError(() => compare(resolved, loose({ ...resolved, denominator: undefined })), 'compare', ['b', 'denominator'], 'invalid-value');
    const start = customerChurn({ customersAtStart: 100, customersLost: 5, customersAdded: 10 });
    const plus = customerChurn({ customersAtStart: 100, customersLost: 5, customersAdded: 10 }, { denominator: 'start-plus-added' });
    expectMetricsError(() => compare(start, plus), 'compare', ['b', 'denominator'], 'inconsistent');
    const answers = [
      { recommend: 9, repurchase: 8, upsell: 5 },
      { recommend: 3, repurchase: 8, upsell: 7 },
    ];
    expectMetricsError(() => compare(loyaltyIndex(answers), loyaltyIndex(answers, { aggregate: 'mean' })), 'compare', ['b', 'aggregate'], 'inconsistent');
    expectMetricsError(
      () => compare(csat([1, 5]), csat([1, 7], { scale: { min: 1, max: 7 } }), { on: 'mean' }),
      'compare',
      ['b', 'distribution'],
      'inconsistent',
    );
    expect(compare(csat([1, 5]), csat([1, 7], { scale: { min: 1, max: 7 } })).method).toBe('n-1');
  });
  it('rejects results missing a field the test needs, or inconsistent in themselves', () => {
    expectMetricsError(() => compare({ metric: 'nps' }, a), 'compare', ['a', 'total'], 'missing-value');
    expectMetricsError(() => compare(a, loose({ ...a, total: 11 })), 'compare', ['b', 'total'], 'inconsistent');
    expectMetricsError(() => compare(a, loose({ ...a, promoters: { count: -1, percent: 0 } })), 'compare', ['b', 'promoters', 'count'], 'out-of-range');
    const churn = customerChurn({ customersAtStart: 100, customersLost: 5 });
    expectMetricsError(() => compare(churn, loose({ ...churn, customersLost: 101 })), 'compare', ['b', 'customersLost'], 'inconsistent');
    const s = csat([1, 2, 5]);
    expectMetricsError(() => compare(s, loose({ ...s, variance: 'big' }), { on: 'mean' }), 'compare', ['b', 'variance'], 'invalid-type');
    expectMetricsError(
      () => compare(s, loose({ ...s, weighted: { totalWeight: 1, effectiveSampleSize: -1 } })),
      'compare',
      ['b', 'weighted', 'effectiveSampleSize'],
      'out-of-range',
    );
  });
  it('rejects bad options', () => {
    expectMetricsError(() => compare(a, a, { level: 1 }), 'compare', ['options', 'level'], 'out-of-range');
    expectMetricsError(() => compare(a, a, { method: 'welch' }), 'compare', ['options', 'method'], 'invalid-value');
    expectMetricsError(() => compare(a, a, { method: 'z' as never }), 'compare', ['options', 'method'], 'invalid-value');
    expectMetricsError(() => compare(a, a, { on: 'mean' }), 'compare', ['options', 'on'], 'invalid-value');
    expectMetricsError(() => compare(csat([1]), csat([2]), { method: 'welch' }), 'compare', ['options', 'method'], 'invalid-value');
    expectMetricsError(() => compare(csat([1]), csat([2]), { on: 'mean', method: 'n-1' }), 'compare', ['options', 'method'], 'invalid-value');
    expectMetricsError(() => compare(a, a, { decimals: 16 }), 'compare', ['options', 'decimals'], 'out-of-range');
    expectMetricsError(() => compare(a, a, { interval: true } as never), 'compare', ['options', 'interval'], 'unknown-key');
    expectMetricsError(() => compare(a, a, 'wald' as never), 'compare', ['options'], 'invalid-type');
  });
});
