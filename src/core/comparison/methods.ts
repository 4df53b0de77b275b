/**
 * The tests `compare` runs, by the compare plan of each metric in the
 * registry, and the choice of one from the `method` and `on` options.
 */
import { fail } from '../contract/errors.js';
import { type ComparableMetric, METRICS, unreachable } from '../contract/registry.js';
import type { ComparedQuantity } from './samples.js';

const METRIC = 'compare';

/**
 * The test behind a comparison:
 *
 * - `'adjusted-wald'` (NPS, default) and `'wald'` (NPS): a z test of the
 *   difference of two scores with the adjusted-Wald or the Wald variance;
 * - `'n-1'`: the N-1 two-proportion test (proportion metrics, and CSAT and
 *   CES on the percent), with Newcombe's hybrid score interval;
 * - `'welch'`: Welch's t-test of two means (the loyalty index, and CSAT and
 *   CES with `on: 'mean'`).
 */
export type CompareMethod = 'adjusted-wald' | 'wald' | 'n-1' | 'welch';

/** The tests each compare plan offers; the first is the default. */
const PLAN_METHODS = {
  nps: ['adjusted-wald', 'wald'],
  proportion: ['n-1'],
  mean: ['welch'],
} as const satisfies Record<string, readonly CompareMethod[]>;

export const COMPARE_METHODS = ['adjusted-wald', 'wald', 'n-1', 'welch'] as const satisfies readonly CompareMethod[];

/** The tests a metric's compare plan offers for the quantity compared. */
function methodsFor(metric: ComparableMetric, on: ComparedQuantity): readonly CompareMethod[] {
  const plan = METRICS[metric].compare;
  switch (plan) {
    case 'nps':
      return PLAN_METHODS.nps;
    case 'proportion':
      return PLAN_METHODS.proportion;
    case 'mean':
      return PLAN_METHODS.mean;
    case 'point-scale':
      return on === 'mean' ? PLAN_METHODS.mean : PLAN_METHODS.proportion;
    default:
      return unreachable(plan);
  }
}

/** Which test a metric uses, from `method` and `on`; a MetricsError (metric `'compare'`) at `['options', ...]` for a choice the metric does not offer. */
export function chooseMethod(
  metric: ComparableMetric,
  method: CompareMethod | undefined,
  on: ComparedQuantity | undefined,
): { method: CompareMethod; on: ComparedQuantity } {
  const isPoint = METRICS[metric].compare === 'point-scale';
  if (on !== undefined && !isPoint) {
    fail(
      METRIC,
      'invalid-value',
      ['options', 'on'],
      `expected no on for ${metric} results (only csat and ces compare on the percent or the mean), received ${JSON.stringify(on)}`,
    );
  }
  const quantity = on ?? 'percent';
  const allowed = methodsFor(metric, quantity);
  if (method !== undefined && !allowed.includes(method)) {
    const hint = isPoint ? (method === 'welch' ? " (compare the means with on: 'mean')" : " (on: 'mean' compares with 'welch')") : '';
    fail(
      METRIC,
      'invalid-value',
      ['options', 'method'],
      `expected ${allowed.map((m) => JSON.stringify(m)).join(' or ')} for ${metric}${isPoint ? ` on the ${quantity}` : ''}${hint}, received ${JSON.stringify(method)}`,
    );
  }
  return { method: method ?? allowed[0]!, on: quantity };
}
