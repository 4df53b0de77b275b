/**
 * A table of tallies into rows of results: the empty periods filled in, the
 * totals merged, small cells blanked, each row's period described.
 */
import { fail } from '../core/contract/errors.js';
import type { OperationName, TallyMetric } from '../core/contract/registry.js';
import { unreachable } from '../core/contract/registry.js';
import { mergeTallies, type Tally } from '../core/contract/tally.js';
import type { Calendar } from '../core/time/periods.js';
import { TALLYING_METRICS } from '../metrics/registry.js';
import type { KeyValue, PeriodSettings } from './spec.js';
import { calendarOf, compareKeys, periodPosition, sortCells, type Table } from './table.js';
import { rethrow } from './tally-records.js';

/**
 * Why a row's figures need care:
 *
 * - `'incomplete-period'`: the period contains `asOf` or lies after it; its data is partial.
 * - `'below-min-count'`: fewer answers than `minCount`; `value` and the interval are `null`.
 * - `'no-records'`: no records in the cell (a period filled in between a segment's first and last).
 */
export type SegmentFlag = 'incomplete-period' | 'below-min-count' | 'no-records';

/** A row's period: its label, and for calendar periods its first instant and the next period's, as ISO 8601 with the offset in force. */
export interface SegmentPeriod {
  /** `'2024-03'`, `'2025-W01'`, `'FY2025-Q1'`, or a label such as a campaign's name. */
  readonly label: string;
  /** The period's first instant (`'2024-03-01T00:00:00+01:00'`); `null` for label periods. */
  readonly start: string | null;
  /** The next period's first instant, where this one ends (exclusive); `null` for label periods. */
  readonly end: string | null;
  /** `false` when the period contains `asOf` or lies after it. */
  readonly complete: boolean;
}

/** A row as built here, before its result: key values (null where rolled up), period label (null for all periods). */
export interface Cell {
  readonly key: readonly (KeyValue | null)[];
  readonly period: string | null;
  readonly counts: Tally;
  /** Whether the cell was filled in (no tally was given for it). */
  readonly filled: boolean;
}

/** The number of answers (records counted) in a tally: what `minCount` compares with. */
export function sizeOf(metric: TallyMetric, c: Tally): number {
  const t = c as unknown as Record<string, unknown>;
  const sum = (r: unknown): number => Object.values(r as Record<string, number>).reduce((s, x) => s + x, 0);
  switch (metric) {
    case 'nps':
      return (t.promoters as number) + (t.passives as number) + (t.detractors as number);
    case 'csat':
    case 'ces':
      return sum(t.points);
    case 'loyaltyIndex':
      return t.respondents as number;
    case 'firstContactResolution':
      return t.total as number;
    case 'timeToResolution':
      return (t.resolved as readonly number[]).length + (t.open as number);
    case 'firstResponseTime':
      return (t.responded as readonly number[]).length + (t.open as number);
    case 'repurchaseRate':
      return sum(t.purchases);
    case 'upsellRatio':
      return (t.upgraded as number) + (t.notUpgraded as number);
    default:
      return unreachable(metric);
  }
}

/** Settings of the rows. */
export interface RowSettings {
  readonly fill: boolean;
  readonly totals: boolean;
  readonly options: Readonly<Record<string, unknown>>;
}

/**
 * The cells of the rows: the table's cells with the empty periods between a
 * segment's first and last filled in (with `fill`), then, with `totals`, one
 * group per grouping set (each subset of the dimensions rolled up, and all
 * periods together), each total the exact merge of its cells.
 */
export function rowCells(source: OperationName, table: Table, s: RowSettings): Cell[] {
  const entry = TALLYING_METRICS[table.metric];
  const empty = rethrow(
    source,
    () => (entry.counts as (input: unknown, options?: unknown) => Tally)([], s.options),
    (p) => ['options', 'options', ...p.slice(1)],
  );
  const cal = calendarOf(table.period);
  const position = periodPosition(table.period, cal);
  const detail: Cell[] = table.cells.map((c) => ({ key: c.key, period: c.period, counts: c.counts, filled: false }));
  const groups: Cell[][] = [];
  const dims = table.by.length;
  const withPeriods = table.period !== null;
  const periodMasks = withPeriods && s.totals ? [false, true] : [false];
  const masks = s.totals ? subsetsBySize(dims) : [[]];
  for (const allPeriods of periodMasks) {
    for (const rolled of masks) {
      groups.push(rolled.length === 0 && !allPeriods ? detail : rollUp(detail, rolled, allPeriods, entry.shape));
    }
  }
  const out: Cell[] = [];
  for (const group of groups) {
    const cells = s.fill && withPeriods ? fillGaps(source, group, table.period!, cal, position, empty) : group;
    out.push(...sortCells(cells, position));
  }
  return out;
}

/** Every subset of `n` dimensions, as lists of indexes to roll up: the empty set first, then by size, the last dimensions rolled up first (as SQL's ROLLUP). */
function subsetsBySize(n: number): number[][] {
  const all: number[][] = [];
  for (let mask = 0; mask < 1 << n; mask++) {
    const set: number[] = [];
    for (let i = 0; i < n; i++) if (mask & (1 << i)) set.push(i);
    all.push(set);
  }
  return all.sort((a, b) => a.length - b.length || compareKeys(b, a));
}

function rollUp(cells: readonly Cell[], rolled: readonly number[], allPeriods: boolean, shape: Parameters<typeof mergeTallies>[2]): Cell[] {
  const merged = new Map<string, Cell>();
  for (const c of cells) {
    const key = c.key.map((v, i) => (rolled.includes(i) ? null : v));
    const period = allPeriods ? null : c.period;
    const id = JSON.stringify([key, period]);
    const other = merged.get(id);
    merged.set(id, { key, period, counts: other === undefined ? c.counts : (mergeTallies(other.counts, c.counts, shape) as unknown as Tally), filled: false });
  }
  return [...merged.values()];
}

/**
 * The most rows filling may add to one group. Records a millennium apart
 * (a placeholder date in an export) would otherwise ask for a row per day
 * between them.
 */
export const MAX_FILLED = 10_000;

function fillGaps(
  source: OperationName,
  cells: readonly Cell[],
  settings: PeriodSettings,
  cal: Calendar | null,
  position: (label: string | null) => number,
  empty: Tally,
): Cell[] {
  const bySegment = new Map<string, Cell[]>();
  for (const c of cells) {
    if (c.period === null) continue;
    const id = JSON.stringify(c.key);
    const list = bySegment.get(id);
    if (list === undefined) bySegment.set(id, [c]);
    else list.push(c);
  }
  const out = [...cells];
  let filled = 0;
  for (const list of bySegment.values()) {
    const have = new Set(list.map((c) => position(c.period)));
    let first = Number.POSITIVE_INFINITY;
    let last = Number.NEGATIVE_INFINITY;
    for (const p of have) {
      if (p < first) first = p;
      if (p > last) last = p;
    }
    filled += last - first + 1 - have.size;
    if (filled > MAX_FILLED) {
      fail(
        source,
        'out-of-range',
        ['options', 'fill'],
        `expected at most ${MAX_FILLED} empty periods to fill in between the segments' first and last (a placeholder date?), received more: filter the records or set fill: false`,
      );
    }
    const key = list[0]!.key;
    for (let p = first + 1; p < last; p++) {
      if (have.has(p)) continue;
      const label = cal !== null ? cal.label(p) : (settings as { order: readonly string[] }).order[p]!;
      out.push({ key, period: label, counts: empty, filled: true });
    }
  }
  return out;
}

/** The period of a row, described; `null` for a row of all periods or a table without periods. */
export function describePeriod(settings: PeriodSettings | null, cal: Calendar | null, label: string | null, asOf: number | null): SegmentPeriod | null {
  if (settings === null || label === null) return null;
  if (cal === null) return { label, start: null, end: null, complete: true };
  const ordinal = cal.ordinalOfLabel(label);
  const end = cal.start(ordinal + 1);
  return { label, start: cal.format(cal.start(ordinal)), end: cal.format(end), complete: asOf === null || end <= asOf };
}

/** Checks `minCount`. */
export function readMinCount(source: OperationName, value: unknown): number {
  if (value === undefined) return 0;
  if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < 0) {
    fail(
      source,
      'out-of-range',
      ['options', 'minCount'],
      `expected a minimum count, a non-negative integer, received ${typeof value === 'number' ? String(value) : typeof value}`,
    );
  }
  return value;
}
