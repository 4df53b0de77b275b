/**
 * The trend of each segment over its periods: a slope with its interval and
 * test, the tests adjusted together for their number.
 */

import { readSample } from '../core/comparison/samples.js';
import { describe, fail } from '../core/contract/errors.js';
import { METRICS, type OperationName, type TallyMetric, unreachable } from '../core/contract/registry.js';
import { deepFreeze } from '../core/contract/result.js';
import { Dec, toNumber } from '../core/exact/decimal.js';
import { type Adjustment, adjust } from '../core/stats/multiplicity.js';
import { cochranArmitage, type SlopeTest, weightedSlope } from '../core/stats/trend.js';
import { npsShares, npsVariance } from '../core/survey/nps-score.js';
import { DAY_MS } from '../core/time/time.js';
import { type ReadRow, readFamilyOptions, readResultTable } from './results.js';
import type { SegmentTable } from './segment.js';
import type { SegmentKey } from './spec.js';
import { keyObject } from './table.js';
import { rethrow } from './tally-records.js';

/** Options of {@link trend}. */
export interface TrendOptions {
  /** The correction across segments: `'holm'` (default), `'bh'` or `'none'`, as in `changes`. */
  readonly adjust?: Adjustment;
  /** Confidence level of the slope's interval; `1 - level` the error rate the adjustment controls. Default 0.95. */
  readonly level?: number;
  /**
   * The period scores: `'index'` (default: equally spaced, one per period,
   * gaps counted) or `'days'` (calendar periods only: each period's start
   * in days, so months of different lengths are spaced by their length).
   * The slope is per period or per day accordingly.
   */
  readonly scores?: 'index' | 'days';
  /** CSAT and CES: the trend of the percent (default, Cochran-Armitage) or of the mean (weighted least squares). */
  readonly on?: 'percent' | 'mean';
}

/** The test behind a trend. */
export type TrendTest = 'cochran-armitage' | 'weighted-least-squares';

/**
 * Why a segment has no trend or needs care:
 *
 * - `'too-few-periods'`: fewer than three periods with data (at least `minCount` answers each).
 * - `'untestable'`: the test is undefined (every answer a success or a failure; a period without variance).
 */
export type TrendFlag = 'too-few-periods' | 'untestable';

/** The interval of a trend's slope: `slope ± z standardError`. */
export interface TrendInterval {
  /** The lower bound, per score unit. */
  readonly lower: number;
  /** The upper bound, per score unit. */
  readonly upper: number;
  /** The confidence level. */
  readonly level: number;
  /** The slope's standard error (for Cochran-Armitage, from each period's own binomial variance). */
  readonly standardError: number;
}

/** One segment's trend. */
export interface TrendRow {
  /** The segment (a total's key holds `null` where it rolls up). */
  readonly key: SegmentKey;
  /** Periods used: those with at least `minCount` answers (and one). */
  readonly periods: number;
  /** The slope per score unit (per period, or per day with `scores: 'days'`), in the metric's unit: percentage points for proportions, points for NPS and means. */
  readonly slope: number | null;
  /** The slope's interval at `level`; `null` with the slope. */
  readonly interval: TrendInterval | null;
  /** The z statistic of the test. */
  readonly statistic: number | null;
  /** The two-sided p-value, unadjusted. */
  readonly pValue: number | null;
  /** The p-value adjusted across the segments tested. */
  readonly pAdjusted: number | null;
  /** Whether `pAdjusted < 1 - level`. */
  readonly significant: boolean | null;
  /** The test used. */
  readonly test: TrendTest;
  /** `'too-few-periods'`, `'untestable'`. */
  readonly flags: readonly TrendFlag[];
}

/** The result of {@link trend}. */
export interface TrendResult {
  /** Marks a table of trends: `'segmentTrend'`. */
  readonly kind: 'segmentTrend';
  /** The table's metric. */
  readonly metric: TallyMetric;
  /** The adjustment. */
  readonly adjust: Adjustment;
  /** The confidence level. */
  readonly level: number;
  /** The scores. */
  readonly scores: 'index' | 'days';
  /** How many trends were adjusted together. */
  readonly tests: number;
  /** One row per segment with periods (cells and totals), in the table's order. */
  readonly rows: readonly TrendRow[];
}

const SOURCE: OperationName = 'trend';

/**
 * The trend of each segment over its periods. Proportions (CSAT and CES
 * percent, FCR, repurchase rate by customers, upsell) use the
 * Cochran-Armitage test for trend (R's `prop.trend.test`) with a slope in
 * percentage points per period; NPS and means use the weighted
 * least-squares slope of the periods' values, each weighted by the inverse
 * of its variance (NPS: the adjusted-Wald variance, never 0; a mean: its
 * variance over its count), with a z test. The p-values of all segments are
 * adjusted together as in `changes`.
 *
 * What the test assumes: periods independent of one another (different
 * respondents), and a straight line in the scores; it detects a steady rise
 * or fall, not a one-off jump, a cycle or a change of direction, and a
 * significant slope says nothing of why.
 *
 * @param table - A table from `segment` or `segmentFromCounts` with periods.
 * @param options - Adjustment, level, scores, and `on` for CSAT and CES.
 * @returns One trend per segment.
 * @throws {@link MetricsError} (metric `'trend'`) when the table is not a segment table with periods, its metric has no test, or an option is invalid.
 * @example
 * const records = [1, 2, 3, 4].flatMap((q) => Array.from({ length: 100 }, (_, i) => ({ satisfied: i < 50 + 5 * q ? 5 : 2, quarter: `Q${q}` })));
 * const t = trend(segment(records, { metric: 'csat', value: 'satisfied', period: { field: 'quarter' } }));
 * t.rows[0].slope // => 5
 * t.rows[0].test // => 'cochran-armitage'
 */
export function trend<M extends TallyMetric>(table: SegmentTable<M>, options?: TrendOptions): TrendResult {
  const o = readOptions(options);
  const t = readResultTable(SOURCE, table);
  if (t.period === null) fail(SOURCE, 'inconsistent', ['table', 'period'], 'expected a table with periods, received one without');
  if (o.scores === 'days' && t.calendar === null)
    fail(SOURCE, 'inconsistent', ['options', 'scores'], "expected scores: 'days' only for calendar periods, received label periods");
  const plan = METRICS[t.metric].compare;
  const on = t.metric === 'csat' || t.metric === 'ces' ? (o.on ?? 'percent') : 'percent';
  if (o.on !== undefined && t.metric !== 'csat' && t.metric !== 'ces')
    fail(SOURCE, 'inconsistent', ['options', 'on'], `expected on only for csat and ces, received a table of ${t.metric}`);
  const cochran = plan === 'proportion' || (plan === 'point-scale' && on === 'percent');
  const test: 'cochran-armitage' | 'weighted-least-squares' = cochran ? 'cochran-armitage' : 'weighted-least-squares';
  const segments = new Map<string, ReadRow[]>();
  for (const row of t.rows) {
    if (row.period === null) continue;
    segments.set(row.keyId, [...(segments.get(row.keyId) ?? []), row]);
  }
  const scoreOf = (row: ReadRow): number => (o.scores === 'days' ? t.calendar!.start(row.position) / DAY_MS : row.position);
  const min = Math.max(1, t.minCount);
  const pending = [...segments.values()].map((rows) => {
    const used = rows.filter((r) => r.size >= min).sort((a, b) => a.position - b.position);
    if (used.length < 3) return { rows, used, fit: null, flags: ['too-few-periods'] as TrendFlag[] };
    const samples = used.map((r) =>
      rethrow(
        SOURCE,
        () => readSample('a', t.metric as never, t.result(r.counts), on),
        // An error of the table's options names the table, not the row.
        (p) => (p[0] === 'table' ? p : ['table', 'rows', r.index, ...p.slice(1)]),
      ),
    );
    const scores = used.map(scoreOf);
    let fit: SlopeTest | null;
    if (cochran) {
      const xs = samples.map((s) => (s.kind === 'proportion' ? s.x : 0));
      const ns = samples.map((s) => (s.kind === 'proportion' ? s.n : 0));
      fit = cochranArmitage(xs, ns, scores, o.level);
      if (fit !== null) fit = { ...fit, slope: fit.slope * 100, standardError: fit.standardError * 100, lower: fit.lower * 100, upper: fit.upper * 100 };
    } else {
      const values: number[] = [];
      const variances: number[] = [];
      for (const s of samples) {
        if (s.kind === 'nps') {
          const { p, d, n } = npsShares(s.promoters, s.detractors, s.n, true);
          values.push(toNumber(s.observed!));
          variances.push(toNumber(npsVariance(p, d).times(10_000).dividedBy(n)));
        } else if (s.kind === 'mean') {
          values.push(s.mean === null ? Number.NaN : toNumber(s.mean));
          variances.push(s.variance === null ? 0 : toNumber(s.variance.dividedBy(new Dec(s.n))));
        } else {
          unreachable(s as never);
        }
      }
      fit = variances.some((v) => !(v > 0)) ? null : weightedSlope(values, variances, scores, o.level);
    }
    return { rows, used, fit, flags: (fit === null ? ['untestable'] : []) as TrendFlag[] };
  });
  const tested = pending.filter((p) => p.fit !== null);
  const adjusted = adjust(
    tested.map((p) => p.fit!.pValue),
    o.adjust,
  );
  const pAdjusted = new Map(tested.map((p, i) => [p, adjusted[i]!]));
  const alpha = 1 - o.level;
  const rows = pending.map((p): TrendRow => {
    const fit = p.fit;
    const pa = pAdjusted.get(p) ?? null;
    return {
      key: keyObject(t.by, p.rows[0]!.key),
      periods: p.used.length,
      slope: fit === null ? null : fit.slope + 0,
      interval: fit === null ? null : { lower: fit.lower + 0, upper: fit.upper + 0, level: o.level, standardError: fit.standardError },
      statistic: fit === null ? null : fit.statistic + 0,
      pValue: fit === null ? null : fit.pValue,
      pAdjusted: pa,
      significant: pa === null ? null : pa < alpha,
      test,
      flags: p.flags,
    };
  });
  return deepFreeze({ kind: 'segmentTrend', metric: t.metric, adjust: o.adjust, level: o.level, scores: o.scores, tests: tested.length, rows });
}

interface ReadOptions {
  readonly adjust: Adjustment;
  readonly level: number;
  readonly scores: 'index' | 'days';
  readonly on: 'percent' | 'mean' | undefined;
}

function readOptions(options: unknown): ReadOptions {
  const { options: o, adjust, level, on } = readFamilyOptions(SOURCE, options, ['scores']);
  const scores = o.scores ?? 'index';
  if (scores !== 'index' && scores !== 'days') fail(SOURCE, 'invalid-value', ['options', 'scores'], `expected "index" or "days", received ${describe(scores)}`);
  return { adjust, level, scores, on };
}
