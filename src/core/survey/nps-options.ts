/**
 * The options of the Net Promoter Score: their defaults, their parsed
 * form, and their schema, with every rule that ties two options together
 * (cut-offs on the scale and in order, `resamples` and `seed` only with the
 * bootstrap, no bootstrap under weights) reported at its own path.
 */
import * as z from 'zod/mini';
import { lazy } from '../contract/lazy.js';
import { integerSchema, missingSchema, optionsObject, roundingFields, scaleSchema } from '../contract/schemas.js';
import type { MissingPolicy, Scale } from '../contract/types.js';
import { customIssue, expected } from '../contract/validate.js';
import type { OutputFormat } from '../exact/decimal.js';
import { type IntervalSettings, intervalSchema } from '../stats/interval-fields.js';
import { NPS_INTERVAL_METHODS, type NpsIntervalMethod } from '../stats/nps-interval.js';
import type { NpsCutoffs } from './nps-score.js';

/** The defaults of the NPS options: the 0-10 scale, promoters from 9, detractors to 6, 2000 bootstrap resamples from seed 1. */
export const NPS_DEFAULTS = {
  scale: { min: 0, max: 10 },
  promoterMin: 9,
  detractorMax: 6,
  resamples: 2000,
  seed: 1,
} as const satisfies NpsCutoffs & { scale: Scale; resamples: number; seed: number };

/** A parsed NPS `interval` option: the bootstrap's `resamples` and `seed` are set (to their defaults) whatever the method. */
export interface NpsIntervalSettings extends IntervalSettings<NpsIntervalMethod> {
  readonly resamples: number;
  readonly seed: number;
}

/** Parsed NPS options. */
export interface NpsSettings extends NpsCutoffs {
  readonly scale: Scale;
  readonly missing: MissingPolicy;
  readonly format: OutputFormat;
  /** The interval asked for, or `null`. */
  readonly interval: NpsIntervalSettings | null;
  /** The `weights` option as given (validated against the answers when they are tallied). */
  readonly weights: unknown;
}

const RESAMPLES = 'an integer from 100 to 100000';

const npsIntervalSchema = /* @__PURE__ */ lazy(() =>
  intervalSchema(NPS_INTERVAL_METHODS, {
    resamples: z.optional(
      z
        .number(expected(RESAMPLES))
        .check(z.refine((r) => Number.isInteger(r) && r >= 100 && r <= 100000, { ...expected(RESAMPLES), params: { code: 'out-of-range' } })),
    ),
    seed: z.optional(
      z.number(expected('a safe integer')).check(z.refine((r) => Number.isSafeInteger(r), { ...expected('a safe integer'), params: { code: 'out-of-range' } })),
    ),
  }),
);

/** The NPS `interval` option as the schema gives it back. */
export type ParsedNpsInterval = boolean | { level?: number; method?: NpsIntervalMethod; resamples?: number; seed?: number } | undefined;

/** The schema of the NPS options (the `weights` list is checked by `readWeights` in one loop, never element by element in zod). */
export const npsOptionsSchema = /* @__PURE__ */ lazy(() =>
  optionsObject({
    scale: z.optional(scaleSchema()),
    promoterMin: z.optional(integerSchema()),
    detractorMax: z.optional(integerSchema()),
    missing: z.optional(missingSchema()),
    interval: npsIntervalSchema(),
    weights: z.optional(z.unknown()),
    ...roundingFields(),
  }).check(
    z.superRefine((o, ctx) => {
      if (o === undefined) return;
      const interval = o.interval as ParsedNpsInterval;
      if (typeof interval === 'object') {
        for (const key of ['resamples', 'seed'] as const) {
          if (interval[key] !== undefined && interval.method !== 'bootstrap') {
            ctx.addIssue(
              customIssue(
                'inconsistent',
                ['interval', key],
                `expected ${key} only with method: 'bootstrap', received it with ${JSON.stringify(interval.method ?? NPS_INTERVAL_METHODS[0])}`,
                interval[key],
              ),
            );
          }
        }
        if (interval.method === 'bootstrap' && o.weights !== undefined) {
          ctx.addIssue(
            customIssue(
              'inconsistent',
              ['interval', 'method'],
              "expected 'adjusted-wald' or 'wald' with weights: the bootstrap resamples unweighted answers",
              interval.method,
            ),
          );
        }
      }
      const scale = o.scale ?? NPS_DEFAULTS.scale;
      const promoterMin = o.promoterMin ?? NPS_DEFAULTS.promoterMin;
      const detractorMax = o.detractorMax ?? NPS_DEFAULTS.detractorMax;
      if (promoterMin < scale.min || promoterMin > scale.max) {
        ctx.addIssue(
          customIssue('out-of-range', ['promoterMin'], `expected promoterMin on the scale ${scale.min} to ${scale.max}, received ${promoterMin}`, promoterMin),
        );
      }
      if (detractorMax < scale.min || detractorMax > scale.max) {
        ctx.addIssue(
          customIssue(
            'out-of-range',
            ['detractorMax'],
            `expected detractorMax on the scale ${scale.min} to ${scale.max}, received ${detractorMax}`,
            detractorMax,
          ),
        );
      } else if (detractorMax >= promoterMin) {
        ctx.addIssue(
          customIssue('inconsistent', ['detractorMax'], `expected detractorMax below promoterMin (${promoterMin}), received ${detractorMax}`, detractorMax),
        );
      }
    }),
  ),
);
