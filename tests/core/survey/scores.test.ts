/**
 * Tallying answers on an integer scale: every kind of input (each integer
 * typed array, float typed arrays, plain arrays, labelled arrays, weighted
 * answers), the bounds of the scale in each loop, and the exact code, path
 * and message of the first bad answer.
 */
import { describe, expect, it } from 'vitest';
import {
  answerCount,
  histogramToPoints,
  isIntTypedArray,
  isMissing,
  scaleExpectation,
  type TallyContext,
  tallyScale,
  tallyScaleWeighted,
} from '../../../src/core/survey/scores.js';
import { isMetricsError, type MetricsIssue } from '../../../src/index.js';

const ctx: TallyContext = { metric: 'nps', argument: 'scores', scale: { min: 0, max: 10 }, missing: 'error' };
const exclude: TallyContext = { ...ctx, missing: 'exclude' };
const labelled: TallyContext = {
  ...ctx,
  labels: new Map([
    ['bad', 0],
    ['good', 10],
  ]),
};
const labelledExclude: TallyContext = { ...labelled, missing: 'exclude' };

/** What `fn` throws for nps: every issue. */
function issuesOf(fn: () => unknown): readonly MetricsIssue[] {
  try {
    fn();
  } catch (e) {
    if (isMetricsError(e) && e.metric === 'nps') return e.issues;
    throw e;
  }
  throw new Error('expected a MetricsError');
}

const onScale = (index: number, received: string, code = 'out-of-range') => [
  { code, path: ['scores', index], message: `expected an integer from 0 to 10, received ${received}` },
];
const nullHint = (index: number) => [
  {
    code: 'missing-value',
    path: ['scores', index],
    message: "expected an integer from 0 to 10, received null; pass missing: 'exclude' to skip missing answers",
  },
];

describe('tallyScale: every kind of input and bad answer', () => {
  it('refuses a bad answer in each loop with its code, path and message', () => {
    expect(issuesOf(() => tallyScale([5, '5'], ctx))).toStrictEqual(onScale(1, '"5"', 'invalid-type'));
    expect(issuesOf(() => tallyScale([5, true], ctx))).toStrictEqual(onScale(1, 'true', 'invalid-type'));
    expect(issuesOf(() => tallyScale([5, null], ctx))).toStrictEqual(nullHint(1));
    expect(issuesOf(() => tallyScale([undefined], ctx))).toStrictEqual([
      { ...nullHint(0)[0], message: "expected an integer from 0 to 10, received undefined; pass missing: 'exclude' to skip missing answers" },
    ]);
    expect(issuesOf(() => tallyScale([11], ctx))).toStrictEqual(onScale(0, '11'));
    expect(issuesOf(() => tallyScale([-1], ctx))).toStrictEqual(onScale(0, '-1'));
    expect(issuesOf(() => tallyScale([2.5], ctx))).toStrictEqual(onScale(0, '2.5'));
    expect(issuesOf(() => tallyScale([11], exclude))).toStrictEqual(onScale(0, '11'));
    expect(issuesOf(() => tallyScale(new Float64Array([3, Number.NaN]), ctx))).toStrictEqual([
      { ...nullHint(1)[0], message: "expected an integer from 0 to 10, received NaN; pass missing: 'exclude' to skip missing answers" },
    ]);
    expect(issuesOf(() => tallyScale(new Float64Array([11]), exclude))).toStrictEqual(onScale(0, '11'));
    expect(issuesOf(() => tallyScale(new Float32Array([-1]), ctx))).toStrictEqual(onScale(0, '-1'));
    expect(issuesOf(() => tallyScale(new Float32Array([0.5]), exclude))).toStrictEqual(onScale(0, '0.5'));
    expect(issuesOf(() => tallyScale(new Int8Array([10, 11]), ctx))).toStrictEqual(onScale(1, '11'));
    expect(issuesOf(() => tallyScale(new Int16Array([-1]), ctx))).toStrictEqual(onScale(0, '-1'));
    expect(issuesOf(() => tallyScale(new Uint32Array([4294967295]), ctx))).toStrictEqual(onScale(0, '4294967295'));
    expect(issuesOf(() => tallyScale('1,2', ctx))).toStrictEqual([
      { code: 'invalid-type', path: ['scores'], message: 'expected an array or a typed array of answers, received "1,2"' },
    ]);
  });

  it('tallies every integer typed array kind, bounds included', () => {
    const kinds = [Int8Array, Uint8Array, Uint8ClampedArray, Int16Array, Uint16Array, Int32Array, Uint32Array];
    for (const Kind of kinds) {
      expect(isIntTypedArray(new Kind(1))).toBe(true);
      const { histogram, excluded } = tallyScale(new Kind([0, 10, 10, 3]), ctx);
      expect(excluded).toBe(0);
      expect(histogramToPoints(histogram, 0)).toStrictEqual({ 0: 1, 3: 1, 10: 2 });
    }
    expect(isIntTypedArray([1, 2])).toBe(false);
    expect(isIntTypedArray(new Float64Array(1))).toBe(false);
    expect(isIntTypedArray(undefined)).toBe(false);
  });

  it('places integer typed array answers relative to the scale minimum', () => {
    const scale = { min: 1, max: 5 };
    const { histogram } = tallyScale(new Int8Array([1, 5, 5]), { ...ctx, scale });
    expect([...histogram]).toStrictEqual([1, 0, 0, 0, 2]);
    expect(histogramToPoints(histogram, 1)).toStrictEqual({ 1: 1, 5: 2 });
  });

  it('compares Uint32Array answers as doubles on a scale that starts below 0', () => {
    const scale = { min: -1, max: 1 };
    const expectation = 'expected an integer from -1 to 1, received 4294967295';
    expect(issuesOf(() => tallyScale(new Uint32Array([0, 4294967295]), { ...ctx, scale }))).toStrictEqual([
      { code: 'out-of-range', path: ['scores', 1], message: expectation },
    ]);
    expect([...tallyScale(new Uint32Array([0, 1, 1]), { ...ctx, scale }).histogram]).toStrictEqual([0, 1, 2]);
  });

  it('compares answers as doubles on a scale beyond 32-bit integers, its minimum included', () => {
    const high = { min: 4294967294, max: 4294967296 };
    expect([...tallyScale(new Uint32Array([4294967294, 4294967295]), { ...ctx, scale: high }).histogram]).toStrictEqual([1, 1, 0]);
    expect(issuesOf(() => tallyScale(new Uint32Array([0]), { ...ctx, scale: high }))).toStrictEqual([
      { code: 'out-of-range', path: ['scores', 0], message: 'expected an integer from 4294967294 to 4294967296, received 0' },
    ]);
    const low = { min: -2147483649, max: -2147483640 };
    expect([...tallyScale(new Int32Array([-2147483648]), { ...ctx, scale: low }).histogram]).toStrictEqual([0, 1, 0, 0, 0, 0, 0, 0, 0, 0]);
    expect(issuesOf(() => tallyScale(new Int32Array([2147483647]), { ...ctx, scale: low }))).toStrictEqual([
      { code: 'out-of-range', path: ['scores', 0], message: 'expected an integer from -2147483649 to -2147483640, received 2147483647' },
    ]);
  });

  it('tallies float typed arrays relative to the scale minimum, and skips NaN only under exclude', () => {
    const scale = { min: 1, max: 5 };
    expect([...tallyScale(new Float64Array([1, 5, 3]), { ...ctx, scale }).histogram]).toStrictEqual([1, 0, 1, 0, 1]);
    expect(issuesOf(() => tallyScale(new Float64Array([0]), { ...ctx, scale }))).toStrictEqual([
      { code: 'out-of-range', path: ['scores', 0], message: 'expected an integer from 1 to 5, received 0' },
    ]);
    const skipped = tallyScale(new Float32Array([Number.NaN, 0, 10]), exclude);
    expect(skipped.excluded).toBe(1);
    expect(histogramToPoints(skipped.histogram, 0)).toStrictEqual({ 0: 1, 10: 1 });
  });

  it('skips null, undefined and NaN in arrays only under exclude', () => {
    const skipped = tallyScale([null, undefined, Number.NaN, 0, 10], exclude);
    expect(skipped.excluded).toBe(3);
    expect(histogramToPoints(skipped.histogram, 0)).toStrictEqual({ 0: 1, 10: 1 });
    expect(isMissing(0)).toBe(false);
    expect(isMissing(5)).toBe(false);
    expect(isMissing('')).toBe(false);
  });

  it('describes the scale', () => {
    expect(scaleExpectation({ min: 1, max: 7 })).toBe('an integer from 1 to 7');
  });
});

describe('tallyScale: labelled answers', () => {
  it('reads labels and numbers, and says which labels it knows', () => {
    const { histogram, excluded } = tallyScale(['good', 0, 'bad', 10, 5], labelled);
    expect(excluded).toBe(0);
    expect(histogramToPoints(histogram, 0)).toStrictEqual({ 0: 2, 5: 1, 10: 2 });
    expect(issuesOf(() => tallyScale(['good', 'meh'], labelled))).toStrictEqual([
      { code: 'unknown-label', path: ['scores', 1], message: 'expected a label in options.labels ("bad", "good"), received "meh"' },
    ]);
  });

  it('refuses numbers off the scale with the label wording', () => {
    const text = 'expected an integer from 0 to 10 or a label';
    expect(issuesOf(() => tallyScale([11], labelled))).toStrictEqual([{ code: 'out-of-range', path: ['scores', 0], message: `${text}, received 11` }]);
    expect(issuesOf(() => tallyScale([-1], labelled))).toStrictEqual([{ code: 'out-of-range', path: ['scores', 0], message: `${text}, received -1` }]);
    expect(issuesOf(() => tallyScale([2.5], labelled))).toStrictEqual([{ code: 'out-of-range', path: ['scores', 0], message: `${text}, received 2.5` }]);
    expect(issuesOf(() => tallyScale([true], labelled))).toStrictEqual([{ code: 'invalid-type', path: ['scores', 0], message: `${text}, received true` }]);
    expect(issuesOf(() => tallyScale([11], labelledExclude))).toStrictEqual([{ code: 'out-of-range', path: ['scores', 0], message: `${text}, received 11` }]);
  });

  it('skips missing labelled answers only under exclude', () => {
    const skipped = tallyScale([null, 'good', Number.NaN], labelledExclude);
    expect(skipped.excluded).toBe(2);
    expect(histogramToPoints(skipped.histogram, 0)).toStrictEqual({ 10: 1 });
    expect(issuesOf(() => tallyScale(['good', null], labelled))).toStrictEqual([
      {
        code: 'missing-value',
        path: ['scores', 1],
        message: "expected an integer from 0 to 10 or a label, received null; pass missing: 'exclude' to skip missing answers",
      },
    ]);
  });
});

describe('tallyScaleWeighted', () => {
  it('refuses what is not a list of answers, and each bad answer', () => {
    expect(issuesOf(() => tallyScaleWeighted({ length: 1 }, [1], ctx))).toStrictEqual([
      { code: 'invalid-type', path: ['scores'], message: 'expected an array or a typed array of answers, received an object' },
    ]);
    expect(issuesOf(() => tallyScaleWeighted([5, '5'], [1, 1], ctx))).toStrictEqual(onScale(1, '"5"', 'invalid-type'));
    expect(issuesOf(() => tallyScaleWeighted([11], [1], ctx))).toStrictEqual(onScale(0, '11'));
    expect(issuesOf(() => tallyScaleWeighted([-1], [1], ctx))).toStrictEqual(onScale(0, '-1'));
    expect(issuesOf(() => tallyScaleWeighted([2.5], [1], ctx))).toStrictEqual(onScale(0, '2.5'));
    expect(issuesOf(() => tallyScaleWeighted(new Float64Array([Number.NaN]), [1], ctx))).toStrictEqual([
      { ...nullHint(0)[0], message: "expected an integer from 0 to 10, received NaN; pass missing: 'exclude' to skip missing answers" },
    ]);
    expect(issuesOf(() => tallyScaleWeighted([null], [1], ctx))).toStrictEqual(nullHint(0));
    expect(issuesOf(() => tallyScaleWeighted([11], [1], exclude))).toStrictEqual(onScale(0, '11'));
    expect(issuesOf(() => tallyScaleWeighted(['meh'], [1], labelled))).toStrictEqual([
      { code: 'unknown-label', path: ['scores', 0], message: 'expected a label in options.labels ("bad", "good"), received "meh"' },
    ]);
  });

  it('sums the weights per point, drops skipped answers and their weights', () => {
    const t = tallyScaleWeighted([10, null, 0, 10, 7], [2, 5, 0.5, 3, 0], exclude);
    expect(t.excluded).toBe(1);
    expect(histogramToPoints(t.histogram, 0)).toStrictEqual({ 0: 1, 7: 1, 10: 2 });
    expect(t.weights.map((p) => p.reduce((a, b) => a + b, 0))).toStrictEqual([0.5, 0, 0, 0, 0, 0, 0, 0, 0, 0, 5]);
    expect(t.squares.reduce((a, b) => a + b, 0)).toBe(13.25);
  });

  it('reads labels and numbers when labels are set, on a scale that does not start at 0', () => {
    const scale = { min: 1, max: 5 };
    const t = tallyScaleWeighted(['top', 5, 1, null], new Float64Array([1, 2, 4, 8]), {
      ...ctx,
      scale,
      missing: 'exclude',
      labels: new Map([['top', 5]]),
    });
    expect(t.excluded).toBe(1);
    expect([...t.histogram]).toStrictEqual([1, 0, 0, 0, 2]);
    expect(t.weights.map((p) => p.reduce((a, b) => a + b, 0))).toStrictEqual([4, 0, 0, 0, 3]);
  });
});

describe('answerCount', () => {
  it('is the length of an array or typed array, else null', () => {
    expect(answerCount([1, 2, 3])).toBe(3);
    expect(answerCount(new Int8Array(4))).toBe(4);
    expect(answerCount(new Float32Array(2))).toBe(2);
    expect(answerCount('abc')).toBeNull();
    expect(answerCount({ length: 2 })).toBeNull();
  });
});
