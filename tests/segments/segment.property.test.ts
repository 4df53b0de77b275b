/**
 * Properties of the segment engine on random records: a table built in
 * chunks and merged equals the one-pass table; every cell's result is the
 * metric on the cell's records; every total is the tally of the records it
 * rolls up.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { csat, csatCounts, firstContactResolution, mergeCounts, nps, npsCounts, segment, segmentCounts, segmentFromCounts } from '../../src/index.js';
import { CHUNK } from '../../src/segments/tally-records.js';

interface Row {
  score: number;
  region: string;
  plan: string | number;
  at: number;
  contacts: number;
  resolved: boolean;
}

const record: fc.Arbitrary<Row> = fc.record({
  score: fc.integer({ min: 0, max: 10 }),
  region: fc.constantFrom('EU', 'US', 'APAC'),
  plan: fc.constantFrom('free', 'pro', 1, 2),
  // 2024 to mid-2025, across three daylight-saving changes.
  at: fc.integer({ min: 1_704_067_200_000, max: 1_751_328_000_000 }),
  contacts: fc.integer({ min: 1, max: 4 }),
  resolved: fc.boolean(),
});

const specs = [
  { metric: 'nps', value: 'score', options: { interval: true } },
  { metric: 'csat', value: 'score', options: { scale: { min: 0, max: 10 }, satisfied: [8, 9, 10] } },
  { metric: 'firstContactResolution', value: { contacts: 'contacts', resolved: 'resolved' } },
] as const;
const periods = [
  undefined,
  { field: 'at', unit: 'month', timeZone: 'Europe/Berlin' },
  { field: 'at', unit: 'week', timeZone: 'America/New_York', weekStart: 'sun' },
  { field: 'at', unit: 'quarter', timeZone: 'Asia/Kolkata', yearStart: 4 },
] as const;
const bys = [undefined, 'region', ['region', 'plan']] as const;

const spec = fc.record({
  base: fc.constantFrom(...specs),
  period: fc.constantFrom(...periods),
  by: fc.constantFrom(...bys),
  totals: fc.boolean(),
  fill: fc.boolean(),
});

type Spec = Record<string, unknown>;
const build = (s: { base: Spec; period: unknown; by: unknown; totals: boolean; fill: boolean }): Spec => ({
  ...s.base,
  ...(s.period === undefined ? {} : { period: s.period }),
  ...(s.by === undefined ? {} : { by: s.by }),
  totals: s.totals,
  fill: s.fill,
});
const countsSpec = (s: Spec): Spec => {
  const { totals: _t, fill: _f, ...rest } = s;
  return rest;
};

describe('segment properties', () => {
  it('a table merged from chunks equals the one-pass table', () => {
    fc.assert(
      fc.property(fc.array(record, { maxLength: 60 }), fc.array(fc.nat(), { maxLength: 4 }), spec, (records, cuts, s) => {
        const full = build(s);
        const points = [...new Set(cuts.map((c) => c % (records.length + 1)))].sort((a, b) => a - b);
        const bounds = [0, ...points, records.length];
        const chunks = bounds.slice(1).map((end, i) => records.slice(bounds[i], end));
        const tables = chunks.map((chunk) => segmentCounts(chunk, countsSpec(full) as never));
        const merged = tables.reduce((a, b) => mergeCounts(a, b));
        expect(merged).toEqual(segmentCounts(records, countsSpec(full) as never));
        expect(segmentFromCounts(merged, full as never)).toEqual(segment(records, full as never));
      }),
      { numRuns: 60 },
    );
  }, 60_000);

  it('every cell is the metric on its records, and every total the tally of the records it rolls up', () => {
    fc.assert(
      fc.property(fc.array(record, { minLength: 1, maxLength: 60 }), spec, (records, s) => {
        const full = { ...build(s), totals: true };
        const table = segment(records, full as never);
        const calendar = s.period === undefined ? null : table.period;
        const labelOf = new Map<Row, string>();
        if (calendar !== null) {
          const single = segment(records, { ...full, by: { i: (r: Row) => records.indexOf(r) }, totals: false, fill: false } as never);
          for (const row of single.rows) labelOf.set(records[row.key.i as number]!, row.period!.label);
        }
        for (const row of table.rows) {
          const members = records.filter(
            (r) =>
              Object.entries(row.key).every(([dim, v]) => v === null || r[dim as keyof Row] === v) &&
              (row.period === null || labelOf.get(r) === row.period.label),
          );
          const m = s.base.metric;
          if (m === 'nps') {
            expect(row.counts).toEqual(npsCounts(members.map((r) => r.score)));
            expect(row.result).toEqual(
              nps(
                members.map((r) => r.score),
                { interval: true },
              ),
            );
          } else if (m === 'csat') {
            expect(row.counts).toEqual(
              csatCounts(
                members.map((r) => r.score),
                s.base.options,
              ),
            );
            expect(row.result).toEqual(
              csat(
                members.map((r) => r.score),
                s.base.options,
              ),
            );
          } else {
            expect(row.result).toEqual(firstContactResolution(members.map((r) => ({ contacts: r.contacts, resolved: r.resolved }))));
          }
        }
      }),
      { numRuns: 50 },
    );
  }, 60_000);

  it('tallies inputs larger than a chunk exactly', () => {
    const n = CHUNK * 2 + 17;
    const scores = Uint8Array.from({ length: n }, (_, i) => (i * 7) % 11);
    const region = Array.from({ length: n }, (_, i) => (i % 3 === 0 ? 'EU' : 'US'));
    const t = segmentCounts({ score: scores, region }, { metric: 'nps', value: 'score', by: 'region' });
    expect(t.cells[0]!.counts).toEqual(npsCounts(scores.filter((_, i) => i % 3 === 0)));
    expect(t.cells[1]!.counts).toEqual(npsCounts(scores.filter((_, i) => i % 3 !== 0)));
  });
});
