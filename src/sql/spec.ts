/**
 * The part of a segment spec a SQL engine can tally: columns named by
 * string, and calendar periods. Read once, checked, and laid
 * out as the columns of the tally query's rows.
 */
import { fail } from '../core/contract/errors.js';
import type { OperationName } from '../core/contract/registry.js';
import { INPUT_FIELDS, type ParsedCountsSpec, parseCountsSpec, readAsOf } from '../segments/spec.js';

/** The aliases of the tally query's columns besides keys and inputs: the period's first day, the weight and the count. */
export const PERIOD_ALIAS = 'p';
export const WEIGHT_ALIAS = 'w';
export const COUNT_ALIAS = 'n';

/** The columns of the tally query's rows, in order: `k1`..., `p` with periods, `v1`..., the duration or the weight, `n`. */
export function rowColumns(spec: SqlSpec): string[] {
  return [
    ...spec.keys.map((k) => k.alias),
    ...(spec.time === null ? [] : [PERIOD_ALIAS]),
    ...spec.values.map((v) => v.alias),
    ...(spec.duration === null ? [] : [spec.duration.alias]),
    ...(spec.weight === null ? [] : [WEIGHT_ALIAS]),
    COUNT_ALIAS,
  ];
}

/** A column of the tally query's rows: its alias in the rows, and the source column it reads. */
export interface QueryColumn {
  /** The alias the rows carry: `k1`, `k2`, ... for keys, `v1`, ... for the metric's inputs. */
  readonly alias: string;
  /** The column of the data, as the spec names it. */
  readonly column: string;
}

/** A spec as the SQL functions use it. */
export interface SqlSpec {
  readonly parsed: ParsedCountsSpec;
  /** The `by` dimensions, in order. */
  readonly keys: readonly QueryColumn[];
  /** The metric's inputs: one for a single value, else one per input field the spec reads; `time` for instants, read as epoch milliseconds. */
  readonly values: readonly (QueryColumn & { readonly input: string | null; readonly time: boolean })[];
  /** NPS, CSAT and CES: the survey weight's column (alias `w`), grouped by like an input; `null` without weights. */
  readonly weight: QueryColumn | null;
  /** The time column of calendar periods, or `null` without periods. */
  readonly time: string | null;
  /**
   * A time metric measured without business hours from two instants: the
   * query returns a valid ticket's duration (column `alias`) instead of its
   * instants, so the engine counts each distinct duration once. `null`
   * otherwise.
   */
  readonly duration: {
    readonly alias: string;
    /** The opening's input and the end's (`resolvedAt`, `firstRespondedAt`): a duration is valid from the one to the other. */
    readonly start: QueryColumn;
    readonly end: QueryColumn;
    /** No time may pass `asOf` (epoch milliseconds): a later one is kept as instants, for the metric to refuse. */
    readonly asOf: number | null;
  } | null;
}

/** The end input of each time metric's duration without a first resolution. */
const DURATION_END: Readonly<Record<string, string>> = { timeToResolution: 'resolvedAt', firstResponseTime: 'firstRespondedAt' };

/** The metrics whose per-record inputs are instants: their tallies keep every duration. */
const DURATION_METRICS: ReadonlySet<string> = new Set(['timeToResolution', 'firstResponseTime']);

/** Reads and checks a spec for a SQL engine; `source` names the function in errors. */
export function readSqlSpec(source: OperationName, spec: unknown): SqlSpec {
  const parsed = parseCountsSpec(source, spec, []);
  let weight: QueryColumn | null = null;
  if (parsed.weight !== null) {
    if (typeof parsed.weight !== 'string') fail(source, 'invalid-type', ['options', 'weight'], 'expected a column name: a function cannot run in a SQL engine');
    weight = { alias: WEIGHT_ALIAS, column: parsed.weight };
  }
  const keys = parsed.dimensions.map((d, i) => {
    if (typeof d.read !== 'string') fail(source, 'invalid-type', ['options', 'by', d.name], 'expected a column name: a function cannot run in a SQL engine');
    return { alias: `k${i + 1}`, column: d.read };
  });
  const value = parsed.value;
  let inputs: (readonly [input: string | null, column: string])[];
  switch (value.kind) {
    case 'field':
      inputs = [[null, value.field]];
      break;
    case 'fields':
      inputs = value.fields.map(([input, field]) => [input, field] as const);
      break;
    case 'record':
      inputs = (INPUT_FIELDS[parsed.metric] ?? []).map((input) => [input, input] as const);
      break;
    default:
      return fail(source, 'invalid-type', ['options', 'value'], 'expected a column name or an object of column names: a function cannot run in a SQL engine');
  }
  const time = DURATION_METRICS.has(parsed.metric);
  const values = inputs.map(([input, column], i) => ({ alias: `v${i + 1}`, column, input, time }));
  let periodField: string | null = null;
  const period = parsed.period;
  if (period !== null) {
    if (period.settings.unit === null) {
      fail(
        source,
        'invalid-value',
        ['options', 'period'],
        'expected calendar periods (`unit` and `timeZone`): label periods are ordered by first appearance, which a query does not keep',
      );
    }
    if (typeof period.field !== 'string')
      fail(source, 'invalid-type', ['options', 'period', 'field'], 'expected a column name: a function cannot run in a SQL engine');
    periodField = period.field;
  }
  for (const column of [
    ...keys.map((k) => k.column),
    ...values.map((v) => v.column),
    ...(weight === null ? [] : [weight.column]),
    ...(periodField === null ? [] : [periodField]),
  ]) {
    if (column.includes('\u0000'))
      fail(source, 'invalid-value', ['options'], `expected column names without NUL characters, received ${JSON.stringify(column)}`);
  }
  return { parsed, keys, values, weight, time: periodField, duration: durationOf(source, parsed, values) };
}

/** The duration column of a time metric measured from two instants without business hours; `null` otherwise. */
function durationOf(source: OperationName, parsed: ParsedCountsSpec, values: SqlSpec['values']): SqlSpec['duration'] {
  const endInput = DURATION_END[parsed.metric];
  if (endInput === undefined || parsed.options.businessHours !== undefined || values.length !== 2) return null;
  const start = values.find((v) => v.input === 'openedAt');
  const end = values.find((v) => v.input === endInput);
  if (start === undefined || end === undefined) return null;
  return { alias: `v${values.length + 1}`, start, end, asOf: readAsOf(source, parsed.options.asOf) };
}
