/**
 * The tallying loop: records (an array of objects, or an object of
 * equal-length columns) into one tally per segment and period.
 *
 * Each record's key is found in a tree of maps, one level per dimension, and
 * its period by the calendar's table of period starts, so no `Intl` call and
 * no string building happens per record. Inputs are buffered per cell and
 * handed to the metric's own `...Counts` function in chunks of
 * {@link CHUNK} records; each chunk's tally merges into the cell's with the
 * metric's tally fields. Memory is the cells' tallies plus one chunk, not
 * the records (TTR and first response time keep their durations, which are
 * their tallies). A bad value found by the metric is reported at the
 * record and field it came from.
 */
import { isPlainObject, typedArrayName } from '../core/contract/brands.js';
import { describe, fail, isMetricsError, MetricsError, type MetricsIssue, type MetricsPath } from '../core/contract/errors.js';
import type { OperationName } from '../core/contract/registry.js';
import { mergeTallies, type Tally } from '../core/contract/tally.js';
import { type Calendar, calendar } from '../core/time/periods.js';
import { describeBadTime, MAX_TIME_MS, timeToMs } from '../core/time/time.js';
import { TALLYING_METRICS } from '../metrics/registry.js';
import { type Dimension, type FieldReader, INPUT_FIELDS, type KeyValue, type ParsedCountsSpec, type PeriodSettings } from './spec.js';

/** Records buffered across all cells before they are tallied. */
export const CHUNK = 65_536;

/** A cell of a table of tallies as the engine holds it: key values in dimension order, period label, tally. */
export interface RawCell {
  readonly key: readonly KeyValue[];
  readonly period: string | null;
  readonly counts: Tally;
}

/** What the loop returns: the cells, and the period settings with label order as found. */
export interface RawTable {
  readonly cells: RawCell[];
  readonly period: PeriodSettings | null;
}

type Counts = (input: unknown, options?: unknown) => Tally;

interface Cell {
  readonly key: readonly KeyValue[];
  readonly period: string | number | null;
  counts: Tally | null;
  values: unknown[];
  indexes: number[];
  weights: unknown[];
}

interface KeyNode {
  readonly children: Map<KeyValue, KeyNode>;
  readonly key: readonly KeyValue[];
  readonly cells: Map<string | number | null, Cell>;
}

/** Reads a record's field; an inherited property (`toString`) reads as absent. */
export function own(record: Record<string, unknown>, field: string): unknown {
  const v = record[field];
  if (v === undefined || typeof v === 'object' || typeof v === 'function') return Object.hasOwn(record, field) ? v : undefined;
  return v;
}

/** The rows of an input: an array of records, or an object of columns. */
interface Rows {
  readonly length: number;
  /** Record `i` (checked to be a plain object), or a view of row `i` of the columns. */
  record(i: number): Record<string, unknown>;
  /** A reader of one field: its value in record `i`. */
  field(field: string): (i: number) => unknown;
}

function rowsOf(source: OperationName, records: unknown): Rows {
  if (Array.isArray(records)) {
    return {
      length: records.length,
      record(i) {
        const r: unknown = records[i];
        if (!isPlainObject(r))
          fail(
            source,
            r === null || r === undefined ? 'missing-value' : 'invalid-type',
            ['records', i],
            `expected a record (a plain object), received ${describe(r)}`,
          );
        return r;
      },
      field(f) {
        return (i) => own(records[i] as Record<string, unknown>, f);
      },
    };
  }
  if (!isPlainObject(records)) {
    return fail(
      source,
      records === undefined || records === null ? 'missing-value' : 'invalid-type',
      ['records'],
      `expected an array of records or an object of equal-length columns, received ${describe(records)}`,
    );
  }
  const names = Object.keys(records);
  let length = -1;
  for (const name of names) {
    const column = records[name];
    if (!Array.isArray(column) && typedArrayName(column) === undefined)
      fail(source, 'invalid-type', ['records', name], `expected a column (an array or a typed array), received ${describe(column)}`);
    const n = (column as ArrayLike<unknown>).length;
    if (length === -1) length = n;
    else if (n !== length)
      fail(source, 'inconsistent', ['records', name], `expected a column of ${length} values, like ${JSON.stringify(names[0])}, received ${n}`);
  }
  const columns = records as Record<string, ArrayLike<unknown>>;
  return {
    length: Math.max(length, 0),
    record(i) {
      const row: Record<string, unknown> = {};
      for (const name of names) Object.defineProperty(row, name, { value: columns[name]![i], enumerable: true, writable: true, configurable: true });
      return row;
    },
    field(f) {
      const column = Object.hasOwn(columns, f) ? columns[f]! : null;
      return column === null ? () => undefined : (i) => column[i];
    },
  };
}

/** Tallies `records` by segment and period. */
export function tallyRecords(source: OperationName, records: unknown, spec: ParsedCountsSpec): RawTable {
  const entry = TALLYING_METRICS[spec.metric];
  const counts = entry.counts as unknown as Counts;
  const shape = entry.shape;
  const rows = rowsOf(source, records);
  const columnar = !Array.isArray(records);
  const { value, dimensions, missingKey, weight } = spec;
  const options = spec.options;
  // The metric checks its options once, here, with its own messages.
  rethrow(
    source,
    () => counts([], options),
    (path) => ['options', 'options', ...path.slice(1)],
  );

  const period = spec.period;
  const cal: Calendar | null = period?.settings.unit == null ? null : calendar(period.settings);
  const labels = period !== null && period.settings.unit === null ? [...period.settings.order] : null;
  const labelIndex = new Map<string, number>(labels?.map((l, i) => [l, i]));
  const fixedLabels = period !== null && period.settings.unit === null && period.settings.fixed;

  const root: KeyNode = { children: new Map(), key: [], cells: new Map() };
  const allCells: Cell[] = [];
  let buffered = 0;

  const inputFields = INPUT_FIELDS[spec.metric];
  const readerOf = (reader: FieldReader): ((i: number) => unknown) =>
    typeof reader === 'string' ? rows.field(reader) : (i) => (reader as (r: unknown) => unknown)(rows.record(i));
  const readValue: (i: number) => unknown = (() => {
    switch (value.kind) {
      case 'field':
        return rows.field(value.field);
      case 'function':
        return readerOf(value.read);
      case 'fields': {
        const fields = value.fields.map(([name, field]) => [name, rows.field(field)] as const);
        return (i) => {
          const input: Record<string, unknown> = {};
          for (const [name, read] of fields) input[name] = read(i);
          return input;
        };
      }
      case 'record': {
        if (!columnar) return (i) => rows.record(i);
        const fields = (inputFields ?? []).map((name) => [name, rows.field(name)] as const);
        return (i) => {
          const input: Record<string, unknown> = {};
          for (const [name, read] of fields) {
            const v = read(i);
            if (v !== undefined) input[name] = v;
          }
          return input;
        };
      }
    }
  })();
  const pathTo = (i: number, reader: FieldReader): MetricsPath => (typeof reader === 'string' ? ['records', i, reader] : ['records', i]);
  const dimensionReaders = dimensions.map((d) => readerOf(d.read));
  const periodReader = period === null ? null : readerOf(period.field);
  const weightReader = weight === null ? null : readerOf(weight);

  const keyValue = (i: number, d: Dimension, read: (i: number) => unknown): KeyValue => keyValueOf(source, read(i), pathTo(i, d.read), missingKey);

  const periodOf = (i: number): string | number | null => {
    if (period === null) return null;
    const v = periodReader!(i);
    if (cal !== null) {
      const t = typeof v === 'number' && Number.isInteger(v) && v >= -MAX_TIME_MS && v <= MAX_TIME_MS ? v : timeToMs(v);
      if (t !== t) {
        const { code, message } = describeBadTime(v);
        fail(source, code, pathTo(i, period.field), message);
      }
      return cal.ordinalOf(t);
    }
    if (typeof v !== 'string') {
      return fail(
        source,
        v === null || v === undefined ? 'missing-value' : 'invalid-type',
        pathTo(i, period.field),
        `expected a period label (a string), received ${describe(v)}`,
      );
    }
    if (!labelIndex.has(v)) {
      if (fixedLabels) fail(source, 'invalid-value', pathTo(i, period.field), `expected a period label listed in period.order, received ${describe(v)}`);
      labelIndex.set(v, labels!.length);
      labels!.push(v);
    }
    return v;
  };

  const flush = (cell: Cell): void => {
    if (cell.values.length === 0) return;
    const cellOptions = weight === null ? options : { ...options, weights: cell.weights };
    const tally = rethrow(
      source,
      () => counts(cell.values, cellOptions),
      (path) => recordPath(path, cell, spec),
    );
    cell.counts = cell.counts === null ? tally : (mergeTallies(cell.counts, tally, shape) as unknown as Tally);
    cell.values = [];
    cell.indexes = [];
    cell.weights = [];
  };

  const n = rows.length;
  for (let i = 0; i < n; i++) {
    if (!columnar) rows.record(i);
    let node = root;
    for (let k = 0; k < dimensions.length; k++) {
      const v = keyValue(i, dimensions[k]!, dimensionReaders[k]!);
      let child = node.children.get(v);
      if (child === undefined) {
        child = { children: new Map(), key: [...node.key, v], cells: new Map() };
        node.children.set(v, child);
      }
      node = child;
    }
    const p = periodOf(i);
    let cell = node.cells.get(p);
    if (cell === undefined) {
      cell = { key: node.key, period: p, counts: null, values: [], indexes: [], weights: [] };
      node.cells.set(p, cell);
      allCells.push(cell);
    }
    cell.values.push(readValue(i));
    cell.indexes.push(i);
    if (weightReader !== null) cell.weights.push(weightReader(i));
    if (++buffered === CHUNK) {
      for (const c of allCells) flush(c);
      buffered = 0;
    }
  }
  for (const c of allCells) flush(c);

  const settings: PeriodSettings | null =
    period === null ? null : period.settings.unit === null ? { ...period.settings, order: labels ?? [] } : period.settings;
  return {
    cells: allCells.map((c) => ({ key: c.key, period: typeof c.period === 'number' ? cal!.label(c.period) : c.period, counts: c.counts! })),
    period: settings,
  };
}

/** The path of a metric's error on a chunk of a cell's inputs, as a path into the records. */
function recordPath(path: MetricsPath, cell: Cell, spec: ParsedCountsSpec): MetricsPath {
  const [argument, index, ...rest] = path;
  if (argument === 'options') {
    if (index === 'weights' && typeof rest[0] === 'number') {
      const i = cell.indexes[rest[0]]!;
      return typeof spec.weight === 'string' ? ['records', i, spec.weight] : ['records', i];
    }
    return ['options', 'options', ...path.slice(1)];
  }
  if (typeof index !== 'number') return ['records'];
  const i = cell.indexes[index]!;
  const v = spec.value;
  if (v.kind === 'field') return ['records', i, v.field, ...rest];
  if (v.kind === 'fields' && typeof rest[0] === 'string') {
    const mapped = v.fields.find(([input]) => input === rest[0]);
    return ['records', i, mapped === undefined ? rest[0] : mapped[1], ...rest.slice(1)];
  }
  return ['records', i, ...rest];
}

/** A record's value in one `by` dimension, checked: a missing one is `missingKey` when given, else an error at `path`. */
export function keyValueOf(source: OperationName, v: unknown, path: MetricsPath, missingKey: string | null): KeyValue {
  if (typeof v === 'string' || typeof v === 'boolean') return v;
  if (typeof v === 'number') {
    if (Number.isFinite(v)) return v + 0;
    return fail(source, 'invalid-value', path, `expected a segment value (a string, a finite number or a boolean), received ${describe(v)}`);
  }
  if ((v === null || v === undefined) && missingKey !== null) return missingKey;
  const hint = v === null || v === undefined ? ' (missingKey names a label for missing values)' : '';
  return fail(
    source,
    v === null || v === undefined ? 'missing-value' : 'invalid-type',
    path,
    `expected a segment value (a string, a finite number or a boolean)${hint}, received ${describe(v)}`,
  );
}

/** Runs `f`; a MetricsError it throws is thrown again for `source`, each path mapped by `map`. */
export function rethrow<T>(source: OperationName, f: () => T, map: (path: MetricsPath) => MetricsPath): T {
  try {
    return f();
  } catch (error) {
    if (!isMetricsError(error)) throw error;
    const issues: MetricsIssue[] = error.issues.map((issue) => ({ code: issue.code, path: map(issue.path), message: issue.message }));
    throw new MetricsError(source, issues, { cause: error });
  }
}
