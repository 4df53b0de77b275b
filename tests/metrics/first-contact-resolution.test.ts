import { describe, expect, it } from 'vitest';
import { firstContactResolution, firstContactResolutionCounts, firstContactResolutionFromCounts, mergeCounts } from '../../src/index.js';
import { expectMetricsError } from '../helpers/errors.js';
import { fcrCountVectors, fcrTicketVectors } from '../vectors/first-contact-resolution.js';

const METRIC = 'firstContactResolution';

describe('firstContactResolution: documented examples', () => {
  it('repeats the TSDoc examples', () => {
    const tickets = [
      { contacts: 1, resolved: true },
      { contacts: 1, resolved: true, reopened: true },
      { contacts: 3, resolved: true },
      { contacts: 1, resolved: false },
    ];
    expect(firstContactResolution(tickets).value).toBe(100 / 3);
    expect(firstContactResolution(tickets, { denominator: 'all' }).value).toBe(25);
    expect(firstContactResolution(tickets, { decimals: 1 }).repeatContactPercent).toBe(66.7);
    expect(firstContactResolution([true, true, false, true]).value).toBe(75);
    expect(firstContactResolution([]).value).toBe(null);
    expect(firstContactResolution(tickets).warnings.map((w) => w.code)).toStrictEqual(['small-sample']);
    expect(
      firstContactResolutionFromCounts({ total: 354, resolved: 246, resolvedFirstContact: 246 }, { denominator: 'all', interval: true, decimals: 1 }).interval,
    ).toStrictEqual({ lower: 64.5, upper: 74.1, level: 0.95, method: 'wilson', standardError: null, clamped: false });
    expect(
      firstContactResolutionCounts([
        { contacts: 1, resolved: true },
        { contacts: 2, resolved: true },
        { contacts: 1, resolved: false },
      ]),
    ).toStrictEqual({
      metric: METRIC,
      total: 3,
      resolved: 2,
      resolvedFirstContact: 1,
    });
    expect(firstContactResolutionCounts([true, false]).resolved).toBe(2);
    expect(firstContactResolutionFromCounts({ total: 13, resolved: 8, resolvedFirstContact: 8 }, { denominator: 'all', decimals: 2 }).value).toBe(61.54);
    expectMetricsError(
      () => firstContactResolutionFromCounts({ total: 5, resolved: 6, resolvedFirstContact: 1 }),
      METRIC,
      ['counts', 'resolved'],
      'inconsistent',
    );
  });
});

describe('firstContactResolution: reference vectors', () => {
  it.each(fcrTicketVectors.map((v) => [v.name, v] as const))('%s', (_name, v) => {
    const r = firstContactResolution(v.input, v.options);
    expect({ value: r.value, resolved: r.resolved, resolvedFirstContact: r.resolvedFirstContact, total: r.total }).toStrictEqual(v.expected);
  });
  it.each(fcrCountVectors.map((v) => [v.name, v] as const))('%s', (_name, v) => {
    expect(firstContactResolutionFromCounts(v.input, v.options).value).toStrictEqual(v.expected.value);
  });
});

describe('firstContactResolution: results', () => {
  it('returns the whole skeleton', () => {
    expect(
      firstContactResolution([
        { contacts: 1, resolved: true },
        { contacts: 2, resolved: true },
        { contacts: 1, resolved: false },
      ]),
    ).toStrictEqual({
      metric: METRIC,
      unit: 'percent',
      value: 50,
      denominator: 'resolved',
      resolved: 2,
      resolvedFirstContact: 1,
      total: 3,
      repeatContactPercent: 50,
      warnings: [{ code: 'small-sample', message: expect.any(String) }],
    });
  });
  it('adds the interval before the warnings only when asked for, on either denominator', () => {
    const c = { total: 354, resolved: 300, resolvedFirstContact: 246 };
    const all = firstContactResolutionFromCounts(c, { denominator: 'all', interval: true, decimals: 1 });
    expect(all).toStrictEqual({
      metric: METRIC,
      unit: 'percent',
      value: 69.5,
      denominator: 'all',
      resolved: 300,
      resolvedFirstContact: 246,
      total: 354,
      repeatContactPercent: 30.5,
      interval: { lower: 64.5, upper: 74.1, level: 0.95, method: 'wilson', standardError: null, clamped: false },
      warnings: [],
    });
    expect(Object.keys(all).slice(-2)).toStrictEqual(['interval', 'warnings']);
    // Over resolved tickets: 246 of 300, the same interval as 246 of 300 survey answers.
    const resolved = firstContactResolutionFromCounts(c, { interval: { method: 'agresti-coull', level: 0.9 } });
    expect(resolved.interval).toStrictEqual(
      firstContactResolutionFromCounts(
        { total: 300, resolved: 300, resolvedFirstContact: 246 },
        { denominator: 'all', interval: { method: 'agresti-coull', level: 0.9 } },
      ).interval,
    );
    expect(resolved.interval!.standardError).toBeGreaterThan(0);
    expect('interval' in firstContactResolutionFromCounts(c)).toBe(false);
    expect('interval' in firstContactResolutionFromCounts(c, { interval: false })).toBe(false);
  });
  it('gives a null interval with a null value', () => {
    expect(firstContactResolution([{ contacts: 1, resolved: false }], { interval: true })).toMatchObject({ value: null, interval: null, warnings: [] });
    expect(firstContactResolution([], { interval: { method: 'jeffreys' } })).toMatchObject({ value: null, interval: null, warnings: [] });
  });
  it('warns on small samples by the proportion rule, and on a degenerate Wald interval', () => {
    const codes = (c: { total: number; resolved: number; resolvedFirstContact: number }, o = {}) =>
      firstContactResolutionFromCounts(c, o).warnings.map((w) => w.code);
    expect(codes({ total: 100, resolved: 29, resolvedFirstContact: 15 })).toStrictEqual(['small-sample']);
    expect(codes({ total: 100, resolved: 29, resolvedFirstContact: 15 }, { denominator: 'all' })).toStrictEqual([]);
    expect(codes({ total: 40, resolved: 40, resolvedFirstContact: 31 })).toStrictEqual(['small-sample']);
    expect(codes({ total: 40, resolved: 40, resolvedFirstContact: 30 })).toStrictEqual([]);
    const wald = firstContactResolution([true, true, true], { interval: { method: 'wald' } });
    expect(wald.interval).toStrictEqual({ lower: 100, upper: 100, level: 0.95, method: 'wald', standardError: 0, clamped: false });
    expect(wald.warnings.map((w) => w.code)).toStrictEqual(['small-sample', 'degenerate-wald']);
  });
  it('gives null value and repeat percent for an empty input or a zero denominator', () => {
    expect(firstContactResolution([])).toStrictEqual({
      metric: METRIC,
      unit: 'percent',
      value: null,
      denominator: 'resolved',
      resolved: 0,
      resolvedFirstContact: 0,
      total: 0,
      repeatContactPercent: null,
      warnings: [],
    });
    expect(firstContactResolution([{ contacts: 1, resolved: false }]).value).toBe(null);
    expect(firstContactResolution([{ contacts: 1, resolved: false }], { denominator: 'all' })).toMatchObject({ value: 0, repeatContactPercent: 100 });
    expect(firstContactResolutionFromCounts({ total: 0, resolved: 0, resolvedFirstContact: 0 }, { denominator: 'all' }).value).toBe(null);
  });
  it('handles one ticket of each kind', () => {
    expect(firstContactResolution([{ contacts: 1, resolved: true }]).value).toBe(100);
    expect(firstContactResolution([{ contacts: 2, resolved: true }]).value).toBe(0);
    expect(firstContactResolution([{ contacts: 1, resolved: true, reopened: true }]).value).toBe(0);
    expect(firstContactResolution([{ contacts: 1, resolved: true, reopened: false }]).value).toBe(100);
    expect(firstContactResolution([{ contacts: 1, resolved: true, reopened: undefined }]).value).toBe(100);
    expect(firstContactResolution([true]).value).toBe(100);
    expect(firstContactResolution([false])).toMatchObject({ value: 0, resolved: 1, total: 1, repeatContactPercent: 100 });
  });
  it('ignores other fields of a ticket', () => {
    const ticket = { id: 'T-1', contacts: 1, resolved: true, openedAt: '2026-03-02T09:00:00Z', channel: 'chat' };
    expect(firstContactResolution([ticket]).value).toBe(100);
  });
  it('keeps value + repeatContactPercent at exactly 100 when rounded', () => {
    // 1 / 8 = 12.5%: half-up gives 13 and 87; half-even 12 and 88.
    const c = { total: 8, resolved: 8, resolvedFirstContact: 1 };
    expect(firstContactResolutionFromCounts(c, { decimals: 0 })).toMatchObject({ value: 13, repeatContactPercent: 87 });
    expect(firstContactResolutionFromCounts(c, { decimals: 0, rounding: 'half-even' })).toMatchObject({ value: 12, repeatContactPercent: 88 });
    const third = firstContactResolutionFromCounts({ total: 3, resolved: 3, resolvedFirstContact: 1 }, { decimals: 2 });
    expect([third.value, third.repeatContactPercent]).toStrictEqual([33.33, 66.67]);
    expect(firstContactResolutionFromCounts({ total: 3, resolved: 3, resolvedFirstContact: 1 }).repeatContactPercent).toBe(200 / 3);
  });
  it('never gives -0', () => {
    const r = firstContactResolution([{ contacts: 2, resolved: true }]);
    expect(Object.is(r.value, 0)).toBe(true);
    expect(Object.is(firstContactResolution([true]).repeatContactPercent, 0)).toBe(true);
  });
  it('reads frozen input and never changes it', () => {
    const tickets = Object.freeze([Object.freeze({ contacts: 1, resolved: true }), Object.freeze({ contacts: 2, resolved: true })]);
    expect(firstContactResolution(tickets).value).toBe(50);
    const answers = Object.freeze([true, false]);
    expect(firstContactResolution(answers).value).toBe(50);
    expect(answers).toStrictEqual([true, false]);
  });
  it('returns a frozen, JSON-safe result', () => {
    const r = firstContactResolution([true, false, true]);
    expect(Object.isFrozen(r)).toBe(true);
    expect(JSON.parse(JSON.stringify(r))).toStrictEqual(r);
  });
  it('merges tallies of parts', () => {
    const a = firstContactResolutionCounts([
      { contacts: 1, resolved: true },
      { contacts: 1, resolved: false },
    ]);
    const b = firstContactResolutionCounts([true, false, true]);
    const merged = mergeCounts(a, b);
    expect(merged).toStrictEqual({ metric: METRIC, total: 5, resolved: 4, resolvedFirstContact: 3 });
    expect(firstContactResolutionFromCounts(merged).value).toBe(75);
  });
  it('accepts a tally with or without its metric name', () => {
    expect(firstContactResolutionFromCounts({ metric: METRIC, total: 2, resolved: 2, resolvedFirstContact: 1 }).value).toBe(50);
  });
});

describe('firstContactResolution: invalid input', () => {
  it('rejects bad tickets at their field', () => {
    expectMetricsError(() => firstContactResolution([{ contacts: 0, resolved: true }]), METRIC, ['tickets', 0, 'contacts'], 'out-of-range');
    expectMetricsError(() => firstContactResolution([{ contacts: 1.5, resolved: true }]), METRIC, ['tickets', 0, 'contacts'], 'out-of-range');
    expectMetricsError(() => firstContactResolution([{ contacts: Infinity, resolved: true }]), METRIC, ['tickets', 0, 'contacts'], 'out-of-range');
    expectMetricsError(() => firstContactResolution([{ contacts: 2 ** 60, resolved: true }]), METRIC, ['tickets', 0, 'contacts'], 'out-of-range');
    expectMetricsError(() => firstContactResolution([{ contacts: NaN, resolved: true }]), METRIC, ['tickets', 0, 'contacts'], 'missing-value');
    expectMetricsError(() => firstContactResolution([{ contacts: '1', resolved: true } as never]), METRIC, ['tickets', 0, 'contacts'], 'invalid-type');
    expectMetricsError(
      () => firstContactResolution([{ contacts: 1, resolved: true }, { contacts: 1 } as never]),
      METRIC,
      ['tickets', 1, 'resolved'],
      'missing-value',
    );
    expectMetricsError(() => firstContactResolution([{ contacts: 1, resolved: 'yes' } as never]), METRIC, ['tickets', 0, 'resolved'], 'invalid-type');
    expectMetricsError(
      () => firstContactResolution([{ contacts: 1, resolved: true, reopened: 1 } as never]),
      METRIC,
      ['tickets', 0, 'reopened'],
      'invalid-type',
    );
    expectMetricsError(
      () => firstContactResolution([{ contacts: 1, resolved: true, reopened: null } as never]),
      METRIC,
      ['tickets', 0, 'reopened'],
      'missing-value',
    );
  });
  it("rejects an element not of the first element's form", () => {
    expectMetricsError(() => firstContactResolution([{ contacts: 1, resolved: true }, true] as never), METRIC, ['tickets', 1], 'invalid-type');
    expectMetricsError(() => firstContactResolution([true, { contacts: 1, resolved: true }] as never), METRIC, ['tickets', 1], 'invalid-type');
    expectMetricsError(() => firstContactResolution([true, null] as never), METRIC, ['tickets', 1], 'missing-value');
    expectMetricsError(() => firstContactResolution([true, 1] as never), METRIC, ['tickets', 1], 'invalid-type');
    expectMetricsError(() => firstContactResolution([null] as never), METRIC, ['tickets', 0], 'missing-value');
    // eslint-disable-next-line no-sparse-arrays
    // biome-ignore lint/suspicious/noSparseArray: a hole is the missing answer under test
    expectMetricsError(() => firstContactResolution([true, , true] as never), METRIC, ['tickets', 1], 'missing-value');
  });
  it('rejects a non-array', () => {
    expectMetricsError(() => firstContactResolution(null as never), METRIC, ['tickets'], 'invalid-type');
    expectMetricsError(() => firstContactResolution({ contacts: 1, resolved: true } as never), METRIC, ['tickets'], 'invalid-type');
    expectMetricsError(() => firstContactResolutionCounts('tickets' as never), METRIC, ['tickets'], 'invalid-type');
  });
  it('rejects bad options with their paths', () => {
    expectMetricsError(() => firstContactResolution([], { denominator: 'contacts' as never }), METRIC, ['options', 'denominator'], 'invalid-value');
    expectMetricsError(() => firstContactResolution([], { decimals: 16 }), METRIC, ['options', 'decimals'], 'out-of-range');
    expectMetricsError(() => firstContactResolution([], { rounding: 'up' as never }), METRIC, ['options', 'rounding'], 'invalid-value');
    expectMetricsError(() => firstContactResolution([], { denominators: 'all' } as never), METRIC, ['options', 'denominators'], 'unknown-key');
    expectMetricsError(() => firstContactResolutionCounts([], 1 as never), METRIC, ['options'], 'invalid-type');
    expectMetricsError(() => firstContactResolutionFromCounts({ total: 0, resolved: 0, resolvedFirstContact: 0 }, { decimals: -1 }), METRIC, [
      'options',
      'decimals',
    ]);
    expectMetricsError(() => firstContactResolution([], { interval: { level: 0 } }), METRIC, ['options', 'interval', 'level'], 'out-of-range');
    expectMetricsError(
      () => firstContactResolution([], { interval: { method: 'adjusted-wald' } } as never),
      METRIC,
      ['options', 'interval', 'method'],
      'invalid-value',
    );
    expectMetricsError(() => firstContactResolution([], { interval: { resamples: 10 } } as never), METRIC, ['options', 'interval', 'resamples'], 'unknown-key');
    expectMetricsError(() => firstContactResolutionCounts([], { interval: 1 } as never), METRIC, ['options', 'interval'], 'invalid-value');
  });
  it('rejects bad tallies', () => {
    expectMetricsError(
      () => firstContactResolutionFromCounts({ total: -1, resolved: 0, resolvedFirstContact: 0 }),
      METRIC,
      ['counts', 'total'],
      'out-of-range',
    );
    expectMetricsError(
      () => firstContactResolutionFromCounts({ total: 2, resolved: 1.5, resolvedFirstContact: 0 }),
      METRIC,
      ['counts', 'resolved'],
      'out-of-range',
    );
    expectMetricsError(() => firstContactResolutionFromCounts({ total: 2, resolved: 2 } as never), METRIC, ['counts', 'resolvedFirstContact'], 'missing-value');
    expectMetricsError(
      () => firstContactResolutionFromCounts({ total: 2, resolved: 1, resolvedFirstContact: 2 }),
      METRIC,
      ['counts', 'resolvedFirstContact'],
      'inconsistent',
    );
    expectMetricsError(
      () => firstContactResolutionFromCounts({ total: 2, resolved: 3, resolvedFirstContact: 0 }),
      METRIC,
      ['counts', 'resolved'],
      'inconsistent',
    );
    expectMetricsError(() => firstContactResolutionFromCounts({ metric: 'nps', total: 1, resolved: 1, resolvedFirstContact: 1 } as never), METRIC, [
      'counts',
      'metric',
    ]);
    expectMetricsError(
      () => firstContactResolutionFromCounts({ total: 1, resolved: 1, resolvedFirstContact: 1, reopened: 0 } as never),
      METRIC,
      ['counts', 'reopened'],
      'unknown-key',
    );
    expectMetricsError(() => firstContactResolutionFromCounts(null as never), METRIC, ['counts'], 'missing-value');
  });
});
