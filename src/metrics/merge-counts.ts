/**
 * Merging tallies: the tally of two tallies of one metric.
 */

import { deepFreeze } from '../core/contract/result.js';
import { mergeTallies, type Tally } from '../core/contract/tally.js';
import { type MrrSeriesCounts, mergeSeriesTables, publicSeriesCounts, readSeriesTable } from '../revenue/series-table.js';
import { mergeTables, publicCounts, readTable, type SegmentCounts } from '../segments/table.js';
import { TALLYING_METRICS } from './registry.js';

/**
 * Merges two tallies of the same metric into the tally of both inputs
 * together: `fromCounts(mergeCounts(counts(a), counts(b)))` equals
 * `fromCounts(counts([...a, ...b]))`. Two tables of tallies from
 * `segmentCounts` merge cell by cell (cells of the same segment and period
 * merge their tallies); their metrics, dimensions and periods must agree.
 * So do two tables of MRR movement tallies from `mrrSeriesCounts`, whose
 * periods, last period and definition choices must agree. Counts add, decimal strings add
 * exactly, lists of observations concatenate, nested fields merge key by
 * key. A tally of a metric of the registry is checked against that metric's
 * tally fields (an unknown key, a negative count or a value of the wrong
 * kind is an error); the result is a new, frozen tally that shares nothing
 * with its arguments, and neither argument is changed.
 *
 * @param a - A tally, as returned by a `...Counts` function.
 * @param b - Another tally of the same metric, made with the same options.
 * @returns A new, frozen tally.
 * @throws {@link MetricsError} (metric `'mergeCounts'`) when an argument is
 *   not a tally (path `['a']` or `['b']`), the tallies are of different
 *   metrics (`['b', 'metric']`), a field is unknown, missing or of the wrong
 *   kind (`['a', ...]` or `['b', ...]`), or a count would pass
 *   `Number.MAX_SAFE_INTEGER`.
 * @example
 * const merged = mergeCounts(npsCounts([10, 9, 3]), npsCounts([8, 10]));
 * merged.promoters // => 3
 * npsFromCounts(merged).value // => 40
 * mergeCounts(npsCounts([10]), { metric: 'nps', promoters: -5, passives: 0, detractors: 0, excluded: 0 }) // throws
 */
export function mergeCounts<T extends Tally | SegmentCounts | MrrSeriesCounts>(a: T, b: T): T {
  const kind = typeof a === 'object' && a !== null ? Reflect.get(a, 'kind') : undefined;
  if (kind === 'segmentCounts') {
    return publicCounts(mergeTables('mergeCounts', readTable('mergeCounts', a, ['a']), readTable('mergeCounts', b, ['b']))) as T;
  }
  if (kind === 'mrrSeriesCounts') {
    return publicSeriesCounts(mergeSeriesTables('mergeCounts', readSeriesTable('mergeCounts', a, ['a']), readSeriesTable('mergeCounts', b, ['b']))) as T;
  }
  const metric: unknown = typeof a === 'object' && a !== null ? Reflect.get(a, 'metric') : undefined;
  const shape = typeof metric === 'string' && Object.hasOwn(TALLYING_METRICS, metric) ? TALLYING_METRICS[metric as keyof typeof TALLYING_METRICS].shape : null;
  return deepFreeze(mergeTallies(a, b, shape)) as T;
}
