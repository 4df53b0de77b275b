import { describe, expect, it, vi } from 'vitest';
import { expectMetricsError } from '../helpers/errors.js';

describe('mergeCounts on values that are not tallies', () => {
  it('refuses a number or a tally whose metric is an object, as a MetricsError', async () => {
    vi.resetModules();
    const { mergeCounts } = await import('../../src/index.js');
    expectMetricsError(() => mergeCounts(42 as never, { metric: 'nps' }), 'mergeCounts', ['a'], 'invalid-type');
    expectMetricsError(() => mergeCounts({ metric: Object.create(null) } as never, { metric: 'nps' }), 'mergeCounts', ['a', 'metric'], 'invalid-value');
  });
  it('merges tallies of a registry metric by its tally fields on a fresh load', async () => {
    vi.resetModules();
    const { mergeCounts } = await import('../../src/index.js');
    const tally = { metric: 'nps', promoters: 1, passives: 0, detractors: 0, excluded: 2 } as const;
    expect(mergeCounts(tally, tally)).toStrictEqual({ metric: 'nps', promoters: 2, passives: 0, detractors: 0, excluded: 4 });
    expectMetricsError(() => mergeCounts(tally, { ...tally, unknown: 1 } as never), 'mergeCounts', ['b', 'unknown'], 'unknown-key');
  });
});
