/**
 * checkTargets: every comparison a target may use, the wording of every
 * refusal of results and targets, and the whole check for each status that
 * compares nothing.
 *
 * Schemas are built on first use, once per module, and the first test is
 * that first use: it takes every comparison and refuses every kind of
 * argument, so that a schema built wrong fails it.
 */
import { describe, expect, it } from 'vitest';
import { checkTargets, isMetricsError, type MetricsIssue, type Target } from '../../../src/index.js';

/** What `fn` throws for checkTargets: every issue. */
function issuesOf(fn: () => unknown): readonly MetricsIssue[] {
  try {
    fn();
  } catch (e) {
    if (isMetricsError(e) && e.metric === 'checkTargets') return e.issues;
    throw e;
  }
  throw new Error('expected a MetricsError');
}

const target = (comparison: Target['comparison'], threshold: number): Target => ({ comparison, threshold, unit: 'points', source: 'our plan' });

describe('checkTargets: arguments', () => {
  it('compares with each of <, <=, > and >=, and words every refusal of results and targets', () => {
    const at = (value: number) => [{ metric: 'nps', unit: 'points', value }];
    const met = (comparison: Target['comparison'], value: number) => checkTargets(at(value), { nps: target(comparison, 50) })[0]!.met;
    expect([met('<', 49), met('<', 50), met('<=', 50), met('<=', 51), met('>', 51), met('>', 50), met('>=', 50), met('>=', 49)]).toStrictEqual([
      true,
      false,
      true,
      false,
      true,
      false,
      true,
      false,
    ]);

    const result = { metric: 'nps', unit: 'points', value: 1 };
    const results: [unknown, MetricsIssue][] = [
      [5, { code: 'invalid-type', path: ['results'], message: 'expected an array of metric results, received 5' }],
      [[5], { code: 'invalid-type', path: ['results', 0], message: 'expected a metric result { metric, unit, value }, received 5' }],
      [[{ unit: 'points', value: 1 }], { code: 'missing-value', path: ['results', 0, 'metric'], message: 'expected a metric name, received undefined' }],
      [[{ ...result, unit: 5 }], { code: 'invalid-type', path: ['results', 0, 'unit'], message: 'expected a unit, received 5' }],
      [[{ ...result, value: 'x' }], { code: 'invalid-type', path: ['results', 0, 'value'], message: 'expected a finite number or null, received "x"' }],
      [
        [{ ...result, value: Infinity }],
        { code: 'out-of-range', path: ['results', 0, 'value'], message: 'expected a finite number or null, received Infinity' },
      ],
    ];
    for (const [value, issue] of results)
      expect(
        issuesOf(() => checkTargets(value as never)),
        JSON.stringify(value),
      ).toStrictEqual([issue]);

    const good = target('>=', 50);
    const targets: [unknown, MetricsIssue][] = [
      [5, { code: 'invalid-type', path: ['targets'], message: 'expected targets keyed by metric name, received 5' }],
      [{ nps: 5 }, { code: 'invalid-type', path: ['targets', 'nps'], message: 'expected a target { comparison, threshold, unit, source }, received 5' }],
      [
        { nps: { ...good, comparison: '=' } },
        { code: 'invalid-value', path: ['targets', 'nps', 'comparison'], message: 'expected "<", "<=", ">" or ">=", received "="' },
      ],
      [
        { nps: { ...good, threshold: 'x' } },
        { code: 'invalid-type', path: ['targets', 'nps', 'threshold'], message: 'expected a finite number, received "x"' },
      ],
      [
        { nps: { ...good, unit: 'percentage' } },
        { code: 'invalid-value', path: ['targets', 'nps', 'unit'], message: 'expected "points", "percent", "ratio" or "milliseconds", received "percentage"' },
      ],
      [{ nps: { ...good, source: 5 } }, { code: 'invalid-type', path: ['targets', 'nps', 'source'], message: 'expected a string, received 5' }],
      [{ '': good }, { code: 'invalid-value', path: ['targets', ''], message: 'expected a metric name as the key, received ""' }],
    ];
    for (const [value, issue] of targets)
      expect(
        issuesOf(() => checkTargets([result], value as never)),
        JSON.stringify(value),
      ).toStrictEqual([issue]);
  });
});

describe('checkTargets: checks that compare nothing', () => {
  it('return the whole check, with no warnings, for each status', () => {
    const nps = target('>=', 50);
    expect(
      checkTargets(
        [
          { metric: 'csat', unit: 'percent', value: 90 },
          { metric: 'nps', unit: 'points', value: null },
          { metric: 'nps', unit: 'percent', value: 60 },
        ],
        { nps },
      ),
    ).toStrictEqual([
      { metric: 'csat', unit: 'percent', value: 90, target: null, status: 'no-target', met: null, warnings: [] },
      { metric: 'nps', unit: 'points', value: null, target: nps, status: 'no-value', met: null, warnings: [] },
      { metric: 'nps', unit: 'percent', value: 60, target: nps, status: 'unit-mismatch', met: null, warnings: [] },
    ]);
  });
});
