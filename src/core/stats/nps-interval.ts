/**
 * Confidence intervals for the Net Promoter Score from group counts, in
 * points on [-100, 100]: the Wald interval and the adjusted Wald. The score,
 * the shares and the variance of one answer's score are those of
 * core/survey/nps-score.ts; the seeded bootstrap is in nps-bootstrap.ts.
 */
import { Dec } from '../exact/decimal.js';
import { npsScore, npsShares, npsVariance } from '../survey/nps-score.js';
import { type IntervalBounds, symmetricBounds } from './bounds.js';
import { domainError } from './domain-errors.js';
import { normalCriticalValue } from './levels.js';

/** The interval methods for NPS; the first is the default. `'bootstrap'` is {@link bootstrapNpsInterval}'s. */
export const NPS_INTERVAL_METHODS = ['adjusted-wald', 'wald', 'bootstrap'] as const;

/** An interval method for NPS: `'adjusted-wald'` (default), `'wald'` or `'bootstrap'`. */
export type NpsIntervalMethod = (typeof NPS_INTERVAL_METHODS)[number];

/** The NPS interval methods with a closed form: a Wald interval on the shares, adjusted or not. */
export type NpsWaldMethod = Exclude<NpsIntervalMethod, 'bootstrap'>;

/** The bounds of an NPS interval, in points, and the score it is centred on. */
export interface NpsInterval extends IntervalBounds {
  /** The score the interval is centred on: the adjusted score for `'adjusted-wald'`, the score itself for `'wald'`. */
  readonly centre: Dec;
  /** Standard error of the score, in points. */
  readonly standardError: Dec;
}

/** The total that shares are fractions of. */
const ONE = /* @__PURE__ */ new Dec(1);

/**
 * A two-sided confidence interval for NPS from group counts.
 *
 * With shares `p` (promoters) and `d` (detractors) of `n` answers, the
 * variance of one answer's score (+1, 0, -1) is `p + d - (p - d)²`
 * ({@link npsVariance}), and the standard error of the score is
 * `100 sqrt(variance / n)`.
 *
 * - `'wald'`: centred on the score, `100 (p - d) ± z SE`; zero width when
 *   every answer is in one group.
 * - `'adjusted-wald'` (Rocks 2016; Sauro and Lewis, *Quantifying the User
 *   Experience*): add 3/4 to detractors, 3/2 to passives and 3/4 to
 *   promoters (`n' = n + 3`), and centre the Wald interval on the adjusted
 *   score `100 (p' - d')` with `SE = 100 sqrt((p' + d' - (p' - d')²) / n')`.
 *
 * Bounds beyond [-100, 100] are cut back, and `clamped` says so.
 *
 * @param promoters - Count of promoters (an effective count under weights: need not be an integer).
 * @param passives - Count of passives.
 * @param detractors - Count of detractors.
 * @param level - Confidence level, strictly between 0 and 1.
 * @param method - The interval method.
 * @returns The interval, or `null` when there are no answers.
 * @throws RangeError when an argument is out of its domain.
 */
export function npsInterval(promoters: number, passives: number, detractors: number, level: number, method: NpsWaldMethod): NpsInterval | null {
  for (const c of [promoters, passives, detractors]) {
    if (!(c >= 0 && c < Infinity)) domainError('npsInterval', c, 'a finite count of at least 0');
  }
  if (method !== 'wald' && method !== 'adjusted-wald') domainError('npsInterval', method, 'an NPS interval method with a closed form');
  const z = new Dec(normalCriticalValue(level));
  if (promoters + passives + detractors === 0) return null;
  const total = new Dec(promoters).plus(new Dec(passives)).plus(new Dec(detractors));
  const { p, d, n } = npsShares(new Dec(promoters), new Dec(detractors), total, method === 'adjusted-wald');
  const se = npsVariance(p, d).dividedBy(n).sqrt().times(100);
  // the shares are of a total of 1, so their score is 100 (p - d)
  const centre = npsScore(p, d, ONE)!;
  const limit = new Dec(100);
  return { ...symmetricBounds(centre, z, se, limit.negated(), limit), centre, standardError: se };
}
