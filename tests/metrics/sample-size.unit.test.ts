/**
 * sampleSizeFor(): the wording and paths of every refused plan, and the
 * metrics it names when the metric is unknown.
 */
import { describe, expect, it, vi } from 'vitest';
import { type MetricsPath, type SampleSizeForOptions, sampleSizeFor } from '../../src/index.js';
import { expectMetricsError } from '../helpers/errors.js';

/** Expects a MetricsError of sampleSizeFor at `['options', ...path]` with `code` and the whole `message`. */
function rejects(plan: unknown, path: MetricsPath, code: string, message: string): void {
  expect(expectMetricsError(() => sampleSizeFor(plan as SampleSizeForOptions), 'sampleSizeFor', ['options', ...path], code).message).toBe(message);
}

const METRIC_MESSAGE =
  'expected "nps" or a proportion ("proportion", "csat", "ces", "firstContactResolution", "customerChurn", "repurchaseRate", "upsellRatio")';

describe('sampleSizeFor: malformed plans', () => {
  it('says what each field of the plan expected', () => {
    rejects('nps', [], 'invalid-type', 'sampleSizeFor: expected a plan { metric, marginOfError, level?, expected?, population? }, received "nps" at options');
    rejects(
      { metric: 'loyaltyIndex', marginOfError: 5 },
      ['metric'],
      'invalid-value',
      `sampleSizeFor: ${METRIC_MESSAGE}, received "loyaltyIndex" at options.metric`,
    );
    rejects(
      { metric: 'nps', marginOfError: '5' },
      ['marginOfError'],
      'invalid-type',
      'sampleSizeFor: expected a margin of error above 0, received "5" at options.marginOfError',
    );
    rejects(
      { metric: 'nps', marginOfError: 0 },
      ['marginOfError'],
      'out-of-range',
      'sampleSizeFor: expected a margin of error above 0, received 0 at options.marginOfError',
    );
    rejects(
      { metric: 'nps', marginOfError: 5, expected: 'half' },
      ['expected'],
      'invalid-value',
      'sampleSizeFor: expected an expected percent, or { promoters, detractors } for NPS, received "half" at options.expected',
    );
    rejects(
      { metric: 'nps', marginOfError: 5, expected: { promoters: '50', detractors: 20 } },
      ['expected', 'promoters'],
      'invalid-type',
      'sampleSizeFor: expected a percent from 0 to 100, received "50" at options.expected.promoters',
    );
    rejects(
      { metric: 'nps', marginOfError: 5, expected: { promoters: -1, detractors: 50 } },
      ['expected', 'promoters'],
      'out-of-range',
      'sampleSizeFor: expected a percent from 0 to 100, received -1 at options.expected.promoters',
    );
    const over = expectMetricsError(
      () => sampleSizeFor({ metric: 'nps', marginOfError: 5, expected: { promoters: 0, detractors: 101 } }),
      'sampleSizeFor',
      ['options', 'expected', 'detractors'],
      'out-of-range',
    );
    expect(over.issues[0]!.message).toBe('expected a percent from 0 to 100, received 101');
    rejects(
      { metric: 'nps', marginOfError: 5, population: '1000' },
      ['population'],
      'invalid-type',
      'sampleSizeFor: expected an integer population of at least 1, received "1000" at options.population',
    );
    rejects(
      { metric: 'nps', marginOfError: 5, population: 99.5 },
      ['population'],
      'out-of-range',
      'sampleSizeFor: expected an integer population of at least 1, received 99.5 at options.population',
    );
    rejects(
      { metric: 'nps', marginOfError: 5, population: 0 },
      ['population'],
      'out-of-range',
      'sampleSizeFor: expected an integer population of at least 1, received 0 at options.population',
    );
  });

  it('bounds the margin of error by the scale of the metric', () => {
    rejects(
      { metric: 'nps', marginOfError: 200.5 },
      ['marginOfError'],
      'out-of-range',
      'sampleSizeFor: expected a margin of error of at most 200 points, received 200.5 at options.marginOfError',
    );
    rejects(
      { metric: 'csat', marginOfError: 100.5 },
      ['marginOfError'],
      'out-of-range',
      'sampleSizeFor: expected a margin of error of at most 100 percentage points, received 100.5 at options.marginOfError',
    );
    expect(sampleSizeFor({ metric: 'nps', marginOfError: 200 }).value).toBe(1);
    expect(sampleSizeFor({ metric: 'csat', marginOfError: 100 }).value).toBe(1);
  });

  it('refuses a margin that would need 2^53 answers or more', () => {
    rejects(
      { metric: 'proportion', marginOfError: 1e-9 },
      ['marginOfError'],
      'out-of-range',
      'sampleSizeFor: expected a margin of error that needs fewer than 2^53 answers, received 1e-9 at options.marginOfError',
    );
  });
});

describe('sampleSizeFor: expectations', () => {
  it('refuses an expectation of the wrong kind for the metric', () => {
    rejects(
      { metric: 'nps', marginOfError: 5, expected: 50 },
      ['expected'],
      'invalid-type',
      'sampleSizeFor: expected { promoters, detractors } shares in percent for NPS, received 50 at options.expected',
    );
    rejects(
      { metric: 'ces', marginOfError: 5, expected: { promoters: 50, detractors: 20 } },
      ['expected'],
      'invalid-type',
      'sampleSizeFor: expected a percent for a proportion, received an object at options.expected',
    );
  });

  it('refuses a proportion at 0 or 100, where the formula needs no answers', () => {
    for (const percent of [0, 100]) {
      rejects(
        { metric: 'proportion', marginOfError: 5, expected: percent },
        ['expected'],
        'out-of-range',
        `sampleSizeFor: expected a percent strictly between 0 and 100 (at 0 or 100 the formula needs no answers), received ${percent} at options.expected`,
      );
    }
  });

  it('refuses NPS shares over 100 in all, or with every answer in one group', () => {
    rejects(
      { metric: 'nps', marginOfError: 5, expected: { promoters: 70, detractors: 40 } },
      ['expected', 'detractors'],
      'inconsistent',
      'sampleSizeFor: expected promoters + detractors of at most 100, received 70 + 40 at options.expected.detractors',
    );
    for (const expected of [
      { promoters: 0, detractors: 0 },
      { promoters: 100, detractors: 0 },
      { promoters: 0, detractors: 100 },
    ]) {
      rejects(
        { metric: 'nps', marginOfError: 5, expected },
        ['expected'],
        'invalid-value',
        'sampleSizeFor: expected shares with some spread: when every answer is in one group the formula needs no answers at options.expected',
      );
    }
  });

  it('reports the expectation it used, as given or the worst case', () => {
    expect(sampleSizeFor({ metric: 'nps', marginOfError: 5, expected: { promoters: 50, detractors: 20 } }).expected).toStrictEqual({
      promoters: 50,
      detractors: 20,
    });
    expect(sampleSizeFor({ metric: 'nps', marginOfError: 5 }).expected).toStrictEqual({ promoters: 50, detractors: 50 });
    expect(sampleSizeFor({ metric: 'proportion', marginOfError: 5 }).expected).toBe(50);
    expect(sampleSizeFor({ metric: 'upsellRatio', marginOfError: 5, expected: 20 }).expected).toBe(20);
  });
});

describe('sampleSizeFor from a freshly loaded module', () => {
  it('names sampleSizeFor and the metrics it plans for', async () => {
    vi.resetModules();
    const fresh = await import('../../src/metrics/sample-size.js');
    expect(
      expectMetricsError(() => fresh.sampleSizeFor({ metric: 'mrrChurn' as never, marginOfError: 5 }), 'sampleSizeFor', ['options', 'metric']).message,
    ).toBe(`sampleSizeFor: ${METRIC_MESSAGE}, received "mrrChurn" at options.metric`);
    expect(fresh.sampleSizeFor({ metric: 'proportion', marginOfError: 5 }).value).toBe(385);
  });
});
