/**
 * The interval of the median time to resolution: the distribution-free
 * interval from order statistics, against R 4.2 (tests/vectors/ttr-median-interval.json,
 * from tests/vectors/scripts/ttr-median-interval.R).
 *
 * Ranks and interval bounds compare exactly. Coverage compares within 1e-12
 * relative: it is exact here up to n = 1000 and R's pbinom is not (it
 * carries a few units in the last place), and above 1000 both sides use an
 * incomplete beta function good to about 1e-12.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { EXACT_LIMIT, medianRanks } from '../../src/core/stats/order-statistics.js';
import { timeToResolution, timeToResolutionCounts, timeToResolutionFromCounts } from '../../src/index.js';
import { expectMetricsError } from '../helpers/errors.js';

const METRIC = 'timeToResolution';
const H = 3_600_000;
const TOLERANCE = 1e-12;

const r = JSON.parse(readFileSync(join(import.meta.dirname, '..', 'vectors', 'ttr-median-interval.json'), 'utf8')) as {
  ranks: { n: number; level: number; lower: number | null; upper: number | null; coverage: number | null; qbinom: number }[];
  samples: { name: string; level: number; durations: number[]; lower: number; upper: number; coverage: number }[];
};

function relative(got: number, want: number): number {
  return got === want ? 0 : Math.abs(got - want) / Math.abs(want);
}

/** `P(B <= j)` for binomial(n, 1/2) as the exact fraction `sum / 2^n`. */
function exactTailNumerator(n: number, j: number): bigint {
  let c = 1n;
  let sum = 0n;
  for (let i = 0; i <= j; i++) {
    sum += c;
    c = (c * BigInt(n - i)) / BigInt(i + 1);
  }
  return sum;
}

describe('timeToResolution interval: ranks against R', () => {
  it.each(r.ranks.map((v) => [`n = ${v.n}, level ${v.level}`, v] as const))('%s', (_name, v) => {
    const got = medianRanks(v.n, v.level);
    if (v.lower === null) {
      expect(got).toBe(null);
      return;
    }
    expect(got).not.toBe(null);
    expect([got!.lower, got!.upper]).toStrictEqual([v.lower, v.upper]);
    expect(relative(got!.coverage, v.coverage!)).toBeLessThanOrEqual(TOLERANCE);
    expect(got!.coverage).toBeGreaterThanOrEqual(v.level);
  });

  it("agrees with DescTools::MedianCI's rank (qbinom) but where the tail equals alpha / 2 exactly", () => {
    let ties = 0;
    for (const v of r.ranks) {
      if (v.lower === null || v.lower === v.qbinom) continue;
      // One rank narrower than qbinom's, only at an exact tie: P(B <= q) = (1 - level) / 2.
      expect(v.lower).toBe(v.qbinom + 1);
      expect(v.n).toBeLessThanOrEqual(EXACT_LIMIT);
      const level = BigInt(Math.round(v.level * 1000));
      expect(2n * 1000n * exactTailNumerator(v.n, v.qbinom)).toBe((1000n - level) << BigInt(v.n));
      ties++;
    }
    expect(ties).toBeGreaterThan(0);
  });

  it('finds no interval below 6 observations at 95%, and the full range at 6', () => {
    for (let n = 0; n < 6; n++) expect(medianRanks(n, 0.95)).toBe(null);
    expect(medianRanks(6, 0.95)).toStrictEqual({ lower: 1, upper: 6, coverage: 0.96875 });
  });

  it('takes the level as the decimal written: 0.75 is exactly 3/4', () => {
    // P(B <= 0) = 1/8 for n = 3: [x(1), x(3)] covers with probability exactly 0.75.
    expect(medianRanks(3, 0.75)).toStrictEqual({ lower: 1, upper: 3, coverage: 0.75 });
    expect(medianRanks(3, 0.7500000000000001)).toBe(null);
  });

  it('joins the exact and the incomplete-beta computations without a seam', () => {
    for (const level of [0.5, 0.9, 0.95, 0.99]) {
      const below = medianRanks(EXACT_LIMIT, level)!;
      const above = medianRanks(EXACT_LIMIT + 1, level)!;
      expect(above.lower - below.lower).toBeGreaterThanOrEqual(0);
      expect(above.lower - below.lower).toBeLessThanOrEqual(1);
      expect(above.coverage).toBeGreaterThanOrEqual(level);
    }
  });
});

describe('timeToResolution interval: R samples', () => {
  it.each(r.samples.map((v) => [v.name, v] as const))('%s', (_name, v) => {
    const res = timeToResolutionFromCounts({ resolved: v.durations, open: 0 }, { interval: { level: v.level } });
    expect(res.interval).not.toBe(null);
    const i = res.interval!;
    expect({ lower: i.lower, upper: i.upper, level: i.level, method: i.method, standardError: i.standardError, clamped: i.clamped }).toStrictEqual({
      lower: v.lower,
      upper: v.upper,
      level: v.level,
      method: 'order-statistics',
      standardError: null,
      clamped: false,
    });
    expect(relative(i.coverage, v.coverage)).toBeLessThanOrEqual(TOLERANCE);
    expect(i.lower).toBeLessThanOrEqual(res.median!);
    expect(i.upper).toBeGreaterThanOrEqual(res.median!);
  });
});

describe('timeToResolution interval: results', () => {
  const twelve = [5, 1, 9, 2, 14, 3, 7, 4, 30, 6, 11, 2].map((h) => ({ openedAt: 0, resolvedAt: h * H }));

  it('repeats the TSDoc examples', () => {
    const hours = [5, 1, 9, 2, 14, 3, 7, 4, 30, 6, 11, 2].map((h) => h * 3600000);
    expect(timeToResolutionFromCounts({ resolved: hours, open: 0 }, { interval: true }).interval).toStrictEqual({
      lower: 7200000,
      upper: 39600000,
      level: 0.95,
      method: 'order-statistics',
      standardError: null,
      clamped: false,
      coverage: 0.96142578125,
    });
    expectMetricsError(
      () => timeToResolutionFromCounts({ resolved: hours, open: 0 }, { statistic: 'mean', interval: true }),
      METRIC,
      ['options', 'interval'],
      'inconsistent',
    );
  });

  it('puts the interval before the warnings only when asked for', () => {
    const res = timeToResolution(twelve, { interval: { level: 0.8, method: 'order-statistics' } });
    // n = 12 at 80%: P(B <= 3) = 299/4096 <= 0.1 < P(B <= 4) = 794/4096, so r = 4: x(4) = 3 h, x(9) = 9 h.
    expect(res.interval).toStrictEqual({
      lower: 3 * H,
      upper: 9 * H,
      level: 0.8,
      method: 'order-statistics',
      standardError: null,
      clamped: false,
      coverage: 1 - 2 * (299 / 4096),
    });
    // At 90% and 95% alike, r = 3 (P(B <= 2) = 79/4096): x(3) = 2 h, x(10) = 11 h.
    expect(timeToResolution(twelve, { interval: { level: 0.9 } }).interval).toMatchObject({ lower: 2 * H, upper: 11 * H, coverage: 1 - 2 * (79 / 4096) });
    expect(Object.keys(res).slice(-2)).toStrictEqual(['interval', 'warnings']);
    expect(res.warnings.map((w) => w.code)).toStrictEqual(['small-sample']);
    expect('interval' in timeToResolution(twelve)).toBe(false);
    expect('interval' in timeToResolution(twelve, { interval: false, statistic: 'mean' })).toBe(false);
  });

  it('gives null without enough resolved tickets for the level', () => {
    expect(timeToResolution([], { interval: true })).toMatchObject({ value: null, interval: null, warnings: [] });
    expect(timeToResolution(twelve.slice(0, 5), { interval: true }).interval).toBe(null);
    expect(timeToResolution(twelve.slice(0, 5), { interval: { level: 0.9 } }).interval).toMatchObject({ lower: 1 * H, upper: 14 * H, coverage: 0.9375 });
  });

  it("gives null under open: 'censor' when a ticket is open, and the same interval when none is", () => {
    const open = [...twelve, { openedAt: 0 }];
    expect(timeToResolution(open, { open: 'censor', asOf: 40 * H, interval: true })).toMatchObject({ estimator: 'kaplan-meier', interval: null });
    expect(timeToResolutionFromCounts({ resolved: [1, 2, 3, 4, 5, 6], censored: [9], open: 1 }, { open: 'censor', interval: true }).interval).toBe(null);
    const closed = timeToResolution(twelve, { open: 'censor', asOf: 40 * H, interval: true });
    expect(closed.interval).toStrictEqual(timeToResolution(twelve, { interval: true }).interval);
    // Under the default, open tickets are left out and the interval is that of the resolved ones.
    expect(timeToResolution(open, { interval: true }).interval).toStrictEqual(timeToResolution(twelve, { interval: true }).interval);
  });

  it('measures working time with business hours, as the median does', () => {
    const hours = {
      timeZone: 'Europe/Amsterdam',
      days: { mon: ['09:00', '18:00'], tue: ['09:00', '18:00'], wed: ['09:00', '18:00'], thu: ['09:00', '18:00'], fri: ['09:00', '18:00'] },
    } as const;
    // Opened Monday 2026-03-02 09:00 +01:00; resolved k working hours later, some across the night.
    const monday = Date.parse('2026-03-02T08:00:00Z');
    const tickets = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10].map((k) => ({ openedAt: monday, resolvedAt: monday + (k <= 9 ? k : 24 + 1) * H }));
    const calendar = timeToResolution(tickets, { interval: true });
    const working = timeToResolution(tickets, { interval: true, businessHours: hours });
    // 10 tickets at 95%: r = 2, so x(2) and x(9). The tenth ticket ends Tuesday 10:00: 9 + 1 working hours.
    expect(calendar.interval).toMatchObject({ lower: 2 * H, upper: 9 * H });
    expect(working.interval).toMatchObject({ lower: 2 * H, upper: 9 * H });
    const c = timeToResolutionCounts(tickets, { businessHours: hours });
    expect(timeToResolutionFromCounts(c, { interval: true }).interval).toStrictEqual(working.interval);
    const late = tickets.map((t) => ({ openedAt: t.openedAt + 8 * H, resolvedAt: t.resolvedAt + 8 * H }));
    // Opened at 17:00: one working hour on Monday, then nothing until Tuesday 09:00; the
    // tenth ticket ends Tuesday 18:00 (1 + 9 h). Working durations 1 h (nine times) and 10 h.
    expect(timeToResolution(late, { interval: true })).toMatchObject({ interval: { lower: 2 * H, upper: 9 * H } });
    expect(timeToResolution(late, { interval: true, businessHours: hours })).toMatchObject({ median: 1 * H, interval: { lower: 1 * H, upper: 1 * H } });
  });

  it('rounds nothing it need not: bounds are durations, coverage a probability', () => {
    const res = timeToResolutionFromCounts({ resolved: [1, 2, 3, 4, 5, 6, 7], open: 0 }, { interval: true, decimals: 0 });
    expect(res.interval).toStrictEqual({
      lower: 1,
      upper: 7,
      level: 0.95,
      method: 'order-statistics',
      standardError: null,
      clamped: false,
      coverage: 0.984375,
    });
  });

  it('returns a frozen, JSON-safe interval', () => {
    const res = timeToResolution(twelve, { interval: true });
    expect(Object.isFrozen(res.interval)).toBe(true);
    expect(JSON.parse(JSON.stringify(res))).toStrictEqual(res);
  });

  it('rejects a bad interval option, and an interval of the mean', () => {
    expectMetricsError(() => timeToResolution(twelve, { statistic: 'mean', interval: true }), METRIC, ['options', 'interval'], 'inconsistent');
    expectMetricsError(() => timeToResolutionCounts(twelve, { statistic: 'mean', interval: { level: 0.9 } }), METRIC, ['options', 'interval'], 'inconsistent');
    expectMetricsError(() => timeToResolution(twelve, { interval: { method: 'wilson' } } as never), METRIC, ['options', 'interval', 'method'], 'invalid-value');
    expectMetricsError(() => timeToResolution(twelve, { interval: { level: 1.5 } }), METRIC, ['options', 'interval', 'level'], 'out-of-range');
    expectMetricsError(
      () => timeToResolution(twelve, { interval: { level: 0.9, resamples: 100 } } as never),
      METRIC,
      ['options', 'interval', 'resamples'],
      'unknown-key',
    );
  });
});
