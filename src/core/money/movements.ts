/**
 * The MRR movements tally: the shape `mrrMovements` returns and `mrrChurn`,
 * `netMrrChurn`, `expansionRevenue` and `customerChurn` accept as it is, and
 * the rules every revenue metric applies to the movements it is given.
 */
import * as z from 'zod/mini';
import { fail, type MetricsPath } from '../contract/errors.js';
import { lazy } from '../contract/lazy.js';
import type { MetricName } from '../contract/registry.js';
import { countSchema, plainObject } from '../contract/schemas.js';
import { customIssue, expected, parse } from '../contract/validate.js';
import { type Amount, commonScale, formatUnits, moneySchema, unitsAt } from './money.js';

/** How many customers made each movement in the period. */
export interface MrrMovementCounts {
  /** Customers from 0 to a positive MRR, not flagged `churnedBefore`. */
  readonly new: number;
  /** Customers whose positive MRR went up. */
  readonly expansion: number;
  /** Customers whose positive MRR went down but not to 0. */
  readonly contraction: number;
  /** Customers from a positive MRR to 0. */
  readonly churned: number;
  /** Customers from 0 to a positive MRR, flagged `churnedBefore`. */
  readonly reactivation: number;
  /** Customers whose MRR did not change (including 0 to 0). */
  readonly unchanged: number;
}

/**
 * MRR movements over one period, in one currency: totals as exact decimal
 * strings with one common number of decimals, counts as integers. A tally:
 * tallies of parts of the customers merge with `mergeCounts` into the tally
 * of all of them.
 *
 * `startingMrr + newMrr + expansionMrr + reactivationMrr - contractionMrr -
 * churnedMrr = endingMrr`, exactly, and `customersAtStart - customersLost +
 * customersAdded = customersAtEnd`.
 */
export interface MrrMovements {
  /** What the tally is: `'mrrMovements'`. */
  readonly metric: 'mrrMovements';
  /** MRR of all customers at the start of the period. */
  readonly startingMrr: string;
  /** MRR at the end of the period of customers new in it. */
  readonly newMrr: string;
  /** Increases of customers paying at both ends of the period. */
  readonly expansionMrr: string;
  /** MRR at the end of the period of customers who had churned before it and came back. */
  readonly reactivationMrr: string;
  /** Decreases of customers paying at both ends of the period. */
  readonly contractionMrr: string;
  /** MRR at the start of the period of customers who left in it. */
  readonly churnedMrr: string;
  /** MRR of all customers at the end of the period. */
  readonly endingMrr: string;
  /** Customers paying at the start (MRR above 0). */
  readonly customersAtStart: number;
  /** Customers paying at the start and not at the end (`customers.churned`). */
  readonly customersLost: number;
  /** Customers paying at the end and not at the start (`customers.new + customers.reactivation`). */
  readonly customersAdded: number;
  /** Customers paying at the end (MRR above 0). */
  readonly customersAtEnd: number;
  /** Customers per movement. */
  readonly customers: MrrMovementCounts;
}

/** A movements tally with its amounts parsed. */
export interface ParsedMovements {
  readonly startingMrr: Amount;
  readonly newMrr: Amount;
  readonly expansionMrr: Amount;
  readonly reactivationMrr: Amount;
  readonly contractionMrr: Amount;
  readonly churnedMrr: Amount;
  readonly endingMrr: Amount;
  readonly customersAtStart: number;
  readonly customersLost: number;
  readonly customersAdded: number;
  readonly customersAtEnd: number;
  readonly customers: MrrMovementCounts;
}

/** Whether a value claims to be a movements tally (and is then checked as one). */
export function isMovementsTally(value: unknown): boolean {
  return typeof value === 'object' && value !== null && (value as { metric?: unknown }).metric === 'mrrMovements';
}

const movementsSchema = /* @__PURE__ */ lazy(() =>
  plainObject(
    {
      metric: z.literal('mrrMovements', expected('"mrrMovements"')),
      startingMrr: moneySchema(),
      newMrr: moneySchema(),
      expansionMrr: moneySchema(),
      reactivationMrr: moneySchema(),
      contractionMrr: moneySchema(),
      churnedMrr: moneySchema(),
      endingMrr: moneySchema(),
      customersAtStart: countSchema(),
      customersLost: countSchema(),
      customersAdded: countSchema(),
      customersAtEnd: countSchema(),
      customers: plainObject(
        {
          new: countSchema(),
          expansion: countSchema(),
          contraction: countSchema(),
          churned: countSchema(),
          reactivation: countSchema(),
          unchanged: countSchema(),
        },
        expected('movement counts { new, expansion, contraction, churned, reactivation, unchanged }'),
      ),
    },
    expected('an mrrMovements tally'),
  ).check(
    z.superRefine((m, ctx) => {
      const scale = commonScale([m.startingMrr, m.newMrr, m.expansionMrr, m.reactivationMrr, m.contractionMrr, m.churnedMrr, m.endingMrr]);
      const u = (a: Amount) => unitsAt(a, scale);
      const expectedEnd = u(m.startingMrr) + u(m.newMrr) + u(m.expansionMrr) + u(m.reactivationMrr) - u(m.contractionMrr) - u(m.churnedMrr);
      const end = u(m.endingMrr);
      if (expectedEnd !== end) {
        ctx.addIssue(
          customIssue(
            'inconsistent',
            ['endingMrr'],
            `expected endingMrr = startingMrr + newMrr + expansionMrr + reactivationMrr - contractionMrr - churnedMrr = ${formatUnits(expectedEnd, scale)}, received ${JSON.stringify(formatUnits(end, scale))}`,
            m.endingMrr,
          ),
        );
      }
      if (m.customersLost !== m.customers.churned) {
        ctx.addIssue(
          customIssue(
            'inconsistent',
            ['customersLost'],
            `expected customersLost = customers.churned (${m.customers.churned}), received ${m.customersLost}`,
            m.customersLost,
          ),
        );
      }
      const joined = m.customers.new + m.customers.reactivation;
      if (m.customersAdded !== joined) {
        ctx.addIssue(
          customIssue(
            'inconsistent',
            ['customersAdded'],
            `expected customersAdded = customers.new + customers.reactivation (${joined}), received ${m.customersAdded}`,
            m.customersAdded,
          ),
        );
      }
      if (m.customersAtStart - m.customersLost + m.customersAdded !== m.customersAtEnd) {
        ctx.addIssue(
          customIssue(
            'inconsistent',
            ['customersAtEnd'],
            `expected customersAtEnd = customersAtStart - customersLost + customersAdded (${m.customersAtStart - m.customersLost + m.customersAdded}), received ${m.customersAtEnd}`,
            m.customersAtEnd,
          ),
        );
      }
    }),
  ),
);

/** Checks a movements tally (hand-made, stored or merged) and parses its amounts. */
export function parseMovements(metric: MetricName, value: unknown, root: MetricsPath): ParsedMovements {
  return parse(metric, movementsSchema(), value, root);
}

/**
 * Expansion is revenue from customers who were paying at the start: there is
 * none without starting MRR. Amounts are units at `scale`; the path is
 * `['movements', 'expansionMrr']`.
 */
export function checkExpansion(metric: MetricName, startingUnits: bigint, expansionUnits: bigint, scale: number): void {
  if (startingUnits === 0n && expansionUnits > 0n) {
    fail(
      metric,
      'inconsistent',
      ['movements', 'expansionMrr'],
      `expected no expansion without starting MRR, received ${JSON.stringify(formatUnits(expansionUnits, scale))}`,
    );
  }
  checkPercentRange(metric, expansionUnits, startingUnits, 'expansionMrr');
}

/** The largest double, as an integer: a percent at or above it would be `Infinity`. */
const LARGEST_DOUBLE = /* @__PURE__ */ (() => BigInt(Number.MAX_VALUE))();

/** Whether `100 part / whole` (whole not negative) stays below the largest double, so that its result is finite. */
export function percentFits(part: bigint, whole: bigint): boolean {
  const magnitude = part < 0n ? -part : part;
  return !(whole > 0n && 100n * magnitude >= LARGEST_DOUBLE * whole);
}

/**
 * Fails with `out-of-range` at `['movements', field]` when `100 part / whole`
 * is too large for a double: amounts may have any number of digits, but a
 * result never holds `Infinity`.
 */
export function checkPercentRange(metric: MetricName, partUnits: bigint, wholeUnits: bigint, field: string): void {
  if (!percentFits(partUnits, wholeUnits)) {
    fail(metric, 'out-of-range', ['movements', field], `expected ${field} whose percent of starting MRR a double can hold (below about 1.8e308)`);
  }
}

/** The amounts a revenue metric reads from its input or a movements tally (`null`: not given). */
export interface MovementAmounts {
  readonly startingMrr: Amount;
  readonly churnedMrr: Amount;
  readonly contractionMrr: Amount | null;
  readonly expansionMrr: Amount | null;
  readonly reactivationMrr: Amount | null;
}

/** The amounts of one call in units at their common scale (`null`: not given). */
export interface MovementUnits {
  readonly scale: number;
  readonly starting: bigint;
  readonly churned: bigint;
  readonly contraction: bigint | null;
  readonly expansion: bigint | null;
  readonly reactivation: bigint | null;
}

/** The amounts in units at their common scale. */
export function movementUnits(m: MovementAmounts): MovementUnits {
  const scale = commonScale([m.startingMrr, m.churnedMrr, m.contractionMrr, m.expansionMrr, m.reactivationMrr]);
  const at = (a: Amount | null) => (a === null ? null : unitsAt(a, scale));
  return {
    scale,
    starting: unitsAt(m.startingMrr, scale),
    churned: unitsAt(m.churnedMrr, scale),
    contraction: at(m.contractionMrr),
    expansion: at(m.expansionMrr),
    reactivation: at(m.reactivationMrr),
  };
}

/**
 * Lost MRR cannot pass starting MRR: churned and contracted revenue is part
 * of it. The path is `['movements', field]`.
 */
export function checkLoss(metric: MetricName, m: MovementUnits): void {
  if (m.churned > m.starting) {
    fail(
      metric,
      'inconsistent',
      ['movements', 'churnedMrr'],
      `expected churnedMrr at most startingMrr (${formatUnits(m.starting, m.scale)}), received ${JSON.stringify(formatUnits(m.churned, m.scale))}`,
    );
  }
  if (m.contraction !== null && m.churned + m.contraction > m.starting) {
    fail(
      metric,
      'inconsistent',
      ['movements', 'contractionMrr'],
      `expected churnedMrr + contractionMrr at most startingMrr (${formatUnits(m.starting, m.scale)}), received ${JSON.stringify(formatUnits(m.churned + m.contraction, m.scale))}`,
    );
  }
}
