/**
 * The test configuration for mutation testing (`npm run mutation`): the unit,
 * property and contract tests, without the package tests in `tests/package/`
 * and the command-line tests that build the package or start a browser
 * (`tests/cli/command-line.test.ts`, the browser tests). Those take seconds
 * per mutant and run the built bundle, whose mutants Stryker does not see;
 * what the code computes is checked by the others.
 *
 * `MUTATION_TESTS` and `MUTATION_SKIP` (comma-separated globs) narrow the
 * tests to a subset, as `scripts/mutation-parts.ts` does for each part of
 * `src/`. A narrower set can only kill fewer mutants, so a score measured
 * with it is a lower bound.
 *
 * Stryker's instrumentation counts every pass through every mutant, which
 * makes the numeric loops up to a hundred times slower, so a test has
 * two minutes instead of five seconds. A mutant that loops forever is still
 * stopped by Stryker's own timeout, set from the time of the unmutated run.
 */
import { configDefaults, defineConfig, mergeConfig } from 'vitest/config';
import base from './vitest.config.js';

const subset = process.env.MUTATION_TESTS?.split(',').filter((glob) => glob !== '');
const skipped = process.env.MUTATION_SKIP?.split(',').filter((glob) => glob !== '') ?? [];

const config = mergeConfig(
  base,
  defineConfig({
    test: {
      exclude: [...configDefaults.exclude, 'tests/package/**', 'tests/cli/command-line.test.ts', 'tests/cli/**/*browser*.test.ts', ...skipped],
      testTimeout: 120_000,
    },
  }),
);
// mergeConfig concatenates arrays; a subset replaces the base list instead.
if (subset !== undefined && subset.length > 0 && config.test !== undefined) {
  config.test.include = subset;
}

export default config;
