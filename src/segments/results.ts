/**
 * Reading a segment table of results back for `changes` and `trend`: its
 * rows' tallies are checked, and results are recomputed from them unrounded
 * (a rounded percent is a different number to test).
 */
import { isPlainObject } from '../core/contract/brands.js';
import { describe, fail } from '../core/contract/errors.js';
import { type ComparableMetric, METRICS, type OperationName, type TallyMetric } from '../core/contract/registry.js';
import { levelSchema } from '../core/contract/schemas.js';
import type { Tally } from '../core/contract/tally.js';
import { parse } from '../core/contract/validate.js';
import { ADJUSTMENTS, type Adjustment } from '../core/stats/multiplicity.js';
import type { Calendar } from '../core/time/periods.js';
import { TALLYING_METRICS } from '../metrics/registry.js';
import { sizeOf } from './rows.js';
import type { KeyValue, PeriodSettings } from './spec.js';
import { calendarOf, periodPosition, readTable } from './table.js';
import { rethrow } from './tally-records.js';

/** A row as `changes` and `trend` read it. */
export interface ReadRow {
  readonly index: number;
  readonly key: readonly (KeyValue | null)[];
  readonly keyId: string;
  readonly period: string | null;
  readonly position: number;
  readonly counts: Tally;
  readonly size: number;
  /** Whether the row is a cell (no dimension rolled up, in a period when there are periods), not a total. */
  readonly detail: boolean;
}

/** A table of results, read. */
export interface ReadTable {
  readonly metric: ComparableMetric & TallyMetric;
  readonly by: readonly string[];
  readonly period: PeriodSettings | null;
  readonly calendar: Calendar | null;
  readonly minCount: number;
  readonly rows: readonly ReadRow[];
  /** The metric's result of a tally, unrounded. */
  result(counts: Tally): Record<string, unknown>;
  /** The tally of no records. */
  readonly empty: Tally;
}

/** Reads a table from `segment` or `segmentFromCounts` at `['table']`. */
export function readResultTable(source: OperationName, value: unknown): ReadTable {
  if (!isPlainObject(value) || value.kind !== 'segmentTable') {
    fail(
      source,
      'invalid-type',
      ['table'],
      `expected a segment table from segment or segmentFromCounts { kind: 'segmentTable', ... }, received ${describe(value)}`,
    );
  }
  const rows = value.rows;
  if (!Array.isArray(rows)) fail(source, 'invalid-type', ['table', 'rows'], `expected the table's rows, received ${describe(rows)}`);
  const options = value.options;
  if (!isPlainObject(options)) fail(source, 'invalid-type', ['table', 'options'], `expected the metric's options, received ${describe(options)}`);
  const minCount = value.minCount;
  if (typeof minCount !== 'number' || !Number.isSafeInteger(minCount) || minCount < 0)
    fail(source, 'out-of-range', ['table', 'minCount'], `expected a non-negative integer, received ${describe(minCount)}`);
  // Each row's key, period and tally are checked as a table of tallies is; totals hold null in rolled-up places.
  const cells = Array.from(rows as unknown[], (row, i) => {
    if (!isPlainObject(row))
      return fail(source, 'invalid-type', ['table', 'rows', i], `expected a row { key, period, counts, ... }, received ${describe(row)}`);
    const key = isPlainObject(row.key) ? row.key : {};
    const period = row.period;
    const label = period === null ? null : isPlainObject(period) ? period.label : undefined;
    return { key, label, counts: row.counts, total: Object.values(key).some((v) => v === null) || (value.period !== null && label === null) };
  });
  const stand = (k: Record<string, unknown>) => Object.fromEntries(Object.entries(k).map(([name, v]) => [name, v === null ? '' : v]));
  const table = readTable(source, { kind: 'segmentCounts', metric: value.metric, by: value.by, period: value.period, cells: [] }, ['table']);
  const metric = METRICS[table.metric].compare;
  if (typeof metric === 'object') fail(source, 'invalid-value', ['table', 'metric'], metric.reason);
  if (table.metric === 'repurchaseRate' && options.method === 'repurchases') {
    fail(
      source,
      'invalid-value',
      ['table', 'options', 'method'],
      "repurchaseRate by 'repurchases' is purchases per customer, not a proportion of customers, and has no test: segment by 'customers'",
    );
  }
  const entry = TALLYING_METRICS[table.metric];
  const fromCounts = entry.fromCounts as unknown as (counts: unknown, options?: unknown) => Record<string, unknown>;
  const { decimals: _decimals, rounding: _rounding, ...unrounded } = options;
  const empty = (entry.counts as (input: unknown) => Tally)([]);
  const cal = calendarOf(table.period);
  const position = periodPosition(table.period, cal);
  // Rows are checked as tables of tallies are, one table per pattern of rolled-up places: the cells, each
  // kind of total (a stand-in in its rolled-up dimensions, which cannot collide within the pattern), and the
  // totals over all periods (checked as a table without periods).
  const groups = new Map<string, number[]>();
  cells.forEach((c, i) => {
    const pattern = table.by.map((name) => (Object.hasOwn(c.key, name) && c.key[name] === null ? '*' : '-')).join('') + (c.label === null ? 'p' : '');
    groups.set(pattern, [...(groups.get(pattern) ?? []), i]);
  });
  const read = new Array<ReadRow>(cells.length);
  for (const [pattern, indexes] of groups) {
    const allPeriods = pattern.endsWith('p');
    const checked = rethrow(
      source,
      () =>
        readTable(
          source,
          {
            kind: 'segmentCounts',
            metric: table.metric,
            by: table.by,
            period: allPeriods ? null : table.period,
            cells: indexes.map((i) => ({ key: stand(cells[i]!.key), period: cells[i]!.label, counts: cells[i]!.counts })),
          },
          ['table'],
        ),
      (p) => (p[1] === 'cells' && typeof p[2] === 'number' ? ['table', 'rows', indexes[p[2]]!, ...p.slice(3)] : p),
    ).cells;
    indexes.forEach((i, j) => {
      const c = cells[i]!;
      const key = table.by.map((_name, d) => (pattern[d] === '*' ? null : checked[j]!.key[d]!));
      read[i] = {
        index: i,
        key,
        keyId: JSON.stringify(key),
        period: c.label as string | null,
        position: position(c.label as string | null),
        counts: checked[j]!.counts,
        size: sizeOf(table.metric, checked[j]!.counts),
        detail: !c.total,
      };
    });
  }
  return {
    metric: table.metric as ComparableMetric & TallyMetric,
    by: table.by,
    period: table.period,
    calendar: cal,
    minCount,
    rows: read,
    result: (counts) =>
      rethrow(
        source,
        () => fromCounts(counts, unrounded),
        (p) => ['table', ...p],
      ),
    empty,
  };
}

/** What `changes` and `trend` share of their options: the family's adjustment and level, and `on` for CSAT and CES. */
export interface FamilyOptions {
  readonly options: Readonly<Record<string, unknown>>;
  readonly adjust: Adjustment;
  readonly level: number;
  readonly on: 'percent' | 'mean' | undefined;
}

/** Reads the options of `changes` or `trend`: a plain object with only `known` keys, and the shared ones checked. */
export function readFamilyOptions(source: OperationName, options: unknown, known: readonly string[]): FamilyOptions {
  const o = options === undefined ? {} : options;
  if (!isPlainObject(o)) fail(source, 'invalid-type', ['options'], `expected an options object (a plain object), received ${describe(o)}`);
  for (const key of Object.keys(o)) {
    if (!['adjust', 'level', 'on', ...known].includes(key)) fail(source, 'unknown-key', ['options', key], `unknown key ${JSON.stringify(key)}`);
  }
  const adjustment = o.adjust ?? 'holm';
  if (!(ADJUSTMENTS as readonly unknown[]).includes(adjustment)) {
    fail(source, 'invalid-value', ['options', 'adjust'], `expected "holm", "bh" or "none", received ${describe(adjustment)}`);
  }
  const level = o.level === undefined ? 0.95 : (parse(source, levelSchema(), o.level, ['options', 'level']) as number);
  const on = o.on;
  if (on !== undefined && on !== 'percent' && on !== 'mean')
    fail(source, 'invalid-value', ['options', 'on'], `expected "percent" or "mean", received ${describe(on)}`);
  return { options: o, adjust: adjustment as Adjustment, level, on };
}
