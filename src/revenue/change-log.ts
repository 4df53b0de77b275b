/**
 * The MRR change log, read and checked once per call: records `{ customerId,
 * at, mrr }` ("from `at` on, this customer's MRR is `mrr`") into columns
 * ordered by customer and then time, with each change's period and segment.
 *
 * Amounts become integer units at one common scale. When every amount fits
 * the fast reader and all of them together stay below 2^53 units, the units
 * are doubles and every sum of them is exact; otherwise they are BigInt, and
 * the walks compare amounts by rank (their order among the distinct
 * amounts) and add the BigInt units.
 */
import { isPlainObject } from '../core/contract/brands.js';
import { describe, fail, type MetricsPath } from '../core/contract/errors.js';
import type { OperationName } from '../core/contract/registry.js';
import { type Amount, fastAmount, isMoneyProblem, POW10, readMoney, unitsAt } from '../core/money/money.js';
import type { Weekday } from '../core/time/business-hours.js';
import { type Calendar, type CalendarSettings, calendar, type PeriodUnit } from '../core/time/periods.js';
import { describeBadTime, MAX_TIME_MS, type TicketTime, timeToMs } from '../core/time/time.js';
import { checkKeys, type Dimension, type FieldReader, type KeyValue, readAsOf, readCalendar, readDimensions } from '../segments/spec.js';
import { keyValueOf, own } from '../segments/tally-records.js';

/** The record fields of a change log, when they are named otherwise. */
export interface ChangeLogFields {
  /** The customer's id (a string or a finite number). Default `'customerId'`. */
  readonly customerId?: string;
  /** The instant the change takes effect (ISO 8601 with an offset, epoch milliseconds or a `Date`). Default `'at'`. */
  readonly at?: string;
  /** The customer's MRR from then on (a non-negative number or decimal string; 0 is a cancellation). Default `'mrr'`. */
  readonly mrr?: string;
}

/** How a change log's instants fall into calendar periods. */
export interface MrrPeriodSpec {
  /** `'day'`, `'week'`, `'month'`, `'quarter'` or `'year'`. */
  readonly unit: PeriodUnit;
  /** The IANA time zone whose calendar cuts the periods: required. */
  readonly timeZone: string;
  /** The first day of a week (`unit: 'week'`): `'mon'` (default, ISO weeks) to `'sun'`. */
  readonly weekStart?: Weekday;
  /** The first month (1-12) of the year and its quarters: 1 by default; another gives fiscal years. */
  readonly yearStart?: number;
}

/** The options every function reading a change log takes. */
export interface ChangeLogOptions {
  /** How changes fall into periods. */
  readonly period: MrrPeriodSpec;
  /** Segment dimensions read from each change: a field, a list of fields, or an object from dimension name to field or function. */
  readonly by?: string | readonly string[] | Readonly<Record<string, FieldReader>>;
  /** A label for changes whose `by` field is missing; without it such a change is an error. */
  readonly missingKey?: string;
  /** The record fields, when not `customerId`, `at` and `mrr`. */
  readonly fields?: ChangeLogFields;
  /** When the log was taken: the period containing it is the last, flagged incomplete. A change after it is an error. */
  readonly asOf?: TicketTime;
}

/** A change log as the walks read it. */
export interface ChangeLog {
  /** How many customers. */
  readonly customers: number;
  /** Change indices ordered by customer, then time. */
  readonly order: Int32Array;
  /** Where each customer's changes begin in `order`; one more entry than customers. */
  readonly bounds: Int32Array;
  /** Each change's period, counted from the first period of the log (0). */
  readonly period: Int32Array;
  /** Each change's instant, epoch milliseconds. */
  readonly times: Float64Array;
  /** Each change's segment, as an index into `keys`. */
  readonly key: Int32Array;
  /** The segments, in order of first appearance. */
  readonly keys: readonly (readonly KeyValue[])[];
  /** Each change's amount as a number that orders amounts: its units when `big` is `null`, else its rank. */
  readonly value: Float64Array;
  /** Each change's units as BigInt when the amounts need them; `null` when `value` holds the units. */
  readonly big: readonly bigint[] | null;
  /** The common scale of the units. */
  readonly scale: number;
  /** How many periods the log spans, from the first change's to the last change's (or `asOf`'s). */
  readonly periods: number;
  /** The first period's ordinal in the calendar. */
  readonly firstOrdinal: number;
  readonly calendar: Calendar;
  readonly settings: CalendarSettings;
  readonly dimensions: readonly Dimension[];
  readonly asOf: number | null;
}

/** The most periods a log may span: its tallies are arrays over them, and a series has a row per segment and period. */
export const MAX_PERIODS = 20_000;

const DEFAULT_FIELDS = { customerId: 'customerId', at: 'at', mrr: 'mrr' } as const;

/** The change-log options every reader takes, checked; `extra` are the caller's own option keys. */
export interface ParsedLogOptions {
  readonly fields: { readonly customerId: string; readonly at: string; readonly mrr: string };
  readonly settings: CalendarSettings;
  readonly dimensions: readonly Dimension[];
  readonly missingKey: string | null;
  readonly asOf: number | null;
}

/** Reads the options shared by the change-log functions; the options object must be a plain object with known keys. */
export function parseLogOptions(source: OperationName, options: unknown, extra: readonly string[]): ParsedLogOptions {
  if (!isPlainObject(options))
    fail(
      source,
      options === undefined ? 'missing-value' : 'invalid-type',
      ['options'],
      `expected options { period: { unit, timeZone }, by?, ... } (a plain object), received ${describe(options)}`,
    );
  checkKeys(source, options, ['period', 'by', 'missingKey', 'fields', 'asOf', ...extra], ['options']);
  const period = options.period;
  if (!isPlainObject(period))
    fail(
      source,
      period === undefined ? 'missing-value' : 'invalid-type',
      ['options', 'period'],
      `expected a period { unit, timeZone } (a plain object), received ${describe(period)}`,
    );
  checkKeys(source, period, ['unit', 'timeZone', 'weekStart', 'yearStart'], ['options', 'period']);
  const missingKey = options.missingKey;
  if (missingKey !== undefined && typeof missingKey !== 'string')
    fail(source, 'invalid-type', ['options', 'missingKey'], `expected a label (a string), received ${describe(missingKey)}`);
  return {
    fields: readFields(source, options.fields),
    settings: readCalendar(source, period, ['options', 'period']),
    dimensions: readDimensions(source, options.by),
    missingKey: missingKey ?? null,
    asOf: readAsOf(source, options.asOf),
  };
}

function readFields(source: OperationName, fields: unknown): ParsedLogOptions['fields'] {
  if (fields === undefined) return DEFAULT_FIELDS;
  if (!isPlainObject(fields))
    fail(
      source,
      'invalid-type',
      ['options', 'fields'],
      `expected the record field names { customerId?, at?, mrr? } (a plain object), received ${describe(fields)}`,
    );
  checkKeys(source, fields, ['customerId', 'at', 'mrr'], ['options', 'fields']);
  const name = (key: 'customerId' | 'at' | 'mrr'): string => {
    const f = fields[key];
    if (f === undefined) return DEFAULT_FIELDS[key];
    if (typeof f !== 'string') fail(source, 'invalid-type', ['options', 'fields', key], `expected a record field name, received ${describe(f)}`);
    return f;
  };
  return { customerId: name('customerId'), at: name('at'), mrr: name('mrr') };
}

/** Reads a change log: every record checked, in input order, each error at `['changes', index, field]`. */
export function readChangeLog(source: OperationName, changes: unknown, o: ParsedLogOptions): ChangeLog {
  if (!Array.isArray(changes))
    fail(
      source,
      changes === undefined || changes === null ? 'missing-value' : 'invalid-type',
      ['changes'],
      `expected an array of changes { ${o.fields.customerId}, ${o.fields.at}, ${o.fields.mrr} }, received ${describe(changes)}`,
    );
  const records: readonly unknown[] = changes;
  const n = records.length;
  const cal = calendar(o.settings);
  const { customerId: idField, at: atField, mrr: mrrField } = o.fields;
  const customerOf = new Map<string | number, number>();
  const customer = new Int32Array(n);
  const times = new Float64Array(n);
  const ordinals = new Float64Array(n);
  const codes = new Float64Array(n);
  const key = new Int32Array(n);
  const keyIndex = new Map<string, number>();
  const keys: (readonly KeyValue[])[] = [];
  const exact: (Amount | undefined)[] = [];
  const dims = o.dimensions;
  const readers = dims.map((d) =>
    typeof d.read === 'string'
      ? (r: Record<string, unknown>) => own(r, d.read as string)
      : (r: Record<string, unknown>) => (d.read as (record: unknown) => unknown)(r),
  );
  let scale = 0;
  let bigNeeded = false;
  let first = Number.POSITIVE_INFINITY;
  let last = Number.NEGATIVE_INFINITY;
  for (let i = 0; i < n; i++) {
    const r = records[i];
    if (!isPlainObject(r))
      fail(
        source,
        r === null || r === undefined ? 'missing-value' : 'invalid-type',
        ['changes', i],
        `expected a change { ${idField}, ${atField}, ${mrrField} } (a plain object), received ${describe(r)}`,
      );
    const id = own(r, idField);
    if (typeof id !== 'string' && !(typeof id === 'number' && Number.isFinite(id))) {
      fail(
        source,
        id === null || id === undefined || (typeof id === 'number' && Number.isNaN(id)) ? 'missing-value' : 'invalid-type',
        ['changes', i, idField],
        `expected a customer id (a string or a finite number), received ${describe(id)}`,
      );
    }
    const idKey = typeof id === 'number' ? id + 0 : id;
    let c = customerOf.get(idKey);
    if (c === undefined) {
      c = customerOf.size;
      customerOf.set(idKey, c);
    }
    customer[i] = c;
    const v = own(r, atField);
    const t = typeof v === 'number' && Number.isInteger(v) && v >= -MAX_TIME_MS && v <= MAX_TIME_MS ? v + 0 : timeToMs(v);
    if (t !== t) {
      const { code, message } = describeBadTime(v);
      fail(source, code, ['changes', i, atField], message);
    }
    if (o.asOf !== null && t > o.asOf) {
      fail(
        source,
        'inconsistent',
        ['changes', i, atField],
        `expected a change at or before asOf (${cal.format(o.asOf)}), received ${describe(v)}: a log read as of a time holds no later changes`,
      );
    }
    times[i] = t;
    const ordinal = cal.ordinalOf(t);
    ordinals[i] = ordinal;
    if (ordinal < first) first = ordinal;
    if (ordinal > last) last = ordinal;
    const amount = own(r, mrrField);
    let code = fastAmount(amount);
    if (code < 0) {
      const read = readMoney(amount);
      if (isMoneyProblem(read)) fail(source, read.code, ['changes', i, mrrField], read.message);
      exact[i] = read;
      bigNeeded = true;
      if (read.scale > scale) scale = read.scale;
      code = 0;
    } else {
      const s = code % 32;
      if (s > scale) scale = s;
    }
    codes[i] = code;
    key[i] = keyOf(source, r, i, dims, readers, o.missingKey, keyIndex, keys);
  }
  if (o.asOf !== null) {
    const ordinal = cal.ordinalOf(o.asOf);
    if (ordinal < first) first = ordinal;
    if (ordinal > last) last = ordinal;
  }
  // An empty log without asOf spans no period.
  if (n === 0 && o.asOf === null) first = last = 0;
  const periods = n === 0 && o.asOf === null ? 0 : last - first + 1;
  if (periods > MAX_PERIODS)
    fail(
      source,
      'out-of-range',
      ['options', 'period', 'unit'],
      `expected a log spanning at most ${MAX_PERIODS} periods, received ${periods} (${cal.label(first)} to ${cal.label(last)}): use a longer unit`,
    );
  const period = new Int32Array(n);
  for (let i = 0; i < n; i++) period[i] = ordinals[i]! - first;
  const { order, bounds } = orderByCustomer(source, customer, customerOf.size, times, atField);
  const amounts = unitsOf(codes, exact, scale, bigNeeded);
  return {
    customers: customerOf.size,
    order,
    bounds,
    period,
    times,
    key,
    keys,
    value: amounts.value,
    big: amounts.big,
    scale,
    periods,
    firstOrdinal: first,
    calendar: cal,
    settings: o.settings,
    dimensions: dims,
    asOf: o.asOf,
  };
}

/** A change's segment: its index, the segment added on first sight. */
function keyOf(
  source: OperationName,
  r: Record<string, unknown>,
  i: number,
  dims: readonly Dimension[],
  readers: readonly ((r: Record<string, unknown>) => unknown)[],
  missingKey: string | null,
  index: Map<string, number>,
  keys: (readonly KeyValue[])[],
): number {
  if (dims.length === 0) {
    if (keys.length === 0) keys.push([]);
    return 0;
  }
  const values: KeyValue[] = [];
  let id = '';
  for (let k = 0; k < dims.length; k++) {
    const d = dims[k]!;
    const path: MetricsPath = typeof d.read === 'string' ? ['changes', i, d.read] : ['changes', i];
    const v = keyValueOf(source, readers[k]!(r), path, missingKey);
    values.push(v);
    // Typed, so that 1, '1' and true are different segments.
    id += `${typeof v}:${String(v).length}:${String(v)}|`;
  }
  let found = index.get(id);
  if (found === undefined) {
    found = keys.length;
    index.set(id, found);
    keys.push(values);
  }
  return found;
}

/**
 * Orders changes by customer (a counting sort) and then by time (an
 * insertion sort per customer: a customer has few changes). Two changes of
 * one customer at one instant are an error at the later record.
 */
function orderByCustomer(
  source: OperationName,
  customer: Int32Array,
  customers: number,
  times: Float64Array,
  atField: string,
): { order: Int32Array; bounds: Int32Array } {
  const n = customer.length;
  const bounds = new Int32Array(customers + 1);
  for (let i = 0; i < n; i++) bounds[customer[i]! + 1]!++;
  for (let c = 0; c < customers; c++) bounds[c + 1]! += bounds[c]!;
  const next = bounds.slice(0, customers);
  const order = new Int32Array(n);
  for (let i = 0; i < n; i++) order[next[customer[i]!]!++] = i;
  for (let c = 0; c < customers; c++) {
    const from = bounds[c]!;
    const to = bounds[c + 1]!;
    for (let a = from + 1; a < to; a++) {
      const j = order[a]!;
      const t = times[j]!;
      let b = a - 1;
      while (b >= from && times[order[b]!]! > t) {
        order[b + 1] = order[b]!;
        b--;
      }
      order[b + 1] = j;
    }
    for (let a = from + 1; a < to; a++) {
      const earlier = order[a - 1]!;
      const later = order[a]!;
      if (times[earlier] === times[later]) {
        const [first, second] = earlier < later ? [earlier, later] : [later, earlier];
        fail(
          source,
          'duplicate',
          ['changes', second, atField],
          `expected one change per customer and instant, received a second change at the instant of change ${first}`,
        );
      }
    }
  }
  return { order, bounds };
}

/** The largest total of units held as doubles: every partial sum of them is then exact. */
const SAFE_TOTAL = Number.MAX_SAFE_INTEGER;

/** The amounts as units at `scale` (doubles), or as BigInt units with their ranks. */
function unitsOf(
  codes: Float64Array,
  exact: readonly (Amount | undefined)[],
  scale: number,
  bigNeeded: boolean,
): { value: Float64Array; big: bigint[] | null } {
  const n = codes.length;
  const value = new Float64Array(n);
  if (!bigNeeded) {
    let total = 0;
    for (let i = 0; i < n; i++) {
      const code = codes[i]!;
      const s = code % 32;
      const units = ((code - s) / 32) * POW10[scale - s]!;
      value[i] = units;
      total += units;
    }
    if (total <= SAFE_TOTAL) return { value, big: null };
  }
  const big: bigint[] = new Array<bigint>(n);
  for (let i = 0; i < n; i++) {
    const a = exact[i];
    if (a !== undefined) big[i] = unitsAt(a, scale);
    else {
      const code = codes[i]!;
      const s = code % 32;
      big[i] = unitsAt({ units: BigInt((code - s) / 32), scale: s }, scale);
    }
  }
  const distinct = [...new Set(big)].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  const rank = new Map(distinct.map((u, r) => [u, r]));
  // Rank 0 is the amount 0 when it occurs; shift so that only 0 has rank 0 and every positive amount ranks above it.
  const offset = distinct[0] === 0n ? 0 : 1;
  for (let i = 0; i < n; i++) value[i] = rank.get(big[i]!)! + offset;
  return { value, big };
}
