/**
 * Reading results as the samples of compare's tests: every field a test
 * reads, validated at its path with its wording; the samples read from raw,
 * weighted and empty results; and the checks that two results share a
 * definition and an answer scale.
 */
import { describe, expect, it, vi } from 'vitest';
import { checkSameDefinition, readSample, type Sample } from '../../../src/core/comparison/samples.js';
import type { MetricsPath } from '../../../src/index.js';
import { expectMetricsError } from '../../helpers/errors.js';

/** Expects a MetricsError of compare at `path` with `code` and the whole `message`. */
function rejects(run: () => unknown, path: MetricsPath, code: string, message: string): void {
  expect(expectMetricsError(run, 'compare', path, code).message).toBe(message);
}

/** A sample with its decimals written out, for exact comparison. */
function plain(sample: Sample): Record<string, unknown> {
  return Object.fromEntries(Object.entries(sample).map(([key, value]) => [key, value !== null && typeof value === 'object' ? String(value) : value]));
}

const NPS = {
  metric: 'nps',
  total: 4,
  promoters: { count: 2, percent: 50 },
  passives: { count: 1, percent: 25 },
  detractors: { count: 1, percent: 25 },
};
const CSAT = { metric: 'csat', value: 60, total: 10, satisfied: { count: 6, percent: 60 }, mean: 3.5, variance: 1.25 };
const CES = { metric: 'ces', value: 40, total: 5, easy: { count: 2, percent: 40 }, mean: 4.2, variance: 2.7 };
const LOYALTY = { metric: 'loyaltyIndex', value: 7.5, total: 3, variance: 2.25, aggregate: 'sum' };
const FCR = { metric: 'firstContactResolution', resolvedFirstContact: 6, resolved: 8, total: 10, denominator: 'resolved' };
const CHURN = { metric: 'customerChurn', customersLost: 5, total: 100, denominator: 'start' };
const REPURCHASE = { metric: 'repurchaseRate', method: 'customers', repeatCustomers: 2, total: 5 };
const UPSELL = { metric: 'upsellRatio', upgraded: 3, notUpgraded: 5, total: 8 };

describe('readSample: NPS results', () => {
  it('rejects a malformed share, weight or total at its path, saying what it expected', () => {
    rejects(
      () => readSample('a', 'nps', { ...NPS, promoters: 5 }, 'percent'),
      ['a', 'promoters'],
      'invalid-type',
      'compare: expected a share { count, percent }, received 5 at a.promoters',
    );
    rejects(
      () => readSample('a', 'nps', { ...NPS, promoters: { count: -1, percent: 0 } }, 'percent'),
      ['a', 'promoters', 'count'],
      'out-of-range',
      'compare: expected a non-negative integer count, received -1 at a.promoters.count',
    );
    rejects(
      () => readSample('b', 'nps', { ...NPS, detractors: { count: 1, percent: 'x' } }, 'percent'),
      ['b', 'detractors', 'percent'],
      'invalid-type',
      'compare: expected a finite number or null, received "x" at b.detractors.percent',
    );
    rejects(
      () => readSample('a', 'nps', { ...NPS, weighted: 5 }, 'percent'),
      ['a', 'weighted'],
      'invalid-type',
      'compare: expected { totalWeight, effectiveSampleSize }, received 5 at a.weighted',
    );
    rejects(
      () => readSample('a', 'nps', { ...NPS, weighted: { totalWeight: 'x', effectiveSampleSize: 3 } }, 'percent'),
      ['a', 'weighted', 'totalWeight'],
      'invalid-type',
      'compare: expected a finite number, received "x" at a.weighted.totalWeight',
    );
    rejects(
      () => readSample('a', 'nps', { ...NPS, weighted: { totalWeight: -1, effectiveSampleSize: 3 } }, 'percent'),
      ['a', 'weighted', 'totalWeight'],
      'out-of-range',
      'compare: expected a weight of at least 0, received -1 at a.weighted.totalWeight',
    );
    rejects(
      () => readSample('b', 'nps', { ...NPS, weighted: { totalWeight: 6, effectiveSampleSize: -1 } }, 'percent'),
      ['b', 'weighted', 'effectiveSampleSize'],
      'out-of-range',
      'compare: expected an effective sample size of at least 0, received -1 at b.weighted.effectiveSampleSize',
    );
    rejects(
      () => readSample('a', 'nps', { ...NPS, total: 5 }, 'percent'),
      ['a', 'total'],
      'inconsistent',
      'compare: expected total to equal promoters + passives + detractors (4), received 5 at a.total',
    );
  });

  it('reads raw counts and the observed score', () => {
    expect(plain(readSample('a', 'nps', NPS, 'percent'))).toStrictEqual({ kind: 'nps', n: '4', promoters: '2', detractors: '1', observed: '25' });
    expect(plain(readSample('a', 'nps', { ...NPS, weighted: null }, 'percent'))).toStrictEqual({
      kind: 'nps',
      n: '4',
      promoters: '2',
      detractors: '1',
      observed: '25',
    });
  });

  it('reads weighted shares as counts of the effective sample size', () => {
    const weighted = {
      ...NPS,
      promoters: { count: 2, percent: 62.5 },
      detractors: { count: 1, percent: 12.5 },
      weighted: { totalWeight: 9, effectiveSampleSize: 8 },
    };
    expect(plain(readSample('a', 'nps', weighted, 'percent'))).toStrictEqual({ kind: 'nps', n: '8', promoters: '5', detractors: '1', observed: '50' });
  });

  it('reads a weighted result with no effective answers, or without a share, as empty', () => {
    const empty = { kind: 'nps', n: '0', promoters: '0', detractors: '0', observed: null };
    const weighted = { totalWeight: 9, effectiveSampleSize: 8 };
    expect(plain(readSample('a', 'nps', { ...NPS, weighted: { totalWeight: 0, effectiveSampleSize: 0 } }, 'percent'))).toStrictEqual(empty);
    expect(plain(readSample('a', 'nps', { ...NPS, promoters: { count: 2, percent: null }, weighted }, 'percent'))).toStrictEqual(empty);
    expect(plain(readSample('a', 'nps', { ...NPS, detractors: { count: 1, percent: null }, weighted }, 'percent'))).toStrictEqual(empty);
  });
});

describe('readSample: CSAT and CES results', () => {
  it('rejects a malformed CSAT field at its path, and more satisfied answers than answers', () => {
    rejects(
      () => readSample('a', 'csat', { ...CSAT, value: 'x' }, 'percent'),
      ['a', 'value'],
      'invalid-type',
      'compare: expected a finite number or null, received "x" at a.value',
    );
    rejects(
      () => readSample('a', 'csat', { ...CSAT, total: 1.5 }, 'percent'),
      ['a', 'total'],
      'out-of-range',
      'compare: expected a non-negative integer count, received 1.5 at a.total',
    );
    rejects(
      () => readSample('b', 'csat', { ...CSAT, mean: 'x' }, 'mean'),
      ['b', 'mean'],
      'invalid-type',
      'compare: expected a finite number or null, received "x" at b.mean',
    );
    rejects(
      () => readSample('b', 'csat', { ...CSAT, variance: true }, 'mean'),
      ['b', 'variance'],
      'invalid-type',
      'compare: expected a finite number or null, received true at b.variance',
    );
    rejects(
      () => readSample('a', 'csat', { ...CSAT, weighted: { totalWeight: 1 } }, 'percent'),
      ['a', 'weighted', 'effectiveSampleSize'],
      'missing-value',
      'compare: expected a finite number, received undefined at a.weighted.effectiveSampleSize',
    );
    rejects(
      () => readSample('a', 'csat', { ...CSAT, satisfied: 'x' }, 'percent'),
      ['a', 'satisfied'],
      'invalid-type',
      'compare: expected a share { count, percent }, received "x" at a.satisfied',
    );
    rejects(
      () => readSample('a', 'csat', { ...CSAT, satisfied: { count: 11, percent: 110 } }, 'percent'),
      ['a', 'satisfied'],
      'inconsistent',
      'compare: expected satisfied of at most total (10), received 11 at a.satisfied',
    );
  });

  it('rejects a malformed CES field at its path, and more easy answers than answers', () => {
    rejects(
      () => readSample('b', 'ces', { ...CES, easy: 'x' }, 'percent'),
      ['b', 'easy'],
      'invalid-type',
      'compare: expected a share { count, percent }, received "x" at b.easy',
    );
    rejects(
      () => readSample('b', 'ces', { ...CES, mean: 'x' }, 'mean'),
      ['b', 'mean'],
      'invalid-type',
      'compare: expected a finite number or null, received "x" at b.mean',
    );
    rejects(
      () => readSample('b', 'ces', { ...CES, easy: { count: 6, percent: 120 } }, 'percent'),
      ['b', 'easy'],
      'inconsistent',
      'compare: expected easy of at most total (5), received 6 at b.easy',
    );
  });

  it('reads the percent as successes of the answers, and the mean with its variance', () => {
    expect(plain(readSample('a', 'csat', CSAT, 'percent'))).toStrictEqual({ kind: 'proportion', n: 10, x: 6, percent: '60' });
    expect(plain(readSample('a', 'csat', CSAT, 'mean'))).toStrictEqual({ kind: 'mean', n: 10, mean: '3.5', variance: '1.25' });
    expect(plain(readSample('b', 'ces', CES, 'percent'))).toStrictEqual({ kind: 'proportion', n: 5, x: 2, percent: '40' });
    expect(plain(readSample('b', 'ces', CES, 'mean'))).toStrictEqual({ kind: 'mean', n: 5, mean: '4.2', variance: '2.7' });
    expect(plain(readSample('a', 'csat', { ...CSAT, total: 1, satisfied: { count: 1, percent: 100 }, mean: 4, variance: null }, 'mean'))).toStrictEqual({
      kind: 'mean',
      n: 1,
      mean: '4',
      variance: null,
    });
  });

  it('reads a weighted percent as that share of the effective sample size, at most all of it', () => {
    const weighted = { ...CSAT, value: 62.5, weighted: { totalWeight: 16, effectiveSampleSize: 8 } };
    expect(plain(readSample('a', 'csat', weighted, 'percent'))).toStrictEqual({ kind: 'proportion', n: 8, x: 5, percent: '62.5' });
    expect(plain(readSample('a', 'ces', { ...CES, ...weighted, value: 150 }, 'percent'))).toStrictEqual({ kind: 'proportion', n: 8, x: 8, percent: '150' });
    expect(plain(readSample('a', 'csat', weighted, 'mean'))).toStrictEqual({ kind: 'mean', n: 8, mean: '3.5', variance: '1.25' });
  });

  it('reads a weighted result with no effective answers, or no percent, as an empty proportion', () => {
    const empty = { kind: 'proportion', n: 0, x: 0, percent: null };
    expect(plain(readSample('a', 'csat', { ...CSAT, weighted: { totalWeight: 0, effectiveSampleSize: 0 } }, 'percent'))).toStrictEqual(empty);
    expect(plain(readSample('a', 'ces', { ...CES, value: null, weighted: { totalWeight: 4, effectiveSampleSize: 3 } }, 'percent'))).toStrictEqual(empty);
  });

  it('reads a mean with no answers, or no mean, as an empty mean', () => {
    const empty = { kind: 'mean', n: 0, mean: null, variance: null };
    expect(plain(readSample('a', 'csat', { ...CSAT, total: 0, satisfied: { count: 0, percent: null } }, 'mean'))).toStrictEqual(empty);
    expect(plain(readSample('a', 'csat', { ...CSAT, weighted: { totalWeight: 0, effectiveSampleSize: 0 } }, 'mean'))).toStrictEqual(empty);
    expect(plain(readSample('a', 'ces', { ...CES, mean: null }, 'mean'))).toStrictEqual(empty);
  });
});

describe('readSample: loyalty index results', () => {
  it('rejects a malformed field at its path, and takes either aggregate', () => {
    rejects(
      () => readSample('b', 'loyaltyIndex', { ...LOYALTY, value: 'x' }, 'percent'),
      ['b', 'value'],
      'invalid-type',
      'compare: expected a finite number or null, received "x" at b.value',
    );
    rejects(
      () => readSample('b', 'loyaltyIndex', { ...LOYALTY, aggregate: 'median' }, 'percent'),
      ['b', 'aggregate'],
      'invalid-value',
      'compare: expected "sum" or "mean", received "median" at b.aggregate',
    );
    expect(plain(readSample('a', 'loyaltyIndex', LOYALTY, 'percent'))).toStrictEqual({ kind: 'mean', n: 3, mean: '7.5', variance: '2.25' });
    expect(plain(readSample('a', 'loyaltyIndex', { ...LOYALTY, aggregate: 'mean', value: 2.5, variance: 0.25 }, 'percent'))).toStrictEqual({
      kind: 'mean',
      n: 3,
      mean: '2.5',
      variance: '0.25',
    });
  });

  it('reads the index as the mean, empty without answers or without a value', () => {
    const empty = { kind: 'mean', n: 0, mean: null, variance: null };
    expect(plain(readSample('a', 'loyaltyIndex', { ...LOYALTY, total: 0 }, 'percent'))).toStrictEqual(empty);
    expect(plain(readSample('a', 'loyaltyIndex', { ...LOYALTY, value: null }, 'percent'))).toStrictEqual(empty);
    expect(plain(readSample('a', 'loyaltyIndex', { ...LOYALTY, total: 1, variance: null }, 'percent'))).toStrictEqual({
      kind: 'mean',
      n: 1,
      mean: '7.5',
      variance: null,
    });
  });
});

describe('readSample: proportion results', () => {
  it('rejects a malformed first contact resolution, and counts out of order, and takes either denominator', () => {
    rejects(
      () => readSample('b', 'firstContactResolution', { ...FCR, denominator: 'tickets' }, 'percent'),
      ['b', 'denominator'],
      'invalid-value',
      'compare: expected "resolved" or "all", received "tickets" at b.denominator',
    );
    rejects(
      () => readSample('b', 'firstContactResolution', { ...FCR, total: -1 }, 'percent'),
      ['b', 'total'],
      'out-of-range',
      'compare: expected a non-negative integer count, received -1 at b.total',
    );
    rejects(
      () => readSample('b', 'firstContactResolution', { ...FCR, resolved: 11 }, 'percent'),
      ['b', 'resolved'],
      'inconsistent',
      'compare: expected resolved of at most total (10), received 11 at b.resolved',
    );
    rejects(
      () => readSample('a', 'firstContactResolution', { ...FCR, resolvedFirstContact: 9 }, 'percent'),
      ['a', 'resolvedFirstContact'],
      'inconsistent',
      'compare: expected resolvedFirstContact of at most resolved (8), received 9 at a.resolvedFirstContact',
    );
    expect(readSample('a', 'firstContactResolution', { ...FCR, denominator: 'all' }, 'percent').kind).toBe('proportion');
  });

  it('reads first contact resolution over the resolved tickets or over all of them, as its denominator says', () => {
    expect(plain(readSample('a', 'firstContactResolution', FCR, 'percent'))).toStrictEqual({ kind: 'proportion', n: 8, x: 6, percent: '75' });
    expect(plain(readSample('a', 'firstContactResolution', { ...FCR, denominator: 'all' }, 'percent'))).toStrictEqual({
      kind: 'proportion',
      n: 10,
      x: 6,
      percent: '60',
    });
  });

  it('rejects a malformed customer churn, and more customers lost than counted', () => {
    rejects(
      () => readSample('b', 'customerChurn', { ...CHURN, denominator: 'end' }, 'percent'),
      ['b', 'denominator'],
      'invalid-value',
      'compare: expected "start" or "start-plus-added", received "end" at b.denominator',
    );
    rejects(
      () => readSample('b', 'customerChurn', { ...CHURN, total: 'x' }, 'percent'),
      ['b', 'total'],
      'invalid-type',
      'compare: expected a non-negative integer count, received "x" at b.total',
    );
    rejects(
      () => readSample('b', 'customerChurn', { ...CHURN, customersLost: 101 }, 'percent'),
      ['b', 'customersLost'],
      'inconsistent',
      'compare: expected customersLost of at most total (100), received 101 at b.customersLost',
    );
    expect(plain(readSample('a', 'customerChurn', CHURN, 'percent'))).toStrictEqual({ kind: 'proportion', n: 100, x: 5, percent: '5' });
    expect(plain(readSample('a', 'customerChurn', { ...CHURN, denominator: 'start-plus-added', total: 125 }, 'percent'))).toStrictEqual({
      kind: 'proportion',
      n: 125,
      x: 5,
      percent: '4',
    });
  });

  it('rejects a malformed repurchase rate, and more repeat customers than customers', () => {
    rejects(
      () => readSample('b', 'repurchaseRate', { ...REPURCHASE, repeatCustomers: -2 }, 'percent'),
      ['b', 'repeatCustomers'],
      'out-of-range',
      'compare: expected a non-negative integer count, received -2 at b.repeatCustomers',
    );
    rejects(
      () => readSample('b', 'repurchaseRate', { ...REPURCHASE, repeatCustomers: 6 }, 'percent'),
      ['b', 'repeatCustomers'],
      'inconsistent',
      'compare: expected repeatCustomers of at most total (5), received 6 at b.repeatCustomers',
    );
    expect(plain(readSample('a', 'repurchaseRate', REPURCHASE, 'percent'))).toStrictEqual({ kind: 'proportion', n: 5, x: 2, percent: '40' });
  });

  it('rejects a malformed upsell ratio, and a total that is not upgraded plus not upgraded', () => {
    rejects(
      () => readSample('b', 'upsellRatio', { ...UPSELL, upgraded: 'all' }, 'percent'),
      ['b', 'upgraded'],
      'invalid-type',
      'compare: expected a non-negative integer count, received "all" at b.upgraded',
    );
    rejects(
      () => readSample('b', 'upsellRatio', { ...UPSELL, total: 9 }, 'percent'),
      ['b', 'total'],
      'inconsistent',
      'compare: expected total to equal upgraded + notUpgraded (8), received 9 at b.total',
    );
    rejects(
      () => readSample('a', 'upsellRatio', { ...UPSELL, notUpgraded: 4 }, 'percent'),
      ['a', 'total'],
      'inconsistent',
      'compare: expected total to equal upgraded + notUpgraded (7), received 8 at a.total',
    );
    expect(plain(readSample('a', 'upsellRatio', UPSELL, 'percent'))).toStrictEqual({ kind: 'proportion', n: 8, x: 3, percent: '37.5' });
  });

  it('throws a TypeError for a metric it was never given a reader for', () => {
    expect(() => readSample('a', 'timeToResolution' as never, {}, 'percent')).toThrow(new TypeError('unreachable: unhandled case "timeToResolution"'));
  });
});

describe('checkSameDefinition', () => {
  const scale = (min: number, max: number) => ({ distribution: Array.from({ length: max - min + 1 }, (_, i) => ({ point: min + i, count: 1, percent: 0 })) });

  it('reads the answer scale of CSAT and CES compared on the mean, rejecting a malformed distribution at its path', () => {
    rejects(
      () => checkSameDefinition('csat', { distribution: 'x' }, scale(1, 5), 'mean'),
      ['a', 'distribution'],
      'invalid-type',
      'compare: expected a distribution, received "x" at a.distribution',
    );
    rejects(
      () => checkSameDefinition('csat', {}, scale(1, 5), 'mean'),
      ['a', 'distribution'],
      'missing-value',
      'compare: expected a distribution, received undefined at a.distribution',
    );
    rejects(
      () => checkSameDefinition('ces', scale(1, 5), { distribution: [3] }, 'mean'),
      ['b', 'distribution', 0],
      'invalid-type',
      'compare: expected a point { point, count, percent }, received 3 at b.distribution[0]',
    );
    rejects(
      () => checkSameDefinition('ces', scale(1, 5), { distribution: [{ point: 1 }, { point: '2' }] }, 'mean'),
      ['b', 'distribution', 1, 'point'],
      'invalid-type',
      'compare: expected a finite number, received "2" at b.distribution[1].point',
    );
  });

  it('rejects CSAT or CES means on different scales, naming both', () => {
    rejects(
      () => checkSameDefinition('csat', scale(1, 5), scale(0, 4), 'mean'),
      ['b', 'distribution'],
      'inconsistent',
      'compare: expected answers on the same scale as a (1 to 5), received 0 to 4 at b.distribution',
    );
    rejects(
      () => checkSameDefinition('ces', scale(1, 7), scale(1, 5), 'mean'),
      ['b', 'distribution'],
      'inconsistent',
      'compare: expected answers on the same scale as a (1 to 7), received 1 to 5 at b.distribution',
    );
    rejects(
      () => checkSameDefinition('ces', scale(1, 5), scale(2, 6), 'mean'),
      ['b', 'distribution'],
      'inconsistent',
      'compare: expected answers on the same scale as a (1 to 5), received 2 to 6 at b.distribution',
    );
    expect(checkSameDefinition('csat', scale(1, 5), scale(1, 5), 'mean')).toBe(undefined);
    expect(checkSameDefinition('ces', scale(1, 7), scale(1, 7), 'mean')).toBe(undefined);
  });

  it('does not read the scale of percents, nor of metrics without a distribution', () => {
    expect(checkSameDefinition('csat', scale(1, 5), scale(0, 10), 'percent')).toBe(undefined);
    expect(checkSameDefinition('ces', scale(1, 7), scale(1, 5), 'percent')).toBe(undefined);
    expect(checkSameDefinition('loyaltyIndex', LOYALTY, LOYALTY, 'mean')).toBe(undefined);
    expect(checkSameDefinition('nps', NPS, NPS, 'mean')).toBe(undefined);
  });

  it('rejects results of different definitions, naming both', () => {
    rejects(
      () => checkSameDefinition('firstContactResolution', FCR, { ...FCR, denominator: 'all' }, 'percent'),
      ['b', 'denominator'],
      'inconsistent',
      'compare: expected the same denominator as a ("resolved"), received "all" at b.denominator',
    );
    rejects(
      () => checkSameDefinition('customerChurn', CHURN, { ...CHURN, denominator: 'start-plus-added' }, 'percent'),
      ['b', 'denominator'],
      'inconsistent',
      'compare: expected the same denominator as a ("start"), received "start-plus-added" at b.denominator',
    );
    rejects(
      () => checkSameDefinition('loyaltyIndex', LOYALTY, { ...LOYALTY, aggregate: 'mean' }, 'percent'),
      ['b', 'aggregate'],
      'inconsistent',
      'compare: expected the same aggregate as a ("sum"), received "mean" at b.aggregate',
    );
    expect(checkSameDefinition('firstContactResolution', FCR, FCR, 'percent')).toBe(undefined);
    expect(checkSameDefinition('customerChurn', CHURN, CHURN, 'percent')).toBe(undefined);
    expect(checkSameDefinition('loyaltyIndex', LOYALTY, LOYALTY, 'percent')).toBe(undefined);
  });

  it('compares no other field of metrics with a single definition', () => {
    const a = { denominator: 'resolved', aggregate: 'sum', method: 'customers', undefined: 1 };
    const b = { denominator: 'all', aggregate: 'mean', method: 'repurchases', undefined: 2 };
    for (const metric of ['nps', 'csat', 'ces', 'repurchaseRate', 'upsellRatio'] as const) {
      expect(checkSameDefinition(metric, a, b, 'percent')).toBe(undefined);
    }
  });
});

describe('samples from a freshly loaded module', () => {
  it('validates every comparable metric’s fields, in errors of compare', async () => {
    vi.resetModules();
    const fresh = await import('../../../src/core/comparison/samples.js');
    const bad: [Parameters<typeof readSample>[1], object, 'percent' | 'mean', MetricsPath][] = [
      ['nps', { ...NPS, passives: 1 }, 'percent', ['a', 'passives']],
      ['csat', { ...CSAT, total: -1 }, 'percent', ['a', 'total']],
      ['csat', { ...CSAT, variance: 'x' }, 'mean', ['a', 'variance']],
      ['ces', { ...CES, easy: 1 }, 'percent', ['a', 'easy']],
      ['ces', { ...CES, value: 'x' }, 'percent', ['a', 'value']],
      ['loyaltyIndex', { ...LOYALTY, total: 'x' }, 'percent', ['a', 'total']],
      ['firstContactResolution', { ...FCR, resolved: 'x' }, 'percent', ['a', 'resolved']],
      ['customerChurn', { ...CHURN, customersLost: 'x' }, 'percent', ['a', 'customersLost']],
      ['repurchaseRate', { ...REPURCHASE, total: 'x' }, 'percent', ['a', 'total']],
      ['upsellRatio', { ...UPSELL, notUpgraded: 'x' }, 'percent', ['a', 'notUpgraded']],
    ];
    for (const [metric, result, on, path] of bad) {
      expectMetricsError(() => fresh.readSample('a', metric, result, on), 'compare', path);
    }
    expect(plain(fresh.readSample('b', 'csat', CSAT, 'mean'))).toStrictEqual({ kind: 'mean', n: 10, mean: '3.5', variance: '1.25' });
  });

  it('checks definitions and answer scales', async () => {
    vi.resetModules();
    const fresh = await import('../../../src/core/comparison/samples.js');
    expectMetricsError(() => fresh.checkSameDefinition('firstContactResolution', FCR, { ...FCR, denominator: 'all' }, 'percent'), 'compare', [
      'b',
      'denominator',
    ]);
    expectMetricsError(() => fresh.checkSameDefinition('customerChurn', CHURN, { ...CHURN, denominator: 'start-plus-added' }, 'percent'), 'compare', [
      'b',
      'denominator',
    ]);
    expectMetricsError(() => fresh.checkSameDefinition('loyaltyIndex', LOYALTY, { ...LOYALTY, aggregate: 'mean' }, 'percent'), 'compare', ['b', 'aggregate']);
    const scale = { distribution: [{ point: 1 }, { point: 2 }] };
    expect(fresh.checkSameDefinition('csat', scale, scale, 'mean')).toBe(undefined);
    expectMetricsError(() => fresh.checkSameDefinition('ces', scale, { distribution: [{ point: 1 }] }, 'mean'), 'compare', ['b', 'distribution']);
  });
});
