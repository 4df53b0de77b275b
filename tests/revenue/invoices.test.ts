/**
 * mrrFromInvoices: every option and error first, then invoice lines with
 * hand-computed monthly amounts (whole calendar months exactly, other
 * lengths by days over 365.25 / 12, rounded half-even), compared exactly.
 */
import { describe, expect, it } from 'vitest';
import { type InvoiceMrrChange, type MetricsPath, mrrFromInvoices, mrrSeries } from '../../src/index.js';
import { expectMetricsError } from '../helpers/errors.js';

const M = 'mrrFromInvoices';
const UTC = { timeZone: 'UTC' } as const;

/** Expects a MetricsError of `mrrFromInvoices` at `path` with `code`, whose first message starts with `start`. */
function expectError(fn: () => unknown, path: MetricsPath, code: string, start: string): void {
  const e = expectMetricsError(fn, M, path, code);
  expect(e.issues[0]!.message.slice(0, start.length)).toBe(start);
}

/** The changes as [customerId, at, mrr]. */
const triples = (log: readonly InvoiceMrrChange[]) => log.map((c) => [c.customerId, c.at, c.mrr]);

/** A line of customer `id` over [start, end). */
const line = (customerId: string | number, amount: string | number, servicePeriodStart: unknown, servicePeriodEnd: unknown, more: object = {}) => ({
  customerId,
  amount,
  servicePeriodStart,
  servicePeriodEnd,
  ...more,
});

describe('mrrFromInvoices: errors', () => {
  const ok = line('a', '10.00', '2025-01-01', '2025-02-01');
  const run =
    (lines: unknown, options: unknown = UTC) =>
    () =>
      mrrFromInvoices(lines as never, options as never);

  it('refuses bad options', () => {
    expectError(
      () => mrrFromInvoices([ok], undefined as never),
      ['options'],
      'missing-value',
      'expected options { timeZone, ... } (a plain object), received undefined',
    );
    expectError(run([ok], 'UTC'), ['options'], 'invalid-type', 'expected options { timeZone, ... }');
    expectError(
      run([ok], {}),
      ['options', 'timeZone'],
      'missing-value',
      'expected the IANA time zone the service periods are dated in, such as "Europe/Berlin", received undefined',
    );
    expectError(run([ok], { timeZone: 'Nowhere/City' }), ['options', 'timeZone'], 'invalid-value', 'expected the IANA time zone');
    expectError(run([ok], { timeZone: 1 }), ['options', 'timeZone'], 'invalid-type', 'expected the IANA time zone');
    expectError(run([ok], { ...UTC, months: 'exact' }), ['options', 'months'], 'invalid-value', 'expected "calendar" or "mean-month", received "exact"');
    for (const decimals of [-1, 1.5, 21, '2'])
      expectError(run([ok], { ...UTC, decimals }), ['options', 'decimals'], 'out-of-range', "expected the currency's minor unit, an integer from 0 to 20");
    expectError(run([ok], { ...UTC, attributes: 'plan' }), ['options', 'attributes'], 'invalid-type', 'expected a list of field names, received "plan"');
    expectError(run([ok], { ...UTC, attributes: ['plan', 1] }), ['options', 'attributes'], 'invalid-type', 'expected a list of field names');
    expectError(
      run([ok], { ...UTC, attributes: ['mrr'] }),
      ['options', 'attributes'],
      'invalid-value',
      'expected attributes other than the change log\u2019s own fields'.replace('\u2019', "'"),
    );
    expectError(run([ok], { ...UTC, fields: 'amount' }), ['options', 'fields'], 'invalid-type', 'expected the line field names (a plain object)');
    expectError(run([ok], { ...UTC, fields: { total: 'amount' } }), ['options', 'fields', 'total'], 'unknown-key', 'unknown key "total"');
    expectError(run([ok], { ...UTC, fields: { amount: 5 } }), ['options', 'fields', 'amount'], 'invalid-type', 'expected a line field name');
    expectError(run([ok], { ...UTC, asOf: '2025-01-01' }), ['options', 'asOf'], 'invalid-value', 'expected ');
  });

  it('refuses unknown options', () => {
    expectError(
      run([ok], { ...UTC, period: 'month' }),
      ['options', 'period'],
      'unknown-key',
      'unknown key "period"; expected one of timeZone, months, decimals, attributes, fields, asOf',
    );
  });

  it('refuses lines that are not an array of records', () => {
    expectError(run('lines'), ['lines'], 'invalid-type', 'expected an array of invoice lines, received "lines"');
    expectError(run(undefined), ['lines'], 'missing-value', 'expected an array of invoice lines');
    expectError(run([ok, 3]), ['lines', 1], 'invalid-type', 'expected an invoice line (a plain object), received 3');
    expectError(run([null]), ['lines', 0], 'missing-value', 'expected an invoice line (a plain object), received null');
  });

  it('refuses a bad id or amount', () => {
    expectError(run([{ ...ok, customerId: undefined }]), ['lines', 0, 'customerId'], 'missing-value', 'expected a customer id (a string or a finite number)');
    expectError(run([ok, { ...ok, customerId: [1] }]), ['lines', 1, 'customerId'], 'invalid-type', 'expected a customer id');
    expectError(run([{ ...ok, amount: -5 }]), ['lines', 0, 'amount'], 'out-of-range', 'expected a non-negative amount, received -5');
    expectError(run([{ ...ok, amount: '-5.00' }]), ['lines', 0, 'amount'], 'out-of-range', 'expected a non-negative amount');
    expectError(run([{ ...ok, amount: '12,00' }]), ['lines', 0, 'amount'], 'invalid-value', 'expected a decimal string');
    expectError(run([{ ...ok, amount: null }]), ['lines', 0, 'amount'], 'missing-value', 'expected an amount');
  });

  it('refuses a bad time, naming calendar dates', () => {
    expectError(
      run([{ ...ok, servicePeriodStart: '2025-01-01T10:00:00' }]),
      ['lines', 0, 'servicePeriodStart'],
      'invalid-value',
      'expected an ISO-8601 time with an offset or Z (a time without one is ambiguous), received "2025-01-01T10:00:00", or a calendar date such as "2025-01-31"',
    );
    expectError(run([{ ...ok, servicePeriodEnd: undefined }]), ['lines', 0, 'servicePeriodEnd'], 'missing-value', 'expected ');
    expectMetricsError(run([{ ...ok, servicePeriodEnd: '2025-02-30' }]), M, ['lines', 0, 'servicePeriodEnd']);
  });

  it('refuses a service period that does not end after it starts', () => {
    expectError(
      run([ok, line('b', 5, '2025-02-01', '2025-02-01')]),
      ['lines', 1, 'servicePeriodEnd'],
      'inconsistent',
      'expected a service period that ends after it starts (2025-02-01T00:00:00+00:00), received "2025-02-01"',
    );
    expectError(
      run([line('b', 5, '2025-02-01T10:00:00Z', '2025-02-01T09:59:59.999Z')]),
      ['lines', 0, 'servicePeriodEnd'],
      'inconsistent',
      'expected a service period that ends after it starts',
    );
  });

  it('names renamed fields in errors', () => {
    const fields = { customerId: 'account', amount: 'total', servicePeriodStart: 'from', servicePeriodEnd: 'to' };
    expectError(
      run([{ account: 'a', total: -1, from: '2025-01-01', to: '2025-02-01' }], { ...UTC, fields }),
      ['lines', 0, 'total'],
      'out-of-range',
      'expected a non-negative amount',
    );
    expectError(
      run([{ account: 'a', total: 1, from: '2025-01-01', to: '2025-01-01' }], { ...UTC, fields }),
      ['lines', 0, 'to'],
      'inconsistent',
      'expected a service period',
    );
  });
});

describe('mrrFromInvoices: whole calendar months', () => {
  it('divides an annual plan by 12 exactly', () => {
    const log = mrrFromInvoices([line('a', '1200.00', '2025-01-15', '2026-01-15')], UTC);
    expect(log).toEqual([
      { customerId: 'a', at: '2025-01-15T00:00:00+00:00', mrr: '100.00' },
      { customerId: 'a', at: '2026-01-15T00:00:00+00:00', mrr: '0.00' },
    ]);
    expect(Object.isFrozen(log)).toBe(true);
    expect(Object.isFrozen(log[0])).toBe(true);
  });

  it('repeats the TSDoc example', () => {
    const log = mrrFromInvoices([line('a', '1200.00', '2025-01-15', '2026-01-15'), line('b', '100.00', '2025-02-01', '2025-02-15')], {
      timeZone: 'Europe/Berlin',
    });
    expect(triples(log)).toEqual([
      ['a', '2025-01-15T00:00:00+01:00', '100.00'],
      ['a', '2026-01-15T00:00:00+01:00', '0.00'],
      ['b', '2025-02-01T00:00:00+01:00', '217.41'],
      ['b', '2025-02-15T00:00:00+01:00', '0.00'],
    ]);
  });

  it('divides quarters and odd amounts, rounding half-even to cents', () => {
    const log = mrrFromInvoices(
      [
        line('q', 300, '2025-01-01', '2025-04-01'),
        // 100 / 3 = 33.333...
        line('r', '100.00', '2025-01-01', '2025-04-01'),
        // 0.05 / 2 = 0.025: half-even to 0.02.
        line('s', '0.05', '2025-01-01', '2025-03-01'),
        // 0.15 / 2 = 0.075: half-even to 0.08.
        line('t', '0.15', '2025-01-01', '2025-03-01'),
      ],
      UTC,
    );
    expect(log.filter((c) => c.at === '2025-01-01T00:00:00+00:00').map((c) => [c.customerId, c.mrr])).toEqual([
      ['q', '100.00'],
      ['r', '33.33'],
      ['s', '0.02'],
      ['t', '0.08'],
    ]);
  });

  it('counts billing cycles anchored on the 29th to 31st as whole months', () => {
    const log = mrrFromInvoices(
      [
        // January 31 to February 28: a month clipped to February's end.
        line('a', 50, '2025-01-31', '2025-02-28'),
        // February 28 (a month end) to March 31.
        line('b', 50, '2025-02-28', '2025-03-31'),
        // January 31 to March 31: two months.
        line('c', 100, '2025-01-31', '2025-03-31'),
        // January 30 to February 28.
        line('d', 50, '2025-01-30', '2025-02-28'),
        // Leap year: January 31 to February 29.
        line('e', 50, '2024-01-31', '2024-02-29'),
      ],
      UTC,
    );
    expect(log.filter((c) => c.mrr !== '0.00').map((c) => [c.customerId, c.mrr])).toEqual([
      ['a', '50.00'],
      ['b', '50.00'],
      ['c', '50.00'],
      ['d', '50.00'],
      ['e', '50.00'],
    ]);
  });

  it('does not compare the time of day', () => {
    const log = mrrFromInvoices([line('a', 40, '2025-01-15T10:00:00+01:00', '2025-02-15T08:00:00+01:00')], { timeZone: 'Europe/Berlin' });
    expect(triples(log)).toEqual([
      ['a', '2025-01-15T10:00:00+01:00', '40.00'],
      ['a', '2025-02-15T08:00:00+01:00', '0.00'],
    ]);
  });
});

describe('mrrFromInvoices: other lengths, by days over the mean month', () => {
  it('divides a 14-day line by 14 / (365.25 / 12) months, half-even at exactly half a cent', () => {
    const log = mrrFromInvoices(
      [
        // 100 * 30.4375 / 14 = 217.41071...
        line('w', '100.00', '2025-06-01', '2025-06-15'),
        // 3.36 * 30.4375 / 14 = 7.305 exactly: half-even 7.30 (half-up would give 7.31).
        line('x', '3.36', '2025-06-01', '2025-06-15'),
        // 7.84 * 30.4375 / 14 = 17.045 exactly: 17.04.
        line('y', '7.84', '2025-06-01', '2025-06-15'),
        // 1.12 * 30.4375 / 14 = 2.435 exactly: 2.44.
        line('z', '1.12', '2025-06-01', '2025-06-15'),
      ],
      UTC,
    );
    expect(log.filter((c) => c.mrr !== '0.00').map((c) => [c.customerId, c.mrr])).toEqual([
      ['w', '217.41'],
      ['x', '7.30'],
      ['y', '17.04'],
      ['z', '2.44'],
    ]);
  });

  it('counts local days across a DST change', () => {
    // 14 local days in Berlin, 13 days and 23 hours of elapsed time.
    const log = mrrFromInvoices([line('x', '3.36', '2025-03-25', '2025-04-08')], { timeZone: 'Europe/Berlin' });
    expect(triples(log)).toEqual([
      ['x', '2025-03-25T00:00:00+01:00', '7.30'],
      ['x', '2025-04-08T00:00:00+02:00', '0.00'],
    ]);
  });

  it('starts a calendar date at its first instant where midnight does not exist', () => {
    // Santiago skips from 00:00 to 01:00 on 2025-09-07; September 6 to 8 is 2 local days (47 hours):
    // 30 * 30.4375 / 2 = 456.5625.
    const zone = { timeZone: 'America/Santiago' };
    expect(triples(mrrFromInvoices([line('a', 30, '2025-09-06', '2025-09-08')], zone))).toEqual([
      ['a', '2025-09-06T00:00:00-04:00', '456.56'],
      ['a', '2025-09-08T00:00:00-03:00', '0.00'],
    ]);
    expect(triples(mrrFromInvoices([line('a', 30, '2025-09-07', '2025-10-07')], zone))).toEqual([
      ['a', '2025-09-07T01:00:00-03:00', '30.00'],
      ['a', '2025-10-07T00:00:00-03:00', '0.00'],
    ]);
  });

  it("measures every line in days with months: 'mean-month'", () => {
    const log = mrrFromInvoices(
      [
        // 1200 * 30.4375 / 365 = 100.0684...
        line('a', '1200.00', '2025-01-15', '2026-01-15'),
        // 1200 * 30.4375 / 366 = 99.7950...
        line('b', '1200.00', '2024-01-15', '2025-01-15'),
        line('c', '100.00', '2025-02-01', '2025-02-15'),
      ],
      { ...UTC, months: 'mean-month' },
    );
    expect(log.filter((c) => c.mrr !== '0.00').map((c) => [c.customerId, c.mrr])).toEqual([
      ['a', '100.07'],
      ['b', '99.80'],
      ['c', '217.41'],
    ]);
  });

  it('takes a line of part of a day', () => {
    // 1 hour of 30.4375 days: 0.01 * 730.5 = 7.305, half-even 7.30.
    const log = mrrFromInvoices([line('h', '0.01', '2025-06-01T10:00:00Z', '2025-06-01T11:00:00Z')], UTC);
    expect(log[0]!.mrr).toBe('7.30');
  });
});

describe('mrrFromInvoices: decimals', () => {
  it('rounds to whole units with decimals: 0, half-even', () => {
    const log = mrrFromInvoices(
      [
        line('a', '1200.00', '2025-01-15', '2026-01-15'),
        line('b', '100.00', '2025-06-01', '2025-06-15'),
        // 336 * 30.4375 / 14 = 730.5: 730.
        line('c', 336, '2025-06-01', '2025-06-15'),
        // 112 * 30.4375 / 14 = 243.5: 244.
        line('d', 112, '2025-06-01', '2025-06-15'),
      ],
      { ...UTC, decimals: 0 },
    );
    expect(log.filter((c) => c.mrr !== '0').map((c) => [c.customerId, c.mrr])).toEqual([
      ['a', '100'],
      ['b', '217'],
      ['c', '730'],
      ['d', '244'],
    ]);
  });

  it('keeps more decimals when asked', () => {
    const log = mrrFromInvoices([line('a', '100.00', '2025-01-01', '2025-04-01')], { ...UTC, decimals: 4 });
    expect(triples(log)).toEqual([
      ['a', '2025-01-01T00:00:00+00:00', '33.3333'],
      ['a', '2025-04-01T00:00:00+00:00', '0.0000'],
    ]);
  });
});

describe('mrrFromInvoices: lines of one customer', () => {
  it('adds overlapping lines', () => {
    const log = mrrFromInvoices([line('a', 10, '2025-01-01', '2025-02-01'), line('a', 20, '2025-01-15', '2025-02-15')], UTC);
    expect(triples(log)).toEqual([
      ['a', '2025-01-01T00:00:00+00:00', '10.00'],
      ['a', '2025-01-15T00:00:00+00:00', '30.00'],
      ['a', '2025-02-01T00:00:00+00:00', '20.00'],
      ['a', '2025-02-15T00:00:00+00:00', '0.00'],
    ]);
  });

  it('emits no change where back-to-back lines of the same amount meet, in any input order', () => {
    const log = mrrFromInvoices(
      [line('a', 10, '2025-03-01', '2025-04-01'), line('a', 10, '2025-01-01', '2025-02-01'), line('a', 10, '2025-02-01', '2025-03-01')],
      UTC,
    );
    expect(triples(log)).toEqual([
      ['a', '2025-01-01T00:00:00+00:00', '10.00'],
      ['a', '2025-04-01T00:00:00+00:00', '0.00'],
    ]);
  });

  it('drops to 0 in a gap and starts again', () => {
    const log = mrrFromInvoices([line('a', 10, '2025-01-01', '2025-02-01'), line('a', 10, '2025-03-01', '2025-04-01')], UTC);
    expect(triples(log)).toEqual([
      ['a', '2025-01-01T00:00:00+00:00', '10.00'],
      ['a', '2025-02-01T00:00:00+00:00', '0.00'],
      ['a', '2025-03-01T00:00:00+00:00', '10.00'],
      ['a', '2025-04-01T00:00:00+00:00', '0.00'],
    ]);
  });

  it('orders the log by customer, in order of first appearance, then time', () => {
    const log = mrrFromInvoices(
      [line('b', 10, '2025-02-01', '2025-03-01'), line(7, 20, '2025-01-01', '2025-02-01'), line('b', 30, '2025-01-01', '2025-02-01')],
      UTC,
    );
    expect(triples(log)).toEqual([
      ['b', '2025-01-01T00:00:00+00:00', '30.00'],
      ['b', '2025-02-01T00:00:00+00:00', '10.00'],
      ['b', '2025-03-01T00:00:00+00:00', '0.00'],
      [7, '2025-01-01T00:00:00+00:00', '20.00'],
      [7, '2025-02-01T00:00:00+00:00', '0.00'],
    ]);
  });
});

describe('mrrFromInvoices: times', () => {
  it('reads ISO instants with offsets, epoch milliseconds, Dates and calendar dates, and writes the zone offset in force', () => {
    const berlin = { timeZone: 'Europe/Berlin' };
    const log = mrrFromInvoices(
      [
        // 09:00Z is 10:00 in Berlin.
        line('a', 40, '2025-01-15T09:00:00Z', '2025-02-15T10:00:00+01:00'),
        line('b', 40, new Date('2025-03-01T00:00:00+01:00'), Date.parse('2025-04-01T00:00:00+02:00')),
        // A calendar date is its local midnight: after the DST change, +02:00.
        line('c', 40, '2025-03-01', '2025-04-01'),
      ],
      berlin,
    );
    expect(triples(log)).toEqual([
      ['a', '2025-01-15T10:00:00+01:00', '40.00'],
      ['a', '2025-02-15T10:00:00+01:00', '0.00'],
      ['b', '2025-03-01T00:00:00+01:00', '40.00'],
      ['b', '2025-04-01T00:00:00+02:00', '0.00'],
      ['c', '2025-03-01T00:00:00+01:00', '40.00'],
      ['c', '2025-04-01T00:00:00+02:00', '0.00'],
    ]);
  });

  it('reads calendar months in the zone: a UTC month is not a Tokyo month', () => {
    const lines = [line('a', 31, '2025-01-01T00:00:00Z', '2025-02-01T00:00:00Z')];
    expect(mrrFromInvoices(lines, UTC)[0]!.mrr).toBe('31.00');
    // In Tokyo the line runs from 09:00 on January 1 to 09:00 on February 1: still a month.
    expect(mrrFromInvoices(lines, { timeZone: 'Asia/Tokyo' })[0]).toEqual({ customerId: 'a', at: '2025-01-01T09:00:00+09:00', mrr: '31.00' });
    // Midnight in Tokyo is 15:00Z the day before.
    const tokyo = [line('a', 31, '2024-12-31T15:00:00Z', '2025-01-31T15:00:00Z')];
    expect(mrrFromInvoices(tokyo, { timeZone: 'Asia/Tokyo' })[0]!.at).toBe('2025-01-01T00:00:00+09:00');
  });

  it('leaves out changes after asOf', () => {
    const lines = [line('a', '1200.00', '2025-01-15', '2026-01-15'), line('b', 10, '2025-07-01', '2025-08-01')];
    const log = mrrFromInvoices(lines, { ...UTC, asOf: '2025-06-30T00:00:00Z' });
    expect(triples(log)).toEqual([['a', '2025-01-15T00:00:00+00:00', '100.00']]);
    // A change at asOf itself is in.
    expect(mrrFromInvoices(lines, { ...UTC, asOf: '2025-07-01T00:00:00Z' }).length).toBe(2);
  });
});

describe('mrrFromInvoices: attributes and fields', () => {
  it('copies attributes, and emits a change when only they change', () => {
    const log = mrrFromInvoices(
      [
        line('a', 10, '2025-01-01', '2025-02-01', { plan: 'basic', region: 'EU', note: 'x' }),
        line('a', 10, '2025-02-01', '2025-03-01', { plan: 'pro', region: 'EU', note: 'y' }),
        line('b', 20, '2025-01-01', '2025-02-01'),
      ],
      { ...UTC, attributes: ['plan', 'region'] },
    );
    expect(log).toEqual([
      { customerId: 'a', at: '2025-01-01T00:00:00+00:00', mrr: '10.00', plan: 'basic', region: 'EU' },
      // The same price on another plan.
      { customerId: 'a', at: '2025-02-01T00:00:00+00:00', mrr: '10.00', plan: 'pro', region: 'EU' },
      // The cancellation carries the attributes of the line that ended.
      { customerId: 'a', at: '2025-03-01T00:00:00+00:00', mrr: '0.00', plan: 'pro', region: 'EU' },
      // A line without the attributes has none.
      { customerId: 'b', at: '2025-01-01T00:00:00+00:00', mrr: '20.00' },
      { customerId: 'b', at: '2025-02-01T00:00:00+00:00', mrr: '0.00' },
    ]);
  });

  it('takes the attributes of the line that started last among those in force', () => {
    const log = mrrFromInvoices([line('a', 10, '2025-01-01', '2025-03-01', { plan: 'base' }), line('a', 20, '2025-01-15', '2025-02-15', { plan: 'addon' })], {
      ...UTC,
      attributes: ['plan'],
    });
    expect(log.map((c) => [c.at.slice(0, 10), c.mrr, c.plan])).toEqual([
      ['2025-01-01', '5.00', 'base'],
      // 10 over two months is 5 a month; 20 over a month is 20.
      ['2025-01-15', '25.00', 'addon'],
      ['2025-02-15', '5.00', 'base'],
      ['2025-03-01', '0.00', 'base'],
    ]);
  });

  it('reads renamed fields', () => {
    const log = mrrFromInvoices([{ account: 'a', total: '120', from: '2025-01-01', to: '2026-01-01' }], {
      ...UTC,
      fields: { customerId: 'account', amount: 'total', servicePeriodStart: 'from', servicePeriodEnd: 'to' },
    });
    expect(triples(log)).toEqual([
      ['a', '2025-01-01T00:00:00+00:00', '10.00'],
      ['a', '2026-01-01T00:00:00+00:00', '0.00'],
    ]);
  });

  it('feeds mrrSeries', () => {
    const log = mrrFromInvoices(
      [
        line('a', '1200.00', '2025-01-15', '2026-01-15', { plan: 'annual' }),
        line('b', '30.00', '2025-02-01', '2025-03-01', { plan: 'monthly' }),
        line('b', '45.00', '2025-03-01', '2025-04-01', { plan: 'monthly' }),
      ],
      { timeZone: 'Europe/Berlin', attributes: ['plan'], asOf: '2025-04-15T00:00:00+02:00' },
    );
    // Read as of the same instant: the annual plan's end in 2026 is not in the log.
    const s = mrrSeries(log, { period: { unit: 'month', timeZone: 'Europe/Berlin' }, asOf: '2025-04-15T00:00:00+02:00' });
    expect(s.rows.map((r) => [r.period.label, r.startingMrr, r.newMrr, r.expansionMrr, r.churnedMrr, r.endingMrr])).toEqual([
      ['2025-01', '0.00', '100.00', '0.00', '0.00', '100.00'],
      ['2025-02', '100.00', '30.00', '0.00', '0.00', '130.00'],
      ['2025-03', '130.00', '0.00', '15.00', '0.00', '145.00'],
      // b's last line ended on April 1: a cancellation at the first instant of April.
      ['2025-04', '145.00', '0.00', '0.00', '45.00', '100.00'],
    ]);
  });
});
