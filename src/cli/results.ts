/**
 * The library's results as the command line writes them: long tables, one
 * row per cell, with the columns in a fixed order. A segment table gives
 * the `by` keys, period, n, value, lower, upper, then p, p_adjusted and
 * significant when changes were asked for, then flags; a trend gives one
 * row per segment; the revenue commands their movements, churn or cohorts.
 */
import type { TallyMetric } from '../core/contract/registry.js';
import { Dec, decToRational, output } from '../core/exact/decimal.js';
import { rationalDividedBy } from '../core/exact/rational.js';
import { customerChurn } from '../metrics/customer-churn.js';
import type { CohortTable } from '../revenue/cohorts.js';
import type { MrrSeries } from '../revenue/series.js';
import type { ChangesResult } from '../segments/changes.js';
import type { SegmentTable } from '../segments/segment.js';
import type { SegmentKey } from '../segments/spec.js';
import type { TrendResult } from '../segments/trend.js';
import type { TimeUnitPlan } from './commands.js';

/** A cell of an output row. */
export type Cell = string | number | boolean | null | readonly string[];

/** A long table: its columns in order and its rows. */
export interface OutputTable {
  readonly columns: readonly string[];
  readonly rows: readonly Readonly<Record<string, Cell>>[];
  /** The `by` dimensions, the first columns. */
  readonly by: readonly string[];
  /** The unit of the values when the column names do not say it (`'h'` for durations in hours). */
  readonly unit?: string;
}

/** Converts durations in milliseconds to the display unit, rounded once by the declared rule. */
export interface TimeConversion extends TimeUnitPlan {
  readonly decimals: number;
  readonly rounding: 'half-up' | 'half-even';
}

/**
 * A number in the display unit (a duration's milliseconds over the unit's),
 * rounded to `decimals` by `rounding`: the decimal the milliseconds name,
 * divided exactly, rounded once, as the library rounds every exact value.
 */
export function rescale(ms: number | null | undefined, time: TimeConversion | null): number | null {
  if (ms === null || ms === undefined) return null;
  if (time === null) return ms;
  const r = decToRational(new Dec(ms));
  return output(rationalDividedBy(r, BigInt(time.milliseconds)), { decimals: time.decimals, rounding: time.rounding });
}

/** A segment's label for people: its key values joined by ' / ', 'all' for a rolled-up dimension or no dimensions. */
export function segmentLabel(key: SegmentKey, by: readonly string[]): string {
  if (by.length === 0) return 'all';
  return by.map((d) => (key[d] === null || key[d] === undefined ? 'all' : String(key[d]))).join(' / ');
}

/** A row's first cells: the value of each `by` dimension, `null` where a total rolls it up. */
function keyCells(key: SegmentKey, by: readonly string[]): Record<string, Cell> {
  const out: Record<string, Cell> = {};
  for (const d of by) out[d] = key[d] ?? null;
  return out;
}

const cellId = (key: SegmentKey, by: readonly string[], period: string | null): string => JSON.stringify([...by.map((d) => key[d] ?? null), period]);

/** How many records a cell's result counts: answers, tickets, customers. */
function countOf(metric: TallyMetric, result: Record<string, unknown>, censor: boolean): number {
  switch (metric) {
    case 'timeToResolution':
      return (result.resolved as number) + (censor ? (result.open as number) : 0);
    case 'firstResponseTime':
      return (result.responded as number) + (censor ? (result.open as number) : 0);
    case 'nps':
    case 'csat':
    case 'ces':
    case 'loyaltyIndex':
    case 'firstContactResolution':
    case 'repurchaseRate':
    case 'upsellRatio':
      return result.total as number;
    default: {
      const never: never = metric;
      return never;
    }
  }
}

/** The long table of a segment table, with its changes when asked for. */
export function segmentRows(table: SegmentTable<TallyMetric>, changes: ChangesResult | null, time: TimeConversion | null): OutputTable {
  const by = table.by;
  const periods = table.period !== null;
  const censor = table.options.open === 'censor';
  const compared = new Map(changes?.rows.map((c) => [cellId(c.key, by, c.period?.label ?? null), c]) ?? []);
  const columns = [
    ...by,
    ...(periods ? ['period'] : []),
    'n',
    'value',
    'lower',
    'upper',
    ...(changes === null ? [] : ['p', 'p_adjusted', 'significant']),
    'flags',
  ];
  const rows = table.rows.map((row) => {
    const result = row.result as unknown as Record<string, unknown> & { value: number | null; interval?: { lower: number; upper: number } | null };
    const out = keyCells(row.key, by);
    const label = row.period?.label ?? null;
    if (periods) out.period = label;
    out.n = countOf(table.metric, result, censor);
    // The upsell ratio (upgraded per customer not upgraded) has no interval; its rate, a percent, has.
    out.value = rescale(table.metric === 'upsellRatio' ? (result.upsellPercent as number | null) : result.value, time);
    out.lower = rescale(result.interval?.lower ?? null, time);
    out.upper = rescale(result.interval?.upper ?? null, time);
    // The cell's flags, then its result's warnings (small-sample, interval-clamped, degenerate-wald), so no caution is only in the JSON.
    const flags: string[] = [...row.flags];
    for (const w of (result.warnings as readonly { code: string }[] | undefined) ?? []) if (!flags.includes(w.code)) flags.push(w.code);
    if (changes !== null) {
      const c = compared.get(cellId(row.key, by, label));
      out.p = c?.comparison?.pValue ?? null;
      out.p_adjusted = c?.pAdjusted ?? null;
      out.significant = c?.significant ?? null;
      // The comparison's own flags; below-min-count there may be the baseline's, so it is named as the baseline's when the cell is not.
      for (const f of c?.flags ?? []) {
        const flag = f === 'below-min-count' && !row.flags.includes('below-min-count') ? 'baseline-below-min-count' : f;
        if (!flags.includes(flag)) flags.push(flag);
      }
    }
    out.flags = flags;
    return out;
  });
  return { columns, rows, by, ...(time === null ? {} : { unit: time.unit }) };
}

/**
 * The long table of a trend: one row per segment. The slope and its
 * interval are in the values' unit per period, rounded as the values are.
 */
export function trendRows(trend: TrendResult, by: readonly string[], scale: TimeConversion): OutputTable {
  const columns = [...by, 'periods', 'slope', 'lower', 'upper', 'p', 'p_adjusted', 'significant', 'test', 'flags'];
  const rows = trend.rows.map((r) => {
    const out = keyCells(r.key, by);
    out.periods = r.periods;
    out.slope = rescale(r.slope, scale);
    out.lower = rescale(r.interval?.lower ?? null, scale);
    out.upper = rescale(r.interval?.upper ?? null, scale);
    out.p = r.pValue;
    out.p_adjusted = r.pAdjusted;
    out.significant = r.significant;
    out.test = r.test;
    out.flags = [...r.flags];
    return out;
  });
  return { columns, rows, by };
}

/** The long table of an MRR series: the movements and the rates of each segment and period. */
export function seriesRows(series: MrrSeries): OutputTable {
  const by = series.by;
  const moved = by.length > 0;
  const columns = [
    ...by,
    'period',
    'starting_mrr',
    'new_mrr',
    'expansion_mrr',
    'reactivation_mrr',
    ...(moved ? ['moved_in_mrr'] : []),
    'contraction_mrr',
    'churned_mrr',
    ...(moved ? ['moved_out_mrr'] : []),
    'ending_mrr',
    'customers_at_start',
    'customers_at_end',
    'customer_churn',
    'mrr_churn',
    'net_mrr_churn',
    'nrr',
    'grr',
    'expansion_revenue',
    'flags',
  ];
  const rows = series.rows.map((r) => {
    const out = keyCells(r.key, by);
    out.period = r.period.label;
    out.starting_mrr = r.startingMrr;
    out.new_mrr = r.newMrr;
    out.expansion_mrr = r.expansionMrr;
    out.reactivation_mrr = r.reactivationMrr;
    if (moved) out.moved_in_mrr = r.movedInMrr;
    out.contraction_mrr = r.contractionMrr;
    out.churned_mrr = r.churnedMrr;
    if (moved) out.moved_out_mrr = r.movedOutMrr;
    out.ending_mrr = r.endingMrr;
    out.customers_at_start = r.customers.atStart;
    out.customers_at_end = r.customers.atEnd;
    out.customer_churn = r.customerChurn;
    out.mrr_churn = r.mrrChurn;
    out.net_mrr_churn = r.netMrrChurn;
    out.nrr = r.netRevenueRetention;
    out.grr = r.grossRevenueRetention;
    out.expansion_revenue = r.expansionRevenue;
    out.flags = [...r.flags];
    return out;
  });
  return { columns, rows, by };
}

/** The long table of customer churn per segment and period, with intervals: `customerChurn` on each row's movements. */
export function churnRows(series: MrrSeries, options: Record<string, unknown>): OutputTable {
  const by = series.by;
  const columns = [...by, 'period', 'n', 'lost', 'value', 'lower', 'upper', 'flags'];
  const rows = series.rows.map((r) => {
    const result = customerChurn(r.movements, options as never);
    const out = keyCells(r.key, by);
    out.period = r.period.label;
    out.n = result.customersAtStart;
    out.lost = result.customersLost;
    out.value = result.value;
    out.lower = result.interval?.lower ?? null;
    out.upper = result.interval?.upper ?? null;
    out.flags = [...r.flags];
    return out;
  });
  return { columns, rows, by };
}

/** The long table of a cohort table: one row per cohort and age. */
export function cohortRows(table: CohortTable): OutputTable {
  const by = table.by;
  const columns = [...by, 'cohort', 'age', 'period', 'customers', 'percent', 'lower', 'upper', 'mrr', 'nrr', 'grr', 'flags'];
  const rows = table.rows.flatMap((row) =>
    row.cells.map((c) => {
      const out = keyCells(row.key, by);
      out.cohort = row.cohort.label;
      out.age = c.age;
      out.period = c.period.label;
      out.customers = c.customers;
      out.percent = c.percent;
      out.lower = c.interval?.lower ?? null;
      out.upper = c.interval?.upper ?? null;
      out.mrr = c.mrr;
      out.nrr = c.netRevenueRetention;
      out.grr = c.grossRevenueRetention;
      out.flags = [...c.flags];
      return out;
    }),
  );
  return { columns, rows, by };
}
