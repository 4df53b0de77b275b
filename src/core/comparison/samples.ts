/**
 * Reading a metric's result as the sample a two-sample test needs: NPS group
 * counts, a proportion's successes and size, or a mean's size, mean and
 * variance. `compare` takes results, not tallies, so every field a test
 * reads is validated here, at its path in the argument (`['a', 'total']`).
 */
import * as z from 'zod/mini';
import { fail } from '../contract/errors.js';
import { lazy } from '../contract/lazy.js';
import { type ComparableMetric, unreachable } from '../contract/registry.js';
import { countSchema, plainLooseObject } from '../contract/schemas.js';
import { expected, parse } from '../contract/validate.js';
import { Dec, percentOf, rationalToDec, toNumber } from '../exact/decimal.js';
import type { MeanSample, NpsSample, ProportionSample } from '../stats/differences.js';
import { npsScore } from '../survey/nps-score.js';

/** One side of a comparison, as its test reads it. */
export type Sample = NpsSample | ProportionSample | MeanSample;

/** Which argument a sample is read from. */
export type Side = 'a' | 'b';

/** What CSAT and CES are compared on: the percent satisfied or easy, or the mean answer. */
export type ComparedQuantity = 'percent' | 'mean';

const METRIC = 'compare';

const finite = /* @__PURE__ */ lazy(() => z.number(expected('a finite number')));
const finiteOrNull = /* @__PURE__ */ lazy(() => z.nullable(z.number(expected('a finite number or null'))));
const share = /* @__PURE__ */ lazy(() => plainLooseObject({ count: countSchema(), percent: finiteOrNull() }, expected('a share { count, percent }')));
const weightedSchema = /* @__PURE__ */ lazy(() =>
  z.optional(
    z.nullable(
      plainLooseObject(
        {
          totalWeight: finite().check(z.minimum(0, expected('a weight of at least 0'))),
          effectiveSampleSize: finite().check(z.minimum(0, expected('an effective sample size of at least 0'))),
        },
        expected('{ totalWeight, effectiveSampleSize }'),
      ),
    ),
  ),
);

const npsSchema = /* @__PURE__ */ lazy(() =>
  plainLooseObject({ total: countSchema(), promoters: share(), passives: share(), detractors: share(), weighted: weightedSchema() }),
);
const pointFields = /* @__PURE__ */ lazy(() => ({
  value: finiteOrNull(),
  total: countSchema(),
  mean: finiteOrNull(),
  variance: finiteOrNull(),
  weighted: weightedSchema(),
}));
const csatSchema = /* @__PURE__ */ lazy(() => plainLooseObject({ ...pointFields(), satisfied: share() }));
const cesSchema = /* @__PURE__ */ lazy(() => plainLooseObject({ ...pointFields(), easy: share() }));
const distributionSchema = /* @__PURE__ */ lazy(() =>
  plainLooseObject({
    distribution: z.array(plainLooseObject({ point: finite() }, expected('a point { point, count, percent }')), expected('a distribution')),
  }),
);
const loyaltySchema = /* @__PURE__ */ lazy(() =>
  plainLooseObject({
    value: finiteOrNull(),
    total: countSchema(),
    variance: finiteOrNull(),
    aggregate: z.enum(['sum', 'mean'], expected('"sum" or "mean"')),
  }),
);
const fcrSchema = /* @__PURE__ */ lazy(() =>
  plainLooseObject({
    resolvedFirstContact: countSchema(),
    resolved: countSchema(),
    total: countSchema(),
    denominator: z.enum(['resolved', 'all'], expected('"resolved" or "all"')),
  }),
);
const churnSchema = /* @__PURE__ */ lazy(() =>
  plainLooseObject({
    customersLost: countSchema(),
    total: countSchema(),
    denominator: z.enum(['start', 'start-plus-added'], expected('"start" or "start-plus-added"')),
  }),
);
const repurchaseSchema = /* @__PURE__ */ lazy(() => plainLooseObject({ repeatCustomers: countSchema(), total: countSchema() }));
const upsellSchema = /* @__PURE__ */ lazy(() => plainLooseObject({ upgraded: countSchema(), notUpgraded: countSchema(), total: countSchema() }));

type WeightedField = { effectiveSampleSize: number } | null | undefined;

/** `effectiveSampleSize` when the result was weighted, else `null`. */
function effectiveSize(weighted: WeightedField): number | null {
  return weighted === null || weighted === undefined ? null : weighted.effectiveSampleSize;
}

/** Fails with `inconsistent` at `[side, field]` unless `part <= whole`. */
function within(side: Side, field: string, part: number, whole: number, wholeName: string): void {
  if (part > whole) fail(METRIC, 'inconsistent', [side, field], `expected ${field} of at most ${wholeName} (${whole}), received ${part}`);
}

/** A proportion side: raw counts, or under weights `percent / 100` of the effective sample size. */
function proportionSample(x: number, n: number, percent: number | null, weighted: WeightedField): ProportionSample {
  const nEff = effectiveSize(weighted);
  if (nEff === null) {
    const percent = percentOf(x, n);
    return { kind: 'proportion', n, x, percent: percent === null ? null : rationalToDec(percent) };
  }
  if (nEff === 0 || percent === null) return { kind: 'proportion', n: 0, x: 0, percent: null };
  const p = new Dec(percent);
  return { kind: 'proportion', n: nEff, x: Math.min(nEff, toNumber(p.dividedBy(100).times(new Dec(nEff)))), percent: p };
}

/** A mean side: size (effective under weights), mean and variance. */
function meanSample(total: number, mean: number | null, variance: number | null, weighted: WeightedField): MeanSample {
  const n = effectiveSize(weighted) ?? total;
  if (n === 0 || mean === null) return { kind: 'mean', n: 0, mean: null, variance: null };
  return { kind: 'mean', n, mean: new Dec(mean), variance: variance === null ? null : new Dec(variance) };
}

/** An NPS side: group counts (effective counts under weights) and the observed score. */
function npsSample(side: Side, r: unknown): NpsSample {
  const o = parse(METRIC, npsSchema(), r, [side]);
  const sum = o.promoters.count + o.passives.count + o.detractors.count;
  if (sum !== o.total) fail(METRIC, 'inconsistent', [side, 'total'], `expected total to equal promoters + passives + detractors (${sum}), received ${o.total}`);
  const nEff = effectiveSize(o.weighted);
  if (nEff === null) {
    const [n, promoters, detractors] = [new Dec(o.total), new Dec(o.promoters.count), new Dec(o.detractors.count)];
    return { kind: 'nps', n, promoters, detractors, observed: npsScore(promoters, detractors, n) };
  }
  if (nEff === 0 || o.promoters.percent === null || o.detractors.percent === null) {
    return { kind: 'nps', n: new Dec(0), promoters: new Dec(0), detractors: new Dec(0), observed: null };
  }
  // Weighted shares in percent of the effective size: the score is their difference.
  const n = new Dec(nEff);
  const promoters = new Dec(o.promoters.percent).times(n).dividedBy(100);
  const detractors = new Dec(o.detractors.percent).times(n).dividedBy(100);
  return { kind: 'nps', n, promoters, detractors, observed: new Dec(o.promoters.percent).minus(new Dec(o.detractors.percent)) };
}

/**
 * The sample a result of `metric` holds, read and validated at `[side, ...]`.
 *
 * @throws {@link MetricsError} (metric `'compare'`) when a field the test
 *   needs is missing or malformed, or the counts contradict one another.
 */
export function readSample(side: Side, metric: ComparableMetric, r: unknown, on: ComparedQuantity): Sample {
  switch (metric) {
    case 'nps':
      return npsSample(side, r);
    case 'csat': {
      const o = parse(METRIC, csatSchema(), r, [side]);
      within(side, 'satisfied', o.satisfied.count, o.total, 'total');
      return on === 'mean' ? meanSample(o.total, o.mean, o.variance, o.weighted) : proportionSample(o.satisfied.count, o.total, o.value, o.weighted);
    }
    case 'ces': {
      const o = parse(METRIC, cesSchema(), r, [side]);
      within(side, 'easy', o.easy.count, o.total, 'total');
      return on === 'mean' ? meanSample(o.total, o.mean, o.variance, o.weighted) : proportionSample(o.easy.count, o.total, o.value, o.weighted);
    }
    case 'loyaltyIndex': {
      const o = parse(METRIC, loyaltySchema(), r, [side]);
      return meanSample(o.total, o.value, o.variance, null);
    }
    case 'firstContactResolution': {
      const o = parse(METRIC, fcrSchema(), r, [side]);
      within(side, 'resolved', o.resolved, o.total, 'total');
      within(side, 'resolvedFirstContact', o.resolvedFirstContact, o.resolved, 'resolved');
      return proportionSample(o.resolvedFirstContact, o.denominator === 'resolved' ? o.resolved : o.total, null, null);
    }
    case 'customerChurn': {
      const o = parse(METRIC, churnSchema(), r, [side]);
      within(side, 'customersLost', o.customersLost, o.total, 'total');
      return proportionSample(o.customersLost, o.total, null, null);
    }
    case 'repurchaseRate': {
      const o = parse(METRIC, repurchaseSchema(), r, [side]);
      within(side, 'repeatCustomers', o.repeatCustomers, o.total, 'total');
      return proportionSample(o.repeatCustomers, o.total, null, null);
    }
    case 'upsellRatio': {
      const o = parse(METRIC, upsellSchema(), r, [side]);
      if (o.upgraded + o.notUpgraded !== o.total) {
        fail(METRIC, 'inconsistent', [side, 'total'], `expected total to equal upgraded + notUpgraded (${o.upgraded + o.notUpgraded}), received ${o.total}`);
      }
      return proportionSample(o.upgraded, o.total, null, null);
    }
    default:
      return unreachable(metric);
  }
}

/** The field that names a metric's definition, where results of one metric can be computed by different ones. */
const DEFINITION_FIELD: Partial<Record<ComparableMetric, string>> = {
  firstContactResolution: 'denominator',
  customerChurn: 'denominator',
  loyaltyIndex: 'aggregate',
};

/** Fails with `inconsistent` at `['b', field]` when the two results were computed by different definitions or on different scales. */
export function checkSameDefinition(metric: ComparableMetric, a: object, b: object, on: ComparedQuantity): void {
  const field = DEFINITION_FIELD[metric];
  if (field !== undefined) {
    const va: unknown = Reflect.get(a, field);
    const vb: unknown = Reflect.get(b, field);
    if (va !== vb) fail(METRIC, 'inconsistent', ['b', field], `expected the same ${field} as a (${JSON.stringify(va)}), received ${JSON.stringify(vb)}`);
  }
  if ((metric === 'csat' || metric === 'ces') && on === 'mean') {
    const points = (side: Side, r: object) => parse(METRIC, distributionSchema(), r, [side]).distribution.map((p) => p.point);
    const pa = points('a', a);
    const pb = points('b', b);
    if (pa.length !== pb.length || pa.some((p, i) => p !== pb[i])) {
      fail(
        METRIC,
        'inconsistent',
        ['b', 'distribution'],
        `expected answers on the same scale as a (${pa[0]} to ${pa[pa.length - 1]}), received ${pb[0]} to ${pb[pb.length - 1]}`,
      );
    }
  }
}
