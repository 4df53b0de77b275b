/**
 * First response time: how long tickets wait from opening to the first answer.
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

/** One support ticket, as a help desk exports it. Other fields (an id, `resolvedAt`) are allowed and ignored. */
export interface FirstResponseTimeTicket {
  /** When the ticket was opened. */
  readonly openedAt: TicketTime;
  /** When the customer first got an answer; `null` or absent while the ticket is unanswered. */
  readonly firstRespondedAt?: TicketTime | null | undefined;
}

/**
 * Options of {@link firstResponseTime}, {@link firstResponseTimeCounts} and
 * {@link firstResponseTimeFromCounts}. The interval is the distribution-free
 * interval of the median (method `'order-statistics'`, the only one; see
 * docs/guides/interval-methods.md), only with `statistic: 'median'`; it is
 * `null` under `open: 'censor'` when a ticket is unanswered (see
 * {@link FirstResponseTimeResult.interval}).
 */
export interface FirstResponseTimeOptions extends RoundingOptions, IntervalOptions<IntervalOption<'order-statistics'>> {
  /** The headline `value`: `'median'` (default, as help desks report it) or `'mean'`. */
  readonly statistic?: 'median' | 'mean';
  /**
   * Unanswered tickets: `'exclude'` (default, the help-desk convention)
   * leaves them out of the statistics and counts them in `open`; `'censor'`
   * keeps them as right-censored at `asOf` and estimates the distribution by
   * Kaplan-Meier.
   */
  readonly open?: 'exclude' | 'censor';
  /** When the data was taken: required with `open: 'censor'`, not allowed otherwise. Every time must be at or before it. */
  readonly asOf?: TicketTime;
  /** Count only working time; durations are measured when tallying. */
  readonly businessHours?: BusinessHours;
}

/**
 * The interval of the median: two response times, the order statistics
 * `x(r)` and `x(n + 1 - r)`, and the probability that such an interval
 * covers the median.
 */
export interface FirstResponseTimeInterval extends Interval {
  /**
   * The achieved coverage `1 - 2 P(B <= r - 1)`, `B` binomial(n, 1/2): at
   * least `level`, and usually above it, since ranks are whole numbers.
   */
  readonly coverage: number;
}

/**
 * The tally FRT is computed from: every response time, in milliseconds (of
 * working time when `businessHours` was given, which is applied here, when
 * tallying). Merge tallies made with the same options with `mergeCounts`.
 */
export interface FirstResponseTimeCounts {
  /** The metric the tally is for: `'firstResponseTime'`. */
  readonly metric: 'firstResponseTime';
  /** Response times of answered tickets, in input order. */
  readonly responded: readonly number[];
  /** Waits from opening to `asOf` of the unanswered tickets under `open: 'censor'`; empty otherwise. */
  readonly censored: readonly number[];
  /** Unanswered tickets. */
  readonly open: number;
}

/** The result of {@link firstResponseTime} and {@link firstResponseTimeFromCounts}. All times are milliseconds. */
export interface FirstResponseTimeResult {
  /** The metric's name, as in the registry. */
  readonly metric: 'firstResponseTime';
  /** The unit of `value`: milliseconds, as every duration in the result. */
  readonly unit: 'milliseconds';
  /** The median or the mean, as `statistic` says. */
  readonly value: number | null;
  /** Which statistic `value` is. */
  readonly statistic: 'median' | 'mean';
  /** `'empirical'` under `open: 'exclude'`, `'kaplan-meier'` under `'censor'`. */
  readonly estimator: 'empirical' | 'kaplan-meier';
  /**
   * Mean of the response times; under `open: 'censor'` the restricted mean,
   * the area under the Kaplan-Meier curve up to the longest observed wait
   * (the plain mean when every ticket was answered). `null` without answered
   * tickets.
   */
  readonly mean: number | null;
  /** The median: a response time, or the midpoint of two; `null` when no ticket was answered or the data cannot reach it. */
  readonly median: number | null;
  /** The 90th percentile, defined as the median is; `null` likewise. */
  readonly p90: number | null;
  /** The 95th percentile, defined as the median is; `null` likewise. */
  readonly p95: number | null;
  /** The shortest response time; `null` without answered tickets. */
  readonly min: number | null;
  /** The longest response time; `null` without answered tickets. */
  readonly max: number | null;
  /** Answered tickets. */
  readonly responded: number;
  /** Unanswered tickets (left out, or censored). */
  readonly open: number;
  /**
   * The confidence interval of the median, in milliseconds, present only
   * when the `interval` option asked for one. `null` when fewer answered
   * tickets than the level needs (fewer than 6 at 95%), and under `open:
   * 'censor'` when a ticket is unanswered: the order-statistics interval
   * needs every wait observed.
   */
  readonly interval?: FirstResponseTimeInterval | null;
  /** `small-sample` for fewer than 30 answered tickets. */
  readonly warnings: readonly Warning[];
}

const METRIC = 'firstResponseTime' as const satisfies MetricName;

/** Response times: from opening to `firstRespondedAt`. */
const KIND: DurationKind = {
  metric: METRIC,
  end: 'firstRespondedAt',
  earlier: null,
  ended: 'responded',
  pending: { one: 'an unanswered ticket', many: 'unanswered tickets' },
};

const optionsSchema = /* @__PURE__ */ lazy(() => durationOptionsSchema({}));

function parseOptions(options: unknown, tallying: boolean): DurationOptionSettings {
  return durationOptionSettings(METRIC, parse(METRIC, optionsSchema(), options, ['options']) ?? {}, tallying);
}

/**
 * First response time (FRT): how long tickets wait from opening to the
 * first answer; by default the median, in milliseconds.
 *
 * Each answered ticket's response time is `firstRespondedAt - openedAt` (or
 * working time only, with `businessHours`). Statistics, percentiles,
 * censoring and the interval are those of {@link timeToResolution}, on
 * response times: percentiles are the inverse of the (Kaplan-Meier)
 * distribution, averaged where it is flat at the level, so a median of an
 * even count is the mean of the two middle times. Under `open: 'censor'`,
 * unanswered tickets count as right-censored at `asOf` and the median and
 * percentiles come from the Kaplan-Meier estimate.
 *
 * With `interval`, the result carries the distribution-free confidence
 * interval of the median from order statistics (Hollander and Wolfe), with
 * its achieved coverage. `warnings` says when fewer than 30 tickets were
 * answered.
 *
 * @param tickets - `{ openedAt, firstRespondedAt? }` per ticket.
 * @param options - Statistic, unanswered tickets, business hours, interval, output rounding.
 * @returns The chosen statistic as `value`, with mean, median, p90, p95, min,
 *   max, the answered and unanswered counts, the interval of the median when
 *   asked for, and warnings; `null` where undefined.
 * @throws {@link MetricsError} when a time is invalid or a string has no
 *   offset (`path` is `['tickets', index, field]`), a first response comes
 *   before its opening, a time is after `asOf`, or an option is invalid.
 * @example
 * const tickets = [
 *   { openedAt: '2026-03-02T09:00:00+01:00', firstRespondedAt: '2026-03-02T09:20:00+01:00' },
 *   { openedAt: '2026-03-02T10:00:00+01:00', firstRespondedAt: '2026-03-02T10:05:00+01:00' },
 *   { openedAt: '2026-03-02T12:00:00+01:00', firstRespondedAt: null },
 * ];
 * firstResponseTime(tickets).value // => 750000
 * firstResponseTime(tickets).open // => 1
 * firstResponseTime(tickets, { open: 'censor', asOf: '2026-03-02T12:30:00+01:00' }).median // => 1200000
 * const hours = { timeZone: 'America/New_York', days: { mon: ['09:00', '18:00'], tue: ['09:00', '18:00'], wed: ['09:00', '18:00'], thu: ['09:00', '18:00'], fri: ['09:00', '18:00'] } };
 * firstResponseTime([{ openedAt: '2026-03-06T17:30:00-05:00', firstRespondedAt: '2026-03-09T09:15:00-04:00' }], { businessHours: hours }).value // => 2700000
 * firstResponseTime([{ openedAt: '2026-03-02T09:00:00', firstRespondedAt: null }]) // throws
 */
export function firstResponseTime(tickets: readonly FirstResponseTimeTicket[], options?: FirstResponseTimeOptions): FirstResponseTimeResult {
  const parsed = parseOptions(options, true);
  return fromTally(tally(tickets, parsed), parsed);
}

/**
 * The FRT tally of `tickets`: each answered ticket's response time, each
 * unanswered ticket's wait up to `asOf` (under `open: 'censor'`), and the
 * number of unanswered tickets. Business hours are applied here, so merge
 * only tallies made with the same options.
 *
 * @param tickets - As for {@link firstResponseTime}.
 * @param options - As for {@link firstResponseTime}.
 * @throws {@link MetricsError} as {@link firstResponseTime} does.
 * @example
 * const tickets = [{ openedAt: 0, firstRespondedAt: 60000 }, { openedAt: 1000 }];
 * firstResponseTimeCounts(tickets) // => { metric: 'firstResponseTime', responded: [60000], censored: [], open: 1 }
 * firstResponseTimeCounts(tickets, { open: 'censor', asOf: 90000 }).censored // => [89000]
 */
export function firstResponseTimeCounts(tickets: readonly FirstResponseTimeTicket[], options?: FirstResponseTimeOptions): FirstResponseTimeCounts {
  const d = tally(tickets, parseOptions(options, true));
  return deepFreeze<FirstResponseTimeCounts>({ metric: METRIC, responded: Array.from(d.ended), censored: Array.from(d.censored), open: d.open });
}

const countsSchema = /* @__PURE__ */ lazy(() =>
  plainObject(
    {
      metric: z.optional(z.literal(METRIC, expected(`"${METRIC}"`))),
      responded: durationListSchema(),
      censored: z.optional(durationListSchema()),
      open: countSchema(),
    },
    expected('an FRT tally { responded, censored?, open }'),
  ),
);

/**
 * FRT from a tally: from {@link firstResponseTimeCounts} or merged tallies.
 * Under `open: 'censor'` the tally must hold a wait for every unanswered
 * ticket (made with `open: 'censor'`); `asOf` is not needed here.
 *
 * @param counts - `{ responded, censored?, open }`: durations in
 *   milliseconds (non-negative integers) and the unanswered count.
 * @param options - Statistic, unanswered tickets, interval and output rounding.
 * @throws {@link MetricsError} when a duration is not a non-negative integer
 *   (`path` is `['counts', field, index]`) or the censored durations do not
 *   match the unanswered count (`['counts', 'censored']`).
 * @example
 * firstResponseTimeFromCounts({ responded: [60000, 180000, 120000, 900000], open: 0 }).median // => 150000
 * firstResponseTimeFromCounts({ responded: [60000, 180000, 120000, 900000], open: 0 }, { statistic: 'mean' }).value // => 315000
 * firstResponseTimeFromCounts({ responded: [60000], censored: [600000, 600000], open: 2 }, { open: 'censor' }).median // => null
 * const minutes = [12, 3, 45, 8, 20, 5, 90, 15, 6, 30, 10, 2].map((m) => m * 60000);
 * firstResponseTimeFromCounts({ responded: minutes, open: 0 }, { interval: true }).interval // => { lower: 300000, upper: 1800000, level: 0.95, method: 'order-statistics', standardError: null, clamped: false, coverage: 0.96142578125 }
 * firstResponseTimeFromCounts({ responded: minutes, open: 0 }, { statistic: 'mean', interval: true }) // throws
 */
export function firstResponseTimeFromCounts(
  counts: Omit<FirstResponseTimeCounts, 'metric' | 'censored'> & Partial<Pick<FirstResponseTimeCounts, 'metric' | 'censored'>>,
  options?: FirstResponseTimeOptions,
): FirstResponseTimeResult {
  const parsed = parseOptions(options, false);
  return fromTally(parseCounts(counts, parsed), parsed);
}

/** Validates a given tally. */
function parseCounts(counts: unknown, o: DurationOptionSettings): Durations {
  const c = parse(METRIC, countsSchema(), counts, ['counts']);
  return durationsOfTally(KIND, { ended: c.responded, censored: c.censored, open: c.open }, o.open === 'censor');
}

/** Validates the tickets and measures their response times. */
function tally(tickets: unknown, o: DurationOptionSettings): Durations {
  return measureDurations(tickets, KIND, { asOf: o.asOf, toEarlier: false, hours: o.hours, censor: o.open === 'censor' });
}

/** The result from response times; sorts them in place (callers pass arrays of their own). */
function fromTally(d: Durations, o: DurationOptionSettings): FirstResponseTimeResult {
  const s = summarizeDurations(d, o);
  return deepFreeze<FirstResponseTimeResult>({ metric: METRIC, unit: 'milliseconds', ...s.figures, responded: s.ended, open: d.open, ...s.inference });
}
