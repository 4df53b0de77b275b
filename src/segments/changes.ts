/**
 * Which changes in a segment table are real: every cell compared with a
 * baseline by `compare`, then all the comparisons of the call adjusted
 * together for their number.
 */

import { COMPARE_METHODS, type CompareMethod } from '../core/comparison/methods.js';
import { describe, fail } from '../core/contract/errors.js';
import type { OperationName, TallyMetric } from '../core/contract/registry.js';
import { deepFreeze } from '../core/contract/result.js';
import { mergeTallies, type Tally } from '../core/contract/tally.js';
import { type Adjustment, adjust } from '../core/stats/multiplicity.js';
import { type CompareResult, compare } from '../metrics/compare.js';
import { TALLYING_METRICS } from '../metrics/registry.js';
import { type ReadRow, readFamilyOptions, readResultTable } from './results.js';
import type { SegmentPeriod } from './rows.js';
import { describePeriod } from './rows.js';
import type { SegmentTable } from './segment.js';
import type { SegmentKey } from './spec.js';
import { keyObject } from './table.js';
import { rethrow } from './tally-records.js';

/** What each cell is compared with. */
export type ChangeBaseline = 'previous' | 'first' | 'rest' | 'total';

/** Options of {@link changes}. */
export interface ChangesOptions {
  /**
   * The baseline: `'previous'` (default: the segment's previous period),
   * `'first'` (its first period), `'rest'` (every other segment in the same
   * period, merged exactly) or `'total'` (all segments in the period,
   * itself included).
   */
  readonly against?: ChangeBaseline;
  /** The correction for the number of comparisons: `'holm'` (default, family-wise error rate), `'bh'` (Benjamini-Hochberg, false discovery rate) or `'none'`. */
  readonly adjust?: Adjustment;
  /** Confidence level of each interval; `1 - level` is the error rate the adjustment controls. Default 0.95. */
  readonly level?: number;
  /** The test where there is a choice, as `compare` takes it (NPS: `'adjusted-wald'` or `'wald'`). */
  readonly method?: CompareMethod;
  /** CSAT and CES: compare the percent (default) or the mean. */
  readonly on?: 'percent' | 'mean';
}

/**
 * Why a row has no comparison or needs care:
 *
 * - `'no-baseline'`: nothing to compare with (the segment's first period, or no other segment).
 * - `'below-min-count'`: the cell or its baseline has fewer answers than the table's `minCount`; not compared, not in the family.
 * - `'untestable'`: the test is undefined (a side without data or without variance); not in the family.
 */
export type ChangeFlag = 'no-baseline' | 'below-min-count' | 'untestable';

/** What a cell was compared with. */
export interface ChangeAgainst {
  /** The kind of baseline. */
  readonly baseline: ChangeBaseline;
  /** The baseline's period label: the previous or first period, or the cell's own for `'rest'` and `'total'`; `null` without a baseline. */
  readonly period: string | null;
}

/** One cell's change against its baseline. */
export interface ChangeRow {
  /** The cell's segment. */
  readonly key: SegmentKey;
  /** The cell's period; `null` in a table without periods. */
  readonly period: SegmentPeriod | null;
  /** What it was compared with. */
  readonly against: ChangeAgainst;
  /** `compare(cell, baseline)`: the difference, its interval, the unadjusted p-value; `null` when not compared. */
  readonly comparison: CompareResult | null;
  /** The p-value adjusted for every comparison of the call; `null` when not compared or untestable. */
  readonly pAdjusted: number | null;
  /** Whether `pAdjusted < 1 - level`; `null` when not compared or untestable. */
  readonly significant: boolean | null;
  /** `'no-baseline'`, `'below-min-count'`, `'untestable'`. */
  readonly flags: readonly ChangeFlag[];
}

/** The result of {@link changes}. */
export interface ChangesResult {
  /** Marks a table of changes: `'segmentChanges'`. */
  readonly kind: 'segmentChanges';
  /** The table's metric. */
  readonly metric: TallyMetric;
  /** The baseline. */
  readonly against: ChangeBaseline;
  /** The adjustment. */
  readonly adjust: Adjustment;
  /** The confidence level. */
  readonly level: number;
  /** How many comparisons were adjusted together: the rows with a p-value. */
  readonly comparisons: number;
  /** One row per cell of the table (totals are not compared), in the table's order. */
  readonly rows: readonly ChangeRow[];
}

const SOURCE: OperationName = 'changes';

/**
 * Which changes in a segment table are more than noise. Each cell (not the
 * totals) is compared with its baseline by {@link compare}: the same tests,
 * intervals and sign rules (a positive difference means the cell is
 * higher). Then the p-values of all the comparisons made are adjusted
 * together, Holm by default, and `significant` says whether the adjusted
 * p-value is below `1 - level`. Forty segments tested at 5% without a
 * correction expect two false alarms when nothing changed; with Holm's the
 * chance of any false alarm stays at 5%.
 *
 * Cells or baselines with fewer answers than the table's `minCount` are
 * not compared and do not count in the family. Baselines `'rest'` and
 * `'previous'` compare independent samples; `'total'` includes the cell in
 * its own baseline, so its test is conservative.
 *
 * @param table - A table from `segment` or `segmentFromCounts` of a metric `compare` takes.
 * @param options - Baseline, adjustment, level and the test.
 * @returns The changes, one row per cell.
 * @throws {@link MetricsError} (metric `'changes'`) when the table is not a segment table (`['table', ...]`), its metric cannot be compared, a baseline needs periods the table has not, or an option is invalid.
 * @example
 * const records = [
 *   ...Array.from({ length: 200 }, (_, i) => ({ score: i % 10 < 3 ? 10 : 5, month: 'Jan' })),
 *   ...Array.from({ length: 200 }, (_, i) => ({ score: i % 10 < 6 ? 10 : 5, month: 'Feb' })),
 * ];
 * const table = segment(records, { metric: 'nps', value: 'score', period: { field: 'month' } });
 * const c = changes(table);
 * c.rows[1].comparison.difference // => 60
 * c.rows[1].significant // => true
 * c.rows[0].flags // => ['no-baseline']
 */
export function changes<M extends TallyMetric>(table: SegmentTable<M>, options?: ChangesOptions): ChangesResult {
  const o = readOptions(options);
  const t = readResultTable(SOURCE, table);
  if ((o.against === 'previous' || o.against === 'first') && t.period === null) {
    fail(SOURCE, 'inconsistent', ['options', 'against'], `expected a table with periods for against: ${JSON.stringify(o.against)}, received one without`);
  }
  const shape = TALLYING_METRICS[t.metric].shape;
  const merge = (tallies: readonly Tally[]): Tally =>
    tallies.reduce(
      (acc, c) =>
        rethrow(
          SOURCE,
          () => mergeTallies(acc, c, shape) as unknown as Tally,
          (p) => ['table', ...p],
        ),
      t.empty,
    );
  const detail = t.rows.filter((r) => r.detail);
  const bySegment = new Map<string, ReadRow[]>();
  const byPeriod = new Map<string | null, ReadRow[]>();
  for (const row of detail) {
    bySegment.set(row.keyId, [...(bySegment.get(row.keyId) ?? []), row]);
    byPeriod.set(row.period, [...(byPeriod.get(row.period) ?? []), row]);
  }
  for (const list of bySegment.values()) list.sort((a, b) => a.position - b.position);
  const compareOptions = { level: o.level, ...(o.method === undefined ? {} : { method: o.method }), ...(o.on === undefined ? {} : { on: o.on }) };
  const pending = detail.map((row) => {
    const baseline = baselineOf(row, o.against, bySegment, byPeriod);
    const flags: ChangeRowFlags = [];
    if (baseline === null) return { row, period: null, comparison: null, flags: ['no-baseline'] as ChangeRowFlags };
    const size = baseline.rows.reduce((n, r) => n + r.size, 0);
    if (row.size < t.minCount || size < t.minCount) return { row, period: baseline.period, comparison: null, flags: ['below-min-count'] as ChangeRowFlags };
    const reference = baseline.rows.length === 1 ? baseline.rows[0]!.counts : merge(baseline.rows.map((r) => r.counts));
    const comparison = rethrow(
      SOURCE,
      () => compare(t.result(row.counts) as { metric: string }, t.result(reference) as { metric: string }, compareOptions),
      // The table's own errors already name it.
      (p) => (p[0] === 'options' || p[0] === 'table' ? p : ['table', ...p]),
    );
    if (comparison.pValue === null) flags.push('untestable');
    return { row, period: baseline.period, comparison, flags };
  });
  const tested = pending.filter((p) => p.comparison !== null && p.comparison.pValue !== null);
  const adjusted = adjust(
    tested.map((p) => p.comparison!.pValue!),
    o.adjust,
  );
  const alpha = 1 - o.level;
  const pAdjusted = new Map(tested.map((p, i) => [p, adjusted[i]!]));
  const rows = pending.map((p): ChangeRow => {
    const pa = pAdjusted.get(p) ?? null;
    return {
      key: keyObject(t.by, p.row.key),
      period: describePeriod(t.period, t.calendar, p.row.period, null),
      against: { baseline: o.against, period: p.period },
      comparison: p.comparison,
      pAdjusted: pa,
      significant: pa === null ? null : pa < alpha,
      flags: p.flags,
    };
  });
  return deepFreeze({ kind: 'segmentChanges', metric: t.metric, against: o.against, adjust: o.adjust, level: o.level, comparisons: tested.length, rows });
}

type ChangeRowFlags = ChangeFlag[];

/** The rows a cell is compared with, and the baseline's period label. */
function baselineOf(
  row: ReadRow,
  against: ChangeBaseline,
  bySegment: Map<string, ReadRow[]>,
  byPeriod: Map<string | null, ReadRow[]>,
): { rows: ReadRow[]; period: string | null } | null {
  if (against === 'previous' || against === 'first') {
    const series = bySegment.get(row.keyId)!;
    const i = series.indexOf(row);
    if (i === 0) return null;
    const base = against === 'previous' ? series[i - 1]! : series[0]!;
    return { rows: [base], period: base.period };
  }
  const peers = byPeriod.get(row.period)!;
  const rows = against === 'rest' ? peers.filter((r) => r !== row) : peers;
  return rows.length === 0 ? null : { rows, period: row.period };
}

interface ReadOptions {
  readonly against: ChangeBaseline;
  readonly adjust: Adjustment;
  readonly level: number;
  readonly method: CompareMethod | undefined;
  readonly on: 'percent' | 'mean' | undefined;
}

function readOptions(options: unknown): ReadOptions {
  const { options: o, adjust, level, on } = readFamilyOptions(SOURCE, options, ['against', 'method']);
  const against = o.against ?? 'previous';
  if (!['previous', 'first', 'rest', 'total'].includes(against as string)) {
    fail(SOURCE, 'invalid-value', ['options', 'against'], `expected "previous", "first", "rest" or "total", received ${describe(against)}`);
  }
  // `method` is checked again by compare, at the table's path; checked here for the right one.
  const method = o.method;
  if (method !== undefined && !(COMPARE_METHODS as readonly unknown[]).includes(method)) {
    fail(SOURCE, 'invalid-value', ['options', 'method'], `expected ${COMPARE_METHODS.map((m) => JSON.stringify(m)).join(', ')}, received ${describe(method)}`);
  }
  return { against: against as ChangeBaseline, adjust, level, method: method as CompareMethod | undefined, on };
}
