/**
 * Ticket durations: validating `{ openedAt, resolvedAt?, firstResolvedAt? }`
 * records in one tight loop and measuring each ticket's time to resolution,
 * in calendar or working milliseconds; and reading durations back from a
 * tally.
 */

import { isPlainObject } from '../contract/brands.js';
import { describe, fail, type MetricsPath } from '../contract/errors.js';
import type { MetricName } from '../contract/registry.js';
import { businessClock, type ParsedBusinessHours } from './business-hours.js';
import { DAY_MS, describeBadTime, timeToMs } from './time.js';

/** Durations in milliseconds: of resolved tickets, and of open tickets up to `asOf` when censoring. */
export interface Durations {
  readonly resolved: Float64Array;
  readonly censored: Float64Array;
  readonly open: number;
}

/** How to measure. */
export interface DurationSettings {
  readonly metric: MetricName;
  /** When the data was taken, or `null`. Every time must be at or before it. */
  readonly asOf: number | null;
  /** `'full'`: to `resolvedAt`; `'first'`: to `firstResolvedAt`, else `resolvedAt`. */
  readonly resolution: 'full' | 'first';
  readonly hours: ParsedBusinessHours | null;
  /** Measure open tickets up to `asOf`. */
  readonly censor: boolean;
}

/** A ticket's time fields as read from the input, before they are checked. */
type TicketFields = { readonly openedAt?: unknown; readonly resolvedAt?: unknown; readonly firstResolvedAt?: unknown };

/**
 * The longest a ticket may stay open under business hours. Working time is
 * counted day by day in the zone's calendar, so a placeholder date in an
 * export (a ticket opened in year 0) would otherwise cost millions of days.
 */
export const MAX_BUSINESS_SPAN_YEARS = 100;
const YEAR_MS = 365.25 * DAY_MS;
const MAX_BUSINESS_SPAN_MS = MAX_BUSINESS_SPAN_YEARS * YEAR_MS;

/** No durations: shared, never written to. */
export const NONE = /* @__PURE__ */ new Float64Array(0);

/** Validates the tickets and measures every duration. */
export function measureDurations(tickets: unknown, o: DurationSettings): Durations {
  if (!Array.isArray(tickets)) {
    fail(o.metric, 'invalid-type', ['tickets'], `expected an array of tickets { openedAt, resolvedAt?, firstResolvedAt? }, received ${describe(tickets)}`);
  }
  const n = tickets.length;
  const opened = new Float64Array(n);
  // End of each ticket's duration; NaN while open.
  const ends = new Float64Array(n);
  const asOf = o.asOf ?? Infinity;
  const first = o.resolution === 'first';
  let resolvedCount = 0;
  let earliest = Infinity;
  let latest = -Infinity;
  for (let i = 0; i < n; i++) {
    const t: unknown = tickets[i];
    if (!isPlainObject(t)) {
      const code = t === null || t === undefined ? 'missing-value' : 'invalid-type';
      fail(o.metric, code, ['tickets', i], `expected a ticket { openedAt, resolvedAt?, firstResolvedAt? } (a plain object), received ${describe(t)}`);
    }
    const { openedAt, resolvedAt, firstResolvedAt } = t as TicketFields;
    const start = timeToMs(openedAt);
    if (start !== start) badTime(o.metric, i, 'openedAt', openedAt);
    if (start > asOf) afterAsOf(o.metric, i, 'openedAt');
    let end = Number.NaN;
    let field = 'resolvedAt';
    if (resolvedAt !== null && resolvedAt !== undefined) {
      end = timeToMs(resolvedAt);
      if (end !== end) badTime(o.metric, i, 'resolvedAt', resolvedAt);
      if (end < start) beforeOpening(o.metric, i, 'resolvedAt');
      if (end > asOf) afterAsOf(o.metric, i, 'resolvedAt');
    }
    if (firstResolvedAt !== null && firstResolvedAt !== undefined) {
      const firstEnd = timeToMs(firstResolvedAt);
      if (firstEnd !== firstEnd) badTime(o.metric, i, 'firstResolvedAt', firstResolvedAt);
      if (firstEnd < start) beforeOpening(o.metric, i, 'firstResolvedAt');
      if (firstEnd > end) {
        fail(o.metric, 'inconsistent', ['tickets', i, 'firstResolvedAt'], 'expected the first resolution at or before resolvedAt');
      }
      if (firstEnd > asOf) afterAsOf(o.metric, i, 'firstResolvedAt');
      if (first) {
        end = firstEnd;
        field = 'firstResolvedAt';
      }
    }
    if (end - start > Number.MAX_SAFE_INTEGER) {
      fail(o.metric, 'out-of-range', ['tickets', i, field], 'expected a duration below 2^53 milliseconds (about 285,000 years)');
    }
    if (o.hours !== null) {
      const span = (end === end ? end : o.censor ? asOf : start) - start;
      if (span > MAX_BUSINESS_SPAN_MS) {
        fail(
          o.metric,
          'out-of-range',
          ['tickets', i, 'openedAt'],
          `expected a ticket open for at most ${MAX_BUSINESS_SPAN_YEARS} years under business hours (a placeholder date?), received ${Math.floor(span / YEAR_MS)} years`,
        );
      }
    }
    opened[i] = start;
    ends[i] = end;
    if (end === end) {
      resolvedCount++;
      if (end > latest) latest = end;
    }
    if (start < earliest) earliest = start;
  }
  const censor = o.censor;
  const resolved = new Float64Array(resolvedCount);
  const censored = censor ? new Float64Array(n - resolvedCount) : NONE;
  if (censor && n > resolvedCount) {
    if (asOf - earliest > Number.MAX_SAFE_INTEGER) {
      fail(o.metric, 'out-of-range', ['options', 'asOf'], 'expected durations to asOf below 2^53 milliseconds (about 285,000 years)');
    }
    latest = Math.max(latest, asOf);
  }
  let r = 0;
  let c = 0;
  if (o.hours === null) {
    for (let i = 0; i < n; i++) {
      const end = ends[i]!;
      if (end === end) resolved[r++] = end - opened[i]!;
      else if (censor) censored[c++] = asOf - opened[i]!;
    }
  } else if (n > 0) {
    const clock = businessClock(o.hours, earliest, latest === -Infinity ? earliest : latest);
    for (let i = 0; i < n; i++) {
      const end = ends[i]!;
      if (end === end) resolved[r++] = clock(opened[i]!, end);
      else if (censor) censored[c++] = clock(opened[i]!, asOf);
    }
  }
  return { resolved, censored, open: n - resolvedCount };
}

/**
 * The durations of a tally `{ resolved, censored?, open }` (validated by the
 * caller's schema but for its lists), or a `MetricsError` at `['counts', ...]`:
 * each duration a non-negative integer number of milliseconds, and a censored
 * duration for each open ticket when there are any, or when `censor` needs
 * them.
 */
export function durationsOfTally(
  metric: MetricName,
  tally: { readonly resolved: readonly unknown[]; readonly censored?: readonly unknown[] | undefined; readonly open: number },
  censor: boolean,
): Durations {
  const resolved = readDurations(metric, tally.resolved, ['counts', 'resolved']);
  const censored = tally.censored === undefined ? NONE : readDurations(metric, tally.censored, ['counts', 'censored']);
  if (censored.length !== tally.open && (censored.length > 0 || censor)) {
    const hint = censored.length === 0 ? " (tally with open: 'censor' and asOf)" : '';
    fail(
      metric,
      'inconsistent',
      ['counts', 'censored'],
      `expected a censored duration for each of the ${tally.open} open tickets${hint}, received ${censored.length}`,
    );
  }
  return { resolved, censored, open: tally.open };
}

function readDurations(metric: MetricName, list: readonly unknown[], path: MetricsPath): Float64Array {
  const out = new Float64Array(list.length);
  for (let i = 0; i < list.length; i++) {
    const x = list[i];
    if (typeof x === 'number' && x >= 0 && Number.isSafeInteger(x)) {
      out[i] = x;
      continue;
    }
    const code = x === null || x === undefined ? 'missing-value' : typeof x === 'number' ? 'out-of-range' : 'invalid-type';
    fail(metric, code, [...path, i], `expected a duration in milliseconds (a non-negative integer), received ${describe(x)}`);
  }
  return out;
}

function badTime(metric: MetricName, index: number, field: string, value: unknown): never {
  const { code, message } = describeBadTime(value);
  const hint = field !== 'openedAt' && code === 'invalid-type' ? ', or null for an open ticket' : '';
  return fail(metric, code, ['tickets', index, field], `${message}${hint}`);
}

function beforeOpening(metric: MetricName, index: number, field: string): never {
  return fail(metric, 'inconsistent', ['tickets', index, field], `expected ${field} at or after openedAt`);
}

function afterAsOf(metric: MetricName, index: number, field: string): never {
  return fail(metric, 'inconsistent', ['tickets', index, field], `expected ${field} at or before options.asOf`);
}
