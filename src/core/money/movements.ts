/**
 * The MRR movements tally: the shape `mrrMovements` returns and `mrrChurn`,
 * `netMrrChurn`, `expansionRevenue` and `customerChurn` accept as it is.
 */
import { z } from 'zod';
import type { MetricsPath } from '../contract/errors.js';
import { countSchema } from '../contract/schemas.js';
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

const movementsSchema = z
  .strictObject(
    {
      metric: z.literal('mrrMovements', expected('"mrrMovements"')),
      startingMrr: moneySchema,
      newMrr: moneySchema,
      expansionMrr: moneySchema,
      reactivationMrr: moneySchema,
      contractionMrr: moneySchema,
      churnedMrr: moneySchema,
      endingMrr: moneySchema,
      customersAtStart: countSchema,
      customersLost: countSchema,
      customersAdded: countSchema,
      customersAtEnd: countSchema,
      customers: z.strictObject(
        {
          new: countSchema,
          expansion: countSchema,
          contraction: countSchema,
          churned: countSchema,
          reactivation: countSchema,
          unchanged: countSchema,
        },
        expected('movement counts { new, expansion, contraction, churned, reactivation, unchanged }'),
      ),
    },
    expected('an mrrMovements tally'),
  )
  .superRefine((m, ctx) => {
    const amounts = [m.startingMrr, m.newMrr, m.expansionMrr, m.reactivationMrr, m.contractionMrr, m.churnedMrr, m.endingMrr];
    const s = commonScale(amounts);
    const [start, added, expansion, reactivation, contraction, churned, end] = amounts.map((a) => unitsAt(a, s)) as [
      bigint,
      bigint,
      bigint,
      bigint,
      bigint,
      bigint,
      bigint,
    ];
    const expectedEnd = start + added + expansion + reactivation - contraction - churned;
    if (expectedEnd !== end) {
      ctx.addIssue(
        customIssue(
          'inconsistent',
          ['endingMrr'],
          `expected endingMrr = startingMrr + newMrr + expansionMrr + reactivationMrr - contractionMrr - churnedMrr = ${formatUnits(expectedEnd, s)}, received ${JSON.stringify(formatUnits(end, s))}`,
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
  });

/** Checks a movements tally (hand-made, stored or merged) and parses its amounts. */
export function parseMovements(metric: string, value: unknown, root: MetricsPath): ParsedMovements {
  const m = parse(metric, movementsSchema, value, root);
  return {
    startingMrr: m.startingMrr,
    newMrr: m.newMrr,
    expansionMrr: m.expansionMrr,
    reactivationMrr: m.reactivationMrr,
    contractionMrr: m.contractionMrr,
    churnedMrr: m.churnedMrr,
    endingMrr: m.endingMrr,
    customersAtStart: m.customersAtStart,
    customersLost: m.customersLost,
    customersAdded: m.customersAdded,
    customersAtEnd: m.customersAtEnd,
    customers: m.customers,
  };
}
