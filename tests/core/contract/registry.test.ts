/**
 * The metric registry as a table: every entry, the reasons `compare` refuses,
 * the operations, the lists derived from it, and name checks by own keys.
 */
import { describe, expect, it } from 'vitest';
import {
  COMPARABLE_METRICS,
  isMetricName,
  isOperationName,
  METRIC_NAMES,
  METRICS,
  OPERATIONS,
  PLANNED_METRICS,
  TALLY_METRICS,
  unreachable,
} from '../../../src/core/contract/registry.js';

const POPULATION = 'is computed from the whole customer base, not from a sample: there is no sampling error to test, and the difference of the values is exact';

describe('METRICS', () => {
  it('holds every metric with its unit, interval family, compare plan, sample-size plan and tally', () => {
    expect(METRICS).toStrictEqual({
      nps: { unit: 'points', interval: 'nps', compare: 'nps', sampleSize: 'nps', tally: true },
      csat: { unit: 'percent', interval: 'point-scale', compare: 'point-scale', sampleSize: 'proportion', tally: true },
      ces: { unit: 'percent', interval: 'point-scale', compare: 'point-scale', sampleSize: 'proportion', tally: true },
      loyaltyIndex: { unit: 'points', interval: 'mean', compare: 'mean', sampleSize: null, tally: true },
      firstContactResolution: { unit: 'percent', interval: 'proportion', compare: 'proportion', sampleSize: 'proportion', tally: true },
      timeToResolution: {
        unit: 'milliseconds',
        interval: 'median',
        compare: { reason: 'timeToResolution results cannot be compared: durations are skewed and censored, and no test of medians is provided' },
        sampleSize: null,
        tally: true,
      },
      firstResponseTime: {
        unit: 'milliseconds',
        interval: 'median',
        compare: { reason: 'firstResponseTime results cannot be compared: durations are skewed and censored, and no test of medians is provided' },
        sampleSize: null,
        tally: true,
      },
      customerChurn: { unit: 'percent', interval: 'proportion', compare: 'proportion', sampleSize: 'proportion', tally: false },
      churnToAnnual: {
        unit: 'percent',
        interval: 'none',
        compare: { reason: 'churnToAnnual converts a given rate and keeps no counts to test: compare the customerChurn results it came from' },
        sampleSize: null,
        tally: false,
      },
      churnToMonthly: {
        unit: 'percent',
        interval: 'none',
        compare: { reason: 'churnToMonthly converts a given rate and keeps no counts to test: compare the customerChurn results it came from' },
        sampleSize: null,
        tally: false,
      },
      mrrChurn: { unit: 'percent', interval: 'none', compare: { reason: `mrrChurn ${POPULATION}` }, sampleSize: null, tally: false },
      netMrrChurn: { unit: 'percent', interval: 'none', compare: { reason: `netMrrChurn ${POPULATION}` }, sampleSize: null, tally: false },
      expansionRevenue: { unit: 'percent', interval: 'none', compare: { reason: `expansionRevenue ${POPULATION}` }, sampleSize: null, tally: false },
      mrrMovements: {
        unit: null,
        interval: 'none',
        compare: { reason: 'mrrMovements is a tally of revenue movements, not an estimate' },
        sampleSize: null,
        tally: false,
      },
      repurchaseRate: { unit: ['percent', 'ratio'], interval: 'proportion', compare: 'proportion', sampleSize: 'proportion', tally: true },
      upsellRatio: { unit: 'ratio', interval: 'proportion', compare: 'proportion', sampleSize: 'proportion', tally: true },
    });
  });

  it('is frozen all the way down', () => {
    expect(Object.isFrozen(METRICS)).toBe(true);
    expect(Object.isFrozen(METRICS.timeToResolution.compare)).toBe(true);
    expect(Object.isFrozen(METRICS.repurchaseRate.unit)).toBe(true);
  });
});

describe('OPERATIONS', () => {
  it('gives each operation the reason compare refuses its results', () => {
    expect(OPERATIONS).toStrictEqual({
      compare: 'a comparison is not an estimate: compare the results it came from',
      sampleSizeFor: 'a sample size is a plan, not an estimate',
      checkTargets: 'a target check is not an estimate',
      sourceTargets: 'a target is not an estimate',
      mergeCounts: 'a tally is not a result: compute the result with the metric\u2019s ...FromCounts first',
      segment: 'a segment table is not one result: compare its rows\u2019 results, or use changes',
      segmentCounts: 'a table of tallies is not a result: compute it with segmentFromCounts first',
      segmentFromCounts: 'a segment table is not one result: compare its rows\u2019 results, or use changes',
      changes: 'a table of changes holds comparisons already',
      trend: 'a trend is a test already, not an estimate to compare',
      mrrSeries: 'an MRR series is not an estimate',
      mrrSeriesCounts: 'a table of tallies is not a result',
      mrrSeriesFromCounts: 'an MRR series is not an estimate',
      cohorts: 'a cohort table is not one result',
      mrrFromInvoices: 'a change log is data, not a result',
      tallyQuery: 'a query is not a result',
      tallyFromRows: 'a table of tallies is not a result: compute it with segmentFromCounts first',
      runQuery: 'a table of tallies is not a result: compute it with segmentFromCounts first',
      mrrSeriesQuery: 'a query is not a result',
      mrrSeriesFromRows: 'a table of tallies is not a result: compute it with mrrSeriesFromCounts first',
      runMrrSeriesQuery: 'a table of tallies is not a result: compute it with mrrSeriesFromCounts first',
    });
    expect(Object.keys(OPERATIONS)).toStrictEqual([
      'compare',
      'sampleSizeFor',
      'checkTargets',
      'sourceTargets',
      'mergeCounts',
      'segment',
      'segmentCounts',
      'segmentFromCounts',
      'changes',
      'trend',
      'mrrSeries',
      'mrrSeriesCounts',
      'mrrSeriesFromCounts',
      'cohorts',
      'mrrFromInvoices',
      'tallyQuery',
      'tallyFromRows',
      'runQuery',
      'mrrSeriesQuery',
      'mrrSeriesFromRows',
      'runMrrSeriesQuery',
    ]);
    expect(Object.isFrozen(OPERATIONS)).toBe(true);
  });
});

describe('the lists derived from the table', () => {
  it('lists the metric names in table order', () => {
    expect(METRIC_NAMES).toStrictEqual([
      'nps',
      'csat',
      'ces',
      'loyaltyIndex',
      'firstContactResolution',
      'timeToResolution',
      'firstResponseTime',
      'customerChurn',
      'churnToAnnual',
      'churnToMonthly',
      'mrrChurn',
      'netMrrChurn',
      'expansionRevenue',
      'mrrMovements',
      'repurchaseRate',
      'upsellRatio',
    ]);
  });

  it('lists the comparable, tallying and planned metrics in table order', () => {
    expect(COMPARABLE_METRICS).toStrictEqual([
      'nps',
      'csat',
      'ces',
      'loyaltyIndex',
      'firstContactResolution',
      'customerChurn',
      'repurchaseRate',
      'upsellRatio',
    ]);
    expect(TALLY_METRICS).toStrictEqual([
      'nps',
      'csat',
      'ces',
      'loyaltyIndex',
      'firstContactResolution',
      'timeToResolution',
      'firstResponseTime',
      'repurchaseRate',
      'upsellRatio',
    ]);
    expect(PLANNED_METRICS).toStrictEqual(['nps', 'csat', 'ces', 'firstContactResolution', 'customerChurn', 'repurchaseRate', 'upsellRatio']);
  });
});

describe('isMetricName and isOperationName', () => {
  const inherited = ['toString', 'constructor', 'hasOwnProperty', 'valueOf', '__proto__'];

  it('take the names of the table', () => {
    for (const name of METRIC_NAMES) expect(isMetricName(name)).toBe(true);
    for (const name of Object.keys(OPERATIONS)) expect(isOperationName(name)).toBe(true);
  });

  it('refuse names an object inherits', () => {
    for (const name of inherited) {
      expect(isMetricName(name)).toBe(false);
      expect(isOperationName(name)).toBe(false);
    }
  });

  it('refuse the names of the other table', () => {
    expect(isMetricName('compare')).toBe(false);
    expect(isOperationName('nps')).toBe(false);
  });

  it('refuse values that are not strings, even ones that convert to a name', () => {
    expect(isMetricName(['nps'])).toBe(false);
    expect(isMetricName({ toString: () => 'nps' })).toBe(false);
    expect(isOperationName(['compare'])).toBe(false);
    expect(isOperationName({ toString: () => 'compare' })).toBe(false);
    expect(isMetricName(undefined)).toBe(false);
  });
});

describe('unreachable', () => {
  it('throws a TypeError naming the case it was given', () => {
    expect(() => unreachable('median' as never)).toThrow(new TypeError('unreachable: unhandled case "median"'));
    expect(() => unreachable({ kind: 1 } as never)).toThrow('unreachable: unhandled case {"kind":1}');
  });
});
