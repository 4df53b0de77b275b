/**
 * Customer and revenue retention by signup cohort, from a billing change
 * log: `cohorts`.
 */
import * as z from 'zod/mini';
import { fail } from '../core/contract/errors.js';
import { lazy } from '../core/contract/lazy.js';
import type { RoundingOptions } from '../core/contract/options.js';
import type { OperationName } from '../core/contract/registry.js';
import { deepFreeze } from '../core/contract/result.js';
import { formatOf, roundingFields } from '../core/contract/schemas.js';
import { expected, parse } from '../core/contract/validate.js';
import { type OutputFormat, outputOrNull, percentOf } from '../core/exact/decimal.js';
import { percentFits } from '../core/money/movements.js';
import { type Interval, type IntervalOption, intervalSettings, proportionInference, proportionIntervalSchema } from '../core/stats/interval-fields.js';
import type { ProportionMethod } from '../core/stats/proportion-intervals.js';
import type { Warning } from '../core/stats/warnings.js';
import { describePeriod, type SegmentPeriod } from '../segments/rows.js';
import type { CalendarPeriodSettings, SegmentKey } from '../segments/spec.js';
import { compareKeys, keyObject } from '../segments/table.js';
import { type ChangeLogOptions, parseLogOptions, readChangeLog } from './change-log.js';
import { type CohortMeasure, walkCohorts } from './cohort-walk.js';

export type { CohortMeasure } from './cohort-walk.js';

/** The options of {@link cohorts}. */
export interface CohortsOptions extends ChangeLogOptions, RoundingOptions {
  /** The last age (periods after the cohort's own) to report, a whole number. Default: every age the log reaches. */
  readonly horizon?: number;
  /**
   * How a customer is read at each age: `'end'` (default) by their MRR in
   * force at the end of the period, so a customer who cancels within it is
   * gone from it; `'active'` by the last MRR they paid during the period,
   * so a customer paying at any time in it is retained in it (and every
   * customer is retained at age 0).
   */
  readonly measure?: CohortMeasure;
  /**
   * The confidence interval of each cell's percent retained: by default a
   * Wilson interval at 0.95; `{ level, method }` for another; `false` for
   * none.
   */
  readonly interval?: IntervalOption<ProportionMethod>;
}

/** One cell of a cohort table: the cohort at one age. */
export interface CohortCell {
  /** Periods since the cohort's own: 0 is the period customers first paid in. */
  readonly age: number;
  /** The period of this age. */
  readonly period: SegmentPeriod;
  /** `'incomplete-period'` when the period holds `asOf`: the cohort's last reached cell. */
  readonly flags: readonly 'incomplete-period'[];
  /** Customers of the cohort paying at this age. */
  readonly customers: number;
  /** `customers` as a percent of the cohort. */
  readonly percent: number;
  /** The interval of `percent` (absent with `interval: false`); `null` never occurs, a cohort has customers. */
  readonly interval?: Interval | null;
  /** The cohort's MRR at this age, exact. */
  readonly mrr: string;
  /** Net revenue retention: `mrr` as a percent of the cohort's MRR at age 0 (above 100 with expansion); `null` when that is 0. */
  readonly netRevenueRetention: number | null;
  /** Gross revenue retention: as NRR, with each customer's MRR capped at their own MRR at age 0; `null` when that is 0. */
  readonly grossRevenueRetention: number | null;
  /** `small-sample` by the proportion rule, and the interval's own warnings. */
  readonly warnings: readonly Warning[];
}

/** One cohort: the customers who first paid in one period, in one segment. */
export interface CohortRow {
  /** The segment of the change each customer first paid with. */
  readonly key: SegmentKey;
  /** The cohort's period. */
  readonly cohort: SegmentPeriod;
  /** Customers in the cohort. */
  readonly customers: number;
  /** The cohort's MRR at age 0, the base of its revenue retention. */
  readonly startingMrr: string;
  /** Ages 0 to the horizon, those the log reaches. */
  readonly cells: readonly CohortCell[];
}

/** The result of {@link cohorts}. */
export interface CohortTable {
  /** Marks a cohort table: `'cohorts'`. */
  readonly kind: 'cohorts';
  /** The dimension names, in key order. */
  readonly by: readonly string[];
  /** How changes fell into periods. */
  readonly period: CalendarPeriodSettings;
  /** How customers were read. */
  readonly measure: CohortMeasure;
  /** The last age reported. */
  readonly horizon: number;
  /** The cohorts, by key and then period. */
  readonly rows: readonly CohortRow[];
}

const SOURCE: OperationName = 'cohorts';

/** The most cells (cohorts times ages) one call tallies. */
const MAX_CELLS = 2_000_000;

const optionsSchema = /* @__PURE__ */ lazy(() => {
  const horizon = expected('a whole number of periods (0 or more)');
  return z.object({
    horizon: z.optional(z.number(horizon).check(z.int(horizon), z.minimum(0, horizon))),
    measure: z.optional(z.enum(['end', 'active'], expected('"end" or "active"'))),
    interval: proportionIntervalSchema(),
    ...roundingFields(),
  });
});

const OWN_KEYS = ['horizon', 'measure', 'interval', 'decimals', 'rounding'] as const;

/** `100 part / whole` as a result number; out of range when a double cannot hold it. */
function retention(part: bigint, whole: bigint, format: OutputFormat): number | null {
  if (!percentFits(part, whole))
    fail(SOURCE, 'out-of-range', ['changes'], 'expected amounts whose retention a double can hold: a cohort grew by a factor above about 1.8e306');
  return outputOrNull(percentOf(part, whole), format);
}

/**
 * Cohort retention from a billing change log: customers grouped by the
 * period of their first positive MRR (and by segment, that change's), and
 * for each cohort and age (periods since) the customers still paying, as a
 * count and a percent of the cohort with a confidence interval (Wilson by
 * default), and the cohort's MRR with its net and gross revenue retention,
 * exact.
 *
 * Cells the log does not reach (after the last change, or after the period
 * holding `asOf`) are absent; with `asOf`, the cell of the period holding it
 * is flagged `'incomplete-period'`.
 *
 * @param changes - The change log: records `{ customerId, at, mrr }` plus any fields `by` reads, in any order.
 * @param options - `period`, `by`, `fields`, `asOf`, `horizon`, `measure`, `interval` and output rounding.
 * @returns The cohorts with their cells.
 * @throws {@link MetricsError} (metric `'cohorts'`) as `mrrSeries`, and
 *   for a bad `horizon`, `measure` or `interval` (`['options', ...]`).
 * @example
 * const log = [
 *   { customerId: 'a', at: '2025-01-05T10:00:00Z', mrr: 100 },
 *   { customerId: 'b', at: '2025-01-12T10:00:00Z', mrr: 50 },
 *   { customerId: 'b', at: '2025-02-20T10:00:00Z', mrr: 0 },
 *   { customerId: 'a', at: '2025-03-02T10:00:00Z', mrr: 150 },
 * ];
 * const table = cohorts(log, { period: { unit: 'month', timeZone: 'UTC' }, interval: false });
 * table.rows[0].cells.map((c) => [c.age, c.customers, c.percent, c.mrr, c.netRevenueRetention, c.grossRevenueRetention]) // => [[0, 2, 100, '150', 100, 100], [1, 1, 50, '100', 66.66666666666667, 66.66666666666667], [2, 1, 50, '150', 100, 66.66666666666667]]
 * cohorts(log, { period: { unit: 'month', timeZone: 'UTC' }, measure: 'active', interval: false }).rows[0].cells[1].customers // => 2
 * cohorts(log, { period: { unit: 'month', timeZone: 'UTC' }, horizon: -1 }) // throws
 */
export function cohorts(changes: readonly object[], options: CohortsOptions): CohortTable {
  const o = parseLogOptions(SOURCE, options, OWN_KEYS);
  const own: Record<string, unknown> = {};
  for (const name of OWN_KEYS) if (Object.hasOwn(options, name)) own[name] = (options as unknown as Record<string, unknown>)[name];
  const c = parse(SOURCE, optionsSchema(), own, ['options']);
  const format = formatOf(c);
  const interval = intervalSettings<ProportionMethod>(c.interval ?? true, 'wilson');
  const measure = c.measure ?? 'end';
  const log = readChangeLog(SOURCE, changes, o);
  const P = log.periods;
  const horizon = Math.max(0, Math.min(c.horizon ?? P - 1, P - 1));
  if (log.keys.length * P * (horizon + 1) > MAX_CELLS)
    fail(
      SOURCE,
      'out-of-range',
      ['options', 'horizon'],
      `expected at most ${MAX_CELLS} cells (segments x periods x ages), received ${log.keys.length * P * (horizon + 1)}: use a shorter horizon or a longer unit`,
    );
  const sums = walkCohorts(log, measure, horizon);
  const settings: CalendarPeriodSettings = { field: o.fields.at, ...o.settings };
  const describeOrdinal = (ordinal: number) => describePeriod(settings, log.calendar, log.calendar.label(ordinal), o.asOf)!;
  const rows: { key: readonly (string | number | boolean)[]; row: CohortRow }[] = [];
  for (let k = 0; k < log.keys.length; k++) {
    for (let p = 0; p < P; p++) {
      const cohort = k * P + p;
      const n = sums.size[cohort]!;
      if (n === 0) continue;
      const baseUnits = sums.base.units(cohort);
      const cells: CohortCell[] = [];
      for (let a = 0; a <= Math.min(horizon, P - 1 - p); a++) {
        const cell = cohort * sums.ages + a;
        const x = sums.retained[cell]!;
        const period = describeOrdinal(log.firstOrdinal + p + a);
        cells.push({
          age: a,
          period,
          flags: period.complete ? [] : ['incomplete-period'],
          customers: x,
          percent: outputOrNull(percentOf(x, n), format)!,
          mrr: sums.amounts.format(2 * cell),
          netRevenueRetention: retention(sums.amounts.units(2 * cell), baseUnits, format),
          grossRevenueRetention: retention(sums.amounts.units(2 * cell + 1), baseUnits, format),
          ...proportionInference(x, n, interval, format),
        });
      }
      rows.push({
        key: log.keys[k]!,
        row: {
          key: keyObject(
            o.dimensions.map((d) => d.name),
            log.keys[k]!,
          ),
          cohort: describeOrdinal(log.firstOrdinal + p),
          customers: n,
          startingMrr: sums.base.format(cohort),
          cells,
        },
      });
    }
  }
  // A stable sort: each segment's cohorts stay in period order.
  rows.sort((a, b) => compareKeys(a.key, b.key));
  return deepFreeze({
    kind: 'cohorts',
    by: o.dimensions.map((d) => d.name),
    period: settings,
    measure,
    horizon,
    rows: rows.map((r) => r.row),
  });
}
