import { execFile } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { businessClock, parseBusinessHours } from '../../src/core/time/business-hours.js';
import { mergeCounts, type TimeToResolutionTicket, timeToResolution, timeToResolutionCounts, timeToResolutionFromCounts } from '../../src/index.js';
import { expectMetricsError } from '../helpers/errors.js';
import { kaplanMeierOpenEnded, kaplanMeierVectors, ttrDurationVectors, ttrSummaryVectors } from '../vectors/time-to-resolution.js';

const execFileAsync = promisify(execFile);
const METRIC = 'timeToResolution';
const H = 3_600_000;
const WEEKDAYS = { mon: ['09:00', '18:00'], tue: ['09:00', '18:00'], wed: ['09:00', '18:00'], thu: ['09:00', '18:00'], fri: ['09:00', '18:00'] } as const;
const AMSTERDAM = { timeZone: 'Europe/Amsterdam', days: WEEKDAYS };

describe('timeToResolution: documented examples', () => {
  it('repeats the TSDoc examples', () => {
    const tickets = [
      { openedAt: '2026-03-02T09:00:00+01:00', resolvedAt: '2026-03-02T11:00:00+01:00' },
      { openedAt: '2026-03-02T10:00:00+01:00', resolvedAt: '2026-03-02T10:30:00+01:00' },
      { openedAt: '2026-03-02T12:00:00+01:00', resolvedAt: null },
    ];
    expect(timeToResolution(tickets).value).toBe(4500000);
    expect(timeToResolution(tickets).open).toBe(1);
    expect(timeToResolution(tickets, { open: 'censor', asOf: '2026-03-02T18:00:00+01:00' }).median).toBe(7200000);
    const hours = { timeZone: 'America/New_York', days: WEEKDAYS };
    expect(timeToResolution([{ openedAt: '2026-03-06T17:00:00-05:00', resolvedAt: '2026-03-09T10:00:00-04:00' }], { businessHours: hours }).value).toBe(
      7200000,
    );
    expectMetricsError(() => timeToResolution([{ openedAt: '2026-03-02T09:00:00', resolvedAt: null }]), METRIC, ['tickets', 0, 'openedAt'], 'invalid-value');
    const two = [{ openedAt: 0, resolvedAt: 60000 }, { openedAt: 1000 }];
    expect(timeToResolutionCounts(two)).toStrictEqual({ metric: METRIC, resolved: [60000], censored: [], open: 1 });
    expect(timeToResolutionCounts(two, { open: 'censor', asOf: 90000 }).censored).toStrictEqual([89000]);
    expect(timeToResolutionFromCounts({ resolved: [1000, 3000, 2000, 10000], open: 0 }).median).toBe(2500);
    expect(timeToResolutionFromCounts({ resolved: [1000, 3000, 2000, 10000], open: 0 }, { statistic: 'mean' }).value).toBe(4000);
    expect(timeToResolutionFromCounts({ resolved: [1000, 2000], censored: [5000, 5000], open: 2 }, { open: 'censor' }).median).toBe(null);
  });
});

describe('timeToResolution: reference vectors', () => {
  it.each(ttrDurationVectors.map((v) => [v.name, v] as const))('%s', (_name, v) => {
    const c = timeToResolutionCounts(v.input, v.options);
    expect({ resolved: c.resolved, censored: c.censored }).toStrictEqual(v.expected);
  });
  it.each(ttrSummaryVectors.map((v) => [v.name, v] as const))('%s', (_name, v) => {
    const r = timeToResolution(v.input, v.options);
    expect({ value: r.value, mean: r.mean, median: r.median, p90: r.p90, p95: r.p95, min: r.min, max: r.max }).toStrictEqual(v.expected);
  });
  it.each(kaplanMeierVectors.map((v) => [v.name, v] as const))('Kaplan-Meier (R survival): %s', (_name, v) => {
    const r = timeToResolutionFromCounts({ resolved: v.resolved, censored: v.censored, open: v.censored.length }, { open: 'censor' });
    expect({ median: r.median, p90: r.p90, p95: r.p95 }).toStrictEqual({ median: v.median, p90: v.p90, p95: v.p95 });
    // R sums the restricted mean in doubles: 1e-12 relative.
    expect(Math.abs(r.mean! - v.rmean) / v.rmean).toBeLessThan(1e-12);
    expect(r.resolved).toBe(v.resolved.length);
    expect(r.open).toBe(v.censored.length);
  });
  it(`Kaplan-Meier, open-ended stretch: ${kaplanMeierOpenEnded.name}`, () => {
    const r = timeToResolutionFromCounts({ ...kaplanMeierOpenEnded.input }, { open: 'censor' });
    expect({ median: r.median, p90: r.p90, p95: r.p95, mean: r.mean }).toStrictEqual(kaplanMeierOpenEnded.expected);
  });
  it('without open tickets, Kaplan-Meier quantiles are the empirical ones (R quantile type 2)', () => {
    const v = kaplanMeierVectors.find((x) => x.censored.length === 0)!;
    const r = timeToResolutionFromCounts({ resolved: v.resolved, open: 0 });
    expect({ median: r.median, p90: r.p90, p95: r.p95, mean: r.mean }).toStrictEqual({ median: v.median, p90: v.p90, p95: v.p95, mean: v.rmean });
  });
});

describe('timeToResolution: results', () => {
  const tickets = [{ openedAt: 0, resolvedAt: 3 * H }, { openedAt: 0, resolvedAt: 1 * H }, { openedAt: H, resolvedAt: 3 * H }, { openedAt: 2 * H }];
  it('returns the whole skeleton', () => {
    expect(timeToResolution(tickets)).toStrictEqual({
      metric: METRIC,
      unit: 'milliseconds',
      value: 2 * H,
      statistic: 'median',
      estimator: 'empirical',
      mean: 2 * H,
      median: 2 * H,
      p90: 3 * H,
      p95: 3 * H,
      min: 1 * H,
      max: 3 * H,
      resolved: 3,
      open: 1,
      warnings: [{ code: 'small-sample', message: expect.any(String) }],
    });
  });
  it('gives null statistics without resolved tickets, and a complete result all the same', () => {
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
      resolved: 0,
      open: 0,
      warnings: [],
    };
    expect(timeToResolution([])).toStrictEqual(empty);
    expect(timeToResolution([{ openedAt: 0 }])).toStrictEqual({ ...empty, open: 1 });
    expect(timeToResolution([{ openedAt: 0 }], { open: 'censor', asOf: H })).toStrictEqual({ ...empty, estimator: 'kaplan-meier', open: 1 });
    expect(timeToResolution([], { open: 'censor', asOf: H }).value).toBe(null);
  });
  it('handles one ticket, and a zero duration', () => {
    expect(timeToResolution([{ openedAt: 5, resolvedAt: 5 }])).toMatchObject({ value: 0, mean: 0, median: 0, p90: 0, p95: 0, min: 0, max: 0 });
    expect(Object.is(timeToResolution([{ openedAt: -0, resolvedAt: 0 }]).value, 0)).toBe(true);
    expect(timeToResolution([{ openedAt: 0, resolvedAt: 7 }])).toMatchObject({ value: 7, mean: 7, median: 7, p90: 7, p95: 7 });
  });
  it('reports the mean as value with statistic: mean', () => {
    expect(timeToResolution(tickets, { statistic: 'mean' })).toMatchObject({ value: 2 * H, statistic: 'mean' });
    expect(
      timeToResolution(
        [
          { openedAt: 0, resolvedAt: 1 },
          { openedAt: 0, resolvedAt: 1 },
          { openedAt: 0, resolvedAt: 2 },
        ],
        { statistic: 'mean' },
      ).value,
    ).toBe(4 / 3);
  });
  it('rounds derived numbers when asked', () => {
    const three = [
      { openedAt: 0, resolvedAt: 1 },
      { openedAt: 0, resolvedAt: 1 },
      { openedAt: 0, resolvedAt: 2 },
    ];
    expect(timeToResolution(three, { statistic: 'mean', decimals: 2 }).value).toBe(1.33);
    expect(
      timeToResolution(
        [
          { openedAt: 0, resolvedAt: 1 },
          { openedAt: 0, resolvedAt: 2 },
        ],
        { decimals: 0 },
      ).median,
    ).toBe(2);
    expect(
      timeToResolution(
        [
          { openedAt: 0, resolvedAt: 1 },
          { openedAt: 0, resolvedAt: 2 },
        ],
        { decimals: 0, rounding: 'half-even' },
      ).median,
    ).toBe(2);
    expect(
      timeToResolution(
        [
          { openedAt: 0, resolvedAt: 2 },
          { openedAt: 0, resolvedAt: 3 },
        ],
        { decimals: 0, rounding: 'half-even' },
      ).median,
    ).toBe(2);
  });
  it('computes the mean exactly, past 2^53 in the sum', () => {
    const big = 2 ** 52;
    const r = timeToResolution(
      [
        { openedAt: 0, resolvedAt: big },
        { openedAt: 0, resolvedAt: big + 1 },
        { openedAt: 0, resolvedAt: big + 3 },
      ],
      { statistic: 'mean' },
    );
    // (3 * 2^52 + 4) / 3 = 2^52 + 4/3: the nearest double is 2^52 + 1.
    expect(r.value).toBe(big + 1);
    expect(timeToResolutionFromCounts({ resolved: [Number.MAX_SAFE_INTEGER, Number.MAX_SAFE_INTEGER], open: 0 }).mean).toBe(Number.MAX_SAFE_INTEGER);
    // The median of two large durations: (2^53 - 1 + 2^53 - 3) / 2 = 2^53 - 2.
    expect(timeToResolutionFromCounts({ resolved: [Number.MAX_SAFE_INTEGER, Number.MAX_SAFE_INTEGER - 2], open: 0 }).median).toBe(2 ** 53 - 2);
  });
  it('reads every time form alike: Date, ISO strings with an offset or Z, epoch milliseconds', () => {
    const forms: TimeToResolutionTicket['openedAt'][] = [
      '2026-03-02T09:00:00+01:00',
      '2026-03-02T08:00:00Z',
      '2026-03-02t08:00:00z',
      '2026-03-02 08:00:00Z',
      '2026-03-02T08:00Z',
      '2026-03-02T08:00:00.000Z',
      '2026-03-02T08:00:00,0000001Z',
      '2026-03-02T09:00:00+0100',
      '2026-03-02T03:00:00-05',
      '2026-03-02T13:45:00+05:45',
      new Date(Date.UTC(2026, 2, 2, 8)),
      Date.UTC(2026, 2, 2, 8),
    ];
    for (const openedAt of forms) {
      const c = timeToResolutionCounts([{ openedAt, resolvedAt: '2026-03-02T10:00:00.5+01:00' }]);
      expect(c.resolved, String(openedAt)).toStrictEqual([H + 500]);
    }
    expect(timeToResolutionCounts([{ openedAt: '2026-03-02T08:00:00.123456Z', resolvedAt: '2026-03-02T08:00:01Z' }]).resolved).toStrictEqual([877]);
    expect(timeToResolutionCounts([{ openedAt: '+010000-01-01T00:00:00Z', resolvedAt: '+010000-01-01T00:00:01Z' }]).resolved).toStrictEqual([1000]);
    expect(timeToResolutionCounts([{ openedAt: '2024-02-29T00:00:00Z', resolvedAt: '2024-03-01T00:00:00Z' }]).resolved).toStrictEqual([24 * H]);
  });
  it('reads frozen input and never changes it', () => {
    const input = Object.freeze([Object.freeze({ openedAt: new Date(0), resolvedAt: new Date(H) }), Object.freeze({ openedAt: '1970-01-01T00:00:00Z' })]);
    expect(timeToResolution(input).value).toBe(H);
    expect((input[0]!.openedAt as Date).getTime()).toBe(0);
    const counts = Object.freeze({ resolved: Object.freeze([3, 1, 2]), censored: Object.freeze([]), open: 0 });
    expect(timeToResolutionFromCounts(counts).median).toBe(2);
    expect(counts.resolved).toStrictEqual([3, 1, 2]);
  });
  it('returns a frozen, JSON-safe result', () => {
    const r = timeToResolution(tickets);
    expect(Object.isFrozen(r)).toBe(true);
    expect(JSON.parse(JSON.stringify(r))).toStrictEqual(r);
  });
  it('ignores other fields of a ticket', () => {
    expect(timeToResolution([{ id: 7, openedAt: 0, resolvedAt: 5, contacts: 2, resolved: true } as TimeToResolutionTicket]).value).toBe(5);
  });
});

describe('timeToResolution: open tickets', () => {
  const tickets = [{ openedAt: 0, resolvedAt: 1 * H }, { openedAt: 0, resolvedAt: 2 * H }, { openedAt: 0 }, { openedAt: 0, resolvedAt: null }];
  it('leaves them out by default and counts them in open', () => {
    expect(timeToResolution(tickets)).toMatchObject({ median: 1.5 * H, resolved: 2, open: 2, estimator: 'empirical' });
  });
  it('censors them at asOf under open: censor', () => {
    const r = timeToResolution(tickets, { open: 'censor', asOf: 10 * H });
    // S: 3/4 after 1 h, 2/4 = 0.5 after 2 h and flat to the end: the median is open-ended.
    expect(r).toMatchObject({ median: null, p90: null, resolved: 2, open: 2, estimator: 'kaplan-meier' });
    expect(r.mean).toBe((1 + 0.75 + 0.5 * 8) * H);
    expect(timeToResolutionCounts(tickets, { open: 'censor', asOf: 10 * H }).censored).toStrictEqual([10 * H, 10 * H]);
  });
  it('agrees with exclude when nothing is open', () => {
    const closed = tickets.slice(0, 2);
    const a = timeToResolution(closed);
    const b = timeToResolution(closed, { open: 'censor', asOf: 5 * H });
    expect({ ...b, estimator: 'empirical' }).toStrictEqual(a);
  });
  it('counts a ticket opened exactly at asOf as censored at zero', () => {
    expect(timeToResolutionCounts([{ openedAt: H }], { open: 'censor', asOf: H }).censored).toStrictEqual([0]);
  });
  it('rejects a time after asOf, and asOf where it does not belong', () => {
    expectMetricsError(() => timeToResolution([{ openedAt: 2 * H }], { open: 'censor', asOf: H }), METRIC, ['tickets', 0, 'openedAt'], 'inconsistent');
    expectMetricsError(
      () => timeToResolution([{ openedAt: 0, resolvedAt: 2 * H }], { open: 'censor', asOf: H }),
      METRIC,
      ['tickets', 0, 'resolvedAt'],
      'inconsistent',
    );
    expectMetricsError(
      () => timeToResolution([{ openedAt: 0, firstResolvedAt: 2 * H }], { open: 'censor', asOf: H }),
      METRIC,
      ['tickets', 0, 'firstResolvedAt'],
      'inconsistent',
    );
    expectMetricsError(() => timeToResolution([], { open: 'censor' }), METRIC, ['options', 'asOf'], 'missing-value');
    expectMetricsError(() => timeToResolutionCounts([], { open: 'censor' }), METRIC, ['options', 'asOf'], 'missing-value');
    expectMetricsError(() => timeToResolution([], { asOf: 0 }), METRIC, ['options', 'asOf'], 'inconsistent');
    expectMetricsError(() => timeToResolution([], { open: 'exclude', asOf: 0 }), METRIC, ['options', 'asOf'], 'inconsistent');
    expectMetricsError(() => timeToResolution([], { open: 'censor', asOf: '2026-03-02' }), METRIC, ['options', 'asOf'], 'invalid-value');
    expectMetricsError(() => timeToResolution([], { open: 'censor', asOf: 1.5 }), METRIC, ['options', 'asOf'], 'out-of-range');
  });
  it('needs no asOf to read a censored tally, but needs the censored durations', () => {
    // S = 2/4 after 2 exactly: the median is the midpoint of 2 and the next resolution, 3.
    expect(timeToResolutionFromCounts({ resolved: [1, 2, 3], censored: [4], open: 1 }, { open: 'censor' }).median).toBe(2.5);
    expectMetricsError(() => timeToResolutionFromCounts({ resolved: [1], open: 1 }, { open: 'censor' }), METRIC, ['counts', 'censored'], 'inconsistent');
    expectMetricsError(() => timeToResolutionFromCounts({ resolved: [1], censored: [1, 2], open: 1 }), METRIC, ['counts', 'censored'], 'inconsistent');
    // A censored tally read under exclude ignores the censored durations.
    expect(timeToResolutionFromCounts({ resolved: [1, 2, 3], censored: [4], open: 1 }).median).toBe(2);
  });
});

describe('timeToResolution: reopened tickets', () => {
  const reopened = [
    { openedAt: 0, firstResolvedAt: 1 * H, resolvedAt: 5 * H },
    { openedAt: 0, resolvedAt: 2 * H },
    { openedAt: 0, firstResolvedAt: 3 * H },
  ];
  it('measures to the final resolution by default, to the first with resolution: first', () => {
    expect(timeToResolutionCounts(reopened)).toStrictEqual({ metric: METRIC, resolved: [5 * H, 2 * H], censored: [], open: 1 });
    expect(timeToResolutionCounts(reopened, { resolution: 'first' })).toStrictEqual({ metric: METRIC, resolved: [1 * H, 2 * H, 3 * H], censored: [], open: 0 });
  });
  it('censors a reopened ticket that is open again under full resolution', () => {
    expect(timeToResolutionCounts(reopened, { open: 'censor', asOf: 6 * H }).censored).toStrictEqual([6 * H]);
  });
  it('rejects a first resolution before the opening or after the final one', () => {
    expectMetricsError(
      () => timeToResolution([{ openedAt: H, firstResolvedAt: 0, resolvedAt: 2 * H }]),
      METRIC,
      ['tickets', 0, 'firstResolvedAt'],
      'inconsistent',
    );
    expectMetricsError(
      () => timeToResolution([{ openedAt: 0, firstResolvedAt: 3 * H, resolvedAt: 2 * H }]),
      METRIC,
      ['tickets', 0, 'firstResolvedAt'],
      'inconsistent',
    );
    expectMetricsError(() => timeToResolution([{ openedAt: 0, firstResolvedAt: 'soon' }]), METRIC, ['tickets', 0, 'firstResolvedAt'], 'invalid-value');
  });
});

describe('timeToResolution: business hours', () => {
  it('counts working time only, and the same tickets in calendar time', () => {
    const t = [{ openedAt: '2026-03-06T17:00:00+01:00', resolvedAt: '2026-03-09T10:00:00+01:00' }];
    expect(timeToResolution(t, { businessHours: AMSTERDAM }).value).toBe(2 * H);
    expect(timeToResolution(t).value).toBe(65 * H);
  });
  it('counts nothing outside hours, and the full window inside', () => {
    const sunday = [{ openedAt: '2026-03-08T10:00:00+01:00', resolvedAt: '2026-03-08T16:00:00+01:00' }];
    expect(timeToResolution(sunday, { businessHours: AMSTERDAM }).value).toBe(0);
    const week = [{ openedAt: '2026-03-02T00:00:00+01:00', resolvedAt: '2026-03-09T00:00:00+01:00' }];
    expect(timeToResolution(week, { businessHours: AMSTERDAM }).value).toBe(45 * H);
  });
  it('works in zones far from UTC and with half-hour offsets', () => {
    const kolkata = { timeZone: 'Asia/Kolkata', days: WEEKDAYS };
    expect(timeToResolution([{ openedAt: '2026-03-06T17:00:00+05:30', resolvedAt: '2026-03-09T10:00:00+05:30' }], { businessHours: kolkata }).value).toBe(
      2 * H,
    );
    const kiritimati = { timeZone: 'Pacific/Kiritimati', days: WEEKDAYS };
    expect(timeToResolution([{ openedAt: '2026-03-06T17:00:00+14:00', resolvedAt: '2026-03-09T10:00:00+14:00' }], { businessHours: kiritimati }).value).toBe(
      2 * H,
    );
    const honolulu = { timeZone: 'Pacific/Honolulu', days: WEEKDAYS };
    expect(timeToResolution([{ openedAt: '2026-03-06T17:00:00-10:00', resolvedAt: '2026-03-09T10:00:00-10:00' }], { businessHours: honolulu }).value).toBe(
      2 * H,
    );
  });
  it('measures data spread over centuries day by day (sparse days) as the dense table does', () => {
    const h = parseBusinessHours({ timeZone: 'Europe/Amsterdam', days: WEEKDAYS, holidays: ['2026-04-06'] });
    const a = Date.parse('2026-03-20T13:17:00Z');
    const b = Date.parse('2026-04-10T08:01:00Z');
    const dense = businessClock(h, a, b);
    const sparse = businessClock(h, Date.parse('1800-01-01T00:00:00Z'), b);
    for (let from = a; from < b; from += 7 * H + 123_457) {
      for (const to of [from, from + 5 * H, from + 49 * H, b]) {
        if (to >= from && to <= b) expect(sparse(from, to)).toBe(dense(from, to));
      }
    }
    const far = [
      { openedAt: '1900-01-05T17:00:00Z', resolvedAt: '1900-01-08T10:00:00Z' },
      { openedAt: '2026-03-06T17:00:00+01:00', resolvedAt: '2026-03-09T10:00:00+01:00' },
    ];
    // 1900-01-05 was a Friday; in UTC the 2026 ticket runs Friday 16:00Z to Monday 09:00Z.
    expect(timeToResolutionCounts(far, { businessHours: { timeZone: 'UTC', days: WEEKDAYS } }).resolved).toStrictEqual([2 * H, 2 * H]);
  });
  it('applies business hours to censored durations too', () => {
    expect(
      timeToResolutionCounts([{ openedAt: '2026-03-06T17:00:00+01:00' }], { businessHours: AMSTERDAM, open: 'censor', asOf: '2026-03-09T10:00:00+01:00' })
        .censored,
    ).toStrictEqual([2 * H]);
  });
  it('rejects bad business hours with their paths', () => {
    const bad = (businessHours: unknown) => () => timeToResolution([], { businessHours: businessHours as never });
    expectMetricsError(bad({ timeZone: 'Mars/Olympus', days: WEEKDAYS }), METRIC, ['options', 'businessHours', 'timeZone'], 'invalid-value');
    expectMetricsError(bad({ timeZone: '', days: WEEKDAYS }), METRIC, ['options', 'businessHours', 'timeZone'], 'invalid-value');
    expectMetricsError(bad({ timeZone: 1, days: WEEKDAYS }), METRIC, ['options', 'businessHours', 'timeZone'], 'invalid-type');
    expectMetricsError(bad({ days: WEEKDAYS }), METRIC, ['options', 'businessHours', 'timeZone'], 'missing-value');
    expectMetricsError(bad({ timeZone: 'UTC', days: {} }), METRIC, ['options', 'businessHours', 'days'], 'invalid-value');
    expectMetricsError(bad({ timeZone: 'UTC', days: { monday: ['09:00', '18:00'] } }), METRIC, ['options', 'businessHours', 'days', 'monday'], 'unknown-key');
    expectMetricsError(bad({ timeZone: 'UTC', days: { mon: ['9:00', '18:00'] } }), METRIC, ['options', 'businessHours', 'days', 'mon', 0], 'invalid-value');
    expectMetricsError(bad({ timeZone: 'UTC', days: { mon: ['09:00', '24:01'] } }), METRIC, ['options', 'businessHours', 'days', 'mon', 1], 'invalid-value');
    expectMetricsError(bad({ timeZone: 'UTC', days: { mon: ['18:00', '09:00'] } }), METRIC, ['options', 'businessHours', 'days', 'mon', 1], 'inconsistent');
    expectMetricsError(bad({ timeZone: 'UTC', days: { mon: ['09:00', '09:00'] } }), METRIC, ['options', 'businessHours', 'days', 'mon', 1], 'inconsistent');
    expectMetricsError(bad({ timeZone: 'UTC', days: { mon: ['09:00'] } }), METRIC, ['options', 'businessHours', 'days', 'mon']);
    expectMetricsError(
      bad({ timeZone: 'UTC', days: { mon: ['09:00', '18:00'] }, holidays: ['2026-02-30'] }),
      METRIC,
      ['options', 'businessHours', 'holidays', 0],
      'invalid-value',
    );
    expectMetricsError(
      bad({ timeZone: 'UTC', days: { mon: ['09:00', '18:00'] }, holidays: '2026-12-25' }),
      METRIC,
      ['options', 'businessHours', 'holidays'],
      'invalid-type',
    );
    expectMetricsError(
      bad({ timeZone: 'UTC', days: { mon: ['09:00', '18:00'] }, weekend: [] }),
      METRIC,
      ['options', 'businessHours', 'weekend'],
      'unknown-key',
    );
  });
});

describe('timeToResolution: invalid input', () => {
  it('rejects bad times at the ticket and field', () => {
    const at = (ticket: unknown, field: string | undefined, code: string) =>
      expectMetricsError(
        () => timeToResolution([{ openedAt: 0, resolvedAt: 1 }, ticket as never]),
        METRIC,
        field === undefined ? ['tickets', 1] : ['tickets', 1, field],
        code,
      );
    at({ openedAt: '2026-03-02T09:00:00' }, 'openedAt', 'invalid-value');
    at({ openedAt: '2026-03-02' }, 'openedAt', 'invalid-value');
    at({ openedAt: '2026-02-30T09:00:00Z' }, 'openedAt', 'invalid-value');
    at({ openedAt: '2026-03-02T24:00:00Z' }, 'openedAt', 'invalid-value');
    at({ openedAt: '2026-03-02T09:00:00+25:00' }, 'openedAt', 'invalid-value');
    at({ openedAt: 'yesterday' }, 'openedAt', 'invalid-value');
    at({ openedAt: new Date('nope') }, 'openedAt', 'invalid-value');
    at({ openedAt: NaN }, 'openedAt', 'invalid-value');
    at({ openedAt: 1.5 }, 'openedAt', 'out-of-range');
    at({ openedAt: Infinity }, 'openedAt', 'out-of-range');
    at({ openedAt: 9e15 }, 'openedAt', 'out-of-range');
    at({ openedAt: true }, 'openedAt', 'invalid-type');
    at({ openedAt: 10n }, 'openedAt', 'invalid-type');
    at({}, 'openedAt', 'missing-value');
    at({ openedAt: null }, 'openedAt', 'missing-value');
    at({ openedAt: 0, resolvedAt: '2026-03-02T09:00' }, 'resolvedAt', 'invalid-value');
    at({ openedAt: 0, resolvedAt: {} }, 'resolvedAt', 'invalid-type');
    at({ openedAt: 0, resolvedAt: NaN }, 'resolvedAt', 'invalid-value');
    at({ openedAt: 10, resolvedAt: 9 }, 'resolvedAt', 'inconsistent');
    at({ openedAt: '2026-03-02T10:00:00+01:00', resolvedAt: '2026-03-02T08:30:00Z' }, 'resolvedAt', 'inconsistent');
    at({ openedAt: -8.64e15, resolvedAt: 8.64e15 }, 'resolvedAt', 'out-of-range');
    at(null, undefined, 'missing-value');
    at('ticket', undefined, 'invalid-type');
  });
  it('rejects a non-array', () => {
    expectMetricsError(() => timeToResolution(null as never), METRIC, ['tickets'], 'invalid-type');
    expectMetricsError(() => timeToResolutionCounts({} as never), METRIC, ['tickets'], 'invalid-type');
  });
  it('rejects bad options with their paths', () => {
    expectMetricsError(() => timeToResolution([], { statistic: 'p90' as never }), METRIC, ['options', 'statistic'], 'invalid-value');
    expectMetricsError(() => timeToResolution([], { open: 'drop' as never }), METRIC, ['options', 'open'], 'invalid-value');
    expectMetricsError(() => timeToResolution([], { resolution: 'last' as never }), METRIC, ['options', 'resolution'], 'invalid-value');
    expectMetricsError(() => timeToResolution([], { decimals: 20 }), METRIC, ['options', 'decimals'], 'out-of-range');
    expectMetricsError(() => timeToResolution([], { businesshours: {} } as never), METRIC, ['options', 'businesshours'], 'unknown-key');
    expectMetricsError(() => timeToResolution([], 'median' as never), METRIC, ['options'], 'invalid-type');
  });
  it('rejects bad tallies', () => {
    expectMetricsError(() => timeToResolutionFromCounts({ resolved: [1, -1], open: 0 }), METRIC, ['counts', 'resolved', 1], 'out-of-range');
    expectMetricsError(() => timeToResolutionFromCounts({ resolved: [1.5], open: 0 }), METRIC, ['counts', 'resolved', 0], 'out-of-range');
    expectMetricsError(() => timeToResolutionFromCounts({ resolved: ['1' as never], open: 0 }), METRIC, ['counts', 'resolved', 0], 'invalid-type');
    expectMetricsError(() => timeToResolutionFromCounts({ resolved: [null as never], open: 0 }), METRIC, ['counts', 'resolved', 0], 'missing-value');
    expectMetricsError(() => timeToResolutionFromCounts({ resolved: [], censored: [2 ** 53], open: 1 }), METRIC, ['counts', 'censored', 0], 'out-of-range');
    expectMetricsError(() => timeToResolutionFromCounts({ resolved: 5 as never, open: 0 }), METRIC, ['counts', 'resolved'], 'invalid-value');
    expectMetricsError(() => timeToResolutionFromCounts({ resolved: [], open: -1 }), METRIC, ['counts', 'open'], 'out-of-range');
    expectMetricsError(() => timeToResolutionFromCounts({ resolved: [] } as never), METRIC, ['counts', 'open'], 'missing-value');
    expectMetricsError(() => timeToResolutionFromCounts({ metric: 'nps', resolved: [], open: 0 } as never), METRIC, ['counts', 'metric']);
    expectMetricsError(() => timeToResolutionFromCounts({ resolved: [], open: 0, extra: 1 } as never), METRIC, ['counts', 'extra'], 'unknown-key');
  });
});

describe('timeToResolution: tallies', () => {
  it('merge into the tally of the whole', () => {
    const a = [{ openedAt: 0, resolvedAt: 3 }, { openedAt: 0 }];
    const b = [{ openedAt: 0, resolvedAt: 1 }];
    const o = { open: 'censor', asOf: 10 } as const;
    const merged = mergeCounts(timeToResolutionCounts(a, o), timeToResolutionCounts(b, o));
    expect(merged).toStrictEqual({ metric: METRIC, resolved: [3, 1], censored: [10], open: 1 });
    expect(timeToResolutionFromCounts(merged, o)).toStrictEqual(timeToResolution([...a, ...b], o));
  });
});

describe('timeToResolution: independent of the machine time zone', () => {
  // Only UTC and Intl APIs are used: Date.prototype.getTime, our own calendar
  // arithmetic, and Intl.DateTimeFormat with an explicit timeZone. Running the
  // same calls under different machine zones must change nothing. Node reads TZ
  // per process and ignores process.env.TZ assigned in a worker thread, so each
  // zone runs the calls in a child process started with TZ in its environment.
  const script = join(import.meta.dirname, '..', 'helpers', 'time-zone-scenario.ts');
  const runIn = async (zone: string): Promise<{ offset: number; results: unknown[] }> => {
    const { stdout } = await execFileAsync(process.execPath, ['--import', 'tsx', script], {
      cwd: join(import.meta.dirname, '..', '..'),
      env: { ...process.env, TZ: zone },
      encoding: 'utf8',
    });
    return JSON.parse(stdout) as { offset: number; results: unknown[] };
  };
  it('gives identical results under machine zones on both sides of UTC', { timeout: 60_000 }, async () => {
    const zones = ['America/Los_Angeles', 'Asia/Kathmandu', 'Pacific/Chatham', 'Europe/Amsterdam', 'America/St_Johns'];
    const [reference, ...runs] = await Promise.all(['UTC', ...zones].map(runIn));
    expect(reference!.offset).toBe(0);
    const offsets = new Set<number>();
    for (const [i, zone] of zones.entries()) {
      offsets.add(runs[i]!.offset);
      expect(runs[i]!.results, zone).toStrictEqual(reference!.results);
    }
    // The switch took effect: the zones have five different offsets in January.
    expect(offsets.size).toBe(5);
  });
  it('uses no local-time Date API and no Date.parse in its sources', () => {
    const root = join(import.meta.dirname, '..', '..', 'src');
    // Every file of the time core, the survival statistics and the metric itself.
    const files = [
      ...readdirSync(join(root, 'core', 'time')).map((f) => `core/time/${f}`),
      ...readdirSync(join(root, 'metrics'))
        .filter((f) => f.startsWith('time-to-resolution'))
        .map((f) => `metrics/${f}`),
      'core/stats/kaplan-meier.ts',
    ];
    expect(files.length).toBeGreaterThanOrEqual(5);
    const local =
      /\.(get|set)(FullYear|Month|Date|Day|Hours|Minutes|Seconds|Milliseconds|Time|Year)\(|getTimezoneOffset|toLocale\w*\(|Date\.parse\(|new Date\(/;
    for (const file of files) {
      const code = readFileSync(join(root, file), 'utf8')
        .split('\n')
        .filter((line) => !/^\s*(\*|\/\/)/.test(line))
        .join('\n');
      expect(local.exec(code)?.[0], file).toBeUndefined();
    }
  });
});

describe('timeToResolution: the demo sample tickets', () => {
  const sample = JSON.parse(readFileSync(join(import.meta.dirname, '..', '..', 'examples', 'data', 'tickets.json'), 'utf8')) as {
    asOf: string;
    businessHours: { timeZone: string; days: Record<string, [string, string]>; holidays: string[] };
    tickets: (TimeToResolutionTicket & { contacts: number; resolved: boolean; reopened: boolean })[];
  };
  it('are valid under every option the demo uses', () => {
    const hours = sample.businessHours as never;
    expect(sample.tickets).toHaveLength(40);
    expect(timeToResolution(sample.tickets)).toMatchObject({ resolved: 35, open: 5 });
    expect(timeToResolution(sample.tickets, { businessHours: hours })).toMatchObject({ resolved: 35, open: 5 });
    expect(timeToResolution(sample.tickets, { businessHours: hours, open: 'censor', asOf: sample.asOf }).estimator).toBe('kaplan-meier');
    expect(timeToResolution(sample.tickets, { businessHours: hours, resolution: 'first' })).toMatchObject({ resolved: 37, open: 3 });
  });
  it('keep their FCR fields consistent with their times', () => {
    for (const t of sample.tickets) {
      expect(t.resolved).toBe(t.resolvedAt !== null && t.resolvedAt !== undefined);
      expect(t.reopened).toBe(t.firstResolvedAt !== undefined);
    }
  });
});
