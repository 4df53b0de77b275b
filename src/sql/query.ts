/**
 * `tallyQuery`: the SQL that makes a SQL engine count what `segmentCounts`
 * tallies, for the library to finish with `tallyFromRows`.
 */
import { isPlainObject } from '../core/contract/brands.js';
import { describe, fail } from '../core/contract/errors.js';
import type { OperationName } from '../core/contract/registry.js';
import { type CalendarSettings, WEEKDAY_NUMBERS } from '../core/time/periods.js';
import type { SegmentCountsSpec } from '../segments/spec.js';
import { DIALECTS, type Dialect, SYNTAX } from './dialects.js';
import { COUNT_ALIAS, PERIOD_ALIAS, readSqlSpec } from './spec.js';

/** Where the data are: a table (a name, or the parts of a qualified name), or a subquery given as SQL. */
export type QuerySource =
  | string
  | readonly string[]
  | {
      /** A query whose result is the data, pasted as written between parentheses. */
      readonly subquery: string;
    };

/** The options of {@link tallyQuery}. */
export interface TallyQueryOptions {
  /** The SQL engine to write for. */
  readonly dialect: Dialect;
  /**
   * The data: a table name (`'answers'`, quoted as one identifier whatever
   * it holds), the parts of a qualified name (`['analytics', 'answers']`,
   * each quoted), or `{ subquery: 'SELECT ...' }`, pasted as written between
   * parentheses: the one place SQL text is taken from the caller.
   */
  readonly from: QuerySource;
}

/** A query and the values of its bound parameters, in order. */
export interface TallyQuery {
  /** The query, with its parameters as placeholders (`$1` for DuckDB and PostgreSQL, `?` for the others). */
  readonly sql: string;
  /** The values of the parameters, in order: the time zone, with periods. */
  readonly params: readonly string[];
}

/** Reads `{ dialect, from }`; `source` names the function in errors. */
export function readQueryOptions(source: OperationName, options: unknown): { dialect: Dialect; from: string } {
  if (!isPlainObject(options)) fail(source, 'invalid-type', ['query'], `expected { dialect, from }, received ${describe(options)}`);
  for (const key of Object.keys(options)) {
    if (key !== 'dialect' && key !== 'from') fail(source, 'unknown-key', ['query', key], `unknown key ${JSON.stringify(key)}; expected dialect, from`);
  }
  const dialect = DIALECTS.find((d) => d === options.dialect);
  if (dialect === undefined)
    fail(source, 'invalid-value', ['query', 'dialect'], `expected one of ${DIALECTS.join(', ')}, received ${describe(options.dialect)}`);
  const syntax = SYNTAX[dialect];
  const from = options.from;
  const name = (part: unknown, path: (string | number)[]): string => {
    if (typeof part !== 'string' || part.length === 0 || part.includes('\u0000')) {
      fail(source, 'invalid-value', ['query', 'from', ...path], `expected a non-empty name without NUL characters, received ${describe(part)}`);
    }
    return syntax.quote(part);
  };
  if (typeof from === 'string') return { dialect, from: name(from, []) };
  if (Array.isArray(from)) {
    if (from.length === 0) fail(source, 'invalid-value', ['query', 'from'], 'expected the parts of a table name, received an empty list');
    return { dialect, from: from.map((part, i) => name(part, [i])).join('.') };
  }
  if (isPlainObject(from) && Object.keys(from).length === 1 && typeof from.subquery === 'string' && from.subquery.trim() !== '') {
    return { dialect, from: `(${from.subquery}) AS cxmetrics_source` };
  }
  return fail(source, 'invalid-type', ['query', 'from'], `expected a table name, the parts of one, or { subquery }, received ${describe(from)}`);
}

/** The period expression: the local date-time at which the calendar period of the instant in `column` starts, in the zone the SQL expression `zone` names. */
export function periodStart(dialect: Dialect, column: string, settings: CalendarSettings, zone: string): string {
  const syntax = SYNTAX[dialect];
  const local = syntax.local(syntax.quote(column), zone);
  /** Truncates after moving by `shift`, then moves back: periods that start on another weekday or month. */
  const shifted = (shift: number, move: (value: string, by: number) => string, unit: 'week' | 'quarter' | 'year'): string =>
    shift === 0 ? syntax.truncate(local, unit) : move(syntax.truncate(move(local, shift), unit), -shift);
  switch (settings.unit) {
    case 'day':
    case 'month':
      return syntax.truncate(local, settings.unit);
    case 'week':
      // A week starting on weekday w (0 Sunday) moved by (8 - w) mod 7 days starts on a Monday.
      return shifted((8 - WEEKDAY_NUMBERS[settings.weekStart]) % 7, syntax.addDays, 'week');
    default:
      // A (fiscal) year starting in month m moved back m - 1 months starts in January, and so do its quarters.
      return shifted(-(settings.yearStart - 1), syntax.addMonths, settings.unit);
  }
}

/**
 * The query that makes a SQL engine count what `segmentCounts`
 * tallies: one row per segment, period and distinct input, with its count.
 * The library turns the rows into the table of tallies with
 * {@link tallyFromRows}, checking every distinct input with the metric, so
 * `segmentFromCounts(tallyFromRows(rows, spec), spec)` equals
 * `segment(records, spec)` on the same data.
 *
 * The rows have the columns `k1`, `k2`, ... (the `by` dimensions in order),
 * `p` (with periods: the first local day of the row's period, as
 * `'YYYY-MM-DD'`), `v1`, `v2`, ... (the metric's inputs: the value, or each
 * input field the spec names) and `n` (the count). Periods are cut on the
 * zone's wall clock: the time column is an instant (a timestamp with time
 * zone, or a timestamp without one read as UTC).
 *
 * Column names are quoted identifiers; the time zone is a bound parameter
 * (`params`); week starts and fiscal year starts are numbers checked by the
 * spec. No text of the spec is pasted into the SQL unquoted.
 *
 * Every metric that tallies from records is counted this way. For time to
 * resolution and first response time measured from two instants without
 * business hours, the query counts each distinct duration in integer
 * milliseconds (the instants rounded down, then subtracted): the column
 * after the inputs, with the inputs `NULL`. A ticket still open, or one the
 * metric refuses (a missing opening, an end before it or after `asOf`),
 * keeps its instants instead, as epoch milliseconds, and so does every
 * ticket under business hours or with a first resolution: censoring,
 * business hours, the checks and the statistics stay the library's.
 *
 * With survey weights (NPS, CSAT, CES), the weight column `w` is grouped by
 * like an input: each row is one distinct answer and weight with its
 * count, and the library forms the exact weight sums, `n` times the weight
 * exactly. Functions as columns and label periods (ordered by first
 * appearance, which a query does not keep) are refused.
 *
 * @param spec - The tallying spec, as `segmentCounts` takes it, with column names.
 * @param options - The dialect and the table or subquery.
 * @returns The SQL and its parameters.
 * @throws `MetricsError` (metric `'tallyQuery'`) for a spec `segmentCounts` refuses or the engine cannot tally, or bad options (`['query', ...]`).
 * @example
 * const query = tallyQuery(
 *   { metric: 'nps', value: 'score', by: 'region', period: { field: 'answered_at', unit: 'month', timeZone: 'Europe/Berlin' } },
 *   { dialect: 'postgres', from: ['survey', 'answers'] },
 * );
 * query.params // => ['Europe/Berlin']
 * query.sql.startsWith('SELECT k1, to_char(p, \'YYYY-MM-DD\') AS p, v1, n FROM (SELECT "region" AS k1, date_trunc(\'month\', (CAST("answered_at" AS timestamptz) AT TIME ZONE $1)) AS p') // => true
 */
export function tallyQuery(spec: SegmentCountsSpec, options: TallyQueryOptions): TallyQuery {
  const { dialect, from } = readQueryOptions('tallyQuery', options);
  const parsed = readSqlSpec('tallyQuery', spec);
  const syntax = SYNTAX[dialect];
  const params: string[] = [];
  const columns: string[] = parsed.keys.map((k) => `${syntax.quote(k.column)} AS ${k.alias}`);
  if (parsed.time !== null) {
    const settings = parsed.parsed.period!.settings;
    if (settings.unit === null) throw new Error('tallyQuery: label periods reach the period expression');
    params.push(settings.timeZone);
    columns.push(`${periodStart(dialect, parsed.time, settings, syntax.parameter(params.length))} AS ${PERIOD_ALIAS}`);
  }
  const duration = parsed.duration;
  if (duration === null) {
    for (const v of parsed.values) columns.push(`${v.time ? syntax.epochMs(syntax.quote(v.column)) : syntax.quote(v.column)} AS ${v.alias}`);
  } else {
    // A ticket whose end is at or after its opening (and not after asOf) becomes its duration; any other keeps its instants, for the metric.
    const [start, end] = [duration.start.column, duration.end.column].map((c) => syntax.quote(c)) as [string, string];
    const [a, b] = [syntax.epochMs(start), syntax.epochMs(end)];
    const valid = `${start} IS NOT NULL AND ${end} IS NOT NULL AND ${b} >= ${a}${duration.asOf === null ? '' : ` AND ${b} <= ${duration.asOf}`}`;
    for (const v of parsed.values) columns.push(`CASE WHEN ${valid} THEN NULL ELSE ${syntax.epochMs(syntax.quote(v.column))} END AS ${v.alias}`);
    columns.push(`CASE WHEN ${valid} THEN ${b} - ${a} END AS ${duration.alias}`);
  }
  if (parsed.weight !== null) columns.push(`${syntax.quote(parsed.weight.column)} AS ${parsed.weight.alias}`);
  const groups = columns.map((_, i) => i + 1).join(', ');
  const counting = `SELECT ${columns.join(', ')}, CAST(count(*) AS ${syntax.integer}) AS ${COUNT_ALIAS} FROM ${from} GROUP BY ${groups}`;
  if (parsed.time === null) return Object.freeze({ sql: counting, params: Object.freeze(params) });
  // The period start is written as text once per group, not once per row.
  const outer = [
    ...parsed.keys.map((k) => k.alias),
    `${syntax.dateText(PERIOD_ALIAS)} AS ${PERIOD_ALIAS}`,
    ...parsed.values.map((v) => v.alias),
    ...(duration === null ? [] : [duration.alias]),
    ...(parsed.weight === null ? [] : [parsed.weight.alias]),
    COUNT_ALIAS,
  ];
  const sql = `SELECT ${outer.join(', ')} FROM (${counting}) AS cxmetrics_tally`;
  return Object.freeze({ sql, params: Object.freeze(params) });
}
