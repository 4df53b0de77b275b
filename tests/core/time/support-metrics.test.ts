/**
 * The options of the support metrics pinned case by case: time to
 * resolution's shared duration options (core/time/duration-options.ts) and
 * its own, with the message of each refusal, the defaults as parsed, and
 * whole results under each option; first contact resolution's options, tally
 * and ticket forms, with the message of each refusal.
 */
import { describe, expect, it } from 'vitest';
import type { MetricsError } from '../../../src/core/contract/errors.js';
import { durationOptionSettings } from '../../../src/core/time/duration-options.js';
import { firstContactResolution, firstContactResolutionFromCounts, timeToResolution, timeToResolutionCounts } from '../../../src/index.js';

const H = 3_600_000;

/** The metric and issues of the error `fn` throws, or `null` when it returns. */
function refusal(fn: () => unknown): { metric: string; issues: unknown } | null {
  try {
    fn();
    return null;
  } catch (e) {
    const error = e as MetricsError;
    return { metric: error.metric, issues: error.issues };
  }
}
const issue = (metric: string) => (code: string, path: (string | number)[], message: string) => ({ metric, issues: [{ code, path, message }] });
const ttr = issue('timeToResolution');
const fcr = issue('firstContactResolution');

describe('timeToResolution: options', () => {
  it('takes each value of each option, and words the refusal of any other', () => {
    const tickets = [
      { openedAt: 0, firstResolvedAt: 1 * H, resolvedAt: 4 * H },
      { openedAt: 0, resolvedAt: 2 * H },
      { openedAt: 0, resolvedAt: 6 * H },
    ];
    expect(timeToResolution(tickets, { statistic: 'median' })).toMatchObject({ statistic: 'median', value: 4 * H });
    expect(timeToResolution(tickets, { statistic: 'mean' })).toMatchObject({ statistic: 'mean', value: 4 * H });
    expect(timeToResolution(tickets, { open: 'exclude' })).toMatchObject({ estimator: 'empirical', value: 4 * H });
    expect(timeToResolution(tickets, { open: 'censor', asOf: 6 * H })).toMatchObject({ estimator: 'kaplan-meier', value: 4 * H });
    expect(timeToResolution(tickets, { resolution: 'full' })).toMatchObject({ value: 4 * H, min: 2 * H });
    expect(timeToResolution(tickets, { resolution: 'first' })).toMatchObject({ value: 2 * H, min: 1 * H });
    expect(timeToResolution(tickets, { interval: { method: 'order-statistics', level: 0.5 } }).interval).toStrictEqual({
      lower: 2 * H,
      upper: 6 * H,
      level: 0.5,
      method: 'order-statistics',
      standardError: null,
      clamped: false,
      coverage: 0.75,
    });

    expect(refusal(() => timeToResolution(tickets, { statistic: 'p90' as never }))).toStrictEqual(
      ttr('invalid-value', ['options', 'statistic'], 'expected "median" or "mean", received "p90"'),
    );
    expect(refusal(() => timeToResolution(tickets, { open: 'drop' as never }))).toStrictEqual(
      ttr('invalid-value', ['options', 'open'], 'expected "exclude" or "censor", received "drop"'),
    );
    expect(refusal(() => timeToResolution(tickets, { resolution: 'last' as never }))).toStrictEqual(
      ttr('invalid-value', ['options', 'resolution'], 'expected "full" or "first", received "last"'),
    );
    expect(refusal(() => timeToResolution(tickets, { interval: { method: 'wilson' as never } }))).toStrictEqual(
      ttr('invalid-value', ['options', 'interval', 'method'], 'expected "order-statistics", received "wilson"'),
    );
    const asOfAlone = ttr('inconsistent', ['options', 'asOf'], `expected asOf only with open: 'censor', received open: "exclude"`);
    expect(refusal(() => timeToResolution(tickets, { asOf: 6 * H }))).toStrictEqual(asOfAlone);
    expect(refusal(() => timeToResolution(tickets, { open: 'exclude', asOf: 6 * H }))).toStrictEqual(asOfAlone);
    expect(refusal(() => timeToResolution(tickets, { statistic: 'mean', interval: true }))).toStrictEqual(
      ttr(
        'inconsistent',
        ['options', 'interval'],
        `expected an interval only with statistic: 'median' (the interval is the median's), received statistic: "mean"`,
      ),
    );
    expect(refusal(() => timeToResolution(tickets, { open: 'censor' }))).toStrictEqual(
      ttr('missing-value', ['options', 'asOf'], "expected asOf (when the data was taken) with open: 'censor', received undefined"),
    );
  });

  it('parses the shared options with their defaults: median, open tickets left out, no asOf, hours or interval', () => {
    expect(durationOptionSettings('timeToResolution', {}, true)).toStrictEqual({
      statistic: 'median',
      open: 'exclude',
      asOf: null,
      hours: null,
      interval: null,
      format: { decimals: null, rounding: 'half-up' },
    });
    expect(
      durationOptionSettings(
        'firstResponseTime',
        { statistic: 'mean', open: 'censor', asOf: '1970-01-01T01:00:00+01:00', decimals: 2, rounding: 'half-even' },
        true,
      ),
    ).toStrictEqual({
      statistic: 'mean',
      open: 'censor',
      asOf: 0,
      hours: null,
      interval: null,
      format: { decimals: 2, rounding: 'half-even' },
    });
    expect(durationOptionSettings('timeToResolution', { open: 'censor', interval: true }, false)).toMatchObject({
      open: 'censor',
      asOf: null,
      interval: { level: 0.95, method: 'order-statistics' },
    });
  });

  it('gives whole results under each option', () => {
    // Two reopened tickets, one resolved once, one open: hours from opening.
    const tickets = [
      { openedAt: 0, firstResolvedAt: 1 * H, resolvedAt: 5 * H },
      { openedAt: 0, firstResolvedAt: 2 * H, resolvedAt: 3 * H },
      { openedAt: 1 * H, resolvedAt: 8 * H },
      { openedAt: 2 * H, firstResolvedAt: 4 * H, resolvedAt: null },
    ];
    const base = {
      metric: 'timeToResolution',
      unit: 'milliseconds',
      warnings: [{ code: 'small-sample', message: 'a sample of 3: fewer than 30, so the estimate is imprecise' }],
    };
    expect(timeToResolution(tickets)).toStrictEqual({
      ...base,
      value: 5 * H,
      statistic: 'median',
      estimator: 'empirical',
      mean: 5 * H,
      median: 5 * H,
      p90: 7 * H,
      p95: 7 * H,
      min: 3 * H,
      max: 7 * H,
      resolved: 3,
      open: 1,
    });
    expect(timeToResolution(tickets, { resolution: 'first', statistic: 'mean', decimals: 1 })).toStrictEqual({
      ...base,
      warnings: [{ code: 'small-sample', message: 'a sample of 4: fewer than 30, so the estimate is imprecise' }],
      value: 3 * H,
      statistic: 'mean',
      estimator: 'empirical',
      mean: 3 * H,
      median: 2 * H,
      p90: 7 * H,
      p95: 7 * H,
      min: 1 * H,
      max: 7 * H,
      resolved: 4,
      open: 0,
    });
    // Censored at 10 h, the open ticket has waited 8 h, longer than every resolution. Kaplan-Meier: S = 3/4
    // after 3 h, 2/4 after 5 h (flat at the median until 7 h: the median is 6 h), 1/4 after 7 h; the restricted
    // mean up to 8 h is 3 + 2 * 3/4 + 2 * 2/4 + 1 * 1/4 = 5.75 h.
    expect(timeToResolution(tickets, { open: 'censor', asOf: 10 * H })).toStrictEqual({
      ...base,
      value: 6 * H,
      statistic: 'median',
      estimator: 'kaplan-meier',
      mean: 5.75 * H,
      median: 6 * H,
      p90: null,
      p95: null,
      min: 3 * H,
      max: 7 * H,
      resolved: 3,
      open: 1,
    });
    expect(timeToResolutionCounts(tickets, { open: 'censor', asOf: 10 * H, resolution: 'full' })).toStrictEqual({
      metric: 'timeToResolution',
      resolved: [5 * H, 3 * H, 7 * H],
      censored: [8 * H],
      open: 1,
    });
  });
});

describe('firstContactResolution: options, tallies and tickets', () => {
  it('takes each denominator and words each refusal of an option, a tally or a ticket', () => {
    const tickets = [
      { contacts: 1, resolved: true },
      { contacts: 2, resolved: true },
      { contacts: 1, resolved: false },
      { contacts: 1, resolved: true, reopened: true },
    ];
    expect(firstContactResolution(tickets, { denominator: 'resolved' })).toMatchObject({ denominator: 'resolved', value: 100 / 3 });
    expect(firstContactResolution(tickets, { denominator: 'all' })).toMatchObject({ denominator: 'all', value: 25 });
    expect(refusal(() => firstContactResolution(tickets, { denominator: 'some' as never }))).toStrictEqual(
      fcr('invalid-value', ['options', 'denominator'], 'expected "resolved" or "all", received "some"'),
    );

    expect(refusal(() => firstContactResolutionFromCounts(5 as never))).toStrictEqual(
      fcr('invalid-type', ['counts'], 'expected an FCR tally { total, resolved, resolvedFirstContact }, received 5'),
    );
    expect(refusal(() => firstContactResolutionFromCounts({ metric: 'nps', total: 1, resolved: 1, resolvedFirstContact: 1 } as never))).toStrictEqual(
      fcr('invalid-value', ['counts', 'metric'], 'expected "firstContactResolution", received "nps"'),
    );
    expect(refusal(() => firstContactResolutionFromCounts({ total: 5, resolved: 6, resolvedFirstContact: 1 }))).toStrictEqual(
      fcr('inconsistent', ['counts', 'resolved'], 'expected at most total (5) resolved tickets, received 6'),
    );
    expect(refusal(() => firstContactResolutionFromCounts({ total: 5, resolved: 3, resolvedFirstContact: 4 }))).toStrictEqual(
      fcr('inconsistent', ['counts', 'resolvedFirstContact'], 'expected at most resolved (3) tickets resolved at first contact, received 4'),
    );

    expect(refusal(() => firstContactResolution(null as never))).toStrictEqual(
      fcr('invalid-type', ['tickets'], 'expected an array of tickets { contacts, resolved, reopened? } or of booleans, received null'),
    );
    expect(refusal(() => firstContactResolution([true, 'yes' as never]))).toStrictEqual(
      fcr('invalid-type', ['tickets', 1], 'expected a boolean survey answer like the first element, received "yes"'),
    );
    expect(refusal(() => firstContactResolution([false, null as never]))).toStrictEqual(
      fcr('missing-value', ['tickets', 1], 'expected a boolean survey answer like the first element, received null'),
    );
    expect(refusal(() => firstContactResolution([{ contacts: 0, resolved: true }]))).toStrictEqual(
      fcr('out-of-range', ['tickets', 0, 'contacts'], 'expected an integer number of contacts, 1 or more, received 0'),
    );
    expect(refusal(() => firstContactResolution([{ contacts: 1.5, resolved: true }]))).toStrictEqual(
      fcr('out-of-range', ['tickets', 0, 'contacts'], 'expected an integer number of contacts, 1 or more, received 1.5'),
    );
    expect(refusal(() => firstContactResolution([{ contacts: '1' as never, resolved: true }]))).toStrictEqual(
      fcr('invalid-type', ['tickets', 0, 'contacts'], 'expected an integer number of contacts, 1 or more, received "1"'),
    );
    expect(refusal(() => firstContactResolution([{ contacts: 1, resolved: 'yes' as never }]))).toStrictEqual(
      fcr('invalid-type', ['tickets', 0, 'resolved'], 'expected a boolean, received "yes"'),
    );
    expect(refusal(() => firstContactResolution([{ contacts: 1, resolved: true, reopened: 1 as never }]))).toStrictEqual(
      fcr('invalid-type', ['tickets', 0, 'reopened'], 'expected a boolean, or absent, received 1'),
    );
    expect(refusal(() => firstContactResolution([{ contacts: 1, resolved: true }, 'x' as never]))).toStrictEqual(
      fcr('invalid-type', ['tickets', 1], 'expected a ticket { contacts, resolved, reopened? } like the first element, received "x"'),
    );
    expect(refusal(() => firstContactResolution([{ contacts: 1, resolved: true }, true as never]))).toStrictEqual(
      fcr('invalid-type', ['tickets', 1], 'expected a ticket { contacts, resolved, reopened? } like the first element, received true'),
    );
  });

  it('gives null, not a rounded number, for a zero denominator under any rounding', () => {
    const empty = {
      metric: 'firstContactResolution',
      unit: 'percent',
      value: null,
      denominator: 'resolved',
      resolved: 0,
      resolvedFirstContact: 0,
      total: 0,
      repeatContactPercent: null,
      warnings: [],
    };
    expect(firstContactResolution([], { decimals: 1 })).toStrictEqual(empty);
    expect(firstContactResolution([{ contacts: 1, resolved: false }], { decimals: 0, rounding: 'half-even' })).toStrictEqual({ ...empty, total: 1 });
    expect(
      firstContactResolutionFromCounts({ total: 0, resolved: 0, resolvedFirstContact: 0 }, { denominator: 'all', decimals: 2, interval: true }),
    ).toStrictEqual({
      ...empty,
      denominator: 'all',
      interval: null,
    });
  });

  it('rounds the value and its complement to the same decimals', () => {
    expect(firstContactResolutionFromCounts({ total: 7, resolved: 6, resolvedFirstContact: 4 }, { decimals: 1 })).toMatchObject({
      value: 66.7,
      repeatContactPercent: 33.3,
    });
    expect(firstContactResolutionFromCounts({ total: 7, resolved: 6, resolvedFirstContact: 4 }, { denominator: 'all', decimals: 2 })).toMatchObject({
      value: 57.14,
      repeatContactPercent: 42.86,
    });
  });
});
