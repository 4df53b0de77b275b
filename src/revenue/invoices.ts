/**
 * Invoice lines into an MRR change log: `mrrFromInvoices`.
 */
import { isPlainObject } from '../core/contract/brands.js';
import { describe, fail, type MetricsPath } from '../core/contract/errors.js';
import type { OperationName } from '../core/contract/registry.js';
import { deepFreeze } from '../core/contract/result.js';
import { formatUnits, isMoneyProblem, readMoney } from '../core/money/money.js';
import { calendar } from '../core/time/periods.js';
import { civilFromDays, DAY_MS, daysInMonth, describeBadTime, parseCalendarDate, type TicketTime, timeToMs } from '../core/time/time.js';
import { isTimeZone, zoneClock } from '../core/time/zone.js';
import { checkKeys, readAsOf } from '../segments/spec.js';
import { own } from '../segments/tally-records.js';

/** The record fields of invoice lines, when they are named otherwise. */
export interface InvoiceLineFields {
  /** Default `'customerId'`. */
  readonly customerId?: string;
  /** The line's amount for its whole service period. Default `'amount'`. */
  readonly amount?: string;
  /** The first instant (or calendar date) the line pays for. Default `'servicePeriodStart'`. */
  readonly servicePeriodStart?: string;
  /** Where the service period ends, exclusive. Default `'servicePeriodEnd'`. */
  readonly servicePeriodEnd?: string;
}

/** How a service period's length in months is measured. */
export type ServiceMonths = 'calendar' | 'mean-month';

/** The options of {@link mrrFromInvoices}. */
export interface MrrFromInvoicesOptions {
  /** The IANA time zone whose calendar dates and months the service periods are read in: required. */
  readonly timeZone: string;
  /**
   * `'calendar'` (default): a period of whole calendar months divides by its
   * number of months, exactly; any other length by its days over the mean
   * month of 365.25/12 days. A period is whole months when it ends on the
   * day of the month it starts on, or on the last day of a month too short
   * for that day (January 31 to February 28), or starts on the last day of
   * a month and ends on a later day (February 28 to March 31): the days a
   * billing cycle anchored on the 29th to 31st falls on. The time of day is
   * not compared. `'mean-month'`: every period by its days over the mean
   * month.
   */
  readonly months?: ServiceMonths;
  /** The currency's minor unit: decimals the monthly amounts are rounded to, half-even. Default 2. */
  readonly decimals?: number;
  /** Line fields copied to each change (for `by`): from the line that started last among those in force, or the one that ended at a cancellation. A change of these alone (a plan renamed at the same price) is a change too. */
  readonly attributes?: readonly string[];
  /**
   * When the lines were exported: a change after it (the end of a service
   * period still running, a line paid in advance) is not in the log, which
   * is then the log as of that instant, as `mrrSeries` and `cohorts` read
   * with the same `asOf` require.
   */
  readonly asOf?: TicketTime;
  /** The record fields, when not the default names. */
  readonly fields?: InvoiceLineFields;
}

/** One change of the log `mrrFromInvoices` builds. */
export interface InvoiceMrrChange {
  /** The customer's id, as on the lines. */
  readonly customerId: string | number;
  /** ISO 8601 with the zone's offset in force. */
  readonly at: string;
  /** The customer's MRR from `at` on, with `decimals` places. */
  readonly mrr: string;
  /** The copied attributes. */
  readonly [attribute: string]: unknown;
}

const SOURCE: OperationName = 'mrrFromInvoices';
const DEFAULT_FIELDS = { customerId: 'customerId', amount: 'amount', servicePeriodStart: 'servicePeriodStart', servicePeriodEnd: 'servicePeriodEnd' };
type FieldName = keyof typeof DEFAULT_FIELDS;

interface Line {
  readonly index: number;
  readonly start: number;
  readonly end: number;
  /** Monthly amount in units at `decimals`. */
  readonly monthly: bigint;
}

/**
 * Turns invoice lines `{ customerId, amount, servicePeriodStart,
 * servicePeriodEnd }` into the MRR change log `mrrSeries` and `cohorts`
 * read, normalising each line to a monthly amount as ChartMogul's import
 * does: the amount over the length of its service period in months. A
 * period of whole calendar months divides exactly (an annual plan by 12);
 * any other length by its days over the mean month of 365.25/12 days. The
 * monthly amount is rounded half-even to the currency's minor unit.
 * Overlapping lines of one customer add; when no line is in force, the
 * customer's MRR is 0 (a cancellation at the end of the last paid period).
 *
 * @param lines - Invoice lines; other fields are ignored unless named in `attributes`.
 * @param options - `timeZone`, `months`, `decimals`, `attributes`, `fields`, `asOf`.
 * @returns The change log, by customer (in order of first appearance) and then time.
 * @throws {@link MetricsError} (metric `'mrrFromInvoices'`) for bad options,
 *   a line that is not a record, a bad id, amount or time, or a service
 *   period that does not end after it starts (`['lines', index, field]`).
 * @example
 * const log = mrrFromInvoices([
 *   { customerId: 'a', amount: '1200.00', servicePeriodStart: '2025-01-15', servicePeriodEnd: '2026-01-15' },
 *   { customerId: 'b', amount: '100.00', servicePeriodStart: '2025-02-01', servicePeriodEnd: '2025-02-15' },
 * ], { timeZone: 'Europe/Berlin' });
 * log.map((c) => [c.customerId, c.at, c.mrr]) // => [['a', '2025-01-15T00:00:00+01:00', '100.00'], ['a', '2026-01-15T00:00:00+01:00', '0.00'], ['b', '2025-02-01T00:00:00+01:00', '217.41'], ['b', '2025-02-15T00:00:00+01:00', '0.00']]
 * mrrFromInvoices([{ customerId: 'a', amount: 5, servicePeriodStart: '2025-02-01', servicePeriodEnd: '2025-02-01' }], { timeZone: 'UTC' }) // throws
 */
export function mrrFromInvoices(lines: readonly object[], options: MrrFromInvoicesOptions): readonly InvoiceMrrChange[] {
  const o = readOptions(options);
  if (!Array.isArray(lines))
    fail(
      SOURCE,
      lines === undefined || lines === null ? 'missing-value' : 'invalid-type',
      ['lines'],
      `expected an array of invoice lines, received ${describe(lines)}`,
    );
  const clock = zoneClock(o.timeZone);
  const cal = calendar({ unit: 'day', timeZone: o.timeZone, weekStart: 'mon', yearStart: 1 });
  // With the zone's offset, unless it has seconds (local mean time before 1900), which ISO 8601 cannot write: then in UTC.
  const instantText = (t: number): string => (clock.offsetAt(t) % 60_000 === 0 ? cal.format(t) : new Date(t).toISOString());
  const byCustomer = new Map<string | number, Line[]>();
  const records: Record<string, unknown>[] = [];
  Array.from(lines as readonly unknown[]).forEach((r, i) => {
    if (!isPlainObject(r))
      fail(
        SOURCE,
        r === null || r === undefined ? 'missing-value' : 'invalid-type',
        ['lines', i],
        `expected an invoice line (a plain object), received ${describe(r)}`,
      );
    records.push(r);
    const f = o.fields;
    for (const name of o.attributes) {
      const v = own(r, name);
      if (!(v === undefined || v === null || typeof v === 'string' || typeof v === 'boolean' || (typeof v === 'number' && Number.isFinite(v))))
        fail(SOURCE, 'invalid-type', ['lines', i, name], `expected an attribute value (a string, a finite number, a boolean or null), received ${describe(v)}`);
    }
    const id = own(r, f.customerId);
    if (typeof id !== 'string' && !(typeof id === 'number' && Number.isFinite(id)))
      fail(
        SOURCE,
        id === null || id === undefined ? 'missing-value' : 'invalid-type',
        ['lines', i, f.customerId],
        `expected a customer id (a string or a finite number), received ${describe(id)}`,
      );
    const amount = readMoney(own(r, f.amount));
    if (isMoneyProblem(amount)) fail(SOURCE, amount.code, ['lines', i, f.amount], amount.message);
    const start = instantOf(own(r, f.servicePeriodStart), ['lines', i, f.servicePeriodStart], clock);
    const end = instantOf(own(r, f.servicePeriodEnd), ['lines', i, f.servicePeriodEnd], clock);
    if (end <= start)
      fail(
        SOURCE,
        'inconsistent',
        ['lines', i, f.servicePeriodEnd],
        `expected a service period that ends after it starts (${cal.format(start)}), received ${describe(own(r, f.servicePeriodEnd))}`,
      );
    const [num, den] = monthsOf(start + clock.offsetAt(start), end + clock.offsetAt(end), o.months);
    // monthly = amount / months, at `decimals` places: units * 10^decimals * den / (10^scale * num), half-even.
    const monthly = halfEven(amount.units * 10n ** BigInt(o.decimals) * den, 10n ** BigInt(amount.scale) * num);
    const key = typeof id === 'number' ? id + 0 : id;
    let list = byCustomer.get(key);
    if (list === undefined) {
      list = [];
      byCustomer.set(key, list);
    }
    list.push({ index: i, start, end, monthly });
  });
  const out: InvoiceMrrChange[] = [];
  const attributesOf = (index: number): Record<string, unknown> => {
    const attributes: Record<string, unknown> = {};
    for (const name of o.attributes) {
      const v = own(records[index]!, name);
      if (v !== undefined) Object.defineProperty(attributes, name, { value: v, enumerable: true, writable: true, configurable: true });
    }
    return attributes;
  };
  for (const [customerId, customerLines] of byCustomer) {
    let previous: { units: bigint; attributes: string } | null = null;
    for (const change of sweep(customerLines)) {
      if (o.asOf !== null && change.at > o.asOf) break;
      const attributes = attributesOf(change.from);
      const text = JSON.stringify(o.attributes.map((name) => [name, attributes[name]]));
      if (previous !== null && previous.units === change.units && previous.attributes === text) continue;
      previous = { units: change.units, attributes: text };
      out.push({ customerId, at: instantText(change.at), mrr: formatUnits(change.units, o.decimals), ...attributes });
    }
  }
  return deepFreeze(out);
}

/** A customer's MRR at each instant a line starts or ends, with the line whose attributes the change carries. */
function sweep(lines: readonly Line[]): { at: number; units: bigint; from: number }[] {
  const instants = [...new Set(lines.flatMap((l) => [l.start, l.end]))].sort((a, b) => a - b);
  const out: { at: number; units: bigint; from: number }[] = [];
  for (const t of instants) {
    let units = 0n;
    let latest: Line | null = null;
    let ended: Line | null = null;
    for (const l of lines) {
      if (l.start <= t && t < l.end) {
        units += l.monthly;
        if (latest === null || l.start > latest.start || (l.start === latest.start && l.index > latest.index)) latest = l;
      } else if (l.end === t && (ended === null || l.index > ended.index)) ended = l;
    }
    out.push({ at: t, units, from: (latest ?? ended)!.index });
  }
  return out;
}

/** The length of a service period in months as a fraction `[numerator, denominator]`, from its local wall-clock ends. */
function monthsOf(wallStart: number, wallEnd: number, months: ServiceMonths): [bigint, bigint] {
  if (months === 'calendar') {
    const s = civilFromDays(Math.floor(wallStart / DAY_MS));
    const e = civilFromDays(Math.floor(wallEnd / DAY_MS));
    const count = e.year * 12 + e.month - (s.year * 12 + s.month);
    const clipped = e.day === Math.min(s.day, daysInMonth(e.year, e.month));
    const fromMonthEnd = s.day === daysInMonth(s.year, s.month) && e.day >= s.day;
    if (count > 0 && (clipped || fromMonthEnd)) return [BigInt(count), 1n];
  }
  // Days over 365.25 / 12: (milliseconds / DAY_MS) * 48 / 1461.
  return [BigInt(wallEnd - wallStart) * 48n, BigInt(DAY_MS) * 1461n];
}

/** `n / d` rounded to an integer, ties to even (`n`, `d` positive or zero `n`). */
function halfEven(n: bigint, d: bigint): bigint {
  const q = n / d;
  const r2 = 2n * (n - q * d);
  if (r2 > d || (r2 === d && q % 2n === 1n)) return q + 1n;
  return q;
}

/** A service period's end: an instant with an offset, epoch milliseconds, a `Date`, or a calendar date (its local midnight). */
function instantOf(value: unknown, path: MetricsPath, clock: ReturnType<typeof zoneClock>): number {
  if (typeof value === 'string') {
    const day = parseCalendarDate(value);
    if (day === day) return clock.firstInstant(day * DAY_MS);
  }
  const t = timeToMs(value as TicketTime);
  if (t !== t) {
    const { code, message } = describeBadTime(value);
    fail(SOURCE, code, path, `${message}, or a calendar date such as "2025-01-31"`);
  }
  return t;
}

function readOptions(options: unknown): {
  timeZone: string;
  months: ServiceMonths;
  decimals: number;
  attributes: readonly string[];
  fields: Record<FieldName, string>;
  asOf: number | null;
} {
  if (!isPlainObject(options))
    fail(
      SOURCE,
      options === undefined ? 'missing-value' : 'invalid-type',
      ['options'],
      `expected options { timeZone, ... } (a plain object), received ${describe(options)}`,
    );
  checkKeys(SOURCE, options, ['timeZone', 'months', 'decimals', 'attributes', 'fields', 'asOf'], ['options']);
  const timeZone = options.timeZone;
  if (typeof timeZone !== 'string' || !isTimeZone(timeZone))
    fail(
      SOURCE,
      timeZone === undefined ? 'missing-value' : typeof timeZone === 'string' ? 'invalid-value' : 'invalid-type',
      ['options', 'timeZone'],
      `expected the IANA time zone the service periods are dated in, such as "Europe/Berlin", received ${describe(timeZone)}`,
    );
  const months = options.months ?? 'calendar';
  if (months !== 'calendar' && months !== 'mean-month')
    fail(SOURCE, 'invalid-value', ['options', 'months'], `expected "calendar" or "mean-month", received ${describe(months)}`);
  const decimals = options.decimals ?? 2;
  if (typeof decimals !== 'number' || !Number.isInteger(decimals) || decimals < 0 || decimals > 20)
    fail(SOURCE, 'out-of-range', ['options', 'decimals'], `expected the currency's minor unit, an integer from 0 to 20, received ${describe(decimals)}`);
  const given = options.attributes ?? [];
  const attributes: unknown[] | null = Array.isArray(given) ? Array.from(given as unknown[]) : null;
  if (attributes === null || !attributes.every((a: unknown) => typeof a === 'string'))
    fail(SOURCE, 'invalid-type', ['options', 'attributes'], `expected a list of field names, received ${describe(given)}`);
  const fields = { ...DEFAULT_FIELDS };
  if (options.fields !== undefined) {
    const given = options.fields;
    if (!isPlainObject(given))
      fail(SOURCE, 'invalid-type', ['options', 'fields'], `expected the line field names (a plain object), received ${describe(given)}`);
    checkKeys(SOURCE, given, Object.keys(DEFAULT_FIELDS), ['options', 'fields']);
    for (const name of Object.keys(given) as FieldName[]) {
      const f = given[name];
      if (typeof f !== 'string') fail(SOURCE, 'invalid-type', ['options', 'fields', name], `expected a line field name, received ${describe(f)}`);
      fields[name] = f;
    }
  }
  for (const a of attributes) {
    if (a === 'customerId' || a === 'at' || a === 'mrr')
      fail(SOURCE, 'invalid-value', ['options', 'attributes'], `expected attributes other than the change log's own fields, received ${JSON.stringify(a)}`);
  }
  return { timeZone, months, decimals, attributes: attributes as string[], fields, asOf: readAsOf(SOURCE, options.asOf) };
}
