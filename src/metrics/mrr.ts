/**
 * Revenue churn: gross MRR churn, and net MRR churn with net and gross
 * revenue retention.
 */
import * as z from 'zod/mini';
import { lazy } from '../core/contract/lazy.js';
import type { RoundingOptions } from '../core/contract/options.js';
import type { MetricName } from '../core/contract/registry.js';
import { deepFreeze } from '../core/contract/result.js';
import { formatOf, optionsObject, plainObject, roundingFields } from '../core/contract/schemas.js';
import { expected, parse } from '../core/contract/validate.js';
import { complementOf, type OutputFormat, output, outputOrNull, percentOf } from '../core/exact/decimal.js';
import type { Rational } from '../core/exact/rational.js';
import { formatUnits, type Money, moneySchema } from '../core/money/money.js';
import {
  checkExpansion,
  checkLoss,
  checkPercentRange,
  isMovementsTally,
  type MovementUnits,
  type MrrMovements,
  movementUnits,
  parseMovements,
} from '../core/money/movements.js';
import type { Warning } from '../core/stats/warnings.js';

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
  /** The metric's name, as in the registry. */
  readonly metric: 'mrrChurn';
  /** The unit of `value`: percent. */
  readonly unit: 'percent';
  /** Lost MRR as a percent of starting MRR, 0-100; `null` when starting MRR is 0. */
  readonly value: number | null;
  /** The movements counted as lost: `['churned']` or `['churned', 'contraction']`. */
  readonly includes: readonly MrrMovementName[];
  /** MRR at the start of the period. */
  readonly startingMrr: string;
  /** MRR of the customers who left. */
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
  /** MRR at the start of the period. */
  readonly startingMrr: Money;
  /** MRR lost through customers who left (their MRR at the start). */
  readonly churnedMrr: Money;
  /** MRR lost through downgrades of customers who stayed. Counts when given (unless `contraction: 'exclude'`). */
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
  /** The metric's name, as in the registry. */
  readonly metric: 'netMrrChurn';
  /** The unit of `value`: percent, as the retentions are. */
  readonly unit: 'percent';
  /** (lost - regained) as a percent of starting MRR; negative when expansion outgrows the loss. `null` when starting MRR is 0. */
  readonly value: number | null;
  /** The movements counted: `'churned'` and `'expansion'` always, `'contraction'` and `'reactivation'` when given and included. */
  readonly includes: readonly MrrMovementName[];
  /** 100 - net MRR churn, percent; above 100 when expansion outgrows the loss. */
  readonly netRevenueRetention: number | null;
  /** 100 - gross MRR churn (churned plus included contraction), percent, 0-100. */
  readonly grossRevenueRetention: number | null;
  /** MRR at the start of the period. */
  readonly startingMrr: string;
  /** MRR of the customers who left. */
  readonly churnedMrr: string;
  /** The contraction given (counted or not, see `includes`); `null` when none was given. */
  readonly contractionMrr: string | null;
  /** MRR gained through upgrades of customers who stayed. */
  readonly expansionMrr: string;
  /** The reactivation given (counted or not, see `includes`); `null` when none was given. */
  readonly reactivationMrr: string | null;
  /** Lost minus regained MRR; negative (`'-10.00'`) when more was regained than lost. */
  readonly netLostMrr: string;
  /** Always empty: the figure is computed from the whole revenue base, not estimated from a sample. */
  readonly warnings: readonly Warning[];
}

const MRR_CHURN = 'mrrChurn' as const satisfies MetricName;
const NET_MRR_CHURN = 'netMrrChurn' as const satisfies MetricName;

interface ParsedMrrChurnOptions {
  /** Whether a given contraction counts as lost. */
  readonly contraction: boolean;
  readonly format: OutputFormat;
}

interface ParsedNetMrrChurnOptions extends ParsedMrrChurnOptions {
  /** Whether a given reactivation offsets the loss. */
  readonly reactivation: boolean;
}

const choice = /* @__PURE__ */ lazy(() => z.optional(z.enum(['include', 'exclude'], expected('"include" or "exclude"'))));
const mrrChurnOptionsSchema = /* @__PURE__ */ lazy(() => optionsObject({ contraction: choice(), ...roundingFields() }));
const netMrrChurnOptionsSchema = /* @__PURE__ */ lazy(() => optionsObject({ contraction: choice(), reactivation: choice(), ...roundingFields() }));

function parseMrrChurnOptions(options: unknown): ParsedMrrChurnOptions {
  const o = parse(MRR_CHURN, mrrChurnOptionsSchema(), options, ['options']) ?? {};
  return { contraction: o.contraction !== 'exclude', format: formatOf(o) };
}

function parseNetMrrChurnOptions(options: unknown): ParsedNetMrrChurnOptions {
  const o = parse(NET_MRR_CHURN, netMrrChurnOptionsSchema(), options, ['options']) ?? {};
  return { contraction: o.contraction !== 'exclude', reactivation: o.reactivation !== 'exclude', format: formatOf(o) };
}

const mrrChurnInputSchema = /* @__PURE__ */ lazy(() =>
  plainObject(
    { startingMrr: moneySchema(), churnedMrr: moneySchema(), contractionMrr: z.optional(moneySchema()) },
    expected('MRR movements { startingMrr, churnedMrr, contractionMrr? } or an mrrMovements tally'),
  ),
);
const netMrrChurnInputSchema = /* @__PURE__ */ lazy(() =>
  plainObject(
    {
      startingMrr: moneySchema(),
      churnedMrr: moneySchema(),
      contractionMrr: z.optional(moneySchema()),
      expansionMrr: moneySchema(),
      reactivationMrr: z.optional(moneySchema()),
    },
    expected('MRR movements { startingMrr, churnedMrr, contractionMrr?, expansionMrr, reactivationMrr? } or an mrrMovements tally'),
  ),
);

function parseMrrChurnCounts(movements: unknown): MovementUnits {
  if (isMovementsTally(movements)) return movementUnits(parseMovements(MRR_CHURN, movements, ['movements']));
  const m = parse(MRR_CHURN, mrrChurnInputSchema(), movements, ['movements']);
  return movementUnits({ ...m, contractionMrr: m.contractionMrr ?? null, expansionMrr: null, reactivationMrr: null });
}

function parseNetMrrChurnCounts(movements: unknown): MovementUnits {
  if (isMovementsTally(movements)) return movementUnits(parseMovements(NET_MRR_CHURN, movements, ['movements']));
  const m = parse(NET_MRR_CHURN, netMrrChurnInputSchema(), movements, ['movements']);
  return movementUnits({ ...m, contractionMrr: m.contractionMrr ?? null, reactivationMrr: m.reactivationMrr ?? null });
}

/** The MRR counted as lost, in units: churned, plus contraction when given and counted. */
function lostUnits(m: MovementUnits, contraction: boolean): bigint {
  return m.churned + (contraction && m.contraction !== null ? m.contraction : 0n);
}

/** Units as a decimal string at the call's scale; `null` for an amount not given. */
function amountOrNull(units: bigint | null, scale: number): string | null {
  return units === null ? null : formatUnits(units, scale);
}

/** Retention from churn: `100 - churn`, in percent; `null` with it. */
function retentionOf(churn: Rational | null, format: OutputFormat): number | null {
  return churn === null ? null : output(complementOf(churn), format);
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
  const parsed = parseMrrChurnOptions(options);
  return mrrChurnFromTally(parseMrrChurnCounts(movements), parsed);
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
  const parsed = parseNetMrrChurnOptions(options);
  return netMrrChurnFromTally(parseNetMrrChurnCounts(movements), parsed);
}

function mrrChurnFromTally(m: MovementUnits, o: ParsedMrrChurnOptions): MrrChurnResult {
  checkLoss(MRR_CHURN, m);
  const lost = lostUnits(m, o.contraction);
  return deepFreeze<MrrChurnResult>({
    metric: MRR_CHURN,
    unit: 'percent',
    value: outputOrNull(percentOf(lost, m.starting), o.format),
    includes: o.contraction && m.contraction !== null ? ['churned', 'contraction'] : ['churned'],
    startingMrr: formatUnits(m.starting, m.scale),
    churnedMrr: formatUnits(m.churned, m.scale),
    contractionMrr: amountOrNull(m.contraction, m.scale),
    lostMrr: formatUnits(lost, m.scale),
    warnings: [],
  });
}

function netMrrChurnFromTally(m: MovementUnits, o: ParsedNetMrrChurnOptions): NetMrrChurnResult {
  checkLoss(NET_MRR_CHURN, m);
  // Both the input schema and the movements tally require expansion.
  const expansion = m.expansion ?? 0n;
  checkExpansion(NET_MRR_CHURN, m.starting, expansion, m.scale);
  const lost = lostUnits(m, o.contraction);
  const reactivation = o.reactivation ? m.reactivation : null;
  if (reactivation !== null) checkPercentRange(NET_MRR_CHURN, reactivation, m.starting, 'reactivationMrr');
  const net = lost - expansion - (reactivation ?? 0n);
  checkPercentRange(NET_MRR_CHURN, net, m.starting, 'expansionMrr');
  const netChurn = percentOf(net, m.starting);
  const includes: MrrMovementName[] = ['churned'];
  if (o.contraction && m.contraction !== null) includes.push('contraction');
  includes.push('expansion');
  if (reactivation !== null) includes.push('reactivation');
  return deepFreeze<NetMrrChurnResult>({
    metric: NET_MRR_CHURN,
    unit: 'percent',
    value: outputOrNull(netChurn, o.format),
    includes,
    netRevenueRetention: retentionOf(netChurn, o.format),
    grossRevenueRetention: retentionOf(percentOf(lost, m.starting), o.format),
    startingMrr: formatUnits(m.starting, m.scale),
    churnedMrr: formatUnits(m.churned, m.scale),
    contractionMrr: amountOrNull(m.contraction, m.scale),
    expansionMrr: formatUnits(expansion, m.scale),
    reactivationMrr: amountOrNull(m.reactivation, m.scale),
    netLostMrr: formatUnits(net, m.scale),
    warnings: [],
  });
}
