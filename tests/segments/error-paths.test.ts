import { describe, expect, it } from 'vitest';
import { changes, mergeCounts, segment, segmentCounts, trend } from '../../src/index.js';
import { expectMetricsError } from '../helpers/errors.js';

const answers = [
  { score: 10, region: 'EU', at: '2025-01-10T10:00:00Z' },
  { score: 3, region: 'EU', at: '2025-02-10T10:00:00Z' },
  { score: 9, region: 'EU', at: '2025-03-10T10:00:00Z' },
  { score: 7, region: 'EU', at: '2025-04-10T10:00:00Z' },
];
const spec = { metric: 'nps', value: 'score', by: 'region', period: { field: 'at', unit: 'month', timeZone: 'UTC' } } as const;

describe('where errors on tables point', () => {
  it('a merge past 2^53 names the cell of the second table and its field', () => {
    const big = segmentCounts([{ score: 10, region: 'EU' }], { metric: 'nps', value: 'score', by: 'region' });
    const json = JSON.parse(JSON.stringify(big));
    json.cells[0].counts.promoters = Number.MAX_SAFE_INTEGER;
    expectMetricsError(() => mergeCounts(big, json), 'mergeCounts', ['b', 'cells', 0, 'counts', 'promoters'], 'out-of-range');
  });
  it('options of a table that its metric refuses are named once, at the table, by changes and by trend', () => {
    const table = JSON.parse(JSON.stringify(segment(answers, spec)));
    table.options = { interval: 'wide' };
    expectMetricsError(() => changes(table), 'changes', ['table', 'options', 'interval'], 'invalid-value');
    expectMetricsError(() => trend(table), 'trend', ['table', 'options', 'interval'], 'invalid-value');
  });
  it('a table read back is unchanged by the checks', () => {
    const table = segment(answers, spec);
    expect(changes(table).rows).toHaveLength(4);
  });
});
