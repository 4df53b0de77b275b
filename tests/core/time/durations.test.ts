/**
 * Ticket durations (core/time/durations.ts), through the two metrics that
 * measure them, time to resolution and first response time: every refusal
 * with its code, path and message, the bounds of a duration (2^53
 * milliseconds, and 100 years under business hours) at and just past them,
 * censoring at `asOf`, and reading durations back from a tally.
 */
import { describe, expect, it } from 'vitest';
import type { MetricsError } from '../../../src/core/contract/errors.js';
import { DAY_MS } from '../../../src/core/time/time.js';
import {
  type BusinessHours,
  firstResponseTime,
  firstResponseTimeCounts,
  firstResponseTimeFromCounts,
  timeToResolution,
  timeToResolutionCounts,
  timeToResolutionFromCounts,
} from '../../../src/index.js';

const MIN = 60_000;
const H = 60 * MIN;
const at = (iso: string): number => Date.parse(iso);
const EXPECTATION = 'a time (a Date, an ISO-8601 string with an offset or Z, or integer epoch milliseconds)';
const DURATION = 'expected a duration in milliseconds (a non-negative integer), received';
const TTR_SHAPE = '{ openedAt, resolvedAt?, firstResolvedAt? }';
const FRT_SHAPE = '{ openedAt, firstRespondedAt? }';
const ALL_DAY = ['00:00', '24:00'] as const;
const EVERY_DAY: BusinessHours = {
  timeZone: 'UTC',
  days: { sun: ALL_DAY, mon: ALL_DAY, tue: ALL_DAY, wed: ALL_DAY, thu: ALL_DAY, fri: ALL_DAY, sat: ALL_DAY },
};
const WEEKDAYS: BusinessHours = {
  timeZone: 'Europe/Amsterdam',
  days: { mon: ['09:00', '17:00'], tue: ['09:00', '17:00'], wed: ['09:00', '17:00'], thu: ['09:00', '17:00'], fri: ['09:00', '17:00'] },
};

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
const ttr = (code: string, path: (string | number)[], message: string) => ({ metric: 'timeToResolution', issues: [{ code, path, message }] });
const frt = (code: string, path: (string | number)[], message: string) => ({ metric: 'firstResponseTime', issues: [{ code, path, message }] });

describe('reading durations back from a tally', () => {
  it('words each malformed tally and duration at its path', () => {
    expect(refusal(() => timeToResolutionFromCounts(5 as never))).toStrictEqual(
      ttr('invalid-type', ['counts'], 'expected a TTR tally { resolved, censored?, open }, received 5'),
    );
    expect(refusal(() => timeToResolutionFromCounts({ metric: 'nps', resolved: [], open: 0 } as never))).toStrictEqual(
      ttr('invalid-value', ['counts', 'metric'], 'expected "timeToResolution", received "nps"'),
    );
    expect(refusal(() => timeToResolutionFromCounts({ resolved: 5 as never, open: 0 }))).toStrictEqual(
      ttr('invalid-value', ['counts', 'resolved'], 'expected an array of durations in milliseconds, received 5'),
    );
    expect(refusal(() => timeToResolutionFromCounts({ resolved: [], censored: 'none' as never, open: 0 }))).toStrictEqual(
      ttr('invalid-value', ['counts', 'censored'], 'expected an array of durations in milliseconds, received "none"'),
    );
    expect(refusal(() => firstResponseTimeFromCounts({ responded: {} as never, open: 0 }))).toStrictEqual(
      frt('invalid-value', ['counts', 'responded'], 'expected an array of durations in milliseconds, received an object'),
    );
    const bad: [unknown, string, string][] = [
      [-1, 'out-of-range', '-1'],
      [1.5, 'out-of-range', '1.5'],
      [2 ** 53, 'out-of-range', '9007199254740992'],
      [Number.NaN, 'out-of-range', 'NaN'],
      [undefined, 'missing-value', 'undefined'],
      [null, 'missing-value', 'null'],
      ['1', 'invalid-type', '"1"'],
      [1n, 'invalid-type', '1n'],
    ];
    for (const [x, code, received] of bad) {
      expect(refusal(() => timeToResolutionFromCounts({ resolved: [0, x as number], open: 0 }))).toStrictEqual(
        ttr(code, ['counts', 'resolved', 1], `${DURATION} ${received}`),
      );
      expect(refusal(() => timeToResolutionFromCounts({ resolved: [], censored: [x as number], open: 1 }, { open: 'censor' }))).toStrictEqual(
        ttr(code, ['counts', 'censored', 0], `${DURATION} ${received}`),
      );
      expect(refusal(() => firstResponseTimeFromCounts({ responded: [x as number], open: 0 }))).toStrictEqual(
        frt(code, ['counts', 'responded', 0], `${DURATION} ${received}`),
      );
    }
    // A hole in a list is a missing duration.
    // biome-ignore lint/suspicious/noSparseArray: the hole is the point.
    const holey = [1, , 3] as number[];
    expect(refusal(() => timeToResolutionFromCounts({ resolved: holey, open: 0 }))).toStrictEqual(
      ttr('missing-value', ['counts', 'resolved', 1], `${DURATION} undefined`),
    );
  });

  it('takes durations from 0 to 2^53 - 1 milliseconds', () => {
    expect(timeToResolutionFromCounts({ resolved: [0, Number.MAX_SAFE_INTEGER], open: 0 })).toMatchObject({ min: 0, max: Number.MAX_SAFE_INTEGER });
  });

  it('needs a censored duration for each open ticket when there are any, or under open: censor', () => {
    const mismatch = (n: number, received: number, hint: string, metric = 'timeToResolution', tickets = 'open tickets') => ({
      metric,
      issues: [
        {
          code: 'inconsistent',
          path: ['counts', 'censored'],
          message: `expected a censored duration for each of the ${n} ${tickets}${hint}, received ${received}`,
        },
      ],
    });
    const hint = " (tally with open: 'censor' and asOf)";
    expect(refusal(() => timeToResolutionFromCounts({ resolved: [1], open: 2 }, { open: 'censor' }))).toStrictEqual(mismatch(2, 0, hint));
    expect(refusal(() => timeToResolutionFromCounts({ resolved: [1], censored: [], open: 2 }, { open: 'censor' }))).toStrictEqual(mismatch(2, 0, hint));
    expect(refusal(() => timeToResolutionFromCounts({ resolved: [1], censored: [5], open: 2 }))).toStrictEqual(mismatch(2, 1, ''));
    expect(refusal(() => timeToResolutionFromCounts({ resolved: [1], censored: [5, 6, 7], open: 2 }, { open: 'censor' }))).toStrictEqual(mismatch(2, 3, ''));
    expect(refusal(() => timeToResolutionFromCounts({ resolved: [1], censored: [5], open: 0 }))).toStrictEqual(mismatch(0, 1, ''));
    expect(refusal(() => firstResponseTimeFromCounts({ responded: [1], open: 1 }, { open: 'censor' }))).toStrictEqual(
      mismatch(1, 0, hint, 'firstResponseTime', 'unanswered tickets'),
    );
    // Under exclude, open tickets need no censored durations.
    expect(timeToResolutionFromCounts({ resolved: [1000, 3000], open: 2 })).toMatchObject({ value: 2000, resolved: 2, open: 2 });
    expect(timeToResolutionFromCounts({ resolved: [1000], censored: [], open: 3 }, { open: 'exclude' })).toMatchObject({ value: 1000, open: 3 });
    expect(firstResponseTimeFromCounts({ responded: [], open: 4 })).toMatchObject({ value: null, responded: 0, open: 4 });
  });
});

describe('refusing tickets', () => {
  it('names the shape of a ticket when the tickets are not an array or a ticket is not a plain object', () => {
    expect(refusal(() => timeToResolution(null as never))).toStrictEqual(
      ttr('invalid-type', ['tickets'], `expected an array of tickets ${TTR_SHAPE}, received null`),
    );
    expect(refusal(() => firstResponseTime({} as never))).toStrictEqual(
      frt('invalid-type', ['tickets'], `expected an array of tickets ${FRT_SHAPE}, received an object`),
    );
    const element: [unknown, string, string][] = [
      [undefined, 'missing-value', 'undefined'],
      [null, 'missing-value', 'null'],
      ['ticket', 'invalid-type', '"ticket"'],
      [new Map(), 'invalid-type', 'an object'],
      [[0, 1], 'invalid-type', 'an array'],
    ];
    for (const [ticket, code, received] of element) {
      expect(refusal(() => timeToResolution([{ openedAt: 0 }, ticket as never]))).toStrictEqual(
        ttr(code, ['tickets', 1], `expected a ticket ${TTR_SHAPE} (a plain object), received ${received}`),
      );
      expect(refusal(() => firstResponseTimeCounts([ticket as never]))).toStrictEqual(
        frt(code, ['tickets', 0], `expected a ticket ${FRT_SHAPE} (a plain object), received ${received}`),
      );
    }
    // biome-ignore lint/suspicious/noSparseArray: the hole is the point.
    const holey = [{ openedAt: 0 }, , { openedAt: 0 }] as never[];
    expect(refusal(() => timeToResolution(holey))).toStrictEqual(
      ttr('missing-value', ['tickets', 1], `expected a ticket ${TTR_SHAPE} (a plain object), received undefined`),
    );
  });

  it('says a time of the wrong type may be null for an open ticket, except the opening', () => {
    expect(refusal(() => timeToResolution([{ openedAt: true as never }]))).toStrictEqual(
      ttr('invalid-type', ['tickets', 0, 'openedAt'], `expected ${EXPECTATION}, received true`),
    );
    expect(refusal(() => timeToResolution([{ openedAt: 0, resolvedAt: true as never }]))).toStrictEqual(
      ttr('invalid-type', ['tickets', 0, 'resolvedAt'], `expected ${EXPECTATION}, received true, or null for an open ticket`),
    );
    expect(refusal(() => timeToResolution([{ openedAt: 0, firstResolvedAt: {} as never }]))).toStrictEqual(
      ttr('invalid-type', ['tickets', 0, 'firstResolvedAt'], `expected ${EXPECTATION}, received an object, or null for an open ticket`),
    );
    expect(refusal(() => firstResponseTime([{ openedAt: 0, firstRespondedAt: 5n as never }]))).toStrictEqual(
      frt('invalid-type', ['tickets', 0, 'firstRespondedAt'], `expected ${EXPECTATION}, received 5n, or null for an unanswered ticket`),
    );
    expect(refusal(() => firstResponseTime([{ openedAt: [0] as never }]))).toStrictEqual(
      frt('invalid-type', ['tickets', 0, 'openedAt'], `expected ${EXPECTATION}, received an array`),
    );
  });

  it('gives a time of the right type but a bad value its own reason, without the hint', () => {
    expect(refusal(() => timeToResolution([{ openedAt: 0, resolvedAt: 'soon' }]))).toStrictEqual(
      ttr('invalid-value', ['tickets', 0, 'resolvedAt'], 'expected an ISO-8601 time with an offset, such as "2026-03-02T09:00:00+01:00", received "soon"'),
    );
    expect(refusal(() => timeToResolution([{ openedAt: 0, resolvedAt: 1.5 }]))).toStrictEqual(
      ttr('out-of-range', ['tickets', 0, 'resolvedAt'], 'expected integer epoch milliseconds within the range of a Date, received 1.5'),
    );
    expect(refusal(() => timeToResolution([{ openedAt: 0, firstResolvedAt: new Date(Number.NaN) }]))).toStrictEqual(
      ttr('invalid-value', ['tickets', 0, 'firstResolvedAt'], 'expected a valid Date, received an invalid Date'),
    );
    expect(refusal(() => firstResponseTime([{ openedAt: 0, firstRespondedAt: Number.NaN }]))).toStrictEqual(
      frt('invalid-value', ['tickets', 0, 'firstRespondedAt'], `expected ${EXPECTATION}, received NaN`),
    );
    expect(refusal(() => timeToResolution([{} as never]))).toStrictEqual(
      ttr('missing-value', ['tickets', 0, 'openedAt'], `expected ${EXPECTATION}, received undefined`),
    );
    expect(refusal(() => timeToResolution([{ openedAt: '2026-03-02T09:00' }]))).toStrictEqual(
      ttr(
        'invalid-value',
        ['tickets', 0, 'openedAt'],
        'expected an ISO-8601 time with an offset or Z (a time without one is ambiguous), received "2026-03-02T09:00"',
      ),
    );
  });

  it('refuses times out of order, each at its field', () => {
    expect(refusal(() => timeToResolution([{ openedAt: 10, resolvedAt: 9 }]))).toStrictEqual(
      ttr('inconsistent', ['tickets', 0, 'resolvedAt'], 'expected resolvedAt at or after openedAt'),
    );
    expect(refusal(() => timeToResolution([{ openedAt: 10, firstResolvedAt: 9, resolvedAt: 20 }]))).toStrictEqual(
      ttr('inconsistent', ['tickets', 0, 'firstResolvedAt'], 'expected firstResolvedAt at or after openedAt'),
    );
    expect(refusal(() => timeToResolution([{ openedAt: 10, firstResolvedAt: 21, resolvedAt: 20 }]))).toStrictEqual(
      ttr('inconsistent', ['tickets', 0, 'firstResolvedAt'], 'expected the first resolution at or before resolvedAt'),
    );
    expect(refusal(() => firstResponseTime([{ openedAt: 10, firstRespondedAt: 9 }]))).toStrictEqual(
      frt('inconsistent', ['tickets', 0, 'firstRespondedAt'], 'expected firstRespondedAt at or after openedAt'),
    );
    const censor = { open: 'censor', asOf: 100 } as const;
    expect(refusal(() => timeToResolution([{ openedAt: 101 }], censor))).toStrictEqual(
      ttr('inconsistent', ['tickets', 0, 'openedAt'], 'expected openedAt at or before options.asOf'),
    );
    expect(refusal(() => timeToResolution([{ openedAt: 0, resolvedAt: 101 }], censor))).toStrictEqual(
      ttr('inconsistent', ['tickets', 0, 'resolvedAt'], 'expected resolvedAt at or before options.asOf'),
    );
    expect(refusal(() => timeToResolution([{ openedAt: 0, firstResolvedAt: 101 }], censor))).toStrictEqual(
      ttr('inconsistent', ['tickets', 0, 'firstResolvedAt'], 'expected firstResolvedAt at or before options.asOf'),
    );
    expect(refusal(() => firstResponseTime([{ openedAt: 0, firstRespondedAt: 101 }], censor))).toStrictEqual(
      frt('inconsistent', ['tickets', 0, 'firstRespondedAt'], 'expected firstRespondedAt at or before options.asOf'),
    );
  });

  it('takes times that are equal where they must only be in order', () => {
    const censor = { open: 'censor', asOf: 100 } as const;
    expect(timeToResolutionCounts([{ openedAt: 40, resolvedAt: 40 }], censor).resolved).toStrictEqual([0]);
    expect(timeToResolutionCounts([{ openedAt: 40, resolvedAt: 100 }], censor).resolved).toStrictEqual([60]);
    expect(timeToResolutionCounts([{ openedAt: 40, firstResolvedAt: 40, resolvedAt: 70 }], { resolution: 'first' }).resolved).toStrictEqual([0]);
    expect(timeToResolutionCounts([{ openedAt: 40, firstResolvedAt: 70, resolvedAt: 70 }], { resolution: 'first' }).resolved).toStrictEqual([30]);
    expect(timeToResolutionCounts([{ openedAt: 40, firstResolvedAt: 100, resolvedAt: 100 }], censor).resolved).toStrictEqual([60]);
    // Reopened and open again at asOf: censored under full resolution, resolved at the first resolution under 'first'.
    expect(timeToResolutionCounts([{ openedAt: 40, firstResolvedAt: 100, resolvedAt: null }], censor)).toStrictEqual({
      metric: 'timeToResolution',
      resolved: [],
      censored: [60],
      open: 1,
    });
    expect(timeToResolutionCounts([{ openedAt: 40, firstResolvedAt: 100 }], { ...censor, resolution: 'first' }).resolved).toStrictEqual([60]);
    expect(timeToResolutionCounts([{ openedAt: 100 }], censor).censored).toStrictEqual([0]);
    expect(firstResponseTimeCounts([{ openedAt: 40, firstRespondedAt: 100 }], censor).responded).toStrictEqual([60]);
  });

  it('reads a null or absent first resolution as none', () => {
    const tickets = [
      { openedAt: 0, resolvedAt: 50, firstResolvedAt: null },
      { openedAt: 0, resolvedAt: null, firstResolvedAt: null },
      { openedAt: 0, resolvedAt: 30, firstResolvedAt: undefined },
    ];
    expect(timeToResolutionCounts(tickets)).toStrictEqual({ metric: 'timeToResolution', resolved: [50, 30], censored: [], open: 1 });
    expect(timeToResolutionCounts(tickets, { resolution: 'first' })).toStrictEqual({ metric: 'timeToResolution', resolved: [50, 30], censored: [], open: 1 });
  });
});

describe('the bounds of a duration', () => {
  const below = -(2 ** 52);

  it('takes a duration of 2^53 - 1 milliseconds, and refuses 2^53 at the field that ends it', () => {
    expect(timeToResolutionCounts([{ openedAt: below, resolvedAt: below + Number.MAX_SAFE_INTEGER }]).resolved).toStrictEqual([Number.MAX_SAFE_INTEGER]);
    const message = 'expected a duration below 2^53 milliseconds (about 285,000 years)';
    expect(refusal(() => timeToResolution([{ openedAt: below, resolvedAt: 2 ** 52 }]))).toStrictEqual(
      ttr('out-of-range', ['tickets', 0, 'resolvedAt'], message),
    );
    expect(refusal(() => timeToResolution([{ openedAt: below, firstResolvedAt: 2 ** 52, resolvedAt: 2 ** 52 + 1 }], { resolution: 'first' }))).toStrictEqual(
      ttr('out-of-range', ['tickets', 0, 'firstResolvedAt'], message),
    );
    expect(refusal(() => firstResponseTime([{ openedAt: -8.64e15, firstRespondedAt: 8.64e15 }]))).toStrictEqual(
      frt('out-of-range', ['tickets', 0, 'firstRespondedAt'], message),
    );
  });

  it('censors open tickets up to asOf 2^53 - 1 milliseconds after the earliest opening, and no further', () => {
    const censor = (asOf: number) => ({ open: 'censor', asOf }) as const;
    expect(timeToResolutionCounts([{ openedAt: below }, { openedAt: 0 }], censor(below + Number.MAX_SAFE_INTEGER)).censored).toStrictEqual([
      Number.MAX_SAFE_INTEGER,
      Number.MAX_SAFE_INTEGER + below,
    ]);
    const message = 'expected durations to asOf below 2^53 milliseconds (about 285,000 years)';
    expect(refusal(() => timeToResolutionCounts([{ openedAt: 0 }, { openedAt: below }], censor(2 ** 52)))).toStrictEqual(
      ttr('out-of-range', ['options', 'asOf'], message),
    );
    expect(refusal(() => firstResponseTimeCounts([{ openedAt: -8.64e15 }], censor(8.64e15)))).toStrictEqual(frt('out-of-range', ['options', 'asOf'], message));
    // Late openings near the end of the Date range are no reason to refuse.
    expect(timeToResolutionCounts([{ openedAt: 8.64e15 - 10 }], censor(8.64e15)).censored).toStrictEqual([10]);
    // Without open tickets, asOf may lie any distance after the openings.
    expect(timeToResolutionCounts([{ openedAt: -8.64e15, resolvedAt: -8.64e15 + 1000 }], censor(8.64e15))).toStrictEqual({
      metric: 'timeToResolution',
      resolved: [1000],
      censored: [],
      open: 0,
    });
  });

  it('takes a ticket open for 100 years of 365.25 days under business hours, and refuses a millisecond more', () => {
    const century = 36_525 * DAY_MS;
    const opened = at('1926-03-02T00:00:00Z');
    expect(timeToResolutionCounts([{ openedAt: opened, resolvedAt: opened + century }], { businessHours: EVERY_DAY }).resolved).toStrictEqual([century]);
    const message = (years: number) => `expected a ticket open for at most 100 years under business hours (a placeholder date?), received ${years} years`;
    expect(refusal(() => timeToResolution([{ openedAt: opened, resolvedAt: opened + century + 1 }], { businessHours: EVERY_DAY }))).toStrictEqual(
      ttr('out-of-range', ['tickets', 0, 'openedAt'], message(100)),
    );
    expect(
      refusal(() => timeToResolution([{ openedAt: 0 }, { openedAt: '1900-01-01T00:00:00Z', resolvedAt: '2026-03-02T00:00:00Z' }], { businessHours: WEEKDAYS })),
    ).toStrictEqual(ttr('out-of-range', ['tickets', 1, 'openedAt'], message(126)));
    // An open ticket counts up to asOf when censored, and not at all when left out.
    const placeholder = [{ openedAt: '0001-01-01T00:00:00Z' }];
    expect(refusal(() => firstResponseTimeCounts(placeholder, { businessHours: WEEKDAYS, open: 'censor', asOf: '2026-03-02T00:00:00Z' }))).toStrictEqual(
      frt('out-of-range', ['tickets', 0, 'openedAt'], message(2025)),
    );
    expect(firstResponseTimeCounts(placeholder, { businessHours: WEEKDAYS })).toStrictEqual({
      metric: 'firstResponseTime',
      responded: [],
      censored: [],
      open: 1,
    });
    // Calendar time has no such bound.
    expect(timeToResolutionCounts([{ openedAt: '1900-01-01T00:00:00Z', resolvedAt: '2026-01-01T00:00:00Z' }]).resolved).toStrictEqual([
      at('2026-01-01T00:00:00Z') - at('1900-01-01T00:00:00Z'),
    ]);
  });
});

describe('working time of many tickets', () => {
  it('measures every ticket whatever the order of their ends', () => {
    // Monday 2 March 2026, 09:00 in Amsterdam; the first ticket is resolved two weeks later, the second the same day.
    const tickets = [
      { openedAt: '2026-03-02T09:00:00+01:00', resolvedAt: '2026-03-16T10:00:00+01:00' },
      { openedAt: '2026-03-02T09:00:00+01:00', resolvedAt: '2026-03-02T10:00:00+01:00' },
      { openedAt: '2026-03-04T16:00:00+01:00', resolvedAt: '2026-03-09T09:30:00+01:00' },
    ];
    expect(timeToResolutionCounts(tickets, { businessHours: WEEKDAYS }).resolved).toStrictEqual([81 * H, 1 * H, 17.5 * H]);
  });

  it('leaves open tickets out, or censors each of them at asOf', () => {
    const open = [{ openedAt: '2026-03-06T16:00:00+01:00' }, { openedAt: '2026-03-05T16:00:00+01:00', resolvedAt: null }];
    expect(timeToResolutionCounts(open, { businessHours: WEEKDAYS })).toStrictEqual({ metric: 'timeToResolution', resolved: [], censored: [], open: 2 });
    expect(firstResponseTime(open, { businessHours: WEEKDAYS })).toMatchObject({ value: null, responded: 0, open: 2 });
    const asOf = '2026-03-09T10:00:00+01:00';
    expect(timeToResolutionCounts(open, { businessHours: WEEKDAYS, open: 'censor', asOf }).censored).toStrictEqual([2 * H, 10 * H]);
    expect(
      timeToResolutionCounts([...open, { openedAt: '2026-03-09T09:00:00+01:00', resolvedAt: asOf }], { businessHours: WEEKDAYS, open: 'censor', asOf }),
    ).toStrictEqual({ metric: 'timeToResolution', resolved: [H], censored: [2 * H, 10 * H], open: 2 });
    expect(timeToResolutionCounts([], { businessHours: WEEKDAYS, open: 'censor', asOf })).toStrictEqual({
      metric: 'timeToResolution',
      resolved: [],
      censored: [],
      open: 0,
    });
  });

  it('leaves an open ticket out when the data spans centuries', () => {
    const tickets = [
      { openedAt: '1900-01-05T16:00:00Z', resolvedAt: '1900-01-08T10:00:00Z' },
      { openedAt: '2026-03-06T16:00:00+01:00' },
      { openedAt: '2026-03-06T16:00:00+01:00', resolvedAt: '2026-03-09T10:00:00+01:00' },
    ];
    // 1900-01-05 was a Friday: an hour on Friday and an hour on Monday.
    expect(timeToResolutionCounts(tickets, { businessHours: WEEKDAYS })).toStrictEqual({
      metric: 'timeToResolution',
      resolved: [2 * H, 2 * H],
      censored: [],
      open: 1,
    });
  });

  it('censors open tickets in calendar time, leaving out those left open', () => {
    expect(timeToResolutionCounts([{ openedAt: 10 }, { openedAt: 0, resolvedAt: 5 }, { openedAt: 30 }], { open: 'censor', asOf: 100 })).toStrictEqual({
      metric: 'timeToResolution',
      resolved: [5],
      censored: [90, 70],
      open: 2,
    });
    expect(timeToResolutionCounts([{ openedAt: 10 }, { openedAt: 0, resolvedAt: 5 }, { openedAt: 30 }])).toStrictEqual({
      metric: 'timeToResolution',
      resolved: [5],
      censored: [],
      open: 2,
    });
  });
});
