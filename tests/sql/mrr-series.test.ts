/**
 * The MRR series of a change log held by a real SQL engine equals the
 * library's own: on random logs (several changes per customer and period,
 * instants around daylight-saving changes, cancellations, returns, plans
 * with missing values), in every period unit, calendar and time zone and
 * under both walk rules, `runMrrSeriesQuery` on DuckDB and on PostgreSQL
 * (PGlite) returns exactly the table `mrrSeriesCounts` returns on the same
 * changes, and the series computed from it is `mrrSeries`'s. An invalid log
 * is refused by both paths.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type MrrSeriesCountsOptions, mrrSeries, mrrSeriesCounts, mrrSeriesFromCounts } from '../../src/index.js';
import { DIALECTS, mrrSeriesFromRows, mrrSeriesQuery, runMrrSeriesQuery } from '../../src/sql/index.js';
import { useEngines } from '../helpers/engines.js';
import { expectMetricsError, refusal } from '../helpers/errors.js';

const engines = useEngines();

interface Change {
  readonly customer: string;
  readonly at: string;
  readonly mrr: string | null;
  readonly plan: string | null;
}

/** The change log's columns, with their types in DuckDB and PostgreSQL: money as DECIMAL, whose text has every digit. */
const COLUMNS = [
  ['customer', 'VARCHAR', 'text'],
  ['at', 'TIMESTAMPTZ', 'timestamptz'],
  ['mrr', 'DECIMAL(18, 2)', 'numeric(18, 2)'],
  ['plan', 'VARCHAR', 'text'],
] as const;

async function load(changes: readonly Change[]): Promise<void> {
  await engines.duck.run('DROP TABLE IF EXISTS changes');
  await engines.duck.run(`CREATE TABLE changes (${COLUMNS.map(([name, type]) => `"${name}" ${type}`).join(', ')})`);
  await engines.pg.query('DROP TABLE IF EXISTS changes');
  await engines.pg.query(`CREATE TABLE changes (${COLUMNS.map(([name, , type]) => `"${name}" ${type}`).join(', ')})`);
  if (changes.length === 0) return;
  const values = changes.map((_, i) => `(${COLUMNS.map((_, j) => `$${i * COLUMNS.length + j + 1}`).join(', ')})`).join(', ');
  const params = changes.flatMap((c) => [c.customer, c.at, c.mrr, c.plan]);
  await engines.duck.run(`INSERT INTO changes VALUES ${values}`, params as never);
  await engines.pg.query(`INSERT INTO changes VALUES ${values}`, params);
}

// Instants around the daylight-saving changes of 2024 in Europe and the US, and over a year and a half.
const instant = fc.oneof(
  fc.integer({ min: Date.UTC(2024, 2, 9), max: Date.UTC(2024, 2, 12) }),
  fc.integer({ min: Date.UTC(2024, 2, 30), max: Date.UTC(2024, 3, 1) }),
  fc.integer({ min: Date.UTC(2024, 9, 26), max: Date.UTC(2024, 10, 4) }),
  fc.integer({ min: Date.UTC(2023, 11, 25), max: Date.UTC(2025, 5, 8) }),
);

/** Amounts with cents, many cancellations (0) and repeats of the same amount. */
const amount = fc.oneof(
  { weight: 2, arbitrary: fc.constant('0.00') },
  { weight: 2, arbitrary: fc.constantFrom('10.00', '99.99', '100.00') },
  { weight: 3, arbitrary: fc.integer({ min: 1, max: 100_000 }).map((cents) => (cents / 100).toFixed(2)) },
);

/** A log of up to eight customers, each change at a distinct instant of its customer. */
const logArb: fc.Arbitrary<Change[]> = fc
  .array(
    fc.record({
      customer: fc.constantFrom('a', 'b', 'c', 'd', 'e', 'f', 'g', 'Ωmega'),
      at: instant,
      mrr: amount,
      plan: fc.oneof({ weight: 6, arbitrary: fc.constantFrom('free', 'pro', 'NA') }, fc.constant(null)),
    }),
    { maxLength: 80 },
  )
  .map((changes) => {
    const seen = new Set<string>();
    return changes
      .filter((c) => {
        const id = `${c.customer}@${c.at}`;
        if (seen.has(id)) return false;
        seen.add(id);
        return true;
      })
      .map((c) => ({ ...c, at: new Date(c.at).toISOString() }));
  });

const optionsArb: fc.Arbitrary<MrrSeriesCountsOptions> = fc
  .record({
    unit: fc.constantFrom('day', 'week', 'month', 'quarter', 'year'),
    timeZone: fc.constantFrom('Europe/Berlin', 'America/New_York', 'Asia/Kathmandu', 'UTC'),
    weekStart: fc.constantFrom('mon', 'sun', 'wed'),
    yearStart: fc.constantFrom(1, 4, 10),
    by: fc.constantFrom<readonly string[]>([], ['plan']),
    joinedAndLeft: fc.constantFrom('exclude', 'count'),
    reactivation: fc.oneof(
      fc.constant('always' as const),
      fc.integer({ min: 1, max: 3 }).map((within) => ({ within })),
    ),
    asOf: fc.boolean(),
  })
  .map((o) => ({
    period: {
      unit: o.unit,
      timeZone: o.timeZone,
      ...(o.unit === 'week' ? { weekStart: o.weekStart } : {}),
      ...(o.unit === 'quarter' || o.unit === 'year' ? { yearStart: o.yearStart } : {}),
    },
    by: o.by,
    missingKey: 'n/a',
    fields: { customerId: 'customer' },
    joinedAndLeft: o.joinedAndLeft,
    reactivation: o.reactivation,
    ...(o.asOf ? { asOf: '2025-07-01T00:00:00Z' } : {}),
  })) as fc.Arbitrary<MrrSeriesCountsOptions>;

/** Both engines' tallies equal the library's, and so does the series computed from them. */
async function expectSameSeries(changes: readonly Change[], options: MrrSeriesCountsOptions): Promise<void> {
  const expected = mrrSeriesCounts(changes, options);
  const series = mrrSeries(changes, options);
  for (const connection of [engines.duck, engines.pg]) {
    const table = await runMrrSeriesQuery(connection, options, { from: 'changes' });
    expect(table).toStrictEqual(expected);
    expect(mrrSeriesFromCounts(table)).toStrictEqual(series);
  }
}

describe('runMrrSeriesQuery on DuckDB and PostgreSQL', () => {
  it('equals mrrSeriesCounts for every period unit, calendar and walk rule', async () => {
    await fc.assert(
      fc.asyncProperty(logArb, optionsArb, async (changes, options) => {
        await load(changes);
        await expectSameSeries(changes, options);
      }),
      { numRuns: 60 },
    );
  }, 120_000);

  it('keeps the digits of a text column, whose amounts have any number of decimals', async () => {
    const textAmount = fc.oneof(
      fc.constantFrom('0', '0.0', '10', '10.5', '10.125', '99.99'),
      fc.integer({ min: 0, max: 10 ** 7 }).map((u) => (u / 10 ** 4).toString()),
    );
    await fc.assert(
      fc.asyncProperty(logArb, fc.infiniteStream(textAmount), optionsArb, async (log, amounts, options) => {
        const it = amounts[Symbol.iterator]();
        const changes = log.map((c) => ({ ...c, mrr: it.next().value as string }));
        const create = 'CREATE TABLE changes (customer VARCHAR, "at" TIMESTAMPTZ, mrr VARCHAR, plan VARCHAR)';
        await engines.duck.run('DROP TABLE IF EXISTS changes');
        await engines.duck.run(create);
        await engines.pg.query('DROP TABLE IF EXISTS changes');
        await engines.pg.query(create);
        if (changes.length > 0) {
          const values = changes.map((_, i) => `($${4 * i + 1}, $${4 * i + 2}, $${4 * i + 3}, $${4 * i + 4})`).join(', ');
          const params = changes.flatMap((c) => [c.customer, c.at, c.mrr, c.plan]);
          await engines.duck.run(`INSERT INTO changes VALUES ${values}`, params as never);
          await engines.pg.query(`INSERT INTO changes VALUES ${values}`, params);
        }
        await expectSameSeries(changes, options);
      }),
      { numRuns: 25 },
    );
  }, 120_000);

  it('returns only the changes the walk reads: at most two per customer and period', async () => {
    // One customer changing every hour for three days: 72 changes in 3 days.
    const changes: Change[] = [];
    for (let h = 0; h < 72; h++) {
      changes.push({ customer: 'a', at: new Date(Date.UTC(2024, 4, 1, h)).toISOString(), mrr: h % 5 === 0 ? '0.00' : `${h}.00`, plan: 'pro' });
    }
    await load(changes);
    const options = { period: { unit: 'day', timeZone: 'UTC' }, by: 'plan', fields: { customerId: 'customer' }, joinedAndLeft: 'count' } as const;
    const query = mrrSeriesQuery(options, { dialect: 'duckdb', from: 'changes' });
    const rows = (await engines.duck.runAndReadAll(query.sql, [...query.params])).getRowObjectsJS();
    expect(rows.length).toBeLessThanOrEqual(6);
    expect(mrrSeriesFromRows(rows, options)).toStrictEqual(mrrSeriesCounts(changes, options));
    await expectSameSeries(changes, options);
  });

  it('refuses what the library refuses: two changes at one instant, a negative amount, a missing plan', async () => {
    const options = { period: { unit: 'month', timeZone: 'Europe/Berlin' }, by: 'plan', fields: { customerId: 'customer' } } as const;
    const base: Change[] = [
      { customer: 'a', at: '2024-05-01T10:00:00.000Z', mrr: '10.00', plan: 'pro' },
      { customer: 'a', at: '2024-05-03T10:00:00.000Z', mrr: '12.00', plan: 'pro' },
      { customer: 'a', at: '2024-05-09T10:00:00.000Z', mrr: '15.00', plan: 'pro' },
    ];
    const cases: [Change[], string][] = [
      [[...base, { customer: 'a', at: '2024-05-03T10:00:00.000Z', mrr: '11.00', plan: 'pro' }], 'duplicate'],
      [[...base, { customer: 'a', at: '2024-05-02T10:00:00.000Z', mrr: '-1.00', plan: 'pro' }], 'out-of-range'],
      [[...base, { customer: 'a', at: '2024-05-02T10:00:00.000Z', mrr: '5.00', plan: null }], 'missing-value'],
      [[...base, { customer: 'a', at: '2024-05-02T10:00:00.000Z', mrr: null, plan: 'pro' }], 'missing-value'],
    ];
    for (const [changes, code] of cases) {
      await load(changes);
      expect(refusal(() => mrrSeriesCounts(changes, options)).code).toBe(code);
      for (const connection of [engines.duck, engines.pg]) {
        await expect(runMrrSeriesQuery(connection, options, { from: 'changes' })).rejects.toMatchObject({ metric: 'mrrSeriesFromRows', code });
      }
    }
  });
});

describe('mrrSeriesFromRows', () => {
  const options = { period: { unit: 'month', timeZone: 'UTC' } } as const;

  it('writes every amount with the log’s most decimals, as those of dropped changes made it', () => {
    const changes = [
      { customerId: 'a', at: '2025-01-10T09:00:00Z', mrr: '100.5' },
      { customerId: 'a', at: '2025-01-12T09:00:00Z', mrr: '100.125' },
      { customerId: 'a', at: '2025-01-20T09:00:00Z', mrr: '120' },
    ];
    // The engine keeps the last change of January only; the dropped ones had up to 3 decimals.
    const rows = [{ c: 'a', t: Date.parse('2025-01-20T09:00:00Z'), m: '120', d: 3n, n: 3n }];
    const table = mrrSeriesFromRows(rows, options);
    expect(table).toStrictEqual(mrrSeriesCounts(changes, options));
    expect(mrrSeriesFromCounts(table).rows[0]!.endingMrr).toBe('120.000');
  });

  it('refuses rows that are not the query’s, naming the row and column', () => {
    const at = Date.parse('2025-01-20T09:00:00Z');
    expectMetricsError(() => mrrSeriesFromRows('rows' as never, options), 'mrrSeriesFromRows', ['rows'], 'invalid-type');
    expectMetricsError(() => mrrSeriesFromRows([{ c: 'a', t: at, m: '1', d: 0, n: 1, x: 1 }], options), 'mrrSeriesFromRows', ['rows', 0, 'x'], 'unknown-key');
    expectMetricsError(() => mrrSeriesFromRows([{ c: 'a', t: at, m: '1', n: 1 }], options), 'mrrSeriesFromRows', ['rows', 0, 'd'], 'missing-value');
    expectMetricsError(
      () =>
        mrrSeriesFromRows(
          [
            { c: 'a', t: at, m: '1', d: 0, n: 1 },
            { c: 'b', t: at, m: '1', d: 0, n: 1 },
          ],
          options,
        ),
      'mrrSeriesFromRows',
      ['rows', 0, 'n'],
      'inconsistent',
    );
    expectMetricsError(() => mrrSeriesFromRows([{ c: 'a', t: at, m: '1', d: -1, n: 1 }], options), 'mrrSeriesFromRows', ['rows', 0, 'd'], 'invalid-value');
    expectMetricsError(() => mrrSeriesFromRows([{ c: 'a', t: 'soon', m: '1', d: 0, n: 1 }], options), 'mrrSeriesFromRows', ['rows', 0, 't'], 'invalid-value');
    expectMetricsError(() => mrrSeriesFromRows([{ c: 'a', t: at, m: 'ten', d: 0, n: 1 }], options), 'mrrSeriesFromRows', ['rows', 0, 'm'], 'invalid-value');
    expectMetricsError(
      () => mrrSeriesFromRows([], { period: { unit: 'month' } } as never),
      'mrrSeriesFromRows',
      ['options', 'period', 'timeZone'],
      'missing-value',
    );
  });

  it('refuses a by function, which a SQL engine cannot run', () => {
    const by = { plan: (c: { plan: string }) => c.plan };
    expectMetricsError(
      () => mrrSeriesQuery({ ...options, by } as never, { dialect: 'duckdb', from: 'changes' }),
      'mrrSeriesQuery',
      ['options', 'by', 'plan'],
      'invalid-type',
    );
    expectMetricsError(() => mrrSeriesQuery(options, { dialect: 'mysql', from: 'changes' } as never), 'mrrSeriesQuery', ['query', 'dialect'], 'invalid-value');
  });
});

/** Options whose SQL is pinned: a segment with fiscal quarters, ISO weeks, and custom field names with a missing-key label. */
const GOLDEN_OPTIONS: Record<string, MrrSeriesCountsOptions> = {
  'by-plan-fiscal-quarter': { period: { unit: 'quarter', timeZone: 'Europe/Berlin', yearStart: 4 }, by: 'plan' },
  'iso-week-no-segment': { period: { unit: 'week', timeZone: 'America/New_York' } },
  'fields-month-missing-key': {
    period: { unit: 'month', timeZone: 'UTC' },
    by: ['region', 'plan'],
    missingKey: 'none',
    fields: { customerId: 'account_id', at: 'changed_at', mrr: 'mrr_usd' },
  },
};

describe('mrrSeriesQuery as text', () => {
  it.each(DIALECTS)('writes the pinned SQL for %s', async (dialect) => {
    const golden = Object.entries(GOLDEN_OPTIONS)
      .map(([name, options]) => {
        const { sql, params } = mrrSeriesQuery(options, { dialect, from: ['billing', 'mrr_changes'] });
        return `-- ${name}\n-- params: ${JSON.stringify(params)}\n${sql};\n`;
      })
      .join('\n');
    await expect(golden).toMatchFileSnapshot(`golden/mrr-series-${dialect}.sql`);
  });

  it('runs on names that hold quotes, semicolons, comments and Unicode', async () => {
    const names = { customerId: `cu"st'; --`, at: 'a t\\', mrr: 'mr`r/*x*/' };
    const plan = 'plän"';
    const table = 'ch"an\'ges; DROP TABLE x';
    const q = (name: string) => `"${name.replaceAll('"', '""')}"`;
    const changes = [
      { [names.customerId]: 'a', [names.at]: '2024-03-31T00:30:00Z', [names.mrr]: '10.00', [plan]: 'pro' },
      { [names.customerId]: 'a', [names.at]: '2024-04-30T23:30:00Z', [names.mrr]: '0.00', [plan]: 'pro' },
      { [names.customerId]: 'b', [names.at]: '2024-04-02T10:00:00Z', [names.mrr]: '5.50', [plan]: 'free' },
    ];
    const create = `CREATE TABLE ${q(table)} (${q(names.customerId)} VARCHAR, ${q(names.at)} TIMESTAMPTZ, ${q(names.mrr)} DECIMAL(10, 2), ${q(plan)} VARCHAR)`;
    const insert = `INSERT INTO ${q(table)} VALUES ${changes.map((_, i) => `($${4 * i + 1}, $${4 * i + 2}, $${4 * i + 3}, $${4 * i + 4})`).join(', ')}`;
    const params = changes.flatMap((c) => [c[names.customerId], c[names.at], c[names.mrr], c[plan]]);
    await engines.duck.run(create);
    await engines.duck.run(insert, params as never);
    await engines.pg.query(create);
    await engines.pg.query(insert, params);
    const options = { period: { unit: 'month', timeZone: 'Europe/Berlin' }, by: plan, fields: names } as const;
    const expected = mrrSeriesCounts(changes, options);
    expect(expected.cells.length).toBeGreaterThan(1);
    expect(await runMrrSeriesQuery(engines.duck, options, { from: table })).toStrictEqual(expected);
    expect(await runMrrSeriesQuery(engines.pg, options, { from: table })).toStrictEqual(expected);
  });

  it('refuses a connection of neither kind', async () => {
    await expect(runMrrSeriesQuery({} as never, { period: { unit: 'month', timeZone: 'UTC' } }, { from: 't' })).rejects.toMatchObject({
      metric: 'runMrrSeriesQuery',
      code: 'invalid-type',
    });
  });
});
