/**
 * Ticket durations: validating ticket records (`{ openedAt, resolvedAt?,
 * firstResolvedAt? }`, `{ openedAt, firstRespondedAt? }`) in one tight loop
 * and measuring each ticket's time from opening to the field that ends its
 * duration, in calendar or working milliseconds; and reading durations back
 * from a tally.
 */

import * as z from 'zod/mini';
import { isPlainObject } from '../contract/brands.js';
import { describe, fail, type MetricsPath } from '../contract/errors.js';
import { lazy } from '../contract/lazy.js';
import type { MetricName } from '../contract/registry.js';
import { expected } from '../contract/validate.js';
import { businessClock, type ParsedBusinessHours } from './business-hours.js';
import { DAY_MS, describeBadTime, timeToMs } from './time.js';

/**
 * Durations in milliseconds: of tickets whose duration ended (resolved,
 * answered), and of the others, still open, up to `asOf` when censoring.
 */
export interface Durations {
  readonly ended: Float64Array;
  readonly censored: Float64Array;
  readonly open: number;
}

/**
 * A kind of ticket duration: which metric measures it, the ticket field
 * that ends it, and the words its messages use. A ticket without that field
 * (or with `null`) is open: not yet resolved, not yet answered.
 */
export interface DurationKind {
  readonly metric: MetricName;
  /** The field that ends the duration: `'resolvedAt'`, `'firstRespondedAt'`. */
  readonly end: string;
  /**
   * A field for an earlier end that a ticket may also have, at or before
   * `end` (`'firstResolvedAt'`), and what messages call it (`'the first
   * resolution'`); `null` when there is none.
   */
  readonly earlier: { readonly field: string; readonly name: string } | null;
  /** The tally's list of ended durations: `'resolved'`, `'responded'`. */
  readonly ended: string;
  /** What messages call one open ticket and several: `'an open ticket'`, `'open tickets'`. */
  readonly pending: { readonly one: string; readonly many: string };
}

/** How to measure. */
export interface DurationSettings {
  /** When the data was taken, or `null`. Every time must be at or before it. */
  readonly asOf: number | null;
  /** Measure to the kind's earlier end when a ticket has one, else to its end. */
  readonly toEarlier: boolean;
  readonly hours: ParsedBusinessHours | null;
  /** Measure open tickets up to `asOf`. */
  readonly censor: boolean;
}

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

/**
 * Validates the tickets and measures every duration of `kind`: from
 * `openedAt` to the kind's end field (or its earlier end, with
 * `toEarlier`), and for open tickets to `asOf` when censoring.
 */
export function measureDurations(tickets: unknown, kind: DurationKind, o: DurationSettings): Durations {
  const { metric, end: endField, earlier } = kind;
  const shape = `{ openedAt, ${endField}?${earlier === null ? '' : `, ${earlier.field}?`} }`;
  if (!Array.isArray(tickets)) {
    fail(metric, 'invalid-type', ['tickets'], `expected an array of tickets ${shape}, received ${describe(tickets)}`);
  }
  const n = tickets.length;
  const opened = new Float64Array(n);
  // End of each ticket's duration; NaN while open.
  const ends = new Float64Array(n);
  const asOf = o.asOf ?? Infinity;
  let endedCount = 0;
  let earliest = Infinity;
  let latest = -Infinity;
  for (let i = 0; i < n; i++) {
    const t: unknown = tickets[i];
    if (!isPlainObject(t)) {
      const code = t === null || t === undefined ? 'missing-value' : 'invalid-type';
      fail(metric, code, ['tickets', i], `expected a ticket ${shape} (a plain object), received ${describe(t)}`);
    }
    const ticket = t as Readonly<Record<string, unknown>>;
    const openedAt = ticket.openedAt;
    const endAt = ticket[endField];
    const earlierAt = earlier === null ? undefined : ticket[earlier.field];
    const start = timeToMs(openedAt);
    if (start !== start) badTime(kind, i, 'openedAt', openedAt);
    if (start > asOf) afterAsOf(metric, i, 'openedAt');
    let end = Number.NaN;
    let field = endField;
    if (endAt !== null && endAt !== undefined) {
      end = timeToMs(endAt);
      if (end !== end) badTime(kind, i, endField, endAt);
      if (end < start) beforeOpening(metric, i, endField);
      if (end > asOf) afterAsOf(metric, i, endField);
    }
    if (earlier !== null && earlierAt !== null && earlierAt !== undefined) {
      const earlierEnd = timeToMs(earlierAt);
      if (earlierEnd !== earlierEnd) badTime(kind, i, earlier.field, earlierAt);
      if (earlierEnd < start) beforeOpening(metric, i, earlier.field);
      if (earlierEnd > end) {
        fail(metric, 'inconsistent', ['tickets', i, earlier.field], `expected ${earlier.name} at or before ${endField}`);
      }
      if (earlierEnd > asOf) afterAsOf(metric, i, earlier.field);
      if (o.toEarlier) {
        end = earlierEnd;
        field = earlier.field;
      }
    }
    if (end - start > Number.MAX_SAFE_INTEGER) {
      fail(metric, 'out-of-range', ['tickets', i, field], 'expected a duration below 2^53 milliseconds (about 285,000 years)');
    }
    if (o.hours !== null) {
      const span = (end === end ? end : o.censor ? asOf : start) - start;
      if (span > MAX_BUSINESS_SPAN_MS) {
        fail(
          metric,
          'out-of-range',
          ['tickets', i, 'openedAt'],
          `expected a ticket open for at most ${MAX_BUSINESS_SPAN_YEARS} years under business hours (a placeholder date?), received ${Math.floor(span / YEAR_MS)} years`,
        );
      }
    }
    opened[i] = start;
    ends[i] = end;
    if (end === end) {
      endedCount++;
      if (end > latest) latest = end;
    }
    if (start < earliest) earliest = start;
  }
  const censor = o.censor;
  const ended = new Float64Array(endedCount);
  const censored = censor ? new Float64Array(n - endedCount) : NONE;
  if (censor && n > endedCount) {
    if (asOf - earliest > Number.MAX_SAFE_INTEGER) {
      fail(metric, 'out-of-range', ['options', 'asOf'], 'expected durations to asOf below 2^53 milliseconds (about 285,000 years)');
    }
    latest = Math.max(latest, asOf);
  }
  let r = 0;
  let c = 0;
  if (o.hours === null) {
    for (let i = 0; i < n; i++) {
      const end = ends[i]!;
      if (end === end) ended[r++] = end - opened[i]!;
      else if (censor) censored[c++] = asOf - opened[i]!;
    }
  } else if (n > 0) {
    const clock = businessClock(o.hours, earliest, latest === -Infinity ? earliest : latest);
    for (let i = 0; i < n; i++) {
      const end = ends[i]!;
      if (end === end) ended[r++] = clock(opened[i]!, end);
      else if (censor) censored[c++] = clock(opened[i]!, asOf);
    }
  }
  return { ended, censored, open: n - endedCount };
}

/** A tally's list of durations, for its schema: any array, whose elements {@link durationsOfTally} checks in one loop. */
export const durationListSchema = /* @__PURE__ */ lazy(() => z.custom<unknown[]>((v) => Array.isArray(v), expected('an array of durations in milliseconds')));

/**
 * The durations of a tally `{ [kind.ended], censored?, open }` (validated by
 * the caller's schema but for its lists; `ended` is the list named by
 * `kind.ended`), or a `MetricsError` at `['counts', ...]`: each duration a
 * non-negative integer number of milliseconds, and a censored duration for
 * each open ticket when there are any, or when `censor` needs them.
 */
export function durationsOfTally(
  kind: DurationKind,
  tally: { readonly ended: readonly unknown[]; readonly censored?: readonly unknown[] | undefined; readonly open: number },
  censor: boolean,
): Durations {
  const { metric } = kind;
  const ended = readDurations(metric, tally.ended, ['counts', kind.ended]);
  const censored = tally.censored === undefined ? NONE : readDurations(metric, tally.censored, ['counts', 'censored']);
  if (censored.length !== tally.open && (censored.length > 0 || censor)) {
    const hint = censored.length === 0 ? " (tally with open: 'censor' and asOf)" : '';
    fail(
      metric,
      'inconsistent',
      ['counts', 'censored'],
      `expected a censored duration for each of the ${tally.open} ${kind.pending.many}${hint}, received ${censored.length}`,
    );
  }
  return { ended, censored, open: tally.open };
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

function badTime(kind: DurationKind, index: number, field: string, value: unknown): never {
  const { code, message } = describeBadTime(value);
  const hint = field !== 'openedAt' && code === 'invalid-type' ? `, or null for ${kind.pending.one}` : '';
  return fail(kind.metric, code, ['tickets', index, field], `${message}${hint}`);
}

function beforeOpening(metric: MetricName, index: number, field: string): never {
  return fail(metric, 'inconsistent', ['tickets', index, field], `expected ${field} at or after openedAt`);
}

function afterAsOf(metric: MetricName, index: number, field: string): never {
  return fail(metric, 'inconsistent', ['tickets', index, field], `expected ${field} at or before options.asOf`);
}
