import { describe, expectTypeOf, it } from 'vitest';
import {
  type CesResult,
  type CsatCounts,
  type CsatOptions,
  type CsatResult,
  ces,
  csat,
  csatCounts,
  type ErrorSource,
  type Interval,
  type IntervalOption,
  type LoyaltyIndexOptions,
  type LoyaltyIndexResult,
  loyaltyIndex,
  loyaltyIndexCounts,
  type MetricsError,
  mergeCounts,
  type NpsCounts,
  type NpsIntervalOption,
  type NpsOptions,
  type NpsResult,
  type NpsWeights,
  nps,
  npsCounts,
  npsFromCounts,
  type PointWeights,
  type Share,
  type Warning,
  type WarningCode,
  type WeightedSummary,
} from '../../src/index.js';

describe('survey metric signatures', () => {
  it('nps takes arrays and typed arrays, returns NpsResult', () => {
    expectTypeOf<readonly (number | null | undefined)[] | Uint8Array | Float64Array>().toExtend<Parameters<typeof nps>[0]>();
    expectTypeOf(nps([1, 2])).toEqualTypeOf<NpsResult>();
    expectTypeOf(nps(new Uint8Array(2))).toEqualTypeOf<NpsResult>();
    expectTypeOf(nps([1, null], { missing: 'exclude' }).value).toEqualTypeOf<number | null>();
    expectTypeOf(nps([1]).promoters).toEqualTypeOf<Share>();
    expectTypeOf<NpsResult['metric']>().toEqualTypeOf<'nps'>();
    expectTypeOf<NpsResult['unit']>().toEqualTypeOf<'points'>();
  });
  it('rejects what the options do not allow', () => {
    // @ts-expect-error strings are not scores
    nps(['9']);
    // @ts-expect-error unknown option
    nps([1], { promoterMinimum: 9 });
    // @ts-expect-error rounding is one of two names
    nps([1], { rounding: 'up' });
    expectTypeOf<NpsOptions['missing']>().toEqualTypeOf<'error' | 'exclude' | undefined>();
  });
  it('tallies are typed and merge to their own type', () => {
    expectTypeOf(npsCounts([1])).toEqualTypeOf<NpsCounts>();
    expectTypeOf(mergeCounts(npsCounts([1]), npsCounts([2]))).toEqualTypeOf<NpsCounts>();
    expectTypeOf(npsFromCounts({ promoters: 1, passives: 2, detractors: 3 })).toEqualTypeOf<NpsResult>();
  });
  it('csat and ces take labels; results are readonly', () => {
    expectTypeOf(csat(['yes'], { labels: { yes: 1 }, scale: { min: 0, max: 1 } })).toEqualTypeOf<CsatResult>();
    expectTypeOf(ces([1]).easy).toEqualTypeOf<Share>();
    const r = csat([5]);
    // @ts-expect-error results are readonly
    r.value = 1;
    expectTypeOf(loyaltyIndex([{ recommend: 1, repurchase: 2, upsell: 3 }])).toEqualTypeOf<LoyaltyIndexResult>();
    // @ts-expect-error every question is required
    loyaltyIndex([{ recommend: 1, repurchase: 2 }]);
  });
  it('MetricsError exposes metric, code, path and issues', () => {
    // The metric is a string, narrowed to the names in the metric registry.
    expectTypeOf<MetricsError['metric']>().toExtend<string>();
    expectTypeOf<MetricsError['metric']>().toEqualTypeOf<ErrorSource>();
    expectTypeOf<'nps' | 'compare' | 'mergeCounts'>().toExtend<ErrorSource>();
    expectTypeOf<MetricsError['path']>().toEqualTypeOf<readonly (string | number)[]>();
    expectTypeOf<MetricsError['issues'][number]['code']>().toEqualTypeOf<MetricsError['code']>();
  });
});

describe('survey inference types', () => {
  it('every result has warnings; interval, meanInterval and weighted are optional', () => {
    expectTypeOf<NpsResult['warnings']>().toEqualTypeOf<readonly Warning[]>();
    expectTypeOf<CsatResult['warnings']>().toEqualTypeOf<readonly Warning[]>();
    expectTypeOf<CesResult['warnings']>().toEqualTypeOf<readonly Warning[]>();
    expectTypeOf<LoyaltyIndexResult['warnings']>().toEqualTypeOf<readonly Warning[]>();
    expectTypeOf<Warning['code']>().toEqualTypeOf<WarningCode>();
    expectTypeOf<WarningCode>().toEqualTypeOf<'small-sample' | 'interval-clamped' | 'degenerate-wald'>();
    expectTypeOf(nps([1], { interval: true }).interval).toEqualTypeOf<Interval | null | undefined>();
    expectTypeOf(csat([1]).meanInterval).toEqualTypeOf<Interval | null | undefined>();
    expectTypeOf<NpsResult['weighted']>().toEqualTypeOf<WeightedSummary | undefined>();
    expectTypeOf<CsatResult['variance']>().toEqualTypeOf<number | null>();
    expectTypeOf<LoyaltyIndexResult['variance']>().toEqualTypeOf<number | null>();
    expectTypeOf<Interval['standardError']>().toEqualTypeOf<number | null>();
    expectTypeOf<WeightedSummary>().toEqualTypeOf<{ readonly totalWeight: number; readonly effectiveSampleSize: number }>();
  });
  it('interval options name their methods; resamples and seed go with the bootstrap only', () => {
    nps([1], { interval: { method: 'bootstrap', resamples: 500, seed: 7 } });
    nps([1], { interval: { level: 0.9, method: 'wald' } });
    nps([1], { interval: false });
    // @ts-expect-error resamples only with method: 'bootstrap'
    nps([1], { interval: { method: 'wald', resamples: 500 } });
    // @ts-expect-error seed only with method: 'bootstrap'
    nps([1], { interval: { seed: 3 } });
    // @ts-expect-error not an NPS method
    nps([1], { interval: { method: 'wilson' } });
    csat([1], { interval: { method: 'clopper-pearson', level: 0.99 } });
    ces([1], { interval: { method: 'jeffreys' } });
    // @ts-expect-error not a proportion method
    csat([1], { interval: { method: 'adjusted-wald' } });
    loyaltyIndex([], { interval: { method: 't' } });
    // @ts-expect-error the loyalty index has only the t interval
    loyaltyIndex([], { interval: { method: 'wald' } });
    expectTypeOf<NpsOptions['interval']>().toEqualTypeOf<NpsIntervalOption | undefined>();
    expectTypeOf<CsatOptions['interval']>().toEqualTypeOf<IntervalOption<'wilson' | 'agresti-coull' | 'jeffreys' | 'clopper-pearson' | 'wald'> | undefined>();
    expectTypeOf<LoyaltyIndexOptions['interval']>().toEqualTypeOf<IntervalOption<'t'> | undefined>();
  });
  it('weights are arrays or typed arrays of numbers, for NPS, CSAT and CES only', () => {
    nps([1, 2], { weights: [1, 0.5] });
    nps(new Uint8Array(2), { weights: new Float64Array(2) });
    csat([1], { weights: new Float32Array(1) });
    ces([1], { weights: [2] });
    // @ts-expect-error weights are numbers
    nps([1], { weights: ['1'] });
    // @ts-expect-error the loyalty index takes no weights
    loyaltyIndex([], { weights: [1] });
  });
  it('weighted tallies carry their weight sums and still merge to their own type', () => {
    expectTypeOf<NpsCounts['weights']>().toEqualTypeOf<NpsWeights | undefined>();
    expectTypeOf<CsatCounts['weights']>().toEqualTypeOf<PointWeights | undefined>();
    expectTypeOf<NpsWeights['promoters']>().toEqualTypeOf<readonly number[]>();
    expectTypeOf(mergeCounts(csatCounts([1], { weights: [1] }), csatCounts([2]))).toEqualTypeOf<CsatCounts>();
    expectTypeOf(loyaltyIndexCounts([]).sumOfSquaredTotals).toEqualTypeOf<number>();
    npsFromCounts(npsCounts([1], { weights: [2] }), { interval: true });
  });
});
