/**
 * The contract as fast-check properties, three per export: valid input
 * returns a valid result; hostile input (valid or edge input with values
 * inside it corrupted, or whole arguments replaced) throws a `MetricsError`
 * at an argument or returns a valid result; a value of the wrong kind at one
 * position, with neutral values elsewhere, is blamed on that position.
 */
import fc from 'fast-check';
import { describe, it } from 'vitest';
import { assertContract, blameCalls, CALLS_PER_EXPORT, Call, checkCall, derivedHostile, type ExportSpec, SHARES } from './contract.js';

function runs(share: number): number {
  return Math.max(5, Math.round(CALLS_PER_EXPORT * share));
}

/** Time for a property, shrinking included: generous, and growing with `FUZZ_RUNS`. */
function budgetMs(numRuns: number): number {
  return 30_000 + numRuns * 20;
}

function assertProperty(arbitrary: fc.Arbitrary<Call>, numRuns: number, check: (call: Call) => void): void {
  fc.assert(
    fc.property(arbitrary, (call) => check(call)),
    { numRuns, plugins: [fc.interruptAfterTimeLimit(budgetMs(numRuns))] },
  );
}

/** The contract properties of one export, as a `describe` block. */
export function describeContract(spec: ExportSpec): void {
  describe(spec.name, () => {
    const valid = runs(SHARES.valid);
    const hostile = runs(SHARES.hostile);
    const blame = runs(SHARES.blame);
    it(`returns a clean, frozen, JSON-safe result for valid input (${valid} calls)`, { timeout: budgetMs(valid) * 4 }, () => {
      assertProperty(
        spec.valid.map((args) => new Call(spec.name, args, [], 'valid')),
        valid,
        (call) => assertContract(spec, checkCall(spec, call.args, call.expectation)),
      );
    });
    it(`throws a MetricsError at an argument or returns a valid result for hostile input (${hostile} calls)`, { timeout: budgetMs(hostile) * 4 }, () => {
      assertProperty(derivedHostile(spec), hostile, (call) => assertContract(spec, checkCall(spec, call.args, call.expectation, call.blame)));
    });
    it(`blames the argument holding a value of the wrong kind (${blame} calls)`, { timeout: budgetMs(blame) * 4 }, () => {
      assertProperty(blameCalls(spec), blame, (call) => assertContract(spec, checkCall(spec, call.args, call.expectation, call.blame)));
    });
  });
}
