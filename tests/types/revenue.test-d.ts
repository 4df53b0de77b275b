import { describe, expectTypeOf, it } from 'vitest';
import type { Interval, IntervalOption } from '../../src/core/stats/interval-fields.js';
import type { ProportionMethod } from '../../src/core/stats/proportion-intervals.js';
import type { Warning } from '../../src/core/stats/warnings.js';
import {
  type ChurnToAnnualResult,
  type ChurnToMonthlyResult,
  type CustomerChurnOptions,
  type CustomerChurnResult,
  checkTargets,
  churnToAnnual,
  churnToMonthly,
  customerChurn,
  type ExpansionRevenueResult,
  expansionRevenue,
  type Money,
  type MrrChurnResult,
  type MrrCustomer,
  type MrrMovementName,
  type MrrMovements,
  mergeCounts,
  mrrChurn,
  mrrMovements,
  type NetMrrChurnResult,
  netMrrChurn,
  type RepurchaseRateCounts,
  type RepurchaseRateOptions,
  type RepurchaseRateResult,
  repurchaseRate,
  repurchaseRateCounts,
  repurchaseRateFromCounts,
  sourceTargets,
  type Target,
  type TargetCheck,
  type TargetStatus,
  type UpsellRatioCounts,
  type UpsellRatioOptions,
  type UpsellRatioResult,
  upsellRatio,
  upsellRatioCounts,
  upsellRatioFromCounts,
} from '../../src/index.js';

describe('money and movements', () => {
  it('takes amounts as numbers or decimal strings', () => {
    expectTypeOf<Money>().toEqualTypeOf<number | string>();
    expectTypeOf<MrrCustomer['startMrr']>().toEqualTypeOf<Money>();
    expectTypeOf<MrrCustomer['id']>().toEqualTypeOf<string | number>();
    expectTypeOf<MrrCustomer['churnedBefore']>().toEqualTypeOf<boolean | undefined>();
  });

  it('mrrMovements returns a mergeable tally with money as strings', () => {
    const m = mrrMovements([{ id: 'a', startMrr: '1.00', endMrr: 2 }]);
    expectTypeOf(m).toEqualTypeOf<MrrMovements>();
    expectTypeOf(m.startingMrr).toEqualTypeOf<string>();
    expectTypeOf(m.customers.reactivation).toEqualTypeOf<number>();
    expectTypeOf<MrrMovements['metric']>().toEqualTypeOf<'mrrMovements'>();
    expectTypeOf(mergeCounts(m, m)).toEqualTypeOf<MrrMovements>();
    // @ts-expect-error an id is required
    mrrMovements([{ startMrr: 1, endMrr: 1 }]);
    // @ts-expect-error amounts are numbers or strings
    mrrMovements([{ id: 1, startMrr: 1n, endMrr: 1 }]);
  });

  it('the tally feeds every revenue metric', () => {
    const m = mrrMovements([]);
    expectTypeOf(mrrChurn(m)).toEqualTypeOf<MrrChurnResult>();
    expectTypeOf(netMrrChurn(m)).toEqualTypeOf<NetMrrChurnResult>();
    expectTypeOf(expansionRevenue(m)).toEqualTypeOf<ExpansionRevenueResult>();
    expectTypeOf(customerChurn(m)).toEqualTypeOf<CustomerChurnResult>();
  });
});

describe('churn metrics', () => {
  it('mrrChurn and netMrrChurn', () => {
    const r = mrrChurn({ startingMrr: '100.00', churnedMrr: 5 }, { contraction: 'exclude', decimals: 2 });
    expectTypeOf(r.value).toEqualTypeOf<number | null>();
    expectTypeOf(r.includes).toEqualTypeOf<readonly MrrMovementName[]>();
    expectTypeOf(r.contractionMrr).toEqualTypeOf<string | null>();
    expectTypeOf<MrrChurnResult['unit']>().toEqualTypeOf<'percent'>();
    const n = netMrrChurn({ startingMrr: 1, churnedMrr: 0, expansionMrr: 0 }, { reactivation: 'exclude' });
    expectTypeOf(n.netRevenueRetention).toEqualTypeOf<number | null>();
    expectTypeOf(n.netLostMrr).toEqualTypeOf<string>();
    // @ts-expect-error netMrrChurn needs expansionMrr
    netMrrChurn({ startingMrr: 1, churnedMrr: 0 });
    // @ts-expect-error unknown option
    mrrChurn({ startingMrr: 1, churnedMrr: 0 }, { reactivation: 'exclude' });
    // @ts-expect-error expansionRevenue takes startingMrr
    expansionRevenue({ previousMrr: 1, expansionMrr: 0 });
  });

  it('customerChurn and the conversions', () => {
    expectTypeOf<CustomerChurnOptions['denominator']>().toEqualTypeOf<'start' | 'start-plus-added' | undefined>();
    expectTypeOf(customerChurn({ customersAtStart: 1, customersLost: 0 }).customersAdded).toEqualTypeOf<number | null>();
    expectTypeOf(churnToAnnual(5)).toEqualTypeOf<ChurnToAnnualResult>();
    expectTypeOf(churnToAnnual(5).value).toEqualTypeOf<number>();
    expectTypeOf(churnToMonthly(40).metric).toEqualTypeOf<'churnToMonthly'>();
    // @ts-expect-error percents are numbers
    churnToAnnual('5');
    // @ts-expect-error denominator is one of two names
    customerChurn({ customersAtStart: 1, customersLost: 0 }, { denominator: 'end' });
  });
});

describe('repurchase and upsell', () => {
  it('repurchaseRate takes arrays and typed arrays; unit follows the method', () => {
    expectTypeOf(repurchaseRate([1, 2])).toEqualTypeOf<RepurchaseRateResult>();
    expectTypeOf(repurchaseRate(new Uint8Array(2)).unit).toEqualTypeOf<'percent' | 'ratio'>();
    expectTypeOf(repurchaseRateCounts([1])).toEqualTypeOf<RepurchaseRateCounts>();
    expectTypeOf(mergeCounts(repurchaseRateCounts([1]), repurchaseRateCounts([2]))).toEqualTypeOf<RepurchaseRateCounts>();
    expectTypeOf(repurchaseRateFromCounts({ purchases: { 1: 2 } }, { method: 'repurchases' })).toEqualTypeOf<RepurchaseRateResult>();
    // @ts-expect-error method is one of two names
    repurchaseRate([1], { method: 'times' });
  });

  it('upsellRatio takes records or counts', () => {
    expectTypeOf(upsellRatio([{ upgraded: true }])).toEqualTypeOf<UpsellRatioResult>();
    expectTypeOf(upsellRatioCounts([{ upgraded: false }])).toEqualTypeOf<UpsellRatioCounts>();
    expectTypeOf(upsellRatioFromCounts({ upgraded: 1, notUpgraded: 2 }).upsellPercent).toEqualTypeOf<number | null>();
    expectTypeOf<UpsellRatioResult['unit']>().toEqualTypeOf<'ratio'>();
    expectTypeOf(upsellRatio({ upgraded: 1, notUpgraded: 2 })).toEqualTypeOf<UpsellRatioResult>();
    // @ts-expect-error both counts are required
    upsellRatio({ upgraded: 1 });
  });
});

describe('targets', () => {
  it('checks any results against typed targets', () => {
    expectTypeOf(sourceTargets.nps).toEqualTypeOf<Target>();
    expectTypeOf(sourceTargets).toExtend<Parameters<typeof checkTargets>[1]>();
    const checks = checkTargets([customerChurn({ customersAtStart: 1, customersLost: 0 }), repurchaseRate([1])]);
    expectTypeOf(checks).toEqualTypeOf<readonly TargetCheck[]>();
    expectTypeOf<TargetCheck['status']>().toEqualTypeOf<TargetStatus>();
    expectTypeOf<TargetCheck['met']>().toEqualTypeOf<boolean | null>();
    // @ts-expect-error a target needs a known comparison
    checkTargets([], { nps: { comparison: '=', threshold: 1, unit: 'points', source: '' } });
  });
});

describe('intervals and warnings', () => {
  it('every result ends with readonly warnings', () => {
    expectTypeOf<CustomerChurnResult['warnings']>().toEqualTypeOf<readonly Warning[]>();
    expectTypeOf<RepurchaseRateResult['warnings']>().toEqualTypeOf<readonly Warning[]>();
    expectTypeOf<UpsellRatioResult['warnings']>().toEqualTypeOf<readonly Warning[]>();
    expectTypeOf<MrrChurnResult['warnings']>().toEqualTypeOf<readonly Warning[]>();
    expectTypeOf<NetMrrChurnResult['warnings']>().toEqualTypeOf<readonly Warning[]>();
    expectTypeOf<ExpansionRevenueResult['warnings']>().toEqualTypeOf<readonly Warning[]>();
    expectTypeOf<ChurnToAnnualResult['warnings']>().toEqualTypeOf<readonly Warning[]>();
    expectTypeOf<ChurnToMonthlyResult['warnings']>().toEqualTypeOf<readonly Warning[]>();
    expectTypeOf<TargetCheck['warnings']>().toEqualTypeOf<readonly Warning[]>();
    expectTypeOf<Warning['code']>().toEqualTypeOf<'small-sample' | 'interval-clamped' | 'degenerate-wald'>();
  });

  it('the proportion rates take a proportion interval and may carry one', () => {
    expectTypeOf<CustomerChurnOptions['interval']>().toEqualTypeOf<IntervalOption<ProportionMethod> | undefined>();
    expectTypeOf<RepurchaseRateOptions['interval']>().toEqualTypeOf<IntervalOption<ProportionMethod> | undefined>();
    expectTypeOf<UpsellRatioOptions['interval']>().toEqualTypeOf<IntervalOption<ProportionMethod> | undefined>();
    expectTypeOf<CustomerChurnResult['interval']>().toEqualTypeOf<Interval | null | undefined>();
    expectTypeOf<RepurchaseRateResult['interval']>().toEqualTypeOf<Interval | null | undefined>();
    expectTypeOf<UpsellRatioResult['interval']>().toEqualTypeOf<Interval | null | undefined>();
    const c = customerChurn({ customersAtStart: 100, customersLost: 4 }, { interval: { level: 0.9, method: 'clopper-pearson' } });
    expectTypeOf(c).toEqualTypeOf<CustomerChurnResult>();
    expectTypeOf(repurchaseRate([1, 2], { interval: true })).toEqualTypeOf<RepurchaseRateResult>();
    expectTypeOf(upsellRatio({ upgraded: 1, notUpgraded: 3 }, { interval: { method: 'jeffreys' } })).toEqualTypeOf<UpsellRatioResult>();
    expectTypeOf(upsellRatioFromCounts({ upgraded: 1, notUpgraded: 3 }, { interval: false })).toEqualTypeOf<UpsellRatioResult>();
    // @ts-expect-error the proportion methods only
    customerChurn({ customersAtStart: 1, customersLost: 0 }, { interval: { method: 'adjusted-wald' } });
    // @ts-expect-error the level is a number
    upsellRatio({ upgraded: 1, notUpgraded: 3 }, { interval: { level: '95%' } });
    // @ts-expect-error no bootstrap fields
    repurchaseRate([1], { interval: { seed: 1 } });
  });

  it('the revenue figures of a whole base take no interval', () => {
    // @ts-expect-error a population figure has no interval option
    mrrChurn({ startingMrr: 1, churnedMrr: 0 }, { interval: true });
    // @ts-expect-error a population figure has no interval option
    netMrrChurn({ startingMrr: 1, churnedMrr: 0, expansionMrr: 0 }, { interval: true });
    // @ts-expect-error a population figure has no interval option
    expansionRevenue({ startingMrr: 1, expansionMrr: 0 }, { interval: true });
    // @ts-expect-error a conversion has no interval option
    churnToAnnual(5, { interval: true });
  });
});
