/**
 * Time to resolution: how long tickets take from opening to resolution.
 */
import * as z from 'zod/mini';
import { lazy } from '../core/contract/lazy.js';
import type { IntervalOptions, RoundingOptions } from '../core/contract/options.js';
import type { MetricName } from '../core/contract/registry.js';
import { deepFreeze } from '../core/contract/result.js';
import { countSchema, plainObject } from '../core/contract/schemas.js';
import { expected, parse } from '../core/contract/validate.js';
import type { Interval, IntervalOption } from '../core/stats/interval-fields.js';
import type { Warning } from '../core/stats/warnings.js';
import type { BusinessHours } from '../core/time/business-hours.js';
import { type DurationOptionSettings, durationOptionSettings, durationOptionsSchema } from '../core/time/duration-options.js';
import { summarizeDurations } from '../core/time/duration-summary.js';
import { type DurationKind, type Durations, durationListSchema, durationsOfTally, measureDurations } from '../core/time/durations.js';
import type { TicketTime } from '../core/time/time.js';

/** One support ticket, as a help desk exports it. Other fields (an id, a subject) are allowed and ignored. */
export interface TimeToResolutionTicket {
  /** When the ticket was opened. */
  readonly openedAt: TicketTime;
  /** When it was (last) resolved; `null` or absent while it is open. */
  readonly resolvedAt?: TicketTime | null | undefined;
  /** Its first resolution, when it was reopened later; `null` or absent otherwise. */
  readonly firstResolvedAt?: TicketTime | null | undefined;
}

/**
 * Options of {@link timeToResolution}, {@link timeToResolutionCounts} and
 * {@link timeToResolutionFromCounts}. The interval is the distribution-free
 * interval of the median (method `'order-statistics'`, the only one; see
 * docs/guides/interval-methods.md), only with `statistic: 'median'`; it is
 * `null` under `open: 'censor'` when a ticket is open (see
 * {@link TimeToResolutionResult.interval}).
 */
export interface TimeToResolutionOptions extends RoundingOptions, IntervalOptions<IntervalOption<'order-statistics'>> {
  /** The headline `value`: `'median'` (default, as help desks report it) or `'mean'`. */
  readonly statistic?: 'median' | 'mean';
  /**
   * Open tickets: `'exclude'` (default, the help-desk convention) leaves them
   * out of the statistics and counts them in `open`; `'censor'` keeps them as
   * right-censored at `asOf` and estimates the distribution by Kaplan-Meier.
   */
  readonly open?: 'exclude' | 'censor';
  /** When the data was taken: required with `open: 'censor'`, not allowed otherwise. Every time must be at or before it. */
  readonly asOf?: TicketTime;
  /**
   * `'full'` (default) measures from opening to the final `resolvedAt`;
   * `'first'` to `firstResolvedAt`, or `resolvedAt` when absent.
   */
  readonly resolution?: 'full' | 'first';
  /** Count only working time; durations are measured when tallying. */
  readonly businessHours?: BusinessHours;
}

/**
 * The interval of the median: two resolved durations, the order statistics
 * `x(r)` and `x(n + 1 - r)`, and the probability that such an interval
 * covers the median.
 */
export interface TimeToResolutionInterval extends Interval {
  /**
   * The achieved coverage `1 - 2 P(B <= r - 1)`, `B` binomial(n, 1/2): at
   * least `level`, and usually above it, since ranks are whole numbers.
   */
  readonly coverage: number;
}

/**
 * The tally TTR is computed from: every duration, in milliseconds (of
 * working time when `businessHours` was given, which is applied here, when
 * tallying). Merge tallies made with the same options with `mergeCounts`.
 */
export interface TimeToResolutionCounts {
  /** The metric the tally is for: `'timeToResolution'`. */
  readonly metric: 'timeToResolution';
  /** Durations of resolved tickets, in input order. */
  readonly resolved: readonly number[];
  /** Durations from opening to `asOf` of the open tickets under `open: 'censor'`; empty otherwise. */
  readonly censored: readonly number[];
  /** Open tickets. */
  readonly open: number;
}

/** The result of {@link timeToResolution} and {@link timeToResolutionFromCounts}. All times are milliseconds. */
export interface TimeToResolutionResult {
  /** The metric's name, as in the registry. */
  readonly metric: 'timeToResolution';
  /** The unit of `value`: milliseconds, as every duration in the result. */
  readonly unit: 'milliseconds';
  /** The median or the mean, as `statistic` says. */
  readonly value: number | null;
  /** Which statistic `value` is. */
  readonly statistic: 'median' | 'mean';
  /** `'empirical'` under `open: 'exclude'`, `'kaplan-meier'` under `'censor'`. */
  readonly estimator: 'empirical' | 'kaplan-meier';
  /**
   * Mean of the resolved durations; under `open: 'censor'` the restricted
   * mean, the area under the Kaplan-Meier curve up to the longest observed
   * duration (the plain mean when no ticket is open). `null` without resolved tickets.
   */
  readonly mean: number | null;
  /** The median: a duration, or the midpoint of two; `null` when there is no resolved ticket or the data cannot reach it. */
  readonly median: number | null;
  /** The 90th percentile, defined as the median is; `null` likewise. */
  readonly p90: number | null;
  /** The 95th percentile, defined as the median is; `null` likewise. */
  readonly p95: number | null;
  /** The shortest resolved duration; `null` without resolved tickets. */
  readonly min: number | null;
  /** The longest resolved duration; `null` without resolved tickets. */
  readonly max: number | null;
  /** Resolved tickets. */
  readonly resolved: number;
  /** Open tickets (left out, or censored). */
  readonly open: number;
  /**
   * The confidence interval of the median, in milliseconds, present only
   * when the `interval` option asked for one. `null` when fewer resolved
   * tickets than the level needs (fewer than 6 at 95%), and under `open:
   * 'censor'` when a ticket is open: the order-statistics interval needs
   * every duration observed.
   */
  readonly interval?: TimeToResolutionInterval | null;
  /** `small-sample` for fewer than 30 resolved tickets. */
  readonly warnings: readonly Warning[];
}

interface Parsed extends DurationOptionSettings {
  readonly resolution: 'full' | 'first';
}

const METRIC = 'timeToResolution' as const satisfies MetricName;

/** Resolution times: to `resolvedAt`, or to `firstResolvedAt` with `resolution: 'first'`. */
const KIND: DurationKind = {
  metric: METRIC,
  end: 'resolvedAt',
  earlier: { field: 'firstResolvedAt', name: 'the first resolution' },
  ended: 'resolved',
  pending: { one: 'an open ticket', many: 'open tickets' },
};

const optionsSchema = /* @__PURE__ */ lazy(() => durationOptionsSchema({ resolution: z.optional(z.enum(['full', 'first'], expected('"full" or "first"'))) }));

function parseOptions(options: unknown, tallying: boolean): Parsed {
  const o = parse(METRIC, optionsSchema(), options, ['options']) ?? {};
  return { ...durationOptionSettings(METRIC, o, tallying), resolution: o.resolution ?? 'full' };
}

/**
 * Time to resolution (TTR): how long tickets take from opening to
 * resolution; by default the median, in milliseconds.
 *
 * Each resolved ticket's duration is `resolvedAt - openedAt` (or working time
 * only, with `businessHours`). Percentiles use one definition throughout: the
 * inverse of the (Kaplan-Meier) distribution, averaged where it is flat at
 * the level, so a median of an even count is the mean of the two middle
 * durations and may end in half a millisecond. Under `open: 'censor'`, open
 * tickets count as right-censored at `asOf` and the median and percentiles
 * come from the Kaplan-Meier estimate.
 *
 * With `interval`, the result carries a distribution-free confidence
 * interval for the median: two resolved durations, the order statistics
 * `x(r)` and `x(n + 1 - r)`, with `r` the largest rank whose binomial(n,
 * 1/2) coverage `1 - 2 P(B <= r - 1)` is at least the level (Hollander and
 * Wolfe); the achieved coverage is in the interval. `warnings` says when
 * fewer than 30 tickets were resolved.
 *
 * @param tickets - `{ openedAt, resolvedAt?, firstResolvedAt? }` per ticket.
 * @param options - Statistic, open tickets, resolution, business hours, interval, output rounding.
 * @returns The chosen statistic as `value`, with mean, median, p90, p95, min,
 *   max, the resolved and open counts, the interval of the median when asked
 *   for, and warnings; `null` where undefined.
 * @throws {@link MetricsError} when a time is invalid or a string has no
 *   offset (`path` is `['tickets', index, field]`), a resolution comes before
 *   its opening, a time is after `asOf`, or an option is invalid.
 * @example
 * const tickets = [
 *   { openedAt: '2026-03-02T09:00:00+01:00', resolvedAt: '2026-03-02T11:00:00+01:00' },
 *   { openedAt: '2026-03-02T10:00:00+01:00', resolvedAt: '2026-03-02T10:30:00+01:00' },
 *   { openedAt: '2026-03-02T12:00:00+01:00', resolvedAt: null },
 * ];
 * timeToResolution(tickets).value // => 4500000
 * timeToResolution(tickets).open // => 1
 * timeToResolution(tickets, { open: 'censor', asOf: '2026-03-02T18:00:00+01:00' }).median // => 7200000
 * const hours = { timeZone: 'America/New_York', days: { mon: ['09:00', '18:00'], tue: ['09:00', '18:00'], wed: ['09:00', '18:00'], thu: ['09:00', '18:00'], fri: ['09:00', '18:00'] } };
 * timeToResolution([{ openedAt: '2026-03-06T17:00:00-05:00', resolvedAt: '2026-03-09T10:00:00-04:00' }], { businessHours: hours }).value // => 7200000
 * timeToResolution([{ openedAt: '2026-03-02T09:00:00', resolvedAt: null }]) // throws
 */
export function timeToResolution(tickets: readonly TimeToResolutionTicket[], options?: TimeToResolutionOptions): TimeToResolutionResult {
  const parsed = parseOptions(options, true);
  return fromTally(tally(tickets, parsed), parsed);
}

/**
 * The TTR tally of `tickets`: each resolved ticket's duration, each open
 * ticket's duration up to `asOf` (under `open: 'censor'`), and the number of
 * open tickets. Business hours and the resolution option are applied here,
 * so merge only tallies made with the same options.
 *
 * @param tickets - As for {@link timeToResolution}.
 * @param options - As for {@link timeToResolution}.
 * @throws {@link MetricsError} as {@link timeToResolution} does.
 * @example
 * const tickets = [{ openedAt: 0, resolvedAt: 60000 }, { openedAt: 1000 }];
 * timeToResolutionCounts(tickets) // => { metric: 'timeToResolution', resolved: [60000], censored: [], open: 1 }
 * timeToResolutionCounts(tickets, { open: 'censor', asOf: 90000 }).censored // => [89000]
 */
export function timeToResolutionCounts(tickets: readonly TimeToResolutionTicket[], options?: TimeToResolutionOptions): TimeToResolutionCounts {
  const d = tally(tickets, parseOptions(options, true));
  return deepFreeze<TimeToResolutionCounts>({ metric: METRIC, resolved: Array.from(d.ended), censored: Array.from(d.censored), open: d.open });
}

const countsSchema = /* @__PURE__ */ lazy(() =>
  plainObject(
    {
      metric: z.optional(z.literal(METRIC, expected(`"${METRIC}"`))),
      resolved: durationListSchema(),
      censored: z.optional(durationListSchema()),
      open: countSchema(),
    },
    expected('a TTR tally { resolved, censored?, open }'),
  ),
);

/**
 * TTR from a tally: from {@link timeToResolutionCounts} or merged tallies.
 * Under `open: 'censor'` the tally must hold a duration for every open
 * ticket (made with `open: 'censor'`); `asOf` is not needed here.
 *
 * @param counts - `{ resolved, censored?, open }`: durations in
 *   milliseconds (non-negative integers) and the open count.
 * @param options - Statistic, open tickets, interval and output rounding.
 * @throws {@link MetricsError} when a duration is not a non-negative integer
 *   (`path` is `['counts', field, index]`) or the censored durations do not
 *   match the open count (`['counts', 'censored']`).
 * @example
 * timeToResolutionFromCounts({ resolved: [1000, 3000, 2000, 10000], open: 0 }).median // => 2500
 * timeToResolutionFromCounts({ resolved: [1000, 3000, 2000, 10000], open: 0 }, { statistic: 'mean' }).value // => 4000
 * timeToResolutionFromCounts({ resolved: [1000, 2000], censored: [5000, 5000], open: 2 }, { open: 'censor' }).median // => null
 * const hours = [5, 1, 9, 2, 14, 3, 7, 4, 30, 6, 11, 2].map((h) => h * 3600000);
 * timeToResolutionFromCounts({ resolved: hours, open: 0 }, { interval: true }).interval // => { lower: 7200000, upper: 39600000, level: 0.95, method: 'order-statistics', standardError: null, clamped: false, coverage: 0.96142578125 }
 * timeToResolutionFromCounts({ resolved: hours, open: 0 }, { statistic: 'mean', interval: true }) // throws
 */
export function timeToResolutionFromCounts(
  counts: Omit<TimeToResolutionCounts, 'metric' | 'censored'> & Partial<Pick<TimeToResolutionCounts, 'metric' | 'censored'>>,
  options?: TimeToResolutionOptions,
): TimeToResolutionResult {
  const parsed = parseOptions(options, false);
  return fromTally(parseCounts(counts, parsed), parsed);
}

/** Validates a given tally. */
function parseCounts(counts: unknown, o: Parsed): Durations {
  const c = parse(METRIC, countsSchema(), counts, ['counts']);
  return durationsOfTally(KIND, { ended: c.resolved, censored: c.censored, open: c.open }, o.open === 'censor');
}

/** Validates the tickets and measures their durations. */
function tally(tickets: unknown, o: Parsed): Durations {
  return measureDurations(tickets, KIND, { asOf: o.asOf, toEarlier: o.resolution === 'first', hours: o.hours, censor: o.open === 'censor' });
}

/** The result from durations; sorts them in place (callers pass arrays of their own). */
function fromTally(d: Durations, o: Parsed): TimeToResolutionResult {
  const s = summarizeDurations(d, o);
  return deepFreeze<TimeToResolutionResult>({ metric: METRIC, unit: 'milliseconds', ...s.figures, resolved: s.ended, open: d.open, ...s.inference });
}
