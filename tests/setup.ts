/**
 * Every property test runs from one fixed seed, so a run is reproducible;
 * when a property fails, fast-check prints the seed and the path of the
 * counterexample. `FC_SEED=<integer> npm test` searches from another seed.
 */
import fc from 'fast-check';

const seed = Number(process.env.FC_SEED ?? 20_261_130);
if (!Number.isSafeInteger(seed)) throw new Error(`FC_SEED must be an integer, received ${process.env.FC_SEED}`);
fc.configureGlobal({ seed });
