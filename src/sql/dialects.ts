/**
 * What differs between SQL engines in the queries `tallyQuery` writes: how an
 * identifier is quoted, how a bound parameter is written, how an instant
 * becomes a local date-time in an IANA zone, and how that is truncated to the
 * first day of its period and written as `'YYYY-MM-DD'` text.
 *
 * Each engine's functions are cited in `docs/guides/sql-engines.md`.
 */
import type { PeriodUnit } from '../core/time/periods.js';

/** The SQL engines `tallyQuery` writes for. */
export const DIALECTS = ['duckdb', 'postgres', 'bigquery', 'spark', 'trino'] as const;
/** A SQL engine: DuckDB, PostgreSQL, BigQuery (GoogleSQL), Spark SQL or Trino. */
export type Dialect = (typeof DIALECTS)[number];

/** How a dialect writes the parts of a tally query. */
export interface DialectSyntax {
  /** An identifier, quoted, whatever characters it holds. */
  quote(name: string): string;
  /** The `n`th (1-based) bound parameter. */
  parameter(n: number): string;
  /** The local date-time of the instant `column` in the zone given by the SQL expression `zone`. */
  local(column: string, zone: string): string;
  /** `value` (a local date-time) truncated to the start of its `unit` (`'day'` to `'year'`, weeks from Monday). */
  truncate(value: string, unit: PeriodUnit): string;
  /** `value` (a local date-time) moved by a whole number of days. */
  addDays(value: string, days: number): string;
  /** `value` (a local date-time) moved by a whole number of months. */
  addMonths(value: string, months: number): string;
  /** `value` (a local date-time) as the text of its date, `'YYYY-MM-DD'`. */
  dateText(value: string): string;
  /** The instant `column` as integer epoch milliseconds, rounded down. */
  epochMs(column: string): string;
  /** The type a value is cast to for a count, a 64-bit integer. */
  readonly integer: string;
  /** `value` as the engine writes it as text (a `DECIMAL` with all its digits). */
  text(value: string): string;
  /** The 1-based position of the first `needle` (a string literal) in the text `value`; 0 when absent. */
  find(value: string, needle: string): string;
  /** The type a number written as text is cast to for its sign, a double. */
  readonly double: string;
}

/** A SQL string literal, `'` doubled: for text a statement takes only as a literal (DuckDB's settings, file paths of its table functions). */
export function sqlLiteral(text: string): string {
  return `'${text.replaceAll("'", "''")}'`;
}

/** `name` between `open` and `close`, with `close` doubled inside. */
function quoted(name: string, open: string, close: string): string {
  return `${open}${name.replaceAll(close, close + close)}${close}`;
}

const UNIT_TEXT: Readonly<Record<PeriodUnit, string>> = { day: 'day', week: 'week', month: 'month', quarter: 'quarter', year: 'year' };

/**
 * The syntax of each dialect.
 *
 * - DuckDB: `timezone(zone, CAST(ts AS TIMESTAMPTZ))` is the local
 *   timestamp; a `TIMESTAMP` without zone is read as UTC when the session's
 *   `TimeZone` is UTC (`runQuery` sets it).
 * - PostgreSQL: `CAST(ts AS timestamptz) AT TIME ZONE zone` is the local
 *   timestamp; a `timestamp` without zone is read in the session's
 *   `TimeZone` (`runQuery` sets UTC).
 * - BigQuery: `DATETIME(ts, zone)` is the local datetime of a `TIMESTAMP`.
 * - Spark SQL: `from_utc_timestamp(ts, zone)` shifts a UTC timestamp to the
 *   zone's wall clock.
 * - Trino: `ts AT TIME ZONE zone` is the instant in the zone, which
 *   `date_trunc` and `CAST(... AS DATE)` read on the zone's wall clock.
 */
export const SYNTAX: Readonly<Record<Dialect, DialectSyntax>> = {
  duckdb: {
    quote: (name) => quoted(name, '"', '"'),
    parameter: (n) => `$${n}`,
    local: (column, zone) => `timezone(${zone}, CAST(${column} AS TIMESTAMPTZ))`,
    truncate: (value, unit) => `date_trunc('${UNIT_TEXT[unit]}', ${value})`,
    addDays: (value, days) => `(${value} + INTERVAL (${days}) DAY)`,
    addMonths: (value, months) => `(${value} + INTERVAL (${months}) MONTH)`,
    dateText: (value) => `strftime(CAST(${value} AS DATE), '%Y-%m-%d')`,
    epochMs: (column) => `epoch_ms(CAST(${column} AS TIMESTAMPTZ))`,
    integer: 'BIGINT',
    text: (value) => `CAST(${value} AS VARCHAR)`,
    find: (value, needle) => `strpos(${value}, ${needle})`,
    double: 'DOUBLE',
  },
  postgres: {
    quote: (name) => quoted(name, '"', '"'),
    parameter: (n) => `$${n}`,
    local: (column, zone) => `(CAST(${column} AS timestamptz) AT TIME ZONE ${zone})`,
    truncate: (value, unit) => `date_trunc('${UNIT_TEXT[unit]}', ${value})`,
    addDays: (value, days) => `(${value} + make_interval(days => ${days}))`,
    addMonths: (value, months) => `(${value} + make_interval(months => ${months}))`,
    dateText: (value) => `to_char(${value}, 'YYYY-MM-DD')`,
    // EXTRACT(EPOCH ...) is numeric (exact) since PostgreSQL 14.
    epochMs: (column) => `CAST(floor(EXTRACT(EPOCH FROM CAST(${column} AS timestamptz)) * 1000) AS bigint)`,
    integer: 'bigint',
    text: (value) => `CAST(${value} AS text)`,
    find: (value, needle) => `strpos(${value}, ${needle})`,
    double: 'double precision',
  },
  bigquery: {
    // A quoted identifier takes escape sequences: a backslash and a backtick are escaped with a backslash.
    quote: (name) => `\`${name.replaceAll('\\', '\\\\').replaceAll('`', '\\`')}\``,
    parameter: () => '?',
    local: (column, zone) => `DATETIME(${column}, ${zone})`,
    truncate: (value, unit) => `DATETIME_TRUNC(${value}, ${unit === 'week' ? 'WEEK(MONDAY)' : UNIT_TEXT[unit].toUpperCase()})`,
    addDays: (value, days) => `DATETIME_ADD(${value}, INTERVAL ${days} DAY)`,
    addMonths: (value, months) => `DATETIME_ADD(${value}, INTERVAL ${months} MONTH)`,
    dateText: (value) => `FORMAT_DATETIME('%Y-%m-%d', ${value})`,
    epochMs: (column) => `UNIX_MILLIS(${column})`,
    integer: 'INT64',
    text: (value) => `CAST(${value} AS STRING)`,
    find: (value, needle) => `STRPOS(${value}, ${needle})`,
    double: 'FLOAT64',
  },
  spark: {
    quote: (name) => quoted(name, '`', '`'),
    parameter: () => '?',
    local: (column, zone) => `from_utc_timestamp(${column}, ${zone})`,
    truncate: (value, unit) => `date_trunc('${UNIT_TEXT[unit].toUpperCase()}', ${value})`,
    addDays: (value, days) => `(${value} + make_interval(0, 0, 0, ${days}, 0, 0, 0))`,
    addMonths: (value, months) => `(${value} + make_interval(0, ${months}, 0, 0, 0, 0, 0))`,
    dateText: (value) => `date_format(${value}, 'yyyy-MM-dd')`,
    epochMs: (column) => `unix_millis(${column})`,
    integer: 'BIGINT',
    text: (value) => `CAST(${value} AS STRING)`,
    find: (value, needle) => `instr(${value}, ${needle})`,
    double: 'DOUBLE',
  },
  trino: {
    quote: (name) => quoted(name, '"', '"'),
    parameter: () => '?',
    local: (column, zone) => `(${column} AT TIME ZONE ${zone})`,
    truncate: (value, unit) => `date_trunc('${UNIT_TEXT[unit]}', ${value})`,
    addDays: (value, days) => `date_add('day', ${days}, ${value})`,
    addMonths: (value, months) => `date_add('month', ${months}, ${value})`,
    dateText: (value) => `format_datetime(${value}, 'yyyy-MM-dd')`,
    epochMs: (column) => `date_diff('millisecond', from_unixtime(0), ${column})`,
    integer: 'BIGINT',
    text: (value) => `CAST(${value} AS VARCHAR)`,
    find: (value, needle) => `strpos(${value}, ${needle})`,
    double: 'DOUBLE',
  },
};
