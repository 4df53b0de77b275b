/**
 * segment, segmentCounts and segmentFromCounts: worked examples, every
 * option, and errors at the record and field.
 */
import { describe, expect, it } from 'vitest';
import {
  firstContactResolution,
  firstResponseTime,
  loyaltyIndex,
  mergeCounts,
  nps,
  npsCounts,
  repurchaseRate,
  segment,
  segmentCounts,
  segmentFromCounts,
  timeToResolution,
  upsellRatio,
} from '../../src/index.js';
import { expectMetricsError as expectError } from '../helpers/errors.js';

/** Expects a MetricsError at `path` (of `metric`, default the call's operation, with `code` when given). */
function expectMetricsError(fn: () => unknown, e: { metric?: string; code?: string; path: (string | number)[] }): void {
  let metric = e.metric;
  if (metric === undefined) {
    try {
      fn();
    } catch (error) {
      metric = (error as { metric?: string }).metric;
    }
  }
  expectError(fn, metric ?? 'segment', e.path, e.code);
}

const berlin = { field: 'answeredAt', unit: 'month', timeZone: 'Europe/Berlin' } as const;
const responses = [
  { score: 10, region: 'EU', plan: 'pro', answeredAt: '2024-03-31T21:30:00Z' },
  { score: 6, region: 'EU', plan: 'pro', answeredAt: '2024-03-31T22:30:00Z' },
  { score: 9, region: 'US', plan: 'free', answeredAt: '2024-03-15T12:00:00Z' },
  { score: 8, region: 'US', plan: 'pro', answeredAt: Date.parse('2024-05-15T12:00:00Z') },
  { score: 3, region: 'EU', plan: 'free', answeredAt: new Date('2024-05-02T08:00:00Z') },
];

const summary = (t: { rows: readonly { key: object; period: { label: string } | null; result: { value: number | null }; flags: readonly string[] }[] }) =>
  t.rows.map((r) => [Object.values(r.key).join('/'), r.period?.label ?? '*', r.result.value, r.flags.join(',')]);

describe('segment', () => {
  it('tallies each segment and month, with periods in the zone and the empty months between filled in', () => {
    const t = segment(responses, { metric: 'nps', value: 'score', by: 'region', period: berlin });
    expect(summary(t)).toEqual([
      ['EU', '2024-03', 100, ''],
      ['EU', '2024-04', -100, ''],
      ['EU', '2024-05', -100, ''],
      ['US', '2024-03', 100, ''],
      ['US', '2024-04', null, 'no-records'],
      ['US', '2024-05', 0, ''],
    ]);
    expect(t.rows[0]!.period).toEqual({ label: '2024-03', start: '2024-03-01T00:00:00+01:00', end: '2024-04-01T00:00:00+02:00', complete: true });
    expect(t.kind).toBe('segmentTable');
    expect(t.period).toEqual({ field: 'answeredAt', unit: 'month', timeZone: 'Europe/Berlin', weekStart: 'mon', yearStart: 1 });
    expect(Object.isFrozen(t.rows[0]!.result)).toBe(true);
    expect(JSON.parse(JSON.stringify(t))).toEqual(t);
  });

  it('gives each cell exactly the metric on its records', () => {
    const t = segment(responses, { metric: 'nps', value: 'score', by: ['region', 'plan'], options: { interval: true } });
    for (const row of t.rows) {
      const scores = responses.filter((r) => r.region === row.key.region && r.plan === row.key.plan).map((r) => r.score);
      expect(row.result).toEqual(nps(scores, { interval: true }));
      expect(row.counts).toEqual(npsCounts(scores));
    }
  });

  it('leaves the gaps out with fill: false', () => {
    const t = segment(responses, { metric: 'nps', value: 'score', by: 'region', period: berlin, fill: false });
    expect(t.rows.map((r) => r.period!.label)).toEqual(['2024-03', '2024-04', '2024-05', '2024-03', '2024-05']);
  });

  it('adds every level of totals, each the merge of its cells', () => {
    const t = segment(responses, { metric: 'nps', value: 'score', by: ['region', 'plan'], period: { ...berlin, unit: 'year' }, totals: true });
    const keys = t.rows.map((r) => `${r.key.region ?? '*'}/${r.key.plan ?? '*'}/${r.period?.label ?? '*'}`);
    expect(keys).toEqual([
      'EU/free/2024',
      'EU/pro/2024',
      'US/free/2024',
      'US/pro/2024',
      'EU/*/2024',
      'US/*/2024',
      '*/free/2024',
      '*/pro/2024',
      '*/*/2024',
      'EU/free/*',
      'EU/pro/*',
      'US/free/*',
      'US/pro/*',
      'EU/*/*',
      'US/*/*',
      '*/free/*',
      '*/pro/*',
      '*/*/*',
    ]);
    const all = t.rows.at(-1)!;
    expect(all.counts).toEqual(npsCounts(responses.map((r) => r.score)));
    expect(all.period).toBeNull();
  });

  it('marks the period holding asOf, and those after it, incomplete', () => {
    const t = segment(responses, { metric: 'nps', value: 'score', period: berlin, asOf: '2024-04-15T00:00:00+02:00' });
    expect(summary(t).map((r) => r[3])).toEqual(['', 'incomplete-period', 'incomplete-period']);
    expect(t.rows[1]!.period!.complete).toBe(false);
  });

  it('blanks the value and interval of a cell below minCount, keeping its tally and warnings', () => {
    const t = segment(responses, { metric: 'nps', value: 'score', by: 'region', options: { interval: true }, minCount: 3 });
    const us = t.rows[1]!;
    expect(us.flags).toEqual(['below-min-count']);
    expect(us.result.value).toBeNull();
    expect(us.result.interval).toBeNull();
    expect(us.result.total).toBe(2);
    expect(us.result.warnings.map((w) => w.code)).toContain('small-sample');
    expect(t.rows[0]!.result.value).not.toBeNull();
    expect(t.minCount).toBe(3);
  });

  it('groups label periods in order of first appearance, or in the given order', () => {
    const records = [
      { score: 10, campaign: 'spring' },
      { score: 0, campaign: 'autumn' },
      { score: 9, campaign: 'spring' },
    ];
    expect(segment(records, { metric: 'nps', value: 'score', period: { field: 'campaign' } }).rows.map((r) => r.period!.label)).toEqual(['spring', 'autumn']);
    const ordered = segment(records, { metric: 'nps', value: 'score', period: { field: 'campaign', order: ['autumn', 'summer', 'spring'] } });
    expect(ordered.rows.map((r) => [r.period!.label, r.flags])).toEqual([
      ['autumn', []],
      ['summer', ['no-records']],
      ['spring', []],
    ]);
    expect(ordered.rows[0]!.period).toEqual({ label: 'autumn', start: null, end: null, complete: true });
    expectMetricsError(() => segment(records, { metric: 'nps', value: 'score', period: { field: 'campaign', order: ['spring'] } }), {
      metric: 'segment',
      code: 'invalid-value',
      path: ['records', 1, 'campaign'],
    });
  });

  it('reads columns of equal length as records', () => {
    const columns = {
      score: Uint8Array.from(responses.map((r) => r.score)),
      region: responses.map((r) => r.region),
      answeredAt: Float64Array.from(responses.map((r) => new Date(r.answeredAt).getTime())),
    };
    const fromColumns = segment(columns, { metric: 'nps', value: 'score', by: 'region', period: berlin });
    expect(fromColumns.rows).toEqual(segment(responses, { metric: 'nps', value: 'score', by: 'region', period: berlin }).rows);
    expectMetricsError(() => segment({ score: [1, 2], region: ['EU'] }, { metric: 'nps', value: 'score', by: 'region' }), {
      code: 'inconsistent',
      path: ['records', 'region'],
    });
    const byFunction = segment(columns, {
      metric: 'nps',
      value: (r: { score: number }) => r.score,
      by: { zone: (r: { region: string }) => r.region.toLowerCase() },
    });
    expect(byFunction.rows.map((r) => r.key.zone)).toEqual(['eu', 'us']);
  });

  it('takes keys from functions, numbers and booleans, in a total order', () => {
    const records = [
      { score: 10, tier: 2, vip: true },
      { score: 0, tier: 'b', vip: false },
      { score: 5, tier: 1, vip: true },
      { score: 9, tier: 'a', vip: false },
    ];
    const t = segment(records, { metric: 'nps', value: 'score', by: { tier: 'tier', vip: (r: { vip: boolean }) => r.vip } });
    expect(t.rows.map((r) => [r.key.tier, r.key.vip])).toEqual([
      [1, true],
      [2, true],
      ['a', false],
      ['b', false],
    ]);
  });

  it('labels missing keys with missingKey, and refuses them without it', () => {
    const records = [{ score: 10, region: 'EU' }, { score: 0 }, { score: 5, region: null }];
    expect(segment(records, { metric: 'nps', value: 'score', by: 'region', missingKey: '(missing)' }).rows.map((r) => [r.key.region, r.result.total])).toEqual([
      ['(missing)', 2],
      ['EU', 1],
    ]);
    expectMetricsError(() => segment(records, { metric: 'nps', value: 'score', by: 'region' }), {
      metric: 'segment',
      code: 'missing-value',
      path: ['records', 1, 'region'],
    });
    expectMetricsError(() => segment([{ score: 1, region: { name: 'EU' } }], { metric: 'nps', value: 'score', by: 'region' }), {
      code: 'invalid-type',
      path: ['records', 0, 'region'],
    });
    expectMetricsError(() => segment([{ score: 1, region: Number.NaN }], { metric: 'nps', value: 'score', by: 'region' }), {
      code: 'invalid-value',
      path: ['records', 0, 'region'],
    });
    // An inherited name is not a field of the record.
    expectMetricsError(() => segment([{ score: 1 }], { metric: 'nps', value: 'score', by: 'toString' }), {
      code: 'missing-value',
      path: ['records', 0, 'toString'],
    });
  });

  it('reports a bad value at its record and field, and counts missing ones per cell under missing: exclude', () => {
    expectMetricsError(() => segment(responses.concat([{ ...responses[0]!, score: 11 }]), { metric: 'nps', value: 'score', by: 'region' }), {
      metric: 'segment',
      code: 'out-of-range',
      path: ['records', 5, 'score'],
    });
    const withMissing = [...responses, { score: null, region: 'US' }];
    expectMetricsError(() => segment(withMissing, { metric: 'nps', value: 'score', by: 'region' }), { code: 'missing-value', path: ['records', 5, 'score'] });
    const t = segment(withMissing, { metric: 'nps', value: 'score', by: 'region', options: { missing: 'exclude' } });
    expect(t.rows.map((r) => r.result.excluded)).toEqual([0, 1]);
    expectMetricsError(() => segment([{ score: 1, answeredAt: '2024-03-01T10:00:00' }], { metric: 'nps', value: 'score', period: berlin }), {
      code: 'invalid-value',
      path: ['records', 0, 'answeredAt'],
    });
    expectMetricsError(() => segment([{ score: 1 }, 'x' as never], { metric: 'nps', value: 'score' }), { code: 'invalid-type', path: ['records', 1] });
    expectMetricsError(() => segment([new Map() as never], { metric: 'nps', value: 'score' }), { code: 'invalid-type', path: ['records', 0] });
  });

  it('refuses a bad spec with its path', () => {
    const cases: [unknown, string, (string | number)[]][] = [
      [undefined, 'missing-value', ['options']],
      [{ metric: 'mrrChurn', value: 'x' }, 'invalid-value', ['options', 'metric']],
      [{ metric: 'nps' }, 'missing-value', ['options', 'value']],
      [{ metric: 'nps', value: 3 }, 'invalid-type', ['options', 'value']],
      [{ metric: 'loyaltyIndex', value: 'x' }, 'invalid-type', ['options', 'value']],
      [{ metric: 'loyaltyIndex', value: { recommend: 'r', nps: 'n' } }, 'unknown-key', ['options', 'value', 'nps']],
      [{ metric: 'nps', value: 'score', colour: 1 }, 'unknown-key', ['options', 'colour']],
      [{ metric: 'nps', value: 'score', by: ['a', 'a'] }, 'duplicate', ['options', 'by', 1]],
      [{ metric: 'nps', value: 'score', by: 3 }, 'invalid-type', ['options', 'by']],
      [{ metric: 'nps', value: 'score', period: { field: 'at', unit: 'month' } }, 'missing-value', ['options', 'period', 'timeZone']],
      [{ metric: 'nps', value: 'score', period: { field: 'at', unit: 'month', timeZone: 'Mars/Olympus' } }, 'invalid-value', ['options', 'period', 'timeZone']],
      [{ metric: 'nps', value: 'score', period: { field: 'at', unit: 'fortnight', timeZone: 'UTC' } }, 'invalid-value', ['options', 'period', 'unit']],
      [
        { metric: 'nps', value: 'score', period: { field: 'at', unit: 'month', timeZone: 'UTC', weekStart: 'sun' } },
        'inconsistent',
        ['options', 'period', 'weekStart'],
      ],
      [
        { metric: 'nps', value: 'score', period: { field: 'at', unit: 'year', timeZone: 'UTC', yearStart: 13 } },
        'out-of-range',
        ['options', 'period', 'yearStart'],
      ],
      [{ metric: 'nps', value: 'score', period: { field: 'at', timeZone: 'UTC' } }, 'inconsistent', ['options', 'period', 'timeZone']],
      [{ metric: 'nps', value: 'score', period: { field: 'c', order: ['a', 'a'] } }, 'duplicate', ['options', 'period', 'order', 1]],
      [{ metric: 'nps', value: 'score', options: { scale: { min: 0, max: 0 } } }, 'inconsistent', ['options', 'options', 'scale', 'max']],
      [{ metric: 'nps', value: 'score', options: { weights: [1] } }, 'invalid-value', ['options', 'options', 'weights']],
      [{ metric: 'fcr', value: 'x' }, 'invalid-value', ['options', 'metric']],
      [{ metric: 'firstContactResolution', weight: 'w' }, 'invalid-value', ['options', 'weight']],
      [{ metric: 'nps', value: 'score', minCount: -1 }, 'out-of-range', ['options', 'minCount']],
      [{ metric: 'nps', value: 'score', totals: 'yes' }, 'invalid-type', ['options', 'totals']],
      [{ metric: 'nps', value: 'score', asOf: '2024-01-01' }, 'invalid-value', ['options', 'asOf']],
      [{ metric: 'nps', value: 'score', missingKey: 1 }, 'invalid-type', ['options', 'missingKey']],
    ];
    for (const [spec, code, path] of cases)
      expectMetricsError(() => segment([{ score: 5, at: 0, a: 'x', c: 'a', x: 1 }], spec as never), { metric: 'segment', code: code as never, path });
  });

  it('weights answers by a field', () => {
    const records = [
      { score: 10, w: 3, g: 'a' },
      { score: 0, w: 1, g: 'a' },
    ];
    const t = segment(records, { metric: 'nps', value: 'score', weight: 'w', by: 'g' });
    expect(t.rows[0]!.result).toEqual(nps([10, 0], { weights: [3, 1] }));
    expectMetricsError(() => segment([{ score: 10, w: -1 }], { metric: 'nps', value: 'score', weight: 'w' }), {
      code: 'out-of-range',
      path: ['records', 0, 'w'],
    });
  });

  it('runs every metric that tallies from records', () => {
    const tickets = [
      { team: 'a', created: '2026-03-02T09:00:00Z', solved: '2026-03-02T10:00:00Z', answered: '2026-03-02T09:10:00Z', contacts: 1, ok: true },
      { team: 'a', created: '2026-03-02T09:30:00Z', solved: null, answered: null, contacts: 2, ok: false },
      { team: 'b', created: '2026-03-03T09:00:00Z', solved: '2026-03-03T12:00:00Z', answered: '2026-03-03T09:05:00Z', contacts: 3, ok: true },
    ];
    const cell = (t: { rows: readonly { result: unknown }[] }) => t.rows[0]!.result;
    const a = tickets.filter((t) => t.team === 'a');
    const ttrOptions = { open: 'censor', asOf: '2026-03-04T00:00:00Z' } as const;
    expect(
      cell(segment(tickets, { metric: 'timeToResolution', value: { openedAt: 'created', resolvedAt: 'solved' }, by: 'team', options: ttrOptions })),
    ).toEqual(
      timeToResolution(
        a.map((t) => ({ openedAt: t.created, resolvedAt: t.solved })),
        ttrOptions,
      ),
    );
    expect(cell(segment(tickets, { metric: 'firstResponseTime', value: { openedAt: 'created', firstRespondedAt: 'answered' }, by: 'team' }))).toEqual(
      firstResponseTime(a.map((t) => ({ openedAt: t.created, firstRespondedAt: t.answered }))),
    );
    expect(cell(segment(tickets, { metric: 'firstContactResolution', value: { contacts: 'contacts', resolved: 'ok' }, by: 'team' }))).toEqual(
      firstContactResolution(a.map((t) => ({ contacts: t.contacts, resolved: t.ok }))),
    );
    const customers = [
      { recommend: 9, repurchase: 8, upsell: 5, purchases: 3, upgraded: true, g: 1 },
      { recommend: 4, repurchase: 6, upsell: 2, purchases: 1, upgraded: false, g: 1 },
    ];
    expect(cell(segment(customers, { metric: 'loyaltyIndex', by: 'g' }))).toEqual(loyaltyIndex(customers));
    expect(cell(segment(customers, { metric: 'repurchaseRate', value: 'purchases', by: 'g' }))).toEqual(repurchaseRate([3, 1]));
    expect(cell(segment(customers, { metric: 'upsellRatio', by: 'g' }))).toEqual(upsellRatio(customers));
    expectMetricsError(() => segment([{ created: 'x' }], { metric: 'timeToResolution', value: { openedAt: 'created' } }), {
      metric: 'segment',
      code: 'invalid-value',
      path: ['records', 0, 'created'],
    });
  });
});

describe('segmentCounts, mergeCounts and segmentFromCounts', () => {
  const spec = { metric: 'nps', value: 'score', by: 'region', period: berlin } as const;

  it('computes from merged chunks exactly what one pass computes', () => {
    const whole = segment(responses, spec);
    const merged = mergeCounts(segmentCounts(responses.slice(0, 2), spec), segmentCounts(responses.slice(2), spec));
    expect(segmentFromCounts(merged, spec)).toEqual(whole);
    expect(merged).toEqual(segmentCounts(responses, spec));
    expect(merged.kind).toBe('segmentCounts');
    expect(JSON.parse(JSON.stringify(merged))).toEqual(merged);
  });

  it('takes a table of tallies from JSON, and checks it', () => {
    const counts = JSON.parse(JSON.stringify(segmentCounts(responses, spec)));
    expect(segmentFromCounts(counts).rows).toEqual(segment(responses, spec).rows);
    type Json = { cells: { counts: { promoters: number }; period: string; key: object }[]; metric: string; period: { timeZone: string }; extra?: number };
    const bad = (edit: (c: Json) => void, code: string, path: (string | number)[]) => {
      const c = JSON.parse(JSON.stringify(counts)) as Json;
      edit(c);
      expectMetricsError(() => segmentFromCounts(c as never), { metric: 'segmentFromCounts', code: code as never, path });
    };
    bad(
      (c) => {
        c.cells[0]!.counts.promoters = -1;
      },
      'out-of-range',
      ['counts', 'cells', 0, 'counts', 'promoters'],
    );
    bad(
      (c) => {
        c.cells[0]!.period = '2024-13';
      },
      'invalid-value',
      ['counts', 'cells', 0, 'period'],
    );
    bad(
      (c) => {
        c.cells[0]!.key = { region: 'EU', plan: 'x' };
      },
      'unknown-key',
      ['counts', 'cells', 0, 'key', 'plan'],
    );
    bad(
      (c) => {
        c.cells.push(c.cells[0]!);
      },
      'duplicate',
      ['counts', 'cells', 5],
    );
    bad(
      (c) => {
        c.metric = 'mrrChurn';
      },
      'invalid-value',
      ['counts', 'metric'],
    );
    bad(
      (c) => {
        c.period.timeZone = 'Nowhere/Else';
      },
      'invalid-value',
      ['counts', 'period', 'timeZone'],
    );
    bad(
      (c) => {
        c.extra = 1;
      },
      'unknown-key',
      ['counts', 'extra'],
    );
    expectMetricsError(() => segmentFromCounts(counts, { metric: 'csat' }), { code: 'inconsistent', path: ['options', 'metric'] });
    expectMetricsError(() => segmentFromCounts(counts, { by: ['plan'] }), { code: 'inconsistent', path: ['options', 'by'] });
    expectMetricsError(() => segmentFromCounts(counts, { period: { ...berlin, timeZone: 'UTC' } }), { code: 'inconsistent', path: ['options', 'period'] });
    expect(segmentFromCounts(counts, spec).rows.length).toBe(6);
  });

  it('refuses to merge tables of different metrics, keys or periods', () => {
    const a = segmentCounts(responses, spec);
    const merge = (b: unknown) => mergeCounts(a, b as typeof a);
    expectMetricsError(() => merge(segmentCounts(responses, { ...spec, metric: 'csat', options: { scale: { min: 0, max: 10 } } })), {
      metric: 'mergeCounts',
      code: 'inconsistent',
      path: ['b', 'metric'],
    });
    expectMetricsError(() => merge(segmentCounts(responses, { ...spec, by: 'plan' })), { code: 'inconsistent', path: ['b', 'by'] });
    expectMetricsError(() => merge(segmentCounts(responses, { ...spec, period: { ...berlin, timeZone: 'UTC' } })), {
      code: 'inconsistent',
      path: ['b', 'period'],
    });
    expectMetricsError(() => merge(segmentCounts(responses, { ...spec, period: { ...berlin, unit: 'week' } })), {
      code: 'inconsistent',
      path: ['b', 'period'],
    });
    expectMetricsError(() => merge(npsCounts([1])), { metric: 'mergeCounts', path: ['b'] });
  });

  it('merges label periods in the order they were met', () => {
    const labelSpec = { metric: 'nps', value: 'score', period: { field: 'c' } } as const;
    const merged = mergeCounts(
      segmentCounts([{ score: 1, c: 'x' }], labelSpec),
      segmentCounts(
        [
          { score: 1, c: 'y' },
          { score: 10, c: 'x' },
        ],
        labelSpec,
      ),
    );
    expect(merged.period).toEqual({ field: 'c', unit: null, order: ['x', 'y'], fixed: false });
    expect(segmentFromCounts(merged).rows.map((r) => [r.period!.label, (r.result as { total: number }).total])).toEqual([
      ['x', 2],
      ['y', 1],
    ]);
  });
});
