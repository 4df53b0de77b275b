/**
 * Metrics by segment and period, from raw records: `segment`,
 * `segmentCounts` and `segmentFromCounts`.
 */
import { isDate, isPlainObject, typedArrayName } from '../core/contract/brands.js';
import { describe, fail } from '../core/contract/errors.js';
import type { OperationName, TallyMetric } from '../core/contract/registry.js';
import { deepFreeze } from '../core/contract/result.js';
import type { Tally } from '../core/contract/tally.js';
import type { TicketTime } from '../core/time/time.js';
import { TALLYING_METRICS } from '../metrics/registry.js';
import { type Cell, describePeriod, readMinCount, rowCells, type SegmentFlag, type SegmentPeriod, sizeOf } from './rows.js';
import {
  type FieldReader,
  type PeriodSettings,
  type PeriodSpec,
  parseCountsSpec,
  readAsOf,
  readMetric,
  type SegmentCountsSpec,
  type SegmentKey,
} from './spec.js';
import { calendarOf, describeSettings, keyObject, publicCounts, readTable, type SegmentCounts, samePeriods, type Table, tableOf } from './table.js';
import { rethrow, tallyRecords } from './tally-records.js';
import type { SegmentMetricOptions, SegmentResultOf, SegmentTallyOf } from './types.js';

export type { MetricTypes, SegmentMetricOptions, SegmentMetricTypes, SegmentResultOf, SegmentTallyOf } from './types.js';

/** Records: an array of objects, or an object of equal-length columns (arrays or typed arrays). */
export type SegmentRecords = readonly object[] | Readonly<Record<string, ArrayLike<unknown>>>;

/** What to compute from the tallies: the rows' options. */
export interface SegmentResultOptions {
  /** Add the totals: every subset of the dimensions rolled up (`null` in the key) and all periods together (`period: null`), as SQL's `CUBE`. Default `false`. */
  readonly totals?: boolean;
  /** Cells with fewer answers keep their tally but get `value` and interval `null` and the flag `'below-min-count'`. Default 0. */
  readonly minCount?: number;
  /** Add rows with an empty tally for the periods between a segment's first and last that have no records. Default `true`. */
  readonly fill?: boolean;
  /** When the data was taken: the period containing it (and any after it) is `complete: false`, flagged `'incomplete-period'`. */
  readonly asOf?: TicketTime;
}

/** The options of {@link segment}: what to tally and how to report it. */
export interface SegmentOptions<M extends TallyMetric = TallyMetric> extends SegmentCountsSpec, SegmentResultOptions {
  /** The metric: any metric that tallies from records. */
  readonly metric: M;
  /** The metric's own options, as the metric takes them. */
  readonly options?: SegmentMetricOptions<M>;
}

/** The options of {@link segmentFromCounts}: the result options, the metric's options, and optionally the tallying spec, checked against the table. */
export interface SegmentFromCountsOptions<M extends TallyMetric = TallyMetric> extends SegmentResultOptions {
  /** When given, must be the table's metric. */
  readonly metric?: M;
  /** The metric's options for its `...FromCounts` (intervals, rounding, CSAT's threshold). */
  readonly options?: SegmentMetricOptions<M>;
  /** Ignored: the field the records' inputs came from. */
  readonly value?: SegmentCountsSpec['value'];
  /** Ignored: the weight field the tallies were made with. */
  readonly weight?: FieldReader;
  /** When given, must name the table's dimensions in order. */
  readonly by?: SegmentCountsSpec['by'];
  /** When given, must cut periods as the table's were cut. */
  readonly period?: PeriodSpec;
  /** Ignored: the label given to missing keys when tallying. */
  readonly missingKey?: string;
}

/** One row of a segment table: a segment in a period (or a total), with its tally and result. */
export interface SegmentRow<M extends TallyMetric = TallyMetric> {
  /** The segment: each dimension's value; `null` for a dimension a total rolls up. */
  readonly key: SegmentKey;
  /** The period; `null` for a total over all periods, and in a table without periods. */
  readonly period: SegmentPeriod | null;
  /** The tally of the row's records: a total's is the exact merge of its cells'. */
  readonly counts: SegmentTallyOf<M>;
  /** The metric's result on the tally, as `...FromCounts` gives it; `value` and interval `null` below `minCount`. */
  readonly result: SegmentResultOf<M>;
  /** What to keep in mind reading the row: `'incomplete-period'`, `'below-min-count'`, `'no-records'`. */
  readonly flags: readonly SegmentFlag[];
}

/** The result of {@link segment} and {@link segmentFromCounts}. */
export interface SegmentTable<M extends TallyMetric = TallyMetric> {
  /** Marks a table of results: `'segmentTable'`. */
  readonly kind: 'segmentTable';
  /** The metric. */
  readonly metric: M;
  /** The dimension names, in key order. */
  readonly by: readonly string[];
  /** How periods were cut; `null` without periods. */
  readonly period: PeriodSettings | null;
  /** The metric's options the results were computed with (times as epoch milliseconds): `changes` and `trend` reuse them. */
  readonly options: Readonly<Record<string, unknown>>;
  /** The minimum count applied. */
  readonly minCount: number;
  /** The rows: the cells by key and period, then each group of totals. */
  readonly rows: readonly SegmentRow<M>[];
}

const RESULT_KEYS = ['options', 'totals', 'minCount', 'fill', 'asOf'] as const;

/**
 * A metric by segment and period, from raw records: one row per segment
 * (the values of the `by` fields) and period (calendar periods of a time
 * field in a time zone, or labels such as campaigns), each with its tally,
 * the metric's result on it, and flags. Rows are ordered by key (booleans,
 * then numbers, then strings) and then by period.
 *
 * Every cell's result is exactly the metric's result on the cell's records:
 * the records are tallied by the metric's own `...Counts` function and the
 * result computed by its `...FromCounts`. A record whose input is invalid is
 * an error at the record and field (`['records', 12, 'score']`); with the
 * metric's `missing: 'exclude'`, missing inputs are counted per cell in
 * `excluded`.
 *
 * @param records - An array of records (plain objects), or an object of equal-length columns.
 * @param options - The metric, where its input is, `by`, `period` and the result options.
 * @returns The table of rows.
 * @throws {@link MetricsError} (metric `'segment'`) for an invalid spec
 *   (`['options', ...]`), a record that is not a plain object, a bad value,
 *   key, time or label (`['records', index, field]`), or columns of unequal length.
 * @example
 * const responses = [
 *   { score: 10, region: 'EU', answeredAt: '2024-03-31T21:30:00Z' },
 *   { score: 6, region: 'EU', answeredAt: '2024-03-31T22:30:00Z' },
 *   { score: 9, region: 'US', answeredAt: '2024-03-15T12:00:00Z' },
 * ];
 * const table = segment(responses, { metric: 'nps', value: 'score', by: 'region', period: { field: 'answeredAt', unit: 'month', timeZone: 'Europe/Berlin' } });
 * table.rows.map((r) => [r.key.region, r.period.label, r.result.value]) // => [['EU', '2024-03', 100], ['EU', '2024-04', -100], ['US', '2024-03', 100]]
 * table.rows[1].period // => { label: '2024-04', start: '2024-04-01T00:00:00+02:00', end: '2024-05-01T00:00:00+02:00', complete: true }
 * segment(responses, { metric: 'nps', value: 'score', by: 'region', totals: true }).rows.at(-1).key // => { region: null }
 * segment([{ score: 11, region: 'EU' }], { metric: 'nps', value: 'score', by: 'region' }) // throws
 */
export function segment<M extends TallyMetric>(records: SegmentRecords, options: SegmentOptions<M>): SegmentTable<M> {
  const source: OperationName = 'segment';
  const spec = parseCountsSpec(source, options, RESULT_KEYS);
  const raw = tallyRecords(source, records, spec);
  return rowsOf(
    source,
    tableOf(
      spec.metric,
      spec.dimensions.map((d) => d.name),
      raw,
    ),
    options as unknown as Record<string, unknown>,
  ) as SegmentTable<M>;
}

/**
 * The table of tallies of {@link segment}, without results: one tally per
 * segment and period. Tables of any split of the records merge with
 * `mergeCounts` into the table of all of them, and
 * {@link segmentFromCounts} computes the same rows from it as
 * {@link segment} does from the records: build it in chunks, in workers, or
 * in a database, and compute once.
 *
 * @param records - As for {@link segment}.
 * @param options - The tallying part of the spec: metric, value, options, weight, by, period, missingKey.
 * @returns A frozen, JSON-safe table `{ kind: 'segmentCounts', metric, by, period, cells }`.
 * @throws {@link MetricsError} (metric `'segmentCounts'`) as {@link segment}.
 * @example
 * const part1 = segmentCounts([{ score: 10, plan: 'pro' }], { metric: 'nps', value: 'score', by: 'plan' });
 * const part2 = segmentCounts([{ score: 0, plan: 'pro' }, { score: 9, plan: 'free' }], { metric: 'nps', value: 'score', by: 'plan' });
 * part1.cells // => [{ key: { plan: 'pro' }, period: null, counts: { metric: 'nps', promoters: 1, passives: 0, detractors: 0, excluded: 0 } }]
 * const all = mergeCounts(part1, part2);
 * segmentFromCounts(all).rows.map((r) => [r.key.plan, r.result.value]) // => [['free', 100], ['pro', 0]]
 */
export function segmentCounts<M extends TallyMetric>(
  records: SegmentRecords,
  options: SegmentCountsSpec & { readonly metric: M; readonly options?: SegmentMetricOptions<M> },
): SegmentCounts<SegmentTallyOf<M>> {
  const source: OperationName = 'segmentCounts';
  const spec = parseCountsSpec(source, options, []);
  const raw = tallyRecords(source, records, spec);
  return publicCounts(
    tableOf(
      spec.metric,
      spec.dimensions.map((d) => d.name),
      raw,
    ),
  ) as SegmentCounts<SegmentTallyOf<M>>;
}

/**
 * The rows of {@link segment} from a table of tallies: from
 * {@link segmentCounts}, merged tables, or tallies computed elsewhere.
 * `segmentFromCounts(segmentCounts(records, spec), spec)` equals
 * `segment(records, spec)`.
 *
 * @param counts - A table of tallies.
 * @param options - The metric's options for its results, `totals`, `minCount`, `fill`, `asOf`; the tallying spec may be passed too and is checked against the table.
 * @returns The table of rows.
 * @throws {@link MetricsError} (metric `'segmentFromCounts'`) when the table is malformed (`['counts', ...]`), an option is invalid, or the spec's metric, dimensions or periods differ from the table's.
 * @example
 * const counts = segmentCounts([{ score: 10, plan: 'pro' }, { score: 3, plan: 'pro' }], { metric: 'nps', value: 'score', by: 'plan' });
 * segmentFromCounts(counts, { minCount: 5 }).rows[0].flags // => ['below-min-count']
 * segmentFromCounts(counts, { metric: 'csat' }) // throws
 */
export function segmentFromCounts<C extends SegmentTallyOf<TallyMetric>>(
  counts: SegmentCounts<C>,
  options?: SegmentFromCountsOptions<C['metric']>,
): SegmentTable<C['metric']> {
  const source: OperationName = 'segmentFromCounts';
  const table = readTable(source, counts, ['counts']);
  const o = options === undefined ? {} : options;
  if (!isPlainObject(o)) fail(source, 'invalid-type', ['options'], `expected an options object (a plain object), received ${describe(o)}`);
  for (const key of Object.keys(o)) {
    if (![...RESULT_KEYS, 'metric', 'value', 'weight', 'by', 'period', 'missingKey'].includes(key))
      fail(source, 'unknown-key', ['options', key], `unknown key ${JSON.stringify(key)}`);
  }
  if (o.metric !== undefined && readMetric(source, o.metric, ['options', 'metric']) !== table.metric) {
    fail(source, 'inconsistent', ['options', 'metric'], `expected the table's metric, ${table.metric}, received ${describe(o.metric)}`);
  }
  if (o.by !== undefined || o.period !== undefined) {
    const spec = parseCountsSpec(source, { metric: table.metric, value: () => 0, by: o.by, ...(o.period === undefined ? {} : { period: o.period }) }, []);
    const names = spec.dimensions.map((d) => d.name);
    if (o.by !== undefined && names.join('\u0000') !== table.by.join('\u0000')) {
      fail(source, 'inconsistent', ['options', 'by'], `expected the table's dimensions ${JSON.stringify(table.by)}, received ${JSON.stringify(names)}`);
    }
    if (
      spec.period !== null &&
      !samePeriods(spec.period.settings.unit === null ? { ...spec.period.settings, fixed: false } : spec.period.settings, table.period)
    ) {
      fail(
        source,
        'inconsistent',
        ['options', 'period'],
        `expected periods cut as the table's (${describeSettings(table.period)}), received ${describeSettings(spec.period.settings)}`,
      );
    }
  }
  return rowsOf(source, table, o as Record<string, unknown>) as SegmentTable<C['metric']>;
}

/** The rows of a table, with the result options of `o`. */
function rowsOf(source: OperationName, table: Table, o: Record<string, unknown>): SegmentTable {
  const totals = readBoolean(source, o.totals, 'totals', false);
  const fill = readBoolean(source, o.fill, 'fill', true);
  const minCount = readMinCount(source, o.minCount);
  const asOf = readAsOf(source, o.asOf);
  const metricOptions = o.options === undefined ? {} : o.options;
  if (!isPlainObject(metricOptions))
    fail(source, 'invalid-type', ['options', 'options'], `expected the metric's options (a plain object), received ${describe(metricOptions)}`);
  const entry = TALLYING_METRICS[table.metric];
  const fromCounts = entry.fromCounts as unknown as (counts: unknown, options?: unknown) => Record<string, unknown>;
  const { weights: _weights, ...resultOptions } = metricOptions;
  const cells = rowCells(source, table, { fill, totals, options: metricOptions });
  const cal = calendarOf(table.period);
  // Filled-in rows share one empty tally, and so one result.
  let filledResult: Record<string, unknown> | null = null;
  // A cell's tally refused by the metric is reported at its place in the table; a total's at the table.
  const indexOf = new Map(table.cells.map((c, i) => [JSON.stringify([c.key, c.period]), i]));
  const resultOf = (cell: Cell): Record<string, unknown> => {
    if (cell.filled && filledResult !== null) return filledResult;
    const index = indexOf.get(JSON.stringify([cell.key, cell.period]));
    const result = rethrow(
      source,
      () => fromCounts(cell.counts, resultOptions),
      (p) =>
        p[0] === 'options'
          ? ['options', 'options', ...p.slice(1)]
          : index === undefined
            ? ['counts', ...p.slice(1)]
            : ['counts', 'cells', index, 'counts', ...p.slice(1)],
    );
    if (cell.filled) filledResult = result;
    return result;
  };
  const rows = cells.map((cell: Cell) => {
    const result = resultOf(cell);
    const period = describePeriod(table.period, cal, cell.period, asOf);
    const flags: SegmentFlag[] = [];
    if (period !== null && !period.complete) flags.push('incomplete-period');
    const size = sizeOf(table.metric, cell.counts);
    let shown = result;
    if (size < minCount) {
      flags.push('below-min-count');
      shown = { ...result, value: null, ...('interval' in result ? { interval: null } : {}) };
    }
    if (size === 0) flags.push('no-records');
    return { key: keyObject(table.by, cell.key), period, counts: cell.counts, result: shown, flags };
  });
  return deepFreeze({
    kind: 'segmentTable',
    metric: table.metric,
    by: [...table.by],
    period: table.period,
    options: plainCopy(resultOptions) as Record<string, unknown>,
    minCount,
    rows,
  }) as unknown as SegmentTable;
}

function readBoolean(source: OperationName, value: unknown, name: string, fallback: boolean): boolean {
  if (value === undefined) return fallback;
  if (typeof value !== 'boolean') fail(source, 'invalid-type', ['options', name], `expected true or false, received ${describe(value)}`);
  return value;
}

/** A JSON-safe copy of options: plain objects and arrays copied, Dates as epoch milliseconds, typed arrays as arrays. */
function plainCopy(value: unknown): unknown {
  if (isDate(value)) return Date.prototype.getTime.call(value);
  if (typedArrayName(value) !== undefined) return Array.from(value as ArrayLike<unknown>);
  if (Array.isArray(value)) return value.map(plainCopy);
  if (isPlainObject(value)) {
    const out: Record<string, unknown> = {};
    for (const key of Object.keys(value))
      Object.defineProperty(out, key, { value: plainCopy(value[key]), enumerable: true, writable: true, configurable: true });
    return out;
  }
  return value;
}

export type { SegmentFlag, SegmentPeriod } from './rows.js';
export type { CalendarPeriodSettings, FieldReader, KeyValue, LabelPeriodSettings, PeriodSettings, PeriodSpec, SegmentCountsSpec, SegmentKey } from './spec.js';
export type { SegmentCounts, SegmentCountsCell } from './table.js';
export type { Tally };
