/**
 * Validation through zod: the issue code each zod issue becomes, our wording
 * of the issues a schema leaves unworded, paths prefixed with the argument,
 * and the errors `parse` and `rejectElement` throw.
 */
import { describe, expect, it } from 'vitest';
import * as z from 'zod/mini';
import { MetricsError } from '../../../src/core/contract/errors.js';
import { check, codeOf, customIssue, expected, parse, rejectElement, toIssues } from '../../../src/core/contract/validate.js';

/** The first zod issue of parsing `value` with `schema`, input kept. */
function zodIssue(schema: z.core.$ZodType, value: unknown): z.core.$ZodIssue {
  const result = z.safeParse(schema, value, { reportInput: true });
  if (result.success) throw new Error('expected the schema to refuse the value');
  return result.error.issues[0]!;
}

/** The issues `check` finds, at root `['v']`. */
function issuesOf(schema: z.core.$ZodType, value: unknown) {
  const result = check(schema, value, ['v']);
  if (result.ok) throw new Error('expected the schema to refuse the value');
  return result.issues;
}

/** The zod issues behind a refusal, as `cause` carries them. */
function causeOf(schema: z.core.$ZodType, value: unknown) {
  const result = check(schema, value, ['v']);
  if (result.ok) throw new Error('expected the schema to refuse the value');
  return result.cause.issues;
}

function thrown(fn: () => unknown): MetricsError {
  try {
    fn();
  } catch (e) {
    if (e instanceof MetricsError) return e;
    throw e;
  }
  throw new Error('expected a MetricsError, the call returned');
}

describe('codeOf', () => {
  it('reads a missing value (null, undefined, NaN) where a type goes as missing', () => {
    expect(codeOf(zodIssue(z.number(), null), null)).toBe('missing-value');
    expect(codeOf(zodIssue(z.number(), undefined), undefined)).toBe('missing-value');
    expect(codeOf(zodIssue(z.number(), Number.NaN), Number.NaN)).toBe('missing-value');
  });

  it('reads a non-integer or a non-finite number as out of range, anything else as the wrong type', () => {
    expect(codeOf(zodIssue(z.int(), 1.5), 1.5)).toBe('out-of-range');
    expect(codeOf(zodIssue(z.number(), Number.POSITIVE_INFINITY), Number.POSITIVE_INFINITY)).toBe('out-of-range');
    expect(codeOf(zodIssue(z.number(), 'x'), 'x')).toBe('invalid-type');
    expect(codeOf(zodIssue(z.string(), 1), 1)).toBe('invalid-type');
  });

  it('reads a number past a bound as out of range, and too few items as an invalid value', () => {
    expect(codeOf(zodIssue(z.number().check(z.minimum(5)), 4), 4)).toBe('out-of-range');
    expect(codeOf(zodIssue(z.number().check(z.maximum(5)), 6), 6)).toBe('out-of-range');
    expect(codeOf(zodIssue(z.number().check(z.multipleOf(2)), 3), 3)).toBe('out-of-range');
    expect(codeOf(zodIssue(z.array(z.number()).check(z.minLength(1)), []), [])).toBe('invalid-value');
  });

  it('reads an unrecognised key as an unknown key', () => {
    expect(codeOf(zodIssue(z.strictObject({}), { b: 1 }), { b: 1 })).toBe('unknown-key');
  });

  it('takes a refinement code from its params, and reads a refinement without one as an invalid value', () => {
    const coded = z.number().check(z.refine(() => false, { params: { code: 'inconsistent' } }));
    expect(codeOf(zodIssue(coded, 1), 1)).toBe('inconsistent');
    expect(codeOf(zodIssue(z.number().check(z.refine(() => false)), 1), 1)).toBe('invalid-value');
  });

  it('reads every other issue as an invalid value', () => {
    expect(codeOf(zodIssue(z.enum(['a']), 'b'), 'b')).toBe('invalid-value');
    expect(codeOf(zodIssue(z.string().check(z.regex(/^a$/)), 'b'), 'b')).toBe('invalid-value');
  });
});

describe('check: our wording of issues a schema leaves unworded', () => {
  it('names the expected type with its article', () => {
    expect(issuesOf(z.number(), 'x')).toStrictEqual([{ code: 'invalid-type', path: ['v'], message: 'expected a number, received "x"' }]);
    expect(issuesOf(z.string(), 1)[0]!.message).toBe('expected a string, received 1');
    expect(issuesOf(z.boolean(), 1)[0]!.message).toBe('expected a boolean, received 1');
    expect(issuesOf(z.array(z.number()), 1)[0]!.message).toBe('expected an array, received 1');
    expect(issuesOf(z.object({}), 1)[0]!.message).toBe('expected an object, received 1');
  });

  it('names undefined, null and never without an article', () => {
    expect(issuesOf(z.undefined(), 1)[0]!.message).toBe('expected undefined, received 1');
    expect(issuesOf(z.null(), 1)[0]!.message).toBe('expected null, received 1');
    expect(issuesOf(z.never(), 1)[0]!.message).toBe('expected never, received 1');
  });

  it('asks for an integer where a fraction is received', () => {
    expect(issuesOf(z.int(), 1.5)).toStrictEqual([{ code: 'out-of-range', path: ['v'], message: 'expected an integer, received 1.5' }]);
  });

  it('words bounds, inclusive and exclusive', () => {
    expect(issuesOf(z.number().check(z.maximum(5)), 6)).toStrictEqual([{ code: 'out-of-range', path: ['v'], message: 'expected a value <= 5, received 6' }]);
    expect(issuesOf(z.number().check(z.lt(5)), 6)[0]!.message).toBe('expected a value < 5, received 6');
    expect(issuesOf(z.number().check(z.minimum(5)), 4)[0]!.message).toBe('expected a value >= 5, received 4');
    expect(issuesOf(z.number().check(z.gt(5)), 4)[0]!.message).toBe('expected a value > 5, received 4');
  });

  it('lists the allowed values', () => {
    expect(issuesOf(z.enum(['a', 'b']), 'c')).toStrictEqual([{ code: 'invalid-value', path: ['v'], message: 'expected one of "a", "b", received "c"' }]);
  });

  it('words a union no branch of which fits', () => {
    expect(issuesOf(z.union([z.number(), z.string()]), true)).toStrictEqual([
      { code: 'invalid-value', path: ['v'], message: 'expected a valid value, received true' },
    ]);
  });

  it('words any other issue as an invalid value', () => {
    expect(issuesOf(z.number().check(z.multipleOf(2)), 3)).toStrictEqual([{ code: 'out-of-range', path: ['v'], message: 'invalid value, received 3' }]);
    expect(issuesOf(z.string().check(z.regex(/^a$/)), 'b')[0]!.message).toBe('invalid value, received "b"');
  });

  it('reports each unknown key at its own path, and words the zod issue behind them', () => {
    const schema = z.strictObject({ a: z.number() });
    expect(issuesOf(schema, { a: 1, b: 2, c: 3 })).toStrictEqual([
      { code: 'unknown-key', path: ['v', 'b'], message: 'unknown key "b"' },
      { code: 'unknown-key', path: ['v', 'c'], message: 'unknown key "c"' },
    ]);
    expect(causeOf(schema, { a: 1, b: 2 })[0]!.message).toBe('unknown key');
  });

  it('leaves a message the schema words itself as it is', () => {
    expect(issuesOf(z.number(expected('a count')), 'x')[0]!.message).toBe('expected a count, received "x"');
  });

  it('returns the parsed value when the schema accepts it', () => {
    expect(check(z.number(), 3, ['v'])).toStrictEqual({ ok: true, data: 3 });
  });
});

describe('expected', () => {
  it('words every failure as expected <text>, received <value>', () => {
    expect(expected('a level').error({ input: 2 })).toBe('expected a level, received 2');
    expect(expected('a level').error({})).toBe('expected a level, received undefined');
  });
});

describe('toIssues: unions', () => {
  it('describes a value by the branch whose type it matched, at the deeper path', () => {
    expect(issuesOf(z.union([z.boolean(), z.object({ x: z.number() })]), { x: 'no' })).toStrictEqual([
      { code: 'invalid-type', path: ['v', 'x'], message: 'expected a number, received "no"' },
    ]);
  });

  it('takes the first branch whose own refinement refused the value', () => {
    const schema = z.union([
      z.object({ x: z.number() }).check(z.refine(() => false, 'first')),
      z.object({ x: z.number() }).check(z.refine(() => false, 'second')),
    ]);
    expect(issuesOf(schema, { x: 1 })).toStrictEqual([{ code: 'invalid-value', path: ['v'], message: 'first' }]);
  });

  it('does not take a branch that refused the type of the value itself, whatever else it found', () => {
    const schema = z.union([z.number(), z.intersection(z.number(), z.object({ a: z.string() }))]);
    expect(issuesOf(schema, { a: 1 })).toStrictEqual([{ code: 'invalid-value', path: ['v'], message: 'expected a valid value, received an object' }]);
  });

  it('writes a symbol in a path as its description', () => {
    expect(issuesOf(z.record(z.symbol(), z.number()), { [Symbol('s')]: 'x' })).toStrictEqual([
      { code: 'invalid-type', path: ['v', 'Symbol(s)'], message: 'expected a number, received "x"' },
    ]);
  });

  it('keeps an array index in a path as a number', () => {
    expect(issuesOf(z.array(z.number()), [1, 'x'])).toStrictEqual([{ code: 'invalid-type', path: ['v', 1], message: 'expected a number, received "x"' }]);
  });

  it('prefixes the root to zod issues handed over directly', () => {
    const issues = z.safeParse(z.object({ a: z.number() }), { a: 'x' }, { reportInput: true }).error!.issues;
    expect(toIssues({ issues }, ['options', 'scale'])).toStrictEqual([{ code: 'invalid-type', path: ['options', 'scale', 'a'], message: issues[0]!.message }]);
  });
});

describe('parse', () => {
  it('returns the parsed value', () => {
    expect(parse('nps', z.number(), 3, ['scores', 0])).toBe(3);
  });

  it('throws every issue for the metric, with the zod error as cause', () => {
    const e = thrown(() => parse('nps', z.strictObject({}), { b: 1, c: 2 }, ['options']));
    expect(e.metric).toBe('nps');
    expect(e.issues).toStrictEqual([
      { code: 'unknown-key', path: ['options', 'b'], message: 'unknown key "b"' },
      { code: 'unknown-key', path: ['options', 'c'], message: 'unknown key "c"' },
    ]);
    expect(e.message).toBe('nps: unknown key "b" at options.b (and 1 more)');
    expect(e.cause).toBeInstanceOf(z.core.$ZodError);
  });
});

describe('customIssue', () => {
  it('builds a refinement issue carrying our code', () => {
    expect(customIssue('inconsistent', ['max'], 'expected max above min', 3)).toStrictEqual({
      code: 'custom',
      path: ['max'],
      message: 'expected max above min',
      input: 3,
      params: { code: 'inconsistent' },
    });
  });
});

describe('rejectElement', () => {
  it('throws the issues the schema finds in the element, at its path, with the zod error as cause', () => {
    const e = thrown(() => rejectElement('csat', z.int(), 1.5, ['responses', 2], 'expected an answer on the scale'));
    expect(e.metric).toBe('csat');
    expect(e.issues).toStrictEqual([{ code: 'out-of-range', path: ['responses', 2], message: 'expected an integer, received 1.5' }]);
    expect(e.cause).toBeInstanceOf(z.core.$ZodError);
  });

  it('throws the fallback when the schema accepts the element', () => {
    const e = thrown(() => rejectElement('csat', z.number(), 9, ['responses', 2], 'expected an answer on the scale'));
    expect(e.issues).toStrictEqual([{ code: 'invalid-value', path: ['responses', 2], message: 'expected an answer on the scale' }]);
    expect(Object.hasOwn(e, 'cause')).toBe(false);
  });
});
