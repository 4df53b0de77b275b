/**
 * The contract fuzz suite, survey metrics: NPS, CSAT, CES and the loyalty
 * index, each raw, as a tally and from a tally. The contract is described in
 * contract.ts. `FUZZ_RUNS` sets the generated calls per export (1,500 by
 * default); `FUZZ_RUNS=100000 npx vitest run tests/contract` searches longer.
 */
import { describe } from 'vitest';
import { describeContract } from './properties.js';
import { surveySpecs } from './specs/survey.js';

describe('contract: survey metrics', () => {
  for (const spec of surveySpecs) describeContract(spec);
});
