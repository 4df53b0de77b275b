/**
 * The R reference values of tests/vectors/intervals-r.json (written by
 * tests/vectors/scripts/intervals.R), typed.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/** A two-sample Welch test from each sample's size, sum and sum of squares. */
export interface WelchVector {
  readonly n1: number;
  readonly sum1: number;
  readonly sumSquares1: number;
  readonly n2: number;
  readonly sum2: number;
  readonly sumSquares2: number;
  readonly statistic: number;
  readonly df: number;
  readonly 'p.value': number;
  readonly 'conf.int': [number, number];
}

/** R's intervals and tests: `binom.test`, `prop.test` (Wilson, two proportions), `t.test` (one and two samples). */
export const intervalsR = JSON.parse(readFileSync(join(import.meta.dirname, 'intervals-r.json'), 'utf8')) as {
  readonly binomTest: { x: number; n: number; level: number; 'conf.int': [number, number] }[];
  readonly wilson: { x: number; n: number; level: number; 'conf.int': [number, number] }[];
  readonly twoProportions: { x1: number; n1: number; x2: number; n2: number; level: number; statistic: number; 'p.value': number }[];
  readonly tTest: { n: number; sum: number; sumSquares: number; level: number; 'conf.int': [number, number] }[];
  readonly welch: WelchVector[];
};
