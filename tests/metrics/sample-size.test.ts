/**
 * sampleSizeFor(): examples, reference vectors, edge cases, errors, laws.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type SampleSizeForOptions, sampleSizeFor } from '../../src/index.js';
import { expectMetricsError } from '../helpers/errors.js';
import { sampleSizeVectors } from '../vectors/sample-size.js';

describe('sampleSizeFor: documented examples', () => {
  it('repeats the TSDoc examples', () => {
    expect(sampleSizeFor({ metric: 'proportion', marginOfError: 5 }).value).toBe(385);
    expect(sampleSizeFor({ metric: 'csat', marginOfError: 5, population: 1000 }).value).toBe(278);
    expect(sampleSizeFor({ metric: 'nps', marginOfError: 5 }).value).toBe(1537);
    expect(sampleSizeFor({ metric: 'nps', marginOfError: 5, expected: { promoters: 50, detractors: 20 } }).value).toBe(938);
    expectMetricsError(() => sampleSizeFor({ metric: 'nps', marginOfError: 0 }), 'sampleSizeFor', ['options', 'marginOfError'], 'out-of-range');
  });
});

describe('sampleSizeFor: reference vectors', () => {
  it.each(sampleSizeVectors.map((v) => [v.name, v] as const))('%s', (_name, v) => {
    const r = sampleSizeFor(v.input);
    expect({ value: r.value, uncorrected: r.uncorrected }).toStrictEqual(v.expected);
  });
});

describe('sampleSizeFor: results', () => {
  it('returns the whole skeleton, with the worst case filled in', () => {
    expect(sampleSizeFor({ metric: 'nps', marginOfError: 5 })).toStrictEqual({
      metric: 'sampleSizeFor',
      unit: 'responses',
      value: 1537,
      estimate: 'nps',
      marginOfError: 5,
      level: 0.95,
      expected: { promoters: 50, detractors: 50 },
      population: null,
      uncorrected: 1537,
      warnings: [],
    });
    const r = sampleSizeFor({ metric: 'firstContactResolution', marginOfError: 4, level: 0.9, expected: 70, population: 5000 });
    expect(r).toMatchObject({ estimate: 'firstContactResolution', expected: 70, population: 5000, level: 0.9 });
    expect(r.value).toBeLessThan(r.uncorrected);
    expect(Object.isFrozen(r) && Object.isFrozen(r.warnings)).toBe(true);
  });
  it('accepts every proportion metric name and treats them alike', () => {
    const base = sampleSizeFor({ metric: 'proportion', marginOfError: 2, expected: 20 }).value;
    for (const metric of ['csat', 'ces', 'firstContactResolution', 'customerChurn', 'repurchaseRate', 'upsellRatio'] as const) {
      expect(sampleSizeFor({ metric, marginOfError: 2, expected: 20 }).value).toBe(base);
    }
  });
  it('warns when the plan is too small for the normal approximation', () => {
    expect(sampleSizeFor({ metric: 'proportion', marginOfError: 20 }).warnings.map((w) => w.code)).toStrictEqual(['small-sample']);
    expect(sampleSizeFor({ metric: 'proportion', marginOfError: 1, expected: 0.1 }).warnings.map((w) => w.code)).toStrictEqual(['small-sample']);
    expect(sampleSizeFor({ metric: 'nps', marginOfError: 50 }).warnings.map((w) => w.code)).toStrictEqual(['small-sample']);
  });
  it('handles the ends: a huge margin needs one answer, a population of one needs one', () => {
    expect(sampleSizeFor({ metric: 'proportion', marginOfError: 100, expected: 1 }).value).toBe(1);
    expect(sampleSizeFor({ metric: 'nps', marginOfError: 200 }).value).toBe(1);
    expect(sampleSizeFor({ metric: 'proportion', marginOfError: 1, population: 1 }).value).toBe(1);
    // 9604 / (1 + 9603 / 100) = 98.98: nearly the whole population
    expect(sampleSizeFor({ metric: 'proportion', marginOfError: 1, population: 100 }).value).toBe(99);
  });
  it('takes a frozen plan', () => {
    expect(sampleSizeFor(Object.freeze({ metric: 'proportion', marginOfError: 5 } as const)).value).toBe(385);
  });
});

describe('sampleSizeFor: errors', () => {
  const path = (fn: () => unknown, p: (string | number)[], code: string) => expectMetricsError(fn, 'sampleSizeFor', ['options', ...p], code);
  it('rejects a missing or malformed plan', () => {
    expectMetricsError(() => sampleSizeFor(undefined as never), 'sampleSizeFor', ['options'], 'missing-value');
    expectMetricsError(() => sampleSizeFor('nps' as never), 'sampleSizeFor', ['options'], 'invalid-type');
    path(() => sampleSizeFor({ metric: 'loyaltyIndex' as never, marginOfError: 5 }), ['metric'], 'invalid-value');
    path(() => sampleSizeFor({ marginOfError: 5 } as never), ['metric'], 'invalid-value');
    path(() => sampleSizeFor({ metric: 'nps' } as never), ['marginOfError'], 'missing-value');
    path(() => sampleSizeFor({ metric: 'nps', marginOfError: 5, decimals: 2 } as never), ['decimals'], 'unknown-key');
  });
  it('rejects margins, levels and populations out of range', () => {
    path(() => sampleSizeFor({ metric: 'proportion', marginOfError: -1 }), ['marginOfError'], 'out-of-range');
    path(() => sampleSizeFor({ metric: 'proportion', marginOfError: 101 }), ['marginOfError'], 'out-of-range');
    path(() => sampleSizeFor({ metric: 'nps', marginOfError: 201 }), ['marginOfError'], 'out-of-range');
    path(() => sampleSizeFor({ metric: 'nps', marginOfError: Infinity }), ['marginOfError'], 'out-of-range');
    path(() => sampleSizeFor({ metric: 'proportion', marginOfError: 1e-9 }), ['marginOfError'], 'out-of-range');
    path(() => sampleSizeFor({ metric: 'nps', marginOfError: 5, level: 1 }), ['level'], 'out-of-range');
    path(() => sampleSizeFor({ metric: 'nps', marginOfError: 5, population: 0 }), ['population'], 'out-of-range');
    path(() => sampleSizeFor({ metric: 'nps', marginOfError: 5, population: 10.5 }), ['population'], 'out-of-range');
  });
  it('rejects expectations of the wrong kind or without spread', () => {
    path(() => sampleSizeFor({ metric: 'nps', marginOfError: 5, expected: 50 }), ['expected'], 'invalid-type');
    path(() => sampleSizeFor({ metric: 'proportion', marginOfError: 5, expected: { promoters: 50, detractors: 20 } }), ['expected'], 'invalid-type');
    path(() => sampleSizeFor({ metric: 'proportion', marginOfError: 5, expected: 0 }), ['expected'], 'out-of-range');
    path(() => sampleSizeFor({ metric: 'proportion', marginOfError: 5, expected: 100 }), ['expected'], 'out-of-range');
    path(() => sampleSizeFor({ metric: 'nps', marginOfError: 5, expected: { promoters: 70, detractors: 40 } }), ['expected', 'detractors'], 'inconsistent');
    path(() => sampleSizeFor({ metric: 'nps', marginOfError: 5, expected: { promoters: 101, detractors: 0 } }), ['expected', 'promoters'], 'out-of-range');
    path(() => sampleSizeFor({ metric: 'nps', marginOfError: 5, expected: { promoters: 0, detractors: 0 } }), ['expected'], 'invalid-value');
    path(() => sampleSizeFor({ metric: 'nps', marginOfError: 5, expected: { promoters: 100, detractors: 0 } }), ['expected'], 'invalid-value');
  });
});

describe('sampleSizeFor: laws', () => {
  const plan = fc.oneof(
    fc.record({
      metric: fc.constant('proportion' as const),
      marginOfError: fc.double({ min: 0.5, max: 30, noNaN: true }),
      expected: fc.integer({ min: 1, max: 99 }),
    }),
    fc
      .record({
        metric: fc.constant('nps' as const),
        marginOfError: fc.double({ min: 0.5, max: 60, noNaN: true }),
        promoters: fc.integer({ min: 0, max: 100 }),
        detractors: fc.integer({ min: 0, max: 100 }),
      })
      .filter((p) => p.promoters + p.detractors <= 100 && p.promoters !== 100 && p.detractors !== 100 && p.promoters + p.detractors > 0)
      .map(({ promoters, detractors, ...rest }): SampleSizeForOptions => ({ ...rest, expected: { promoters, detractors } })),
  );
  it('needs more answers for a smaller margin or a higher level, and fewer from a finite population', () => {
    fc.assert(
      fc.property(plan, fc.integer({ min: 1, max: 100_000 }), (p, population) => {
        const base = sampleSizeFor(p);
        expect(Number.isSafeInteger(base.value) && base.value >= 1).toBe(true);
        expect(sampleSizeFor({ ...p, marginOfError: p.marginOfError / 2 }).value).toBeGreaterThanOrEqual(base.value);
        expect(sampleSizeFor({ ...p, level: 0.99 }).value).toBeGreaterThanOrEqual(base.value);
        const finite = sampleSizeFor({ ...p, population });
        expect(finite.value).toBeLessThanOrEqual(Math.min(base.value, population));
        expect(finite.uncorrected).toBe(base.value);
      }),
      { numRuns: 150 },
    );
  });
  it('is the smallest whole number at or above the formula (checked against the double formula, 1e-9 relative)', () => {
    fc.assert(
      fc.property(plan, (p) => {
        const z = 1.959963984540054;
        const e = p.expected!;
        const variance = typeof e === 'number' ? (e / 100) * (1 - e / 100) : e.promoters / 100 + e.detractors / 100 - ((e.promoters - e.detractors) / 100) ** 2;
        const n0 = (z * z * variance) / (p.marginOfError / 100) ** 2;
        const value = sampleSizeFor(p).value;
        expect(value).toBeGreaterThanOrEqual(n0 * (1 - 1e-9));
        expect(value - 1).toBeLessThan(n0 * (1 + 1e-9));
      }),
      { numRuns: 150 },
    );
  });
});
