/**
 * What a metric command runs, built from its flags: the columns to read
 * and as what, the library's spec, the result options and the comparisons.
 */

import type { TallyMetric } from '../core/contract/registry.js';
import type { MrrSeriesCountsOptions } from '../revenue/series.js';
import type { SegmentCountsSpec } from '../segments/spec.js';
import type { Dialect } from '../sql/dialects.js';
import type { Flag, ParsedArgs } from './args.js';
import type { ColumnKind, ColumnRequest, InputFormat } from './input/read.js';
import { FlagReader, inputPath, metricOptions } from './options.js';

/** The output's own column names, which a `--by` column cannot take: the long tables of every command. */
const OUTPUT_COLUMNS = new Set([
  ...['period', 'n', 'value', 'lower', 'upper', 'p', 'p_adjusted', 'significant', 'flags', 'periods', 'slope', 'test', 'lost'],
  ...['cohort', 'age', 'customers', 'percent', 'mrr', 'nrr', 'grr', 'customer_churn', 'mrr_churn', 'net_mrr_churn', 'expansion_revenue'],
  ...['starting_mrr', 'new_mrr', 'expansion_mrr', 'reactivation_mrr', 'moved_in_mrr', 'contraction_mrr', 'churned_mrr', 'moved_out_mrr', 'ending_mrr'],
  ...['customers_at_start', 'customers_at_end'],
]);

/** The `--by` columns, none named as an output column. */
function segmentColumns(f: FlagReader): readonly string[] {
  const by = f.list('by') ?? [];
  const clash = by.find((b) => OUTPUT_COLUMNS.has(b));
  if (clash !== undefined) f.usage(`--by ${clash}: the output has a column of that name; segment by a column with another name`);
  return by;
}

/** How the input is read. */
export interface InputPlan {
  readonly path: string;
  readonly format: InputFormat | undefined;
  readonly delimiter: string | undefined;
  readonly onInvalid: 'stop' | 'skip';
  readonly columns: readonly ColumnRequest[];
}

/** Durations shown in another unit than the metric's milliseconds. */
export interface TimeUnitPlan {
  readonly unit: 'ms' | 's' | 'min' | 'h' | 'd';
  readonly milliseconds: number;
}

/** A segment table of a metric that tallies from records. */
export interface TallyPlan {
  readonly kind: 'tally';
  readonly command: string;
  readonly metric: TallyMetric;
  readonly input: InputPlan;
  /** The tallying spec: `value`, `by`, `period`, `weight` name columns of the input. */
  readonly counts: SegmentCountsSpec;
  /** What `segmentFromCounts` takes besides the table. */
  readonly results: {
    readonly options: Record<string, unknown>;
    readonly totals: boolean;
    readonly minCount: number | undefined;
    readonly asOf: string | undefined;
  };
  readonly changes: { readonly against: 'previous' | 'first' | 'rest' | 'total'; readonly adjust: 'holm' | 'bh' | 'none'; readonly level: number } | null;
  readonly trend: { readonly adjust: 'holm' | 'bh' | 'none'; readonly level: number } | null;
  /** The decimals and rounding the output applies itself (durations converted to `time`'s unit); `null` when the library rounds. */
  readonly time: (TimeUnitPlan & { readonly decimals: number; readonly rounding: 'half-up' | 'half-even' }) | null;
  /** Who reads the file: the command line's own reader, or DuckDB (`--engine duckdb`, and every `.parquet` file). */
  readonly engine: 'cxmetrics' | 'duckdb';
  /** `--sql`: the dialect to print the tally query in, instead of running; `null` to run. */
  readonly sql: Dialect | null;
}

/** The MRR series or customer churn from a change log. */
export interface RevenuePlan {
  readonly kind: 'revenue';
  readonly command: 'mrr' | 'churn';
  readonly input: InputPlan;
  readonly fields: { readonly customerId: string; readonly at: string; readonly mrr: string };
  readonly by: readonly string[];
  readonly missingKey: string | undefined;
  readonly period: { readonly unit: string; readonly timeZone: string; readonly weekStart?: string; readonly yearStart?: number };
  readonly asOf: string | undefined;
  readonly joinedAndLeft: 'exclude' | 'count' | undefined;
  readonly reactivation: 'always' | { readonly within: number } | undefined;
  readonly rates: Record<string, unknown>;
  readonly interval: Record<string, unknown> | false;
  readonly cohorts: { readonly horizon: number | undefined; readonly measure: string | undefined } | null;
  /** Who reads the file: the command line's own reader, or DuckDB, which reduces the log to the changes the series reads (`--engine duckdb`, and every `.parquet` file). */
  readonly engine: 'cxmetrics' | 'duckdb';
  /** `--sql`: the dialect to print the change-log query in, instead of running; `null` to run. */
  readonly sql: Dialect | null;
}

/** What a metric command runs. */
export type Plan = TallyPlan | RevenuePlan;

/** A command: its flags, its help, and how its arguments become a plan. */
export interface Command {
  readonly name: string;
  readonly summary: string;
  readonly example: string;
  readonly flags: readonly Flag[];
  readonly plan: (args: ParsedArgs) => Plan;
}

export function inputPlan(f: FlagReader, path: string, columns: ColumnRequest[]): InputPlan {
  // A column named by two flags is read once, as the first flag reads it.
  const unique = columns.filter((c, i) => columns.findIndex((d) => d.name === c.name) === i);
  return {
    path,
    format: f.string('input-format') as InputFormat | undefined,
    delimiter: f.string('delimiter'),
    onInvalid: (f.string('on-invalid') ?? 'stop') as 'stop' | 'skip',
    columns: unique,
  };
}

/** How a tally metric's per-record input is read: the flags naming its columns and each column's kind. */
export interface InputColumns {
  /** `null`: one value column, `--value`. Otherwise the metric's input field, its flag, the column's kind, whether required. */
  readonly fields: readonly (readonly [input: string, flag: string, kind: ColumnKind, required: boolean])[] | null;
  /** The kind of the `--value` column. */
  readonly kind: ColumnKind;
}

const TIME_UNITS = { ms: 1, s: 1000, min: 60_000, h: 3_600_000, d: 86_400_000 } as const;

export function tallyPlan(command: string, metric: TallyMetric, columns: InputColumns, args: ParsedArgs): TallyPlan {
  const f = new FlagReader(args, command);
  const path = inputPath(args, command);
  const requests: ColumnRequest[] = [];
  let value: SegmentCountsSpec['value'];
  if (columns.fields === null) {
    const v = f.required('value', 'the column holding each answer');
    requests.push({ name: v, kind: columns.kind });
    value = v;
  } else {
    const map: Record<string, string> = {};
    for (const [input, flag, kind, required] of columns.fields) {
      const column = required ? f.required(flag, `the column holding ${input}`) : f.string(flag);
      if (column === undefined) continue;
      map[input] = column;
      requests.push({ name: column, kind });
    }
    value = map;
  }
  const weight = f.string('weight');
  if (weight !== undefined) requests.push({ name: weight, kind: 'number' });
  const by = segmentColumns(f);
  for (const b of by) requests.push({ name: b, kind: 'key' });
  const unit = f.string('period');
  const time = f.string('time');
  if ((unit === undefined) !== (time === undefined))
    f.usage(
      unit === undefined ? '--time goes with --period (the unit of the periods)' : '--period goes with --time (the column holding each row’s instant or label)',
    );
  if (unit === undefined)
    for (const name of ['tz', 'week-start', 'year-start', 'changes', 'trend'])
      if (f.has(name) && !(name === 'changes' && (f.string('changes') === 'rest' || f.string('changes') === 'total')))
        f.usage(`--${name} needs periods: give --period and --time`);
  if (time !== undefined) requests.push({ name: time, kind: unit === 'label' ? 'text' : 'time' });
  let period: SegmentCountsSpec['period'];
  if (unit === 'label') {
    for (const name of ['tz', 'week-start', 'year-start']) if (f.has(name)) f.usage(`--${name} applies to calendar periods, not --period label`);
    period = { field: time as string };
  } else if (unit !== undefined) {
    period = {
      field: time as string,
      unit: unit as never,
      timeZone: f.string('tz') ?? 'UTC',
      ...(f.has('week-start') ? { weekStart: f.string('week-start') as never } : {}),
      ...(f.has('year-start') ? { yearStart: f.number('year-start') as number } : {}),
    };
  }
  const missingKey = f.string('missing-key');
  const counts: SegmentCountsSpec = {
    metric,
    value,
    options: metricOptions(metric, f),
    ...(weight === undefined ? {} : { weight }),
    ...(by.length === 0 ? {} : { by }),
    ...(period === undefined ? {} : { period }),
    ...(missingKey === undefined ? {} : { missingKey }),
  };
  const level = f.number('level') ?? 0.95;
  const adjust = (f.string('adjust') ?? 'holm') as 'holm' | 'bh' | 'none';
  if (f.has('adjust') && !f.has('changes') && !f.boolean('trend')) f.usage('--adjust goes with --changes or --trend');
  const isTime = metric === 'timeToResolution' || metric === 'firstResponseTime';
  const unitName = (f.string('time-unit') ?? 'h') as keyof typeof TIME_UNITS;
  const { engine, sql } = enginePlan(f, path);
  if (engine === 'duckdb' || sql !== null) {
    const which = sql === null ? '--engine duckdb' : '--sql';
    if (unit === 'label') f.usage(`${which} cuts calendar periods: --period label needs the command line's own reader`);
  }
  return {
    kind: 'tally',
    command,
    metric,
    input: inputPlan(f, path, requests),
    counts,
    results: {
      options: counts.options as Record<string, unknown>,
      totals: f.boolean('totals'),
      minCount: f.number('min-count'),
      asOf: f.string('as-of'),
    },
    changes: f.has('changes') ? { against: f.string('changes') as 'previous', adjust, level } : null,
    trend: f.boolean('trend') ? { adjust, level } : null,
    time: isTime
      ? {
          unit: unitName,
          milliseconds: TIME_UNITS[unitName],
          decimals: f.number('decimals') ?? 2,
          rounding: (f.string('rounding') ?? 'half-up') as 'half-up',
        }
      : null,
    engine,
    sql,
  };
}

/** `--engine` and `--sql`: who reads the file (DuckDB for every `.parquet` file), or the dialect to print the query in; checked against the reader's own flags. */
function enginePlan(f: FlagReader, path: string): { engine: 'cxmetrics' | 'duckdb'; sql: Dialect | null } {
  const sql = (f.string('sql') ?? null) as Dialect | null;
  const parquet = /\.parquet$/i.test(path);
  if (parquet && f.string('engine') === 'cxmetrics') f.usage('a .parquet file is read by DuckDB: --engine cxmetrics reads CSV, TSV, JSON and NDJSON');
  const engine = parquet ? 'duckdb' : ((f.string('engine') ?? 'cxmetrics') as 'cxmetrics' | 'duckdb');
  if (sql !== null && f.has('engine')) f.usage('--sql prints the query for another engine: it does not go with --engine');
  if (engine === 'duckdb' || sql !== null) {
    const which = sql === null ? '--engine duckdb' : '--sql';
    if (path === '-' && sql === null) f.usage(`${which} reads a file, not standard input`);
    for (const name of ['on-invalid', 'delimiter']) if (f.has(name)) f.usage(`--${name} applies to the command line's own reader, not ${which}`);
  }
  return { engine, sql };
}

export function revenuePlan(command: 'mrr' | 'churn', args: ParsedArgs): RevenuePlan {
  const f = new FlagReader(args, command);
  const path = inputPath(args, command);
  const fields = { customerId: f.string('customer') ?? 'customerId', at: f.string('at') ?? 'at', mrr: f.string('mrr') ?? 'mrr' };
  const by = segmentColumns(f);
  const columns: ColumnRequest[] = [
    { name: fields.customerId, kind: 'text' },
    { name: fields.at, kind: 'time' },
    { name: fields.mrr, kind: 'text' },
    ...by.map((name) => ({ name, kind: 'key' as const })),
  ];
  const within = f.number('reactivation-within');
  const rates: Record<string, unknown> = {};
  for (const [flag, key] of [
    ['denominator', 'denominator'],
    ['contraction', 'contraction'],
    ['reactivation-in-rates', 'reactivation'],
  ] as const)
    if (f.has(flag)) rates[key] = f.string(flag);
  rates.decimals = f.number('decimals') ?? 1;
  if (f.has('rounding')) rates.rounding = f.string('rounding');
  const cohorts = f.boolean('cohorts');
  if (!cohorts && (f.has('horizon') || f.has('measure'))) f.usage('--horizon and --measure go with --cohorts');
  const { engine, sql } = enginePlan(f, path);
  if (cohorts && (engine === 'duckdb' || sql !== null)) {
    f.usage(`--cohorts reads the change log whole, with the command line's own reader: not with ${sql === null ? '--engine duckdb' : '--sql'}`);
  }
  const method = f.string('interval');
  const level = f.number('level');
  return {
    kind: 'revenue',
    command,
    input: inputPlan(f, path, columns),
    fields,
    by,
    missingKey: f.string('missing-key'),
    period: {
      unit: f.string('period') ?? 'month',
      timeZone: f.string('tz') ?? 'UTC',
      ...(f.has('week-start') ? { weekStart: f.string('week-start') as string } : {}),
      ...(f.has('year-start') ? { yearStart: f.number('year-start') as number } : {}),
    },
    asOf: f.string('as-of'),
    joinedAndLeft: f.string('joined-and-left') as 'exclude' | undefined,
    reactivation: within === undefined ? undefined : { within },
    rates,
    interval: method === 'none' ? false : { ...(method === undefined ? {} : { method }), ...(level === undefined ? {} : { level }) },
    cohorts: cohorts ? { horizon: f.number('horizon'), measure: f.string('measure') } : null,
    engine,
    sql,
  };
}

/** The change log's options as the revenue functions take them. */
export function logOptions(plan: RevenuePlan): Record<string, unknown> {
  return {
    period: plan.period,
    fields: plan.fields,
    ...(plan.by.length === 0 ? {} : { by: plan.by }),
    ...(plan.missingKey === undefined ? {} : { missingKey: plan.missingKey }),
    ...(plan.asOf === undefined ? {} : { asOf: plan.asOf }),
  };
}

/** The options of the series' tallies: the change log's and the walk's definition choices. */
export function seriesOptions(plan: RevenuePlan): MrrSeriesCountsOptions {
  return {
    ...logOptions(plan),
    ...(plan.joinedAndLeft === undefined ? {} : { joinedAndLeft: plan.joinedAndLeft }),
    ...(plan.reactivation === undefined ? {} : { reactivation: plan.reactivation }),
  } as unknown as MrrSeriesCountsOptions;
}
