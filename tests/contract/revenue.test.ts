/**
 * The contract fuzz suite, retention and revenue metrics. The contract is
 * described in contract.ts. `FUZZ_RUNS` sets the generated calls per export
 * (1,500 by default); `FUZZ_RUNS=100000 npx vitest run tests/contract`
 * searches longer.
 */
import { describe } from 'vitest';
import { describeContract } from './properties.js';
import { revenueSpecs } from './specs/revenue.js';

describe('contract: retention and revenue metrics', () => {
  for (const spec of revenueSpecs) describeContract(spec);
});
