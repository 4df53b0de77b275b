import { describe, expect, it } from 'vitest';
import { checkTargets, csatFromCounts, customerChurn, mrrChurn, netMrrChurn, npsFromCounts, sourceTargets, upsellRatioFromCounts } from '../../src/index.js';
import { expectMetricsError } from '../helpers/errors.js';

const M = 'checkTargets';

describe('sourceTargets', () => {
  it('holds the targets of (003), frozen', () => {
    expect(sourceTargets).toStrictEqual({
      customerChurn: { comparison: '<=', threshold: 5, unit: 'percent', source: '(003): customer churn at most 5%' },
      mrrChurn: { comparison: '<', threshold: 1, unit: 'percent', source: '(003): MRR churn below 1%' },
      netMrrChurn: { comparison: '<', threshold: 0, unit: 'percent', source: '(003): net MRR churn negative' },
      nps: { comparison: '>=', threshold: 50, unit: 'points', source: '(003): NPS 50 is good, the higher the better' },
      csat: { comparison: '>=', threshold: 80, unit: 'percent', source: '(003): CSAT target 80%' },
    });
    expect(Object.isFrozen(sourceTargets) && Object.isFrozen(sourceTargets.nps)).toBe(true);
  });
});

describe('checkTargets', () => {
  it('repeats the TSDoc example', () => {
    const checks = checkTargets([
      customerChurn({ customersAtStart: 200, customersLost: 9 }),
      mrrChurn({ startingMrr: 0, churnedMrr: 0 }),
      upsellRatioFromCounts({ upgraded: 1, notUpgraded: 4 }),
    ]);
    expect(checks.map((c) => c.status)).toStrictEqual(['met', 'no-value', 'no-target']);
    expect(checks[0]!.met).toBe(true);
    expect(checkTargets([{ metric: 'nps', unit: 'points', value: 42 }])[0]!.status).toBe('missed');
  });

  it('checks every boundary of every source target', () => {
    const status = (metric: string, unit: string, value: number) => checkTargets([{ metric, unit, value }])[0]!.status;
    expect([status('customerChurn', 'percent', 5), status('customerChurn', 'percent', 5.01)]).toStrictEqual(['met', 'missed']);
    expect([status('mrrChurn', 'percent', 0.99), status('mrrChurn', 'percent', 1)]).toStrictEqual(['met', 'missed']);
    expect([status('netMrrChurn', 'percent', -0.01), status('netMrrChurn', 'percent', 0)]).toStrictEqual(['met', 'missed']);
    expect([status('nps', 'points', 50), status('nps', 'points', 49.9)]).toStrictEqual(['met', 'missed']);
    expect([status('csat', 'percent', 80), status('csat', 'percent', 79.99)]).toStrictEqual(['met', 'missed']);
  });

  it('works on the results of the metrics themselves', () => {
    const checks = checkTargets([
      npsFromCounts({ promoters: 60, passives: 30, detractors: 10 }),
      csatFromCounts({ points: { 1: 10, 2: 5, 3: 5, 4: 30, 5: 50 } }),
      netMrrChurn({ startingMrr: '200', churnedMrr: '2', expansionMrr: '12' }),
    ]);
    expect(checks.map((c) => [c.metric, c.value, c.status])).toStrictEqual([
      ['nps', 50, 'met'],
      ['csat', 80, 'met'],
      ['netMrrChurn', -5, 'met'],
    ]);
  });

  it('returns the whole check', () => {
    expect(checkTargets([customerChurn({ customersAtStart: 100, customersLost: 7 })])).toStrictEqual([
      { metric: 'customerChurn', unit: 'percent', value: 7, target: sourceTargets.customerChurn, status: 'missed', met: false, warnings: [] },
    ]);
    // A check estimates nothing: the checked result's small-sample warning stays on the result.
    const small = customerChurn({ customersAtStart: 20, customersLost: 1 });
    expect(small.warnings.map((w) => w.code)).toStrictEqual(['small-sample']);
    expect(checkTargets([small])[0]!.warnings).toStrictEqual([]);
    expect(checkTargets([])).toStrictEqual([]);
  });

  it('echoes a value of -0 as 0', () => {
    expect(Object.is(checkTargets([{ metric: 'netMrrChurn', unit: 'percent', value: -0 }])[0]!.value, 0)).toBe(true);
  });

  it('does not compare a result in another unit', () => {
    expect(checkTargets([{ metric: 'csat', unit: 'points', value: 4.2 }])[0]).toMatchObject({ status: 'unit-mismatch', met: null });
  });

  it('takes other targets, which replace the defaults', () => {
    const targets = { ...sourceTargets, upsellRatio: { comparison: '>', threshold: 0.2, unit: 'ratio', source: 'our plan' } } as const;
    const r = upsellRatioFromCounts({ upgraded: 1, notUpgraded: 4 });
    expect(checkTargets([r], targets)[0]).toMatchObject({ status: 'met', met: true });
    expect(checkTargets([{ metric: 'nps', unit: 'points', value: 10 }], { x: targets.upsellRatio })[0]!.status).toBe('no-target');
    // No inherited keys: 'toString' is not a target.
    expect(checkTargets([{ metric: 'toString', unit: 'ratio', value: 1 }])[0]!.status).toBe('no-target');
  });

  it('returns frozen checks and never changes its inputs', () => {
    const results = Object.freeze([Object.freeze({ metric: 'nps', unit: 'points', value: 70 })]);
    const checks = checkTargets(results);
    expect(Object.isFrozen(checks) && Object.isFrozen(checks[0]) && Object.isFrozen(checks[0]!.target)).toBe(true);
    expect(checks[0]!.target).not.toBe(sourceTargets.nps);
  });

  it('rejects malformed results and targets', () => {
    expectMetricsError(() => checkTargets({} as never), M, ['results'], 'invalid-type');
    expectMetricsError(() => checkTargets([{ unit: 'points', value: 1 }] as never), M, ['results', 0, 'metric'], 'missing-value');
    expectMetricsError(() => checkTargets([{ metric: 'nps', value: 1 }] as never), M, ['results', 0, 'unit'], 'missing-value');
    expectMetricsError(() => checkTargets([{ metric: 'nps', unit: 'points', value: NaN }]), M, ['results', 0, 'value'], 'missing-value');
    expectMetricsError(() => checkTargets([{ metric: 'nps', unit: 'points', value: '1' }] as never), M, ['results', 0, 'value'], 'invalid-type');
    expectMetricsError(
      () => checkTargets([], { nps: { comparison: '=', threshold: 1, unit: 'points', source: '' } } as never),
      M,
      ['targets', 'nps', 'comparison'],
      'invalid-value',
    );
    expectMetricsError(
      () => checkTargets([], { nps: { comparison: '<', threshold: 1, unit: 'points' } } as never),
      M,
      ['targets', 'nps', 'source'],
      'missing-value',
    );
    expectMetricsError(
      () => checkTargets([], { nps: { comparison: '<', threshold: 1, unit: 'pts', source: '' } } as never),
      M,
      ['targets', 'nps', 'unit'],
      'invalid-value',
    );
  });
});

describe('checkTargets: every comparison of a custom target', () => {
  const target = (comparison: '<' | '<=' | '>' | '>=') => ({ score: { comparison, threshold: 50, unit: 'points' as const, source: 'a team goal' } });
  const status = (comparison: '<' | '<=' | '>' | '>=', value: number) =>
    checkTargets([{ metric: 'score', unit: 'points', value }], target(comparison))[0]!.status;
  it('meets or misses at, below and above the threshold', () => {
    expect([49, 50, 51].map((v) => status('<', v))).toStrictEqual(['met', 'missed', 'missed']);
    expect([49, 50, 51].map((v) => status('<=', v))).toStrictEqual(['met', 'met', 'missed']);
    expect([49, 50, 51].map((v) => status('>', v))).toStrictEqual(['missed', 'missed', 'met']);
    expect([49, 50, 51].map((v) => status('>=', v))).toStrictEqual(['missed', 'met', 'met']);
  });
  it('refuses an empty metric name as a key, at its path', () => {
    expectMetricsError(() => checkTargets([], { '': target('<').score }), 'checkTargets', ['targets', ''], 'invalid-value');
  });
});
