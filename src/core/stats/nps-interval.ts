/**
 * Confidence intervals for the Net Promoter Score from group counts, in
 * points on [-100, 100]: the Wald interval and the adjusted Wald, in
 * integer arithmetic, their standard error to 84 significant digits or
 * more. The score and the variance of one answer's score are those of
 * core/survey/nps-score.ts; the seeded bootstrap is in nps-bootstrap.ts.
 */
import { integerSqrt, type Rational } from '../exact/rational.js';
import type { IntervalBounds } from './bounds.js';
import { domainError } from './domain-errors.js';
import { normalCriticalValue } from './levels.js';

/** The interval methods for NPS; the first is the default. `'bootstrap'` is {@link bootstrapNpsInterval}'s. */
export const NPS_INTERVAL_METHODS = ['adjusted-wald', 'wald', 'bootstrap'] as const;

/** An interval method for NPS: `'adjusted-wald'` (default), `'wald'` or `'bootstrap'`. */
export type NpsIntervalMethod = (typeof NPS_INTERVAL_METHODS)[number];

/** The NPS interval methods with a closed form: a Wald interval on the shares, adjusted or not. */
export type NpsWaldMethod = Exclude<NpsIntervalMethod, 'bootstrap'>;

/** The bounds of an NPS interval, in points, as exact rationals. */
export interface NpsInterval extends IntervalBounds<Rational> {
  /** Standard error of the score, in points. */
  readonly standardError: Rational;
}

/** Significant digits of the standard error at least: it is then within 10^-83 of itself, and each bound within `z` 10^-83 standard errors, of its exact value. */
const DIGITS = 84;

/** A double as the decimal it is written as (as `new Dec(x)` reads it): `digits × 10^exponent`. */
function decimalParts(x: number): { readonly digits: bigint; readonly exponent: number } {
  const [mantissa, power = '0'] = String(x).split('e') as [string, string?];
  const [whole, fraction = ''] = mantissa.split('.') as [string, string?];
  return { digits: BigInt(whole + fraction), exponent: Number(power) - fraction.length };
}

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
 * The counts and `z` are read as the decimals they are written as (as
 * `new Dec(x)` reads them). The standard error is `floor(SE 10^k) 10^-k`,
 * from the integer square root of an exact rational, with `k` such that it
 * has 84 digits or more; the centre is exact, and the bounds are the exact
 * rationals `centre ∓ z SE` formed from them: within `z 10^-k` of the
 * exact bounds, closer than the 80 significant digits of the library's
 * other estimates. The result layer rounds and converts them exactly.
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
  const z = decimalParts(normalCriticalValue(level));
  if (promoters + passives + detractors === 0) return null;
  // The counts as integers in units of 10^e, e <= -2 so that 3/4 is a whole number of units.
  const units = [promoters, passives, detractors].map(decimalParts);
  const e = Math.min(-2, ...units.map((u) => u.exponent));
  const [p, q, d] = units.map((u) => u.digits * 10n ** BigInt(u.exponent - e)) as [bigint, bigint, bigint];
  const add = method === 'adjusted-wald' ? 75n * 10n ** BigInt(-2 - e) : 0n;
  const a = p + add;
  const c = d + add;
  const n = p + q + d + 4n * add;
  // One answer's variance is ((a + c) n - (a - c)²) / n², over n 10^e answers, so
  // SE² = 10^4 ((a + c) n - (a - c)²) 10^-e / n³: scaled by 10^2k, its integer part has 2 DIGITS digits or more.
  const v = 10_000n * ((a + c) * n - (a - c) ** 2n) * 10n ** BigInt(-e);
  const n3 = n ** 3n;
  const k = Math.max(0, Math.ceil((2 * DIGITS + 2 + String(n3).length - String(v).length) / 2));
  const scale = 10n ** BigInt(k);
  const scaled = v * scale * scale;
  const root = integerSqrt(scaled / n3);
  // The centre and centre ∓ z SE in units of 10^-k, over the common denominator n 10^-ze (z = zd 10^ze, ze <= 0: z is below 40).
  const zDen = 10n ** BigInt(-z.exponent);
  const den = n * zDen;
  const centre = 100n * (a - c) * scale * zDen;
  const spread = z.digits * root * n;
  const limit = 100n * scale * den;
  const lower = centre - spread;
  const upper = centre + spread;
  return {
    lower: lower < -limit ? { num: -100n, den: 1n } : { num: lower, den: den * scale },
    upper: upper > limit ? { num: 100n, den: 1n } : { num: upper, den: den * scale },
    standardError: { num: root, den: scale },
    clamped: lower < -limit || upper > limit,
  };
}
