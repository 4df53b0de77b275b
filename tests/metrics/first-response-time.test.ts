import { describe, expect, it } from 'vitest';
import {
  type FirstResponseTimeTicket,
  firstResponseTime,
  firstResponseTimeCounts,
  firstResponseTimeFromCounts,
  mergeCounts,
  timeToResolution,
} from '../../src/index.js';
import { expectMetricsError } from '../helpers/errors.js';

const METRIC = 'firstResponseTime';
const MIN = 60_000;
const H = 60 * MIN;
const WEEKDAYS = { mon: ['09:00', '18:00'], tue: ['09:00', '18:00'], wed: ['09:00', '18:00'], thu: ['09:00', '18:00'], fri: ['09:00', '18:00'] } as const;
const AMSTERDAM = { timeZone: 'Europe/Amsterdam', days: WEEKDAYS };

describe('firstResponseTime: documented examples', () => {
  it('repeats the TSDoc examples', () => {
    const tickets = [
      { openedAt: '2026-03-02T09:00:00+01:00', firstRespondedAt: '2026-03-02T09:20:00+01:00' },
      { openedAt: '2026-03-02T10:00:00+01:00', firstRespondedAt: '2026-03-02T10:05:00+01:00' },
      { openedAt: '2026-03-02T12:00:00+01:00', firstRespondedAt: null },
    ];
    expect(firstResponseTime(tickets).value).toBe(750000);
    expect(firstResponseTime(tickets).open).toBe(1);
    expect(firstResponseTime(tickets, { open: 'censor', asOf: '2026-03-02T12:30:00+01:00' }).median).toBe(1200000);
    const hours = { timeZone: 'America/New_York', days: WEEKDAYS };
    expect(firstResponseTime([{ openedAt: '2026-03-06T17:30:00-05:00', firstRespondedAt: '2026-03-09T09:15:00-04:00' }], { businessHours: hours }).value).toBe(
      2700000,
    );
    expectMetricsError(
      () => firstResponseTime([{ openedAt: '2026-03-02T09:00:00', firstRespondedAt: null }]),
      METRIC,
      ['tickets', 0, 'openedAt'],
      'invalid-value',
    );
    const two = [{ openedAt: 0, firstRespondedAt: 60000 }, { openedAt: 1000 }];
    expect(firstResponseTimeCounts(two)).toStrictEqual({ metric: METRIC, responded: [60000], censored: [], open: 1 });
    expect(firstResponseTimeCounts(two, { open: 'censor', asOf: 90000 }).censored).toStrictEqual([89000]);
    expect(firstResponseTimeFromCounts({ responded: [60000, 180000, 120000, 900000], open: 0 }).median).toBe(150000);
    expect(firstResponseTimeFromCounts({ responded: [60000, 180000, 120000, 900000], open: 0 }, { statistic: 'mean' }).value).toBe(315000);
    expect(firstResponseTimeFromCounts({ responded: [60000], censored: [600000, 600000], open: 2 }, { open: 'censor' }).median).toBe(null);
    const minutes = [12, 3, 45, 8, 20, 5, 90, 15, 6, 30, 10, 2].map((m) => m * 60000);
    expect(firstResponseTimeFromCounts({ responded: minutes, open: 0 }, { interval: true }).interval).toStrictEqual({
      lower: 300000,
      upper: 1800000,
      level: 0.95,
      method: 'order-statistics',
      standardError: null,
      clamped: false,
      coverage: 0.96142578125,
    });
    expectMetricsError(
      () => firstResponseTimeFromCounts({ responded: minutes, open: 0 }, { statistic: 'mean', interval: true }),
      METRIC,
      ['options', 'interval'],
      'inconsistent',
    );
  });
});

describe('firstResponseTime: the worked example of docs/metrics/first-response-time.md', () => {
  // Answered after 4, 10, 15, 30 and 45 minutes; one ticket, opened at 12:00, unanswered at 12:45.
  const tickets = [
    { openedAt: '2026-03-02T09:00:00+01:00', firstRespondedAt: '2026-03-02T09:04:00+01:00' },
    { openedAt: '2026-03-02T09:30:00+01:00', firstRespondedAt: '2026-03-02T09:40:00+01:00' },
    { openedAt: '2026-03-02T10:00:00+01:00', firstRespondedAt: '2026-03-02T10:15:00+01:00' },
    { openedAt: '2026-03-02T10:30:00+01:00', firstRespondedAt: '2026-03-02T11:00:00+01:00' },
    { openedAt: '2026-03-02T11:00:00+01:00', firstRespondedAt: '2026-03-02T11:45:00+01:00' },
    { openedAt: '2026-03-02T12:00:00+01:00', firstRespondedAt: null },
  ];
  it('leaves the unanswered ticket out by default', () => {
    expect(firstResponseTime(tickets)).toStrictEqual({
      metric: METRIC,
      unit: 'milliseconds',
      value: 15 * MIN,
      statistic: 'median',
      estimator: 'empirical',
      mean: (104 / 5) * MIN,
      median: 15 * MIN,
      p90: 45 * MIN,
      p95: 45 * MIN,
      min: 4 * MIN,
      max: 45 * MIN,
      responded: 5,
      open: 1,
      warnings: [{ code: 'small-sample', message: expect.any(String) }],
    });
  });
  it('censors it at asOf under open: censor (Kaplan-Meier)', () => {
    const r = firstResponseTime(tickets, { open: 'censor', asOf: '2026-03-02T12:45:00+01:00' });
    // S = 3/6 after 15 min exactly: the median is the midpoint of 15 and 30 min.
    expect(r).toMatchObject({ estimator: 'kaplan-meier', median: 22.5 * MIN, p90: null, p95: null, min: 4 * MIN, max: 45 * MIN, responded: 5, open: 1 });
    // Restricted mean up to 45 min: 4 + 6 * 5/6 + 5 * 4/6 + 15 * 3/6 + 15 * 2/6 = 149/6 min.
    expect(r.mean).toBe(1490000);
    expect(firstResponseTimeCounts(tickets, { open: 'censor', asOf: '2026-03-02T12:45:00+01:00' }).censored).toStrictEqual([45 * MIN]);
  });
});

describe('firstResponseTime: results', () => {
  it('gives null statistics without answered tickets, and a complete result all the same', () => {
    const empty = {
      metric: METRIC,
      unit: 'milliseconds',
      value: null,
      statistic: 'median',
      estimator: 'empirical',
      mean: null,
      median: null,
      p90: null,
      p95: null,
      min: null,
      max: null,
      responded: 0,
      open: 0,
      warnings: [],
    };
    expect(firstResponseTime([])).toStrictEqual(empty);
    expect(firstResponseTime([{ openedAt: 0 }, { openedAt: 5, firstRespondedAt: null }])).toStrictEqual({ ...empty, open: 2 });
    expect(firstResponseTime([{ openedAt: 0 }], { open: 'censor', asOf: H })).toStrictEqual({ ...empty, estimator: 'kaplan-meier', open: 1 });
    expect(firstResponseTimeFromCounts({ responded: [], open: 0 })).toStrictEqual(empty);
  });
  it('handles one ticket and an immediate answer', () => {
    expect(firstResponseTime([{ openedAt: 5, firstRespondedAt: 5 }])).toMatchObject({
      value: 0,
      mean: 0,
      median: 0,
      p90: 0,
      p95: 0,
      min: 0,
      max: 0,
      responded: 1,
    });
    expect(Object.is(firstResponseTime([{ openedAt: -0, firstRespondedAt: 0 }]).value, 0)).toBe(true);
  });
  it('reports the mean as value with statistic: mean, and rounds when asked', () => {
    const three = [
      { openedAt: 0, firstRespondedAt: 1 },
      { openedAt: 0, firstRespondedAt: 1 },
      { openedAt: 0, firstRespondedAt: 2 },
    ];
    expect(firstResponseTime(three, { statistic: 'mean' })).toMatchObject({ value: 4 / 3, statistic: 'mean' });
    expect(firstResponseTime(three, { statistic: 'mean', decimals: 2 }).value).toBe(1.33);
    expect(firstResponseTime(three.slice(1), { decimals: 0, rounding: 'half-even' }).median).toBe(2);
  });
  it('ignores other fields of a ticket, resolution times included', () => {
    // A resolution before the opening or before the answer is not this metric's to check.
    const t = { id: 7, openedAt: 10, firstRespondedAt: 25, resolvedAt: 5, firstResolvedAt: 'soon' };
    expect(firstResponseTime([t as FirstResponseTimeTicket]).value).toBe(15);
    // A resolved ticket without a first response is unanswered.
    expect(firstResponseTime([{ openedAt: 0, resolvedAt: 5 } as FirstResponseTimeTicket])).toMatchObject({ responded: 0, open: 1 });
  });
  it('is time to resolution measured to the first answer', () => {
    const answered = [
      { openedAt: 0, firstRespondedAt: 3 * MIN },
      { openedAt: MIN, firstRespondedAt: 9 * MIN },
      { openedAt: 2 * MIN, firstRespondedAt: null },
    ];
    const resolved = answered.map((t) => ({ openedAt: t.openedAt, resolvedAt: t.firstRespondedAt }));
    const options = { open: 'censor', asOf: 20 * MIN, interval: true } as const;
    const { metric: _m, responded, ...frt } = firstResponseTime(answered, options);
    const { metric: _n, resolved: count, ...ttr } = timeToResolution(resolved, options);
    expect(frt).toStrictEqual(ttr);
    expect(responded).toBe(count);
  });
  it('reads frozen input and returns a frozen, JSON-safe result', () => {
    const input = Object.freeze([Object.freeze({ openedAt: new Date(0), firstRespondedAt: new Date(H) }), Object.freeze({ openedAt: '1970-01-01T00:00:00Z' })]);
    const r = firstResponseTime(input);
    expect(r.value).toBe(H);
    expect(Object.isFrozen(r)).toBe(true);
    expect(JSON.parse(JSON.stringify(r))).toStrictEqual(r);
    const counts = Object.freeze({ responded: Object.freeze([3, 1, 2]), censored: Object.freeze([]), open: 0 });
    expect(firstResponseTimeFromCounts(counts).median).toBe(2);
    expect(counts.responded).toStrictEqual([3, 1, 2]);
  });
});

describe('firstResponseTime: business hours', () => {
  it('counts working time only, and the same tickets in calendar time', () => {
    // Friday 17:30 to Monday 09:15 in Amsterdam: 30 minutes on Friday, 15 on Monday.
    const t = [{ openedAt: '2026-03-06T17:30:00+01:00', firstRespondedAt: '2026-03-09T09:15:00+01:00' }];
    expect(firstResponseTime(t, { businessHours: AMSTERDAM }).value).toBe(45 * MIN);
    expect(firstResponseTime(t).value).toBe(63.75 * H);
  });
  it('counts nothing outside hours, and skips holidays', () => {
    const sunday = [{ openedAt: '2026-03-08T10:00:00+01:00', firstRespondedAt: '2026-03-08T16:00:00+01:00' }];
    expect(firstResponseTime(sunday, { businessHours: AMSTERDAM }).value).toBe(0);
    // Easter Monday 6 April 2026 closed: Friday 17:00 to Tuesday 10:00 is 1 + 1 working hours.
    const easter = [{ openedAt: '2026-04-03T17:00:00+02:00', firstRespondedAt: '2026-04-07T10:00:00+02:00' }];
    expect(firstResponseTime(easter, { businessHours: { ...AMSTERDAM, holidays: ['2026-04-06'] } }).value).toBe(2 * H);
  });
  it('applies business hours to the waits of unanswered tickets too', () => {
    expect(
      firstResponseTimeCounts([{ openedAt: '2026-03-06T17:00:00+01:00' }], { businessHours: AMSTERDAM, open: 'censor', asOf: '2026-03-09T10:00:00+01:00' })
        .censored,
    ).toStrictEqual([2 * H]);
  });
  it('rejects bad business hours at their paths', () => {
    expectMetricsError(
      () => firstResponseTime([], { businessHours: { timeZone: 'Mars/Olympus', days: WEEKDAYS } }),
      METRIC,
      ['options', 'businessHours', 'timeZone'],
      'invalid-value',
    );
    expectMetricsError(
      () => firstResponseTime([], { businessHours: { timeZone: 'UTC', days: {} } }),
      METRIC,
      ['options', 'businessHours', 'days'],
      'invalid-value',
    );
  });
  it('refuses a ticket open for more than 100 years under business hours', () => {
    expectMetricsError(
      () => firstResponseTime([{ openedAt: '1900-01-01T00:00:00Z', firstRespondedAt: '2026-01-01T00:00:00Z' }], { businessHours: AMSTERDAM }),
      METRIC,
      ['tickets', 0, 'openedAt'],
      'out-of-range',
    );
  });
});

describe('firstResponseTime: unanswered tickets', () => {
  const tickets = [
    { openedAt: 0, firstRespondedAt: 1 * H },
    { openedAt: 0, firstRespondedAt: 2 * H },
    { openedAt: 0 },
    { openedAt: 0, firstRespondedAt: null },
  ];
  it('leaves them out by default and counts them in open', () => {
    expect(firstResponseTime(tickets)).toMatchObject({ median: 1.5 * H, responded: 2, open: 2, estimator: 'empirical' });
  });
  it('censors them at asOf under open: censor', () => {
    const r = firstResponseTime(tickets, { open: 'censor', asOf: 10 * H });
    // S: 3/4 after 1 h, 2/4 = 0.5 after 2 h and flat to the end: the median is open-ended.
    expect(r).toMatchObject({ median: null, p90: null, responded: 2, open: 2, estimator: 'kaplan-meier' });
    expect(r.mean).toBe((1 + 0.75 + 0.5 * 8) * H);
    expect(firstResponseTimeCounts(tickets, { open: 'censor', asOf: 10 * H })).toStrictEqual({
      metric: METRIC,
      responded: [H, 2 * H],
      censored: [10 * H, 10 * H],
      open: 2,
    });
  });
  it('gives no order-statistics interval while a ticket is unanswered under censoring', () => {
    const many = Array.from({ length: 12 }, (_, i) => ({ openedAt: 0, firstRespondedAt: (i + 1) * MIN }));
    expect(firstResponseTime(many, { open: 'censor', asOf: H, interval: true }).interval).toStrictEqual(firstResponseTime(many, { interval: true }).interval);
    expect(firstResponseTime([...many, { openedAt: 0 }], { open: 'censor', asOf: H, interval: true }).interval).toBe(null);
    expect(firstResponseTime([...many, { openedAt: 0 }], { interval: true }).interval).toMatchObject({ lower: 3 * MIN, upper: 10 * MIN });
  });
  it('needs no asOf to read a censored tally, but needs the censored waits', () => {
    expect(firstResponseTimeFromCounts({ responded: [1, 2, 3], censored: [4], open: 1 }, { open: 'censor' }).median).toBe(2.5);
    expect(firstResponseTimeFromCounts({ responded: [1, 2, 3], censored: [4], open: 1 }).median).toBe(2);
    const e = expectMetricsError(
      () => firstResponseTimeFromCounts({ responded: [1], open: 1 }, { open: 'censor' }),
      METRIC,
      ['counts', 'censored'],
      'inconsistent',
    );
    expect(e.message).toContain('unanswered tickets');
    expectMetricsError(() => firstResponseTimeFromCounts({ responded: [1], censored: [1, 2], open: 1 }), METRIC, ['counts', 'censored'], 'inconsistent');
  });
  it('rejects a time after asOf, and asOf where it does not belong', () => {
    expectMetricsError(() => firstResponseTime([{ openedAt: 2 * H }], { open: 'censor', asOf: H }), METRIC, ['tickets', 0, 'openedAt'], 'inconsistent');
    expectMetricsError(
      () => firstResponseTime([{ openedAt: 0, firstRespondedAt: 2 * H }], { open: 'censor', asOf: H }),
      METRIC,
      ['tickets', 0, 'firstRespondedAt'],
      'inconsistent',
    );
    expectMetricsError(() => firstResponseTime([], { open: 'censor' }), METRIC, ['options', 'asOf'], 'missing-value');
    expectMetricsError(() => firstResponseTimeCounts([], { open: 'censor' }), METRIC, ['options', 'asOf'], 'missing-value');
    expectMetricsError(() => firstResponseTime([], { asOf: 0 }), METRIC, ['options', 'asOf'], 'inconsistent');
    expectMetricsError(() => firstResponseTime([], { open: 'censor', asOf: '2026-03-02' }), METRIC, ['options', 'asOf'], 'invalid-value');
  });
});

describe('firstResponseTime: invalid input', () => {
  it('rejects bad times at the ticket and field', () => {
    const at = (ticket: unknown, field: string | undefined, code: string) =>
      expectMetricsError(
        () => firstResponseTime([{ openedAt: 0, firstRespondedAt: 1 }, ticket as never]),
        METRIC,
        field === undefined ? ['tickets', 1] : ['tickets', 1, field],
        code,
      );
    at({ openedAt: '2026-03-02T09:00:00' }, 'openedAt', 'invalid-value');
    at({ openedAt: 1.5 }, 'openedAt', 'out-of-range');
    at({ openedAt: true }, 'openedAt', 'invalid-type');
    at({}, 'openedAt', 'missing-value');
    at({ firstRespondedAt: 5 }, 'openedAt', 'missing-value');
    at({ openedAt: 0, firstRespondedAt: '2026-03-02T09:00' }, 'firstRespondedAt', 'invalid-value');
    at({ openedAt: 0, firstRespondedAt: {} }, 'firstRespondedAt', 'invalid-type');
    at({ openedAt: 0, firstRespondedAt: Number.NaN }, 'firstRespondedAt', 'invalid-value');
    at({ openedAt: 0, firstRespondedAt: 1.5 }, 'firstRespondedAt', 'out-of-range');
    at({ openedAt: 10, firstRespondedAt: 9 }, 'firstRespondedAt', 'inconsistent');
    at({ openedAt: '2026-03-02T10:00:00+01:00', firstRespondedAt: '2026-03-02T08:30:00Z' }, 'firstRespondedAt', 'inconsistent');
    at({ openedAt: -8.64e15, firstRespondedAt: 8.64e15 }, 'firstRespondedAt', 'out-of-range');
    at(null, undefined, 'missing-value');
    at('ticket', undefined, 'invalid-type');
  });
  it('names the first-response field in its messages', () => {
    const messages = [
      expectMetricsError(() => firstResponseTime([{ openedAt: 10, firstRespondedAt: 9 }]), METRIC, ['tickets', 0, 'firstRespondedAt']).message,
      expectMetricsError(() => firstResponseTime([{ openedAt: 0, firstRespondedAt: {} as never }]), METRIC, ['tickets', 0, 'firstRespondedAt']).message,
      expectMetricsError(() => firstResponseTime([{ openedAt: 0, firstRespondedAt: 5 }], { open: 'censor', asOf: 1 }), METRIC, [
        'tickets',
        0,
        'firstRespondedAt',
      ]).message,
      expectMetricsError(() => firstResponseTime([42 as never]), METRIC, ['tickets', 0]).message,
      expectMetricsError(() => firstResponseTime({} as never), METRIC, ['tickets']).message,
    ];
    expect(messages[0]).toContain('firstRespondedAt at or after openedAt');
    expect(messages[1]).toContain('or null for an unanswered ticket');
    expect(messages[2]).toContain('firstRespondedAt at or before options.asOf');
    expect(messages[3]).toContain('{ openedAt, firstRespondedAt? }');
    expect(messages[4]).toContain('{ openedAt, firstRespondedAt? }');
    for (const m of messages) expect(m).not.toMatch(/resol/i);
  });
  it('rejects a non-array', () => {
    expectMetricsError(() => firstResponseTime(null as never), METRIC, ['tickets'], 'invalid-type');
    expectMetricsError(() => firstResponseTimeCounts('tickets' as never), METRIC, ['tickets'], 'invalid-type');
  });
  it('rejects bad options with their paths, the resolution option of TTR among them', () => {
    expectMetricsError(() => firstResponseTime([], { statistic: 'p90' as never }), METRIC, ['options', 'statistic'], 'invalid-value');
    expectMetricsError(() => firstResponseTime([], { open: 'drop' as never }), METRIC, ['options', 'open'], 'invalid-value');
    expectMetricsError(() => firstResponseTime([], { resolution: 'first' } as never), METRIC, ['options', 'resolution'], 'unknown-key');
    expectMetricsError(() => firstResponseTime([], { decimals: 20 }), METRIC, ['options', 'decimals'], 'out-of-range');
    expectMetricsError(() => firstResponseTime([], { interval: { method: 'wilson' } } as never), METRIC, ['options', 'interval', 'method'], 'invalid-value');
    expectMetricsError(() => firstResponseTime([], { statistic: 'mean', interval: true }), METRIC, ['options', 'interval'], 'inconsistent');
    expectMetricsError(() => firstResponseTime([], 'median' as never), METRIC, ['options'], 'invalid-type');
  });
  it('rejects bad tallies', () => {
    expectMetricsError(() => firstResponseTimeFromCounts({ responded: [1, -1], open: 0 }), METRIC, ['counts', 'responded', 1], 'out-of-range');
    expectMetricsError(() => firstResponseTimeFromCounts({ responded: [1.5], open: 0 }), METRIC, ['counts', 'responded', 0], 'out-of-range');
    expectMetricsError(() => firstResponseTimeFromCounts({ responded: ['1' as never], open: 0 }), METRIC, ['counts', 'responded', 0], 'invalid-type');
    expectMetricsError(() => firstResponseTimeFromCounts({ responded: [null as never], open: 0 }), METRIC, ['counts', 'responded', 0], 'missing-value');
    expectMetricsError(() => firstResponseTimeFromCounts({ responded: [], censored: [2 ** 53], open: 1 }), METRIC, ['counts', 'censored', 0], 'out-of-range');
    expectMetricsError(() => firstResponseTimeFromCounts({ responded: 5 as never, open: 0 }), METRIC, ['counts', 'responded'], 'invalid-value');
    expectMetricsError(() => firstResponseTimeFromCounts({ responded: [], open: -1 }), METRIC, ['counts', 'open'], 'out-of-range');
    expectMetricsError(() => firstResponseTimeFromCounts({ resolved: [], open: 0 } as never), METRIC, ['counts', 'responded']);
    expectMetricsError(() => firstResponseTimeFromCounts({ metric: 'timeToResolution', responded: [], open: 0 } as never), METRIC, ['counts', 'metric']);
    expectMetricsError(() => firstResponseTimeFromCounts({ responded: [], open: 0, extra: 1 } as never), METRIC, ['counts', 'extra'], 'unknown-key');
  });
});

describe('firstResponseTime: tallies', () => {
  it('merge into the tally of the whole', () => {
    const a = [{ openedAt: 0, firstRespondedAt: 3 }, { openedAt: 0 }];
    const b = [{ openedAt: 0, firstRespondedAt: 1 }];
    const o = { open: 'censor', asOf: 10 } as const;
    const merged = mergeCounts(firstResponseTimeCounts(a, o), firstResponseTimeCounts(b, o));
    expect(merged).toStrictEqual({ metric: METRIC, responded: [3, 1], censored: [10], open: 1 });
    expect(firstResponseTimeFromCounts(merged, o)).toStrictEqual(firstResponseTime([...a, ...b], o));
  });
  it('does not merge with a TTR tally', () => {
    expectMetricsError(
      () => mergeCounts(firstResponseTimeCounts([]) as never, { metric: 'timeToResolution', resolved: [], censored: [], open: 0 } as never),
      'mergeCounts',
      ['b', 'metric'],
    );
  });
});
