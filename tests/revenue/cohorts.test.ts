/**
 * cohorts: every option and error first (a lazily built schema credits the
 * first test that builds it), then worked change logs with hand-computed
 * cells, compared exactly.
 */
import { describe, expect, it } from 'vitest';
import { type CohortCell, type CohortTable, cohorts, customerChurn, type MetricsPath } from '../../src/index.js';
import { expectMetricsError } from '../helpers/errors.js';

const UTC_MONTH = { unit: 'month', timeZone: 'UTC' } as const;
const C = 'cohorts';

/** Expects a MetricsError of `cohorts` at `path` with `code`, whose first message starts with `start`. */
function expectError(fn: () => unknown, path: MetricsPath, code: string | undefined, start: string): void {
  const e = expectMetricsError(fn, C, path, code);
  expect(e.issues[0]!.message.slice(0, start.length)).toBe(start);
}

/**
 * Cohort January: a (100, up to 300 in March), b (50, cancels in February),
 * c (40, joins and cancels within January). Cohort February: d (60, down to
 * 30 in March). Cohort March: e (a 0 in February, first pays 20 in March).
 */
const LOG = [
  { customerId: 'a', at: '2025-01-05T10:00:00Z', mrr: 100 },
  { customerId: 'b', at: '2025-01-12T10:00:00Z', mrr: 50 },
  { customerId: 'c', at: '2025-01-20T10:00:00Z', mrr: 40 },
  { customerId: 'c', at: '2025-01-25T10:00:00Z', mrr: 0 },
  { customerId: 'd', at: '2025-02-03T10:00:00Z', mrr: 60 },
  { customerId: 'e', at: '2025-02-10T10:00:00Z', mrr: 0 },
  { customerId: 'b', at: '2025-02-20T10:00:00Z', mrr: 0 },
  { customerId: 'a', at: '2025-03-02T10:00:00Z', mrr: 300 },
  { customerId: 'd', at: '2025-03-10T10:00:00Z', mrr: 30 },
  { customerId: 'e', at: '2025-03-15T10:00:00Z', mrr: 20 },
];

/** Each cell as [age, period, customers, percent, mrr, NRR, GRR]. */
const cells = (t: CohortTable) =>
  t.rows.map((r) => [
    r.cohort.label,
    r.customers,
    r.startingMrr,
    r.cells.map((c) => [c.age, c.period.label, c.customers, c.percent, c.mrr, c.netRevenueRetention, c.grossRevenueRetention]),
  ]);

describe('cohorts: errors', () => {
  const ok = [{ customerId: 'a', at: '2025-01-10T09:00:00Z', mrr: 10 }];
  const run =
    (options: object, changes: unknown = ok) =>
    () =>
      cohorts(changes as never, { period: UTC_MONTH, ...options } as never);

  it('refuses a bad horizon', () => {
    const start = 'expected a whole number of periods (0 or more), received';
    expectError(run({ horizon: -1 }), ['options', 'horizon'], 'out-of-range', `${start} -1`);
    expectError(run({ horizon: 1.5 }), ['options', 'horizon'], 'out-of-range', `${start} 1.5`);
    expectError(run({ horizon: '2' }), ['options', 'horizon'], 'invalid-type', `${start} "2"`);
    expectError(run({ horizon: Number.NaN }), ['options', 'horizon'], undefined, start);
  });

  it('refuses a bad measure, interval or rounding', () => {
    expectError(run({ measure: 'x' }), ['options', 'measure'], 'invalid-value', 'expected "end" or "active", received "x"');
    expectError(run({ interval: { level: 1.5 } }), ['options', 'interval', 'level'], 'out-of-range', 'expected a level strictly between 0 and 1');
    expectError(
      run({ interval: { method: 'exact' } }),
      ['options', 'interval', 'method'],
      'invalid-value',
      'expected "wilson", "agresti-coull", "jeffreys", "clopper-pearson" or "wald"',
    );
    expectError(run({ interval: 'yes' }), ['options', 'interval'], 'invalid-value', 'expected true, false or { level, method }');
    expectError(run({ decimals: -1 }), ['options', 'decimals'], 'out-of-range', 'expected an integer from 0 to 15');
  });

  it('refuses unknown keys and the change-log errors of mrrSeries', () => {
    expectError(
      run({ foo: 1 }),
      ['options', 'foo'],
      'unknown-key',
      'unknown key "foo"; expected one of period, by, missingKey, fields, asOf, horizon, measure, interval',
    );
    expectError(run({ rates: {} }), ['options', 'rates'], 'unknown-key', 'unknown key "rates"');
    expectError(run({ joinedAndLeft: 'count' }), ['options', 'joinedAndLeft'], 'unknown-key', 'unknown key "joinedAndLeft"');
    expectError(() => cohorts(ok, undefined as never), ['options'], 'missing-value', 'expected options');
    expectError(() => cohorts(ok, {} as never), ['options', 'period'], 'missing-value', 'expected a period');
    expectError(run({}, 'log'), ['changes'], 'invalid-type', 'expected an array of changes');
    expectError(
      run({}, [{ customerId: 'a', at: '2025-01-10T09:00:00', mrr: 1 }]),
      ['changes', 0, 'at'],
      'invalid-value',
      'expected an ISO-8601 time with an offset or Z',
    );
    expectError(run({}, [{ customerId: 'a', at: '2025-01-10T09:00:00Z', mrr: -1 }]), ['changes', 0, 'mrr'], 'out-of-range', 'expected a non-negative amount');
    expectError(run({}, [...ok, ...ok]), ['changes', 1, 'at'], 'duplicate', 'expected one change per customer and instant');
    expectError(run({ asOf: '2025-01-01T00:00:00Z' }), ['changes', 0, 'at'], 'inconsistent', 'expected a change at or before asOf');
    expectError(run({ by: 'plan' }), ['changes', 0, 'plan'], 'missing-value', 'expected a segment value');
  });

  it('refuses too many cells (segments x periods x ages), and takes a shorter horizon', () => {
    const long = [
      { customerId: 'a', at: '2000-01-01T00:00:00Z', mrr: 1 },
      { customerId: 'b', at: '2027-05-19T00:00:00Z', mrr: 1 },
    ];
    const day = { period: { unit: 'day', timeZone: 'UTC' } } as const;
    // 10,001 days, every age: about 10^8 cells, past the limit.
    const e = expectMetricsError(() => cohorts(long, day), C, ['options', 'horizon'], 'out-of-range');
    expect(e.issues[0]!.message).toMatch(/^expected at most \d+ cells \(segments x periods x ages\), received 100020001/);
    const t = cohorts(long, { ...day, horizon: 2, interval: false });
    expect(t.horizon).toBe(2);
    expect(t.rows.map((r) => [r.cohort.label, r.cells.length])).toEqual([
      ['2000-01-01', 3],
      ['2027-05-19', 1],
    ]);
  });
});

describe('cohorts: a worked table', () => {
  it('repeats the TSDoc example', () => {
    const log = [
      { customerId: 'a', at: '2025-01-05T10:00:00Z', mrr: 100 },
      { customerId: 'b', at: '2025-01-12T10:00:00Z', mrr: 50 },
      { customerId: 'b', at: '2025-02-20T10:00:00Z', mrr: 0 },
      { customerId: 'a', at: '2025-03-02T10:00:00Z', mrr: 150 },
    ];
    const table = cohorts(log, { period: UTC_MONTH, interval: false });
    expect(table.rows[0]!.cells.map((c) => [c.age, c.customers, c.percent, c.mrr, c.netRevenueRetention, c.grossRevenueRetention])).toEqual([
      [0, 2, 100, '150', 100, 100],
      [1, 1, 50, '100', 66.66666666666667, 66.66666666666667],
      [2, 1, 50, '150', 100, 66.66666666666667],
    ]);
    expect(cohorts(log, { period: UTC_MONTH, measure: 'active', interval: false }).rows[0]!.cells[1]!.customers).toBe(2);
  });

  it("reads each customer at the end of each period with measure 'end' (the default)", () => {
    const t = cohorts(LOG, { period: UTC_MONTH });
    expect(t.measure).toBe('end');
    expect(t.horizon).toBe(2);
    expect(t.kind).toBe('cohorts');
    expect(t.by).toEqual([]);
    expect(t.period).toEqual({ field: 'at', unit: 'month', timeZone: 'UTC', weekStart: 'mon', yearStart: 1 });
    expect(cells(t)).toEqual([
      [
        '2025-01',
        3,
        '150',
        [
          // c joined and left within January: in the cohort, not paying at its end, and no part of the base.
          [0, '2025-01', 2, 200 / 3, '150', 100, 100],
          // b cancelled: 100 of 150.
          [1, '2025-02', 1, 100 / 3, '100', 10000 / 150, 10000 / 150],
          // a upgraded to 300: NRR 200, GRR capped at a's 100.
          [2, '2025-03', 1, 100 / 3, '300', 200, 10000 / 150],
        ],
      ],
      [
        '2025-02',
        1,
        '60',
        [
          [0, '2025-02', 1, 100, '60', 100, 100],
          [1, '2025-03', 1, 100, '30', 50, 50],
        ],
      ],
      ['2025-03', 1, '20', [[0, '2025-03', 1, 100, '20', 100, 100]]],
    ]);
    expect(t.rows.map((r) => r.key)).toEqual([{}, {}, {}]);
    expect(t.rows[0]!.cohort).toEqual({ label: '2025-01', start: '2025-01-01T00:00:00+00:00', end: '2025-02-01T00:00:00+00:00', complete: true });
  });

  it("reads each customer by the last MRR they paid in each period with measure 'active'", () => {
    const t = cohorts(LOG, { period: UTC_MONTH, measure: 'active' });
    expect(t.measure).toBe('active');
    expect(cells(t)).toEqual([
      [
        '2025-01',
        3,
        // c paid 40 within January.
        '190',
        [
          [0, '2025-01', 3, 100, '190', 100, 100],
          // b paid 50 in February until cancelling.
          [1, '2025-02', 2, 200 / 3, '150', 15000 / 190, 15000 / 190],
          // a's last MRR in March is 300: NRR above 100 of the 190, GRR capped at a's 100.
          [2, '2025-03', 1, 100 / 3, '300', 30000 / 190, 10000 / 190],
        ],
      ],
      [
        '2025-02',
        1,
        '60',
        [
          [0, '2025-02', 1, 100, '60', 100, 100],
          // d's last MRR in March is 30.
          [1, '2025-03', 1, 100, '30', 50, 50],
        ],
      ],
      ['2025-03', 1, '20', [[0, '2025-03', 1, 100, '20', 100, 100]]],
    ]);
  });

  it("does not count MRR replaced at a period's first instant as active in it", () => {
    const at = (cancel: string) => [
      { customerId: 'a', at: '2025-01-10T10:00:00Z', mrr: 100 },
      { customerId: 'a', at: cancel, mrr: 0 },
      { customerId: 'b', at: '2025-03-10T10:00:00Z', mrr: 1 },
    ];
    const age1 = (cancel: string, measure: 'end' | 'active') => {
      const c = cohorts(at(cancel), { period: UTC_MONTH, measure, interval: false }).rows[0]!.cells[1]!;
      return [c.customers, c.mrr];
    };
    expect(age1('2025-02-01T00:00:00Z', 'active')).toEqual([0, '0']);
    expect(age1('2025-02-01T00:00:00.001Z', 'active')).toEqual([1, '100']);
    expect(age1('2025-02-01T00:00:00Z', 'end')).toEqual([0, '0']);
    expect(age1('2025-02-01T00:00:00.001Z', 'end')).toEqual([0, '0']);
    // Cancelled at the last millisecond of January: gone at its end, active in it.
    const jan = (measure: 'end' | 'active') => cohorts(at('2025-01-31T23:59:59.999Z'), { period: UTC_MONTH, measure, interval: false }).rows[0]!.cells;
    expect(jan('end').map((c) => c.customers)).toEqual([0, 0, 0]);
    expect(jan('active').map((c) => c.customers)).toEqual([1, 0, 0]);
  });

  it('rounds the percents with decimals', () => {
    const t = cohorts(LOG, { period: UTC_MONTH, decimals: 1, interval: false });
    expect(t.rows[0]!.cells.map((c) => [c.percent, c.netRevenueRetention, c.grossRevenueRetention])).toEqual([
      [66.7, 100, 100],
      [33.3, 66.7, 66.7],
      [33.3, 200, 66.7],
    ]);
  });

  it('returns a frozen, JSON-safe table', () => {
    const t = cohorts(LOG, { period: UTC_MONTH });
    expect(Object.isFrozen(t)).toBe(true);
    expect(Object.isFrozen(t.rows[0]!.cells[0]!)).toBe(true);
    expect(Object.isFrozen(t.rows[0]!.cells[0]!.interval)).toBe(true);
    expect(JSON.parse(JSON.stringify(t))).toEqual(t);
  });

  it('takes an empty log', () => {
    const empty = cohorts([], { period: UTC_MONTH });
    expect(empty.rows).toEqual([]);
    // The horizon is an age: never below 0.
    expect(empty.horizon).toBe(0);
    expect(cohorts([], { period: UTC_MONTH, horizon: 3 }).horizon).toBe(0);
    const asOf = cohorts([], { period: UTC_MONTH, asOf: '2025-01-01T00:00:00Z' });
    expect(asOf.rows).toEqual([]);
    expect(asOf.horizon).toBe(0);
  });
});

describe('cohorts: intervals', () => {
  /** The Wilson interval's lower bound of 1 of 1, in percent: 1 / (1 + z^2). */
  const z = 1.959963984540054;

  it('gives a Wilson interval at 0.95 by default, with small-sample warnings', () => {
    const t = cohorts(LOG, { period: UTC_MONTH });
    const one = t.rows[1]!.cells[0]!;
    expect(one.interval).toMatchObject({ level: 0.95, method: 'wilson', clamped: false });
    expect(one.interval!.lower).toBeCloseTo(100 / (1 + z * z), 10);
    expect(one.interval!.upper).toBeCloseTo(100, 10);
    expect(one.warnings.map((w) => w.code)).toEqual(['small-sample']);
    // Every cell's interval is the proportion interval of its customers of the cohort.
    for (const row of t.rows) {
      for (const cell of row.cells) {
        expect(cell.interval).toEqual(customerChurn({ customersAtStart: row.customers, customersLost: cell.customers }, { interval: true }).interval);
      }
    }
  });

  it('takes another level and method', () => {
    const interval = { level: 0.9, method: 'jeffreys' } as const;
    const t = cohorts(LOG, { period: UTC_MONTH, interval });
    const cell: CohortCell = t.rows[0]!.cells[1]!;
    expect(cell.interval).toMatchObject({ level: 0.9, method: 'jeffreys' });
    expect(cell.interval).toEqual(customerChurn({ customersAtStart: 3, customersLost: 1 }, { interval }).interval);
    expect(cell.interval!.lower).toBeLessThan(100 / 3);
    expect(cell.interval!.upper).toBeGreaterThan(100 / 3);
  });

  it('leaves the interval out with interval: false', () => {
    const t = cohorts(LOG, { period: UTC_MONTH, interval: false });
    for (const row of t.rows) for (const cell of row.cells) expect('interval' in cell).toBe(false);
    expect(t.rows[1]!.cells[0]!.warnings.map((w) => w.code)).toEqual(['small-sample']);
    expect(cohorts(LOG, { period: UTC_MONTH, interval: true })).toEqual(cohorts(LOG, { period: UTC_MONTH }));
  });
});

describe('cohorts: horizon, asOf, segments and periods', () => {
  it('reports ages up to the horizon', () => {
    const ages = (t: CohortTable) => t.rows.map((r) => [r.cohort.label, r.cells.map((c) => c.age)]);
    const one = cohorts(LOG, { period: UTC_MONTH, horizon: 1 });
    expect(one.horizon).toBe(1);
    expect(ages(one)).toEqual([
      ['2025-01', [0, 1]],
      ['2025-02', [0, 1]],
      ['2025-03', [0]],
    ]);
    const zero = cohorts(LOG, { period: UTC_MONTH, horizon: 0 });
    expect(zero.horizon).toBe(0);
    expect(ages(zero)).toEqual([
      ['2025-01', [0]],
      ['2025-02', [0]],
      ['2025-03', [0]],
    ]);
    // A horizon past the log is cut to the ages it reaches.
    const far = cohorts(LOG, { period: UTC_MONTH, horizon: 10 });
    expect(far.horizon).toBe(2);
    expect(far.rows).toEqual(cohorts(LOG, { period: UTC_MONTH }).rows);
  });

  it('reaches the period holding asOf and flags its cells incomplete', () => {
    const t = cohorts(
      [
        { customerId: 'a', at: '2025-01-10T10:00:00Z', mrr: 100 },
        { customerId: 'b', at: '2025-03-01T00:00:00Z', mrr: 50 },
      ],
      { period: UTC_MONTH, asOf: '2025-03-15T00:00:00Z', interval: false },
    );
    expect(
      t.rows.map((r) => [r.cohort.label, r.cohort.complete, r.cells.map((c) => [c.period.label, c.period.complete, c.flags, c.customers, c.mrr])]),
    ).toEqual([
      [
        '2025-01',
        true,
        [
          ['2025-01', true, [], 1, '100'],
          ['2025-02', true, [], 1, '100'],
          ['2025-03', false, ['incomplete-period'], 1, '100'],
        ],
      ],
      ['2025-03', false, [['2025-03', false, ['incomplete-period'], 1, '50']]],
    ]);
    // asOf after the last change extends the ages.
    const later = cohorts([{ customerId: 'a', at: '2025-01-10T10:00:00Z', mrr: 100 }], { period: UTC_MONTH, asOf: '2025-05-01T00:00:00Z' });
    expect(later.horizon).toBe(4);
    expect(later.rows[0]!.cells.map((c) => [c.period.label, c.flags.length])).toEqual([
      ['2025-01', 0],
      ['2025-02', 0],
      ['2025-03', 0],
      ['2025-04', 0],
      ['2025-05', 1],
    ]);
  });

  it('puts each customer in the segment of their first paying change', () => {
    const log = [
      { customerId: 'f', at: '2025-01-03T10:00:00Z', mrr: 0, plan: 'trial' },
      { customerId: 'f', at: '2025-01-10T10:00:00Z', mrr: 20, plan: 'pro' },
      { customerId: 'f', at: '2025-02-10T10:00:00Z', mrr: 10, plan: 'basic' },
      { customerId: 'g', at: '2025-01-15T10:00:00Z', mrr: 10, plan: 'basic' },
      { customerId: 'h', at: '2025-02-05T10:00:00Z', mrr: 30, plan: 'pro' },
    ];
    const t = cohorts(log, { period: UTC_MONTH, by: 'plan', interval: false });
    expect(t.by).toEqual(['plan']);
    expect(t.rows.map((r) => [r.key.plan, r.cohort.label, r.customers, r.startingMrr, r.cells.map((c) => [c.mrr, c.netRevenueRetention])])).toEqual([
      [
        'basic',
        '2025-01',
        1,
        '10',
        [
          ['10', 100],
          ['10', 100],
        ],
      ],
      // f stays in the pro cohort after moving to basic.
      [
        'pro',
        '2025-01',
        1,
        '20',
        [
          ['20', 100],
          ['10', 50],
        ],
      ],
      ['pro', '2025-02', 1, '30', [['30', 100]]],
    ]);
  });

  it('cuts cohorts on the time zone wall clock', () => {
    // 00:30 on March 1 in Berlin, still February in UTC.
    const log = [{ customerId: 'p', at: '2025-02-28T23:30:00Z', mrr: 10 }];
    expect(cohorts(log, { period: { unit: 'month', timeZone: 'Europe/Berlin' } }).rows[0]!.cohort).toEqual({
      label: '2025-03',
      start: '2025-03-01T00:00:00+01:00',
      end: '2025-04-01T00:00:00+02:00',
      complete: true,
    });
    expect(cohorts(log, { period: UTC_MONTH }).rows[0]!.cohort.label).toBe('2025-02');
    const q = cohorts(log, { period: { unit: 'quarter', timeZone: 'UTC', yearStart: 3 } });
    expect(q.rows[0]!.cohort.label).toBe('FY2025-Q4');
  });

  it('reads renamed fields and exact amounts', () => {
    const log = [
      { id: 'a', when: '2025-01-10T10:00:00Z', amount: '123456789012345678901234.5' },
      { id: 'b', when: '2025-01-11T10:00:00Z', amount: '0.25' },
      { id: 'a', when: '2025-02-10T10:00:00Z', amount: '123456789012345678901235.5' },
    ];
    const t = cohorts(log, { period: UTC_MONTH, fields: { customerId: 'id', at: 'when', mrr: 'amount' }, interval: false });
    expect(t.period.field).toBe('when');
    expect(t.rows[0]!.startingMrr).toBe('123456789012345678901234.75');
    expect(t.rows[0]!.cells.map((c) => c.mrr)).toEqual(['123456789012345678901234.75', '123456789012345678901235.75']);
  });
});

describe("cohorts under measure 'active' at a period's first instant", () => {
  it('does not count a customer whose cancellation takes effect as the period begins', () => {
    const period = { unit: 'month', timeZone: 'UTC' } as const;
    const cancelledAtStart = [
      { customerId: 'a', at: '2025-01-15T00:00:00Z', mrr: 10 },
      { customerId: 'a', at: '2025-02-01T00:00:00Z', mrr: 0 },
    ];
    const ages = (log: typeof cancelledAtStart) =>
      cohorts(log, { period, measure: 'active', interval: false }).rows[0]!.cells.map((c) => [c.age, c.customers, c.mrr]);
    expect(ages(cancelledAtStart)).toEqual([
      [0, 1, '10'],
      [1, 0, '0'],
    ]);
    const aMomentLater = [cancelledAtStart[0]!, { ...cancelledAtStart[1]!, at: '2025-02-01T00:00:00.001Z' }];
    expect(ages(aMomentLater)).toEqual([
      [0, 1, '10'],
      [1, 1, '10'],
    ]);
  });
});
