/**
 * The contract fuzz suite, operations: `compare`, `sampleSizeFor`,
 * `checkTargets`, `mergeCounts` and `isMetricsError`; and the coverage of
 * the suite itself: every runtime export of the entry point has a spec, and
 * every exported table is deeply frozen. The contract is described in
 * contract.ts. `FUZZ_RUNS` sets the generated calls per export (1,500 by
 * default); `FUZZ_RUNS=100000 npx vitest run tests/contract` searches longer.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import * as api from '../../src/index.js';
import { isMetricsError, MetricsError, nps } from '../../src/index.js';
import { ALL_HOSTILE, hostileFrom } from '../helpers/hostile.js';
import { assertContract, CALLS_PER_EXPORT, Call, checkCall, type ExportSpec, viaArgs } from './contract.js';
import { describeContract } from './properties.js';
import { operationSpecs } from './specs/operations.js';
import { revenueSpecs } from './specs/revenue.js';
import { revenueSeriesSpecs } from './specs/revenue-series.js';
import { segmentSpecs } from './specs/segments.js';
import { supportSpecs } from './specs/support.js';
import { surveySpecs } from './specs/survey.js';

describe('contract: operations', () => {
  for (const spec of operationSpecs) describeContract(spec);
});

/** A real MetricsError, caught. */
function caught(): unknown {
  try {
    nps([11]);
  } catch (e) {
    return e;
  }
  return null;
}

const isMetricsErrorSpec: ExportSpec = {
  name: 'isMetricsError',
  call: viaArgs(isMetricsError),
  params: ['error'],
  kinds: ['options'],
  metric: 'isMetricsError',
  neutral: () => [new Error('x')],
  valid: fc.oneof(
    hostileFrom(ALL_HOSTILE).map((x) => [x.value]),
    fc.constant(null).map(() => [caught()]),
    fc.constant(null).map(() => [new Error('x')]),
  ),
  checkResult: (result, args) => {
    if (typeof result !== 'boolean') return `expected a boolean, received ${typeof result}`;
    if (args[0] instanceof MetricsError && !result) return 'a MetricsError was not recognised';
    if ((typeof args[0] !== 'object' || args[0] === null || args[0] instanceof Error) && !(args[0] instanceof MetricsError) && result)
      return 'a value that is no MetricsError was taken for one';
    return null;
  },
};

describe('contract: isMetricsError', () => {
  it('answers a boolean for any value, never throws, changes nothing', () => {
    fc.assert(
      fc.property(
        isMetricsErrorSpec.valid.map((args) => new Call('isMetricsError', args, [], 'valid')),
        (call) => assertContract(isMetricsErrorSpec, checkCall(isMetricsErrorSpec, call.args, 'valid')),
      ),
      { numRuns: Math.max(50, Math.round(CALLS_PER_EXPORT / 5)) },
    );
  });
});

describe('contract: the suite covers the whole entry point', () => {
  const specs = [...surveySpecs, ...supportSpecs, ...revenueSpecs, ...operationSpecs, ...segmentSpecs, ...revenueSeriesSpecs];

  it('has a spec for every exported function', () => {
    const functions = Object.entries(api)
      .filter(([, v]) => typeof v === 'function')
      .map(([k]) => k)
      .filter((k) => k !== 'MetricsError' && k !== 'isMetricsError');
    expect(specs.map((s) => s.name).sort()).toStrictEqual(functions.sort());
  });

  it('names the arguments of each spec as the function declares them', () => {
    for (const spec of specs) {
      const f = (api as Record<string, unknown>)[spec.name] as (...args: unknown[]) => unknown;
      expect(spec.params.length, spec.name).toBeGreaterThanOrEqual(f.length);
      expect(spec.kinds.length, spec.name).toBe(spec.params.length);
    }
  });

  it('exports deeply frozen tables', () => {
    for (const [name, value] of Object.entries(api)) {
      if (typeof value === 'function') continue;
      const stack: [unknown, string][] = [[value, name]];
      while (stack.length > 0) {
        const [v, path] = stack.pop()!;
        if (typeof v !== 'object' || v === null) continue;
        expect(Object.isFrozen(v), `${path} is frozen`).toBe(true);
        for (const [k, child] of Object.entries(v)) stack.push([child, `${path}.${k}`]);
      }
    }
  });
});
