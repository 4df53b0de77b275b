/**
 * The point-scale metrics, CSAT and CES: their options (the points that
 * count, labels, CES's direction) and their tallies, each refusal with its
 * exact code, path and message, points and labels at both ends of the
 * scale, and the excluded count a tally carries. Each test loads the
 * library afresh, so it builds the option schemas itself.
 */
import { describe, expect, it, vi } from 'vitest';
import { issuesOf } from '../../helpers/errors.js';

async function loadCsat() {
  vi.resetModules();
  return import('../../../src/metrics/csat.js');
}

async function loadCes() {
  vi.resetModules();
  return import('../../../src/metrics/ces.js');
}

describe('csat and ces options: the points that count', () => {
  it('refuses a list of satisfied points that is not a list of integers', async () => {
    const { csat } = await loadCsat();
    const refused = (satisfied: unknown) => issuesOf('csat', () => csat([5], { satisfied } as never));
    const path = ['options', 'satisfied'];
    expect(refused(5)).toStrictEqual([{ code: 'invalid-type', path, message: 'expected an array of scale points, received 5' }]);
    expect(refused([])).toStrictEqual([{ code: 'invalid-value', path, message: 'expected at least one scale point, received an array' }]);
    expect(refused(['5'])).toStrictEqual([{ code: 'invalid-type', path: [...path, 0], message: 'expected an integer scale point, received "5"' }]);
    expect(refused([4.5])).toStrictEqual([{ code: 'out-of-range', path: [...path, 0], message: 'expected an integer scale point, received 4.5' }]);
  });

  it('refuses satisfied points off the scale or given twice', async () => {
    const { csat } = await loadCsat();
    expect(issuesOf('csat', () => csat([5], { satisfied: [0, 6, 5, 5] }))).toStrictEqual([
      { code: 'out-of-range', path: ['options', 'satisfied', 0], message: 'expected a point on the scale 1 to 5, received 0' },
      { code: 'out-of-range', path: ['options', 'satisfied', 1], message: 'expected a point on the scale 1 to 5, received 6' },
      { code: 'duplicate', path: ['options', 'satisfied', 3], message: 'expected each point once, received 5 again' },
    ]);
  });

  it('counts easy points at both ends of the scale, in any order', async () => {
    const { ces } = await loadCes();
    expect(ces([1, 4, 7, 7], { easy: [7, 1] })).toMatchObject({ metric: 'ces', value: 75, easy: { count: 3, percent: 75 } });
    expect(issuesOf('ces', () => ces([1], { easy: [8, 7, 7] }))).toStrictEqual([
      { code: 'out-of-range', path: ['options', 'easy', 0], message: 'expected a point on the scale 1 to 7, received 8' },
      { code: 'duplicate', path: ['options', 'easy', 2], message: 'expected each point once, received 7 again' },
    ]);
  });

  it('counts the top or the bottom points by direction, and refuses any other direction', async () => {
    const { ces } = await loadCes();
    const answers = [1, 2, 3, 6, 7];
    expect(ces(answers, { direction: 'higher-is-easier' })).toMatchObject({ value: 40, easy: { count: 2 } });
    expect(ces(answers, { direction: 'lower-is-easier' })).toMatchObject({ value: 40, easy: { count: 2 } });
    expect(ces([1, 2, 3], { direction: 'lower-is-easier' }).value).toBe(200 / 3);
    expect(ces([1, 2, 3], { direction: 'higher-is-easier' }).value).toBe(0);
    expect(issuesOf('ces', () => ces([1], { direction: 'up' } as never))).toStrictEqual([
      { code: 'invalid-value', path: ['options', 'direction'], message: 'expected "higher-is-easier" or "lower-is-easier", received "up"' },
    ]);
  });

  it('refuses options that are not an object', async () => {
    const { csat } = await loadCsat();
    expect(issuesOf('csat', () => csat([5], 5 as never))).toStrictEqual([
      { code: 'invalid-type', path: ['options'], message: 'expected an options object, received 5' },
    ]);
    const { ces } = await loadCes();
    expect(issuesOf('ces', () => ces([5], [] as never))).toStrictEqual([
      { code: 'invalid-type', path: ['options'], message: 'expected an options object, received an array' },
    ]);
  });
});

describe('csat and ces options: labels', () => {
  it('refuses labels that are not an object from text to a scale point', async () => {
    const { csat } = await loadCsat();
    const refused = (labels: unknown) => issuesOf('csat', () => csat(['Yes'], { labels } as never));
    expect(refused(5)).toStrictEqual([
      { code: 'invalid-type', path: ['options', 'labels'], message: 'expected an object from text label to scale point, received 5' },
    ]);
    expect(refused({ Yes: '5' })).toStrictEqual([
      { code: 'invalid-type', path: ['options', 'labels', 'Yes'], message: 'expected an integer scale point, received "5"' },
    ]);
    expect(refused({ Yes: 4.5 })).toStrictEqual([
      { code: 'out-of-range', path: ['options', 'labels', 'Yes'], message: 'expected an integer scale point, received 4.5' },
    ]);
  });

  it('refuses labels off the scale, and reads labels at both of its ends', async () => {
    const { csat } = await loadCsat();
    expect(issuesOf('csat', () => csat(['Yes'], { labels: { Top: 6, Yes: 5, Bottom: 0, No: 1 } }))).toStrictEqual([
      { code: 'out-of-range', path: ['options', 'labels', 'Top'], message: 'expected a point on the scale 1 to 5, received 6' },
      { code: 'out-of-range', path: ['options', 'labels', 'Bottom'], message: 'expected a point on the scale 1 to 5, received 0' },
    ]);
    const r = csat(['Yes', 'No', 'Yes', 'No'], { labels: { Yes: 5, No: 1 } });
    expect(r).toMatchObject({ metric: 'csat', value: 50, mean: 3, total: 4 });
    expect(r.distribution.map((p) => p.count)).toStrictEqual([2, 0, 0, 0, 2]);
  });
});

describe('csat and ces tallies', () => {
  it('says which points of a tally are not plainly written points of the scale', async () => {
    const { csatFromCounts } = await loadCsat();
    expect(issuesOf('csat', () => csatFromCounts({ points: { '05': 1, 6: 2, 0: 1 } }))).toStrictEqual([
      { code: 'out-of-range', path: ['counts', 'points', '0'], message: 'expected a point on the scale 1 to 5, received "0"' },
      { code: 'out-of-range', path: ['counts', 'points', '6'], message: 'expected a point on the scale 1 to 5, received "6"' },
      { code: 'invalid-value', path: ['counts', 'points', '05'], message: 'expected an integer scale point written plainly as a key, received "05"' },
    ]);
    const weights = { count: 1, points: { '05': [1], 9: [1] }, squares: [1] };
    expect(issuesOf('csat', () => csatFromCounts({ points: { 5: 1 }, weights }))).toStrictEqual([
      { code: 'out-of-range', path: ['counts', 'weights', 'points', '9'], message: 'expected a point on the scale 1 to 5, received "9"' },
      {
        code: 'invalid-value',
        path: ['counts', 'weights', 'points', '05'],
        message: 'expected an integer scale point written plainly as a key, received "05"',
      },
    ]);
  });

  it('says what the points and the weight sums of a tally must be', async () => {
    const { cesFromCounts } = await loadCes();
    expect(issuesOf('ces', () => cesFromCounts({ points: 5 } as never))).toStrictEqual([
      { code: 'invalid-type', path: ['counts', 'points'], message: 'expected an object from scale point to count, received 5' },
    ]);
    expect(issuesOf('ces', () => cesFromCounts({ points: { 7: 1 }, weights: { count: 1, points: 5, squares: [1] } } as never))).toStrictEqual([
      { code: 'invalid-type', path: ['counts', 'weights', 'points'], message: 'expected an object from scale point to partial sums, received 5' },
    ]);
    expect(issuesOf('ces', () => cesFromCounts(5 as never))).toStrictEqual([
      { code: 'invalid-type', path: ['counts'], message: 'expected a ces tally { points }, received 5' },
    ]);
  });

  it('keeps the excluded count of a tally, 0 when it has none, weighted or not', async () => {
    const { csatCounts, csatFromCounts } = await loadCsat();
    expect(csatFromCounts({ points: { 5: 1, 1: 1 } }).excluded).toBe(0);
    expect(csatFromCounts({ points: { 5: 1, 1: 1 }, excluded: 3 }).excluded).toBe(3);
    const weighted = csatCounts([5, 1, null], { weights: [3, 1, 2], missing: 'exclude' });
    expect(weighted).toStrictEqual({ metric: 'csat', points: { 1: 1, 5: 1 }, excluded: 1, weights: { count: 2, points: { 1: [1], 5: [3] }, squares: [10] } });
    expect(csatFromCounts(weighted)).toMatchObject({ metric: 'csat', value: 75, excluded: 1, weighted: { totalWeight: 4, effectiveSampleSize: 1.6 } });
    const { excluded: _, ...withoutExcluded } = weighted;
    expect(csatFromCounts(withoutExcluded)).toMatchObject({ value: 75, excluded: 0 });
    const { cesFromCounts } = await loadCes();
    expect(cesFromCounts({ points: { 7: 2 }, excluded: 5 })).toMatchObject({ metric: 'ces', value: 100, excluded: 5 });
  });
});
