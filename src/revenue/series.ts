/**
 * MRR over time from a billing change log: `mrrSeries`, `mrrSeriesCounts`
 * and `mrrSeriesFromCounts`.
 */
import { isPlainObject } from '../core/contract/brands.js';
import { describe, fail } from '../core/contract/errors.js';
import type { RoundingOptions } from '../core/contract/options.js';
import type { OperationName } from '../core/contract/registry.js';
import { deepFreeze } from '../core/contract/result.js';
import { formatUnits } from '../core/money/money.js';
import type { MrrMovements } from '../core/money/movements.js';
import { calendar } from '../core/time/periods.js';
import { type ChurnDenominator, customerChurn } from '../metrics/customer-churn.js';
import { expansionRevenue } from '../metrics/expansion-revenue.js';
import { type MovementChoice, mrrChurn, netMrrChurn } from '../metrics/mrr.js';
import { describePeriod, type SegmentPeriod } from '../segments/rows.js';
import { type CalendarPeriodSettings, checkKeys, type SegmentKey } from '../segments/spec.js';
import { compareKeys, keyObject } from '../segments/table.js';
import { rethrow } from '../segments/tally-records.js';
import { type ChangeLogOptions, type ParsedLogOptions, parseLogOptions, readChangeLog } from './change-log.js';
import {
  emptyTally,
  type MrrSeriesCounts,
  type MrrSeriesTally,
  publicSeriesCounts,
  type ReactivationRule,
  readReactivation,
  readSeriesTable,
  type SeriesTable,
  seriesCells,
  tallyUnits,
} from './series-table.js';
import { walkSeries } from './series-walk.js';

export type { ChangeLogFields, ChangeLogOptions, MrrPeriodSpec } from './change-log.js';
export type { MrrSeriesCounts, MrrSeriesCountsCell, MrrSeriesCustomerCounts, MrrSeriesTally, ReactivationRule } from './series-table.js';

/** The options of {@link mrrSeriesCounts}: the change log's fields, periods and segments, and the definition choices. */
export interface MrrSeriesCountsOptions extends ChangeLogOptions {
  /**
   * A customer who starts paying and cancels within one period:
   * `'exclude'` (default, as ProfitWell) leaves them out of every count, as
   * if the episode had not happened; `'count'` (as Stripe Billing) counts them as
   * one new (or reactivated) and one churned customer, with no amount, since
   * their MRR came and went inside the period.
   */
  readonly joinedAndLeft?: 'exclude' | 'count';
  /**
   * When a customer who paid before and left comes back: `'always'`
   * (default) a reactivation; `{ within: n }` a reactivation only when they
   * return within `n` periods of the period they left in, and new business
   * after a longer gap.
   */
  readonly reactivation?: ReactivationRule;
}

/** How each row's rates are computed: the options of the churn functions. */
export interface MrrSeriesRateOptions extends RoundingOptions {
  /**
   * Customer churn's denominator: `'start'` (customers at the start) or
   * `'start-plus-added'`. Default `'start'`, and `'start-plus-added'` when
   * `joinedAndLeft: 'count'` (whose customers are lost without having been
   * there at the start).
   */
  readonly denominator?: ChurnDenominator;
  /** Whether contraction counts as lost MRR in MRR churn, net MRR churn and GRR: `'include'` (default) or `'exclude'`. */
  readonly contraction?: MovementChoice;
  /** Whether reactivated MRR offsets the loss in net MRR churn and NRR: `'include'` (default) or `'exclude'`. */
  readonly reactivation?: MovementChoice;
}

/** The options of {@link mrrSeries}. */
export interface MrrSeriesOptions extends MrrSeriesCountsOptions {
  /** The rates' options. */
  readonly rates?: MrrSeriesRateOptions;
}

/** The options of {@link mrrSeriesFromCounts}. */
export interface MrrSeriesFromCountsOptions {
  /** The rates' options. */
  readonly rates?: MrrSeriesRateOptions;
}

/** Customers per movement in a row, in the order the identity reads. */
export interface MrrSeriesRowCustomers {
  /** Paying at the start, in this segment. */
  readonly atStart: number;
  /** From 0 to paying, for the first time or after more than the reactivation window (with `joinedAndLeft: 'count'`, also those who left again). */
  readonly new: number;
  /** Paying more at the end, in this segment. */
  readonly expansion: number;
  /** From 0 to paying after having paid before. */
  readonly reactivation: number;
  /** Paying at both ends, in another segment at the start. */
  readonly movedIn: number;
  /** Paying less but not 0 at the end, in this segment. */
  readonly contraction: number;
  /** From paying to 0. */
  readonly churned: number;
  /** Paying at both ends, in another segment at the end. */
  readonly movedOut: number;
  /** Paying the same at both ends, in this segment. */
  readonly unchanged: number;
  /** Paying at the end: atStart + new + reactivation + movedIn - churned - movedOut. */
  readonly atEnd: number;
}

/** One row of an MRR series: a segment in a period. */
export interface MrrSeriesRow {
  /** The segment: each dimension's value. */
  readonly key: SegmentKey;
  /** The period, with its first instant and the next period's. */
  readonly period: SegmentPeriod;
  /** `'incomplete-period'` when the period holds `asOf`. */
  readonly flags: readonly 'incomplete-period'[];
  /** MRR in force at the start of the period, in this segment. */
  readonly startingMrr: string;
  /** MRR at the end of customers paying for the first time (or after more than the reactivation window). */
  readonly newMrr: string;
  /** Increases of customers paying at both ends, in this segment. */
  readonly expansionMrr: string;
  /** MRR at the end of customers who paid before and came back. */
  readonly reactivationMrr: string;
  /** MRR at the end of customers who moved in from another segment. */
  readonly movedInMrr: string;
  /** Decreases of customers paying at both ends, in this segment. */
  readonly contractionMrr: string;
  /** MRR at the start of customers who stopped paying. */
  readonly churnedMrr: string;
  /** MRR at the start of customers who moved to another segment. */
  readonly movedOutMrr: string;
  /** MRR in force at the end: start + new + expansion + reactivation + movedIn - contraction - churned - movedOut, exactly. */
  readonly endingMrr: string;
  /** Customers per movement. */
  readonly customers: MrrSeriesRowCustomers;
  /**
   * The movements of the customers the segment had at the start (those who
   * moved counted by their own change, wherever it ended) and of its new
   * and returning customers: the tally the rates are computed from, for
   * `customerChurn` with an interval, say. Without `by` it is the row.
   */
  readonly movements: MrrMovements;
  /** Customers lost as a percent of the denominator (`customerChurn`); `null` when it is 0. */
  readonly customerChurn: number | null;
  /** Gross MRR churn (`mrrChurn`): lost MRR as a percent of starting MRR; `null` without starting MRR. */
  readonly mrrChurn: number | null;
  /** Net MRR churn (`netMrrChurn`); negative when expansion outgrows the loss. */
  readonly netMrrChurn: number | null;
  /** Net revenue retention: 100 - net MRR churn. */
  readonly netRevenueRetention: number | null;
  /** Gross revenue retention: 100 - gross MRR churn. */
  readonly grossRevenueRetention: number | null;
  /** Expansion as a percent of starting MRR (`expansionRevenue`). */
  readonly expansionRevenue: number | null;
}

/** The result of {@link mrrSeries} and {@link mrrSeriesFromCounts}. */
export interface MrrSeries {
  /** Marks an MRR series: `'mrrSeries'`. */
  readonly kind: 'mrrSeries';
  /** The dimension names, in key order. */
  readonly by: readonly string[];
  /** How changes fell into periods. */
  readonly period: CalendarPeriodSettings;
  /** The last period; `null` for an empty log without `asOf`. */
  readonly through: string | null;
  /** How customers who joined and left within a period were counted. */
  readonly joinedAndLeft: 'exclude' | 'count';
  /** When a return counted as a reactivation. */
  readonly reactivation: ReactivationRule;
  /** The rates' definition choices, defaults filled in. */
  readonly rates: {
    /** Customer churn's denominator. */
    readonly denominator: ChurnDenominator;
    /** Whether contraction counted as lost MRR. */
    readonly contraction: MovementChoice;
    /** Whether reactivation offset the loss in net MRR churn. */
    readonly reactivation: MovementChoice;
  };
  /** One row per segment and period, from the segment's first period to the last, ordered by key and then period. */
  readonly rows: readonly MrrSeriesRow[];
}

/** The option keys of the series walk's rules, besides the change-log options. */
export const COUNTS_KEYS = ['joinedAndLeft', 'reactivation'] as const;

/** The walk's rules from the options (already checked for unknown keys): `joinedAndLeft` and `reactivation`, defaults filled in. */
export function readSeriesRules(source: OperationName, options: unknown): { joinedAndLeft: 'exclude' | 'count'; reactivation: ReactivationRule } {
  const opts = options as Record<string, unknown>;
  const joinedAndLeft = opts.joinedAndLeft ?? 'exclude';
  if (joinedAndLeft !== 'exclude' && joinedAndLeft !== 'count')
    fail(source, 'invalid-value', ['options', 'joinedAndLeft'], `expected "exclude" or "count", received ${describe(joinedAndLeft)}`);
  const reactivation = opts.reactivation === undefined ? 'always' : readReactivation(source, opts.reactivation, ['options', 'reactivation']);
  return { joinedAndLeft, reactivation };
}

/**
 * The tallies of a change log read with `read` (its fields and dimensions);
 * the table names the time field `timeField`, the one the caller's records
 * hold.
 */
export function seriesTableOf(
  source: OperationName,
  changes: unknown,
  read: ParsedLogOptions,
  rules: ReturnType<typeof readSeriesRules>,
  timeField: string,
): SeriesTable {
  const { joinedAndLeft, reactivation } = rules;
  const log = readChangeLog(source, changes, read);
  const sums = walkSeries(log, { joinedAndLeft, within: reactivation === 'always' ? null : reactivation.within });
  const label = (p: number) => log.calendar.label(log.firstOrdinal + p);
  return {
    by: log.dimensions.map((d) => d.name),
    period: { field: timeField, ...read.settings },
    through: log.periods === 0 ? null : label(log.periods - 1),
    asOf: read.asOf,
    joinedAndLeft,
    reactivation,
    decimals: log.scale,
    cells: seriesCells(sums, log.keys, log.periods, label),
  };
}

/** The tallies of a change log. */
function countsOf(source: OperationName, changes: unknown, options: unknown, extra: readonly string[]): SeriesTable {
  const o = parseLogOptions(source, options, [...COUNTS_KEYS, ...extra]);
  return seriesTableOf(source, changes, o, readSeriesRules(source, options), o.fields.at);
}

/**
 * The tallies behind an MRR series: per segment and period, each movement's
 * amount and customer count. Tallies of shards of customers (each shard
 * holding all the changes of its customers, read with the same `asOf`)
 * merge with `mergeCounts` into the tallies of all of them.
 *
 * @param changes - The change log: records `{ customerId, at, mrr }` ("from `at` on, this customer's MRR is `mrr`"), in any order.
 * @param options - `period`, `by`, `fields`, `asOf` and the definition choices.
 * @returns A JSON-safe table of tallies.
 * @throws {@link MetricsError} (metric `'mrrSeriesCounts'`) as {@link mrrSeries}.
 * @example
 * const log = [
 *   { customerId: 'a', at: '2025-01-10T09:00:00Z', mrr: '100.00' },
 *   { customerId: 'b', at: '2025-02-03T09:00:00Z', mrr: '50.00' },
 * ];
 * const period = { unit: 'month', timeZone: 'UTC' };
 * const merged = mergeCounts(mrrSeriesCounts(log.slice(0, 1), { period, asOf: '2025-02-28T00:00:00Z' }), mrrSeriesCounts(log.slice(1), { period, asOf: '2025-02-28T00:00:00Z' }));
 * mrrSeriesFromCounts(merged).rows.map((r) => r.endingMrr) // => ['100.00', '150.00']
 */
export function mrrSeriesCounts(changes: readonly object[], options: MrrSeriesCountsOptions): MrrSeriesCounts {
  return publicSeriesCounts(countsOf('mrrSeriesCounts', changes, options, []));
}

/**
 * MRR over time from a billing change log: per segment and period, starting
 * and ending MRR, the movements (new, expansion, contraction, churned,
 * reactivation, and with `by` moves between segments) with their customer
 * counts, and the rates of the churn functions: customer churn, gross MRR
 * churn, net MRR churn, NRR, GRR and expansion revenue.
 *
 * A customer's MRR is that of their latest change at or before an instant
 * (0 before their first). Each period compares every customer's MRR just
 * before it starts with their MRR just before the next starts, as
 * `mrrMovements` compares two snapshots: a change belongs to the period
 * holding its instant, and a cancellation and return within one period is
 * the net change. `startingMrr + newMrr + expansionMrr + reactivationMrr +
 * movedInMrr - contractionMrr - churnedMrr - movedOutMrr = endingMrr`,
 * exactly, in every row; amounts are exact decimal strings.
 *
 * @param changes - The change log: records `{ customerId, at, mrr }` plus any fields `by` reads, in any order.
 * @param options - `period` (unit and IANA time zone), `by`, `fields`, `asOf`, `joinedAndLeft`, `reactivation` and `rates`.
 * @returns The rows by segment and period, with the choices applied.
 * @throws {@link MetricsError} (metric `'mrrSeries'`) for bad options
 *   (`['options', ...]`), a change that is not a record, a missing or bad
 *   id, a time without an offset, a negative or malformed amount, a missing
 *   segment value (`['changes', index, field]`), two changes of one
 *   customer at one instant (code `'duplicate'`), or a change after `asOf`
 *   (code `'inconsistent'`).
 * @example
 * const log = [
 *   { customerId: 'a', at: '2025-01-10T09:00:00Z', mrr: '100.00' },
 *   { customerId: 'b', at: '2025-01-20T09:00:00Z', mrr: '50.00' },
 *   { customerId: 'a', at: '2025-02-15T09:00:00Z', mrr: '120.00' },
 *   { customerId: 'b', at: '2025-02-25T09:00:00Z', mrr: 0 },
 * ];
 * const series = mrrSeries(log, { period: { unit: 'month', timeZone: 'Europe/Berlin' } });
 * series.rows.map((r) => [r.period.label, r.startingMrr, r.newMrr, r.expansionMrr, r.churnedMrr, r.endingMrr]) // => [['2025-01', '0.00', '150.00', '0.00', '0.00', '150.00'], ['2025-02', '150.00', '0.00', '20.00', '50.00', '120.00']]
 * series.rows[1].customerChurn // => 50
 * series.rows[1].netRevenueRetention // => 80
 * mrrSeries([{ customerId: 'a', at: '2025-01-10T09:00:00', mrr: 10 }], { period: { unit: 'month', timeZone: 'UTC' } }) // throws
 */
export function mrrSeries(changes: readonly object[], options: MrrSeriesOptions): MrrSeries {
  const source: OperationName = 'mrrSeries';
  const table = countsOf(source, changes, options, ['rates']);
  return seriesOf(source, table, (options as { rates?: unknown }).rates);
}

/**
 * An MRR series from its tallies (from `mrrSeriesCounts`, merged or stored):
 * the same rows `mrrSeries` gives on the change log they came from.
 *
 * @param counts - A table of movement tallies; every cell is checked, identities included.
 * @param options - The rates' options.
 * @returns The series.
 * @throws {@link MetricsError} (metric `'mrrSeriesFromCounts'`) for a table
 *   that is not one (`['counts', ...]`) or bad rate options (`['options', 'rates', ...]`).
 * @example
 * const counts = mrrSeriesCounts([{ customerId: 1, at: 1735725600000, mrr: 30 }], { period: { unit: 'quarter', timeZone: 'UTC' } });
 * mrrSeriesFromCounts(counts).rows[0].newMrr // => '30'
 * mrrSeriesFromCounts({ ...counts, through: 'soon' }) // throws
 */
export function mrrSeriesFromCounts(counts: MrrSeriesCounts, options?: MrrSeriesFromCountsOptions): MrrSeries {
  const source: OperationName = 'mrrSeriesFromCounts';
  const table = readSeriesTable(source, counts, ['counts']);
  if (options !== undefined) {
    if (!isPlainObject(options)) fail(source, 'invalid-type', ['options'], `expected options { rates? } (a plain object), received ${describe(options)}`);
    checkKeys(source, options, ['rates'], ['options']);
  }
  return seriesOf(source, table, options?.rates);
}

interface RateSettings extends RoundingOptions {
  readonly denominator: ChurnDenominator;
  readonly contraction: MovementChoice;
  readonly reactivation: MovementChoice;
}

function readRates(source: OperationName, rates: unknown, joinedAndLeft: 'exclude' | 'count'): RateSettings {
  if (rates === undefined) rates = {};
  if (!isPlainObject(rates))
    return fail(source, 'invalid-type', ['options', 'rates'], `expected the rates' options (a plain object), received ${describe(rates)}`);
  checkKeys(source, rates, ['denominator', 'contraction', 'reactivation', 'decimals', 'rounding'], ['options', 'rates']);
  const denominator = rates.denominator ?? (joinedAndLeft === 'count' ? 'start-plus-added' : 'start');
  if (denominator === 'start' && joinedAndLeft === 'count')
    fail(
      source,
      'inconsistent',
      ['options', 'rates', 'denominator'],
      "expected denominator 'start-plus-added' with joinedAndLeft 'count': customers who joined and left were not there at the start",
    );
  const choice = (name: 'contraction' | 'reactivation'): MovementChoice => {
    const v = rates[name] ?? 'include';
    if (v !== 'include' && v !== 'exclude')
      fail(source, 'invalid-value', ['options', 'rates', name], `expected "include" or "exclude", received ${describe(v)}`);
    return v;
  };
  const rounding = {
    ...(rates.decimals === undefined ? {} : { decimals: rates.decimals }),
    ...(rates.rounding === undefined ? {} : { rounding: rates.rounding }),
  } as RoundingOptions;
  // The churn functions check the denominator and the rounding with their own messages.
  rethrow(
    source,
    () => customerChurn({ customersAtStart: 0, customersLost: 0, customersAdded: 0 }, { denominator: denominator as ChurnDenominator, ...rounding }),
    (path) => ['options', 'rates', ...path.slice(1)],
  );
  return { denominator: denominator as ChurnDenominator, contraction: choice('contraction'), reactivation: choice('reactivation'), ...rounding };
}

/** The rows of a table of tallies. */
function seriesOf(source: OperationName, table: SeriesTable, rateOptions: unknown): MrrSeries {
  const rates = readRates(source, rateOptions, table.joinedAndLeft);
  const cal = calendar(table.period);
  const last = table.through === null ? Number.NEGATIVE_INFINITY : cal.ordinalOfLabel(table.through);
  let scale = table.decimals;
  for (const c of table.cells) scale = Math.max(scale, tallyUnits(c.counts).scale);
  // The cells of each segment, by period ordinal.
  const segments = new Map<string, { key: readonly (string | number | boolean)[]; cells: Map<number, MrrSeriesTally> }>();
  for (const c of table.cells) {
    const id = JSON.stringify(c.key.map((v) => [typeof v, v]));
    let s = segments.get(id);
    if (s === undefined) {
      s = { key: c.key, cells: new Map() };
      segments.set(id, s);
    }
    s.cells.set(cal.ordinalOfLabel(c.period), c.counts);
  }
  const ordered = [...segments.values()].sort((a, b) => compareKeys(a.key, b.key));
  const empty = emptyTally();
  const rows: MrrSeriesRow[] = [];
  const memo = new Map<string, RateValues>();
  for (const s of ordered) {
    const first = Math.min(...s.cells.keys());
    for (let p = first; p <= last; p++) {
      const period = describePeriod(table.period, cal, cal.label(p), table.asOf)!;
      const row = () => rowOf(keyObject(table.by, s.key), period, s.cells.get(p) ?? empty, scale, rates, memo);
      // A rate a double cannot hold (amounts of hundreds of digits) is the input's error, not the rate function's.
      rows.push(rethrow(source, row, (path) => [source === 'mrrSeries' ? 'changes' : 'counts', ...path.slice(2)]));
    }
  }
  return deepFreeze({
    kind: 'mrrSeries',
    by: [...table.by],
    period: { ...table.period },
    through: table.through,
    joinedAndLeft: table.joinedAndLeft,
    reactivation: table.reactivation,
    rates: { denominator: rates.denominator, contraction: rates.contraction, reactivation: rates.reactivation },
    rows,
  });
}

/** A row's rates, by the churn functions. */
interface RateValues {
  readonly customerChurn: number | null;
  readonly mrrChurn: number | null;
  readonly netMrrChurn: number | null;
  readonly netRevenueRetention: number | null;
  readonly grossRevenueRetention: number | null;
  readonly expansionRevenue: number | null;
}

function ratesOf(movements: MrrMovements, rates: RateSettings): RateValues {
  const rounding = {
    ...(rates.decimals === undefined ? {} : { decimals: rates.decimals }),
    ...(rates.rounding === undefined ? {} : { rounding: rates.rounding }),
  };
  const net = netMrrChurn(movements, { contraction: rates.contraction, reactivation: rates.reactivation, ...rounding });
  return {
    customerChurn: customerChurn(movements, { denominator: rates.denominator, ...rounding }).value,
    mrrChurn: mrrChurn(movements, { contraction: rates.contraction, ...rounding }).value,
    netMrrChurn: net.value,
    netRevenueRetention: net.netRevenueRetention,
    grossRevenueRetention: net.grossRevenueRetention,
    expansionRevenue: expansionRevenue(movements, rounding).value,
  };
}

function rowOf(key: SegmentKey, period: SegmentPeriod, t: MrrSeriesTally, scale: number, rates: RateSettings, memo: Map<string, RateValues>): MrrSeriesRow {
  const { units: u, scale: own } = tallyUnits(t);
  const up = 10n ** BigInt(scale - own);
  const amount = (units: bigint) => formatUnits(units * up, scale);
  const c = t.customers;
  const expansion = u.expansionMrr + u.movedExpansionMrr;
  const contraction = u.contractionMrr + u.movedContractionMrr;
  const customers = {
    new: c.new,
    expansion: c.expansion + c.movedExpansion,
    contraction: c.contraction + c.movedContraction,
    churned: c.churned,
    reactivation: c.reactivation,
    unchanged: c.unchanged + c.movedOut - c.movedExpansion - c.movedContraction,
  };
  const added = c.new + c.reactivation;
  const movements: MrrMovements = {
    metric: 'mrrMovements',
    startingMrr: amount(u.startingMrr),
    newMrr: amount(u.newMrr),
    expansionMrr: amount(expansion),
    reactivationMrr: amount(u.reactivationMrr),
    contractionMrr: amount(contraction),
    churnedMrr: amount(u.churnedMrr),
    endingMrr: amount(u.startingMrr + u.newMrr + expansion + u.reactivationMrr - contraction - u.churnedMrr),
    customersAtStart: c.atStart,
    customersLost: c.churned,
    customersAdded: added,
    customersAtEnd: c.atStart - c.churned + added,
    customers,
  };
  // Rows of a quiet segment repeat their movements period after period: their rates are computed once.
  const id = JSON.stringify(movements);
  let values = memo.get(id);
  if (values === undefined) {
    values = ratesOf(movements, rates);
    memo.set(id, values);
  }
  return {
    key,
    period,
    flags: period.complete ? [] : ['incomplete-period'],
    startingMrr: amount(u.startingMrr),
    newMrr: amount(u.newMrr),
    expansionMrr: amount(u.expansionMrr),
    reactivationMrr: amount(u.reactivationMrr),
    movedInMrr: amount(u.movedInMrr),
    contractionMrr: amount(u.contractionMrr),
    churnedMrr: amount(u.churnedMrr),
    movedOutMrr: amount(u.movedOutMrr),
    endingMrr: amount(u.endingMrr),
    customers: {
      atStart: c.atStart,
      new: c.new,
      expansion: c.expansion,
      reactivation: c.reactivation,
      movedIn: c.movedIn,
      contraction: c.contraction,
      churned: c.churned,
      movedOut: c.movedOut,
      unchanged: c.unchanged,
      atEnd: c.atEnd,
    },
    movements,
    ...values,
  };
}
