/**
 * What a segment table is asked for: the metric, where each record's input
 * is, how records are keyed into segments and periods. Read and checked
 * here, once per call, into the form the tallying loop uses.
 */
import { isPlainObject } from '../core/contract/brands.js';
import { describe, fail, type MetricsPath } from '../core/contract/errors.js';
import { isMetricName, type OperationName, TALLY_METRICS, type TallyMetric } from '../core/contract/registry.js';
import type { Weekday } from '../core/time/business-hours.js';
import { type CalendarSettings, PERIOD_UNITS, type PeriodUnit, WEEKDAY_NUMBERS } from '../core/time/periods.js';
import { describeBadTime, type TicketTime, timeToMs } from '../core/time/time.js';
import { isTimeZone } from '../core/time/zone.js';

/** A record's field, by name, or a function of the record. */
export type FieldReader = string | ((record: never) => unknown);

/** A segment's value in one dimension: a field's text, number or boolean. */
export type KeyValue = string | number | boolean;

/** A cell's segment: the value of each `by` dimension; `null` in a total for a rolled-up dimension. */
export type SegmentKey = Readonly<Record<string, KeyValue | null>>;

/**
 * How records fall into periods: calendar periods of an instant field
 * (`unit` and `timeZone` given), or labels such as campaigns (no `unit`).
 */
export interface PeriodSpec {
  /** The field (or a function of the record) holding the instant, or the label. */
  readonly field: FieldReader;
  /** Calendar periods: `'day'`, `'week'`, `'month'`, `'quarter'` or `'year'`. Absent for label periods. */
  readonly unit?: PeriodUnit;
  /** The IANA time zone whose calendar cuts the periods: required with `unit`. */
  readonly timeZone?: string;
  /** The first day of a week (`unit: 'week'`): `'mon'` (default, ISO weeks) to `'sun'`. */
  readonly weekStart?: Weekday;
  /** The first month (1-12) of the year and its quarters: 1 by default; another gives fiscal years. */
  readonly yearStart?: number;
  /** Label periods only: the order of the labels (each label found must be listed). Default: order of first appearance. */
  readonly order?: readonly string[];
}

/** Calendar periods as a table records them. */
export interface CalendarPeriodSettings {
  /** The record field the instants came from; `null` when a function read them. */
  readonly field: string | null;
  /** The length of a period. */
  readonly unit: PeriodUnit;
  /** The IANA time zone whose calendar cut the periods. */
  readonly timeZone: string;
  /** The first day of a week. */
  readonly weekStart: Weekday;
  /** The first month (1-12) of a year and its quarters. */
  readonly yearStart: number;
}

/** Label periods (campaigns) as a table records them. */
export interface LabelPeriodSettings {
  /** The record field the labels came from; `null` when a function read them. */
  readonly field: string | null;
  /** `null`: labels, not calendar periods. */
  readonly unit: null;
  /** The labels in order: given, or in order of first appearance. */
  readonly order: readonly string[];
  /** Whether `order` was given (and a label not in it is an error). */
  readonly fixed: boolean;
}

/** The period settings a table records: calendar periods or label periods. */
export type PeriodSettings = CalendarPeriodSettings | LabelPeriodSettings;

/** The options of `segmentCounts`: the part of the spec that tallies. */
export interface SegmentCountsSpec {
  /** The metric: any metric that tallies from records. */
  readonly metric: TallyMetric;
  /**
   * Where a record's input to the metric is. For NPS, CSAT, CES and the
   * repurchase rate, a field name or a function of the record. For metrics
   * whose input is an object (the loyalty index, FCR, TTR, first response
   * time, upsell ratio): an object naming the record field of each input
   * field (`{ openedAt: 'created_at', resolvedAt: 'solved_at' }`), a
   * function of the record, or absent when the records have the metric's
   * field names.
   */
  readonly value?: FieldReader | Readonly<Record<string, string>>;
  /** The metric's own options, as the metric takes them (NPS's `scale`, TTR's `businessHours`, ...). */
  readonly options?: object;
  /** NPS, CSAT and CES: a field (or function) holding each record's survey weight, in place of the metric's `weights` option. */
  readonly weight?: FieldReader;
  /** The segment dimensions: a field, a list of fields, or an object from dimension name to field or function. Absent: one segment. */
  readonly by?: string | readonly string[] | Readonly<Record<string, FieldReader>>;
  /** How records fall into periods. Absent: no periods. */
  readonly period?: PeriodSpec;
  /** A label for records whose `by` field is missing (`null`, `undefined`, absent); without it such a record is an error. */
  readonly missingKey?: string;
}

/** A dimension of the key: its name, how to read it. */
export interface Dimension {
  readonly name: string;
  readonly read: FieldReader;
}

/** The input fields of metrics whose per-record input is an object; `null` for a single value. */
export const INPUT_FIELDS: { readonly [K in TallyMetric]: readonly string[] | null } = {
  nps: null,
  csat: null,
  ces: null,
  loyaltyIndex: ['recommend', 'repurchase', 'upsell'],
  firstContactResolution: ['contacts', 'resolved', 'reopened'],
  timeToResolution: ['openedAt', 'resolvedAt', 'firstResolvedAt'],
  firstResponseTime: ['openedAt', 'firstRespondedAt'],
  repurchaseRate: null,
  upsellRatio: ['upgraded'],
};

/** The metrics that take survey weights. */
const WEIGHTED = new Set<TallyMetric>(['nps', 'csat', 'ces']);

/** How each record's input is read. */
export type ValueReader =
  | { readonly kind: 'field'; readonly field: string }
  | { readonly kind: 'function'; readonly read: (record: never) => unknown }
  | { readonly kind: 'fields'; readonly fields: readonly (readonly [input: string, field: string])[] }
  | { readonly kind: 'record' };

/** The tallying part of a spec, checked. */
export interface ParsedCountsSpec {
  readonly metric: TallyMetric;
  readonly value: ValueReader;
  readonly options: Readonly<Record<string, unknown>>;
  readonly weight: FieldReader | null;
  readonly dimensions: readonly Dimension[];
  readonly period: (PeriodSpec & { readonly settings: PeriodSettings }) | null;
  readonly missingKey: string | null;
}

const isReader = (x: unknown): x is FieldReader => typeof x === 'string' || typeof x === 'function';
const fieldName = (reader: FieldReader): string | null => (typeof reader === 'string' ? reader : null);

/** A spec object's own keys, each checked against the known ones. */
export function checkKeys(source: OperationName, spec: Record<string, unknown>, known: readonly string[], path: MetricsPath): void {
  for (const key of Object.keys(spec)) {
    if (!known.includes(key)) fail(source, 'unknown-key', [...path, key], `unknown key ${JSON.stringify(key)}; expected one of ${known.join(', ')}`);
  }
}

/** The metric named in a spec, as a metric that tallies. */
export function readMetric(source: OperationName, metric: unknown, path: MetricsPath): TallyMetric {
  const known = TALLY_METRICS.find((m) => m === metric);
  if (known !== undefined) return known;
  const why = isMetricName(metric) ? ' (it has no per-record tally)' : '';
  return fail(
    source,
    metric === undefined ? 'missing-value' : 'invalid-value',
    path,
    `expected a metric that tallies from records (${TALLY_METRICS.join(', ')})${why}, received ${describe(metric)}`,
  );
}

/** Reads and checks the tallying part of a spec: `metric`, `value`, `options`, `weight`, `by`, `period`, `missingKey`. */
export function parseCountsSpec(source: OperationName, spec: unknown, extraKeys: readonly string[]): ParsedCountsSpec {
  const root: MetricsPath = ['options'];
  if (!isPlainObject(spec))
    fail(
      source,
      spec === undefined ? 'missing-value' : 'invalid-type',
      root,
      `expected a segment spec { metric, value, by?, period?, ... } (a plain object), received ${describe(spec)}`,
    );
  // The result options repeat `options` (the metric's options serve both steps): each key is named once.
  checkKeys(source, spec, [...new Set(['metric', 'value', 'options', 'weight', 'by', 'period', 'missingKey', ...extraKeys])], root);
  const metric = readMetric(source, spec.metric, ['options', 'metric']);
  const options = spec.options === undefined ? {} : spec.options;
  if (!isPlainObject(options))
    fail(source, 'invalid-type', ['options', 'options'], `expected the metric's options (a plain object), received ${describe(options)}`);
  if (options.weights !== undefined) {
    fail(
      source,
      'invalid-value',
      ['options', 'options', 'weights'],
      'expected no weights list in a segment spec: name the weight field with the spec\u2019s `weight`',
    );
  }
  let weight: FieldReader | null = null;
  if (spec.weight !== undefined) {
    if (!WEIGHTED.has(metric)) fail(source, 'invalid-value', ['options', 'weight'], `expected no weight: ${metric} takes no survey weights`);
    if (!isReader(spec.weight)) fail(source, 'invalid-type', ['options', 'weight'], `expected a field name or a function, received ${describe(spec.weight)}`);
    weight = spec.weight;
  }
  const missingKey = spec.missingKey;
  if (missingKey !== undefined && typeof missingKey !== 'string')
    fail(source, 'invalid-type', ['options', 'missingKey'], `expected a label (a string), received ${describe(missingKey)}`);
  return {
    metric,
    value: readValue(source, metric, spec.value),
    options,
    weight,
    dimensions: readDimensions(source, spec.by),
    period: spec.period === undefined ? null : readPeriod(source, spec.period),
    missingKey: missingKey ?? null,
  };
}

function readValue(source: OperationName, metric: TallyMetric, value: unknown): ValueReader {
  const path: MetricsPath = ['options', 'value'];
  const fields = INPUT_FIELDS[metric];
  if (typeof value === 'string') {
    if (fields !== null)
      fail(source, 'invalid-type', path, `expected an object naming the record field of each of ${fields.join(', ')} (or a function), received a field name`);
    return { kind: 'field', field: value };
  }
  if (typeof value === 'function') return { kind: 'function', read: value as (record: never) => unknown };
  if (value === undefined) {
    if (fields === null)
      fail(source, 'missing-value', path, `expected the field holding each record's ${metric} input (a field name or a function), received undefined`);
    return { kind: 'record' };
  }
  if (fields === null || !isPlainObject(value)) {
    return fail(
      source,
      'invalid-type',
      path,
      `expected ${fields === null ? 'a field name or a function' : `an object naming the record field of each of ${fields.join(', ')}`}, received ${describe(value)}`,
    );
  }
  const pairs: (readonly [string, string])[] = [];
  for (const input of Object.keys(value)) {
    if (!fields.includes(input))
      fail(source, 'unknown-key', [...path, input], `unknown input field ${JSON.stringify(input)}; ${metric} reads ${fields.join(', ')}`);
    const field = value[input];
    if (typeof field !== 'string') fail(source, 'invalid-type', [...path, input], `expected a record field name, received ${describe(field)}`);
    pairs.push([input, field]);
  }
  return { kind: 'fields', fields: pairs };
}

/** Reads and checks `by`: the dimensions, each with its name and reader. */
export function readDimensions(source: OperationName, by: unknown, path: MetricsPath = ['options', 'by']): Dimension[] {
  if (by === undefined) return [];
  if (typeof by === 'string') return [{ name: by, read: by }];
  let dimensions: Dimension[];
  if (Array.isArray(by)) {
    dimensions = Array.from(by as unknown[], (field: unknown, i) => {
      if (typeof field !== 'string') fail(source, 'invalid-type', [...path, i], `expected a field name, received ${describe(field)}`);
      return { name: field, read: field };
    });
  } else if (isPlainObject(by)) {
    dimensions = Object.keys(by).map((name) => {
      const read = by[name];
      if (!isReader(read)) fail(source, 'invalid-type', [...path, name], `expected a field name or a function of the record, received ${describe(read)}`);
      return { name, read };
    });
  } else {
    return fail(
      source,
      'invalid-type',
      path,
      `expected a field name, a list of them, or an object from dimension name to field or function, received ${describe(by)}`,
    );
  }
  const seen = new Set<string>();
  dimensions.forEach((d, i) => {
    if (seen.has(d.name))
      fail(source, 'duplicate', [...path, Array.isArray(by) ? i : d.name], `expected each dimension once, received ${JSON.stringify(d.name)} twice`);
    seen.add(d.name);
  });
  return dimensions;
}

function readPeriod(source: OperationName, period: unknown): PeriodSpec & { readonly settings: PeriodSettings } {
  const path: MetricsPath = ['options', 'period'];
  if (!isPlainObject(period))
    return fail(
      source,
      'invalid-type',
      path,
      `expected a period { field, unit, timeZone } or { field } for labels (a plain object), received ${describe(period)}`,
    );
  checkKeys(source, period, ['field', 'unit', 'timeZone', 'weekStart', 'yearStart', 'order'], path);
  const field = period.field;
  if (!isReader(field))
    fail(
      source,
      field === undefined ? 'missing-value' : 'invalid-type',
      [...path, 'field'],
      `expected the field holding each record's time or label (a field name or a function), received ${describe(field)}`,
    );
  const name = fieldName(field);
  if (period.unit === undefined) {
    for (const key of ['timeZone', 'weekStart', 'yearStart'] as const) {
      if (period[key] !== undefined) fail(source, 'inconsistent', [...path, key], `expected ${key} only with a unit (calendar periods), received no unit`);
    }
    const order = period.order;
    if (order === undefined) return { field, settings: { field: name, unit: null, order: [], fixed: false } };
    if (!Array.isArray(order)) fail(source, 'invalid-type', [...path, 'order'], `expected a list of period labels, received ${describe(order)}`);
    const labels: unknown[] = Array.from(order);
    const seen = new Set<string>();
    labels.forEach((label: unknown, i) => {
      if (typeof label !== 'string') fail(source, 'invalid-type', [...path, 'order', i], `expected a period label (a string), received ${describe(label)}`);
      if (seen.has(label)) fail(source, 'duplicate', [...path, 'order', i], `expected each label once, received ${JSON.stringify(label)} twice`);
      seen.add(label);
    });
    return { field, order: labels as string[], settings: { field: name, unit: null, order: labels as string[], fixed: true } };
  }
  if (period.order !== undefined)
    fail(source, 'inconsistent', [...path, 'order'], 'expected order only for label periods (no unit): calendar periods are in time order');
  const settings = readCalendar(source, period, path);
  return { field, ...settings, settings: { field: name, ...settings } };
}

/** Reads and checks the calendar part of a period spec: `unit`, `timeZone`, `weekStart`, `yearStart`. */
export function readCalendar(source: OperationName, period: Record<string, unknown>, path: MetricsPath): CalendarSettings {
  const unit = PERIOD_UNITS.find((u) => u === period.unit);
  if (unit === undefined)
    fail(source, 'invalid-value', [...path, 'unit'], `expected "day", "week", "month", "quarter" or "year", received ${describe(period.unit)}`);
  const timeZone = period.timeZone;
  if (timeZone === undefined)
    fail(
      source,
      'missing-value',
      [...path, 'timeZone'],
      'expected the IANA time zone whose calendar cuts the periods, such as "Europe/Berlin": there is no default, not even UTC',
    );
  if (typeof timeZone !== 'string' || !isTimeZone(timeZone))
    fail(
      source,
      typeof timeZone === 'string' ? 'invalid-value' : 'invalid-type',
      [...path, 'timeZone'],
      `expected an IANA time zone name, received ${describe(timeZone)}`,
    );
  const weekStart = period.weekStart ?? 'mon';
  if (typeof weekStart !== 'string' || !Object.hasOwn(WEEKDAY_NUMBERS, weekStart))
    fail(source, 'invalid-value', [...path, 'weekStart'], `expected a weekday "mon" to "sun", received ${describe(weekStart)}`);
  if (period.weekStart !== undefined && unit !== 'week')
    fail(source, 'inconsistent', [...path, 'weekStart'], `expected weekStart only with unit "week", received unit ${JSON.stringify(unit)}`);
  const yearStart = period.yearStart ?? 1;
  if (typeof yearStart !== 'number' || !Number.isInteger(yearStart) || yearStart < 1 || yearStart > 12)
    fail(source, 'out-of-range', [...path, 'yearStart'], `expected the first month of the year, an integer from 1 to 12, received ${describe(yearStart)}`);
  if (period.yearStart !== undefined && unit !== 'quarter' && unit !== 'year')
    fail(source, 'inconsistent', [...path, 'yearStart'], `expected yearStart only with unit "quarter" or "year", received unit ${JSON.stringify(unit)}`);
  return { unit, timeZone, weekStart: weekStart as Weekday, yearStart };
}

/** `asOf` of a spec as epoch milliseconds, or `null` when absent. */
export function readAsOf(source: OperationName, asOf: unknown): number | null {
  if (asOf === undefined) return null;
  const t = timeToMs(asOf as TicketTime);
  if (t !== t) {
    const { code, message } = describeBadTime(asOf);
    fail(source, code, ['options', 'asOf'], message);
  }
  return t;
}
