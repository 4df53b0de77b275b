/**
 * mrrSeries, mrrSeriesCounts, mrrSeriesFromCounts and mergeCounts on their
 * tables: every option and error first (a lazily built schema credits the
 * first test that builds it), then worked change logs with hand-computed
 * rows, compared exactly.
 */
import { describe, expect, it } from 'vitest';
import {
  customerChurn,
  expansionRevenue,
  type MetricsPath,
  type MrrSeries,
  type MrrSeriesCounts,
  type MrrSeriesRow,
  mergeCounts,
  mrrChurn,
  mrrSeries,
  mrrSeriesCounts,
  mrrSeriesFromCounts,
  netMrrChurn,
} from '../../src/index.js';
import { expectMetricsError } from '../helpers/errors.js';

const UTC_MONTH = { unit: 'month', timeZone: 'UTC' } as const;

/** Expects a MetricsError of `metric` at `path` with `code`, whose first message starts with `start`. */
function expectError(fn: () => unknown, metric: string, path: MetricsPath, code: string, start: string): void {
  const e = expectMetricsError(fn, metric, path, code);
  expect(e.issues[0]!.message.slice(0, start.length)).toBe(start);
}

/** A cell of a table of tallies, as mutable JSON. */
interface LooseCell {
  key: Record<string, unknown>;
  period: unknown;
  counts: Record<string, unknown> & { customers: Record<string, number> };
}

/** A mutable deep copy of a frozen table, to tamper with. */
const copy = (x: MrrSeriesCounts): Record<string, unknown> & { cells: LooseCell[] } => JSON.parse(JSON.stringify(x));

/** The amounts of a row, in the order the identity reads. */
const amounts = (r: MrrSeriesRow) => [
  r.period.label,
  r.startingMrr,
  r.newMrr,
  r.expansionMrr,
  r.reactivationMrr,
  r.movedInMrr,
  r.contractionMrr,
  r.churnedMrr,
  r.movedOutMrr,
  r.endingMrr,
];

/** The rates of a row. */
const rates = (r: MrrSeriesRow) => [r.customerChurn, r.mrrChurn, r.netMrrChurn, r.netRevenueRetention, r.grossRevenueRetention, r.expansionRevenue];

/** Row customers with every count 0 unless given. */
const customers = (c: Partial<MrrSeriesRow['customers']>): MrrSeriesRow['customers'] => ({
  atStart: 0,
  new: 0,
  expansion: 0,
  reactivation: 0,
  movedIn: 0,
  contraction: 0,
  churned: 0,
  movedOut: 0,
  unchanged: 0,
  atEnd: 0,
  ...c,
});

/** A decimal string as units at `scale`. */
function units(s: string, scale: number): bigint {
  const [whole, fraction = ''] = s.split('.');
  return BigInt(whole! + fraction.padEnd(scale, '0'));
}

/** Checks start + new + expansion + reactivation + movedIn - contraction - churned - movedOut = end, exactly. */
function expectIdentity(r: MrrSeriesRow): void {
  const fields = [r.startingMrr, r.newMrr, r.expansionMrr, r.reactivationMrr, r.movedInMrr, r.contractionMrr, r.churnedMrr, r.movedOutMrr, r.endingMrr];
  const scale = Math.max(...fields.map((f) => (f.split('.')[1] ?? '').length));
  const [s, n, e, re, mi, c, ch, mo, end] = fields.map((f) => units(f, scale)) as [bigint, bigint, bigint, bigint, bigint, bigint, bigint, bigint, bigint];
  expect(s + n + e + re + mi - c - ch - mo).toBe(end);
  const k = r.customers;
  expect(k.atStart + k.new + k.reactivation + k.movedIn - k.churned - k.movedOut).toBe(k.atEnd);
}

/**
 * a: new 100 (Jan), +50 (Feb), churns (Mar), returns at 80 (May);
 * b: new 200 (Jan), down to 120 (Mar); c: new 50 (Feb); d: new 30 (Apr).
 */
const LOG = [
  { customerId: 'a', at: '2025-01-05T10:00:00Z', mrr: 100 },
  { customerId: 'b', at: '2025-01-15T10:00:00Z', mrr: '200.00' },
  { customerId: 'a', at: '2025-02-10T10:00:00Z', mrr: 150 },
  { customerId: 'c', at: '2025-02-03T10:00:00Z', mrr: 50 },
  { customerId: 'a', at: '2025-03-15T10:00:00Z', mrr: 0 },
  { customerId: 'b', at: '2025-03-10T10:00:00Z', mrr: '120.00' },
  { customerId: 'd', at: '2025-04-01T10:00:00Z', mrr: 30 },
  { customerId: 'a', at: '2025-05-20T10:00:00Z', mrr: 80 },
];

/**
 * m: basic 10 -> pro 30 (Feb, moves up); o: pro 60 -> basic 25 (Feb, moves
 * down); s: basic 15 -> pro 15 (Mar, moves at the same price); n: pro 50
 * throughout; r: enterprise 500 from March.
 */
const PLAN_LOG = [
  { customerId: 'm', at: '2025-01-05T10:00:00Z', mrr: 10, plan: 'basic' },
  { customerId: 's', at: '2025-01-02T10:00:00Z', mrr: 15, plan: 'basic' },
  { customerId: 'n', at: '2025-01-20T10:00:00Z', mrr: 50, plan: 'pro' },
  { customerId: 'o', at: '2025-01-10T10:00:00Z', mrr: 60, plan: 'pro' },
  { customerId: 'm', at: '2025-02-10T10:00:00Z', mrr: 30, plan: 'pro' },
  { customerId: 'o', at: '2025-02-20T10:00:00Z', mrr: 25, plan: 'basic' },
  { customerId: 's', at: '2025-03-03T10:00:00Z', mrr: 15, plan: 'pro' },
  { customerId: 'r', at: '2025-03-05T10:00:00Z', mrr: 500, plan: 'enterprise' },
];

/** k pays 100 from January; j joins and leaves in February (plan y, then z), and comes back in March (plan x). */
const JOINED_AND_LEFT = [
  { customerId: 'k', at: '2025-01-10T10:00:00Z', mrr: 100, plan: 'x' },
  { customerId: 'j', at: '2025-02-05T10:00:00Z', mrr: 40, plan: 'y' },
  { customerId: 'j', at: '2025-02-20T10:00:00Z', mrr: 0, plan: 'z' },
  { customerId: 'j', at: '2025-03-10T10:00:00Z', mrr: 40, plan: 'x' },
];

/** w pays 10 in January, leaves in February, returns in March, leaves in April, returns in July. */
const RETURNS = [
  { customerId: 'w', at: '2025-01-10T10:00:00Z', mrr: 10 },
  { customerId: 'w', at: '2025-02-10T10:00:00Z', mrr: 0 },
  { customerId: 'w', at: '2025-03-10T10:00:00Z', mrr: 10 },
  { customerId: 'w', at: '2025-04-10T10:00:00Z', mrr: 0 },
  { customerId: 'w', at: '2025-07-10T10:00:00Z', mrr: 10 },
];

describe('mrrSeries: errors in the change log', () => {
  const M = 'mrrSeries';
  const ok = { customerId: 'a', at: '2025-01-10T09:00:00Z', mrr: 10 };
  const run =
    (changes: unknown, options: object = { period: UTC_MONTH }) =>
    () =>
      mrrSeries(changes as never, options as never);

  it('refuses a log that is not an array', () => {
    expectError(run('changes'), M, ['changes'], 'invalid-type', 'expected an array of changes { customerId, at, mrr }, received "changes"');
    expectError(run(undefined), M, ['changes'], 'missing-value', 'expected an array of changes');
    expectError(run(null), M, ['changes'], 'missing-value', 'expected an array of changes');
    expectError(run({ 0: ok, length: 1 }), M, ['changes'], 'invalid-type', 'expected an array of changes');
  });

  it('refuses a record that is not a plain object, at its index', () => {
    expectError(run([ok, 5]), M, ['changes', 1], 'invalid-type', 'expected a change { customerId, at, mrr } (a plain object), received 5');
    expectError(run([null]), M, ['changes', 0], 'missing-value', 'expected a change { customerId, at, mrr } (a plain object), received null');
    expectError(run([ok, ok, [1]]), M, ['changes', 2], 'invalid-type', 'expected a change');
  });

  it('refuses a missing or bad customer id', () => {
    const start = 'expected a customer id (a string or a finite number), received';
    expectError(run([{ at: ok.at, mrr: 1 }]), M, ['changes', 0, 'customerId'], 'missing-value', `${start} undefined`);
    expectError(run([ok, { ...ok, customerId: null }]), M, ['changes', 1, 'customerId'], 'missing-value', `${start} null`);
    expectError(run([{ ...ok, customerId: Number.NaN }]), M, ['changes', 0, 'customerId'], 'missing-value', `${start} NaN`);
    expectError(run([{ ...ok, customerId: Number.POSITIVE_INFINITY }]), M, ['changes', 0, 'customerId'], 'invalid-type', `${start} Infinity`);
    expectError(run([{ ...ok, customerId: { id: 1 } }]), M, ['changes', 0, 'customerId'], 'invalid-type', `${start} an object`);
    expectError(run([{ ...ok, customerId: true }]), M, ['changes', 0, 'customerId'], 'invalid-type', `${start} true`);
  });

  it('refuses a time without an offset, and other bad times', () => {
    expectError(
      run([ok, { ...ok, at: '2025-01-10T09:00:00' }]),
      M,
      ['changes', 1, 'at'],
      'invalid-value',
      'expected an ISO-8601 time with an offset or Z (a time without one is ambiguous), received "2025-01-10T09:00:00"',
    );
    expectError(run([{ ...ok, at: undefined }]), M, ['changes', 0, 'at'], 'missing-value', 'expected ');
    expectError(run([{ ...ok, at: '2025-02-30T00:00:00Z' }]), M, ['changes', 0, 'at'], 'invalid-value', 'expected a valid date and time');
    expectError(run([{ ...ok, at: 1.5 }]), M, ['changes', 0, 'at'], 'out-of-range', 'expected integer epoch milliseconds');
    expectError(run([{ ...ok, at: new Date(Number.NaN) }]), M, ['changes', 0, 'at'], 'invalid-value', 'expected a valid Date');
    expectError(run([{ ...ok, at: true }]), M, ['changes', 0, 'at'], 'invalid-type', 'expected ');
    expectError(run([{ ...ok, at: 'soon' }]), M, ['changes', 0, 'at'], 'invalid-value', 'expected an ISO-8601 time with an offset');
  });

  it('refuses a negative, malformed or missing amount', () => {
    expectError(run([ok, { ...ok, customerId: 'b', mrr: -5 }]), M, ['changes', 1, 'mrr'], 'out-of-range', 'expected a non-negative amount, received -5');
    expectError(run([{ ...ok, mrr: '-5.00' }]), M, ['changes', 0, 'mrr'], 'out-of-range', 'expected a non-negative amount, received "-5.00"');
    expectError(run([{ ...ok, mrr: '1e3' }]), M, ['changes', 0, 'mrr'], 'invalid-value', 'expected a decimal string such as "1234.50"');
    expectError(run([{ ...ok, mrr: '1,000.00' }]), M, ['changes', 0, 'mrr'], 'invalid-value', 'expected a decimal string');
    expectError(run([{ ...ok, mrr: undefined }]), M, ['changes', 0, 'mrr'], 'missing-value', 'expected an amount');
    expectError(run([{ ...ok, mrr: Number.NaN }]), M, ['changes', 0, 'mrr'], 'missing-value', 'expected an amount');
    expectError(run([{ ...ok, mrr: Number.POSITIVE_INFINITY }]), M, ['changes', 0, 'mrr'], 'out-of-range', 'expected a finite amount');
    expectError(run([{ ...ok, mrr: 10n }]), M, ['changes', 0, 'mrr'], 'invalid-type', 'expected an amount');
    expectError(
      run([{ ...ok, mrr: '1.000000000000000000001' }]),
      M,
      ['changes', 0, 'mrr'],
      'out-of-range',
      'expected an amount with at most 20 decimal places',
    );
  });

  it('refuses two changes of one customer at one instant, at the later record', () => {
    const t = '2025-01-10T09:00:00Z';
    const changes = [
      { customerId: 'a', at: t, mrr: 10 },
      { customerId: 'b', at: t, mrr: 10 },
      { customerId: 'a', at: '2025-01-09T09:00:00Z', mrr: 5 },
      { customerId: 'a', at: Date.parse(t), mrr: 20 },
    ];
    expectError(
      run(changes),
      M,
      ['changes', 3, 'at'],
      'duplicate',
      'expected one change per customer and instant, received a second change at the instant of change 0',
    );
    // The same instant in another offset is the same instant.
    expectError(run([ok, { ...ok, at: '2025-01-10T10:00:00+01:00', mrr: 3 }]), M, ['changes', 1, 'at'], 'duplicate', 'expected one change per customer');
  });

  it('refuses a change after asOf', () => {
    expectError(
      run([ok, { ...ok, at: '2025-03-16T00:00:00Z' }], { period: UTC_MONTH, asOf: '2025-03-15T00:00:00Z' }),
      M,
      ['changes', 1, 'at'],
      'inconsistent',
      'expected a change at or before asOf (2025-03-15T00:00:00+00:00), received "2025-03-16T00:00:00Z"',
    );
  });

  it('refuses a missing segment value unless missingKey names one', () => {
    const changes = [
      { ...ok, plan: 'pro' },
      { ...ok, customerId: 'b' },
    ];
    expectError(
      run(changes, { period: UTC_MONTH, by: 'plan' }),
      M,
      ['changes', 1, 'plan'],
      'missing-value',
      'expected a segment value (a string, a finite number or a boolean) (missingKey names a label for missing values), received undefined',
    );
    expectError(
      run([{ ...ok, plan: { name: 'pro' } }], { period: UTC_MONTH, by: 'plan' }),
      M,
      ['changes', 0, 'plan'],
      'invalid-type',
      'expected a segment value',
    );
    expectError(run([{ ...ok, plan: Number.NaN }], { period: UTC_MONTH, by: 'plan' }), M, ['changes', 0, 'plan'], 'invalid-value', 'expected a segment value');
    // A function's value has no field to point at: the path is the record.
    expectError(run([ok], { period: UTC_MONTH, by: { tier: () => undefined } }), M, ['changes', 0], 'missing-value', 'expected a segment value');
    const s = mrrSeries(changes, { period: UTC_MONTH, by: 'plan', missingKey: '(none)' });
    expect(s.rows.map((r) => [r.key.plan, r.newMrr])).toEqual([
      ['(none)', '10'],
      ['pro', '10'],
    ]);
  });

  it('refuses a log spanning too many periods', () => {
    expectError(
      run(
        [
          { ...ok, at: '1800-01-01T00:00:00Z' },
          { ...ok, at: '2100-01-01T00:00:00Z' },
        ],
        { period: { unit: 'day', timeZone: 'UTC' } },
      ),
      M,
      ['options', 'period', 'unit'],
      'out-of-range',
      'expected a log spanning at most ',
    );
  });
});

describe('mrrSeries: errors in the options', () => {
  const M = 'mrrSeries';
  const log = [{ customerId: 'a', at: '2025-01-10T09:00:00Z', mrr: 10 }];
  const run = (options: unknown) => () => mrrSeries(log, options as never);

  it('refuses options that are not a plain object', () => {
    expectError(
      run(undefined),
      M,
      ['options'],
      'missing-value',
      'expected options { period: { unit, timeZone }, by?, ... } (a plain object), received undefined',
    );
    expectError(run([]), M, ['options'], 'invalid-type', 'expected options');
    expectError(run('month'), M, ['options'], 'invalid-type', 'expected options');
  });

  it('refuses unknown keys at every level', () => {
    expectError(
      run({ period: UTC_MONTH, perod: 1 }),
      M,
      ['options', 'perod'],
      'unknown-key',
      'unknown key "perod"; expected one of period, by, missingKey, fields, asOf',
    );
    expectError(run({ period: { ...UTC_MONTH, field: 'at' } }), M, ['options', 'period', 'field'], 'unknown-key', 'unknown key "field"');
    expectError(run({ period: UTC_MONTH, rates: { decimal: 1 } }), M, ['options', 'rates', 'decimal'], 'unknown-key', 'unknown key "decimal"');
    expectError(run({ period: UTC_MONTH, fields: { id: 'customer_id' } }), M, ['options', 'fields', 'id'], 'unknown-key', 'unknown key "id"');
    // The tallies have no rates.
    expectError(
      () => mrrSeriesCounts(log, { period: UTC_MONTH, rates: {} } as never),
      'mrrSeriesCounts',
      ['options', 'rates'],
      'unknown-key',
      'unknown key "rates"',
    );
  });

  it('refuses a bad period', () => {
    expectError(run({}), M, ['options', 'period'], 'missing-value', 'expected a period { unit, timeZone } (a plain object), received undefined');
    expectError(run({ period: 'month' }), M, ['options', 'period'], 'invalid-type', 'expected a period');
    expectError(
      run({ period: { unit: 'decade', timeZone: 'UTC' } }),
      M,
      ['options', 'period', 'unit'],
      'invalid-value',
      'expected "day", "week", "month", "quarter" or "year"',
    );
    expectError(
      run({ period: { unit: 'month' } }),
      M,
      ['options', 'period', 'timeZone'],
      'missing-value',
      'expected the IANA time zone whose calendar cuts the periods',
    );
    expectError(
      run({ period: { unit: 'month', timeZone: 'Mars/Olympus_Mons' } }),
      M,
      ['options', 'period', 'timeZone'],
      'invalid-value',
      'expected an IANA time zone name',
    );
    expectError(run({ period: { unit: 'month', timeZone: 1 } }), M, ['options', 'period', 'timeZone'], 'invalid-type', 'expected an IANA time zone name');
    expectError(
      run({ period: { ...UTC_MONTH, weekStart: 'sun' } }),
      M,
      ['options', 'period', 'weekStart'],
      'inconsistent',
      'expected weekStart only with unit "week"',
    );
    expectError(
      run({ period: { unit: 'week', timeZone: 'UTC', weekStart: 'funday' } }),
      M,
      ['options', 'period', 'weekStart'],
      'invalid-value',
      'expected a weekday',
    );
    expectError(
      run({ period: { unit: 'quarter', timeZone: 'UTC', yearStart: 13 } }),
      M,
      ['options', 'period', 'yearStart'],
      'out-of-range',
      'expected the first month',
    );
    expectError(
      run({ period: { ...UTC_MONTH, yearStart: 4 } }),
      M,
      ['options', 'period', 'yearStart'],
      'inconsistent',
      'expected yearStart only with unit "quarter" or "year"',
    );
  });

  it('refuses bad fields, by, missingKey and asOf', () => {
    expectError(run({ period: UTC_MONTH, fields: 'id' }), M, ['options', 'fields'], 'invalid-type', 'expected the record field names');
    expectError(run({ period: UTC_MONTH, fields: { at: 5 } }), M, ['options', 'fields', 'at'], 'invalid-type', 'expected a record field name');
    expectError(run({ period: UTC_MONTH, by: 5 }), M, ['options', 'by'], 'invalid-type', 'expected a field name, a list of them');
    expectError(run({ period: UTC_MONTH, by: ['plan', 'plan'] }), M, ['options', 'by', 1], 'duplicate', 'expected each dimension once');
    expectError(run({ period: UTC_MONTH, missingKey: 0 }), M, ['options', 'missingKey'], 'invalid-type', 'expected a label (a string)');
    expectError(run({ period: UTC_MONTH, asOf: 'yesterday' }), M, ['options', 'asOf'], 'invalid-value', 'expected an ISO-8601 time');
    expectError(
      run({ period: UTC_MONTH, asOf: '2025-03-15T00:00:00' }),
      M,
      ['options', 'asOf'],
      'invalid-value',
      'expected an ISO-8601 time with an offset or Z',
    );
  });

  it('refuses a bad joinedAndLeft or reactivation', () => {
    expectError(
      run({ period: UTC_MONTH, joinedAndLeft: 'sometimes' }),
      M,
      ['options', 'joinedAndLeft'],
      'invalid-value',
      'expected "exclude" or "count", received "sometimes"',
    );
    const within = 'expected a whole number of periods, at least 1, received';
    expectError(run({ period: UTC_MONTH, reactivation: { within: 0 } }), M, ['options', 'reactivation', 'within'], 'out-of-range', `${within} 0`);
    expectError(run({ period: UTC_MONTH, reactivation: { within: 1.5 } }), M, ['options', 'reactivation', 'within'], 'out-of-range', `${within} 1.5`);
    expectError(run({ period: UTC_MONTH, reactivation: { within: -1 } }), M, ['options', 'reactivation', 'within'], 'out-of-range', `${within} -1`);
    expectError(run({ period: UTC_MONTH, reactivation: { within: '2' } }), M, ['options', 'reactivation', 'within'], 'out-of-range', `${within} "2"`);
    const rule = 'expected "always" or { within: n }';
    expectError(run({ period: UTC_MONTH, reactivation: 'never' }), M, ['options', 'reactivation'], 'invalid-value', rule);
    expectError(run({ period: UTC_MONTH, reactivation: {} }), M, ['options', 'reactivation'], 'invalid-value', rule);
    expectError(run({ period: UTC_MONTH, reactivation: { within: 1, gap: 2 } }), M, ['options', 'reactivation'], 'invalid-value', rule);
  });

  it('refuses bad rates, and the start denominator with joinedAndLeft count', () => {
    expectError(run({ period: UTC_MONTH, rates: 'start' }), M, ['options', 'rates'], 'invalid-type', "expected the rates' options (a plain object)");
    expectError(
      run({ period: UTC_MONTH, rates: { contraction: 'maybe' } }),
      M,
      ['options', 'rates', 'contraction'],
      'invalid-value',
      'expected "include" or "exclude"',
    );
    expectError(
      run({ period: UTC_MONTH, rates: { reactivation: true } }),
      M,
      ['options', 'rates', 'reactivation'],
      'invalid-value',
      'expected "include" or "exclude"',
    );
    expectError(run({ period: UTC_MONTH, rates: { denominator: 'end' } }), M, ['options', 'rates', 'denominator'], 'invalid-value', 'expected ');
    expectMetricsError(run({ period: UTC_MONTH, rates: { decimals: -1 } }), M, ['options', 'rates', 'decimals']);
    expectError(
      run({ period: UTC_MONTH, joinedAndLeft: 'count', rates: { denominator: 'start' } }),
      M,
      ['options', 'rates', 'denominator'],
      'inconsistent',
      "expected denominator 'start-plus-added' with joinedAndLeft 'count'",
    );
  });
});

describe('mrrSeriesCounts, mrrSeriesFromCounts and mergeCounts: errors', () => {
  const period = UTC_MONTH;
  const counts = mrrSeriesCounts(PLAN_LOG, { period, by: 'plan' });
  const F = 'mrrSeriesFromCounts';
  const from = (table: unknown, options?: unknown) => () => mrrSeriesFromCounts(table as never, options as never);

  it('refuses tables of shards with different settings', () => {
    const jan = mrrSeriesCounts([{ customerId: 'a', at: '2025-01-10T09:00:00Z', mrr: 10 }], { period });
    const feb = mrrSeriesCounts([{ customerId: 'b', at: '2025-02-10T09:00:00Z', mrr: 10 }], { period });
    expectError(
      () => mergeCounts(jan, feb),
      'mergeCounts',
      ['b', 'through'],
      'inconsistent',
      'expected through "2025-01" as in the first table, received "2025-02": tally every shard with the same asOf',
    );
    const asOf = (t: string) => mrrSeriesCounts([], { period, asOf: t });
    expectError(() => mergeCounts(asOf('2025-03-01T00:00:00Z'), asOf('2025-03-02T00:00:00Z')), 'mergeCounts', ['b', 'asOf'], 'inconsistent', 'expected asOf');
    const one = [{ customerId: 'a', at: '2025-01-10T09:00:00Z', mrr: 10, plan: 'x' }];
    expectError(
      () => mergeCounts(mrrSeriesCounts(one, { period }), mrrSeriesCounts(one, { period, by: 'plan' })),
      'mergeCounts',
      ['b', 'by'],
      'inconsistent',
      'expected by []',
    );
    expectError(
      () => mergeCounts(mrrSeriesCounts(one, { period }), mrrSeriesCounts(one, { period: { unit: 'month', timeZone: 'Europe/Berlin' } })),
      'mergeCounts',
      ['b', 'period'],
      'inconsistent',
      'expected period',
    );
    expectError(
      () => mergeCounts(mrrSeriesCounts(one, { period }), mrrSeriesCounts(one, { period, joinedAndLeft: 'count' })),
      'mergeCounts',
      ['b', 'joinedAndLeft'],
      'inconsistent',
      'expected joinedAndLeft "exclude"',
    );
    expectError(
      () => mergeCounts(mrrSeriesCounts(one, { period }), mrrSeriesCounts(one, { period, reactivation: { within: 2 } })),
      'mergeCounts',
      ['b', 'reactivation'],
      'inconsistent',
      'expected reactivation "always"',
    );
    expectError(() => mergeCounts(jan, { kind: 'segmentCounts' } as never), 'mergeCounts', ['b'], 'invalid-type', 'expected a table of MRR movement tallies');
  });

  it('refuses a tally whose amounts break the identity', () => {
    const t = copy(counts);
    t.cells[1]!.counts.endingMrr = '41';
    expectError(
      from(t),
      F,
      ['counts', 'cells', 1, 'counts', 'endingMrr'],
      'inconsistent',
      'expected endingMrr = startingMrr + newMrr + expansionMrr + reactivationMrr + movedInMrr - contractionMrr - churnedMrr - movedOutMrr = 40, received "41"',
    );
    expectError(() => mergeCounts(t as never, counts), 'mergeCounts', ['a', 'cells', 1, 'counts', 'endingMrr'], 'inconsistent', 'expected endingMrr =');
    expectError(() => mergeCounts(counts, t as never), 'mergeCounts', ['b', 'cells', 1, 'counts', 'endingMrr'], 'inconsistent', 'expected endingMrr =');
  });

  it('refuses a tally whose customers break the identity', () => {
    const t = copy(counts);
    t.cells[0]!.counts.customers.atEnd = 3;
    expectError(
      from(t),
      F,
      ['counts', 'cells', 0, 'counts', 'customers', 'atEnd'],
      'inconsistent',
      'expected atEnd = atStart + new + reactivation + movedIn - churned - movedOut = 2, received 3',
    );
    const u = copy(counts);
    u.cells[1]!.counts.customers.movedContraction = 1;
    expectError(
      from(u),
      F,
      ['counts', 'cells', 1, 'counts', 'customers', 'movedOut'],
      'inconsistent',
      'expected movedOut at least movedExpansion + movedContraction',
    );
  });

  it('refuses unknown keys, bad kinds and bad values in a table', () => {
    expectError(from({ ...counts, extra: 1 }), F, ['counts', 'extra'], 'unknown-key', 'unknown key "extra"');
    expectError(from({ ...counts, kind: 'segmentCounts' }), F, ['counts'], 'invalid-type', 'expected a table of MRR movement tallies (kind "mrrSeriesCounts"');
    expectError(from(null), F, ['counts'], 'invalid-type', 'expected a table of MRR movement tallies');
    expectError(from({ ...counts, by: ['plan', 'plan'] }), F, ['counts', 'by'], 'invalid-value', 'expected the dimension names');
    expectError(from({ ...counts, period: { ...counts.period, unit: 'decade' } }), F, ['counts', 'period', 'unit'], 'invalid-value', 'expected "day", "week"');
    expectError(
      from({ ...counts, period: { field: 'at', unit: null, order: [], fixed: false } }),
      F,
      ['counts', 'period'],
      'invalid-value',
      'expected calendar period settings',
    );
    expectError(from({ ...counts, through: 'soon' }), F, ['counts', 'through'], 'invalid-value', 'expected the label of the series');
    expectError(
      from({ ...counts, asOf: '2024-01-01T00:00:00Z' }),
      F,
      ['counts', 'asOf'],
      'invalid-value',
      'expected null or an ISO 8601 instant in the period 2025-03',
    );
    expectError(from({ ...counts, joinedAndLeft: 'all' }), F, ['counts', 'joinedAndLeft'], 'invalid-value', 'expected "exclude" or "count"');
    expectError(from({ ...counts, reactivation: { within: 0 } }), F, ['counts', 'reactivation', 'within'], 'out-of-range', 'expected a whole number');
    expectError(from({ ...counts, decimals: 21 }), F, ['counts', 'decimals'], 'invalid-value', "expected the amounts' decimals");
    expectError(from({ ...counts, cells: {} }), F, ['counts', 'cells'], 'invalid-type', 'expected a list of cells');
    const t = copy(counts);
    t.cells[0]!.counts.bonusMrr = '0';
    expectError(from(t), F, ['counts', 'cells', 0, 'counts', 'bonusMrr'], 'unknown-key', 'unknown key "bonusMrr"');
    const u = copy(counts);
    u.cells[0]!.counts.customers.new = -1;
    expectMetricsError(from(u), F, ['counts', 'cells', 0, 'counts', 'customers', 'new']);
    const v = copy(counts);
    v.cells[0]!.counts.newMrr = 25;
    expectMetricsError(from(v), F, ['counts', 'cells', 0, 'counts', 'newMrr']);
    const w = copy(counts);
    delete w.cells[0]!.counts.movedInMrr;
    expectMetricsError(from(w), F, ['counts', 'cells', 0, 'counts', 'movedInMrr'], 'missing-value');
    const x = copy(counts);
    x.cells[0]!.counts.metric = 'nps';
    expectMetricsError(from(x), F, ['counts', 'cells', 0, 'counts', 'metric']);
    const y = copy(counts);
    y.cells[0] = 'cell' as never;
    expectError(from(y), F, ['counts', 'cells', 0], 'invalid-type', 'expected a cell { key, period, counts }');
  });

  it('refuses a bad label, key or duplicate cell', () => {
    const t = copy(counts);
    t.cells[0]!.period = '2025-13';
    expectError(from(t), F, ['counts', 'cells', 0, 'period'], 'invalid-value', 'expected a period label of this calendar up to 2025-03, received "2025-13"');
    const late = copy(counts);
    late.cells[0]!.period = '2025-04';
    expectError(from(late), F, ['counts', 'cells', 0, 'period'], 'invalid-value', 'expected a period label of this calendar up to 2025-03');
    const k = copy(counts);
    k.cells[0]!.key = {};
    expectError(from(k), F, ['counts', 'cells', 0, 'key'], 'invalid-value', 'expected a key with the dimensions ["plan"]');
    const v = copy(counts);
    v.cells[0]!.key.plan = null;
    expectError(from(v), F, ['counts', 'cells', 0, 'key', 'plan'], 'invalid-value', 'expected a segment value');
    const d = copy(counts);
    d.cells.splice(1, 0, d.cells[0]!);
    expectError(from(d), F, ['counts', 'cells', 1], 'duplicate', 'expected one cell per segment and period, received "2025-01" of this segment again');
    expectError(() => mergeCounts(counts, d as never), 'mergeCounts', ['b', 'cells', 1], 'duplicate', 'expected one cell per segment and period');
  });

  it('refuses bad options of mrrSeriesFromCounts', () => {
    expectError(from(counts, 5), F, ['options'], 'invalid-type', 'expected options { rates? } (a plain object)');
    expectError(from(counts, { rate: {} }), F, ['options', 'rate'], 'unknown-key', 'unknown key "rate"');
    expectError(from(counts, { rates: { contraction: 'no' } }), F, ['options', 'rates', 'contraction'], 'invalid-value', 'expected "include" or "exclude"');
    const counted = mrrSeriesCounts(JOINED_AND_LEFT, { period, joinedAndLeft: 'count' });
    expectError(
      from(counted, { rates: { denominator: 'start' } }),
      F,
      ['options', 'rates', 'denominator'],
      'inconsistent',
      "expected denominator 'start-plus-added'",
    );
  });
});

describe('mrrSeries: a worked log', () => {
  it('repeats the TSDoc example', () => {
    const log = [
      { customerId: 'a', at: '2025-01-10T09:00:00Z', mrr: '100.00' },
      { customerId: 'b', at: '2025-01-20T09:00:00Z', mrr: '50.00' },
      { customerId: 'a', at: '2025-02-15T09:00:00Z', mrr: '120.00' },
      { customerId: 'b', at: '2025-02-25T09:00:00Z', mrr: 0 },
    ];
    const series = mrrSeries(log, { period: { unit: 'month', timeZone: 'Europe/Berlin' } });
    expect(series.rows.map((r) => [r.period.label, r.startingMrr, r.newMrr, r.expansionMrr, r.churnedMrr, r.endingMrr])).toEqual([
      ['2025-01', '0.00', '150.00', '0.00', '0.00', '150.00'],
      ['2025-02', '150.00', '0.00', '20.00', '50.00', '120.00'],
    ]);
    expect(series.rows[1]!.customerChurn).toBe(50);
    expect(series.rows[1]!.netRevenueRetention).toBe(80);
  });

  it('classifies new, expansion, contraction, churn and reactivation per month', () => {
    const s = mrrSeries(LOG, { period: UTC_MONTH });
    expect(s.rows.map(amounts)).toEqual([
      ['2025-01', '0.00', '300.00', '0.00', '0.00', '0.00', '0.00', '0.00', '0.00', '300.00'],
      ['2025-02', '300.00', '50.00', '50.00', '0.00', '0.00', '0.00', '0.00', '0.00', '400.00'],
      ['2025-03', '400.00', '0.00', '0.00', '0.00', '0.00', '80.00', '150.00', '0.00', '170.00'],
      ['2025-04', '170.00', '30.00', '0.00', '0.00', '0.00', '0.00', '0.00', '0.00', '200.00'],
      ['2025-05', '200.00', '0.00', '0.00', '80.00', '0.00', '0.00', '0.00', '0.00', '280.00'],
    ]);
    expect(s.rows.map((r) => r.customers)).toEqual([
      customers({ new: 2, atEnd: 2 }),
      customers({ atStart: 2, new: 1, expansion: 1, unchanged: 1, atEnd: 3 }),
      customers({ atStart: 3, contraction: 1, churned: 1, unchanged: 1, atEnd: 2 }),
      customers({ atStart: 2, new: 1, unchanged: 2, atEnd: 3 }),
      customers({ atStart: 3, reactivation: 1, unchanged: 3, atEnd: 4 }),
    ]);
    for (const r of s.rows) expectIdentity(r);
    expect(s.rows.map((r) => r.key)).toEqual([{}, {}, {}, {}, {}]);
    expect(s.rows.map((r) => r.flags)).toEqual([[], [], [], [], []]);
    expect(s.rows[0]!.period).toEqual({ label: '2025-01', start: '2025-01-01T00:00:00+00:00', end: '2025-02-01T00:00:00+00:00', complete: true });
    expect(s).toMatchObject({
      kind: 'mrrSeries',
      by: [],
      period: { field: 'at', unit: 'month', timeZone: 'UTC', weekStart: 'mon', yearStart: 1 },
      through: '2025-05',
      joinedAndLeft: 'exclude',
      reactivation: 'always',
      rates: { denominator: 'start', contraction: 'include', reactivation: 'include' },
    });
  });

  it('computes the rates of each month', () => {
    const s = mrrSeries(LOG, { period: UTC_MONTH });
    expect(s.rows.map(rates)).toEqual([
      // No customers and no MRR at the start of January.
      [null, null, null, null, null, null],
      // Expansion 50 of 300: net churn -50/3 %.
      [0, 0, -50 / 3, 350 / 3, 100, 50 / 3],
      // 1 of 3 customers lost; 150 + 80 of 400 lost.
      [100 / 3, 57.5, 57.5, 42.5, 42.5, 0],
      [0, 0, 0, 100, 100, 0],
      // Reactivation 80 of 200 offsets the (no) loss.
      [0, 0, -40, 140, 100, 0],
    ]);
    expect(s.rows[4]!.movements).toEqual({
      metric: 'mrrMovements',
      startingMrr: '200.00',
      newMrr: '0.00',
      expansionMrr: '0.00',
      reactivationMrr: '80.00',
      contractionMrr: '0.00',
      churnedMrr: '0.00',
      endingMrr: '280.00',
      customersAtStart: 3,
      customersLost: 0,
      customersAdded: 1,
      customersAtEnd: 4,
      customers: { new: 0, expansion: 0, contraction: 0, churned: 0, reactivation: 1, unchanged: 3 },
    });
    // Without by, the movements are the row, and the rates are the churn functions on them.
    for (const r of s.rows) {
      expect(r.movements.startingMrr).toBe(r.startingMrr);
      expect(r.movements.endingMrr).toBe(r.endingMrr);
      expect(r.mrrChurn).toBe(mrrChurn(r.movements).value);
      expect(r.netMrrChurn).toBe(netMrrChurn(r.movements).value);
      expect(r.expansionRevenue).toBe(expansionRevenue(r.movements).value);
      expect(r.customerChurn).toBe(customerChurn(r.movements).value);
    }
  });

  it('applies the rates options: contraction and reactivation excluded, decimals', () => {
    const noContraction = mrrSeries(LOG, { period: UTC_MONTH, rates: { contraction: 'exclude' } });
    // March: only the churned 150 of 400 is lost.
    expect(rates(noContraction.rows[2]!)).toEqual([100 / 3, 37.5, 37.5, 62.5, 62.5, 0]);
    expect(noContraction.rates).toEqual({ denominator: 'start', contraction: 'exclude', reactivation: 'include' });
    // The amounts do not change.
    expect(noContraction.rows.map(amounts)).toEqual(mrrSeries(LOG, { period: UTC_MONTH }).rows.map(amounts));
    const noReactivation = mrrSeries(LOG, { period: UTC_MONTH, rates: { reactivation: 'exclude' } });
    // May: the reactivated 80 no longer offsets anything.
    expect(rates(noReactivation.rows[4]!)).toEqual([0, 0, 0, 100, 100, 0]);
    expect(noReactivation.rates.reactivation).toBe('exclude');
    const rounded = mrrSeries(LOG, { period: UTC_MONTH, rates: { decimals: 1 } });
    expect(rates(rounded.rows[1]!)).toEqual([0, 0, -16.7, 116.7, 100, 16.7]);
    expect(rates(rounded.rows[2]!)).toEqual([33.3, 57.5, 57.5, 42.5, 42.5, 0]);
  });

  it('puts a change at the first instant of a period in that period: the start is the MRR just before', () => {
    const s = mrrSeries(
      [
        { customerId: 'x', at: '2025-01-10T00:00:00Z', mrr: 10 },
        { customerId: 'x', at: '2025-02-01T00:00:00Z', mrr: 20 },
        { customerId: 'x', at: '2025-03-01T00:00:00Z', mrr: 0 },
      ],
      { period: UTC_MONTH },
    );
    expect(s.rows.map(amounts)).toEqual([
      ['2025-01', '0', '10', '0', '0', '0', '0', '0', '0', '10'],
      ['2025-02', '10', '0', '10', '0', '0', '0', '0', '0', '20'],
      ['2025-03', '20', '0', '0', '0', '0', '0', '20', '0', '0'],
    ]);
    expect(s.rows.map((r) => r.customers)).toEqual([
      customers({ new: 1, atEnd: 1 }),
      customers({ atStart: 1, expansion: 1, atEnd: 1 }),
      customers({ atStart: 1, churned: 1 }),
    ]);
  });

  it('puts a change at the last millisecond of a period in that period, whatever the time type', () => {
    const lastMs = Date.parse('2025-02-01T00:00:00Z') - 1;
    const s = mrrSeries(
      [
        { customerId: 'y', at: new Date('2025-01-10T00:00:00Z'), mrr: 10 },
        { customerId: 'y', at: lastMs, mrr: 25 },
        { customerId: 'z', at: '2025-02-01T00:00:00.001Z', mrr: 5 },
      ],
      { period: UTC_MONTH },
    );
    expect(s.rows.map(amounts)).toEqual([
      ['2025-01', '0', '25', '0', '0', '0', '0', '0', '0', '25'],
      ['2025-02', '25', '5', '0', '0', '0', '0', '0', '0', '30'],
    ]);
    expect(s.rows[1]!.customers).toEqual(customers({ atStart: 1, new: 1, unchanged: 1, atEnd: 2 }));
  });

  it('cuts months on the time zone wall clock, across a DST change', () => {
    const log = [
      // 00:30 on March 1 in Berlin (+01:00), still February in UTC.
      { customerId: 'p', at: '2025-02-28T23:30:00Z', mrr: 10 },
      // The first instant of April in Berlin (+02:00), still March in UTC.
      { customerId: 'q', at: '2025-03-31T22:00:00Z', mrr: 5 },
      // The last millisecond of March in Berlin.
      { customerId: 'r', at: '2025-03-31T21:59:59.999Z', mrr: 7 },
    ];
    const berlin = mrrSeries(log, { period: { unit: 'month', timeZone: 'Europe/Berlin' } });
    expect(berlin.rows.map(amounts)).toEqual([
      ['2025-03', '0', '17', '0', '0', '0', '0', '0', '0', '17'],
      ['2025-04', '17', '5', '0', '0', '0', '0', '0', '0', '22'],
    ]);
    expect(berlin.rows.map((r) => r.period)).toEqual([
      { label: '2025-03', start: '2025-03-01T00:00:00+01:00', end: '2025-04-01T00:00:00+02:00', complete: true },
      { label: '2025-04', start: '2025-04-01T00:00:00+02:00', end: '2025-05-01T00:00:00+02:00', complete: true },
    ]);
    const utc = mrrSeries(log, { period: UTC_MONTH });
    expect(utc.rows.map(amounts)).toEqual([
      ['2025-02', '0', '10', '0', '0', '0', '0', '0', '0', '10'],
      ['2025-03', '10', '12', '0', '0', '0', '0', '0', '0', '22'],
    ]);
  });

  it('reads renamed fields', () => {
    const log = [
      { customer_id: 7, changed_at: '2025-01-10T10:00:00Z', monthly: '9.99' },
      { customer_id: 7, changed_at: '2025-02-10T10:00:00Z', monthly: '4.5' },
    ];
    const fields = { customerId: 'customer_id', at: 'changed_at', mrr: 'monthly' };
    const s = mrrSeries(log, { period: UTC_MONTH, fields });
    expect(s.rows.map(amounts)).toEqual([
      ['2025-01', '0.00', '9.99', '0.00', '0.00', '0.00', '0.00', '0.00', '0.00', '9.99'],
      ['2025-02', '9.99', '0.00', '0.00', '0.00', '0.00', '5.49', '0.00', '0.00', '4.50'],
    ]);
    expect(s.period.field).toBe('changed_at');
    // Errors name the renamed fields.
    expectError(
      () => mrrSeries([{ customer_id: 7, changed_at: '2025-01-10T10:00:00Z', monthly: -1 }], { period: UTC_MONTH, fields }),
      'mrrSeries',
      ['changes', 0, 'monthly'],
      'out-of-range',
      'expected a non-negative amount',
    );
    expectError(() => mrrSeries([{ customer_id: 7 }], { period: UTC_MONTH, fields }), 'mrrSeries', ['changes', 0, 'changed_at'], 'missing-value', 'expected');
    expectError(
      () => mrrSeries(['x'] as never, { period: UTC_MONTH, fields }),
      'mrrSeries',
      ['changes', 0],
      'invalid-type',
      'expected a change { customer_id, changed_at, monthly }',
    );
    // A partial rename keeps the other defaults.
    expect(mrrSeries([{ customerId: 1, at: '2025-01-10T10:00:00Z', amount: 3 }], { period: UTC_MONTH, fields: { mrr: 'amount' } }).rows[0]!.newMrr).toBe('3');
  });

  it('takes an empty log', () => {
    const s = mrrSeries([], { period: UTC_MONTH });
    expect(s).toEqual({
      kind: 'mrrSeries',
      by: [],
      period: { field: 'at', unit: 'month', timeZone: 'UTC', weekStart: 'mon', yearStart: 1 },
      through: null,
      joinedAndLeft: 'exclude',
      reactivation: 'always',
      rates: { denominator: 'start', contraction: 'include', reactivation: 'include' },
      rows: [],
    });
    const asOf = mrrSeries([], { period: UTC_MONTH, asOf: '2025-03-15T00:00:00Z', by: 'plan' });
    expect(asOf.through).toBe('2025-03');
    expect(asOf.by).toEqual(['plan']);
    expect(asOf.rows).toEqual([]);
  });

  it('returns a frozen, JSON-safe result', () => {
    const s = mrrSeries(PLAN_LOG, { period: UTC_MONTH, by: 'plan' });
    expect(Object.isFrozen(s)).toBe(true);
    expect(Object.isFrozen(s.rows)).toBe(true);
    expect(Object.isFrozen(s.rows[0])).toBe(true);
    expect(Object.isFrozen(s.rows[0]!.customers)).toBe(true);
    expect(Object.isFrozen(s.rows[0]!.movements)).toBe(true);
    expect(Object.isFrozen(s.rows[0]!.movements.customers)).toBe(true);
    expect(Object.isFrozen(s.rows[0]!.period)).toBe(true);
    expect(Object.isFrozen(s.rows[0]!.key)).toBe(true);
    expect(Object.isFrozen(s.rates)).toBe(true);
    expect(Object.isFrozen(s.period)).toBe(true);
    expect(JSON.parse(JSON.stringify(s))).toEqual(s);
  });
});

describe('mrrSeries: segments', () => {
  it('moves a customer who changes plan between segments, and counts their change where they started for the rates', () => {
    const s = mrrSeries(PLAN_LOG, { period: UTC_MONTH, by: 'plan' });
    expect(s.by).toEqual(['plan']);
    expect(s.rows.map((r) => [r.key.plan, ...amounts(r)])).toEqual([
      ['basic', '2025-01', '0', '25', '0', '0', '0', '0', '0', '0', '25'],
      // m leaves at 10, o arrives at 25.
      ['basic', '2025-02', '25', '0', '0', '0', '25', '0', '0', '10', '40'],
      // s leaves at 15.
      ['basic', '2025-03', '40', '0', '0', '0', '0', '0', '0', '15', '25'],
      // enterprise starts in its first period.
      ['enterprise', '2025-03', '0', '500', '0', '0', '0', '0', '0', '0', '500'],
      ['pro', '2025-01', '0', '110', '0', '0', '0', '0', '0', '0', '110'],
      // m arrives at 30, o leaves at 60.
      ['pro', '2025-02', '110', '0', '0', '0', '30', '0', '0', '60', '80'],
      // s arrives at 15.
      ['pro', '2025-03', '80', '0', '0', '0', '15', '0', '0', '0', '95'],
    ]);
    expect(s.rows.map((r) => r.customers)).toEqual([
      customers({ new: 2, atEnd: 2 }),
      customers({ atStart: 2, movedIn: 1, movedOut: 1, unchanged: 1, atEnd: 2 }),
      customers({ atStart: 2, movedOut: 1, unchanged: 1, atEnd: 1 }),
      customers({ new: 1, atEnd: 1 }),
      customers({ new: 2, atEnd: 2 }),
      customers({ atStart: 2, movedIn: 1, movedOut: 1, unchanged: 1, atEnd: 2 }),
      customers({ atStart: 2, movedIn: 1, unchanged: 2, atEnd: 3 }),
    ]);
    for (const r of s.rows) expectIdentity(r);
  });

  it('tallies the movements of each segment from its starting customers, movers counted by their own change', () => {
    const s = mrrSeries(PLAN_LOG, { period: UTC_MONTH, by: 'plan' });
    const basicFeb = s.rows[1]!;
    // m started in basic at 10 and ended at 30 (in pro): an expansion of 20 of basic's starting 25.
    expect(basicFeb.movements).toEqual({
      metric: 'mrrMovements',
      startingMrr: '25',
      newMrr: '0',
      expansionMrr: '20',
      reactivationMrr: '0',
      contractionMrr: '0',
      churnedMrr: '0',
      endingMrr: '45',
      customersAtStart: 2,
      customersLost: 0,
      customersAdded: 0,
      customersAtEnd: 2,
      customers: { new: 0, expansion: 1, contraction: 0, churned: 0, reactivation: 0, unchanged: 1 },
    });
    expect(rates(basicFeb)).toEqual([0, 0, -80, 180, 100, 80]);
    const proFeb = s.rows[5]!;
    // o started in pro at 60 and ended at 25 (in basic): a contraction of 35 of pro's starting 110.
    expect(proFeb.movements).toMatchObject({
      startingMrr: '110',
      expansionMrr: '0',
      contractionMrr: '35',
      endingMrr: '75',
      customers: { new: 0, expansion: 0, contraction: 1, churned: 0, reactivation: 0, unchanged: 1 },
    });
    expect(rates(proFeb)).toEqual([0, 350 / 11, 350 / 11, 750 / 11, 750 / 11, 0]);
    // s moved at the same price: unchanged, for the rates.
    const basicMar = s.rows[2]!;
    expect(basicMar.movements).toMatchObject({ startingMrr: '40', endingMrr: '40', customers: { expansion: 0, contraction: 0, unchanged: 2 } });
    expect(rates(basicMar)).toEqual([0, 0, 0, 100, 100, 0]);
  });

  it('sums the segments to the series without by', () => {
    const whole = mrrSeries(PLAN_LOG, { period: UTC_MONTH });
    expect(whole.rows.map(amounts)).toEqual([
      ['2025-01', '0', '135', '0', '0', '0', '0', '0', '0', '135'],
      // m +20, o -35.
      ['2025-02', '135', '0', '20', '0', '0', '35', '0', '0', '120'],
      ['2025-03', '120', '500', '0', '0', '0', '0', '0', '0', '620'],
    ]);
  });

  it('reads dimensions from several fields or from functions', () => {
    const log = PLAN_LOG.map((c) => ({ ...c, region: c.customerId === 'n' ? 'US' : 'EU' }));
    const s = mrrSeries(log, { period: UTC_MONTH, by: ['region', 'plan'] });
    expect(s.by).toEqual(['region', 'plan']);
    expect(s.rows.filter((r) => r.period.label === '2025-01').map((r) => [r.key, r.newMrr])).toEqual([
      [{ region: 'EU', plan: 'basic' }, '25'],
      [{ region: 'EU', plan: 'pro' }, '60'],
      [{ region: 'US', plan: 'pro' }, '50'],
    ]);
    const f = mrrSeries(PLAN_LOG, { period: UTC_MONTH, by: { tier: (r: { plan: string }) => r.plan === 'basic' } });
    expect(f.rows.map((r) => [r.key.tier, r.period.label, r.endingMrr])).toEqual([
      [false, '2025-01', '110'],
      [false, '2025-02', '80'],
      [false, '2025-03', '595'],
      [true, '2025-01', '25'],
      [true, '2025-02', '40'],
      [true, '2025-03', '25'],
    ]);
  });
});

describe('mrrSeries: definition choices', () => {
  it("leaves a customer who joins and leaves within a period out with joinedAndLeft 'exclude'", () => {
    const s = mrrSeries(JOINED_AND_LEFT, { period: UTC_MONTH });
    expect(s.rows.map(amounts)).toEqual([
      ['2025-01', '0', '100', '0', '0', '0', '0', '0', '0', '100'],
      ['2025-02', '100', '0', '0', '0', '0', '0', '0', '0', '100'],
      // j never counted as paying: their return is new.
      ['2025-03', '100', '40', '0', '0', '0', '0', '0', '0', '140'],
    ]);
    expect(s.rows.map((r) => r.customers)).toEqual([
      customers({ new: 1, atEnd: 1 }),
      customers({ atStart: 1, unchanged: 1, atEnd: 1 }),
      customers({ atStart: 1, new: 1, unchanged: 1, atEnd: 2 }),
    ]);
    expect(s.rows[1]!.customerChurn).toBe(0);
    expect(s.joinedAndLeft).toBe('exclude');
    expect(s.rates.denominator).toBe('start');
  });

  it("counts them with joinedAndLeft 'count', with no amounts, and switches the denominator", () => {
    const s = mrrSeries(JOINED_AND_LEFT, { period: UTC_MONTH, joinedAndLeft: 'count' });
    expect(s.rows.map(amounts)).toEqual([
      ['2025-01', '0', '100', '0', '0', '0', '0', '0', '0', '100'],
      ['2025-02', '100', '0', '0', '0', '0', '0', '0', '0', '100'],
      // j paid and left in February: their return is a reactivation.
      ['2025-03', '100', '0', '0', '40', '0', '0', '0', '0', '140'],
    ]);
    expect(s.rows.map((r) => r.customers)).toEqual([
      customers({ new: 1, atEnd: 1 }),
      customers({ atStart: 1, new: 1, churned: 1, unchanged: 1, atEnd: 1 }),
      customers({ atStart: 1, reactivation: 1, unchanged: 1, atEnd: 2 }),
    ]);
    expect(s.rows[1]!.movements).toMatchObject({ customersAtStart: 1, customersLost: 1, customersAdded: 1, customersAtEnd: 1, churnedMrr: '0', newMrr: '0' });
    // 1 lost of 1 at the start plus 1 added.
    expect(s.rows[1]!.customerChurn).toBe(50);
    expect(s.rows[1]!.mrrChurn).toBe(0);
    expect(s.joinedAndLeft).toBe('count');
    expect(s.rates.denominator).toBe('start-plus-added');
    // Explicitly the same.
    expect(mrrSeries(JOINED_AND_LEFT, { period: UTC_MONTH, joinedAndLeft: 'count', rates: { denominator: 'start-plus-added' } })).toEqual(s);
    // 'start-plus-added' is allowed with 'exclude' too: 0 lost of 1.
    expect(mrrSeries(JOINED_AND_LEFT, { period: UTC_MONTH, rates: { denominator: 'start-plus-added' } }).rows[2]!.customerChurn).toBe(0);
  });

  it('counts the joined-and-left customer in the segment of their first positive change', () => {
    const exclude = mrrSeries(JOINED_AND_LEFT, { period: UTC_MONTH, by: 'plan' });
    expect(exclude.rows.map((r) => [r.key.plan, r.period.label, r.customers.new, r.customers.churned, r.newMrr])).toEqual([
      ['x', '2025-01', 1, 0, '100'],
      ['x', '2025-02', 0, 0, '0'],
      ['x', '2025-03', 1, 0, '40'],
    ]);
    const count = mrrSeries(JOINED_AND_LEFT, { period: UTC_MONTH, by: 'plan', joinedAndLeft: 'count' });
    expect(count.rows.map((r) => [r.key.plan, r.period.label, r.customers.new, r.customers.reactivation, r.customers.churned, r.endingMrr])).toEqual([
      ['x', '2025-01', 1, 0, 0, '100'],
      ['x', '2025-02', 0, 0, 0, '100'],
      ['x', '2025-03', 0, 1, 0, '140'],
      // y: joined and left in February; z (the cancellation's plan) has no activity and no rows.
      ['y', '2025-02', 1, 0, 1, '0'],
      ['y', '2025-03', 0, 0, 0, '0'],
    ]);
    expect(count.rows[3]!.customerChurn).toBe(100);
  });

  it("makes a return after more than 'within' periods new business", () => {
    const summary = (s: MrrSeries) =>
      s.rows.map((r) => [r.period.label, r.customers.new, r.customers.reactivation, r.customers.churned, r.newMrr, r.reactivationMrr]);
    const always = mrrSeries(RETURNS, { period: UTC_MONTH });
    expect(summary(always)).toEqual([
      ['2025-01', 1, 0, 0, '10', '0'],
      ['2025-02', 0, 0, 1, '0', '0'],
      ['2025-03', 0, 1, 0, '0', '10'],
      ['2025-04', 0, 0, 1, '0', '0'],
      ['2025-05', 0, 0, 0, '0', '0'],
      ['2025-06', 0, 0, 0, '0', '0'],
      ['2025-07', 0, 1, 0, '0', '10'],
    ]);
    expect(always.reactivation).toBe('always');
    const within1 = mrrSeries(RETURNS, { period: UTC_MONTH, reactivation: { within: 1 } });
    // March is 1 period after February (a reactivation); July is 3 after April (new).
    expect(summary(within1)).toEqual([
      ['2025-01', 1, 0, 0, '10', '0'],
      ['2025-02', 0, 0, 1, '0', '0'],
      ['2025-03', 0, 1, 0, '0', '10'],
      ['2025-04', 0, 0, 1, '0', '0'],
      ['2025-05', 0, 0, 0, '0', '0'],
      ['2025-06', 0, 0, 0, '0', '0'],
      ['2025-07', 1, 0, 0, '10', '0'],
    ]);
    expect(within1.reactivation).toEqual({ within: 1 });
    expect(mrrSeries(RETURNS, { period: UTC_MONTH, reactivation: { within: 2 } }).rows[6]!.customers.new).toBe(1);
    expect(mrrSeries(RETURNS, { period: UTC_MONTH, reactivation: { within: 3 } }).rows[6]!.customers.reactivation).toBe(1);
    expect(mrrSeries(RETURNS, { period: UTC_MONTH, reactivation: 'always' })).toEqual(always);
  });

  it('nets a cancellation and return within one period', () => {
    const s = mrrSeries(
      [
        { customerId: 'a', at: '2025-01-10T10:00:00Z', mrr: 10 },
        { customerId: 'a', at: '2025-02-05T10:00:00Z', mrr: 0 },
        { customerId: 'a', at: '2025-02-25T10:00:00Z', mrr: 12 },
      ],
      { period: UTC_MONTH },
    );
    expect(s.rows.map(amounts)[1]).toEqual(['2025-02', '10', '0', '2', '0', '0', '0', '0', '0', '12']);
    expect(s.rows[1]!.customers).toEqual(customers({ atStart: 1, expansion: 1, atEnd: 1 }));
  });
});

describe('mrrSeries: asOf', () => {
  it('extends the series to the period holding asOf and flags it incomplete', () => {
    const s = mrrSeries([{ customerId: 'a', at: '2025-01-10T10:00:00Z', mrr: 100 }], { period: UTC_MONTH, asOf: '2025-03-15T00:00:00Z' });
    expect(s.through).toBe('2025-03');
    expect(s.rows.map((r) => [r.period.label, r.period.complete, r.flags, r.startingMrr, r.endingMrr, r.customers.unchanged])).toEqual([
      ['2025-01', true, [], '0', '100', 0],
      ['2025-02', true, [], '100', '100', 1],
      ['2025-03', false, ['incomplete-period'], '100', '100', 1],
    ]);
  });

  it('takes a change at asOf itself, and asOf as a Date or epoch milliseconds', () => {
    const log = [{ customerId: 'a', at: '2025-03-15T00:00:00Z', mrr: 5 }];
    const iso = mrrSeries(log, { period: UTC_MONTH, asOf: '2025-03-15T00:00:00Z' });
    expect(iso.rows.map((r) => [r.period.label, r.newMrr, r.flags])).toEqual([['2025-03', '5', ['incomplete-period']]]);
    expect(mrrSeries(log, { period: UTC_MONTH, asOf: new Date('2025-03-15T00:00:00Z') })).toEqual(iso);
    expect(mrrSeries(log, { period: UTC_MONTH, asOf: Date.parse('2025-03-15T00:00:00Z') })).toEqual(iso);
  });

  it('makes the period starting at asOf the last, and the one before it complete', () => {
    const s = mrrSeries([{ customerId: 'a', at: '2025-03-15T00:00:00Z', mrr: 5 }], { period: UTC_MONTH, asOf: '2025-04-01T00:00:00Z' });
    expect(s.rows.map((r) => [r.period.label, r.period.complete, r.flags])).toEqual([
      ['2025-03', true, []],
      ['2025-04', false, ['incomplete-period']],
    ]);
  });
});

describe('mrrSeries: period units', () => {
  it('cuts ISO weeks, and weeks from another weekday', () => {
    const log = [
      // Sunday, the last day of 2025-W01.
      { customerId: 'a', at: '2025-01-05T23:59:59Z', mrr: 10 },
      // Monday, the first instant of 2025-W02.
      { customerId: 'a', at: '2025-01-06T00:00:00Z', mrr: 20 },
    ];
    const iso = mrrSeries(log, { period: { unit: 'week', timeZone: 'UTC' } });
    expect(iso.rows.map(amounts)).toEqual([
      ['2025-W01', '0', '10', '0', '0', '0', '0', '0', '0', '10'],
      ['2025-W02', '10', '0', '10', '0', '0', '0', '0', '0', '20'],
    ]);
    expect(iso.rows[0]!.period).toEqual({ label: '2025-W01', start: '2024-12-30T00:00:00+00:00', end: '2025-01-06T00:00:00+00:00', complete: true });
    const sunday = mrrSeries(log, { period: { unit: 'week', timeZone: 'UTC', weekStart: 'sun' } });
    expect(sunday.rows.map((r) => [r.period.label, r.period.start, r.newMrr])).toEqual([['2025-W02', '2025-01-05T00:00:00+00:00', '20']]);
    expect(sunday.period.weekStart).toBe('sun');
  });

  it('cuts calendar and fiscal quarters and fiscal years', () => {
    const log = [
      { customerId: 'a', at: '2025-03-31T10:00:00Z', mrr: 10 },
      { customerId: 'a', at: '2025-04-01T00:00:00Z', mrr: 30 },
    ];
    const q = mrrSeries(log, { period: { unit: 'quarter', timeZone: 'UTC' } });
    expect(q.rows.map(amounts)).toEqual([
      ['2025-Q1', '0', '10', '0', '0', '0', '0', '0', '0', '10'],
      ['2025-Q2', '10', '0', '20', '0', '0', '0', '0', '0', '30'],
    ]);
    const fq = mrrSeries(log, { period: { unit: 'quarter', timeZone: 'UTC', yearStart: 4 } });
    expect(fq.rows.map((r) => [r.period.label, r.period.start, r.endingMrr])).toEqual([
      ['FY2025-Q4', '2025-01-01T00:00:00+00:00', '10'],
      ['FY2026-Q1', '2025-04-01T00:00:00+00:00', '30'],
    ]);
    const fy = mrrSeries(log, { period: { unit: 'year', timeZone: 'UTC', yearStart: 4 } });
    expect(fy.rows.map((r) => [r.period.label, r.period.start, r.period.end, r.newMrr, r.expansionMrr])).toEqual([
      ['FY2025', '2024-04-01T00:00:00+00:00', '2025-04-01T00:00:00+00:00', '10', '0'],
      ['FY2026', '2025-04-01T00:00:00+00:00', '2026-04-01T00:00:00+00:00', '0', '20'],
    ]);
    const y = mrrSeries(log, { period: { unit: 'year', timeZone: 'UTC' } });
    expect(y.rows.map((r) => [r.period.label, r.newMrr, r.endingMrr])).toEqual([['2025', '30', '30']]);
  });

  it('cuts days at local midnight', () => {
    const log = [
      // 00:30 on January 31 in Berlin.
      { customerId: 'a', at: '2025-01-30T23:30:00Z', mrr: 10 },
      // 23:59:59 on January 31 in Berlin.
      { customerId: 'a', at: '2025-01-31T22:59:59Z', mrr: 20 },
      // Midnight, February 1 in Berlin.
      { customerId: 'a', at: '2025-01-31T23:00:00Z', mrr: 30 },
    ];
    const s = mrrSeries(log, { period: { unit: 'day', timeZone: 'Europe/Berlin' } });
    expect(s.rows.map(amounts)).toEqual([
      ['2025-01-31', '0', '20', '0', '0', '0', '0', '0', '0', '20'],
      ['2025-02-01', '20', '0', '10', '0', '0', '0', '0', '0', '30'],
    ]);
    expect(s.rows[0]!.period.start).toBe('2025-01-31T00:00:00+01:00');
    // A day whose midnight does not exist (Santiago, 2025-09-07) starts at 01:00 and lasts 23 hours.
    const santiago = mrrSeries(
      [
        { customerId: 'a', at: '2025-09-07T03:59:59.999Z', mrr: 1 },
        { customerId: 'a', at: '2025-09-07T04:00:00Z', mrr: 2 },
      ],
      { period: { unit: 'day', timeZone: 'America/Santiago' } },
    );
    expect(santiago.rows.map((r) => [r.period.label, r.period.start, r.period.end, r.newMrr, r.expansionMrr])).toEqual([
      ['2025-09-06', '2025-09-06T00:00:00-04:00', '2025-09-07T01:00:00-03:00', '1', '0'],
      ['2025-09-07', '2025-09-07T01:00:00-03:00', '2025-09-08T00:00:00-03:00', '0', '1'],
    ]);
  });
});

describe('mrrSeries: exact amounts', () => {
  it('adds amounts beyond 2^53 exactly', () => {
    const s = mrrSeries(
      [
        { customerId: 'a', at: '2025-01-10T10:00:00Z', mrr: '123456789012345678901234.5' },
        { customerId: 'b', at: '2025-01-12T10:00:00Z', mrr: 0.25 },
        { customerId: 'a', at: '2025-02-10T10:00:00Z', mrr: '123456789012345678901235.5' },
        { customerId: 'b', at: '2025-02-12T10:00:00Z', mrr: 0 },
      ],
      { period: UTC_MONTH },
    );
    expect(s.rows.map(amounts)).toEqual([
      ['2025-01', '0.00', '123456789012345678901234.75', '0.00', '0.00', '0.00', '0.00', '0.00', '0.00', '123456789012345678901234.75'],
      ['2025-02', '123456789012345678901234.75', '0.00', '1.00', '0.00', '0.00', '0.00', '0.25', '0.00', '123456789012345678901235.50'],
    ]);
    for (const r of s.rows) expectIdentity(r);
    expect(s.rows[1]!.customers).toEqual(customers({ atStart: 2, expansion: 1, churned: 1, atEnd: 1 }));
    expect(s.rows[1]!.customerChurn).toBe(50);
    expect(s.rows[1]!.expansionRevenue).toBe(expansionRevenue({ startingMrr: '123456789012345678901234.75', expansionMrr: '1.00' }).value);
  });

  it('switches to exact sums when many small amounts pass 2^53 together', () => {
    // 50 customers at 2,000,000,000,000.00: 10^16 cents, past 2^53.
    const log = Array.from({ length: 50 }, (_, i) => ({ customerId: i, at: Date.parse('2025-01-10T00:00:00Z') + i, mrr: '2000000000000.00' }));
    log.push({ customerId: 0, at: Date.parse('2025-02-10T00:00:00Z'), mrr: '2000000000000.01' });
    const s = mrrSeries(log, { period: UTC_MONTH });
    expect(s.rows.map(amounts)).toEqual([
      ['2025-01', '0.00', '100000000000000.00', '0.00', '0.00', '0.00', '0.00', '0.00', '0.00', '100000000000000.00'],
      ['2025-02', '100000000000000.00', '0.00', '0.01', '0.00', '0.00', '0.00', '0.00', '0.00', '100000000000000.01'],
    ]);
  });

  it('writes every amount with the most decimals of the log', () => {
    const s = mrrSeries(
      [
        { customerId: 'a', at: '2025-01-10T10:00:00Z', mrr: 10 },
        { customerId: 'b', at: '2025-02-10T10:00:00Z', mrr: '0.125' },
      ],
      { period: UTC_MONTH },
    );
    expect(s.rows.map((r) => [r.startingMrr, r.newMrr, r.endingMrr])).toEqual([
      ['0.000', '10.000', '10.000'],
      ['10.000', '0.125', '10.125'],
    ]);
  });
});

describe('mrrSeriesCounts, mrrSeriesFromCounts and mergeCounts', () => {
  it('gives the table of tallies of a log', () => {
    const counts = mrrSeriesCounts([{ customerId: 'a', at: '2025-01-10T09:00:00Z', mrr: '100.00' }], { period: UTC_MONTH, asOf: '2025-02-28T00:00:00Z' });
    const zero = { startingMrr: '0.00', endingMrr: '0.00', newMrr: '0.00', expansionMrr: '0.00', contractionMrr: '0.00', churnedMrr: '0.00' };
    const more = { reactivationMrr: '0.00', movedInMrr: '0.00', movedOutMrr: '0.00', movedExpansionMrr: '0.00', movedContractionMrr: '0.00' };
    const none = {
      atStart: 0,
      atEnd: 0,
      new: 0,
      expansion: 0,
      contraction: 0,
      churned: 0,
      reactivation: 0,
      movedIn: 0,
      movedOut: 0,
      movedExpansion: 0,
      movedContraction: 0,
      unchanged: 0,
    };
    expect(counts).toEqual({
      kind: 'mrrSeriesCounts',
      by: [],
      period: { field: 'at', unit: 'month', timeZone: 'UTC', weekStart: 'mon', yearStart: 1 },
      through: '2025-02',
      asOf: '2025-02-28T00:00:00+00:00',
      joinedAndLeft: 'exclude',
      reactivation: 'always',
      decimals: 2,
      cells: [
        {
          key: {},
          period: '2025-01',
          counts: { metric: 'mrrSeries', ...zero, ...more, endingMrr: '100.00', newMrr: '100.00', customers: { ...none, atEnd: 1, new: 1 } },
        },
        {
          key: {},
          period: '2025-02',
          counts: {
            metric: 'mrrSeries',
            ...zero,
            ...more,
            startingMrr: '100.00',
            endingMrr: '100.00',
            customers: { ...none, atStart: 1, atEnd: 1, unchanged: 1 },
          },
        },
      ],
    });
    expect(Object.isFrozen(counts)).toBe(true);
    expect(Object.isFrozen(counts.cells[0]!.counts.customers)).toBe(true);
  });

  it('round-trips to the series of the log', () => {
    const cases: [readonly object[], Parameters<typeof mrrSeries>[1]][] = [
      [LOG, { period: UTC_MONTH }],
      [LOG, { period: UTC_MONTH, rates: { contraction: 'exclude', reactivation: 'exclude', decimals: 2 } }],
      [PLAN_LOG, { period: UTC_MONTH, by: 'plan' }],
      [JOINED_AND_LEFT, { period: UTC_MONTH, by: 'plan', joinedAndLeft: 'count' }],
      [RETURNS, { period: UTC_MONTH, reactivation: { within: 1 }, asOf: '2025-09-01T00:00:00Z' }],
      [[], { period: UTC_MONTH }],
    ];
    for (const [log, options] of cases) {
      const { rates: rateOptions, ...countOptions } = options;
      const counts = mrrSeriesCounts(log, countOptions);
      const series = mrrSeries(log, options);
      expect(mrrSeriesFromCounts(counts, rateOptions === undefined ? undefined : { rates: rateOptions })).toEqual(series);
      // Stored as JSON and read back.
      const stored: MrrSeriesCounts = JSON.parse(JSON.stringify(counts));
      expect(mrrSeriesFromCounts(stored, rateOptions === undefined ? {} : { rates: rateOptions })).toEqual(series);
    }
  });

  it('merges tables of shards of customers into the table of all of them', () => {
    // The TSDoc example.
    const log = [
      { customerId: 'a', at: '2025-01-10T09:00:00Z', mrr: '100.00' },
      { customerId: 'b', at: '2025-02-03T09:00:00Z', mrr: '50.00' },
    ];
    const options = { period: UTC_MONTH, asOf: '2025-02-28T00:00:00Z' };
    const merged = mergeCounts(mrrSeriesCounts(log.slice(0, 1), options), mrrSeriesCounts(log.slice(1), options));
    expect(mrrSeriesFromCounts(merged).rows.map((r) => r.endingMrr)).toEqual(['100.00', '150.00']);
    // Shards of the plan log, one customer moving between segments in each.
    const shardA = PLAN_LOG.filter((c) => ['m', 'n', 'r'].includes(c.customerId));
    const shardB = PLAN_LOG.filter((c) => !['m', 'n', 'r'].includes(c.customerId));
    const byPlan = { period: UTC_MONTH, by: 'plan', asOf: '2025-03-31T00:00:00Z' };
    const a = mrrSeriesCounts(shardA, byPlan);
    const b = mrrSeriesCounts(shardB, byPlan);
    const before = JSON.stringify(a);
    const ab = mergeCounts(a, b);
    expect(mrrSeriesFromCounts(ab)).toEqual(mrrSeries(PLAN_LOG, byPlan));
    expect(mergeCounts(b, a)).toEqual(ab);
    expect(mergeCounts(ab, mrrSeriesCounts([], byPlan))).toEqual(ab);
    expect(JSON.stringify(a)).toBe(before);
    expect(Object.isFrozen(ab)).toBe(true);
    // Merged from JSON.
    expect(mergeCounts(JSON.parse(JSON.stringify(a)), JSON.parse(JSON.stringify(b)))).toEqual(ab);
  });

  it('keeps the larger number of decimals when merging', () => {
    const options = { period: UTC_MONTH, asOf: '2025-01-31T00:00:00Z' };
    const a = mrrSeriesCounts([{ customerId: 'a', at: '2025-01-10T09:00:00Z', mrr: 100 }], options);
    const b = mrrSeriesCounts([{ customerId: 'b', at: '2025-01-11T09:00:00Z', mrr: '0.25' }], options);
    expect([a.decimals, b.decimals]).toEqual([0, 2]);
    const merged = mergeCounts(a, b);
    expect(merged.decimals).toBe(2);
    const series = mrrSeriesFromCounts(merged);
    expect(series.rows.map((r) => [r.startingMrr, r.newMrr, r.endingMrr])).toEqual([['0.00', '100.25', '100.25']]);
    expect(series).toEqual(
      mrrSeries(
        [
          { customerId: 'a', at: '2025-01-10T09:00:00Z', mrr: 100 },
          { customerId: 'b', at: '2025-01-11T09:00:00Z', mrr: '0.25' },
        ],
        options,
      ),
    );
  });
});

describe('tables of movement tallies read back from a store', () => {
  const period = { unit: 'month', timeZone: 'UTC' } as const;
  const a = mrrSeriesCounts([{ customerId: 'a', at: '2025-01-10T09:00:00Z', mrr: 10 }], { period });
  const b = mrrSeriesCounts([{ customerId: 'b', at: '2025-01-11T09:00:00Z', mrr: 5 }], { period });
  it('merge whatever the order of the keys of their period settings', () => {
    const p = b.period;
    const reordered = { ...b, period: { yearStart: p.yearStart, weekStart: p.weekStart, timeZone: p.timeZone, unit: p.unit, field: p.field } };
    expect(mergeCounts(a, reordered).cells.map((c) => c.counts.endingMrr)).toEqual(['15']);
  });
  it('name a cell of another metric and an amount that is not a string by what is wrong with them', () => {
    const json = JSON.parse(JSON.stringify(a));
    json.cells[0].counts.metric = 'nps';
    expectMetricsError(() => mrrSeriesFromCounts(json), 'mrrSeriesFromCounts', ['counts', 'cells', 0, 'counts', 'metric'], 'invalid-value');
    const number = JSON.parse(JSON.stringify(a));
    number.cells[0].counts.newMrr = 10;
    expectMetricsError(() => mrrSeriesFromCounts(number), 'mrrSeriesFromCounts', ['counts', 'cells', 0, 'counts', 'newMrr'], 'invalid-type');
  });
});

describe('joined and left, counted, under a reactivation window', () => {
  it('is a reactivation within the window of the last departure and new business after it; a restated price is unchanged', () => {
    const log = [
      { customerId: 'a', at: '2025-01-10T00:00:00Z', mrr: 10 },
      { customerId: 'a', at: '2025-02-10T00:00:00Z', mrr: 0 },
      { customerId: 'a', at: '2025-03-05T00:00:00Z', mrr: 20 },
      { customerId: 'a', at: '2025-03-25T00:00:00Z', mrr: 0 },
      { customerId: 'a', at: '2025-07-05T00:00:00Z', mrr: 30 },
      { customerId: 'a', at: '2025-07-25T00:00:00Z', mrr: 0 },
      { customerId: 'b', at: '2025-01-10T00:00:00Z', mrr: 10 },
      { customerId: 'b', at: '2025-03-10T00:00:00Z', mrr: 10 },
    ];
    const s = mrrSeries(log, { period: { unit: 'month', timeZone: 'UTC' }, joinedAndLeft: 'count', reactivation: { within: 2 } });
    // [period, new, reactivation, churned, unchanged]
    expect(s.rows.map((r) => [r.period.label, r.customers.new, r.customers.reactivation, r.customers.churned, r.customers.unchanged])).toEqual([
      ['2025-01', 2, 0, 0, 0],
      ['2025-02', 0, 0, 1, 1],
      ['2025-03', 0, 1, 1, 1],
      ['2025-04', 0, 0, 0, 1],
      ['2025-05', 0, 0, 0, 1],
      ['2025-06', 0, 0, 0, 1],
      ['2025-07', 1, 0, 1, 1],
    ]);
    expect(s.rows.map((r) => r.reactivationMrr)).toEqual(['0', '0', '0', '0', '0', '0', '0']);
  });
});
