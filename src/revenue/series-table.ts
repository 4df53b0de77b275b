/**
 * Tables of MRR movement tallies (`mrrSeriesCounts`): built from the walk,
 * read back and checked from anywhere else, and merged cell by cell, so a
 * series can be tallied per shard of customers.
 */
import { isPlainObject } from '../core/contract/brands.js';
import { describe, fail, type MetricsPath } from '../core/contract/errors.js';
import type { OperationName } from '../core/contract/registry.js';
import { deepFreeze } from '../core/contract/result.js';
import { mergeTallies, type TallyShape } from '../core/contract/tally.js';
import { type Amount, commonScale, formatUnits, isMoneyProblem, MAX_MONEY_DECIMALS, readMoney, unitsAt } from '../core/money/money.js';
import { calendar } from '../core/time/periods.js';
import { timeToMs } from '../core/time/time.js';
import type { CalendarPeriodSettings, KeyValue, SegmentKey } from '../segments/spec.js';
import { compareKeys, keyObject, readSettings, samePeriods } from '../segments/table.js';
import { rethrow } from '../segments/tally-records.js';
import { MAX_PERIODS } from './change-log.js';
import { A, amountSlot, C, countSlot, type SeriesSums } from './series-walk.js';

/** Customers per movement in one segment and period. */
export interface MrrSeriesCustomerCounts {
  /** Paying at the start of the period (MRR above 0), in this segment. */
  readonly atStart: number;
  /** Paying at its end, in this segment. */
  readonly atEnd: number;
  /** From 0 to paying, for the first time (or after more than the reactivation window). */
  readonly new: number;
  /** Paying more at the end, in the same segment. */
  readonly expansion: number;
  /** Paying less but not 0 at the end, in the same segment. */
  readonly contraction: number;
  /** From paying to 0. */
  readonly churned: number;
  /** From 0 to paying after having paid before. */
  readonly reactivation: number;
  /** Paying at both ends, in another segment at the start. */
  readonly movedIn: number;
  /** Paying at both ends, in another segment at the end. */
  readonly movedOut: number;
  /** Of `movedOut`, those paying more at the end. */
  readonly movedExpansion: number;
  /** Of `movedOut`, those paying less at the end. */
  readonly movedContraction: number;
  /** Paying the same at both ends, in the same segment. */
  readonly unchanged: number;
}

/**
 * The tally of one segment and period: each movement's amount as an exact
 * decimal string, and customers per movement. Tallies of shards of
 * customers merge with `mergeCounts`.
 */
export interface MrrSeriesTally {
  /** What the tally is: `'mrrSeries'`. */
  readonly metric: 'mrrSeries';
  /** MRR in force at the start of the period, in this segment. */
  readonly startingMrr: string;
  /** MRR in force at the end of the period, in this segment. */
  readonly endingMrr: string;
  /** MRR at the end of customers new in the period. */
  readonly newMrr: string;
  /** Increases of customers paying at both ends, in this segment. */
  readonly expansionMrr: string;
  /** Decreases of customers paying at both ends, in this segment. */
  readonly contractionMrr: string;
  /** MRR at the start of customers who stopped paying. */
  readonly churnedMrr: string;
  /** MRR at the end of customers who came back. */
  readonly reactivationMrr: string;
  /** MRR at the end of customers who moved into the segment. */
  readonly movedInMrr: string;
  /** MRR at the start of customers who moved out of the segment. */
  readonly movedOutMrr: string;
  /** Increases of customers who moved out (counted here, where they started, for the rates). */
  readonly movedExpansionMrr: string;
  /** Decreases of customers who moved out. */
  readonly movedContractionMrr: string;
  /** Customers per movement. */
  readonly customers: MrrSeriesCustomerCounts;
}

const AMOUNT_FIELDS = [
  ['startingMrr', A.start],
  ['endingMrr', A.end],
  ['newMrr', A.new],
  ['expansionMrr', A.expansion],
  ['contractionMrr', A.contraction],
  ['churnedMrr', A.churned],
  ['reactivationMrr', A.reactivation],
  ['movedInMrr', A.movedIn],
  ['movedOutMrr', A.movedOut],
  ['movedExpansionMrr', A.movedExpansion],
  ['movedContractionMrr', A.movedContraction],
] as const;

const COUNT_FIELDS = /* @__PURE__ */ (() => Object.keys(C) as (keyof typeof C)[])();

/** The tally's fields, for `mergeTallies`. */
export const SERIES_SHAPE: TallyShape = /* @__PURE__ */ (() => ({
  ...Object.fromEntries(AMOUNT_FIELDS.map(([name]) => [name, 'decimal'])),
  customers: { shape: Object.fromEntries(COUNT_FIELDS.map((name) => [name, 'count'])) },
}))();

/** Whether a customer's return counts as a reactivation always, or only within some periods of leaving. */
export type ReactivationRule =
  | 'always'
  | {
      /** The most periods between the period a customer left in and the one they return in. */
      readonly within: number;
    };

/** One cell of a table of movement tallies. */
export interface MrrSeriesCountsCell {
  /** The segment: each `by` dimension's value. */
  readonly key: SegmentKey;
  /** The period's label. */
  readonly period: string;
  /** The cell's tally. */
  readonly counts: MrrSeriesTally;
}

/**
 * A table of MRR movement tallies by segment and period, as
 * `mrrSeriesCounts` returns it: JSON-safe, merged with `mergeCounts`,
 * computed with `mrrSeriesFromCounts`.
 */
export interface MrrSeriesCounts {
  /** Marks a table of movement tallies: `'mrrSeriesCounts'`. */
  readonly kind: 'mrrSeriesCounts';
  /** The dimension names, in key order. */
  readonly by: readonly string[];
  /** How changes fell into periods (`field` is the change's time field). */
  readonly period: CalendarPeriodSettings;
  /** The last period of the series: the one holding `asOf`, or the last change's; `null` for an empty log without `asOf`. */
  readonly through: string | null;
  /** The `asOf` the log was read at, as ISO 8601; `null` when none was given. */
  readonly asOf: string | null;
  /** How customers who joined and left within a period were counted. */
  readonly joinedAndLeft: 'exclude' | 'count';
  /** When a return counted as a reactivation. */
  readonly reactivation: ReactivationRule;
  /** The most decimals of any amount in the log: every amount of the series is written with them, as `mrrSeries` does; merged tables keep the larger. */
  readonly decimals: number;
  /** The cells, ordered by key and then period; a cell with no customer is left out. */
  readonly cells: readonly MrrSeriesCountsCell[];
}

/** A table as held here: keys as value lists. */
export interface SeriesTable {
  readonly by: readonly string[];
  readonly period: CalendarPeriodSettings;
  readonly through: string | null;
  readonly asOf: number | null;
  readonly joinedAndLeft: 'exclude' | 'count';
  readonly reactivation: ReactivationRule;
  readonly decimals: number;
  readonly cells: readonly { readonly key: readonly KeyValue[]; readonly period: string; readonly counts: MrrSeriesTally }[];
}

/** The cells the walk filled, as tallies. */
export function seriesCells(sums: SeriesSums, keys: readonly (readonly KeyValue[])[], periods: number, label: (p: number) => string): SeriesTable['cells'] {
  const out: { key: readonly KeyValue[]; period: string; counts: MrrSeriesTally }[] = [];
  const { amounts, counts } = sums;
  for (let k = 0; k < keys.length; k++) {
    for (let p = 0; p < periods; p++) {
      const cell = k * periods + p;
      let any = false;
      for (const f of Object.values(C)) if (counts[countSlot(cell, f)] !== 0) any = true;
      if (!any) continue;
      const tally: Record<string, unknown> = { metric: 'mrrSeries' };
      for (const [name, f] of AMOUNT_FIELDS) tally[name] = amounts.format(amountSlot(cell, f));
      tally.customers = Object.fromEntries(COUNT_FIELDS.map((name) => [name, counts[countSlot(cell, C[name])]! + 0]));
      out.push({ key: keys[k]!, period: label(p), counts: tally as unknown as MrrSeriesTally });
    }
  }
  return out;
}

/** The public, frozen table. */
export function publicSeriesCounts(t: SeriesTable): MrrSeriesCounts {
  const cal = calendar(t.period);
  const cells = [...t.cells]
    .sort((a, b) => compareKeys(a.key, b.key) || cal.ordinalOfLabel(a.period) - cal.ordinalOfLabel(b.period))
    .map((c) => ({ key: keyObject(t.by, c.key), period: c.period, counts: c.counts }));
  return deepFreeze({
    kind: 'mrrSeriesCounts',
    by: [...t.by],
    period: { ...t.period },
    through: t.through,
    asOf: t.asOf === null ? null : cal.format(t.asOf),
    joinedAndLeft: t.joinedAndLeft,
    reactivation: typeof t.reactivation === 'string' ? t.reactivation : { within: t.reactivation.within },
    decimals: t.decimals,
    cells,
  });
}

/** A tally's amounts in units at their common scale, by field name. */
export interface TallyUnits {
  readonly scale: number;
  readonly units: Readonly<Record<(typeof AMOUNT_FIELDS)[number][0], bigint>>;
}

/** The amounts of a (checked) tally as units at one scale. */
export function tallyUnits(t: MrrSeriesTally): TallyUnits {
  const amounts = AMOUNT_FIELDS.map(([name]) => [name, readMoney(t[name]) as Amount] as const);
  const scale = commonScale(amounts.map(([, a]) => a));
  return { scale, units: Object.fromEntries(amounts.map(([name, a]) => [name, unitsAt(a, scale)])) as TallyUnits['units'] };
}

/** Checks a cell's tally: its fields (as `mergeCounts` checks them) and its two identities; returns a fresh copy. */
function checkTally(source: OperationName, value: unknown, path: MetricsPath): MrrSeriesTally {
  if (isPlainObject(value)) {
    if (value.metric !== 'mrrSeries') fail(source, 'invalid-value', [...path, 'metric'], `expected "mrrSeries", received ${describe(value.metric)}`);
    for (const [name] of AMOUNT_FIELDS) {
      const amount = value[name];
      if (amount !== undefined && typeof amount !== 'string')
        fail(source, 'invalid-type', [...path, name], `expected an amount as a decimal string, received ${describe(amount)}`);
    }
  }
  const empty = emptyTally();
  const copy = rethrow(
    source,
    () => mergeTallies(value, empty, SERIES_SHAPE),
    (p) => [...path, ...p.slice(1)],
  ) as unknown as MrrSeriesTally;
  for (const [name] of AMOUNT_FIELDS) {
    const read = readMoney(copy[name]);
    if (isMoneyProblem(read)) fail(source, read.code, [...path, name], read.message);
  }
  const { scale, units: u } = tallyUnits(copy);
  const end = u.startingMrr + u.newMrr + u.expansionMrr + u.reactivationMrr + u.movedInMrr - u.contractionMrr - u.churnedMrr - u.movedOutMrr;
  if (end !== u.endingMrr)
    fail(
      source,
      'inconsistent',
      [...path, 'endingMrr'],
      `expected endingMrr = startingMrr + newMrr + expansionMrr + reactivationMrr + movedInMrr - contractionMrr - churnedMrr - movedOutMrr = ${formatUnits(end, scale)}, received ${JSON.stringify(copy.endingMrr)}`,
    );
  const c = copy.customers;
  const atEnd = c.atStart + c.new + c.reactivation + c.movedIn - c.churned - c.movedOut;
  if (atEnd !== c.atEnd)
    fail(
      source,
      'inconsistent',
      [...path, 'customers', 'atEnd'],
      `expected atEnd = atStart + new + reactivation + movedIn - churned - movedOut = ${atEnd}, received ${c.atEnd}`,
    );
  if (c.movedExpansion + c.movedContraction > c.movedOut)
    fail(source, 'inconsistent', [...path, 'customers', 'movedOut'], `expected movedOut at least movedExpansion + movedContraction, received ${c.movedOut}`);
  return copy;
}

/** A tally of no customers. */
export function emptyTally(): MrrSeriesTally {
  const t: Record<string, unknown> = { metric: 'mrrSeries' };
  for (const [name] of AMOUNT_FIELDS) t[name] = '0';
  t.customers = Object.fromEntries(COUNT_FIELDS.map((name) => [name, 0]));
  return t as unknown as MrrSeriesTally;
}

const TABLE_KEYS = ['kind', 'by', 'period', 'through', 'asOf', 'joinedAndLeft', 'reactivation', 'decimals', 'cells'];

/** Reads a table of movement tallies from anywhere (a file, a worker, a query), checking every part. */
export function readSeriesTable(source: OperationName, value: unknown, path: MetricsPath): SeriesTable {
  if (!isPlainObject(value) || value.kind !== 'mrrSeriesCounts')
    fail(source, 'invalid-type', path, `expected a table of MRR movement tallies (kind "mrrSeriesCounts", from mrrSeriesCounts), received ${describe(value)}`);
  for (const key of Object.keys(value)) {
    if (!TABLE_KEYS.includes(key)) fail(source, 'unknown-key', [...path, key], `unknown key ${JSON.stringify(key)}; expected one of ${TABLE_KEYS.join(', ')}`);
  }
  const by: unknown[] | null = Array.isArray(value.by) ? Array.from(value.by as unknown[]) : null;
  if (by === null || !by.every((d: unknown) => typeof d === 'string') || new Set(by).size !== by.length)
    fail(source, 'invalid-value', [...path, 'by'], `expected the dimension names (distinct strings), received ${describe(value.by)}`);
  const dims = by as string[];
  const period = readCalendarSettings(source, value.period, [...path, 'period']);
  const cal = calendar(period);
  const through = value.through;
  if (through !== null && (typeof through !== 'string' || Number.isNaN(cal.ordinalOfLabel(through))))
    fail(source, 'invalid-value', [...path, 'through'], `expected the label of the series' last period (null for no period), received ${describe(through)}`);
  let asOf: number | null = null;
  if (value.asOf !== null) {
    const t = typeof value.asOf === 'string' ? timeToMs(value.asOf) : Number.NaN;
    if (Number.isNaN(t) || cal.label(cal.ordinalOf(t)) !== through)
      fail(source, 'invalid-value', [...path, 'asOf'], `expected null or an ISO 8601 instant in the period ${through}, received ${describe(value.asOf)}`);
    asOf = t;
  }
  const joinedAndLeft = value.joinedAndLeft;
  if (joinedAndLeft !== 'exclude' && joinedAndLeft !== 'count')
    fail(source, 'invalid-value', [...path, 'joinedAndLeft'], `expected "exclude" or "count", received ${describe(joinedAndLeft)}`);
  const reactivation = readReactivation(source, value.reactivation, [...path, 'reactivation']);
  const decimals = value.decimals;
  if (typeof decimals !== 'number' || !Number.isInteger(decimals) || decimals < 0 || decimals > MAX_MONEY_DECIMALS)
    fail(
      source,
      'invalid-value',
      [...path, 'decimals'],
      `expected the amounts' decimals, an integer from 0 to ${MAX_MONEY_DECIMALS}, received ${describe(decimals)}`,
    );
  const cells = value.cells;
  if (!Array.isArray(cells)) fail(source, 'invalid-type', [...path, 'cells'], `expected a list of cells, received ${describe(cells)}`);
  const last = through === null ? Number.NEGATIVE_INFINITY : cal.ordinalOfLabel(through);
  const seen = new Set<string>();
  const read = Array.from(cells as unknown[], (cell: unknown, i) => {
    const at: MetricsPath = [...path, 'cells', i];
    if (!isPlainObject(cell)) fail(source, 'invalid-type', at, `expected a cell { key, period, counts }, received ${describe(cell)}`);
    const key = cell.key;
    if (!isPlainObject(key) || Object.keys(key).length !== dims.length || !dims.every((d) => Object.hasOwn(key, d)))
      fail(source, 'invalid-value', [...at, 'key'], `expected a key with the dimensions ${JSON.stringify(dims)}, received ${describe(key)}`);
    const values = dims.map((d) => {
      const v = key[d];
      if (typeof v === 'string' || typeof v === 'boolean' || (typeof v === 'number' && Number.isFinite(v))) return v;
      return fail(source, 'invalid-value', [...at, 'key', d], `expected a segment value (a string, a finite number or a boolean), received ${describe(v)}`);
    });
    const label = cell.period;
    const ordinal = typeof label === 'string' ? cal.ordinalOfLabel(label) : Number.NaN;
    if (Number.isNaN(ordinal) || ordinal > last)
      fail(source, 'invalid-value', [...at, 'period'], `expected a period label of this calendar up to ${String(through)}, received ${describe(label)}`);
    if (last - ordinal >= MAX_PERIODS)
      fail(
        source,
        'out-of-range',
        [...at, 'period'],
        `expected a period at most ${MAX_PERIODS} periods before the last (${String(through)}), received ${describe(label)}`,
      );
    const id = JSON.stringify([values.map((v: KeyValue) => [typeof v, v]), label]);
    if (seen.has(id)) fail(source, 'duplicate', at, `expected one cell per segment and period, received ${describe(label)} of this segment again`);
    seen.add(id);
    return { key: values, period: label as string, counts: checkTally(source, cell.counts, [...at, 'counts']) };
  });
  return { by: dims, period, through, asOf, joinedAndLeft, reactivation, decimals, cells: read };
}

/** The period settings of a table of movement tallies: calendar periods, read as a segment table's are. */
function readCalendarSettings(source: OperationName, value: unknown, path: MetricsPath): CalendarPeriodSettings {
  const settings = readSettings(source, value, path);
  if (settings === null || settings.unit === null)
    return fail(
      source,
      'invalid-value',
      path,
      `expected calendar period settings { field, unit, timeZone, weekStart, yearStart }, received ${describe(value)}`,
    );
  return settings;
}

/** Reads `reactivation`: `'always'` or `{ within: n }` with n a positive integer. */
export function readReactivation(source: OperationName, value: unknown, path: MetricsPath): ReactivationRule {
  if (value === 'always') return 'always';
  if (isPlainObject(value) && Object.keys(value).length === 1) {
    const within = value.within;
    if (typeof within === 'number' && Number.isSafeInteger(within) && within >= 1) return { within };
    fail(source, 'out-of-range', [...path, 'within'], `expected a whole number of periods, at least 1, received ${describe(within)}`);
  }
  return fail(source, 'invalid-value', path, `expected "always" or { within: n } (a whole number of periods), received ${describe(value)}`);
}

/** A setting of a table as its public form writes it (`asOf` as ISO 8601). */
function shown(t: SeriesTable, field: 'by' | 'period' | 'through' | 'asOf' | 'joinedAndLeft' | 'reactivation'): string {
  return JSON.stringify(field === 'asOf' && t.asOf !== null ? calendar(t.period).format(t.asOf) : t[field]);
}

/** Two tables as one: their settings must agree; cells of one segment and period merge their tallies. */
export function mergeSeriesTables(source: OperationName, a: SeriesTable, b: SeriesTable): SeriesTable {
  // Settings read back are plain values, compared field by field (a JSON store may reorder an object's keys).
  const same = (field: 'by' | 'period' | 'through' | 'asOf' | 'joinedAndLeft' | 'reactivation') =>
    field === 'period' ? samePeriods(a.period, b.period) : JSON.stringify(a[field]) === JSON.stringify(b[field]);
  for (const field of ['by', 'period', 'through', 'asOf', 'joinedAndLeft', 'reactivation'] as const) {
    if (!same(field))
      fail(
        source,
        'inconsistent',
        ['b', field],
        `expected ${field} ${shown(a, field)} as in the first table, received ${shown(b, field)}${field === 'through' ? ': tally every shard with the same asOf' : ''}`,
      );
  }
  const cells = new Map<string, SeriesTable['cells'][number]>();
  const id = (c: SeriesTable['cells'][number]) => JSON.stringify([c.key.map((v) => [typeof v, v]), c.period]);
  for (const c of a.cells) cells.set(id(c), c);
  for (const c of b.cells) {
    const other = cells.get(id(c));
    cells.set(id(c), other === undefined ? c : { ...c, counts: mergeTallies(other.counts, c.counts, SERIES_SHAPE) as unknown as MrrSeriesTally });
  }
  return { ...a, decimals: Math.max(a.decimals, b.decimals), cells: [...cells.values()] };
}
