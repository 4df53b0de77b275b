/**
 * The options every ticket-duration metric takes (time to resolution, first
 * response time): the headline statistic, what to do with open tickets
 * (leave them out, or censor them at `asOf`), business hours, the interval
 * of the median and output rounding; their schema, the rules across them,
 * and their parsed form.
 */
import * as z from 'zod/mini';
import { isPlainObject } from '../contract/brands.js';
import { fail } from '../contract/errors.js';
import type { MetricName } from '../contract/registry.js';
import { formatOf, optionsObject, roundingFields } from '../contract/schemas.js';
import { customIssue, expected } from '../contract/validate.js';
import type { OutputFormat } from '../exact/decimal.js';
import { type IntervalSettings, intervalSchema, intervalSettings } from '../stats/interval-fields.js';
import { businessHoursSchema, type ParsedBusinessHours, parseBusinessHours } from './business-hours.js';
import { timeSchema, timeToMs } from './time.js';

/** The shared options of a duration metric, parsed, with their defaults. */
export interface DurationOptionSettings {
  readonly statistic: 'median' | 'mean';
  readonly open: 'exclude' | 'censor';
  /** When the data was taken, in epoch milliseconds, or `null`. */
  readonly asOf: number | null;
  readonly hours: ParsedBusinessHours | null;
  readonly interval: IntervalSettings<'order-statistics'> | null;
  readonly format: OutputFormat;
}

/** The shared options as the schema returns them. */
type DurationOptionFields = {
  readonly statistic?: 'median' | 'mean' | undefined;
  readonly open?: 'exclude' | 'censor' | undefined;
  readonly asOf?: unknown;
  readonly businessHours?: Parameters<typeof parseBusinessHours>[0] | undefined;
  readonly interval?: boolean | { readonly level?: number | undefined; readonly method?: 'order-statistics' | undefined } | undefined;
  readonly decimals?: number | undefined;
  readonly rounding?: 'half-up' | 'half-even' | undefined;
};

/**
 * The schema of a duration metric's options: the shared fields, with the
 * metric's own `extra` fields after `asOf`, and the rules across them:
 * `asOf` only with `open: 'censor'`, and an interval only with `statistic:
 * 'median'`.
 */
export function durationOptionsSchema<E extends z.core.$ZodLooseShape>(extra: E) {
  return optionsObject({
    statistic: z.optional(z.enum(['median', 'mean'], expected('"median" or "mean"'))),
    open: z.optional(z.enum(['exclude', 'censor'], expected('"exclude" or "censor"'))),
    asOf: z.optional(timeSchema()),
    ...extra,
    businessHours: z.optional(businessHoursSchema()),
    interval: intervalSchema<'order-statistics'>(['order-statistics']),
    ...roundingFields(),
  }).check(z.superRefine(checkAcross));
}

/** The rules across the shared options, on the parsed options object (absent when no options were given). */
function checkAcross(o: unknown, ctx: z.core.$RefinementCtx<unknown>): void {
  if (!isPlainObject(o)) return;
  if (o.asOf !== undefined && o.open !== 'censor') {
    const message = `expected asOf only with open: 'censor', received open: ${JSON.stringify(o.open ?? 'exclude')}`;
    ctx.addIssue(customIssue('inconsistent', ['asOf'], message, o.asOf));
  }
  if (o.statistic === 'mean' && o.interval !== undefined && o.interval !== false) {
    const message = "expected an interval only with statistic: 'median' (the interval is the median's), received statistic: \"mean\"";
    ctx.addIssue(customIssue('inconsistent', ['interval'], message, o.interval));
  }
}

/**
 * The shared options with their defaults, from the schema's output `o`.
 * `tallying` calls (the raw and `...Counts` functions) need `asOf` under
 * `open: 'censor'`; a call on a tally does not.
 */
export function durationOptionSettings(metric: MetricName, o: DurationOptionFields, tallying: boolean): DurationOptionSettings {
  const open = o.open ?? 'exclude';
  if (tallying && open === 'censor' && o.asOf === undefined) {
    fail(metric, 'missing-value', ['options', 'asOf'], "expected asOf (when the data was taken) with open: 'censor', received undefined");
  }
  return {
    statistic: o.statistic ?? 'median',
    open,
    asOf: o.asOf === undefined ? null : timeToMs(o.asOf),
    hours: o.businessHours === undefined ? null : parseBusinessHours(o.businessHours),
    interval: intervalSettings(o.interval, 'order-statistics'),
    format: formatOf(o),
  };
}
