/**
 * Reference vectors for sampleSizeFor(), each with its source.
 */
import type { SampleSizeForOptions } from '../../src/index.js';

export interface SampleSizeVector {
  readonly name: string;
  readonly source: string;
  readonly input: SampleSizeForOptions;
  readonly expected: { value: number; uncorrected: number };
}

export const sampleSizeVectors: SampleSizeVector[] = [
  {
    name: '±5 percentage points at 95%, p = 50%',
    source: 'the classic figure of survey-sample-size tables and calculators: 1.96² × 0.25 / 0.05² = 384.15, rounded up to 385 (Cochran 1977, ch. 4)',
    input: { metric: 'proportion', marginOfError: 5 },
    expected: { value: 385, uncorrected: 385 },
  },
  {
    name: '±3 percentage points at 95%, p = 50%',
    source: 'the classic figure for ±3%: 1.96² × 0.25 / 0.03² = 1067.1, rounded up to 1068',
    input: { metric: 'proportion', marginOfError: 3 },
    expected: { value: 1068, uncorrected: 1068 },
  },
  {
    name: '±5 points at 95%, p = 50%, population 1000',
    source:
      "Cochran's finite-population correction: 384.146 / (1 + 383.146 / 1000) = 277.74, rounded up to 278 (the figure common calculators give for a population of 1,000)",
    input: { metric: 'csat', marginOfError: 5, population: 1000 },
    expected: { value: 278, uncorrected: 385 },
  },
  {
    name: '±5 points at 99%, p = 50%',
    source: 'hand calculation: z = 2.5758293035489, 2.5758293² × 0.25 / 0.0025 = 663.49, rounded up to 664',
    input: { metric: 'proportion', marginOfError: 5, level: 0.99 },
    expected: { value: 664, uncorrected: 664 },
  },
  {
    name: 'NPS ±5 points at 95%, worst case',
    source:
      'hand calculation, docs/guides/uncertainty.md "Planning a survey": variance per answer 0.5 + 0.5 - 0² = 1, n = 1.959964² × 1 / 0.05² = 1536.58, rounded up to 1537',
    input: { metric: 'nps', marginOfError: 5 },
    expected: { value: 1537, uncorrected: 1537 },
  },
  {
    name: 'NPS ±5 points at 95%, 50% promoters and 20% detractors',
    source: 'hand calculation, docs/guides/uncertainty.md: variance 0.5 + 0.2 - 0.3² = 0.61, n = 1.959964² × 0.61 / 0.05² = 937.32, rounded up to 938',
    input: { metric: 'nps', marginOfError: 5, expected: { promoters: 50, detractors: 20 } },
    expected: { value: 938, uncorrected: 938 },
  },
  {
    name: 'NPS ±10 points at 90%, 40% promoters and 30% detractors, population 500',
    source:
      'hand calculation: variance 0.7 - 0.01 = 0.69, z = 1.6448536, n₀ = 1.6448536² × 0.69 / 0.01 = 186.68, n = 186.68 / (1 + 185.68 / 500) = 136.12, rounded up to 137',
    input: { metric: 'nps', marginOfError: 10, level: 0.9, expected: { promoters: 40, detractors: 30 }, population: 500 },
    expected: { value: 137, uncorrected: 187 },
  },
];
