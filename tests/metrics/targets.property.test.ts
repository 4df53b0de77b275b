import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkTargets, sourceTargets, type Target, type Targets } from '../../src/index.js';
import { isClean } from '../helpers/rational.js';

const metric = fc.constantFrom(...Object.keys(sourceTargets), 'upsellRatio', 'repurchaseRate');
const unit = fc.constantFrom('points', 'percent', 'ratio');
const value = fc.option(fc.double({ min: -200, max: 200, noNaN: true }), { nil: null });

describe('checkTargets: properties', () => {
  it('gives exactly one check per result, in order, with a status that follows from the target', () => {
    fc.assert(
      fc.property(fc.array(fc.record({ metric, unit, value }), { maxLength: 20 }), (results) => {
        const checks = checkTargets(results);
        expect(checks.map((c) => c.metric)).toStrictEqual(results.map((r) => r.metric));
        checks.forEach((c, i) => {
          const r = results[i]!;
          const all: Targets = sourceTargets;
          const t: Target | null = Object.hasOwn(all, r.metric) ? all[r.metric]! : null;
          expect(isClean(c.value)).toBe(true);
          if (t === null) expect([c.status, c.met]).toStrictEqual(['no-target', null]);
          else if (r.value === null) expect([c.status, c.met]).toStrictEqual(['no-value', null]);
          else if (r.unit !== t.unit) expect([c.status, c.met]).toStrictEqual(['unit-mismatch', null]);
          else {
            const v = r.value;
            const met = { '<': v < t.threshold, '<=': v <= t.threshold, '>': v > t.threshold, '>=': v >= t.threshold }[t.comparison];
            expect([c.status, c.met]).toStrictEqual([met ? 'met' : 'missed', met]);
          }
        });
      }),
      { numRuns: 200 },
    );
  });
});
