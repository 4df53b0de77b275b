import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    setupFiles: ['tests/setup.ts'],
    typecheck: {
      include: ['tests/types/**/*.test-d.ts'],
      tsconfig: './tsconfig.json',
    },
    // Applies when run with --coverage (npm test does); the thresholds fail the run.
    coverage: {
      provider: 'v8',
      include: ['src/**/*.ts'],
      reporter: ['text-summary', 'json-summary'],
      reportsDirectory: 'coverage',
      thresholds: { lines: 95, branches: 90 },
    },
  },
});
