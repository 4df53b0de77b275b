import { describe, expectTypeOf, it } from 'vitest';
import type { Interval, IntervalOption } from '../../src/core/stats/interval-fields.js';
import type { ProportionMethod } from '../../src/core/stats/proportion-intervals.js';
import type { Warning } from '../../src/core/stats/warnings.js';
import {
  type ChurnToAnnualResult,
  type ChurnToMonthlyResult,
  type CohortCell,
  type CohortMeasure,
  type CohortRow,
  type CohortsOptions,
  type CohortTable,
  type CustomerChurnOptions,
  type CustomerChurnResult,
  checkTargets,
  churnToAnnual,
  churnToMonthly,
  cohorts,
  customerChurn,
  type ExpansionRevenueResult,
  expansionRevenue,
  type InvoiceLineFields,
  type InvoiceMrrChange,
  type Money,
  type MrrChurnResult,
  type MrrCustomer,
  type MrrFromInvoicesOptions,
  type MrrMovementName,
  type MrrMovements,
  type MrrPeriodSpec,
  type MrrSeries,
  type MrrSeriesCounts,
  type MrrSeriesCountsCell,
  type MrrSeriesCustomerCounts,
  type MrrSeriesFromCountsOptions,
  type MrrSeriesOptions,
  type MrrSeriesRateOptions,
  type MrrSeriesRow,
  type MrrSeriesRowCustomers,
  type MrrSeriesTally,
  mergeCounts,
  mrrChurn,
  mrrFromInvoices,
  mrrMovements,
  mrrSeries,
  mrrSeriesCounts,
  mrrSeriesFromCounts,
  type NetMrrChurnResult,
  netMrrChurn,
  type ReactivationRule,
  type RepurchaseRateCounts,
  type RepurchaseRateOptions,
  type RepurchaseRateResult,
  repurchaseRate,
  repurchaseRateCounts,
  repurchaseRateFromCounts,
  type SegmentPeriod,
  type ServiceMonths,
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

describe('revenue series, cohorts and invoices', () => {
  const log = [{ customerId: 'a', at: '2025-01-10T09:00:00Z', mrr: '10.00', plan: 'pro' }];
  const period = { unit: 'month', timeZone: 'UTC' } as const;

  it('mrrSeries returns typed rows and takes typed options', () => {
    const s = mrrSeries(log, { period, by: 'plan', joinedAndLeft: 'count', reactivation: { within: 2 }, rates: { contraction: 'exclude', decimals: 1 } });
    expectTypeOf(s).toEqualTypeOf<MrrSeries>();
    expectTypeOf(s.rows).toEqualTypeOf<readonly MrrSeriesRow[]>();
    expectTypeOf(s.rows[0]!.startingMrr).toEqualTypeOf<string>();
    expectTypeOf(s.rows[0]!.customers).toEqualTypeOf<MrrSeriesRowCustomers>();
    expectTypeOf(s.rows[0]!.movements).toEqualTypeOf<MrrMovements>();
    expectTypeOf(s.rows[0]!.customerChurn).toEqualTypeOf<number | null>();
    expectTypeOf(s.rows[0]!.netRevenueRetention).toEqualTypeOf<number | null>();
    expectTypeOf(s.rows[0]!.flags).toEqualTypeOf<readonly 'incomplete-period'[]>();
    expectTypeOf(s.rows[0]!.period).toEqualTypeOf<SegmentPeriod>();
    expectTypeOf(s.through).toEqualTypeOf<string | null>();
    expectTypeOf(s.reactivation).toEqualTypeOf<ReactivationRule>();
    expectTypeOf<MrrSeries['kind']>().toEqualTypeOf<'mrrSeries'>();
    expectTypeOf<MrrSeriesOptions['joinedAndLeft']>().toEqualTypeOf<'exclude' | 'count' | undefined>();
    expectTypeOf<ReactivationRule>().toEqualTypeOf<'always' | { readonly within: number }>();
    expectTypeOf<MrrPeriodSpec['unit']>().toEqualTypeOf<'day' | 'week' | 'month' | 'quarter' | 'year'>();
    expectTypeOf(mrrSeries(log, { period, fields: { customerId: 'id' }, asOf: Date.now(), missingKey: '(none)' })).toEqualTypeOf<MrrSeries>();
    // @ts-expect-error period is required
    mrrSeries(log, {});
    // @ts-expect-error an unknown unit
    mrrSeries(log, { period: { unit: 'decade', timeZone: 'UTC' } });
    // @ts-expect-error the time zone is required
    mrrSeries(log, { period: { unit: 'month' } });
    // @ts-expect-error joinedAndLeft is one of two names
    mrrSeries(log, { period, joinedAndLeft: 'sometimes' });
    // @ts-expect-error within is a number of periods
    mrrSeries(log, { period, reactivation: { within: '2' } });
    // @ts-expect-error a denominator name
    mrrSeries(log, { period, rates: { denominator: 'end' } });
    // @ts-expect-error the log is a list of records
    mrrSeries('log', { period });
  });

  it('tables of movement tallies merge and compute', () => {
    const c = mrrSeriesCounts(log, { period, asOf: new Date() });
    expectTypeOf(c).toEqualTypeOf<MrrSeriesCounts>();
    expectTypeOf(c.cells[0]!).toEqualTypeOf<MrrSeriesCountsCell>();
    expectTypeOf(c.cells[0]!.counts).toEqualTypeOf<MrrSeriesTally>();
    expectTypeOf(c.cells[0]!.counts.customers).toEqualTypeOf<MrrSeriesCustomerCounts>();
    expectTypeOf<MrrSeriesCounts['kind']>().toEqualTypeOf<'mrrSeriesCounts'>();
    expectTypeOf(mergeCounts(c, c)).toEqualTypeOf<MrrSeriesCounts>();
    expectTypeOf(mrrSeriesFromCounts(c)).toEqualTypeOf<MrrSeries>();
    expectTypeOf(mrrSeriesFromCounts(c, { rates: { reactivation: 'exclude' } })).toEqualTypeOf<MrrSeries>();
    expectTypeOf<MrrSeriesFromCountsOptions['rates']>().toEqualTypeOf<MrrSeriesRateOptions | undefined>();
    // @ts-expect-error the tallies take no rates
    mrrSeriesCounts(log, { period, rates: {} });
    // @ts-expect-error mrrSeriesFromCounts takes only the rates
    mrrSeriesFromCounts(c, { period });
    // @ts-expect-error a table, not one cell's tally
    mrrSeriesFromCounts(c.cells[0]!.counts);
  });

  it('cohorts returns typed cells', () => {
    const t = cohorts(log, { period, measure: 'active', horizon: 3, interval: { level: 0.9, method: 'jeffreys' }, decimals: 1 });
    expectTypeOf(t).toEqualTypeOf<CohortTable>();
    expectTypeOf(t.rows[0]!).toEqualTypeOf<CohortRow>();
    expectTypeOf(t.rows[0]!.cells[0]!).toEqualTypeOf<CohortCell>();
    expectTypeOf(t.rows[0]!.cells[0]!.interval).toEqualTypeOf<Interval | null | undefined>();
    expectTypeOf(t.rows[0]!.cells[0]!.netRevenueRetention).toEqualTypeOf<number | null>();
    expectTypeOf(t.rows[0]!.cells[0]!.percent).toEqualTypeOf<number>();
    expectTypeOf(t.rows[0]!.cells[0]!.mrr).toEqualTypeOf<string>();
    expectTypeOf(t.rows[0]!.cells[0]!.warnings).toEqualTypeOf<readonly Warning[]>();
    expectTypeOf<CohortMeasure>().toEqualTypeOf<'end' | 'active'>();
    expectTypeOf<CohortsOptions['interval']>().toEqualTypeOf<IntervalOption<ProportionMethod> | undefined>();
    // @ts-expect-error a measure name
    cohorts(log, { period, measure: 'start' });
    // @ts-expect-error the horizon is a number
    cohorts(log, { period, horizon: '3' });
    // @ts-expect-error cohorts have no rates
    cohorts(log, { period, rates: {} });
    // @ts-expect-error the proportion methods only
    cohorts(log, { period, interval: { method: 't' } });
  });

  it('mrrFromInvoices returns a change log the series read', () => {
    const lines = [{ customerId: 'a', amount: '12.00', servicePeriodStart: '2025-01-01', servicePeriodEnd: '2025-02-01', plan: 'pro' }];
    const changes = mrrFromInvoices(lines, { timeZone: 'UTC', attributes: ['plan'], months: 'mean-month', decimals: 0 });
    expectTypeOf(changes).toEqualTypeOf<readonly InvoiceMrrChange[]>();
    expectTypeOf(changes[0]!.mrr).toEqualTypeOf<string>();
    expectTypeOf(changes[0]!.at).toEqualTypeOf<string>();
    expectTypeOf(changes[0]!.customerId).toEqualTypeOf<string | number>();
    expectTypeOf<ServiceMonths>().toEqualTypeOf<'calendar' | 'mean-month'>();
    expectTypeOf<MrrFromInvoicesOptions['fields']>().toEqualTypeOf<InvoiceLineFields | undefined>();
    expectTypeOf(mrrSeries(changes, { period })).toEqualTypeOf<MrrSeries>();
    expectTypeOf(cohorts(changes, { period })).toEqualTypeOf<CohortTable>();
    // @ts-expect-error the time zone is required
    mrrFromInvoices(lines, {});
    // @ts-expect-error a months name
    mrrFromInvoices(lines, { timeZone: 'UTC', months: 'days' });
    // @ts-expect-error attributes are a list of names
    mrrFromInvoices(lines, { timeZone: 'UTC', attributes: 'plan' });
  });
});
