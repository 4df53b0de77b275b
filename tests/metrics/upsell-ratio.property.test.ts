import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { mergeCounts, upsellRatio, upsellRatioCounts, upsellRatioFromCounts } from '../../src/index.js';
import { expectMetricsError } from '../helpers/errors.js';
import { exactPercent, isClean, nearestDouble } from '../helpers/rational.js';

const records = fc.array(
  fc.boolean().map((upgraded) => ({ upgraded })),
  { maxLength: 200 },
);
const counts = fc.record({ upgraded: fc.nat({ max: 1e9 }), notUpgraded: fc.nat({ max: 1e9 }) });

describe('upsellRatio: properties', () => {
  it('equals the exact rationals, converted once, and the output is clean', () => {
    fc.assert(
      fc.property(counts, fc.option(fc.integer({ min: 0, max: 15 }), { nil: undefined }), (c, d) => {
        const r = upsellRatioFromCounts(c);
        expect(r.value).toBe(c.notUpgraded === 0 ? null : nearestDouble(BigInt(c.upgraded), BigInt(c.notUpgraded)));
        expect(r.upsellPercent).toBe(exactPercent(c.upgraded, c.upgraded + c.notUpgraded));
        const rounded = upsellRatioFromCounts(c, d === undefined ? {} : { decimals: d });
        expect(isClean(rounded)).toBe(true);
        if (rounded.upsellPercent !== null) expect(rounded.upsellPercent >= 0 && rounded.upsellPercent <= 100).toBe(true);
      }),
      { numRuns: 300 },
    );
  });

  it('gives the same result on the raw path and the counts path, and merges', () => {
    fc.assert(
      fc.property(records, records, (a, b) => {
        expect(upsellRatioFromCounts(upsellRatioCounts(a))).toStrictEqual(upsellRatio(a));
        expect(mergeCounts(upsellRatioCounts(a), upsellRatioCounts(b))).toStrictEqual(upsellRatioCounts([...a, ...b]));
      }),
      { numRuns: 200 },
    );
  });

  it('throws a MetricsError at the first bad record, wherever it is', () => {
    const bad = fc.oneof(fc.constant(null), fc.constant({}), fc.constant({ upgraded: 'true' }), fc.constant({ upgraded: 1 }), fc.constant(true));
    fc.assert(
      fc.property(records, bad, records, (before, x, after) => {
        let caught: unknown = null;
        try {
          upsellRatio([...before, x as { upgraded: boolean }, ...after]);
        } catch (e) {
          caught = e;
        }
        const path = (caught as { path: unknown[] }).path;
        expect(path.slice(0, 2)).toStrictEqual(['records', before.length]);
        expectMetricsError(() => upsellRatio([...before, x as { upgraded: boolean }, ...after]), 'upsellRatio', path as (string | number)[]);
      }),
      { numRuns: 150 },
    );
  });
});
