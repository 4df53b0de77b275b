/**
 * Pins the public API: the runtime exports of the entry point. A change here
 * is a change to the package's contract and belongs in the changelog.
 */
import { describe, expect, it } from 'vitest';
import * as api from '../src/index.js';

describe('public API', () => {
  it('exports exactly these values', () => {
    expect(Object.keys(api).sort()).toStrictEqual(
      [
        'METRICS',
        'MetricsError',
        'OPERATIONS',
        'PROPORTION_METHODS',
        'ces',
        'cesCounts',
        'cesFromCounts',
        'checkTargets',
        'churnToAnnual',
        'churnToMonthly',
        'compare',
        'csat',
        'csatCounts',
        'csatFromCounts',
        'customerChurn',
        'expansionRevenue',
        'firstContactResolution',
        'firstContactResolutionCounts',
        'firstContactResolutionFromCounts',
        'firstResponseTime',
        'firstResponseTimeCounts',
        'firstResponseTimeFromCounts',
        'isMetricsError',
        'loyaltyIndex',
        'loyaltyIndexCounts',
        'loyaltyIndexFromCounts',
        'mergeCounts',
        'mrrChurn',
        'mrrMovements',
        'netMrrChurn',
        'nps',
        'npsCounts',
        'npsFromCounts',
        'repurchaseRate',
        'repurchaseRateCounts',
        'repurchaseRateFromCounts',
        'sampleSizeFor',
        'sourceTargets',
        'timeToResolution',
        'timeToResolutionCounts',
        'timeToResolutionFromCounts',
        'upsellRatio',
        'upsellRatioCounts',
        'upsellRatioFromCounts',
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
      ].sort(),
    );
  });
  it('exports functions, one error class and frozen data, nothing mutable', () => {
    for (const [name, value] of Object.entries(api)) {
      if (typeof value === 'function') continue;
      expect(['METRICS', 'OPERATIONS', 'PROPORTION_METHODS', 'sourceTargets']).toContain(name);
      expect(Object.isFrozen(value), name).toBe(true);
      for (const entry of Object.values(value as object)) expect(Object.isFrozen(entry), name).toBe(true);
    }
  });
});
