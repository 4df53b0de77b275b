/**
 * Summing the loyalty index's answers, fast: each respondent answers three
 * questions on one integer scale, and one tight loop checks every answer
 * and sums them; zod is called only to describe the first bad respondent
 * (through `rejectElement`).
 */
import * as z from 'zod/mini';
import { isPlainObject } from '../contract/brands.js';
import { describe, fail } from '../contract/errors.js';
import type { MetricName } from '../contract/registry.js';
import { plainStripObject } from '../contract/schemas.js';
import type { MissingPolicy, Scale } from '../contract/types.js';
import { expected, rejectElement } from '../contract/validate.js';
import { isMissing, scaleExpectation } from './scores.js';

/** The three loyalty questions, in the order results list them. */
export const LOYALTY_QUESTIONS = ['recommend', 'repurchase', 'upsell'] as const;

/** A loyalty question. */
export type LoyaltyQuestion = (typeof LOYALTY_QUESTIONS)[number];

/** The sums a loyalty-index tally holds. */
export interface LoyaltyAnswerSums {
  /** Respondents counted. */
  readonly respondents: number;
  /** Sum of each question's answers. */
  readonly sums: Readonly<Record<LoyaltyQuestion, number>>;
  /** `Σ (recommend + repurchase + upsell)²` over the respondents counted. */
  readonly sumOfSquaredTotals: number;
  /** Respondents skipped under `missing: 'exclude'`. */
  readonly excluded: number;
}

/**
 * Sums the answers of every respondent: an object with an integer on
 * `scale` for each question. Under `missing: 'exclude'` a respondent that is
 * itself missing, or has any answer missing (and none bad), is skipped and
 * counted in `excluded`, so all three sums are over the same respondents.
 *
 * @throws {@link MetricsError} at `['answers']` when `answers` is not an
 *   array or the squared totals pass 2^53, and at `['answers', i, question]`
 *   (or `['answers', i]`) for the first bad respondent.
 */
export function sumLoyaltyAnswers(metric: MetricName, answers: unknown, scale: Scale, missing: MissingPolicy): LoyaltyAnswerSums {
  if (!Array.isArray(answers)) {
    fail(metric, 'invalid-type', ['answers'], `expected an array of { recommend, repurchase, upsell }, received ${describe(answers)}`);
  }
  const { min, max } = scale;
  const exclude = missing === 'exclude';
  let respondents = 0;
  let excluded = 0;
  let recommend = 0;
  let repurchase = 0;
  let upsell = 0;
  let sumOfSquaredTotals = 0;
  for (let i = 0; i < answers.length; i++) {
    const a: unknown = answers[i];
    if (!isPlainObject(a)) {
      if (exclude && isMissing(a)) {
        excluded++;
        continue;
      }
      badRespondent(metric, answers[i], i, scale, missing);
    }
    const { recommend: r, repurchase: p, upsell: u } = a as Record<string, unknown>;
    if (onScale(r, min, max) && onScale(p, min, max) && onScale(u, min, max)) {
      respondents++;
      recommend += r;
      repurchase += p;
      upsell += u;
      const t = r + p + u;
      sumOfSquaredTotals += t * t;
    } else if (exclude && (isMissing(r) || isMissing(p) || isMissing(u)) && validOrMissing(r, p, u, min, max)) {
      excluded++;
    } else {
      badRespondent(metric, answers[i], i, scale, missing);
    }
  }
  if (!Number.isSafeInteger(sumOfSquaredTotals)) {
    fail(metric, 'out-of-range', ['answers'], `expected answers whose squared totals sum below 2^53, received a sum of ${sumOfSquaredTotals}`);
  }
  return { respondents, sums: { recommend, repurchase, upsell }, sumOfSquaredTotals, excluded };
}

function onScale(x: unknown, min: number, max: number): x is number {
  return typeof x === 'number' && x >= min && x <= max && Number.isInteger(x);
}

function validOrMissing(r: unknown, p: unknown, u: unknown, min: number, max: number): boolean {
  return (isMissing(r) || onScale(r, min, max)) && (isMissing(p) || onScale(p, min, max)) && (isMissing(u) || onScale(u, min, max));
}

/** Describes the bad answers of respondent `index` with zod and throws; under `missing: 'exclude'` a missing answer is not one of them. */
function badRespondent(metric: MetricName, respondent: unknown, index: number, scale: Scale, missing: MissingPolicy): never {
  const text = scaleExpectation(scale);
  const hint = missing === 'error' ? "; pass missing: 'exclude' to skip respondents with missing answers" : '';
  const answer = z
    .number({ error: (issue) => `expected ${text}, received ${describe(issue.input)}${isMissing(issue.input) ? hint : ''}` })
    .check(z.int(expected(text)), z.minimum(scale.min, expected(text)), z.maximum(scale.max, expected(text)));
  // Under 'exclude' a missing answer is allowed (it skips the respondent), so it is read as absent.
  const question = missing === 'exclude' ? z.optional(answer) : answer;
  const schema = plainStripObject({ recommend: question, repurchase: question, upsell: question }, expected('an object { recommend, repurchase, upsell }'));
  return rejectElement(
    metric,
    schema,
    missing === 'exclude' ? withoutMissing(respondent) : respondent,
    ['answers', index],
    `expected ${text} for each question`,
  );
}

/** A respondent's three answers with missing ones (`null`, `NaN`) left out, or the value itself when it is not a plain object. */
function withoutMissing(respondent: unknown): unknown {
  if (!isPlainObject(respondent)) return respondent;
  const out: Record<string, unknown> = {};
  for (const key of ['recommend', 'repurchase', 'upsell'] as const) {
    if (Object.hasOwn(respondent, key) && !isMissing(respondent[key])) out[key] = respondent[key];
  }
  // Other keys are not copied: the respondent schema ignores them, and a key such as "__proto__" would set the copy's prototype.
  return out;
}
