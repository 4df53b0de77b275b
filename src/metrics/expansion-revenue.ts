/**
 * Expansion revenue: MRR gained from existing customers as a percent of the
 * previous month's MRR.
 */
import { z } from 'zod';
import { fail } from '../core/contract/errors.js';
import type { RoundingOptions } from '../core/contract/options.js';
import { deepFreeze } from '../core/contract/result.js';
import { formatOf, optionsObject, roundingFields } from '../core/contract/schemas.js';
import { expected, parse } from '../core/contract/validate.js';
import { outputOrNull, percentOf } from '../core/exact/decimal.js';
import { type Amount, commonScale, formatUnits, type Money, moneySchema, unitsAt } from '../core/money/money.js';
import { isMovementsTally, type MrrMovements, parseMovements } from '../core/money/movements.js';
import type { Warning } from '../core/stats/inference.js';

/** The movements of {@link expansionRevenue}, in one currency. */
export interface ExpansionRevenueInput {
  /** MRR of the previous month (the start of the period). */
  readonly previousMrr: Money;
  /** MRR gained from existing customers: upgrades, upsells, added products. */
  readonly expansionMrr: Money;
}

/** Options of {@link expansionRevenue}. */
export type ExpansionRevenueOptions = RoundingOptions;

/** The result of {@link expansionRevenue}. */
export interface ExpansionRevenueResult {
  readonly metric: 'expansionRevenue';
  readonly unit: 'percent';
  /** Expansion MRR as a percent of the previous month's MRR (may pass 100); `null` when that MRR is 0. */
  readonly value: number | null;
  readonly previousMrr: string;
  readonly expansionMrr: string;
  /** Always empty: the figure is computed from the whole revenue base, not estimated from a sample. */
  readonly warnings: readonly Warning[];
}

const expansionOptionsSchema = optionsObject({ ...roundingFields });
const expansionInputSchema = z.strictObject(
  { previousMrr: moneySchema, expansionMrr: moneySchema },
  expected('MRR movements { previousMrr, expansionMrr } or an mrrMovements tally'),
);

/**
 * Expansion revenue: the MRR gained from existing customers (upgrades,
 * upsells, added products) as a percent of the previous month's MRR (003).
 *
 * `expansion revenue = 100 * expansion MRR / previous MRR`. From an
 * `mrrMovements` tally, previous MRR is its starting MRR; reactivations and
 * new business are not expansion.
 *
 * The amounts are the whole revenue base, not a sample of it, so the rate
 * is a population figure: it has no confidence interval (an `interval`
 * option is an unknown option) and `warnings` is always empty.
 *
 * @param movements - `{ previousMrr, expansionMrr }`, or an `mrrMovements` tally.
 * @param options - Output rounding.
 * @returns The percent (it may pass 100) and the amounts; `value` is `null`
 *   when previous MRR is 0.
 * @throws {@link MetricsError} when an amount is invalid (`path` is
 *   `['movements', field]`), or there is expansion without previous MRR
 *   (code `'inconsistent'`).
 * @example
 * expansionRevenue({ previousMrr: '2000.00', expansionMrr: '150.00' }).value // => 7.5
 * expansionRevenue({ previousMrr: 0.3, expansionMrr: 0.1 }, { decimals: 2 }).value // => 33.33
 */
export function expansionRevenue(movements: ExpansionRevenueInput | MrrMovements, options?: ExpansionRevenueOptions): ExpansionRevenueResult {
  const o = parse('expansionRevenue', expansionOptionsSchema, options, ['options']) ?? {};
  let previous: Amount;
  let gained: Amount;
  if (isMovementsTally(movements)) {
    const m = parseMovements('expansionRevenue', movements, ['movements']);
    previous = m.startingMrr;
    gained = m.expansionMrr;
  } else {
    const m = parse('expansionRevenue', expansionInputSchema, movements, ['movements']);
    previous = m.previousMrr;
    gained = m.expansionMrr;
  }
  const scale = commonScale([previous, gained]);
  const p = unitsAt(previous, scale);
  const g = unitsAt(gained, scale);
  if (p === 0n && g > 0n) {
    fail(
      'expansionRevenue',
      'inconsistent',
      ['movements', 'expansionMrr'],
      `expected no expansion without previous MRR, received ${JSON.stringify(formatUnits(g, scale))}`,
    );
  }
  return deepFreeze({
    metric: 'expansionRevenue',
    unit: 'percent',
    value: outputOrNull(percentOf(g, p), formatOf(o)),
    previousMrr: formatUnits(p, scale),
    expansionMrr: formatUnits(g, scale),
    warnings: [],
  });
}
