/**
 * A confidence level as the quantities every two-sided interval is built
 * from: the probability in each tail and the normal critical value.
 */
import { Dec, toNumber } from '../exact/decimal.js';
import { domainError } from './domain-errors.js';
import { normalQuantile } from './normal.js';

/**
 * The probability in each tail of a two-sided interval at `level`:
 * `(1 - level) / 2`, formed from the decimal the caller wrote (0.95 gives
 * exactly 0.025), not from the binary rounding of `1 - level`.
 *
 * @param level - Confidence level, strictly between 0 and 1.
 * @throws RangeError when `level` is not strictly between 0 and 1.
 */
export function tailProbability(level: number): number {
  if (!(level > 0 && level < 1)) domainError('tailProbability', level, 'a level strictly between 0 and 1');
  return toNumber(new Dec(1).minus(new Dec(level)).dividedBy(2));
}

/**
 * The two-sided normal critical value `z` at `level`: `P(|Z| <= z) = level`
 * (1.959963984540054 at 0.95).
 *
 * @param level - Confidence level, strictly between 0 and 1.
 * @throws RangeError when `level` is not strictly between 0 and 1.
 */
export function normalCriticalValue(level: number): number {
  return -normalQuantile(tailProbability(level));
}
