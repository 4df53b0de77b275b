/**
 * The MRR series from a change log a SQL engine holds. The engine reduces
 * the log to the changes the series walk reads; the walk, the exact money
 * sums and the rates stay in the library.
 *
 * The walk reads, for each customer and period with a change, only the
 * last change of the period (its MRR and segment at the period's end, and
 * at the next period's start) and the first change of the period with MRR
 * above 0 (where a customer who joined and left within the period is
 * counted). Every other change moves nothing. The query keeps those two
 * per customer and period, and every change the library would refuse (a
 * missing customer, time, amount or key, a negative amount, an amount with
 * more decimals than money may have, two changes of one customer at one
 * instant), so that an invalid log is refused as it is in memory. It
 * returns each kept change's amount as the engine writes it as text, with
 * all its digits, and the most decimals of any amount in the log, so that
 * the series writes every amount with them, as `mrrSeries` does.
 */
import { isPlainObject } from '../core/contract/brands.js';
import { describe, fail, isMetricsError, MetricsError, type MetricsPath } from '../core/contract/errors.js';
import { MAX_MONEY_DECIMALS } from '../core/money/money.js';
import { parseLogOptions } from '../revenue/change-log.js';
import { COUNTS_KEYS, type MrrSeriesCountsOptions, readSeriesRules, seriesTableOf } from '../revenue/series.js';
import { type MrrSeriesCounts, publicSeriesCounts } from '../revenue/series-table.js';
import { SYNTAX } from './dialects.js';
import { periodStart, readQueryOptions, type TallyQuery, type TallyQueryOptions } from './query.js';
import { readEpochMs, readInteger, readValue } from './rows.js';

/** The columns of the reduced log besides the keys `k1`...: customer, time, amount, the log's most decimals and its number of changes. */
export const SERIES_ALIASES = { customer: 'c', time: 't', amount: 'm', decimals: 'd', changes: 'n' } as const;
const { customer: CUSTOMER, time: TIME, amount: AMOUNT, decimals: DECIMALS, changes: CHANGES } = SERIES_ALIASES;

/** The key columns of `keys` `by` dimensions: `k1`, `k2`, ... */
export function seriesKeyColumns(keys: number): string[] {
  return Array.from({ length: keys }, (_, i) => `k${i + 1}`);
}

/** The columns of the change-log query's rows for `keys` `by` dimensions, in order: `c`, `t`, `m`, `k1`..., `d`, `n`. */
export function seriesRowColumns(keys: number): string[] {
  return [CUSTOMER, TIME, AMOUNT, ...seriesKeyColumns(keys), DECIMALS, CHANGES];
}

/** The options of the change-log functions, checked, with the `by` dimensions as column names. */
function readOptions(source: 'mrrSeriesQuery' | 'mrrSeriesFromRows', options: unknown) {
  const o = parseLogOptions(source, options, COUNTS_KEYS);
  const rules = readSeriesRules(source, options);
  const columns = o.dimensions.map((d) => {
    if (typeof d.read !== 'string') fail(source, 'invalid-type', ['options', 'by', d.name], 'expected a column name: a function cannot run in a SQL engine');
    return d.read;
  });
  return { o, rules, columns };
}

/**
 * The query that makes a SQL engine reduce a change log to the changes
 * `mrrSeriesCounts` reads: per customer and period, the last change and
 * the first with MRR above 0, and every change the library would refuse.
 * {@link mrrSeriesFromRows} turns the rows into the table of tallies, so
 * `mrrSeriesFromCounts(mrrSeriesFromRows(rows, options))` equals
 * `mrrSeries(changes, options)` on the same log.
 *
 * The rows have the columns `c` (the customer, as text), `t` (the instant,
 * integer epoch milliseconds), `m` (the MRR as the engine writes the column
 * as text: a `DECIMAL`, integer or text column keeps every digit and
 * decimal; a double is written as the engine writes doubles, which the
 * library may refuse, as `1e+20`), `k1`, `k2`, ... (the `by` dimensions),
 * `d` (the most decimals of any amount in the log) and `n` (how many
 * changes the log holds, for the record: the series does not read it).
 * Periods are cut on the zone's wall clock, as {@link tallyQuery} cuts
 * them; the zone is a bound parameter and the column names are quoted
 * identifiers.
 *
 * @param options - The options of `mrrSeriesCounts`: `period`, `by` (column names), `missingKey`, `fields`, `asOf`, `joinedAndLeft`, `reactivation`.
 * @param query - The dialect and the table or subquery.
 * @returns The SQL and its parameters (the time zone).
 * @throws `MetricsError` (metric `'mrrSeriesQuery'`) for options `mrrSeriesCounts` refuses, a `by` function, or bad query options (`['query', ...]`).
 * @example
 * const query = mrrSeriesQuery({ period: { unit: 'month', timeZone: 'Europe/Berlin' }, by: 'plan' }, { dialect: 'duckdb', from: 'changes' });
 * query.params // => ['Europe/Berlin']
 * query.sql.startsWith('SELECT c, t, m, k1, d, n FROM (SELECT c, t, m, v, k1, CASE WHEN') // => true
 */
export function mrrSeriesQuery(options: MrrSeriesCountsOptions, query: TallyQueryOptions): TallyQuery {
  const source = 'mrrSeriesQuery';
  const { dialect, from } = readQueryOptions(source, query);
  const { o, columns } = readOptions(source, options);
  const syntax = SYNTAX[dialect];
  const q = syntax.quote;
  const keys = seriesKeyColumns(columns.length);
  const params = [o.settings.timeZone];
  const read = [
    `${syntax.text(q(o.fields.customerId))} AS ${CUSTOMER}`,
    `${syntax.epochMs(q(o.fields.at))} AS ${TIME}`,
    `${syntax.text(q(o.fields.mrr))} AS ${AMOUNT}`,
    // The amount's sign, from its text: the same for a DECIMAL, an integer, a double or a text column.
    `CAST(${syntax.text(q(o.fields.mrr))} AS ${syntax.double}) AS v`,
    ...columns.map((column, i) => `${q(column)} AS ${keys[i]}`),
    `${periodStart(dialect, o.fields.at, o.settings, syntax.parameter(1))} AS p`,
  ];
  const point = syntax.find(AMOUNT, "'.'");
  const paying = 'CASE WHEN v > 0 THEN 1 ELSE 0 END';
  const ranked = [
    CUSTOMER,
    TIME,
    AMOUNT,
    'v',
    ...keys,
    `CASE WHEN ${point} > 0 THEN length(${AMOUNT}) - ${point} ELSE 0 END AS s`,
    `max(CASE WHEN ${point} > 0 THEN length(${AMOUNT}) - ${point} ELSE 0 END) OVER () AS ${DECIMALS}`,
    `row_number() OVER (PARTITION BY ${CUSTOMER}, p ORDER BY ${TIME} DESC) AS r_last`,
    `row_number() OVER (PARTITION BY ${CUSTOMER}, p, ${paying} ORDER BY ${TIME}) AS r_paying`,
    `count(*) OVER (PARTITION BY ${CUSTOMER}, ${TIME}) AS r_same`,
    `count(*) OVER () AS ${CHANGES}`,
  ];
  // Kept: the last change, the first paying one, and every change the library refuses, so that it is refused.
  const kept = [
    'r_last = 1',
    '(v > 0 AND r_paying = 1)',
    'r_same > 1',
    `${CUSTOMER} IS NULL`,
    `${TIME} IS NULL`,
    `${AMOUNT} IS NULL`,
    'v < 0',
    `s > ${MAX_MONEY_DECIMALS}`,
    ...(o.missingKey === null ? keys.map((k) => `${k} IS NULL`) : []),
  ];
  const sql =
    `SELECT ${seriesRowColumns(keys.length).join(', ')} FROM (` +
    `SELECT ${ranked.join(', ')} FROM (SELECT ${read.join(', ')} FROM ${from}) AS cxmetrics_changes` +
    `) AS cxmetrics_ranked WHERE ${kept.join(' OR ')}`;
  return Object.freeze({ sql, params: Object.freeze(params) });
}

/** An amount written with `decimals` decimals, trailing zeros added: the same amount, at the log's scale. */
function padded(amount: unknown, decimals: number): unknown {
  if (typeof amount !== 'string' || !/^\d+(\.\d+)?$/.test(amount)) return amount;
  const point = amount.indexOf('.');
  const have = point < 0 ? 0 : amount.length - point - 1;
  if (have >= decimals) return amount;
  return `${amount}${point < 0 ? '.' : ''}${'0'.repeat(decimals - have)}`;
}

/**
 * The table of MRR movement tallies of the rows a SQL engine returned for
 * {@link mrrSeriesQuery}: what `mrrSeriesCounts` returns for the whole
 * change log. Compute the series with `mrrSeriesFromCounts`.
 *
 * The rows are read as the change log's records are (a customer as text,
 * the instant as epoch milliseconds, the amount as a decimal string), so
 * an invalid change is refused with `mrrSeriesCounts`'s message, at
 * `['rows', i, column]`. Each amount is written with the log's most
 * decimals (`d`), as the amounts the engine dropped would have made it.
 *
 * @param rows - Objects with the columns `mrrSeriesQuery` names (`c`, `t`, `m`, `k1`..., `d`, `n`), as an engine returns them; 64-bit integers may be bigints or digit strings.
 * @param options - The options the query was written for.
 * @returns A frozen table of movement tallies, as `mrrSeriesCounts` returns it.
 * @throws `MetricsError` (metric `'mrrSeriesFromRows'`) at `['rows', i, column]` for a row with a missing, unknown or invalid column, or a change the change log refuses; at `['options', ...]` for options `mrrSeriesCounts` refuses.
 * @example
 * const options = { period: { unit: 'month', timeZone: 'UTC' } };
 * const rows = [
 *   { c: 'a', t: 1736499600000n, m: '100.00', d: 2n, n: 3n },
 *   { c: 'a', t: 1739610000000n, m: '120.00', d: 2n, n: 3n },
 * ];
 * const series = mrrSeriesFromCounts(mrrSeriesFromRows(rows, options));
 * series.rows.map((r) => [r.period.label, r.endingMrr, r.expansionMrr]) // => [['2025-01', '100.00', '0.00'], ['2025-02', '120.00', '20.00']]
 */
export function mrrSeriesFromRows(rows: readonly object[], options: MrrSeriesCountsOptions): MrrSeriesCounts {
  const source = 'mrrSeriesFromRows';
  const { o, rules, columns } = readOptions(source, options);
  const expected = seriesRowColumns(columns.length);
  const keys = seriesKeyColumns(columns.length);
  if (!Array.isArray(rows)) fail(source, 'invalid-type', ['rows'], `expected an array of rows, received ${describe(rows)}`);
  let decimals = 0;
  rows.forEach((row: unknown, i) => {
    if (!isPlainObject(row)) fail(source, 'invalid-type', ['rows', i], `expected a row object, received ${describe(row)}`);
    for (const column of Object.keys(row)) {
      if (!expected.includes(column))
        fail(source, 'unknown-key', ['rows', i, column], `unknown column ${JSON.stringify(column)}; expected ${expected.join(', ')}`);
    }
    for (const column of expected)
      if (!Object.hasOwn(row, column)) fail(source, 'missing-value', ['rows', i, column], `expected the column ${JSON.stringify(column)}`);
    // Null when the log has no amount at all.
    const d = row[DECIMALS] === null ? 0 : readInteger(row[DECIMALS]);
    if (!(d >= 0)) {
      fail(
        source,
        'invalid-value',
        ['rows', i, DECIMALS],
        `expected the most decimals of the log's amounts, a non-negative integer, received ${describe(row[DECIMALS])}`,
      );
    }
    decimals = Math.max(decimals, d);
    const n = readInteger(row[CHANGES]);
    if (!(n >= rows.length)) {
      fail(
        source,
        'inconsistent',
        ['rows', i, CHANGES],
        `expected how many changes the log holds, at least the ${rows.length} rows, received ${describe(row[CHANGES])}`,
      );
    }
  });
  const records = (rows as Record<string, unknown>[]).map((row, i) => {
    const record: Record<string, unknown> = {
      [CUSTOMER]: row[CUSTOMER],
      [TIME]: readEpochMs(source, row[TIME], ['rows', i, TIME]),
      [AMOUNT]: padded(row[AMOUNT], decimals),
    };
    for (const k of keys) record[k] = readValue(source, row[k], ['rows', i, k]);
    return record;
  });
  const read = {
    ...o,
    fields: { customerId: CUSTOMER, at: TIME, mrr: AMOUNT },
    dimensions: o.dimensions.map((d, i) => ({ name: d.name, read: keys[i]! })),
  };
  try {
    return publicSeriesCounts(seriesTableOf(source, records, read, rules, o.fields.at));
  } catch (error) {
    if (!isMetricsError(error)) throw error;
    // The change log names a change by its index and field: here a row and its column.
    const issues = error.issues.map((issue) => {
      const [root, ...rest] = issue.path;
      return root === 'changes' ? { ...issue, path: ['rows', ...rest] as MetricsPath } : issue;
    });
    throw new MetricsError(source, issues, { cause: error });
  }
}
