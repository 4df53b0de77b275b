/**
 * Confidence intervals for a proportion `x / n`, on [0, 1], with
 * statsmodels' `proportion_confint` conventions (Brown, Cai and DasGupta
 * 2001 describe and compare the methods).
 *
 * Every formula is evaluated in `Dec` (80 significant digits) from the
 * counts, with the normal and beta quantiles of normal.ts and beta.ts
 * (1e-12 relative); the bounds stay decimals until the result layer rounds
 * and converts them.
 */
import { unreachable } from '../contract/registry.js';
import { Dec } from '../exact/decimal.js';
import { betaQuantile } from './beta.js';
import { type IntervalBounds, sqrtOfVariance, symmetricBounds } from './bounds.js';
import { domainError } from './domain-errors.js';
import { tailProbability } from './levels.js';
import { normalQuantile } from './normal.js';

/**
 * The interval methods for a proportion, in a frozen list; the first is the
 * default. The interval methods guide says what each is and when to use it.
 *
 * @example
 * PROPORTION_METHODS[0] // => 'wilson'
 * PROPORTION_METHODS.includes('clopper-pearson') // => true
 */
export const PROPORTION_METHODS = /* @__PURE__ */ Object.freeze(['wilson', 'agresti-coull', 'jeffreys', 'clopper-pearson', 'wald'] as const);

/** An interval method for a proportion: `'wilson'` (default), `'agresti-coull'`, `'jeffreys'`, `'clopper-pearson'` or `'wald'`. */
export type ProportionMethod = (typeof PROPORTION_METHODS)[number];

/** Whether `value` names a proportion interval method. */
function isProportionMethod(value: unknown): value is ProportionMethod {
  return PROPORTION_METHODS.some((m) => m === value);
}

/**
 * A two-sided confidence interval for a proportion from `successes` out of
 * `total`:
 *
 * - `'wilson'` (Wilson 1927): the score interval,
 *   `(p + z²/2n ± z sqrt(p(1 - p)/n + z²/4n²)) / (1 + z²/n)`; exactly 0
 *   at `successes = 0` and 1 at `successes = total`.
 * - `'agresti-coull'` (Agresti and Coull 1998): `p~ ± z sqrt(p~(1 - p~)/n~)`
 *   with `n~ = n + z²`, `p~ = (x + z²/2)/n~` (z² added, not the rounded "add
 *   two successes and two failures"); cut back to [0, 1].
 * - `'jeffreys'`: the equal-tailed interval of the Beta(x + 1/2, n - x + 1/2)
 *   posterior. As in statsmodels the bounds are not pinned at 0 and 1:
 *   at `x = 0` the lower bound is a small positive number (Brown, Cai and
 *   DasGupta's modified version would set it to 0).
 * - `'clopper-pearson'` (Clopper and Pearson 1934):
 *   `Beta(α/2; x, n - x + 1)` to `Beta(1 - α/2; x + 1, n - x)`; the lower
 *   bound is 0 at `x = 0` and the upper bound 1 at `x = n`, as in
 *   statsmodels and R's `binom.test`.
 * - `'wald'`: `p ± z sqrt(p(1 - p)/n)`, cut back to [0, 1]; zero width when
 *   `x = 0` or `x = n`.
 *
 * `standardError` is the one the interval is built on (Wald, Agresti-Coull),
 * `null` for the other methods.
 *
 * @param successes - `x`, from 0 to `total`; need not be an integer (an
 *   effective count under weights).
 * @param total - `n`, at least 0 (need not be an integer).
 * @param level - Confidence level, strictly between 0 and 1.
 * @param method - The interval method.
 * @returns The bounds on [0, 1], or `null` when `total` is 0.
 * @throws RangeError when an argument is out of its domain.
 */
export function proportionInterval(successes: number, total: number, level: number, method: ProportionMethod): IntervalBounds | null {
  if (!(total >= 0 && total < Infinity)) domainError('proportionInterval', total, 'a finite total of at least 0');
  if (!(successes >= 0 && successes <= total)) domainError('proportionInterval', successes, `successes from 0 to ${total}`);
  if (!isProportionMethod(method)) domainError('proportionInterval', method, 'a proportion interval method');
  const tail = tailProbability(level);
  if (total === 0) return null;
  switch (method) {
    case 'wilson': {
      const { lower, upper } = wilsonBounds(successes, total, new Dec(-normalQuantile(tail)));
      return { lower, upper, standardError: null, clamped: false };
    }
    case 'agresti-coull': {
      const z = new Dec(-normalQuantile(tail));
      const nTilde = new Dec(total).plus(z.times(z));
      const centre = new Dec(successes).plus(z.times(z).dividedBy(2)).dividedBy(nTilde);
      return symmetricBounds(centre, z, sqrtOfVariance(centre.times(new Dec(1).minus(centre)).dividedBy(nTilde)), new Dec(0), new Dec(1));
    }
    case 'wald': {
      const z = new Dec(-normalQuantile(tail));
      const n = new Dec(total);
      const centre = new Dec(successes).dividedBy(n);
      return symmetricBounds(centre, z, sqrtOfVariance(centre.times(new Dec(1).minus(centre)).dividedBy(n)), new Dec(0), new Dec(1));
    }
    case 'jeffreys': {
      const a = successes + 0.5;
      const b = total - successes + 0.5;
      return { lower: new Dec(betaQuantile(tail, a, b)), upper: new Dec(betaQuantile(tail, a, b, 'upper')), standardError: null, clamped: false };
    }
    case 'clopper-pearson': {
      const lower = successes === 0 ? 0 : betaQuantile(tail, successes, total - successes + 1);
      const upper = successes === total ? 1 : betaQuantile(tail, successes + 1, total - successes, 'upper');
      return { lower: new Dec(lower), upper: new Dec(upper), standardError: null, clamped: false };
    }
    default:
      return unreachable(method);
  }
}

/**
 * The proportion `x / n` and its Wilson (1927) score bounds at critical
 * value `z`, as decimals, in the form
 * `(2x + z² ± z sqrt(z² + 4x(n - x)/n)) / (2(n + z²))`, which cancels
 * nowhere; the bounds are exactly 0 at `x = 0` and 1 at `x = n`. Newcombe's
 * interval for a difference of proportions is built from these.
 *
 * @param successes - `x`, from 0 to `total`.
 * @param total - `n`, above 0.
 * @param z - The two-sided normal critical value.
 */
export function wilsonBounds(successes: number, total: number, z: Dec): { readonly estimate: Dec; readonly lower: Dec; readonly upper: Dec } {
  const x = new Dec(successes);
  const n = new Dec(total);
  const z2 = z.times(z);
  const root = z.times(sqrtOfVariance(z2.plus(x.times(n.minus(x)).times(4).dividedBy(n))));
  const denominator = n.plus(z2).times(2);
  const centre = x.times(2).plus(z2);
  const lower = successes === 0 ? new Dec(0) : Dec.max(0, centre.minus(root).dividedBy(denominator));
  const upper = successes === total ? new Dec(1) : Dec.min(1, centre.plus(root).dividedBy(denominator));
  return { estimate: x.dividedBy(n), lower, upper };
}
