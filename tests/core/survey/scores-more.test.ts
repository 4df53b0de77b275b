/**
 * Tallying answers on an integer scale: which inputs are read as integer
 * typed arrays, what a zero weight adds, and the error for an answer that
 * changes between reads (the fast loop and the description of the bad
 * answer read it twice). Each test loads the module afresh.
 */
import { describe, expect, it, vi } from 'vitest';
import type { TallyContext } from '../../../src/core/survey/scores.js';
import { issuesOf } from '../../helpers/errors.js';

async function loadScores() {
  vi.resetModules();
  return import('../../../src/core/survey/scores.js');
}

/** Every issue of the MetricsError that `fn` throws for nps. */
const issuesOfMetric = (fn: () => unknown) => issuesOf('nps', fn);

const ctx: TallyContext = { metric: 'nps', argument: 'scores', scale: { min: 0, max: 10 }, missing: 'error' };

/** A one-answer array whose answer reads `first` once, then `later`. */
function shifting(first: unknown, later: unknown): unknown[] {
  let reads = 0;
  const values: unknown[] = [];
  Object.defineProperty(values, 0, {
    get: () => {
      reads++;
      return reads === 1 ? first : later;
    },
    enumerable: true,
  });
  return values;
}

describe('the kinds of answer arrays', () => {
  it('reads each integer typed array kind as integers, and nothing else', async () => {
    const { isIntTypedArray, isFloatTypedArray, isNumericTypedArray, tallyScale, histogramToPoints } = await loadScores();
    const kinds = [Int8Array, Uint8Array, Uint8ClampedArray, Int16Array, Uint16Array, Int32Array, Uint32Array];
    for (const Kind of kinds) {
      const answers = new Kind([10, 0, 10]);
      expect([isIntTypedArray(answers), isFloatTypedArray(answers), isNumericTypedArray(answers)]).toStrictEqual([true, false, true]);
      expect(histogramToPoints(tallyScale(answers, ctx).histogram, 0)).toStrictEqual({ 0: 1, 10: 2 });
    }
    for (const Kind of [Float32Array, Float64Array]) {
      expect([isIntTypedArray(new Kind(1)), isFloatTypedArray(new Kind(1)), isNumericTypedArray(new Kind(1))]).toStrictEqual([false, true, true]);
    }
    for (const other of [new BigInt64Array(1), new DataView(new ArrayBuffer(1)), [1], 'Int8Array', null]) {
      expect([isIntTypedArray(other), isFloatTypedArray(other), isNumericTypedArray(other)]).toStrictEqual([false, false, false]);
    }
  });
});

describe('weighted tallies', () => {
  it('counts an answer of weight 0 without adding to any weight sum', async () => {
    const { tallyScaleWeighted } = await loadScores();
    const t = tallyScaleWeighted([10, 7, 10], [0, 2, 0], ctx);
    expect([...t.histogram]).toStrictEqual([0, 0, 0, 0, 0, 0, 0, 1, 0, 0, 2]);
    expect(t.weights).toStrictEqual([[], [], [], [], [], [], [], [2], [], [], []]);
    expect(t.squares).toStrictEqual([4]);
  });
});

describe('an answer that changes between reads', () => {
  it('is refused with the expectation and the value read last', async () => {
    const { tallyScale, tallyScaleWeighted } = await loadScores();
    const refused = (message: string) => [{ code: 'invalid-value', path: ['scores', 0], message }];
    expect(issuesOfMetric(() => tallyScale(shifting(11, 5), ctx))).toStrictEqual(refused('expected an integer from 0 to 10, received 5'));
    expect(issuesOfMetric(() => tallyScaleWeighted(shifting(-1, 3), [1], ctx))).toStrictEqual(refused('expected an integer from 0 to 10, received 3'));
    const labelled = { ...ctx, labels: new Map([['top', 10]]) };
    expect(issuesOfMetric(() => tallyScale(shifting(2.5, 2), labelled))).toStrictEqual(refused('expected an integer from 0 to 10 or a label, received 2'));
  });
});
