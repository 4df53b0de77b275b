/**
 * The contract fuzz suite, support metrics: first contact resolution and
 * time to resolution, each raw, as a tally and from a tally. The contract is
 * described in contract.ts. `FUZZ_RUNS` sets the generated calls per export
 * (1,500 by default); `FUZZ_RUNS=100000 npx vitest run tests/contract`
 * searches longer.
 */
import { describe } from 'vitest';
import { describeContract } from './properties.js';
import { supportSpecs } from './specs/support.js';

describe('contract: support metrics', () => {
  for (const spec of supportSpecs) describeContract(spec);
});
