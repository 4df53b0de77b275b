/**
 * Reference vectors for the survey metrics, each with its source. Expected
 * values are either the source's own figure (at the precision it states) or
 * the exact rational written as a single JavaScript division, which IEEE 754
 * rounds correctly, so the comparison is exact.
 */
import type { CesOptions, CsatOptions, LoyaltyAnswer, LoyaltyIndexOptions, NpsOptions } from '../../src/index.js';

export interface Vector<I, O, E> {
  readonly name: string;
  readonly source: string;
  readonly input: I;
  readonly options?: O;
  readonly expected: E;
}

type NpsCountsInput = { promoters: number; passives: number; detractors: number };

export const npsCountVectors: Vector<NpsCountsInput, NpsOptions, { value: number | null }>[] = [
  {
    name: '100 promoters, 30 passives, 80 detractors',
    source: 'MeasuringU, "NPS and UX" (measuringu.com/nps-ux), quoted in the doctest of gist fitzgeraldsteele/7361953: "an NPS of 9.5% (20 divided by 210)"',
    input: { promoters: 100, passives: 30, detractors: 80 },
    options: { decimals: 1 },
    expected: { value: 9.5 },
  },
  {
    name: '100 promoters, 30 passives, 80 detractors, unrounded',
    source: 'as above, exact: 100 * 20 / 210 = 200 / 21',
    input: { promoters: 100, passives: 30, detractors: 80 },
    expected: { value: 200 / 21 },
  },
  {
    name: '30% promoters, 50% passives, 20% detractors',
    source: 'common worked example ("30% promoters, 50% passives and 20% detractors, your NPS is +10"); hand calculation 30 - 20 = 10',
    input: { promoters: 30, passives: 50, detractors: 20 },
    expected: { value: 10 },
  },
  {
    name: 'no answers',
    source: 'definition: NPS is undefined without answers (docs/metrics/nps.md)',
    input: { promoters: 0, passives: 0, detractors: 0 },
    expected: { value: null },
  },
];

export const npsScoreVectors: Vector<number[], NpsOptions, { value: number | null; promoters: number; passives: number; detractors: number }>[] = [
  {
    name: 'one answer on every point 0-10',
    source: 'doctest of gist fitzgeraldsteele/7361953: netpromoterscore([0..10]) == -45.45454545454545 (Python float; exact -500/11)',
    input: [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10],
    expected: { value: -500 / 11, promoters: 2, passives: 2, detractors: 7 },
  },
  {
    name: 'worked example of docs/metrics/nps.md',
    source: 'hand calculation in docs/metrics/nps.md: 4 promoters, 3 passives, 3 detractors of 10: 40 - 30 = 10',
    input: [10, 9, 9, 10, 8, 7, 8, 6, 3, 0],
    expected: { value: 10, promoters: 4, passives: 3, detractors: 3 },
  },
  {
    name: '1-10 scale (source 001), default cut-offs',
    source: 'what-the-sources-say.md, NPS: source 001 uses "a simple scale from 1 to 10"; hand calculation: promoters 9-10 (2), detractors 1-6 (2) of 5: 0',
    input: [1, 6, 7, 9, 10],
    options: { scale: { min: 1, max: 10 } },
    expected: { value: 0, promoters: 2, passives: 1, detractors: 2 },
  },
];

export const csatVectors: Vector<Record<string, number>, CsatOptions, { value: number | null; mean: number | null; satisfied: number }>[] = [
  {
    name: '50 answers on 1-5',
    source:
      'Intercom VOC Metrics help, "What is CSAT and how is CSAT score calculated": 10 rated 5, 20 rated 4, 10 rated 3, 5 rated 2, 5 rated 1; CSAT = (10 + 20) / 50 * 100 = 60%; mean 175 / 50 = 3.5 by hand',
    input: { 5: 10, 4: 20, 3: 10, 2: 5, 1: 5 },
    expected: { value: 60, mean: 3.5, satisfied: 30 },
  },
  {
    name: '100 answers, 80 satisfied',
    source:
      'theprimecalculator.com CSAT formula page, worked example: 80 of 100 rated 4 or 5, CSAT = 80% (the split over the points is chosen here; the mean 415 / 100 is by hand for it)',
    input: { 5: 50, 4: 30, 3: 10, 2: 5, 1: 5 },
    expected: { value: 80, mean: 415 / 100, satisfied: 80 },
  },
  {
    name: 'three-point scale Great / Good / Bad (004), top point satisfied',
    source: 'what-the-sources-say.md, CSAT: three-point questions (004); hand calculation in docs/metrics/csat.md: 6 Great of 10 = 60%',
    input: { 3: 6, 2: 3, 1: 1 },
    options: { scale: { min: 1, max: 3 } },
    expected: { value: 60, mean: 25 / 10, satisfied: 6 },
  },
];

export const cesVectors: Vector<Record<string, number>, CesOptions, { value: number | null; mean: number | null; easy: number }>[] = [
  {
    name: 'worked example of docs/metrics/ces.md, CES 2.0 on 1-7',
    source:
      'hand calculation in docs/metrics/ces.md: 7 x 12, 6 x 18, 5 x 10, 4 x 5, 3 x 3, 2 x 1, 1 x 1 of 50; easy = the top two (6, 7, the stricter reading in the tryvouch.io CES glossary): 30 / 50 = 60%; mean 274 / 50',
    input: { 7: 12, 6: 18, 5: 10, 4: 5, 3: 3, 2: 1, 1: 1 },
    expected: { value: 60, mean: 274 / 50, easy: 30 },
  },
  {
    name: 'the same answers with 5 and above counted as easy',
    source: 'Simplesat help, "What is CES": adapted from Gartner, the percentage of positive ratings (5 or above) on 1-7; (12 + 18 + 10) / 50 = 80% by hand',
    input: { 7: 12, 6: 18, 5: 10, 4: 5, 3: 3, 2: 1, 1: 1 },
    options: { easy: [5, 6, 7] },
    expected: { value: 80, mean: 274 / 50, easy: 40 },
  },
  {
    name: 'ten answers, 8 positive',
    source:
      'Simplesat help, "What is CES": "8 positives / 10 feedback received = 80%" (the split over 5, 6 and 7 is chosen here and does not change the share)',
    input: { 7: 4, 6: 2, 5: 2, 2: 1, 1: 1 },
    options: { easy: [5, 6, 7] },
    expected: { value: 80, mean: 53 / 10, easy: 8 },
  },
  {
    name: 'effort scale 0-3 (003), 0 = no effort',
    source: 'what-the-sources-say.md, CES: 0-3 scale (003); hand calculation: easy = 0 and 1, (4 + 3) / 10 = 70%',
    input: { 0: 4, 1: 3, 2: 2, 3: 1 },
    options: { scale: { min: 0, max: 3 }, direction: 'lower-is-easier' },
    expected: { value: 70, mean: 10 / 10, easy: 7 },
  },
];

export const loyaltyVectors: Vector<LoyaltyAnswer[], LoyaltyIndexOptions, { value: number | null; recommend: number | null }>[] = [
  {
    name: 'worked example of docs/metrics/loyalty-index.md',
    source: 'what-the-sources-say.md, CLI (003): the sum of the three 0-10 answers; hand calculation in docs/metrics/loyalty-index.md: means 8, 7, 5, index 20',
    input: [
      { recommend: 10, repurchase: 9, upsell: 6 },
      { recommend: 8, repurchase: 7, upsell: 5 },
      { recommend: 6, repurchase: 5, upsell: 4 },
    ],
    expected: { value: 20, recommend: 8 },
  },
  {
    name: 'the same, as a mean of the three means',
    source: 'hand calculation: 20 / 3',
    input: [
      { recommend: 10, repurchase: 9, upsell: 6 },
      { recommend: 8, repurchase: 7, upsell: 5 },
      { recommend: 6, repurchase: 5, upsell: 4 },
    ],
    options: { aggregate: 'mean' },
    expected: { value: 20 / 3, recommend: 8 },
  },
];

type IntervalFields = { lower: number; upper: number; standardError: number | null };

export const npsIntervalVectors: Vector<NpsCountsInput, NpsOptions, IntervalFields>[] = [
  {
    name: 'worked example of docs/metrics/nps.md, Wald',
    source:
      'hand calculation in docs/metrics/nps.md: 4 promoters, 3 passives, 3 detractors; variance per answer 0.4 + 0.3 - 0.1² = 0.69, SE = 100 sqrt(0.69 / 10) = 26.27, 10 ± 1.96 SE = [-41.48, 61.48]',
    input: { promoters: 4, passives: 3, detractors: 3 },
    options: { interval: { method: 'wald' }, decimals: 2 },
    expected: { lower: -41.48, upper: 61.48, standardError: 26.27 },
  },
  {
    name: 'worked example of docs/metrics/nps.md, adjusted Wald',
    source:
      'hand calculation in docs/metrics/nps.md: 4.75 promoters, 4.5 passives, 3.75 detractors of 13; centre 100 / 13 = 7.69, variance (4.75 + 3.75) / 13 - (1 / 13)² = 109.5 / 169, SE = 100 sqrt(109.5 / 169 / 13) = 22.33, 7.69 ± 1.96 SE = [-36.06, 51.45]',
    input: { promoters: 4, passives: 3, detractors: 3 },
    options: { interval: true, decimals: 2 },
    expected: { lower: -36.06, upper: 51.45, standardError: 22.33 },
  },
  {
    name: 'every answer a promoter, Wald: zero width',
    source: 'hand calculation in docs/metrics/nps.md: p = 1, d = 0, variance 1 + 0 - 1² = 0, so [100, 100]',
    input: { promoters: 12, passives: 0, detractors: 0 },
    options: { interval: { method: 'wald' } },
    expected: { lower: 100, upper: 100, standardError: 0 },
  },
];

export const csatIntervalVectors: Vector<Record<string, number>, CsatOptions, IntervalFields>[] = [
  {
    name: '37 of 50 satisfied, Wilson',
    source:
      'hand calculation in docs/metrics/csat.md: p = 0.74, n = 50, z = 1.96; (p + z²/2n ± z sqrt(p(1 - p)/n + z²/4n²)) / (1 + z²/n) = [0.6045, 0.8413]; R prop.test(37, 50, correct = FALSE) and statsmodels proportion_confint(37, 50, method = "wilson") give 0.6044684, 0.8412847',
    input: { 1: 2, 2: 4, 3: 7, 4: 17, 5: 20 },
    options: { interval: { method: 'wilson' }, decimals: 2 },
    expected: { lower: 60.45, upper: 84.13, standardError: null },
  },
  {
    name: '37 of 50 satisfied, Wald',
    source: 'hand calculation in docs/metrics/csat.md: SE = 100 sqrt(0.74 * 0.26 / 50) = 6.20, 74 ± 1.96 SE = [61.84, 86.16]',
    input: { 1: 2, 2: 4, 3: 7, 4: 17, 5: 20 },
    options: { interval: { method: 'wald' }, decimals: 2 },
    expected: { lower: 61.84, upper: 86.16, standardError: 6.2 },
  },
];
