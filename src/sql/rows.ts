/**
 * `tallyFromRows`: the rows a SQL engine returned for `tallyQuery` into the
 * table of tallies `segmentCounts` builds from the records themselves.
 */
import { isPlainObject } from '../core/contract/brands.js';
import { describe, fail, isMetricsError, MetricsError, type MetricsPath } from '../core/contract/errors.js';
import type { OperationName, TallyMetric } from '../core/contract/registry.js';
import type { Tally } from '../core/contract/tally.js';
import { calendar } from '../core/time/periods.js';
import { DAY_MS, MAX_TIME_MS, parseCalendarDate } from '../core/time/time.js';
import { zoneClock } from '../core/time/zone.js';
import { TALLYING_METRICS } from '../metrics/registry.js';
import type { SegmentCounts, SegmentMetricOptions, SegmentTallyOf } from '../segments/segment.js';
import type { CalendarPeriodSettings, ParsedCountsSpec, SegmentCountsSpec, ValueReader } from '../segments/spec.js';
import { publicCounts, tableOf } from '../segments/table.js';
import { type RawCell, tallyRecords } from '../segments/tally-records.js';
import { COUNT_ALIAS, PERIOD_ALIAS, readSqlSpec, rowColumns, type SqlSpec, WEIGHT_ALIAS } from './spec.js';
import { canonicalTally, mergeTally, timesTally } from './tally-times.js';

const TOO_MANY = 'expected counts whose sum stays below 2^53';

const NOON_MS = 12 * 3_600_000;

/** An integer as engines return 64-bit ones (a number, a bigint or decimal digits) as a number, or `NaN` when it is none below 2^53 in magnitude. */
export function readInteger(value: unknown): number {
  const n = typeof value === 'bigint' || (typeof value === 'string' && /^-?\d{1,16}$/.test(value)) ? Number(value) : value;
  return typeof n === 'number' && Number.isSafeInteger(n) && (typeof value !== 'bigint' || BigInt(n) === value) ? n : Number.NaN;
}

/** A count of rows: a positive integer below 2^53. */
function readCount(value: unknown, path: MetricsPath): number {
  const n = readInteger(value);
  if (!(n >= 1)) fail('tallyFromRows', 'invalid-value', path, `expected a count of rows, a positive integer below 2^53, received ${describe(value)}`);
  return n;
}

/** A value as a record would hold it: a 64-bit integer (a bigint) as a number when it is a safe integer. */
export function readValue(source: OperationName, value: unknown, path: MetricsPath): unknown {
  if (typeof value !== 'bigint') return value;
  const n = Number(value);
  if (!Number.isSafeInteger(n)) fail(source, 'out-of-range', path, `expected an integer below 2^53 in magnitude, received ${value}n`);
  return n;
}

/** An instant as the query returns it, integer epoch milliseconds, as a number; `null` stays. */
export function readEpochMs(source: OperationName, value: unknown, path: MetricsPath): unknown {
  if (value === null) return null;
  const n = readInteger(value);
  if (Number.isNaN(n)) fail(source, 'invalid-value', path, `expected an instant as integer epoch milliseconds, received ${describe(value)}`);
  return n;
}

/** A ticket's duration as the query returns it, integer milliseconds, or `null` for a ticket returned as its instants (which must then be there). */
function readDuration(value: unknown, instants: readonly unknown[], path: MetricsPath): number | null {
  if (value === null) return null;
  const n = readInteger(value);
  if (!(n >= 0)) fail('tallyFromRows', 'invalid-value', path, `expected a duration in integer milliseconds, at least 0, received ${describe(value)}`);
  if (instants.some((t) => t !== null)) fail('tallyFromRows', 'inconsistent', path, 'expected either a duration or the instants of a ticket, received both');
  return n;
}

/** A weight as a record would hold it: a number (a 64-bit integer, or the text of a `DECIMAL`, as the number it names); anything else as it is, for the metric to refuse. */
function readWeight(value: unknown, path: MetricsPath): unknown {
  if (typeof value === 'string' && /^[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/.test(value)) return Number(value);
  return readValue('tallyFromRows', value, path);
}

/**
 * An id of values that tells apart every two lists of them, or `null` when
 * a value is not one JSON writes as itself (`NaN` and `-0` would read as
 * `null` and `0`; objects as their fields): such a row is not matched to
 * another.
 */
function idOf(values: readonly unknown[]): string | null {
  for (const v of values) {
    const plain = v === null || typeof v === 'string' || typeof v === 'boolean' || (typeof v === 'number' && Number.isFinite(v) && !Object.is(v, -0));
    if (!plain) return null;
  }
  return JSON.stringify(values);
}

/**
 * The spec reading a row as a record whose fields are the query's aliases:
 * `k1`... for the keys, `v1`... for the inputs, `p` for the period, so that
 * two of them never share a field (a period cut on the column a metric also
 * reads, as time to resolution's `openedAt`).
 */
function aliasSpec(sql: SqlSpec): ParsedCountsSpec {
  const { parsed } = sql;
  const value: ValueReader =
    sql.values.length === 1 && sql.values[0]!.input === null
      ? { kind: 'field', field: sql.values[0]!.alias }
      : { kind: 'fields', fields: sql.values.map((v) => [v.input as string, v.alias] as const) };
  return {
    ...parsed,
    value,
    weight: sql.weight === null ? null : WEIGHT_ALIAS,
    dimensions: parsed.dimensions.map((d, i) => ({ name: d.name, read: sql.keys[i]!.alias })),
    period: parsed.period === null ? null : { ...parsed.period, field: PERIOD_ALIAS },
  };
}

/**
 * The table of tallies of the rows a SQL engine returned for
 * {@link tallyQuery}: what `segmentCounts` returns for the records
 * the engine counted.
 *
 * Each row is one distinct combination of keys, period and inputs with its
 * count `n`. Its inputs are tallied by the metric's own `...Counts` (so an
 * invalid answer is refused with the metric's message, at
 * `['rows', i, 'v1']`), its key and period read as `segmentCounts` reads a
 * record's (a missing key takes `missingKey` or is refused), and the tally
 * counts `n` rows of it. The period text must be the first day of its
 * period in the spec's calendar: a row bucketed in another zone or calendar
 * is refused, not moved.
 *
 * @param rows - Objects with the columns `tallyQuery` names (`k1`..., `p`, `v1`..., `n`), as an engine returns them; 64-bit integers may be bigints or digit strings.
 * @param spec - The spec the query was written for.
 * @returns A frozen table of tallies, as `segmentCounts` returns it.
 * @throws `MetricsError` (metric `'tallyFromRows'`) at `['rows', i, column]` for a row with a missing, unknown or impossible column (a count that is not a positive integer, a period that is not the first day of one), or an input the metric refuses; at `['options', ...]` for a spec `tallyQuery` refuses.
 * @example
 * const spec = { metric: 'nps', value: 'score', by: 'region' };
 * const table = tallyFromRows(
 *   [
 *     { k1: 'EU', v1: 10, n: 3n },
 *     { k1: 'EU', v1: 4, n: 1n },
 *   ],
 *   spec,
 * );
 * table.cells[0].counts // => { metric: 'nps', promoters: 3, passives: 0, detractors: 1, excluded: 0 }
 * segmentFromCounts(table, spec).rows[0].result.value // => 50
 */
export function tallyFromRows<M extends TallyMetric>(
  rows: readonly object[],
  spec: SegmentCountsSpec & { readonly metric: M; readonly options?: SegmentMetricOptions<M> },
): SegmentCounts<SegmentTallyOf<M>> {
  const source = 'tallyFromRows';
  const sql = readSqlSpec(source, spec);
  const parsed = aliasSpec(sql);
  const shape = TALLYING_METRICS[parsed.metric].shape;
  const expected = rowColumns(sql);
  // The table of no records: the spec's options checked by the metric, and the period settings.
  const empty: Record<string, unknown[]> = {};
  for (const alias of expected) empty[alias] = [];
  const template = tallyRecords(source, empty, parsed);
  const settings = template.period as CalendarPeriodSettings | null;
  const cal = settings === null ? null : calendar(settings);
  const clock = settings === null ? null : zoneClock(settings.timeZone);

  if (!Array.isArray(rows)) fail(source, 'invalid-type', ['rows'], `expected an array of rows, received ${describe(rows)}`);
  const cells = new Map<string, { key: RawCell['key']; period: string | null; counts: Tally }>();
  const keyOf = new Map<string, RawCell['key']>();
  const periodOf = new Map<string, string | null>();
  const tallyOf = new Map<string, Tally>();
  rows.forEach((row: unknown, i) => {
    const at = (column: string): MetricsPath => ['rows', i, column];
    if (!isPlainObject(row)) fail(source, 'invalid-type', ['rows', i], `expected a row object, received ${describe(row)}`);
    for (const column of Object.keys(row)) {
      if (!expected.includes(column)) fail(source, 'unknown-key', at(column), `unknown column ${JSON.stringify(column)}; expected ${expected.join(', ')}`);
    }
    for (const column of expected) if (!Object.hasOwn(row, column)) fail(source, 'missing-value', at(column), `expected the column ${JSON.stringify(column)}`);
    const n = readCount(row[COUNT_ALIAS], at(COUNT_ALIAS));
    const keyValues = sql.keys.map((k) => readValue(source, row[k.alias], at(k.alias)));
    const inputs = sql.values.map((v) => (v.time ? readEpochMs(source, row[v.alias], at(v.alias)) : readValue(source, row[v.alias], at(v.alias))));
    const span = sql.duration === null ? null : readDuration(row[sql.duration.alias], inputs, at(sql.duration.alias));
    if (span !== null) inputs.push(span);
    const weight = sql.weight === null ? undefined : readWeight(row[WEIGHT_ALIAS], at(WEIGHT_ALIAS));
    if (weight !== undefined) inputs.push(weight);
    const p = sql.time === null ? null : row[PERIOD_ALIAS];
    // A row's key depends on its key values alone, its period on `p` alone and its tally on its inputs alone:
    // each is worked out by the library's loop the first time it is seen, on the row's record, and kept.
    const keyId = idOf(keyValues);
    const periodId = idOf([p]);
    const inputId = idOf(inputs);
    let key = keyId === null ? undefined : keyOf.get(keyId);
    let period = periodId === null ? undefined : periodOf.get(periodId);
    let one = inputId === null ? undefined : tallyOf.get(inputId);
    if (key === undefined || period === undefined || one === undefined) {
      const record: Record<string, unknown[]> = {};
      sql.keys.forEach((k, j) => {
        record[k.alias] = [keyValues[j]];
      });
      sql.values.forEach((v, j) => {
        record[v.alias] = [inputs[j]];
      });
      if (weight !== undefined) record[WEIGHT_ALIAS] = [weight];
      if (span !== null) {
        // A duration as two instants the metric accepts: ending at asOf (or at the last instant there is), starting `span` before.
        const end = sql.duration!.asOf ?? MAX_TIME_MS;
        record[sql.duration!.start.alias] = [end - span];
        record[sql.duration!.end.alias] = [end];
      }
      if (sql.time !== null) {
        if (p === null) record[PERIOD_ALIAS] = [null];
        else {
          const day = typeof p === 'string' ? parseCalendarDate(p) : Number.NaN;
          if (Number.isNaN(day)) fail(source, 'invalid-value', at(PERIOD_ALIAS), `expected the first day of a period as 'YYYY-MM-DD', received ${describe(p)}`);
          // Local noon of that day: the period is the one the day is in.
          record[PERIOD_ALIAS] = [clock!.firstInstant(day * DAY_MS + NOON_MS)];
        }
      }
      let cell: RawCell;
      try {
        cell = tallyRecords(source, record, parsed).cells[0]!;
      } catch (error) {
        if (!isMetricsError(error)) throw error;
        const issues = error.issues.map((issue) => {
          const [root, , field, ...rest] = issue.path;
          if (root !== 'records' || typeof field !== 'string') return issue;
          return { ...issue, path: [...at(field), ...rest] };
        });
        throw new MetricsError(source, issues, { cause: error });
      }
      if (cal !== null && cell.period !== null) {
        const first = cal.format(cal.start(cal.ordinalOfLabel(cell.period))).slice(0, 10);
        if (first !== p) {
          fail(
            source,
            'inconsistent',
            at(PERIOD_ALIAS),
            `expected the first day of a period in ${settings!.timeZone}: ${p} is in the period ${cell.period}, which starts on ${first}`,
          );
        }
      }
      key = cell.key;
      period = cell.period;
      one = cell.counts;
      if (keyId !== null) keyOf.set(keyId, key);
      if (periodId !== null) periodOf.set(periodId, period);
      if (inputId !== null) tallyOf.set(inputId, one);
    }
    const counts = timesTally(one, n, shape);
    if (counts === null) fail(source, 'out-of-range', at(COUNT_ALIAS), TOO_MANY);
    const id = JSON.stringify([key, period]);
    const found = cells.get(id);
    let sum = counts;
    if (found !== undefined) {
      try {
        sum = mergeTally(found.counts, counts, shape);
      } catch (error) {
        if (!isMetricsError(error)) throw error;
        fail(source, 'out-of-range', at(COUNT_ALIAS), TOO_MANY);
      }
    }
    cells.set(id, { key, period, counts: sum });
  });
  // Rows come in the engine's order: durations sorted and weight sums written once, as the metric's own tally has them.
  const sorted = [...cells.values()].map((cell) => ({ ...cell, counts: canonicalTally(cell.counts, shape) }));
  return publicCounts(
    tableOf(
      parsed.metric,
      parsed.dimensions.map((d) => d.name),
      { cells: sorted, period: template.period },
    ),
  ) as SegmentCounts<SegmentTallyOf<M>>;
}
