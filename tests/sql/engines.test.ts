/**
 * The tallies computed inside real SQL engines equal the library's own: on
 * random data sets (timestamps around daylight-saving changes, missing keys,
 * the text `NA` as a region code, missing answers, survey weights from 1e-100
 * to 1e100), for every metric the
 * tally query counts and every period unit, week start, fiscal year start
 * and time zone, `runQuery` on DuckDB (`@duckdb/node-api`) and on PostgreSQL
 * (PGlite, Postgres compiled to WebAssembly) returns exactly the table
 * `segmentCounts` returns on the same records. One instance of each engine
 * serves the whole file.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type SegmentCounts, type SegmentCountsSpec, segmentCounts, segmentFromCounts } from '../../src/index.js';
import { runQuery } from '../../src/sql/index.js';
import { useEngines } from '../helpers/engines.js';

const engines = useEngines();

/** The columns of the answers table, with their SQL types in each engine. */
const COLUMNS = [
  ['region', 'VARCHAR', 'text'],
  ['plan', 'VARCHAR', 'text'],
  ['at', 'TIMESTAMPTZ', 'timestamptz'],
  ['score', 'INTEGER', 'integer'],
  ['sat', 'INTEGER', 'integer'],
  ['recommend', 'INTEGER', 'integer'],
  ['repurchase', 'INTEGER', 'integer'],
  ['upsell', 'INTEGER', 'integer'],
  ['purchases', 'INTEGER', 'integer'],
  ['contacts', 'INTEGER', 'integer'],
  ['resolved', 'BOOLEAN', 'boolean'],
  ['upgraded', 'BOOLEAN', 'boolean'],
  ['resolved_at', 'TIMESTAMPTZ', 'timestamptz'],
  ['first_resolved', 'TIMESTAMPTZ', 'timestamptz'],
  ['responded', 'TIMESTAMPTZ', 'timestamptz'],
  ['w', 'DOUBLE', 'double precision'],
] as const;

type Row = { [K in (typeof COLUMNS)[number][0]]: unknown };

// Instants around the daylight-saving changes of 2024 in Europe and the US, and a year around them.
const instant = fc.oneof(
  fc.integer({ min: Date.UTC(2024, 2, 9), max: Date.UTC(2024, 2, 12) }),
  fc.integer({ min: Date.UTC(2024, 2, 30), max: Date.UTC(2024, 3, 1) }),
  fc.integer({ min: Date.UTC(2024, 9, 26), max: Date.UTC(2024, 10, 4) }),
  fc.integer({ min: Date.UTC(2023, 11, 25), max: Date.UTC(2025, 0, 8) }),
);
const row: fc.Arbitrary<Row> = fc
  .record({
    region: fc.oneof({ weight: 6, arbitrary: fc.constantFrom('EU', 'US', 'NA', 'Ωmega') }, fc.constant(null)),
    plan: fc.constantFrom('free', 'pro'),
    at: instant.map((t) => new Date(t).toISOString()),
    score: fc.oneof({ weight: 9, arbitrary: fc.integer({ min: 0, max: 10 }) }, fc.constant(null)),
    sat: fc.oneof({ weight: 9, arbitrary: fc.integer({ min: 1, max: 5 }) }, fc.constant(null)),
    recommend: fc.integer({ min: 0, max: 10 }),
    repurchase: fc.integer({ min: 0, max: 10 }),
    upsell: fc.integer({ min: 0, max: 10 }),
    purchases: fc.integer({ min: 0, max: 4 }),
    contacts: fc.integer({ min: 1, max: 3 }),
    resolved: fc.boolean(),
    upgraded: fc.boolean(),
    // Resolution and first response some minutes to days after `at`, or not yet; milliseconds kept.
    resolved_at: fc.option(fc.integer({ min: 1, max: 9 * 86_400_000 }), { nil: null }),
    first_resolved: fc.option(fc.integer({ min: 1, max: 86_400_000 }), { nil: null }),
    responded: fc.option(fc.integer({ min: 0, max: 3 * 86_400_000 }), { nil: null }),
    // Survey weights: repeated values (as post-stratification gives), the extremes, zeros and any double between.
    w: fc.oneof(
      { weight: 3, arbitrary: fc.constantFrom(1, 0.5, 2.25, 0.1) },
      fc.constantFrom(0, 1e-100, 1e100),
      fc.double({ min: 1e-100, max: 1e100, noNaN: true }),
    ),
  })
  .map((r) => {
    const later = (ms: number | null) => (ms === null ? null : new Date(Date.parse(r.at) + ms).toISOString());
    // A first resolution is at or before the last one.
    const first = r.resolved_at === null || r.first_resolved === null ? null : Math.min(r.first_resolved, r.resolved_at);
    return { ...r, resolved_at: later(r.resolved_at), first_resolved: later(first), responded: later(r.responded) };
  });

/** Every metric the tally query counts, with where its input is. */
const METRIC_SPECS = [
  { metric: 'nps', value: 'score', options: { missing: 'exclude' } },
  { metric: 'nps', value: 'score', weight: 'w', options: { missing: 'exclude' } },
  { metric: 'csat', value: 'sat', weight: 'w', options: { missing: 'exclude' } },
  { metric: 'csat', value: 'sat', options: { missing: 'exclude' } },
  { metric: 'ces', value: 'sat', options: { missing: 'exclude' } },
  { metric: 'loyaltyIndex' },
  { metric: 'firstContactResolution', value: { contacts: 'contacts', resolved: 'resolved' } },
  { metric: 'repurchaseRate', value: 'purchases' },
  { metric: 'upsellRatio' },
  // Durations: censored open tickets, and business hours, computed by the library from the instants.
  { metric: 'timeToResolution', value: { openedAt: 'at', resolvedAt: 'resolved_at' }, options: { open: 'censor', asOf: '2025-01-20T00:00:00Z' } },
  {
    metric: 'timeToResolution',
    value: { openedAt: 'at', resolvedAt: 'resolved_at', firstResolvedAt: 'first_resolved' },
    options: {
      resolution: 'first',
      businessHours: { timeZone: 'Europe/Berlin', days: { mon: ['09:00', '17:00'], wed: ['09:00', '17:00'], fri: ['08:30', '12:00'] } },
    },
  },
  { metric: 'firstResponseTime', value: { openedAt: 'at', firstRespondedAt: 'responded' } },
] as const;

/** Calendar periods: a week start with weeks, a (fiscal) year start with quarters and years. */
function periodOf(unit: string, timeZone: string, weekStart: string, yearStart: number) {
  return {
    field: 'at',
    unit,
    timeZone,
    ...(unit === 'week' ? { weekStart } : {}),
    ...(unit === 'quarter' || unit === 'year' ? { yearStart } : {}),
  };
}

const period = fc.option(
  fc
    .tuple(
      fc.constantFrom('day', 'week', 'month', 'quarter', 'year'),
      fc.constantFrom('Europe/Berlin', 'America/New_York', 'Asia/Kathmandu', 'UTC'),
      fc.constantFrom('mon', 'sun', 'wed'),
      fc.constantFrom(1, 4, 10),
    )
    .map(([unit, timeZone, weekStart, yearStart]) => periodOf(unit, timeZone, weekStart, yearStart)),
  { nil: undefined },
);

/** The tally fields that hold durations. */
const DURATION_FIELDS = new Set(['resolved', 'censored', 'responded']);

/**
 * A value with every list of durations in ascending order: a time metric's
 * tally keeps its durations in the order the records came, and an engine
 * returns them in an order of its own (`tallyFromRows` sorts them).
 */
function sortedDurations<T>(value: T): T {
  if (Array.isArray(value)) return value.map(sortedDurations) as T;
  if (typeof value !== 'object' || value === null) return value;
  return Object.fromEntries(
    Object.entries(value).map(([k, v]) => [k, DURATION_FIELDS.has(k) && Array.isArray(v) ? [...v].sort((a, b) => a - b) : sortedDurations(v)]),
  ) as T;
}

/** `runQuery` on both engines equals `segmentCounts` on the records, and so do the results `segmentFromCounts` computes from them. */
async function expectSameTallies(rows: readonly Row[], spec: SegmentCountsSpec): Promise<SegmentCounts> {
  const expected = sortedDurations(segmentCounts(rows as never, spec));
  const results = segmentFromCounts(segmentCounts(rows as never, spec), spec as never);
  for (const connection of [engines.duck, engines.pg]) {
    const table = await runQuery(connection, spec, { from: 'answers' });
    expect(table).toEqual(expected);
    expect(sortedDurations(segmentFromCounts(table, spec as never))).toEqual(sortedDurations(results));
  }
  return expected;
}

async function load(rows: readonly Row[]): Promise<void> {
  await engines.duck.run('DROP TABLE IF EXISTS answers');
  await engines.duck.run(`CREATE TABLE answers (${COLUMNS.map(([name, type]) => `"${name}" ${type}`).join(', ')})`);
  await engines.pg.query('DROP TABLE IF EXISTS answers');
  await engines.pg.query(`CREATE TABLE answers (${COLUMNS.map(([name, , type]) => `"${name}" ${type}`).join(', ')})`);
  if (rows.length === 0) return;
  const width = COLUMNS.length;
  // A weight goes in as the text of its shortest form, which each engine reads as that double exactly.
  const values = (engine: 1 | 2) =>
    rows
      .map(
        (_, i) =>
          `(${COLUMNS.map(([name, ...types], j) => (name === 'w' ? `CAST($${i * width + j + 1} AS ${types[engine - 1]})` : `$${i * width + j + 1}`)).join(', ')})`,
      )
      .join(', ');
  const params = rows.flatMap((r) => COLUMNS.map(([name]) => (name === 'w' ? String(r.w) : r[name])));
  await engines.duck.run(`INSERT INTO answers VALUES ${values(1)}`, params as never);
  await engines.pg.query(`INSERT INTO answers VALUES ${values(2)}`, params);
}

describe('runQuery on DuckDB and PostgreSQL', () => {
  it('equals segmentCounts for every metric, period unit and calendar', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(row, { maxLength: 60 }),
        fc.constantFrom(...METRIC_SPECS),
        fc.constantFrom<readonly string[]>([], ['region'], ['region', 'plan']),
        period,
        async (rows, metricSpec, by, periodSpec) => {
          await load(rows);
          const spec = { ...metricSpec, by, missingKey: 'n/a', ...(periodSpec === undefined ? {} : { period: periodSpec }) } as unknown as SegmentCountsSpec;
          await expectSameTallies(rows, spec);
        },
      ),
      { numRuns: 60 },
    );
  }, 120_000);

  it('tallies every metric in every period unit at least once', async () => {
    const rows = fc.sample(row, { numRuns: 200, seed: 7 });
    await load(rows);
    for (const metricSpec of METRIC_SPECS) {
      for (const unit of ['day', 'week', 'month', 'quarter', 'year'] as const) {
        const spec = {
          ...metricSpec,
          by: ['region'],
          missingKey: 'n/a',
          period: periodOf(unit, 'Europe/Berlin', 'sun', 4),
        } as unknown as SegmentCountsSpec;
        expect((await expectSameTallies(rows, spec)).cells.length).toBeGreaterThan(3);
      }
    }
  }, 120_000);

  it('sets the session time zone to UTC for the query and back afterwards', async () => {
    await load([]);
    await engines.duck.run("SET TimeZone = 'Asia/Tokyo'");
    await engines.pg.query("SET TIME ZONE 'Asia/Tokyo'");
    const spec = { metric: 'nps', value: 'score' } as SegmentCountsSpec;
    await runQuery(engines.duck, spec, { from: 'answers' });
    await runQuery(engines.pg, spec, { from: 'answers' });
    expect((await engines.duck.runAndReadAll("SELECT current_setting('TimeZone') AS tz")).getRowObjectsJS()[0]!.tz).toBe('Asia/Tokyo');
    expect((await engines.pg.query<{ tz: string }>("SELECT current_setting('TimeZone') AS tz")).rows[0]!.tz).toBe('Asia/Tokyo');
  });

  it('reads a timestamp without time zone as UTC', async () => {
    await engines.duck.run('DROP TABLE IF EXISTS naive');
    await engines.duck.run("CREATE TABLE naive AS SELECT TIMESTAMP '2024-03-31 22:30:00' AS at, 10 AS score");
    await engines.pg.query('DROP TABLE IF EXISTS naive');
    await engines.pg.query("CREATE TABLE naive AS SELECT TIMESTAMP '2024-03-31 22:30:00' AS at, 10 AS score");
    const spec = { metric: 'nps', value: 'score', period: { field: 'at', unit: 'month', timeZone: 'Europe/Berlin' } } as SegmentCountsSpec;
    // 22:30 UTC on 31 March is half past midnight on 1 April in Berlin.
    for (const table of [await runQuery(engines.duck, spec, { from: 'naive' }), await runQuery(engines.pg, spec, { from: 'naive' })]) {
      expect(table.cells.map((c) => c.period)).toEqual(['2024-04']);
    }
  });

  it('refuses the tickets the library refuses, which the engine returns as their instants', async () => {
    const base = fc.sample(row, { numRuns: 20, seed: 3 }).map((r) => ({ ...r, resolved_at: null, first_resolved: null, responded: null }));
    const at = '2024-06-01T10:00:00.000Z';
    const cases: [Partial<Row>, SegmentCountsSpec][] = [
      // Resolved before it was opened.
      [
        { at, resolved_at: '2024-06-01T09:00:00.000Z' },
        { metric: 'timeToResolution', value: { openedAt: 'at', resolvedAt: 'resolved_at' } } as SegmentCountsSpec,
      ],
      // Resolved after asOf.
      [
        { at, resolved_at: '2025-03-01T00:00:00.000Z' },
        {
          metric: 'timeToResolution',
          value: { openedAt: 'at', resolvedAt: 'resolved_at' },
          options: { open: 'censor', asOf: '2025-02-01T00:00:00Z' },
        } as SegmentCountsSpec,
      ],
      // Answered before it was opened.
      [
        { at, responded: '2024-05-01T00:00:00.000Z' },
        { metric: 'firstResponseTime', value: { openedAt: 'at', firstRespondedAt: 'responded' } } as SegmentCountsSpec,
      ],
      // No opening.
      [{ at: null, responded: at }, { metric: 'firstResponseTime', value: { openedAt: 'at', firstRespondedAt: 'responded' } } as SegmentCountsSpec],
    ];
    for (const [bad, spec] of cases) {
      const rows = [...base, { ...base[0]!, ...bad }];
      await load(rows);
      let expected: unknown;
      try {
        segmentCounts(rows as never, spec);
      } catch (error) {
        expected = error;
      }
      expect(expected, JSON.stringify(bad)).toMatchObject({ metric: 'segmentCounts' });
      for (const connection of [engines.duck, engines.pg]) {
        await expect(runQuery(connection, spec, { from: 'answers' })).rejects.toMatchObject({
          metric: 'tallyFromRows',
          code: (expected as { code: string }).code,
        });
      }
    }
  });
});
