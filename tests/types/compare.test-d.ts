import { describe, expectTypeOf, it } from 'vitest';
import {
  type ComparableMetric,
  type CompareMethod,
  type CompareResult,
  compare,
  csat,
  customerChurn,
  type Interval,
  loyaltyIndex,
  nps,
  type SampleSizeForResult,
  sampleSizeFor,
  type Warning,
} from '../../src/index.js';

describe('compare signatures', () => {
  it('takes results of the comparable metrics and returns CompareResult', () => {
    expectTypeOf(compare(nps([10]), nps([0]))).toEqualTypeOf<CompareResult>();
    expectTypeOf(compare(csat([5]), csat([1]), { on: 'mean', level: 0.9 })).toEqualTypeOf<CompareResult>();
    expectTypeOf(compare(loyaltyIndex([]), loyaltyIndex([]), { method: 'welch' })).toEqualTypeOf<CompareResult>();
    expectTypeOf(
      compare(customerChurn({ customersAtStart: 1, customersLost: 0 }), customerChurn({ customersAtStart: 1, customersLost: 1 })),
    ).toEqualTypeOf<CompareResult>();
  });
  it('has the documented fields', () => {
    expectTypeOf<CompareResult['metric']>().toEqualTypeOf<ComparableMetric>();
    expectTypeOf<CompareResult['unit']>().toEqualTypeOf<'points' | 'percent'>();
    expectTypeOf<CompareResult['difference']>().toEqualTypeOf<number | null>();
    expectTypeOf<CompareResult['interval']>().toEqualTypeOf<Interval | null>();
    expectTypeOf<CompareResult['significant']>().toEqualTypeOf<boolean | null>();
    expectTypeOf<CompareResult['method']>().toEqualTypeOf<CompareMethod>();
    expectTypeOf<CompareResult['warnings']>().toEqualTypeOf<readonly Warning[]>();
  });
  it('rejects what the options do not allow', () => {
    // @ts-expect-error not a test compare offers
    compare(nps([1]), nps([2]), { method: 'z' });
    // @ts-expect-error on takes 'percent' or 'mean'
    compare(csat([1]), csat([2]), { on: 'median' });
    // @ts-expect-error a level is a number
    compare(nps([1]), nps([2]), { level: '95%' });
    // @ts-expect-error a result has a metric
    compare({ value: 3 }, nps([2]));
  });
});

describe('sampleSizeFor signatures', () => {
  it('takes a plan and returns SampleSizeForResult', () => {
    expectTypeOf(sampleSizeFor({ metric: 'nps', marginOfError: 5 })).toEqualTypeOf<SampleSizeForResult>();
    expectTypeOf(sampleSizeFor({ metric: 'csat', marginOfError: 3, expected: 80, population: 2000, level: 0.9 }).value).toEqualTypeOf<number>();
    expectTypeOf<SampleSizeForResult['unit']>().toEqualTypeOf<'responses'>();
    expectTypeOf<SampleSizeForResult['population']>().toEqualTypeOf<number | null>();
  });
  it('rejects what the plan does not allow', () => {
    // @ts-expect-error the margin of error is required
    sampleSizeFor({ metric: 'nps' });
    // @ts-expect-error not a metric with a sample-size rule
    sampleSizeFor({ metric: 'timeToResolution', marginOfError: 5 });
  });
});
