/**
 * Choosing compare's test from `method` and `on`: the defaults of each
 * metric, the choices it offers, and the wording of a refused choice.
 */
import { describe, expect, it, vi } from 'vitest';
import { chooseMethod } from '../../../src/core/comparison/methods.js';
import type { MetricsPath } from '../../../src/index.js';
import { expectMetricsError } from '../../helpers/errors.js';

/** Expects a MetricsError of compare at `path`, code `invalid-value`, with the whole `message`. */
function refuses(run: () => unknown, path: MetricsPath, message: string): void {
  expect(expectMetricsError(run, 'compare', path, 'invalid-value').message).toBe(message);
}

describe('chooseMethod: refused choices', () => {
  it('refuses on for metrics with one quantity to compare', () => {
    refuses(
      () => chooseMethod('nps', undefined, 'mean'),
      ['options', 'on'],
      'compare: expected no on for nps results (only csat and ces compare on the percent or the mean), received "mean" at options.on',
    );
    refuses(
      () => chooseMethod('customerChurn', 'n-1', 'percent'),
      ['options', 'on'],
      'compare: expected no on for customerChurn results (only csat and ces compare on the percent or the mean), received "percent" at options.on',
    );
  });

  it('refuses a test the metric does not offer, listing the ones it does', () => {
    refuses(
      () => chooseMethod('nps', 'n-1', undefined),
      ['options', 'method'],
      'compare: expected "adjusted-wald" or "wald" for nps, received "n-1" at options.method',
    );
    refuses(
      () => chooseMethod('loyaltyIndex', 'wald', undefined),
      ['options', 'method'],
      'compare: expected "welch" for loyaltyIndex, received "wald" at options.method',
    );
    refuses(
      () => chooseMethod('upsellRatio', 'welch', undefined),
      ['options', 'method'],
      'compare: expected "n-1" for upsellRatio, received "welch" at options.method',
    );
  });

  it('points CSAT and CES to the quantity a refused test compares', () => {
    refuses(
      () => chooseMethod('csat', 'welch', undefined),
      ['options', 'method'],
      `compare: expected "n-1" for csat on the percent (compare the means with on: 'mean'), received "welch" at options.method`,
    );
    refuses(
      () => chooseMethod('ces', 'welch', 'percent'),
      ['options', 'method'],
      `compare: expected "n-1" for ces on the percent (compare the means with on: 'mean'), received "welch" at options.method`,
    );
    refuses(
      () => chooseMethod('csat', 'n-1', 'mean'),
      ['options', 'method'],
      `compare: expected "welch" for csat on the mean (on: 'mean' compares with 'welch'), received "n-1" at options.method`,
    );
    refuses(
      () => chooseMethod('ces', 'adjusted-wald', 'mean'),
      ['options', 'method'],
      `compare: expected "welch" for ces on the mean (on: 'mean' compares with 'welch'), received "adjusted-wald" at options.method`,
    );
    refuses(
      () => chooseMethod('csat', 'wald', 'percent'),
      ['options', 'method'],
      `compare: expected "n-1" for csat on the percent (on: 'mean' compares with 'welch'), received "wald" at options.method`,
    );
  });
});

describe('chooseMethod: chosen tests', () => {
  it('defaults to the first test of each metric, on the percent', () => {
    expect(chooseMethod('nps', undefined, undefined)).toStrictEqual({ method: 'adjusted-wald', on: 'percent' });
    expect(chooseMethod('csat', undefined, undefined)).toStrictEqual({ method: 'n-1', on: 'percent' });
    expect(chooseMethod('ces', undefined, undefined)).toStrictEqual({ method: 'n-1', on: 'percent' });
    expect(chooseMethod('loyaltyIndex', undefined, undefined)).toStrictEqual({ method: 'welch', on: 'percent' });
    for (const metric of ['firstContactResolution', 'customerChurn', 'repurchaseRate', 'upsellRatio'] as const) {
      expect(chooseMethod(metric, undefined, undefined)).toStrictEqual({ method: 'n-1', on: 'percent' });
    }
  });

  it('takes a test the metric offers, and the quantity CSAT and CES are compared on', () => {
    expect(chooseMethod('nps', 'wald', undefined)).toStrictEqual({ method: 'wald', on: 'percent' });
    expect(chooseMethod('nps', 'adjusted-wald', undefined)).toStrictEqual({ method: 'adjusted-wald', on: 'percent' });
    expect(chooseMethod('csat', undefined, 'mean')).toStrictEqual({ method: 'welch', on: 'mean' });
    expect(chooseMethod('ces', 'welch', 'mean')).toStrictEqual({ method: 'welch', on: 'mean' });
    expect(chooseMethod('ces', 'n-1', 'percent')).toStrictEqual({ method: 'n-1', on: 'percent' });
    expect(chooseMethod('loyaltyIndex', 'welch', undefined)).toStrictEqual({ method: 'welch', on: 'percent' });
  });

  it('throws a TypeError for a metric without a compare plan it knows', () => {
    const reason = 'timeToResolution results cannot be compared: durations are skewed and censored, and no test of medians is provided';
    expect(() => chooseMethod('timeToResolution' as never, undefined, undefined)).toThrow(
      new TypeError(`unreachable: unhandled case ${JSON.stringify({ reason })}`),
    );
  });

  it('names compare in its errors when freshly loaded', async () => {
    vi.resetModules();
    const fresh = await import('../../../src/core/comparison/methods.js');
    refuses(
      () => fresh.chooseMethod('nps', 'welch', undefined),
      ['options', 'method'],
      'compare: expected "adjusted-wald" or "wald" for nps, received "welch" at options.method',
    );
  });
});
