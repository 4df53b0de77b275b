/**
 * Each contract module loads on its own: what a module builds when it is
 * loaded (the registry's tables, the typed-array tag getter) is built without
 * throwing. The modules are imported inside the tests, so that a module that
 * throws while loading fails a test here rather than the loading of a file.
 */
import { describe, expect, it } from 'vitest';

describe('loading the contract modules', () => {
  it('builds the registry tables', async () => {
    const registry = await import('../../../src/core/contract/registry.js');
    expect(registry.METRIC_NAMES).toHaveLength(16);
    expect(registry.COMPARABLE_METRICS).toHaveLength(8);
    expect(registry.PLANNED_METRICS).toHaveLength(7);
  });

  it('finds the typed-array tag getter', async () => {
    const brands = await import('../../../src/core/contract/brands.js');
    expect(brands.typedArrayName(new Uint16Array(1))).toBe('Uint16Array');
  });
});
