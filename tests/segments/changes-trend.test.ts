/**
 * Which changes are real and which trends: the adjustments and trend tests
 * against R's reference values (tests/vectors/scripts/segments.R), and
 * `changes` and `trend` on segment tables.
 */
import { describe, expect, it } from 'vitest';
import { benjaminiHochberg, holm } from '../../src/core/stats/multiplicity.js';
import { normalQuantile } from '../../src/core/stats/normal.js';
import { cochranArmitage, weightedSlope } from '../../src/core/stats/trend.js';
import { changes, compare, nps, segment, trend } from '../../src/index.js';
import { expectMetricsError } from '../helpers/errors.js';
import multiplicity from '../vectors/multiplicity-r.json' with { type: 'json' };
import trendVectors from '../vectors/trend-r.json' with { type: 'json' };

/** `actual` within `rel` of `expected`, or within `abs` of it (R's least squares leave noise of about 1e-17 around an exact 0). */
function close(actual: number, expected: number, rel = 1e-12, abs = 1e-12): void {
  const ok = Math.abs(actual - expected) <= Math.max(abs, rel * Math.abs(expected));
  expect(ok, `${actual} vs ${expected}`).toBe(true);
}

describe('adjustments against R p.adjust', () => {
  it.each(multiplicity.cases.map((c) => [c.name, c] as const))('%s', (_name, c) => {
    expect(holm(c.p)).toEqual(c.holm);
    expect(benjaminiHochberg(c.p)).toEqual(c.bh);
  });
});

describe('Cochran-Armitage against R prop.trend.test', () => {
  it.each(trendVectors.cochranArmitage.map((c) => [c.name, c] as const))('%s', (name, c) => {
    const r = cochranArmitage(c.x, c.n, c.score, 0.95)!;
    // One case is a drift of 4.5e-6 on a billion trials: lm's centred sums lose digits there; ours are exact.
    const rel = name.includes('tiny drift') ? 1e-9 : 1e-12;
    close(r.statistic ** 2, c.statistic, rel);
    close(r.pValue, c.pValue, rel);
    close(r.slope, c.slope, rel, 1e-15);
    if (r.statistic !== 0) close(r.slope / r.statistic, c.standardError, rel);
  });

  it('is exactly zero on equal proportions, and undefined without variation', () => {
    expect(cochranArmitage([10, 20, 30], [100, 200, 300], [1, 2, 3], 0.95)).toMatchObject({ slope: 0, statistic: 0, pValue: 1 });
    expect(cochranArmitage([0, 0, 0], [5, 5, 5], [1, 2, 3], 0.95)).toBeNull();
    expect(cochranArmitage([1, 2], [5, 5], [1, 1], 0.95)).toBeNull();
  });
});

describe("the trend tests' intervals", () => {
  it("Cochran-Armitage: slope ± z SE with each group's own binomial variance, skipping empty groups", () => {
    // Scores 1, 2, 3 (mean 2 over 300 answers), proportions 0.1, 0.2, 0.3: Σ n (s - s̄)² = 200.
    const x = [10, 20, 30];
    const n = [100, 100, 100];
    const variance = 100 * (0.1 * 0.9) + 0 + 100 * (0.3 * 0.7);
    const se = Math.sqrt(variance) / 200;
    for (const level of [0.95, 0.8]) {
      const r = cochranArmitage(x, n, [1, 2, 3], level)!;
      const z = normalQuantile(1 - (1 - level) / 2);
      close(r.slope, 0.1);
      close(r.standardError, se);
      close(r.lower, 0.1 - z * se);
      close(r.upper, 0.1 + z * se);
    }
    // A group with no answers adds nothing, and does not divide by zero.
    const withEmpty = cochranArmitage([10, 0, 20, 30], [100, 0, 100, 100], [1, 1.5, 2, 3], 0.95)!;
    const without = cochranArmitage(x, n, [1, 2, 3], 0.95)!;
    expect(withEmpty.standardError).toBe(without.standardError);
    expect(withEmpty.lower).toBe(without.lower);
  });

  it('weighted least squares: slope ± z SE, and undefined without two distinct scores', () => {
    // Equal variances 0.5: w = 2, scores 0 and 1, estimates 1 and 3: slope 2, SE 1 / sqrt(Σ w (s - s̄)²) = 1.
    for (const level of [0.95, 0.8]) {
      const r = weightedSlope([1, 3], [0.5, 0.5], [0, 1], level)!;
      const z = normalQuantile(1 - (1 - level) / 2);
      close(r.slope, 2);
      close(r.standardError, 1);
      close(r.lower, 2 - z);
      close(r.upper, 2 + z);
    }
    expect(weightedSlope([1, 3], [0.5, 0.5], [1, 1], 0.95)).toBeNull();
  });
});

describe('weighted least-squares slope against R lm', () => {
  it.each(trendVectors.weightedSlope.map((c) => [c.name, c] as const))('%s', (_name, c) => {
    const r = weightedSlope(c.y, c.variance, c.score, 0.95)!;
    close(r.slope, c.slope);
    close(r.standardError, c.standardError);
    close(r.statistic, c.z);
    close(r.pValue, c.pValue);
  });
});

/** Monthly answers in two regions: EU improving steadily, US flat; one small cell. */
function survey(): { score: number; region: string; month: string }[] {
  const out: { score: number; region: string; month: string }[] = [];
  for (let m = 0; m < 6; m++) {
    const month = `2026-${String(m + 1).padStart(2, '0')}`;
    for (let i = 0; i < 100; i++) out.push({ score: i < 30 + 6 * m ? 10 : i < 70 ? 8 : 3, region: 'EU', month });
    for (let i = 0; i < (m === 2 ? 12 : 100); i++) out.push({ score: i % 10 < 4 ? 10 : i % 10 < 7 ? 8 : 3, region: 'US', month });
  }
  return out;
}
const monthly = { field: 'month', order: ['2026-01', '2026-02', '2026-03', '2026-04', '2026-05', '2026-06'] };

describe('changes', () => {
  const table = segment(survey(), { metric: 'nps', value: 'score', by: 'region', period: monthly, minCount: 30 });

  it('compares each cell with its previous period and adjusts the family by Holm', () => {
    const c = changes(table);
    expect(c.kind).toBe('segmentChanges');
    expect(c.rows.length).toBe(12);
    const eu = c.rows.filter((r) => r.key.region === 'EU');
    expect(eu[0]!.flags).toEqual(['no-baseline']);
    expect(eu[1]!.against).toEqual({ baseline: 'previous', period: '2026-01' });
    expect(eu[1]!.comparison).toEqual(compare(table.rows[1]!.result, table.rows[0]!.result, { level: 0.95 }));
    // The US cell of March has 12 answers: it and April (whose baseline it is) are not compared.
    const us = c.rows.filter((r) => r.key.region === 'US');
    expect(us.map((r) => r.flags)).toEqual([['no-baseline'], [], ['below-min-count'], ['below-min-count'], [], []]);
    expect(c.comparisons).toBe(8);
    const tested = c.rows.filter((r) => r.pAdjusted !== null);
    expect(tested.map((r) => r.pAdjusted)).toEqual(holm(tested.map((r) => r.comparison!.pValue!)));
    expect(tested.every((r) => r.significant === r.pAdjusted! < 0.05)).toBe(true);
  });

  it('compares with the first period, the rest, or the total', () => {
    const first = changes(table, { against: 'first' });
    expect(first.rows[5]!.against).toEqual({ baseline: 'first', period: '2026-01' });
    expect(first.rows[5]!.comparison!.difference).toBe(30);
    const rest = changes(table, { against: 'rest', adjust: 'none' });
    const scores = survey();
    const janEu = scores.filter((r) => r.month === '2026-01' && r.region === 'EU').map((r) => r.score);
    const janUs = scores.filter((r) => r.month === '2026-01' && r.region === 'US').map((r) => r.score);
    expect(rest.rows[0]!.comparison).toEqual(compare(nps(janEu), nps(janUs), { level: 0.95 }));
    expect(rest.rows[0]!.pAdjusted).toBe(rest.rows[0]!.comparison!.pValue);
    const total = changes(table, { against: 'total', adjust: 'bh', level: 0.9 });
    expect(total.rows[0]!.comparison).toEqual(compare(nps(janEu), nps([...janEu, ...janUs]), { level: 0.9 }));
    expect(total.adjust).toBe('bh');
  });

  it('compares the cells of a table with totals, and trends every series with periods, totals included', () => {
    const withTotals = segment(survey(), { metric: 'nps', value: 'score', by: 'region', period: monthly, minCount: 30, totals: true });
    const c = changes(withTotals);
    expect(c.rows.map((r) => r.key)).toStrictEqual(changes(table).rows.map((r) => r.key));
    expect(c.comparisons).toBe(8);
    const t = trend(withTotals);
    expect(t.rows.map((r) => r.key)).toStrictEqual([{ region: 'EU' }, { region: 'US' }, { region: null }]);
    expect(t.tests).toBe(3);
    const tampered = JSON.parse(JSON.stringify(withTotals));
    tampered.rows.at(-1).counts.passives = 'x';
    expectMetricsError(() => changes(tampered), 'changes', ['table', 'rows', withTotals.rows.length - 1, 'counts', 'passives'], 'inconsistent');
  });

  it('refuses what it cannot compare', () => {
    expectMetricsError(() => changes(segment(survey(), { metric: 'nps', value: 'score', by: 'region' })), 'changes', ['options', 'against'], 'inconsistent');
    const ttr = segment([{ openedAt: 0, resolvedAt: 10, m: 'a' }], { metric: 'timeToResolution', period: { field: 'm' } });
    expectMetricsError(() => changes(ttr), 'changes', ['table', 'metric'], 'invalid-value');
    expectMetricsError(() => changes(table, { adjust: 'bonferroni' as never }), 'changes', ['options', 'adjust'], 'invalid-value');
    expectMetricsError(() => changes(table, { against: 'last' as never }), 'changes', ['options', 'against'], 'invalid-value');
    expectMetricsError(() => changes(table, { level: 2 }), 'changes', ['options', 'level']);
    expectMetricsError(() => changes(table, { method: 'welch' }), 'changes', ['options', 'method']);
    expectMetricsError(() => changes({ kind: 'segmentCounts' } as never), 'changes', ['table'], 'invalid-type');
    const tampered = JSON.parse(JSON.stringify(table));
    tampered.rows[0].counts.promoters = -1;
    expectMetricsError(() => changes(tampered), 'changes', ['table', 'rows', 0, 'counts', 'promoters'], 'out-of-range');
  });
});

describe('trend', () => {
  it('finds the steady rise, adjusted across segments', () => {
    const table = segment(survey(), { metric: 'nps', value: 'score', by: 'region', period: monthly, minCount: 30 });
    const t = trend(table);
    expect(t.kind).toBe('segmentTrend');
    expect(t.tests).toBe(2);
    const [eu, us] = t.rows;
    expect(eu!.key).toEqual({ region: 'EU' });
    expect(eu!.test).toBe('weighted-least-squares');
    expect(eu!.periods).toBe(6);
    expect(eu!.slope).toBe(6);
    expect(eu!.significant).toBe(true);
    expect(us!.periods).toBe(5);
    expect(us!.slope).toBe(0);
    expect(us!.significant).toBe(false);
    expect([eu!.pAdjusted, us!.pAdjusted]).toEqual(holm([eu!.pValue!, us!.pValue!]));
  });

  it('tests proportions by Cochran-Armitage, in percentage points per period or per day', () => {
    const records = [1, 2, 3, 4].flatMap((q) => Array.from({ length: 100 }, (_, i) => ({ s: i < 50 + 5 * q ? 5 : 2, q: `Q${q}` })));
    const t = trend(segment(records, { metric: 'csat', value: 's', period: { field: 'q' } }));
    const fit = cochranArmitage([55, 60, 65, 70], [100, 100, 100, 100], [0, 1, 2, 3], 0.95)!;
    expect(t.rows[0]).toMatchObject({ slope: 5, test: 'cochran-armitage', pValue: fit.pValue, statistic: fit.statistic });
    const months = [0, 1, 2].flatMap((m) => Array.from({ length: 50 }, (_, i) => ({ s: i < 20 + 5 * m ? 5 : 1, at: Date.UTC(2026, m, 10) })));
    const byDay = trend(segment(months, { metric: 'csat', value: 's', period: { field: 'at', unit: 'month', timeZone: 'UTC' } }), { scores: 'days' });
    const days = cochranArmitage([20, 25, 30], [50, 50, 50], [Date.UTC(2026, 0, 1) / 864e5, Date.UTC(2026, 1, 1) / 864e5, Date.UTC(2026, 2, 1) / 864e5], 0.95)!;
    expect(byDay.rows[0]!.slope).toBe(days.slope * 100);
    expect(trend(segment(months, { metric: 'csat', value: 's', period: { field: 'at', unit: 'month', timeZone: 'UTC' } }), { on: 'mean' }).rows[0]!.test).toBe(
      'weighted-least-squares',
    );
  });

  it('needs three periods with data', () => {
    const t = trend(
      segment(
        [
          { s: 1, m: 'a' },
          { s: 10, m: 'b' },
        ],
        { metric: 'nps', value: 's', period: { field: 'm' } },
      ),
    );
    expect(t.rows[0]).toMatchObject({ periods: 2, slope: null, pValue: null, pAdjusted: null, significant: null, flags: ['too-few-periods'] });
    expect(t.tests).toBe(0);
  });

  it('refuses tables without periods and options it does not know', () => {
    expectMetricsError(() => trend(segment([{ s: 1 }], { metric: 'nps', value: 's' })), 'trend', ['table', 'period'], 'inconsistent');
    const labels = segment([{ s: 1, m: 'a' }], { metric: 'nps', value: 's', period: { field: 'm' } });
    expectMetricsError(() => trend(labels, { scores: 'days' }), 'trend', ['options', 'scores'], 'inconsistent');
    expectMetricsError(() => trend(labels, { on: 'mean' }), 'trend', ['options', 'on'], 'inconsistent');
    expectMetricsError(() => trend(labels, { colour: 1 } as never), 'trend', ['options', 'colour'], 'unknown-key');
  });
});
