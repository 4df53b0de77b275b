/**
 * Running a metric command's plan: the file read and tallied, the results
 * computed by the library, and the long tables the output writes.
 */
import type { TallyMetric } from '../core/contract/registry.js';
import { cohorts } from '../revenue/cohorts.js';
import { type MrrSeries, type MrrSeriesCounts, mrrSeries, mrrSeriesCounts, mrrSeriesFromCounts } from '../revenue/series.js';
import { changes as changesOf } from '../segments/changes.js';
import { type SegmentCounts, segmentFromCounts } from '../segments/segment.js';
import { trend as trendOf } from '../segments/trend.js';
import { UsageError } from './args.js';
import type { RevenuePlan, TallyPlan } from './commands.js';
import { readBatches } from './input/read.js';
import { logOptions, seriesOptions } from './plans.js';
import { cellText, reasonOf } from './problems.js';
import { churnRows, cohortRows, type OutputTable, segmentRows, seriesRows, trendRows } from './results.js';
import { duckdbSeries, duckdbTally } from './sql-engine.js';
import { batchColumns, handleProblem, type ReadStats, readOptions, rowIssue, tallyFile } from './tally-file.js';

/** What a run produced: the tables to write, and what reading found. */
export interface Outcome {
  readonly command: string;
  readonly input: string;
  readonly table: OutputTable;
  readonly trends: OutputTable | null;
  readonly changes: { readonly against: string; readonly adjust: string; readonly comparisons: number } | null;
  /** What the value column measures, for reports: `'NPS (points)'`. */
  readonly valueLabel: string;
  /** The period unit, `'label'`, or `null` without periods. */
  readonly periodUnit: string | null;
}

const VALUE_LABELS: Record<TallyMetric, string> = {
  nps: 'NPS (points)',
  csat: 'CSAT (% satisfied)',
  ces: 'CES (% easy)',
  loyaltyIndex: 'Customer loyalty index',
  firstContactResolution: 'First contact resolution (%)',
  timeToResolution: 'Time to resolution',
  firstResponseTime: 'First response time',
  repurchaseRate: 'Repurchase rate (%)',
  upsellRatio: 'Upsell rate (% of customers who upgraded)',
};

/** The results of a tally plan from its table of tallies (read from a file, or merged from shards). */
export function tallyOutcome(plan: TallyPlan, counts: SegmentCounts): Outcome {
  const table = segmentFromCounts(
    counts as never,
    {
      options: plan.results.options,
      totals: plan.results.totals,
      ...(plan.results.minCount === undefined ? {} : { minCount: plan.results.minCount }),
      ...(plan.results.asOf === undefined ? {} : { asOf: plan.results.asOf }),
    } as never,
  );
  const changes = plan.changes === null ? null : changesOf(table, plan.changes);
  const trend = plan.trend === null ? null : trendOf(table, plan.trend);
  const time = plan.time;
  const statistic = plan.results.options.statistic === 'mean' ? 'Mean' : 'Median';
  const repeats = plan.metric === 'repurchaseRate' && plan.results.options.method === 'repurchases';
  const valueLabel =
    time !== null
      ? `${statistic} ${VALUE_LABELS[plan.metric].toLowerCase()} (${time.unit})`
      : repeats
        ? 'Repurchase rate (repeat purchases per customer)'
        : VALUE_LABELS[plan.metric];
  return {
    command: plan.command,
    input: plan.input.path,
    table: segmentRows(table, changes, time),
    trends:
      trend === null
        ? null
        : trendRows(
            trend,
            table.by,
            time ?? {
              unit: 'ms',
              milliseconds: 1,
              decimals: plan.results.options.decimals as number,
              rounding: (plan.results.options.rounding ?? 'half-up') as 'half-up' | 'half-even',
            },
          ),
    changes: changes === null ? null : { against: changes.against, adjust: changes.adjust, comparisons: changes.comparisons },
    valueLabel,
    periodUnit: counts.period === null ? null : (counts.period.unit ?? 'label'),
  };
}

/** Reads and tallies a tally plan's file, then computes its results. */
export async function runTally(plan: TallyPlan, stats: ReadStats, onProgress?: (read: number, total: number | null) => void): Promise<Outcome> {
  return tallyOutcome(plan, await tallyCounts(plan, stats, onProgress));
}

/** The table of tallies of a tally plan's file, read by the command line's own reader or by DuckDB. */
export async function tallyCounts(plan: TallyPlan, stats: ReadStats, onProgress?: (read: number, total: number | null) => void): Promise<SegmentCounts> {
  if (plan.sql !== null) throw new UsageError(`--sql prints the query of a metric command: cxmetrics ${plan.command} TABLE --sql ${plan.sql}`, plan.command);
  return plan.engine === 'duckdb' ? await duckdbTally(plan, stats) : await tallyFile(plan.input, plan.counts, stats, onProgress);
}

/** The rate options of the series. */
const rateOptions = (plan: RevenuePlan): Record<string, unknown> => (Object.keys(plan.rates).length === 0 ? {} : { rates: plan.rates });

/**
 * Reads a whole change log (a customer's changes must be seen together):
 * one record per row, keyed by the file's column names, with each record's
 * line for messages.
 */
async function readChangeLog(
  plan: RevenuePlan,
  stats: ReadStats,
  onProgress?: (read: number, total: number | null) => void,
): Promise<{ records: Record<string, unknown>[]; lines: number[] }> {
  const records: Record<string, unknown>[] = [];
  const lines: number[] = [];
  const names = plan.input.columns.map((c) => c.name);
  for await (const batch of readBatches(readOptions(plan.input, onProgress))) {
    stats.rowsRead += batch.rows + batch.problems.length;
    for (const problem of batch.problems) handleProblem(plan.input, stats, problem);
    const columns = batchColumns(plan.input, batch);
    for (let i = 0; i < batch.rows; i++) {
      const record: Record<string, unknown> = {};
      for (const name of names) record[name] = (columns[name] as unknown[])[i];
      records.push(record);
      lines.push(batch.lines[i] as number);
    }
  }
  return { records, lines };
}

/**
 * Calls `compute` on the change log; a record the library refuses stops the
 * run, or is left out and the log computed again (`--on-invalid skip`).
 */
function withSkips<T>(
  plan: RevenuePlan,
  stats: ReadStats,
  log: { records: Record<string, unknown>[]; lines: number[] },
  compute: (records: Record<string, unknown>[]) => T,
): T {
  for (;;) {
    try {
      return compute(log.records);
    } catch (e) {
      const issue = rowIssue(e);
      if (issue === null) throw e;
      const name = issue.field === null ? null : ((plan.fields as Record<string, string>)[issue.field] ?? issue.field);
      handleProblem(plan.input, stats, {
        line: log.lines[issue.index] as number,
        column: null,
        columnName: name,
        value: name === null ? null : cellText(log.records[issue.index]?.[name]),
        reason: reasonOf(issue.error),
      });
      log.records.splice(issue.index, 1);
      log.lines.splice(issue.index, 1);
    }
  }
}

/** The results of a revenue plan from its series. */
export function seriesOutcome(plan: RevenuePlan, series: MrrSeries): Outcome {
  const churnOptions = {
    ...(plan.interval === false ? {} : { interval: plan.interval }),
    ...(plan.rates.decimals === undefined ? {} : { decimals: plan.rates.decimals }),
    ...(plan.rates.rounding === undefined ? {} : { rounding: plan.rates.rounding }),
    ...(plan.rates.denominator === undefined ? {} : { denominator: plan.rates.denominator }),
  };
  return {
    command: plan.command,
    input: plan.input.path,
    table: plan.command === 'churn' ? churnRows(series, churnOptions) : seriesRows(series),
    trends: null,
    changes: null,
    valueLabel: plan.command === 'churn' ? 'Customer churn (%)' : 'MRR',
    periodUnit: series.period.unit,
  };
}

/** Reads a change log and computes the MRR series, customer churn or cohorts. */
export async function runRevenue(plan: RevenuePlan, stats: ReadStats, onProgress?: (read: number, total: number | null) => void): Promise<Outcome> {
  if (plan.engine === 'duckdb') return revenueFromCounts(plan, await duckdbSeries(plan, stats));
  const log = await readChangeLog(plan, stats, onProgress);
  if (plan.cohorts !== null) {
    const c = plan.cohorts;
    const table = withSkips(plan, stats, log, (records) =>
      cohorts(records, {
        ...logOptions(plan),
        ...(c.horizon === undefined ? {} : { horizon: c.horizon }),
        ...(c.measure === undefined ? {} : { measure: c.measure }),
        interval: plan.interval,
        decimals: plan.rates.decimals,
        ...(plan.rates.rounding === undefined ? {} : { rounding: plan.rates.rounding }),
      } as never),
    );
    return {
      command: plan.command,
      input: plan.input.path,
      table: cohortRows(table),
      trends: null,
      changes: null,
      valueLabel: 'Customers retained (%)',
      periodUnit: table.period.unit,
    };
  }
  const series = withSkips(plan, stats, log, (records) => mrrSeries(records, { ...seriesOptions(plan), ...rateOptions(plan) } as never));
  return seriesOutcome(plan, series);
}

/** The tallies of a revenue plan's change log, for `cxmetrics counts`. */
export async function revenueCounts(plan: RevenuePlan, stats: ReadStats, onProgress?: (read: number, total: number | null) => void): Promise<MrrSeriesCounts> {
  if (plan.sql !== null) throw new UsageError(`--sql prints the query of a metric command: cxmetrics ${plan.command} TABLE --sql ${plan.sql}`, plan.command);
  if (plan.engine === 'duckdb') return await duckdbSeries(plan, stats);
  const log = await readChangeLog(plan, stats, onProgress);
  return withSkips(plan, stats, log, (records) => mrrSeriesCounts(records, seriesOptions(plan)));
}

/** The series of merged revenue tallies. */
export function revenueFromCounts(plan: RevenuePlan, counts: MrrSeriesCounts): Outcome {
  return seriesOutcome(plan, mrrSeriesFromCounts(counts, rateOptions(plan) as never));
}
