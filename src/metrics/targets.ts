/**
 * Targets from the source documents, and checking results against them.
 */
import * as z from 'zod/mini';
import { lazy } from '../core/contract/lazy.js';
import type { OperationName } from '../core/contract/registry.js';
import { deepFreeze } from '../core/contract/result.js';
import { plainLooseObject, plainObject, recordSchema } from '../core/contract/schemas.js';
import type { Unit } from '../core/contract/types.js';
import { customIssue, expected, parse } from '../core/contract/validate.js';
import type { Warning } from '../core/stats/warnings.js';

/** How a value compares with a target's threshold to meet it. */
export type TargetComparison = '<' | '<=' | '>' | '>=';

/** A target for one metric: `value <comparison> threshold`, in `unit`. */
export interface Target {
  /** How `value` must compare with `threshold` to meet the target. */
  readonly comparison: TargetComparison;
  /** The threshold, in `unit`. */
  readonly threshold: number;
  /** The unit the threshold is in; a result in another unit is not compared. */
  readonly unit: Unit;
  /** Where the target comes from. */
  readonly source: string;
}

/** Targets keyed by the metric name of the results they apply to (`'customerChurn'`, `'nps'`, ...). */
export type Targets = Readonly<Record<string, Target>>;

/**
 * Whether a result meets its target: `'met'`, `'missed'`, `'no-value'`
 * (the result's value is `null`), `'no-target'` (no target for its metric),
 * `'unit-mismatch'` (the target is in another unit).
 */
export type TargetStatus = 'met' | 'missed' | 'no-value' | 'no-target' | 'unit-mismatch';

/** Any metric result: what {@link checkTargets} reads. */
export interface MetricValue {
  /** The metric the result is of (`'nps'`, `'customerChurn'`, ...). */
  readonly metric: string;
  /** The unit of `value`. */
  readonly unit: string;
  /** The headline value; `null` when undefined. */
  readonly value: number | null;
}

/** One result checked against its target. */
export interface TargetCheck {
  /** The checked result's metric. */
  readonly metric: string;
  /** The checked result's unit. */
  readonly unit: string;
  /** The checked result's value, as it holds it. */
  readonly value: number | null;
  /** The target for the metric; `null` when there is none. */
  readonly target: Target | null;
  /** Whether the target is met, or why that cannot be said. */
  readonly status: TargetStatus;
  /** `true` or `false` when compared; `null` for every other status. */
  readonly met: boolean | null;
  /**
   * Always empty: a check compares a value with a threshold and estimates
   * nothing. The checked result's own `warnings` (a small sample) stay on
   * that result.
   */
  readonly warnings: readonly Warning[];
}

/**
 * The targets the sources give, all from the talk on customer success (003):
 * customer churn at most 5%, MRR churn below 1%, net MRR churn below zero
 * ("negative, as it should be"), NPS of 50 or more ("50 is good, the higher
 * the better"), CSAT of 80% or more. Expansion revenue has no numeric
 * target there ("large enough to make net MRR churn negative").
 *
 * @example
 * sourceTargets.customerChurn // => { comparison: '<=', threshold: 5, unit: 'percent', source: '(003): customer churn at most 5%' }
 */
export const sourceTargets: Readonly<Record<'customerChurn' | 'mrrChurn' | 'netMrrChurn' | 'nps' | 'csat', Target>> = /* @__PURE__ */ (() =>
  deepFreeze({
    customerChurn: { comparison: '<=', threshold: 5, unit: 'percent', source: '(003): customer churn at most 5%' },
    mrrChurn: { comparison: '<', threshold: 1, unit: 'percent', source: '(003): MRR churn below 1%' },
    netMrrChurn: { comparison: '<', threshold: 0, unit: 'percent', source: '(003): net MRR churn negative' },
    nps: { comparison: '>=', threshold: 50, unit: 'points', source: '(003): NPS 50 is good, the higher the better' },
    csat: { comparison: '>=', threshold: 80, unit: 'percent', source: '(003): CSAT target 80%' },
  }))();

const CHECK_TARGETS = 'checkTargets' as const satisfies OperationName;

/** The units a target may be in: those of a metric's `value`. */
const UNITS = ['points', 'percent', 'ratio', 'milliseconds'] as const satisfies readonly Unit[];

const resultSchema = /* @__PURE__ */ lazy(() =>
  plainLooseObject(
    {
      metric: z.string(expected('a metric name')),
      unit: z.string(expected('a unit')),
      value: z.nullable(z.number(expected('a finite number or null'))),
    },
    expected('a metric result { metric, unit, value }'),
  ),
);
const resultsSchema = /* @__PURE__ */ lazy(() => z.array(resultSchema(), expected('an array of metric results')));

const targetSchema = /* @__PURE__ */ lazy(() =>
  plainObject(
    {
      comparison: z.enum(['<', '<=', '>', '>='], expected('"<", "<=", ">" or ">="')),
      threshold: z.number(expected('a finite number')),
      unit: z.enum(UNITS, expected('"points", "percent", "ratio" or "milliseconds"')),
      source: z.string(expected('a string')),
    },
    expected('a target { comparison, threshold, unit, source }'),
  ),
);
const targetsSchema = /* @__PURE__ */ lazy(() =>
  z.optional(
    recordSchema(targetSchema(), expected('targets keyed by metric name')).check(
      z.superRefine((t, ctx) => {
        for (const key of Object.keys(t)) {
          if (key === '') ctx.addIssue(customIssue('invalid-value', [key], 'expected a metric name as the key, received ""', key));
        }
      }),
    ),
  ),
);

/** Whether `value` meets the target. */
function meets(value: number, t: Target): boolean {
  switch (t.comparison) {
    case '<':
      return value < t.threshold;
    case '<=':
      return value <= t.threshold;
    case '>':
      return value > t.threshold;
    case '>=':
      return value >= t.threshold;
  }
}

/**
 * Checks each result against the target for its metric: whether it meets
 * it, or why it cannot be said (no value, no target, another unit). The
 * value is compared as the result holds it (rounded, if the result was).
 *
 * @param results - Metric results (anything with `metric`, `unit` and `value`), in any order.
 * @param targets - Targets keyed by metric name; default {@link sourceTargets}.
 *   They replace the defaults: spread `sourceTargets` to add to them.
 * @returns One check per result, in the order given.
 * @throws {@link MetricsError} (metric `'checkTargets'`) when a result lacks
 *   `metric`, `unit` or a finite-or-null `value` (`path` is `['results',
 *   index, field]`), or a target is malformed (`['targets', metric, field]`).
 * @example
 * const checks = checkTargets([
 *   customerChurn({ customersAtStart: 200, customersLost: 9 }),
 *   mrrChurn({ startingMrr: 0, churnedMrr: 0 }),
 *   upsellRatioFromCounts({ upgraded: 1, notUpgraded: 4 }),
 * ]);
 * checks.map((c) => c.status) // => ['met', 'no-value', 'no-target']
 * checks[0].met // => true
 * checkTargets([{ metric: 'nps', unit: 'points', value: 42 }])[0].status // => 'missed'
 */
export function checkTargets(results: readonly MetricValue[], targets?: Targets): readonly TargetCheck[] {
  const list = parse(CHECK_TARGETS, resultsSchema(), results, ['results']);
  const chosen: Targets = parse(CHECK_TARGETS, targetsSchema(), targets, ['targets']) ?? sourceTargets;
  const checks = list.map((r): TargetCheck => {
    const target = Object.hasOwn(chosen, r.metric) ? chosen[r.metric]! : null;
    const base = { metric: r.metric, unit: r.unit, value: r.value === 0 ? 0 : r.value };
    if (target === null) return { ...base, target: null, status: 'no-target', met: null, warnings: [] };
    const t = { comparison: target.comparison, threshold: target.threshold, unit: target.unit, source: target.source };
    if (r.value === null) return { ...base, target: t, status: 'no-value', met: null, warnings: [] };
    if (r.unit !== target.unit) return { ...base, target: t, status: 'unit-mismatch', met: null, warnings: [] };
    const met = meets(r.value, target);
    return { ...base, target: t, status: met ? 'met' : 'missed', met, warnings: [] };
  });
  return deepFreeze(checks);
}
