import { describe, expectTypeOf, it } from 'vitest';
import {
  type ChangesResult,
  type CsatResult,
  changes,
  type NpsCounts,
  type NpsOptions,
  type NpsResult,
  type SegmentCounts,
  type SegmentFlag,
  type SegmentKey,
  type SegmentPeriod,
  type SegmentTable,
  segment,
  segmentCounts,
  segmentFromCounts,
  type TimeToResolutionCounts,
  type TrendResult,
  trend,
} from '../../src/index.js';

const records = [{ score: 9, region: 'EU', at: '2026-01-01T00:00:00Z' }];

describe('segment types', () => {
  it('types rows by the metric named in the spec', () => {
    const t = segment(records, { metric: 'nps', value: 'score', by: 'region' });
    expectTypeOf(t).toEqualTypeOf<SegmentTable<'nps'>>();
    expectTypeOf(t.rows[0]!.result).toEqualTypeOf<NpsResult>();
    expectTypeOf(t.rows[0]!.counts).toEqualTypeOf<NpsCounts>();
    expectTypeOf(t.rows[0]!.key).toEqualTypeOf<SegmentKey>();
    expectTypeOf(t.rows[0]!.period).toEqualTypeOf<SegmentPeriod | null>();
    expectTypeOf(t.rows[0]!.flags).toEqualTypeOf<readonly SegmentFlag[]>();
    expectTypeOf(segment(records, { metric: 'csat', value: 'score' }).rows[0]!.result).toEqualTypeOf<CsatResult>();
  });

  it('takes the metric options of the metric named', () => {
    expectTypeOf(segment<'nps'>)
      .parameter(1)
      .toHaveProperty('options')
      .toEqualTypeOf<NpsOptions | undefined>();
    // @ts-expect-error: 'timeZone' is not an NPS option
    segment(records, { metric: 'nps', value: 'score', options: { timeZone: 'UTC' } });
    // @ts-expect-error: mrrChurn does not tally from records
    segment(records, { metric: 'mrrChurn', value: 'score' });
  });

  it('types tables of tallies and what computes from them', () => {
    const c = segmentCounts(records, { metric: 'nps', value: 'score' });
    expectTypeOf(c).toEqualTypeOf<SegmentCounts<NpsCounts>>();
    expectTypeOf(c.cells[0]!.counts).toEqualTypeOf<NpsCounts>();
    expectTypeOf(segmentCounts([{ openedAt: 0 }], { metric: 'timeToResolution' }).cells[0]!.counts).toEqualTypeOf<TimeToResolutionCounts>();
    expectTypeOf(segmentFromCounts(c).rows[0]!.result).toEqualTypeOf<NpsResult>();
  });

  it('types changes and trends', () => {
    const t = segment(records, { metric: 'nps', value: 'score', period: { field: 'at', unit: 'month', timeZone: 'UTC' } });
    expectTypeOf(changes(t)).toEqualTypeOf<ChangesResult>();
    expectTypeOf(trend(t)).toEqualTypeOf<TrendResult>();
    // @ts-expect-error: an unknown baseline
    changes(t, { against: 'last' });
  });
});
