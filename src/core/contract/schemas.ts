/**
 * Zod schemas shared by the metrics' options.
 *
 * Schemas are built with `zod/mini`'s functions, which bundlers can drop one
 * by one, and each is a {@link lazy} thunk: `countSchema()` builds the
 * schema on first use. Nothing is built when the module loads, and a bundle
 * that never calls a thunk leaves it, and the zod code it needs, out.
 */
import * as z from 'zod/mini';
import type { OutputFormat } from '../exact/decimal.js';
import { isPlainObject } from './brands.js';
import { describe } from './errors.js';
import { lazy } from './lazy.js';
import { codeOf, customIssue, expected } from './validate.js';

/** The widest scale a histogram is kept for: 1,001 points. */
export const MAX_SCALE_SPAN = 1000;

/** A confidence level, strictly between 0 and 1. */
export const levelSchema = /* @__PURE__ */ lazy(() => {
  const level = expected('a level strictly between 0 and 1');
  return z.number(level).check(z.gt(0, level), z.lt(1, level));
});

export const integerSchema = /* @__PURE__ */ lazy(() => z.number(expected('an integer')).check(z.int(expected('an integer'))));

export const countSchema = /* @__PURE__ */ lazy(() => {
  const count = expected('a non-negative integer count');
  return z.number(count).check(z.int(count), z.minimum(0, count));
});

export const scaleSchema = /* @__PURE__ */ lazy(() =>
  plainObject(
    {
      min: z.number(expected('an integer')).check(z.int(expected('an integer'))),
      max: z.number(expected('an integer')).check(z.int(expected('an integer'))),
    },
    expected('a scale { min, max }'),
  ).check(
    z.superRefine((scale, ctx) => {
      if (scale.max <= scale.min) {
        ctx.addIssue(customIssue('inconsistent', ['max'], `expected max greater than min (${scale.min}), received ${scale.max}`, scale.max));
      } else if (scale.max - scale.min > MAX_SCALE_SPAN) {
        ctx.addIssue(
          customIssue('out-of-range', ['max'], `expected a scale of at most ${MAX_SCALE_SPAN + 1} points, received ${scale.min} to ${scale.max}`, scale.max),
        );
      }
    }),
  ),
);

/** `decimals` and `rounding`, spread into every metric's options schema. */
export const roundingFields = /* @__PURE__ */ lazy(() => {
  const decimals = expected('an integer from 0 to 15');
  return {
    decimals: z.optional(z.number(decimals).check(z.int(decimals), z.minimum(0, decimals), z.maximum(15, decimals))),
    rounding: z.optional(z.enum(['half-up', 'half-even'], expected('"half-up" or "half-even"'))),
  };
});

export const missingSchema = /* @__PURE__ */ lazy(() => z.enum(['error', 'exclude'], expected('"error" or "exclude"')));

/** The output format from parsed `decimals` and `rounding`. */
export function formatOf(options: { decimals?: number | undefined; rounding?: 'half-up' | 'half-even' | undefined }): OutputFormat {
  return { decimals: options.decimals ?? null, rounding: options.rounding ?? 'half-up' };
}

type Message = { error: (issue: { readonly input?: unknown }) => string };

const OBJECT_MESSAGE: Message = { error: (issue) => `expected an object, received ${describe(issue.input)}` };

/**
 * Lets only plain objects through (object literals, `JSON.parse` output,
 * null-prototype objects): a Map, a Date, a class instance or a boxed
 * primitive is refused instead of being read as an empty object.
 */
/** Whether an object has own enumerable symbol keys: keys are read as text, so they would be skipped silently. */
function hasSymbolKeys(value: object): boolean {
  return Object.getOwnPropertySymbols(value).some((key) => Object.prototype.propertyIsEnumerable.call(value, key));
}

function plainGate(message: Message) {
  return z.unknown().check(
    z.superRefine((value, ctx) => {
      // A type issue, as zod raises for a non-object: a union tries its other branches.
      if (!isPlainObject(value)) {
        ctx.addIssue({ code: 'invalid_type', expected: 'object', input: value, message: message.error({ input: value }), continue: false });
      } else if (hasSymbolKeys(value)) {
        ctx.addIssue({ ...customIssue('unknown-key', [], 'expected text keys only, received a symbol key', value), continue: false });
      }
    }),
  );
}

/** A plain object with exactly these keys (unknown keys are issues). */
export function plainObject<T extends z.core.$ZodLooseShape>(shape: T, message: Message = OBJECT_MESSAGE) {
  return z.pipe(plainGate(message), z.strictObject(shape, message));
}

/** A plain object with at least these keys (others are kept and ignored). */
export function plainLooseObject<T extends z.core.$ZodLooseShape>(shape: T, message: Message = OBJECT_MESSAGE) {
  return z.pipe(plainGate(message), z.looseObject(shape, message));
}

/** A plain object read for these keys (others are dropped). */
export function plainStripObject<T extends z.core.$ZodLooseShape>(shape: T, message: Message = OBJECT_MESSAGE) {
  return z.pipe(plainGate(message), z.object(shape, message));
}

/** The options argument: absent, or a plain object. */
export function optionsObject<T extends z.core.$ZodLooseShape>(shape: T) {
  return z.optional(plainObject(shape, expected('an options object (a plain object)')));
}

/**
 * A record: a plain object whose own keys are data, each value checked with
 * `value`. Unlike zod's `record`, whose output is built by assignment (so a
 * key named `__proto__`, as `JSON.parse` makes it, would set the prototype
 * and vanish), the output is a null-prototype object holding every own key of
 * the input. Maps, arrays, class instances and other non-plain objects are
 * refused with `message`.
 */
export function recordSchema<T>(value: z.ZodMiniType<T>, message: Message) {
  return z.pipe(
    plainGate(message),
    z.transform((input, ctx) => {
      const record = input as Record<string, unknown>;
      const out: Record<string, T> = Object.create(null);
      for (const key of Object.keys(record)) {
        const r = z.safeParse(value, record[key], { reportInput: true });
        if (r.success) {
          out[key] = r.data;
          continue;
        }
        for (const issue of r.error.issues) {
          const received = (issue as { input?: unknown }).input;
          const path = [key, ...issue.path.map((p) => (typeof p === 'symbol' ? String(p) : p))];
          ctx.issues.push({ ...customIssue(codeOf(issue, received), path, issue.message, received), continue: false });
        }
      }
      return out;
    }),
  );
}
