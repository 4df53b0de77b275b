/**
 * Metrics that count the answers on chosen points of a labelled scale (CSAT's
 * satisfied points, CES's easy points): options and tally, weighted or not,
 * shared. The summary of a tally is in point-summary.ts.
 */
import * as z from 'zod/mini';
import { lazy } from '../contract/lazy.js';
import type { MetricName } from '../contract/registry.js';
import { countSchema, formatOf, missingSchema, plainObject, recordSchema, roundingFields, scaleSchema } from '../contract/schemas.js';
import { safeTotal } from '../contract/tally.js';
import type { MissingPolicy, Scale } from '../contract/types.js';
import { customIssue, expected, parse } from '../contract/validate.js';
import type { OutputFormat } from '../exact/decimal.js';
import { type IntervalOption, type IntervalSettings, intervalSettings, proportionIntervalSchema } from '../stats/interval-fields.js';
import { PROPORTION_METHODS, type ProportionMethod } from '../stats/proportion-intervals.js';
import { answerCount, histogramToPoints, tallyScale, tallyScaleWeighted } from './scores.js';
import { checkWeightSums, partialsSchema, readWeights } from './weights.js';

/** The `interval` option of CSAT and CES. */
export type PointIntervalOption = IntervalOption<ProportionMethod>;

/** The exact weight sums of a weighted point-scale tally. Merge tallies with `mergeCounts`. */
export interface PointWeights {
  /** Answers whose weights are summed here: equals the answers in `points`. */
  readonly count: number;
  /**
   * Scale point (as a string key) to its answers' weight sum, as a list of
   * partial sums: their exact sum is the weight sum (lists concatenated by
   * `mergeCounts` still sum exactly).
   */
  readonly points: Readonly<Record<string, readonly number[]>>;
  /** The sum of the squared weights, as partial sums. */
  readonly squares: readonly number[];
}

/** A point-scale tally: answers per scale point (keys are the points), and skipped missing answers. */
export interface PointCounts<M extends string> {
  /** The metric the tally is for: `'csat'` or `'ces'`. */
  readonly metric: M;
  /** Scale point (as a string key) to the number of answers on it; points with no answers may be left out. */
  readonly points: Readonly<Record<string, number>>;
  /** Missing answers skipped under `missing: 'exclude'`. */
  readonly excluded: number;
  /** The weight sums, when the answers were weighted. */
  readonly weights?: PointWeights;
}

/** Parsed options of a point-scale metric. */
export interface PointScaleSettings {
  readonly scale: Scale;
  /** The points that count (satisfied, easy), ascending. */
  readonly selected: readonly number[];
  readonly labels: ReadonlyMap<string, number> | undefined;
  readonly missing: MissingPolicy;
  readonly format: OutputFormat;
  /** The interval asked for, or `null`. */
  readonly interval: IntervalSettings<ProportionMethod> | null;
  /** The `weights` option as given (validated against the answers when they are tallied). */
  readonly weights: unknown;
}

/** What a metric passes to describe its options. */
export interface PointScaleSpec {
  readonly metric: MetricName;
  /** The option naming the points that count: `'satisfied'`, `'easy'`. */
  readonly selectedKey: string;
  readonly defaultScale: Scale;
  /** The default points that count on a scale, given the other options. */
  readonly defaultSelected: (scale: Scale, options: Record<string, unknown>) => number[];
}

const pointListSchema = /* @__PURE__ */ lazy(() =>
  z
    .array(z.number(expected('an integer scale point')).check(z.int(expected('an integer scale point'))), expected('an array of scale points'))
    .check(z.minLength(1, expected('at least one scale point'))),
);

const labelsSchema = /* @__PURE__ */ lazy(() =>
  recordSchema(
    z.number(expected('an integer scale point')).check(z.int(expected('an integer scale point'))),
    expected('an object from text label to scale point'),
  ),
);

/** The fields every point-scale metric's options share, plus the metric's own. */
export function pointScaleOptionsSchema(spec: PointScaleSpec, extra: z.core.$ZodLooseShape = {}) {
  return z
    .optional(
      plainObject(
        {
          scale: z.optional(scaleSchema()),
          [spec.selectedKey]: z.optional(pointListSchema()),
          labels: z.optional(labelsSchema()),
          missing: z.optional(missingSchema()),
          interval: proportionIntervalSchema(),
          // Checked by readWeights in one loop, never element by element in zod.
          weights: z.optional(z.unknown()),
          ...roundingFields(),
          ...extra,
        },
        expected('an options object'),
      ),
    )
    .check(
      z.superRefine((o, ctx) => {
        if (o === undefined) return;
        const scale = (o.scale as Scale | undefined) ?? spec.defaultScale;
        const selected = (o as Record<string, unknown>)[spec.selectedKey] as number[] | undefined;
        const seen = new Set<number>();
        selected?.forEach((p, i) => {
          if (p < scale.min || p > scale.max) {
            ctx.addIssue(customIssue('out-of-range', [spec.selectedKey, i], `expected a point on the scale ${scale.min} to ${scale.max}, received ${p}`, p));
          } else if (seen.has(p)) {
            ctx.addIssue(customIssue('duplicate', [spec.selectedKey, i], `expected each point once, received ${p} again`, p));
          }
          seen.add(p);
        });
        const labels = o.labels as Record<string, number> | undefined;
        for (const [label, p] of Object.entries(labels ?? {})) {
          if (p < scale.min || p > scale.max) {
            ctx.addIssue(customIssue('out-of-range', ['labels', label], `expected a point on the scale ${scale.min} to ${scale.max}, received ${p}`, p));
          }
        }
      }),
    );
}

/** Parses a point-scale metric's options (schema from {@link pointScaleOptionsSchema}). */
export function parsePointScaleOptions(spec: PointScaleSpec, schema: z.core.$ZodType, options: unknown): PointScaleSettings {
  const o = (parse(spec.metric, schema, options, ['options']) ?? {}) as Record<string, unknown> & {
    scale?: Scale;
    labels?: Record<string, number>;
    missing?: MissingPolicy;
    decimals?: number;
    rounding?: 'half-up' | 'half-even';
    interval?: boolean | { level?: number; method?: ProportionMethod };
    weights?: unknown;
  };
  const scale = o.scale ?? spec.defaultScale;
  const selected = (o[spec.selectedKey] as number[] | undefined) ?? spec.defaultSelected(scale, o);
  return {
    scale,
    selected: [...selected].sort((a, b) => a - b),
    labels: o.labels === undefined ? undefined : new Map(Object.entries(o.labels)),
    missing: o.missing ?? 'error',
    format: formatOf(o),
    interval: intervalSettings(o.interval, PROPORTION_METHODS[0]),
    weights: o.weights,
  };
}

/** The top two points of a scale ("top-two box"), or the top one on a scale of two or three points. */
export function topPoints(scale: Scale): number[] {
  return scale.max - scale.min + 1 <= 3 ? [scale.max] : [scale.max - 1, scale.max];
}

/** The bottom two points of a scale, or the bottom one on a scale of two or three points. */
export function bottomPoints(scale: Scale): number[] {
  return scale.max - scale.min + 1 <= 3 ? [scale.min] : [scale.min, scale.min + 1];
}

/**
 * Tallies responses (numbers, or labels when `labels` is set) per scale
 * point, and their weights when the `weights` option is set.
 */
export function tallyPoints<M extends MetricName>(metric: M, argument: string, responses: unknown, s: PointScaleSettings): PointCounts<M> {
  const ctx = { metric, argument, scale: s.scale, missing: s.missing, labels: s.labels };
  const length = s.weights === undefined ? null : answerCount(responses);
  if (length === null) {
    // Unweighted, or not an array: tallyScale reports the bad argument.
    const { histogram, excluded } = tallyScale(responses, ctx);
    return { metric, points: histogramToPoints(histogram, s.scale.min), excluded };
  }
  const weights = readWeights(metric, s.weights, length);
  const tally = tallyScaleWeighted(responses, weights, ctx);
  const weightPoints: Record<string, number[]> = {};
  let count = 0;
  tally.histogram.forEach((c, k) => {
    if (c > 0) {
      weightPoints[String(s.scale.min + k)] = tally.weights[k]!;
      count += c;
    }
  });
  return {
    metric,
    points: histogramToPoints(tally.histogram, s.scale.min),
    excluded: tally.excluded,
    weights: { count, points: weightPoints, squares: tally.squares },
  };
}

/** Validates a hand-made or merged tally against the scale. */
export function parsePointCounts<M extends MetricName>(metric: M, counts: unknown, scale: Scale): PointCounts<M> {
  const pointKey = (key: string, path: (string | number)[], ctx: z.core.$RefinementCtx) => {
    const p = Number(key);
    // Only canonical integer keys ('5', '-2'), so no two keys name one point ('5' and '05').
    if (!Number.isInteger(p) || String(p) !== key) {
      ctx.addIssue(customIssue('invalid-value', path, `expected an integer scale point written plainly as a key, received ${JSON.stringify(key)}`, key));
    } else if (p < scale.min || p > scale.max) {
      ctx.addIssue(customIssue('out-of-range', path, `expected a point on the scale ${scale.min} to ${scale.max}, received ${JSON.stringify(key)}`, key));
    }
  };
  const schema = plainObject(
    {
      metric: z.optional(z.literal(metric, expected(JSON.stringify(metric)))),
      points: recordSchema(countSchema(), expected('an object from scale point to count')),
      excluded: z.optional(countSchema()),
      weights: z.optional(
        plainObject(
          {
            count: countSchema(),
            points: recordSchema(partialsSchema(), expected('an object from scale point to partial sums')),
            squares: partialsSchema(),
          },
          expected('weight sums { count, points, squares }'),
        ),
      ),
    },
    expected(`a ${metric} tally { points }`),
  ).check(
    z.superRefine((c, ctx) => {
      for (const key of Object.keys(c.points)) pointKey(key, ['points', key], ctx);
      for (const key of Object.keys(c.weights?.points ?? {})) pointKey(key, ['weights', 'points', key], ctx);
    }),
  );
  const c = parse(metric, schema, counts, ['counts']);
  const total = safeTotal(metric, Object.values(c.points), ['counts', 'points']);
  if (c.weights === undefined) return { metric, points: c.points, excluded: c.excluded ?? 0 };
  const groups = Object.entries(c.weights.points).map(([key, partials]) => ({ path: ['points', key], count: c.points[key] ?? 0, partials }));
  checkWeightSums(metric, c.weights, groups, total);
  return { metric, points: c.points, excluded: c.excluded ?? 0, weights: c.weights };
}
