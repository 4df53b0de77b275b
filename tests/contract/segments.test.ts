/**
 * The contract fuzz suite, segment functions: `segment`, `segmentCounts`,
 * `segmentFromCounts`, `changes` and `trend`. The contract is described in
 * contract.ts. `FUZZ_RUNS` sets the generated calls per export (1,500 by
 * default); `FUZZ_RUNS=100000 npx vitest run tests/contract` searches longer.
 */
import { describe } from 'vitest';
import { describeContract } from './properties.js';
import { segmentSpecs } from './specs/segments.js';

describe('contract: segment functions', () => {
  for (const spec of segmentSpecs) describeContract(spec);
});
