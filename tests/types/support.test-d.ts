import { describe, expectTypeOf, it } from 'vitest';
import type { Interval, IntervalOption } from '../../src/core/stats/interval-fields.js';
import type { ProportionMethod } from '../../src/core/stats/proportion-intervals.js';
import type { Warning } from '../../src/core/stats/warnings.js';
import {
  type BusinessHours,
  type FirstContactResolutionCounts,
  type FirstContactResolutionOptions,
  type FirstContactResolutionResult,
  type FirstContactResolutionTicket,
  type FirstResponseTimeCounts,
  type FirstResponseTimeInterval,
  type FirstResponseTimeOptions,
  type FirstResponseTimeResult,
  type FirstResponseTimeTicket,
  firstContactResolution,
  firstContactResolutionCounts,
  firstContactResolutionFromCounts,
  firstResponseTime,
  firstResponseTimeCounts,
  firstResponseTimeFromCounts,
  mergeCounts,
  type TicketTime,
  type TimeToResolutionCounts,
  type TimeToResolutionOptions,
  type TimeToResolutionResult,
  type TimeToResolutionTicket,
  timeToResolution,
  timeToResolutionCounts,
  timeToResolutionFromCounts,
  type Weekday,
} from '../../src/index.js';
import type { TimeToResolutionInterval } from '../../src/metrics/time-to-resolution.js';

describe('firstContactResolution signatures', () => {
  it('takes tickets or survey answers, returns FirstContactResolutionResult', () => {
    expectTypeOf(firstContactResolution([{ contacts: 1, resolved: true }])).toEqualTypeOf<FirstContactResolutionResult>();
    expectTypeOf(firstContactResolution([true, false])).toEqualTypeOf<FirstContactResolutionResult>();
    expectTypeOf(firstContactResolution([{ contacts: 2, resolved: true, reopened: false }], { denominator: 'all', decimals: 1 }).value).toEqualTypeOf<
      number | null
    >();
    expectTypeOf<FirstContactResolutionResult['metric']>().toEqualTypeOf<'firstContactResolution'>();
    expectTypeOf<FirstContactResolutionResult['unit']>().toEqualTypeOf<'percent'>();
    expectTypeOf<FirstContactResolutionResult['repeatContactPercent']>().toEqualTypeOf<number | null>();
    expectTypeOf<FirstContactResolutionOptions['denominator']>().toEqualTypeOf<'resolved' | 'all' | undefined>();
    expectTypeOf<readonly FirstContactResolutionTicket[]>().toExtend<Parameters<typeof firstContactResolution>[0]>();
  });
  it('rejects what the types do not allow', () => {
    // @ts-expect-error contacts is required
    firstContactResolution([{ resolved: true }]);
    // @ts-expect-error resolved is a boolean
    firstContactResolution([{ contacts: 1, resolved: 'yes' }]);
    // @ts-expect-error unknown option
    firstContactResolution([true], { denominators: 'all' });
    // @ts-expect-error denominator is one of two names
    firstContactResolution([true], { denominator: 'contacts' });
  });
  it('tallies are typed and merge to their own type', () => {
    expectTypeOf(firstContactResolutionCounts([true])).toEqualTypeOf<FirstContactResolutionCounts>();
    expectTypeOf(mergeCounts(firstContactResolutionCounts([true]), firstContactResolutionCounts([false]))).toEqualTypeOf<FirstContactResolutionCounts>();
    expectTypeOf(firstContactResolutionFromCounts({ total: 3, resolved: 2, resolvedFirstContact: 1 })).toEqualTypeOf<FirstContactResolutionResult>();
    const r = firstContactResolution([true]);
    // @ts-expect-error results are readonly
    r.value = 1;
  });
});

describe('timeToResolution signatures', () => {
  it('takes Date, ISO strings and epoch milliseconds, returns TimeToResolutionResult', () => {
    expectTypeOf<TicketTime>().toEqualTypeOf<Date | string | number>();
    const tickets: TimeToResolutionTicket[] = [
      { openedAt: new Date(0), resolvedAt: '2026-03-02T09:00:00Z' },
      { openedAt: 0, resolvedAt: null },
      { openedAt: '2026-03-02T09:00:00+01:00', firstResolvedAt: 5, resolvedAt: undefined },
      { openedAt: 0 },
    ];
    expectTypeOf(timeToResolution(tickets)).toEqualTypeOf<TimeToResolutionResult>();
    expectTypeOf(timeToResolution(tickets).median).toEqualTypeOf<number | null>();
    expectTypeOf<TimeToResolutionResult['unit']>().toEqualTypeOf<'milliseconds'>();
    expectTypeOf<TimeToResolutionResult['estimator']>().toEqualTypeOf<'empirical' | 'kaplan-meier'>();
    expectTypeOf<TimeToResolutionOptions['open']>().toEqualTypeOf<'exclude' | 'censor' | undefined>();
    expectTypeOf<TimeToResolutionOptions['resolution']>().toEqualTypeOf<'full' | 'first' | undefined>();
    expectTypeOf<TimeToResolutionOptions['statistic']>().toEqualTypeOf<'median' | 'mean' | undefined>();
    expectTypeOf<keyof BusinessHours['days']>().toEqualTypeOf<Weekday>();
  });
  it('takes every option', () => {
    const hours: BusinessHours = { timeZone: 'Europe/Amsterdam', days: { mon: ['09:00', '18:00'], sat: ['10:00', '14:00'] }, holidays: ['2026-12-25'] };
    expectTypeOf(
      timeToResolution([{ openedAt: 0 }], {
        open: 'censor',
        asOf: new Date(1),
        resolution: 'first',
        statistic: 'mean',
        businessHours: hours,
        decimals: 0,
        rounding: 'half-even',
      }),
    ).toEqualTypeOf<TimeToResolutionResult>();
  });
  it('rejects what the types do not allow', () => {
    // @ts-expect-error openedAt is required
    timeToResolution([{ resolvedAt: 0 }]);
    // @ts-expect-error a boolean is not a time
    timeToResolution([{ openedAt: true }]);
    // @ts-expect-error unknown weekday key
    timeToResolution([], { businessHours: { timeZone: 'UTC', days: { monday: ['09:00', '18:00'] } } });
    // @ts-expect-error hours are a pair
    timeToResolution([], { businessHours: { timeZone: 'UTC', days: { mon: ['09:00'] } } });
    // @ts-expect-error statistic is median or mean
    timeToResolution([], { statistic: 'p90' });
  });
  it('tallies are typed and merge to their own type', () => {
    expectTypeOf(timeToResolutionCounts([{ openedAt: 0 }])).toEqualTypeOf<TimeToResolutionCounts>();
    expectTypeOf<TimeToResolutionCounts['resolved']>().toEqualTypeOf<readonly number[]>();
    expectTypeOf(mergeCounts(timeToResolutionCounts([]), timeToResolutionCounts([]))).toEqualTypeOf<TimeToResolutionCounts>();
    expectTypeOf(timeToResolutionFromCounts({ resolved: [1, 2], open: 0 })).toEqualTypeOf<TimeToResolutionResult>();
    expectTypeOf(timeToResolutionFromCounts({ resolved: [1], censored: [2], open: 1 }, { open: 'censor' })).toEqualTypeOf<TimeToResolutionResult>();
  });
});

describe('firstResponseTime signatures', () => {
  it('takes Date, ISO strings and epoch milliseconds, returns FirstResponseTimeResult', () => {
    const tickets: FirstResponseTimeTicket[] = [
      { openedAt: new Date(0), firstRespondedAt: '2026-03-02T09:00:00Z' },
      { openedAt: 0, firstRespondedAt: null },
      { openedAt: '2026-03-02T09:00:00+01:00', firstRespondedAt: undefined },
      { openedAt: 0 },
    ];
    expectTypeOf(firstResponseTime(tickets)).toEqualTypeOf<FirstResponseTimeResult>();
    expectTypeOf(firstResponseTime(tickets).median).toEqualTypeOf<number | null>();
    expectTypeOf<FirstResponseTimeResult['metric']>().toEqualTypeOf<'firstResponseTime'>();
    expectTypeOf<FirstResponseTimeResult['unit']>().toEqualTypeOf<'milliseconds'>();
    expectTypeOf<FirstResponseTimeResult['responded']>().toEqualTypeOf<number>();
    expectTypeOf<FirstResponseTimeResult['estimator']>().toEqualTypeOf<'empirical' | 'kaplan-meier'>();
    expectTypeOf<FirstResponseTimeOptions['open']>().toEqualTypeOf<'exclude' | 'censor' | undefined>();
    expectTypeOf<FirstResponseTimeOptions['statistic']>().toEqualTypeOf<'median' | 'mean' | undefined>();
    // Other fields of a ticket are allowed: the records of timeToResolution feed this metric too.
    const records = [{ id: 7, openedAt: 0, firstRespondedAt: 60_000, resolvedAt: 120_000 }];
    expectTypeOf(firstResponseTime(records)).toEqualTypeOf<FirstResponseTimeResult>();
  });
  it('takes every option', () => {
    const hours: BusinessHours = { timeZone: 'Europe/Amsterdam', days: { mon: ['09:00', '18:00'] } };
    expectTypeOf(
      firstResponseTime([{ openedAt: 0 }], { open: 'censor', asOf: new Date(1), statistic: 'mean', businessHours: hours, decimals: 0, rounding: 'half-even' }),
    ).toEqualTypeOf<FirstResponseTimeResult>();
  });
  it('rejects what the types do not allow', () => {
    // @ts-expect-error openedAt is required
    firstResponseTime([{ firstRespondedAt: 0 }]);
    // @ts-expect-error a boolean is not a time
    firstResponseTime([{ openedAt: 0, firstRespondedAt: true }]);
    // @ts-expect-error there is one first response: no resolution option
    firstResponseTime([], { resolution: 'first' });
    // @ts-expect-error statistic is median or mean
    firstResponseTime([], { statistic: 'p90' });
  });
  it('tallies are typed and merge to their own type', () => {
    expectTypeOf(firstResponseTimeCounts([{ openedAt: 0 }])).toEqualTypeOf<FirstResponseTimeCounts>();
    expectTypeOf<FirstResponseTimeCounts['responded']>().toEqualTypeOf<readonly number[]>();
    expectTypeOf(mergeCounts(firstResponseTimeCounts([]), firstResponseTimeCounts([]))).toEqualTypeOf<FirstResponseTimeCounts>();
    expectTypeOf(firstResponseTimeFromCounts({ responded: [1, 2], open: 0 })).toEqualTypeOf<FirstResponseTimeResult>();
    expectTypeOf(firstResponseTimeFromCounts({ responded: [1], censored: [2], open: 1 }, { open: 'censor' })).toEqualTypeOf<FirstResponseTimeResult>();
    // @ts-expect-error a TTR tally is not an FRT tally
    firstResponseTimeFromCounts({ resolved: [1], open: 0 });
  });
});

describe('intervals and warnings', () => {
  it('firstContactResolution takes a proportion interval on either denominator', () => {
    expectTypeOf<FirstContactResolutionOptions['interval']>().toEqualTypeOf<IntervalOption<ProportionMethod> | undefined>();
    expectTypeOf<FirstContactResolutionResult['interval']>().toEqualTypeOf<Interval | null | undefined>();
    expectTypeOf<FirstContactResolutionResult['warnings']>().toEqualTypeOf<readonly Warning[]>();
    expectTypeOf(
      firstContactResolution([true], { denominator: 'all', interval: { level: 0.9, method: 'wald' } }),
    ).toEqualTypeOf<FirstContactResolutionResult>();
    expectTypeOf(firstContactResolutionCounts([true], { interval: true })).toEqualTypeOf<FirstContactResolutionCounts>();
    // @ts-expect-error the proportion methods only
    firstContactResolution([true], { interval: { method: 'order-statistics' } });
  });

  it('timeToResolution takes the order-statistics interval of the median, with its coverage', () => {
    expectTypeOf<TimeToResolutionOptions['interval']>().toEqualTypeOf<IntervalOption<'order-statistics'> | undefined>();
    expectTypeOf<TimeToResolutionResult['interval']>().toEqualTypeOf<TimeToResolutionInterval | null | undefined>();
    expectTypeOf<TimeToResolutionInterval['coverage']>().toEqualTypeOf<number>();
    expectTypeOf<TimeToResolutionInterval>().toExtend<Interval>();
    expectTypeOf<TimeToResolutionResult['warnings']>().toEqualTypeOf<readonly Warning[]>();
    expectTypeOf(timeToResolutionFromCounts({ resolved: [1, 2], open: 0 }, { interval: { level: 0.9 } })).toEqualTypeOf<TimeToResolutionResult>();
    // @ts-expect-error order statistics only
    timeToResolution([], { interval: { method: 'wilson' } });
    const r = timeToResolution([], { interval: true });
    // @ts-expect-error results are readonly
    r.interval = null;
  });

  it('firstResponseTime takes the order-statistics interval of the median, with its coverage', () => {
    expectTypeOf<FirstResponseTimeOptions['interval']>().toEqualTypeOf<IntervalOption<'order-statistics'> | undefined>();
    expectTypeOf<FirstResponseTimeResult['interval']>().toEqualTypeOf<FirstResponseTimeInterval | null | undefined>();
    expectTypeOf<FirstResponseTimeInterval['coverage']>().toEqualTypeOf<number>();
    expectTypeOf<FirstResponseTimeInterval>().toExtend<Interval>();
    expectTypeOf<FirstResponseTimeResult['warnings']>().toEqualTypeOf<readonly Warning[]>();
    // @ts-expect-error order statistics only
    firstResponseTime([], { interval: { method: 'wilson' } });
    const r = firstResponseTime([], { interval: true });
    // @ts-expect-error results are readonly
    r.interval = null;
  });
});
