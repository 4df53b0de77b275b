/**
 * Revenue churn and expansion: gross MRR churn, net MRR churn (with net and
 * gross revenue retention) and expansion revenue.
 */
import { z } from 'zod';
import { fail } from '../core/contract/errors.js';
import { Dec, type OutputFormat, output, outputOrNull, percentOf } from '../core/exact/decimal.js';
import { type Amount, commonScale, formatUnits, type Money, moneySchema, unitsAt } from '../core/money/money.js';
import { isMovementsTally, type MrrMovements, parseMovements } from '../core/money/movements.js';
import type { Warning } from '../core/stats/inference.js';

export type { Money } from '../core/money/money.js';

import type { RoundingOptions } from '../core/contract/options.js';
import { deepFreeze } from '../core/contract/result.js';
import { formatOf, optionsObject, roundingFields } from '../core/contract/schemas.js';
import { expected, parse } from '../core/contract/validate.js';

/** Whether a movement counts: `'include'` (default) or `'exclude'`. */
export type MovementChoice = 'include' | 'exclude';

/** A revenue movement that a churn figure can count. */
export type MrrMovementName = 'churned' | 'contraction' | 'expansion' | 'reactivation';

/** The movements of {@link mrrChurn}, in one currency. */
export interface MrrChurnInput {
  /** MRR at the start of the period. */
  readonly startingMrr: Money;
  /** MRR lost through customers who left (their MRR at the start). */
  readonly churnedMrr: Money;
  /** MRR lost through downgrades of customers who stayed. Counts when given (unless `contraction: 'exclude'`). */
  readonly contractionMrr?: Money;
}

/** Options of {@link mrrChurn}. */
export interface MrrChurnOptions extends RoundingOptions {
  /**
   * `'include'` (default) counts a given `contractionMrr`, the common vendor
   * definition; `'exclude'` counts churned MRR only, the sources' definition
   * (003), even when the movements carry contraction.
   */
  readonly contraction?: MovementChoice;
}

/** The result of {@link mrrChurn}. Amounts are exact decimal strings with one common number of decimals. */
export interface MrrChurnResult {
  readonly metric: 'mrrChurn';
  readonly unit: 'percent';
  /** Lost MRR as a percent of starting MRR, 0-100; `null` when starting MRR is 0. */
  readonly value: number | null;
  /** The movements counted as lost: `['churned']` or `['churned', 'contraction']`. */
  readonly includes: readonly MrrMovementName[];
  readonly startingMrr: string;
  readonly churnedMrr: string;
  /** The contraction given (counted or not, see `includes`); `null` when none was given. */
  readonly contractionMrr: string | null;
  /** The MRR counted as lost: churned, plus contraction when included. */
  readonly lostMrr: string;
  /** Always empty: the figure is computed from the whole revenue base, not estimated from a sample. */
  readonly warnings: readonly Warning[];
}

/** The movements of {@link netMrrChurn}, in one currency. */
export interface NetMrrChurnInput {
  readonly startingMrr: Money;
  readonly churnedMrr: Money;
  readonly contractionMrr?: Money;
  /** MRR gained through upgrades of customers who stayed. */
  readonly expansionMrr: Money;
  /** MRR of customers who had churned before the period and came back in it. */
  readonly reactivationMrr?: Money;
}

/** Options of {@link netMrrChurn}. */
export interface NetMrrChurnOptions extends RoundingOptions {
  /** `'include'` (default) counts a given `contractionMrr` as lost; `'exclude'` does not (the sources, 003). */
  readonly contraction?: MovementChoice;
  /** `'include'` (default) offsets a given `reactivationMrr` against the loss; `'exclude'` does not (the sources, 003). */
  readonly reactivation?: MovementChoice;
}

/** The result of {@link netMrrChurn}. */
export interface NetMrrChurnResult {
  readonly metric: 'netMrrChurn';
  readonly unit: 'percent';
  /** (lost - regained) as a percent of starting MRR; negative when expansion outgrows the loss. `null` when starting MRR is 0. */
  readonly value: number | null;
  /** The movements counted: `'churned'` and `'expansion'` always, `'contraction'` and `'reactivation'` when given and included. */
  readonly includes: readonly MrrMovementName[];
  /** 100 - net MRR churn, percent; above 100 when expansion outgrows the loss. */
  readonly netRevenueRetention: number | null;
  /** 100 - gross MRR churn (churned plus included contraction), percent, 0-100. */
  readonly grossRevenueRetention: number | null;
  readonly startingMrr: string;
  readonly churnedMrr: string;
  readonly contractionMrr: string | null;
  readonly expansionMrr: string;
  readonly reactivationMrr: string | null;
  /** Lost minus regained MRR; negative (`'-10.00'`) when more was regained than lost. */
  readonly netLostMrr: string;
  /** Always empty: the figure is computed from the whole revenue base, not estimated from a sample. */
  readonly warnings: readonly Warning[];
}

const choice = z.enum(['include', 'exclude'], expected('"include" or "exclude"')).optional();
const mrrChurnOptionsSchema = optionsObject({ contraction: choice, ...roundingFields });
const netMrrChurnOptionsSchema = optionsObject({ contraction: choice, reactivation: choice, ...roundingFields });

const mrrChurnInputSchema = z.strictObject(
  { startingMrr: moneySchema, churnedMrr: moneySchema, contractionMrr: moneySchema.optional() },
  expected('MRR movements { startingMrr, churnedMrr, contractionMrr? } or an mrrMovements tally'),
);
const netInputSchema = z.strictObject(
  {
    startingMrr: moneySchema,
    churnedMrr: moneySchema,
    contractionMrr: moneySchema.optional(),
    expansionMrr: moneySchema,
    reactivationMrr: moneySchema.optional(),
  },
  expected('MRR movements { startingMrr, churnedMrr, contractionMrr?, expansionMrr, reactivationMrr? } or an mrrMovements tally'),
);

interface Movements {
  readonly starting: Amount;
  readonly churned: Amount;
  readonly contraction: Amount | null;
  readonly expansion: Amount | null;
  readonly reactivation: Amount | null;
}

function parseMovementsInput(metric: string, schema: typeof netInputSchema | typeof mrrChurnInputSchema, movements: unknown): Movements {
  if (isMovementsTally(movements)) {
    const m = parseMovements(metric, movements, ['movements']);
    return { starting: m.startingMrr, churned: m.churnedMrr, contraction: m.contractionMrr, expansion: m.expansionMrr, reactivation: m.reactivationMrr };
  }
  const m = parse(metric, schema, movements, ['movements']) as {
    startingMrr: Amount;
    churnedMrr: Amount;
    contractionMrr?: Amount | undefined;
    expansionMrr?: Amount | undefined;
    reactivationMrr?: Amount | undefined;
  };
  return {
    starting: m.startingMrr,
    churned: m.churnedMrr,
    contraction: m.contractionMrr ?? null,
    expansion: m.expansionMrr ?? null,
    reactivation: m.reactivationMrr ?? null,
  };
}

/** Units of each amount at the call's common scale. */
function scaled(m: Movements): {
  scale: number;
  start: bigint;
  churned: bigint;
  contraction: bigint | null;
  expansion: bigint | null;
  reactivation: bigint | null;
} {
  const scale = commonScale([m.starting, m.churned, m.contraction, m.expansion, m.reactivation]);
  const at = (a: Amount | null) => (a === null ? null : unitsAt(a, scale));
  return {
    scale,
    start: unitsAt(m.starting, scale),
    churned: unitsAt(m.churned, scale),
    contraction: at(m.contraction),
    expansion: at(m.expansion),
    reactivation: at(m.reactivation),
  };
}

/** Lost MRR cannot pass starting MRR: churned and contracted revenue is part of it. */
function checkLoss(metric: string, scale: number, start: bigint, churned: bigint, contraction: bigint | null): void {
  if (churned > start) {
    fail(
      metric,
      'inconsistent',
      ['movements', 'churnedMrr'],
      `expected churnedMrr at most startingMrr (${formatUnits(start, scale)}), received ${JSON.stringify(formatUnits(churned, scale))}`,
    );
  }
  if (contraction !== null && churned + contraction > start) {
    fail(
      metric,
      'inconsistent',
      ['movements', 'contractionMrr'],
      `expected churnedMrr + contractionMrr at most startingMrr (${formatUnits(start, scale)}), received ${JSON.stringify(formatUnits(churned + contraction, scale))}`,
    );
  }
}

/** 100 - x, or null. */
function retention(churn: Dec | null, format: OutputFormat): number | null {
  return churn === null ? null : output(new Dec(100).minus(churn), format);
}

/**
 * Gross MRR churn: the MRR lost in a period as a percent of the MRR at its
 * start.
 *
 * `MRR churn = 100 * (churned + contraction) / starting MRR`. The sources
 * (003) count only revenue lost through customers who left; a given
 * `contractionMrr` (downgrades) counts too, as in the common vendor
 * definition (ChartMogul's gross MRR churn rate), unless `contraction:
 * 'exclude'`. `includes` says which movements were counted. Amounts are
 * exact, in one currency; the one division is done in decimal.
 *
 * The amounts are the whole revenue base, not a sample of it, so the rate
 * is a population figure: it has no confidence interval (an `interval`
 * option is an unknown option) and `warnings` is always empty.
 *
 * @param movements - `{ startingMrr, churnedMrr, contractionMrr? }` as numbers or decimal strings, or an `mrrMovements` tally.
 * @param options - `contraction`, output rounding.
 * @returns The percent lost, what it includes and the amounts (decimal
 *   strings); `value` is `null` when starting MRR is 0.
 * @throws {@link MetricsError} when an amount is invalid (`path` is
 *   `['movements', field]`), or churned plus contraction MRR passes starting
 *   MRR (code `'inconsistent'`).
 * @example
 * mrrChurn({ startingMrr: 100, churnedMrr: 10, contractionMrr: 10 }).value // => 20
 * mrrChurn({ startingMrr: 100, churnedMrr: 10, contractionMrr: 10 }).includes // => ['churned', 'contraction']
 * mrrChurn({ startingMrr: '1000.00', churnedMrr: '4.5' }) // => { metric: 'mrrChurn', unit: 'percent', value: 0.45, includes: ['churned'], startingMrr: '1000.00', churnedMrr: '4.50', contractionMrr: null, lostMrr: '4.50', warnings: [] }
 * mrrChurn({ startingMrr: 0, churnedMrr: 0 }).value // => null
 * mrrChurn({ startingMrr: 10, churnedMrr: 20 }) // throws
 * mrrChurn({ startingMrr: 100, churnedMrr: 1 }, { interval: true }) // throws
 */
export function mrrChurn(movements: MrrChurnInput | MrrMovements, options?: MrrChurnOptions): MrrChurnResult {
  const o = parse('mrrChurn', mrrChurnOptionsSchema, options, ['options']) ?? {};
  const format = formatOf(o);
  const m = scaled(parseMovementsInput('mrrChurn', mrrChurnInputSchema, movements));
  checkLoss('mrrChurn', m.scale, m.start, m.churned, m.contraction);
  const counted = o.contraction !== 'exclude' && m.contraction !== null;
  const lost = m.churned + (counted ? m.contraction! : 0n);
  return deepFreeze({
    metric: 'mrrChurn',
    unit: 'percent',
    value: outputOrNull(percentOf(lost, m.start), format),
    includes: counted ? ['churned', 'contraction'] : ['churned'],
    startingMrr: formatUnits(m.start, m.scale),
    churnedMrr: formatUnits(m.churned, m.scale),
    contractionMrr: m.contraction === null ? null : formatUnits(m.contraction, m.scale),
    lostMrr: formatUnits(lost, m.scale),
    warnings: [],
  });
}

/**
 * Net MRR churn: the MRR lost in a period, less the MRR regained from
 * existing customers, as a percent of the MRR at its start. Negative (the
 * goal, 003) when expansion outgrows the loss.
 *
 * `net MRR churn = 100 * (churned + contraction - expansion - reactivation) /
 * starting MRR` (ChartMogul's standard formula); the sources (003) subtract
 * expansion from churned MRR only, which is `contraction: 'exclude',
 * reactivation: 'exclude'` (or leaving those amounts out). The result also
 * gives net revenue retention (`100 - net MRR churn`) and gross revenue
 * retention (`100 - gross MRR churn`), each from the exact value.
 *
 * Like {@link mrrChurn}, a population figure: no confidence interval (an
 * `interval` option is an unknown option) and `warnings` is always empty.
 *
 * @param movements - `{ startingMrr, churnedMrr, contractionMrr?, expansionMrr, reactivationMrr? }`, or an `mrrMovements` tally.
 * @param options - `contraction`, `reactivation`, output rounding.
 * @returns Net MRR churn, what it includes, net and gross revenue retention
 *   and the amounts; the percents are `null` when starting MRR is 0.
 * @throws {@link MetricsError} when an amount is invalid (`path` is
 *   `['movements', field]`), churned plus contraction MRR passes starting MRR,
 *   or there is expansion without starting MRR (code `'inconsistent'`).
 * @example
 * const r = netMrrChurn({ startingMrr: 100, churnedMrr: 10, contractionMrr: 10, expansionMrr: 10 });
 * r.value // => 10
 * r.netRevenueRetention // => 90
 * r.grossRevenueRetention // => 80
 * netMrrChurn({ startingMrr: '200', churnedMrr: '2', expansionMrr: '12' }).value // => -5
 * netMrrChurn({ startingMrr: '200', churnedMrr: '2', expansionMrr: '12' }).netLostMrr // => '-10'
 */
export function netMrrChurn(movements: NetMrrChurnInput | MrrMovements, options?: NetMrrChurnOptions): NetMrrChurnResult {
  const o = parse('netMrrChurn', netMrrChurnOptionsSchema, options, ['options']) ?? {};
  const format = formatOf(o);
  const m = scaled(parseMovementsInput('netMrrChurn', netInputSchema, movements));
  checkLoss('netMrrChurn', m.scale, m.start, m.churned, m.contraction);
  const expansion = m.expansion!;
  if (m.start === 0n && expansion > 0n) {
    fail(
      'netMrrChurn',
      'inconsistent',
      ['movements', 'expansionMrr'],
      `expected no expansion without starting MRR, received ${JSON.stringify(formatUnits(expansion, m.scale))}`,
    );
  }
  const withContraction = o.contraction !== 'exclude' && m.contraction !== null;
  const withReactivation = o.reactivation !== 'exclude' && m.reactivation !== null;
  const lost = m.churned + (withContraction ? m.contraction! : 0n);
  const net = lost - expansion - (withReactivation ? m.reactivation! : 0n);
  const netChurn = percentOf(net, m.start);
  const includes: MrrMovementName[] = ['churned'];
  if (withContraction) includes.push('contraction');
  includes.push('expansion');
  if (withReactivation) includes.push('reactivation');
  return deepFreeze({
    metric: 'netMrrChurn',
    unit: 'percent',
    value: outputOrNull(netChurn, format),
    includes,
    netRevenueRetention: retention(netChurn, format),
    grossRevenueRetention: retention(percentOf(lost, m.start), format),
    startingMrr: formatUnits(m.start, m.scale),
    churnedMrr: formatUnits(m.churned, m.scale),
    contractionMrr: m.contraction === null ? null : formatUnits(m.contraction, m.scale),
    expansionMrr: formatUnits(expansion, m.scale),
    reactivationMrr: m.reactivation === null ? null : formatUnits(m.reactivation, m.scale),
    netLostMrr: formatUnits(net, m.scale),
    warnings: [],
  });
}
