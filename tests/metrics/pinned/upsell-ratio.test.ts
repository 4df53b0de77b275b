/**
 * upsellRatio: the wording of every refusal of counts and records, and
 * counts whose total passes 2^53.
 *
 * Schemas are built on first use, once per module, and the first test is
 * that first use: it refuses every kind of counts, so that a schema built
 * wrong fails it.
 */
import { describe, expect, it } from 'vitest';
import { isMetricsError, type MetricsIssue, upsellRatio, upsellRatioCounts, upsellRatioFromCounts } from '../../../src/index.js';

/** What `fn` throws for upsellRatio: every issue. */
function issuesOf(fn: () => unknown): readonly MetricsIssue[] {
  try {
    fn();
  } catch (e) {
    if (isMetricsError(e) && e.metric === 'upsellRatio') return e.issues;
    throw e;
  }
  throw new Error('expected a MetricsError');
}

describe('upsellRatio: counts', () => {
  it('says what counts must be', () => {
    expect(upsellRatioFromCounts({ metric: 'upsellRatio', upgraded: 12, notUpgraded: 48 }).value).toBe(0.25);
    expect(issuesOf(() => upsellRatioFromCounts(5 as never))).toStrictEqual([
      { code: 'invalid-type', path: ['counts'], message: 'expected upsell counts { upgraded, notUpgraded }, received 5' },
    ]);
    expect(issuesOf(() => upsellRatioFromCounts({ metric: 'nps', upgraded: 1, notUpgraded: 1 } as never))).toStrictEqual([
      { code: 'invalid-value', path: ['counts', 'metric'], message: 'expected "upsellRatio", received "nps"' },
    ]);
  });

  it('refuses counts whose total passes 2^53, at counts', () => {
    expect(issuesOf(() => upsellRatioFromCounts({ upgraded: Number.MAX_SAFE_INTEGER, notUpgraded: 1 }))).toStrictEqual([
      { code: 'out-of-range', path: ['counts'], message: 'expected counts whose total stays below 2^53, received a total of 9007199254740992' },
    ]);
  });
});

describe('upsellRatio: records', () => {
  it('tallies only an array of records', () => {
    const refused = [
      {
        code: 'invalid-type',
        path: ['records'],
        message: 'expected an array of records { upgraded } or counts { upgraded, notUpgraded }, received "x"',
      },
    ];
    expect(issuesOf(() => upsellRatioCounts('x' as never))).toStrictEqual(refused);
    expect(issuesOf(() => upsellRatioCounts({ upgraded: 1, notUpgraded: 1 } as never))).toStrictEqual([
      { ...refused[0], message: 'expected an array of records { upgraded } or counts { upgraded, notUpgraded }, received an object' },
    ]);
  });

  it('says what a record must be', () => {
    expect(issuesOf(() => upsellRatio([{ upgraded: true }, 5] as never))).toStrictEqual([
      { code: 'invalid-type', path: ['records', 1], message: 'expected a record { upgraded: boolean } (a plain object), received 5' },
    ]);
  });

  it('calls a null or absent upgraded missing, and anything else not a boolean', () => {
    expect(issuesOf(() => upsellRatio([{ upgraded: null }] as never))).toStrictEqual([
      { code: 'missing-value', path: ['records', 0, 'upgraded'], message: 'expected true or false, received null' },
    ]);
    expect(issuesOf(() => upsellRatio([{}] as never))).toStrictEqual([
      { code: 'missing-value', path: ['records', 0, 'upgraded'], message: 'expected true or false, received undefined' },
    ]);
    expect(issuesOf(() => upsellRatio([{ upgraded: 'yes' }] as never))).toStrictEqual([
      { code: 'invalid-type', path: ['records', 0, 'upgraded'], message: 'expected true or false, received "yes"' },
    ]);
  });
});
