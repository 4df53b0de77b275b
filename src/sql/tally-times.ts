/**
 * The tally of many equal records from the tally of one: what a SQL engine's
 * count and a count of distinct answers need, without tallying the records
 * one by one.
 */
import { mergeTallies, type Tally, type TallyField, type TallyShape } from '../core/contract/tally.js';
import { dyadicMul, exactSum, partialsOf } from '../core/exact/exact-sum.js';

/** Two tallies of one metric merged. */
export function mergeTally(a: Tally, b: Tally, shape: TallyShape): Tally {
  return mergeTallies(a, b, shape) as unknown as Tally;
}

/**
 * A field of the tally of one record as it is for `n` equal records: counts
 * multiplied, durations repeated, weight sums multiplied exactly; `null`
 * for a count whose product passes 2^53.
 */
function scaled(value: unknown, field: TallyField, n: number): unknown {
  if (typeof field === 'object' && 'optional' in field) return value === undefined ? undefined : scaled(value, field.optional, n);
  if (field === 'count' || field === 'integer') {
    const product = (value as number) * n;
    return Number.isSafeInteger(product) ? product : null;
  }
  if (field === 'durations') {
    const one = value as readonly number[];
    return Array.from({ length: one.length * n }, (_, i) => one[i % one.length]!);
  }
  if (field === 'partials') return partialsOf(dyadicMul(exactSum(value as readonly number[]), n));
  // Decimals (money) are not in the tallies multiplied here.
  if (typeof field !== 'object') throw new Error(`timesTally: a tally field of kind ${field} is not multiplied`);
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value as Record<string, unknown>)) {
    const part = scaled(v, 'record' in field ? field.record : (field.shape[k] as TallyField), n);
    if (part === null) return null;
    out[k] = part;
  }
  return out;
}

/**
 * The tally of `n` records each tallied `one` (a tally of counts,
 * durations and weight sums, without money): the tally the metric computes on
 * the `n` records, since tallies merge by adding. `null` when a count would
 * pass 2^53.
 *
 * @example
 * const one = { metric: 'nps', promoters: 1, passives: 0, detractors: 0, excluded: 0 };
 * const shape = { promoters: 'count', passives: 'count', detractors: 'count', excluded: 'count' };
 * timesTally(one, 3, shape) // => { metric: 'nps', promoters: 3, passives: 0, detractors: 0, excluded: 0 }
 * timesTally(one, 2 ** 53, shape) // => null
 */
export function timesTally(one: Tally, n: number, shape: TallyShape): Tally | null {
  if (n === 1) return one;
  const fields: Record<string, unknown> = { metric: one.metric };
  for (const [k, v] of Object.entries(one)) {
    if (k === 'metric') continue;
    const part = scaled(v, shape[k] as TallyField, n);
    if (part === null) return null;
    if (part !== undefined) fields[k] = part;
  }
  return fields as unknown as Tally;
}

/**
 * A tally in the form the metric's own tallying gives it, whatever order
 * its parts were merged in: durations in ascending order, and each weight
 * sum as the one list of partial sums its exact value has.
 */
export function canonicalTally(tally: Tally, shape: TallyShape): Tally {
  return canonical(tally, { shape }) as Tally;
}

function canonical(value: unknown, field: TallyField): unknown {
  if (value === undefined || value === null) return value;
  if (field === 'durations') return [...(value as number[])].sort((a, b) => a - b);
  if (field === 'partials') return partialsOf(exactSum(value as readonly number[]));
  if (typeof field !== 'object') return value;
  if ('optional' in field) return canonical(value, field.optional);
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value as Record<string, unknown>)) {
    out[k] = k === 'metric' ? v : canonical(v, 'record' in field ? field.record : (field.shape[k] as TallyField));
  }
  return out;
}
