/**
 * Expansion revenue: MRR gained from existing customers as a percent of the
 * MRR at the start of the period.
 */
import { lazy } from '../core/contract/lazy.js';
import type { RoundingOptions } from '../core/contract/options.js';
import type { MetricName } from '../core/contract/registry.js';
import { deepFreeze } from '../core/contract/result.js';
import { formatOf, optionsObject, plainObject, roundingFields } from '../core/contract/schemas.js';
import { expected, parse } from '../core/contract/validate.js';
import { type OutputFormat, outputOrNull, percentOf } from '../core/exact/decimal.js';
import { type Amount, commonScale, formatUnits, type Money, moneySchema, unitsAt } from '../core/money/money.js';
import { checkExpansion, isMovementsTally, type MrrMovements, parseMovements } from '../core/money/movements.js';
import type { Warning } from '../core/stats/warnings.js';

/** The movements of {@link expansionRevenue}, in one currency. */
export interface ExpansionRevenueInput {
  /** MRR at the start of the period (the previous month's MRR, for a month). */
  readonly startingMrr: Money;
  /** MRR gained from existing customers: upgrades, upsells, added products. */
  readonly expansionMrr: Money;
}

/** Options of {@link expansionRevenue}. */
export type ExpansionRevenueOptions = RoundingOptions;

/** The result of {@link expansionRevenue}. */
export interface ExpansionRevenueResult {
  /** The metric's name, as in the registry. */
  readonly metric: 'expansionRevenue';
  /** The unit of `value`: percent. */
  readonly unit: 'percent';
  /** Expansion MRR as a percent of starting MRR (may pass 100); `null` when starting MRR is 0. */
  readonly value: number | null;
  /** MRR at the start of the period, as an exact decimal string. */
  readonly startingMrr: string;
  /** Expansion MRR, as an exact decimal string with the same number of decimals. */
  readonly expansionMrr: string;
  /** Always empty: the figure is computed from the whole revenue base, not estimated from a sample. */
  readonly warnings: readonly Warning[];
}

const METRIC = 'expansionRevenue' as const satisfies MetricName;

interface Parsed {
  readonly format: OutputFormat;
}

/** The two amounts of one call. */
interface Expansion {
  readonly startingMrr: Amount;
  readonly expansionMrr: Amount;
}

const optionsSchema = /* @__PURE__ */ lazy(() => optionsObject({ ...roundingFields() }));
const inputSchema = /* @__PURE__ */ lazy(() =>
  plainObject({ startingMrr: moneySchema(), expansionMrr: moneySchema() }, expected('MRR movements { startingMrr, expansionMrr } or an mrrMovements tally')),
);

function parseOptions(options: unknown): Parsed {
  return { format: formatOf(parse(METRIC, optionsSchema(), options, ['options']) ?? {}) };
}

function parseCounts(movements: unknown): Expansion {
  return isMovementsTally(movements) ? parseMovements(METRIC, movements, ['movements']) : parse(METRIC, inputSchema(), movements, ['movements']);
}

/**
 * Expansion revenue: the MRR gained from existing customers (upgrades,
 * upsells, added products) as a percent of the MRR at the start of the
 * period, the previous month's MRR for a month (003).
 *
 * `expansion revenue = 100 * expansion MRR / starting MRR`. From an
 * `mrrMovements` tally, its starting and expansion MRR; reactivations and new
 * business are not expansion.
 *
 * The amounts are the whole revenue base, not a sample of it, so the rate
 * is a population figure: it has no confidence interval (an `interval`
 * option is an unknown option) and `warnings` is always empty.
 *
 * @param movements - `{ startingMrr, expansionMrr }`, or an `mrrMovements` tally.
 * @param options - Output rounding.
 * @returns The percent (it may pass 100) and the amounts; `value` is `null`
 *   when starting MRR is 0.
 * @throws {@link MetricsError} when an amount is invalid (`path` is
 *   `['movements', field]`), or there is expansion without starting MRR
 *   (code `'inconsistent'`).
 * @example
 * expansionRevenue({ startingMrr: '2000.00', expansionMrr: '150.00' }).value // => 7.5
 * expansionRevenue({ startingMrr: 0.3, expansionMrr: 0.1 }, { decimals: 2 }).value // => 33.33
 */
export function expansionRevenue(movements: ExpansionRevenueInput | MrrMovements, options?: ExpansionRevenueOptions): ExpansionRevenueResult {
  const parsed = parseOptions(options);
  return fromTally(parseCounts(movements), parsed);
}

function fromTally(m: Expansion, o: Parsed): ExpansionRevenueResult {
  const scale = commonScale([m.startingMrr, m.expansionMrr]);
  const starting = unitsAt(m.startingMrr, scale);
  const expansion = unitsAt(m.expansionMrr, scale);
  checkExpansion(METRIC, starting, expansion, scale);
  return deepFreeze<ExpansionRevenueResult>({
    metric: METRIC,
    unit: 'percent',
    value: outputOrNull(percentOf(expansion, starting), o.format),
    startingMrr: formatUnits(starting, scale),
    expansionMrr: formatUnits(expansion, scale),
    warnings: [],
  });
}
