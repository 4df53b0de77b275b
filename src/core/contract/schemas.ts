/**
 * Zod schemas shared by the metrics' options.
 */
import { z } from 'zod';
import type { OutputFormat } from '../exact/decimal.js';
import { customIssue, expected } from './validate.js';

/** The widest scale a histogram is kept for: 1,001 points. */
export const MAX_SCALE_SPAN = 1000;

const LEVEL = expected('a level strictly between 0 and 1');

/** A confidence level, strictly between 0 and 1. */
export const levelSchema = z.number(LEVEL).gt(0, LEVEL).lt(1, LEVEL);

export const integerSchema = z.number(expected('an integer')).int(expected('an integer'));

export const countSchema = z
  .number(expected('a non-negative integer count'))
  .int(expected('a non-negative integer count'))
  .min(0, expected('a non-negative integer count'));

export const scaleSchema = z
  .strictObject(
    {
      min: z.number(expected('an integer')).int(expected('an integer')),
      max: z.number(expected('an integer')).int(expected('an integer')),
    },
    expected('a scale { min, max }'),
  )
  .superRefine((scale, ctx) => {
    if (scale.max <= scale.min) {
      ctx.addIssue(customIssue('inconsistent', ['max'], `expected max greater than min (${scale.min}), received ${scale.max}`, scale.max));
    } else if (scale.max - scale.min > MAX_SCALE_SPAN) {
      ctx.addIssue(
        customIssue('out-of-range', ['max'], `expected a scale of at most ${MAX_SCALE_SPAN + 1} points, received ${scale.min} to ${scale.max}`, scale.max),
      );
    }
  });

/** `decimals` and `rounding`, spread into every metric's options schema. */
export const roundingFields = {
  decimals: z
    .number(expected('an integer from 0 to 15'))
    .int(expected('an integer from 0 to 15'))
    .min(0, expected('an integer from 0 to 15'))
    .max(15, expected('an integer from 0 to 15'))
    .optional(),
  rounding: z.enum(['half-up', 'half-even'], expected('"half-up" or "half-even"')).optional(),
};

export const missingSchema = z.enum(['error', 'exclude'], expected('"error" or "exclude"'));

/** The output format from parsed `decimals` and `rounding`. */
export function formatOf(options: { decimals?: number | undefined; rounding?: 'half-up' | 'half-even' | undefined }): OutputFormat {
  return { decimals: options.decimals ?? null, rounding: options.rounding ?? 'half-up' };
}

/** The options argument: absent, or a plain object. */
export function optionsObject<T extends z.core.$ZodLooseShape>(shape: T) {
  return z.strictObject(shape, expected('an options object')).optional();
}
