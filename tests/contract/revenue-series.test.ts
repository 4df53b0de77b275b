/**
 * The contract fuzz suite, revenue series functions: `mrrSeries`,
 * `mrrSeriesCounts`, `mrrSeriesFromCounts`, `cohorts` and `mrrFromInvoices`,
 * and `mergeCounts` on tables of MRR movement tallies. The contract is
 * described in contract.ts. `FUZZ_RUNS` sets the generated calls per export
 * (1,500 by default); `FUZZ_RUNS=100000 npx vitest run tests/contract`
 * searches longer.
 */
import { describe } from 'vitest';
import { describeContract } from './properties.js';
import { mergeSeriesCountsSpec, revenueSeriesSpecs } from './specs/revenue-series.js';

describe('contract: revenue series functions', () => {
  for (const spec of revenueSeriesSpecs) describeContract(spec);
});

describe('contract: mergeCounts on tables of MRR movement tallies', () => {
  describeContract(mergeSeriesCountsSpec);
});
