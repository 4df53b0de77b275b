/**
 * Counting distinct answers gives the library's own tallies: on random
 * rows (keys that are text, numbers or missing, times as epoch milliseconds
 * or text, valid, missing and invalid answers), the rows counted plus the
 * rows left to the library's loop, merged, equal `segmentCounts` on the
 * valid rows; the invalid rows are exactly those the library refuses.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DistinctTally } from '../../src/cli/distinct-tally.js';
import { isMetricsError } from '../../src/core/contract/errors.js';
import { mergeCounts, type SegmentCountsSpec, segmentCounts } from '../../src/index.js';

const row = fc.record({
  region: fc.oneof({ weight: 8, arbitrary: fc.constantFrom('EU', 'US', 'Ω') }, fc.constant(null), fc.constant(3)),
  plan: fc.constantFrom('free', 'pro'),
  // Milliseconds around a DST change in Berlin, or the same instant as text.
  at: fc.oneof(
    { weight: 8, arbitrary: fc.integer({ min: Date.UTC(2024, 2, 29), max: Date.UTC(2024, 3, 2) }) },
    fc.integer({ min: Date.UTC(2024, 2, 29), max: Date.UTC(2024, 3, 2) }).map((t) => new Date(t).toISOString()),
  ),
  score: fc.oneof({ weight: 10, arbitrary: fc.integer({ min: 0, max: 10 }) }, fc.constant(null), fc.constantFrom(11, 'x', 2.5)),
});

function columnsOf(rows: readonly { region: unknown; plan: string; at: unknown; score: unknown }[]) {
  return { region: rows.map((r) => r.region), plan: rows.map((r) => r.plan), at: rows.map((r) => r.at), score: rows.map((r) => r.score) };
}

describe('DistinctTally', () => {
  it('equals segmentCounts on the valid rows, and refuses exactly the rows the library refuses', () => {
    fc.assert(
      fc.property(
        fc.array(row, { maxLength: 300 }),
        fc.constantFrom<'exclude' | 'error'>('exclude', 'error'),
        fc.constantFrom('day', 'week', 'month'),
        (rows, missing, unit) => {
          const spec = {
            metric: 'nps',
            value: 'score',
            by: ['region', 'plan'],
            period: { field: 'at', unit, timeZone: 'Europe/Berlin' },
            options: { missing },
          } as unknown as SegmentCountsSpec;
          const valid = rows.filter((r) => {
            try {
              segmentCounts(columnsOf([r]), spec);
              return true;
            } catch (e) {
              if (!isMetricsError(e)) throw e;
              return false;
            }
          });
          const template = segmentCounts(columnsOf([]), spec);
          const tally = DistinctTally.of(spec, template);
          expect(tally).not.toBeNull();
          const slow: number[] = [];
          const invalid: number[] = [];
          tally!.add(columnsOf(rows), 0, rows.length, { slow: (i) => slow.push(i), invalid: (i) => invalid.push(i) });
          const slowValid = slow.map((i) => rows[i]!).filter((r) => valid.includes(r));
          const merged = mergeCounts(tally!.table(), segmentCounts(columnsOf(slowValid), spec));
          expect(merged).toEqual(segmentCounts(columnsOf(valid), spec));
          // Every row it refused is one the library refuses, and every row the library refuses was refused or left to it.
          for (const i of invalid) expect(valid).not.toContain(rows[i]);
          for (const [i, r] of rows.entries()) if (!valid.includes(r)) expect(invalid.includes(i) || slow.includes(i)).toBe(true);
        },
      ),
      { numRuns: 150 },
    );
  });

  it('tallies a cell of many rows of each answer', () => {
    const n = 200_000;
    const columns = { score: Array.from({ length: n }, (_, i) => (i % 3 === 0 ? 10 : i % 3 === 1 ? 7 : 0)) };
    const spec = { metric: 'nps', value: 'score' } as SegmentCountsSpec;
    const tally = DistinctTally.of(spec, segmentCounts({ score: [] }, spec))!;
    tally.add(columns, 0, n, { slow: () => {}, invalid: () => {} });
    expect(tally.table()).toEqual(segmentCounts(columns, spec));
  });

  it('is not used for weights, a missing-key label, label periods or other metrics', () => {
    const base = { metric: 'nps', value: 'score' } as const;
    const template = (spec: SegmentCountsSpec) => segmentCounts({ score: [], w: [], t: [] }, spec);
    for (const spec of [
      { ...base, weight: 'w' },
      { ...base, missingKey: 'n/a' },
      { ...base, period: { field: 't' } },
      { metric: 'upsellRatio', value: { upgraded: 'score' } },
    ] as SegmentCountsSpec[])
      expect(DistinctTally.of(spec, template(spec))).toBeNull();
  });
});
