/**
 * Tables of tallies: one tally per segment and period, as `segmentCounts`
 * returns them. Built from the tallying loop, read back (and checked) from
 * anywhere else, merged cell by cell, and put in one order.
 */
import { isPlainObject } from '../core/contract/brands.js';
import { describe, fail, type MetricsPath } from '../core/contract/errors.js';
import type { OperationName, TallyMetric } from '../core/contract/registry.js';
import { deepFreeze } from '../core/contract/result.js';
import { mergeTallies, type Tally } from '../core/contract/tally.js';
import type { Weekday } from '../core/time/business-hours.js';
import { type Calendar, calendar, PERIOD_UNITS, WEEKDAY_NUMBERS } from '../core/time/periods.js';
import { isTimeZone } from '../core/time/zone.js';
import { TALLYING_METRICS } from '../metrics/registry.js';
import { type KeyValue, type PeriodSettings, readMetric, type SegmentKey } from './spec.js';
import { type RawCell, type RawTable, rethrow } from './tally-records.js';

/** One cell of a table of tallies: a segment in a period, and its tally. */
export interface SegmentCountsCell<C extends Tally = Tally> {
  /** The segment: each `by` dimension's value. */
  readonly key: SegmentKey;
  /** The period's label (`'2024-03'`, a campaign's name); `null` without periods. */
  readonly period: string | null;
  /** The cell's tally, as the metric's `...Counts` makes it: it merges with `mergeCounts`. */
  readonly counts: C;
}

/**
 * A table of tallies by segment and period, as `segmentCounts` returns it:
 * JSON-safe, so it can be written out, sent from a worker or built by a
 * query, merged with `mergeCounts` and computed with `segmentFromCounts`.
 */
export interface SegmentCounts<C extends Tally = Tally> {
  /** Marks a table of tallies: `'segmentCounts'`. */
  readonly kind: 'segmentCounts';
  /** The metric every cell is tallied for. */
  readonly metric: TallyMetric;
  /** The dimension names, in key order. */
  readonly by: readonly string[];
  /** How records fell into periods; `null` without periods. */
  readonly period: PeriodSettings | null;
  /** The cells, ordered by key and then period. */
  readonly cells: readonly SegmentCountsCell<C>[];
}

/** A table as the engine holds it: keys as value lists. */
export interface Table {
  readonly metric: TallyMetric;
  readonly by: readonly string[];
  readonly period: PeriodSettings | null;
  readonly cells: readonly RawCell[];
}

const TYPE_RANK = { boolean: 0, number: 1, string: 2 } as const;

/** A total order on key values: booleans, then numbers, then strings; `null` (a rolled-up dimension) last. */
export function compareKeyValues(a: KeyValue | null, b: KeyValue | null): number {
  if (a === b) return 0;
  if (a === null) return 1;
  if (b === null) return -1;
  const ra = TYPE_RANK[typeof a as 'boolean' | 'number' | 'string'];
  const rb = TYPE_RANK[typeof b as 'boolean' | 'number' | 'string'];
  if (ra !== rb) return ra - rb;
  return a < b ? -1 : 1;
}

/** Compares two keys dimension by dimension. */
export function compareKeys(a: readonly (KeyValue | null)[], b: readonly (KeyValue | null)[]): number {
  for (let i = 0; i < a.length; i++) {
    const c = compareKeyValues(a[i]!, b[i]!);
    if (c !== 0) return c;
  }
  return 0;
}

/** The position of a period label in time (calendar) or in the label order. */
export function periodPosition(settings: PeriodSettings | null, cal: Calendar | null): (label: string | null) => number {
  if (settings === null) return () => 0;
  if (settings.unit !== null) return (label) => (label === null ? Number.POSITIVE_INFINITY : cal!.ordinalOfLabel(label));
  const index = new Map(settings.order.map((l, i) => [l, i]));
  return (label) => (label === null ? Number.POSITIVE_INFINITY : index.get(label)!);
}

/** The calendar of calendar periods, or `null`. */
export function calendarOf(settings: PeriodSettings | null): Calendar | null {
  return settings === null || settings.unit === null ? null : calendar(settings);
}

/** Sorts cells by key, then period. */
export function sortCells<T extends { readonly key: readonly (KeyValue | null)[]; readonly period: string | null }>(
  cells: readonly T[],
  position: (label: string | null) => number,
): T[] {
  const decorated = cells.map((cell) => ({ cell, at: position(cell.period) }));
  decorated.sort((a, b) => compareKeys(a.cell.key, b.cell.key) || a.at - b.at);
  return decorated.map((d) => d.cell);
}

/** The public, frozen table of tallies. */
export function publicCounts(table: Table): SegmentCounts {
  const position = periodPosition(table.period, calendarOf(table.period));
  const cells = sortCells(table.cells, position).map((c) => ({ key: keyObject(table.by, c.key), period: c.period, counts: c.counts }));
  return deepFreeze({
    kind: 'segmentCounts',
    metric: table.metric,
    by: [...table.by],
    period: table.period === null ? null : copySettings(table.period),
    cells,
  });
}

function copySettings(s: PeriodSettings): PeriodSettings {
  return s.unit === null ? { field: s.field, unit: null, order: [...s.order], fixed: s.fixed } : { ...s };
}

/** A key's values as an object from dimension name to value (null-prototype free: names are data). */
export function keyObject(by: readonly string[], key: readonly (KeyValue | null)[]): SegmentKey {
  const out: Record<string, KeyValue | null> = {};
  by.forEach((name, i) => {
    Object.defineProperty(out, name, { value: key[i], enumerable: true, writable: true, configurable: true });
  });
  return out;
}

/** A table from the tallying loop. */
export function tableOf(metric: TallyMetric, by: readonly string[], raw: RawTable): Table {
  return { metric, by, period: raw.period, cells: raw.cells };
}

/** Reads and checks a table of tallies given as an argument at `path`. */
export function readTable(source: OperationName, value: unknown, path: MetricsPath): Table {
  if (!isPlainObject(value) || value.kind !== 'segmentCounts') {
    fail(
      source,
      'invalid-type',
      path,
      `expected a table of tallies from segmentCounts { kind: 'segmentCounts', metric, by, period, cells }, received ${describe(value)}`,
    );
  }
  for (const key of Object.keys(value)) {
    if (!['kind', 'metric', 'by', 'period', 'cells'].includes(key)) fail(source, 'unknown-key', [...path, key], `unknown key ${JSON.stringify(key)}`);
  }
  const metric = readMetric(source, value.metric, [...path, 'metric']);
  const by: unknown = Array.isArray(value.by) ? Array.from(value.by as unknown[]) : value.by;
  if (!Array.isArray(by) || by.some((d) => typeof d !== 'string') || new Set(by).size !== by.length) {
    fail(source, 'invalid-value', [...path, 'by'], `expected the dimension names, distinct strings, received ${describe(by)}`);
  }
  const period = readSettings(source, value.period, [...path, 'period']);
  const cal = calendarOf(period);
  const labels = period?.unit === null ? new Set(period.order) : null;
  if (!Array.isArray(value.cells))
    fail(source, 'invalid-type', [...path, 'cells'], `expected a list of cells { key, period, counts }, received ${describe(value.cells)}`);
  const entry = TALLYING_METRICS[metric];
  const empty = (entry.counts as (input: unknown) => Tally)([]);
  const seen = new Set<string>();
  const cells = Array.from(value.cells as unknown[], (cell, i): RawCell => {
    const at: MetricsPath = [...path, 'cells', i];
    if (!isPlainObject(cell)) fail(source, 'invalid-type', at, `expected a cell { key, period, counts }, received ${describe(cell)}`);
    for (const key of Object.keys(cell)) {
      if (!['key', 'period', 'counts'].includes(key)) fail(source, 'unknown-key', [...at, key], `unknown key ${JSON.stringify(key)}`);
    }
    const key = readKey(source, cell.key, by as string[], [...at, 'key']);
    const label = cell.period;
    if (period === null) {
      if (label !== null) fail(source, 'inconsistent', [...at, 'period'], `expected null in a table without periods, received ${describe(label)}`);
    } else if (typeof label !== 'string' || (cal !== null ? Number.isNaN(cal.ordinalOfLabel(label)) : !labels!.has(label))) {
      const what = cal !== null ? `a ${period.unit} label of the table's calendar` : "a label listed in the table's period order";
      fail(source, 'invalid-value', [...at, 'period'], `expected ${what}, received ${describe(label)}`);
    }
    const id = JSON.stringify([key, label]);
    if (seen.has(id)) fail(source, 'duplicate', at, 'expected one cell per segment and period, received this one twice');
    seen.add(id);
    const counts = rethrow(
      source,
      () => mergeTallies(cell.counts, empty, entry.shape) as unknown as Tally,
      (p) => [...at, 'counts', ...p.slice(1)],
    );
    return { key, period: label as string | null, counts };
  });
  return { metric, by: by as string[], period, cells };
}

function readKey(source: OperationName, key: unknown, by: readonly string[], path: MetricsPath): KeyValue[] {
  if (!isPlainObject(key))
    return fail(source, 'invalid-type', path, `expected a key object with ${by.length === 0 ? 'no dimensions' : by.join(', ')}, received ${describe(key)}`);
  for (const name of Object.keys(key)) {
    if (!by.includes(name)) fail(source, 'unknown-key', [...path, name], `unknown dimension ${JSON.stringify(name)}`);
  }
  return by.map((name) => {
    const v = Object.hasOwn(key, name) ? key[name] : undefined;
    if (typeof v === 'string' || typeof v === 'boolean' || (typeof v === 'number' && Number.isFinite(v))) return typeof v === 'number' ? v + 0 : v;
    return fail(
      source,
      v === undefined ? 'missing-value' : 'invalid-type',
      [...path, name],
      `expected a segment value (a string, a finite number or a boolean), received ${describe(v)}`,
    );
  });
}

/** Reads a table's period settings back (from a file, a worker, a query), every field checked. */
export function readSettings(source: OperationName, s: unknown, path: MetricsPath): PeriodSettings | null {
  if (s === null) return null;
  if (!isPlainObject(s)) return fail(source, 'invalid-type', path, `expected the table's period settings or null, received ${describe(s)}`);
  const field = s.field;
  if (field !== null && typeof field !== 'string')
    fail(source, 'invalid-type', [...path, 'field'], `expected a field name or null, received ${describe(field)}`);
  if (s.unit === null) {
    const order: unknown = Array.isArray(s.order) ? Array.from(s.order as unknown[]) : s.order;
    if (!Array.isArray(order) || order.some((l) => typeof l !== 'string') || new Set(order).size !== order.length) {
      fail(source, 'invalid-value', [...path, 'order'], `expected the period labels in order, distinct strings, received ${describe(order)}`);
    }
    if (typeof s.fixed !== 'boolean') fail(source, 'invalid-type', [...path, 'fixed'], `expected a boolean, received ${describe(s.fixed)}`);
    checkSettingKeys(source, s, ['field', 'unit', 'order', 'fixed'], path);
    return { field, unit: null, order: [...(order as string[])], fixed: s.fixed as boolean };
  }
  const unit = PERIOD_UNITS.find((u) => u === s.unit);
  if (unit === undefined)
    fail(source, 'invalid-value', [...path, 'unit'], `expected "day", "week", "month", "quarter", "year" or null, received ${describe(s.unit)}`);
  if (typeof s.timeZone !== 'string' || !isTimeZone(s.timeZone))
    fail(source, 'invalid-value', [...path, 'timeZone'], `expected an IANA time zone name, received ${describe(s.timeZone)}`);
  if (typeof s.weekStart !== 'string' || !Object.hasOwn(WEEKDAY_NUMBERS, s.weekStart))
    fail(source, 'invalid-value', [...path, 'weekStart'], `expected a weekday "mon" to "sun", received ${describe(s.weekStart)}`);
  const yearStart = s.yearStart;
  if (typeof yearStart !== 'number' || !Number.isInteger(yearStart) || yearStart < 1 || yearStart > 12)
    fail(source, 'out-of-range', [...path, 'yearStart'], `expected a month from 1 to 12, received ${describe(yearStart)}`);
  checkSettingKeys(source, s, ['field', 'unit', 'timeZone', 'weekStart', 'yearStart'], path);
  return { field, unit, timeZone: s.timeZone, weekStart: s.weekStart as Weekday, yearStart };
}

function checkSettingKeys(source: OperationName, s: Record<string, unknown>, known: readonly string[], path: MetricsPath): void {
  for (const key of Object.keys(s)) if (!known.includes(key)) fail(source, 'unknown-key', [...path, key], `unknown key ${JSON.stringify(key)}`);
}

/** Whether two period settings cut periods the same way (field names aside). */
export function samePeriods(a: PeriodSettings | null, b: PeriodSettings | null): boolean {
  if (a === null || b === null) return a === b;
  if (a.unit === null || b.unit === null) {
    if (a.unit !== null || b.unit !== null) return false;
    return !a.fixed || !b.fixed || a.order.join('\u0000') === b.order.join('\u0000');
  }
  return a.unit === b.unit && a.timeZone === b.timeZone && a.weekStart === b.weekStart && a.yearStart === b.yearStart;
}

/** Describes period settings for a message. */
export function describeSettings(s: PeriodSettings | null): string {
  if (s === null) return 'no periods';
  if (s.unit === null) return s.fixed ? `labels in the order ${JSON.stringify(s.order)}` : 'labels';
  return `${s.unit}s in ${s.timeZone}${s.unit === 'week' ? ` from ${s.weekStart}` : ''}${s.yearStart !== 1 ? ` with the year from month ${s.yearStart}` : ''}`;
}

/** Merges two tables cell by cell: cells of one segment and period merge their tallies. */
export function mergeTables(source: OperationName, a: Table, b: Table): Table {
  if (a.metric !== b.metric) fail(source, 'inconsistent', ['b', 'metric'], `expected a table of ${a.metric}, like a, received ${b.metric}`);
  if (a.by.join('\u0000') !== b.by.join('\u0000') || a.by.length !== b.by.length) {
    fail(source, 'inconsistent', ['b', 'by'], `expected the dimensions ${JSON.stringify(a.by)}, like a, received ${JSON.stringify(b.by)}`);
  }
  if (!samePeriods(a.period, b.period)) {
    fail(source, 'inconsistent', ['b', 'period'], `expected periods cut as a's (${describeSettings(a.period)}), received ${describeSettings(b.period)}`);
  }
  const shape = TALLYING_METRICS[a.metric].shape;
  const merged = new Map<string, RawCell>();
  const all = [...a.cells, ...b.cells];
  all.forEach((cell, i) => {
    const id = JSON.stringify([cell.key, cell.period]);
    const other = merged.get(id);
    merged.set(
      id,
      other === undefined
        ? cell
        : {
            key: cell.key,
            period: cell.period,
            counts: rethrow(
              source,
              () => mergeTallies(other.counts, cell.counts, shape) as unknown as Tally,
              // A cell merges only with a cell of a (a table holds each cell once), so this one is b's.
              (p) => ['b', 'cells', i - a.cells.length, 'counts', ...p.slice(1)],
            ),
          },
    );
  });
  let period = a.period;
  if (a.period !== null && a.period.unit === null && b.period !== null && b.period.unit === null) {
    const order = [...a.period.order];
    for (const label of b.period.order) if (!order.includes(label)) order.push(label);
    period = { field: a.period.field, unit: null, order, fixed: a.period.fixed || b.period.fixed };
  }
  return { metric: a.metric, by: a.by, period, cells: [...merged.values()] };
}
