/**
 * Ticket durations: validating `{ openedAt, resolvedAt?, firstResolvedAt? }`
 * records in one tight loop and measuring each ticket's time to resolution,
 * in calendar or working milliseconds.
 */

import { describe, fail } from '../contract/errors.js';
import { businessClock, type ParsedBusinessHours } from './business-hours.js';
import { describeBadTime, timeToMs } from './time.js';

/** Durations in milliseconds: of resolved tickets, and of open tickets up to `asOf` when censoring. */
export interface Durations {
  readonly resolved: Float64Array;
  readonly censored: Float64Array;
  readonly open: number;
}

/** How to measure. */
export interface DurationSettings {
  readonly metric: string;
  /** When the data was taken, or `null`. Every time must be at or before it. */
  readonly asOf: number | null;
  /** `'full'`: to `resolvedAt`; `'first'`: to `firstResolvedAt`, else `resolvedAt`. */
  readonly resolution: 'full' | 'first';
  readonly hours: ParsedBusinessHours | null;
  /** Measure open tickets up to `asOf`. */
  readonly censor: boolean;
}

export const NONE = new Float64Array(0);

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
    if (typeof t !== 'object' || t === null) {
      const code = t === null || t === undefined ? 'missing-value' : 'invalid-type';
      fail(o.metric, code, ['tickets', i], `expected a ticket { openedAt, resolvedAt?, firstResolvedAt? }, received ${describe(t)}`);
    }
    const { openedAt, resolvedAt, firstResolvedAt } = t as Record<string, unknown>;
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

function badTime(metric: string, index: number, field: string, value: unknown): never {
  const { code, message } = describeBadTime(value);
  const hint = field !== 'openedAt' && code === 'invalid-type' ? ', or null for an open ticket' : '';
  return fail(metric, code, ['tickets', index, field], `${message}${hint}`);
}

function beforeOpening(metric: string, index: number, field: string): never {
  return fail(metric, 'inconsistent', ['tickets', index, field], `expected ${field} at or after openedAt`);
}

function afterAsOf(metric: string, index: number, field: string): never {
  return fail(metric, 'inconsistent', ['tickets', index, field], `expected ${field} at or before options.asOf`);
}
