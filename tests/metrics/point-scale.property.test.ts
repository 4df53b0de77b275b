/**
 * Laws shared by CSAT and CES, checked on both.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ces, cesCounts, cesFromCounts, csat, csatCounts, csatFromCounts, mergeCounts } from '../../src/index.js';
import { expectMetricsError } from '../helpers/errors.js';
import { exactPercent, isClean, nearestDouble } from '../helpers/rational.js';

const metrics = [
  { name: 'csat', raw: csat, counts: csatCounts, fromCounts: csatFromCounts, selected: (r: ReturnType<typeof csat>) => r.satisfied },
  { name: 'ces', raw: ces, counts: cesCounts, fromCounts: cesFromCounts, selected: (r: ReturnType<typeof ces>) => r.easy },
] as const;

/** A scale, answers on it and a valid choice of selected points. */
const setup = fc.record({ min: fc.integer({ min: -5, max: 5 }), span: fc.integer({ min: 1, max: 10 }) }).chain(({ min, span }) => {
  const max = min + span;
  const point = fc.integer({ min, max });
  return fc.record({
    scale: fc.constant({ min, max }),
    answers: fc.array(point, { maxLength: 150 }),
    more: fc.array(point, { maxLength: 150 }),
    selected: fc.uniqueArray(point, { minLength: 1, maxLength: span + 1 }),
  });
});

describe.each(metrics)('$name: properties', (m) => {
  const run = (answers: number[], o: object) => (m.raw as (a: number[], o: object) => ReturnType<typeof csat>)(answers, o);
  const key = m.name === 'csat' ? 'satisfied' : 'easy';

  it('equals the exact share and mean (BigInt oracle), within bounds, clean', () => {
    fc.assert(
      fc.property(setup, ({ scale, answers, selected }) => {
        const r = run(answers, { scale, [key]: selected });
        const hits = answers.filter((a) => selected.includes(a)).length;
        const sum = answers.reduce((a, b) => a + b, 0);
        expect(r.value).toBe(exactPercent(hits, answers.length));
        expect(r.mean).toBe(answers.length === 0 ? null : nearestDouble(BigInt(sum), BigInt(answers.length)));
        expect(isClean(r)).toBe(true);
        if (r.value !== null) expect(r.value >= 0 && r.value <= 100).toBe(true);
        if (r.mean !== null) expect(r.mean >= scale.min && r.mean <= scale.max).toBe(true);
      }),
      { numRuns: 200 },
    );
  });

  it('is the same on the raw and counts paths, in any order, and with counts multiplied by k', () => {
    fc.assert(
      fc.property(
        setup,
        fc.integer({ min: 2, max: 50 }),
        fc.option(fc.integer({ min: 0, max: 4 }), { nil: undefined }),
        ({ scale, answers, selected }, k, decimals) => {
          const o = decimals === undefined ? { scale, [key]: selected } : { scale, [key]: selected, decimals };
          const r = run(answers, o);
          const tally = (m.counts as (a: number[], o: object) => { points: Record<string, number> })(answers, o);
          const fromCounts = m.fromCounts as (c: object, o: object) => ReturnType<typeof csat>;
          expect(fromCounts(tally, o)).toStrictEqual(r);
          expect(run([...answers].reverse(), o)).toStrictEqual(r);
          const scaled = Object.fromEntries(Object.entries(tally.points).map(([p, c]) => [p, c * k]));
          const s = fromCounts({ points: scaled }, o);
          expect([s.value, s.mean, s.distribution.map((d) => d.percent)]).toStrictEqual([r.value, r.mean, r.distribution.map((d) => d.percent)]);
        },
      ),
      { numRuns: 150 },
    );
  });

  it('merges tallies of parts into the tally of the whole', () => {
    fc.assert(
      fc.property(setup, ({ scale, answers, more }) => {
        const counts = m.counts as (a: number[], o: object) => { metric: string };
        const merged = mergeCounts(counts(answers, { scale }), counts(more, { scale }));
        expect(merged).toStrictEqual(counts([...answers, ...more], { scale }));
      }),
      { numRuns: 150 },
    );
  });

  it('throws at the first answer off the scale', () => {
    fc.assert(
      fc.property(setup, fc.integer({ min: 1, max: 100 }), ({ scale, answers }, off) => {
        const bad = [...answers, scale.max + off];
        expectMetricsError(() => run(bad, { scale }), m.name, ['responses', answers.length], 'out-of-range');
      }),
      { numRuns: 100 },
    );
  });
});
