import { defineConfig } from 'tsup';

/**
 * The package: ESM and CJS builds of `src/index.ts`, with their `.d.ts`.
 *
 * zod is bundled in: only the `zod/mini` code the schemas use goes in, so
 * Node loads one file instead of zod's hundreds of modules (its locales
 * among them). decimal.js stays a dependency.
 *
 * The ESM build is split so that an application's bundler can leave out
 * what it does not use (the package has `sideEffects: false`, so a chunk
 * none of whose exports is used is dropped whole): the module that imports
 * decimal.js, the error type, and validation (with zod's module-level code)
 * are entry points of their own, which puts each in a chunk of its own. A
 * program that imports `isMetricsError` then carries neither zod nor
 * decimal.js. The extra entries under `internal/` are not exported by the
 * package; the CJS build, for Node, is one file per entry. `cxmetrics/sql`
 * (`src/sql/index.ts`) is an entry of its own, so `import { nps } from
 * 'cxmetrics'` loads none of it.
 */
export default defineConfig([
  {
    entry: {
      index: 'src/index.ts',
      sql: 'src/sql/index.ts',
      'internal/decimal': 'src/core/exact/decimal.ts',
      'internal/errors': 'src/core/contract/errors.ts',
      'internal/validate': 'src/core/contract/validate.ts',
    },
    format: ['esm', 'cjs'],
    dts: { entry: { index: 'src/index.ts', sql: 'src/sql/index.ts' } },
    sourcemap: true,
    target: 'node20',
    noExternal: ['zod'],
    esbuildOptions(options, { format }) {
      if (format === 'cjs') options.entryPoints = { index: 'src/index.ts', sql: 'src/sql/index.ts' };
    },
  },
  // The command line: its own ESM build, so no chunk is shared with the
  // library's entry and `import { nps } from 'cxmetrics'` loads none of it.
  // echarts (the HTML report) and yaml (report configs) stay dependencies,
  // loaded only by the commands that need them.
  {
    entry: { cli: 'src/cli/bin.ts' },
    format: ['esm'],
    sourcemap: true,
    target: 'node20',
    noExternal: ['zod'],
    banner: { js: '#!/usr/bin/env node' },
  },
]);
