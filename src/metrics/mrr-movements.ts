/**
 * MRR movements from per-customer MRR at the start and the end of a period.
 */

import { isPlainObject } from '../core/contract/brands.js';
import { describe, fail, type MetricsPath } from '../core/contract/errors.js';
import type { MetricName } from '../core/contract/registry.js';
import { deepFreeze } from '../core/contract/result.js';
import { hasDuplicateId, hashId, hashString } from '../core/contract/unique-ids.js';
import { type Amount, fastAmount, formatUnits, isMoneyProblem, type Money, POW10, readMoney, unitsAt } from '../core/money/money.js';
import type { MrrMovements } from '../core/money/movements.js';

/** One customer's MRR at the start and the end of the period. Other fields are ignored. */
export interface MrrCustomer {
  /** The customer's id, unique in the input: a string or a finite number (`1` and `'1'` differ). */
  readonly id: string | number;
  /** MRR at the start of the period; 0 when the customer was not paying. */
  readonly startMrr: Money;
  /** MRR at the end of the period; 0 when the customer is not paying. */
  readonly endMrr: Money;
  /**
   * `true` for a customer who paid before and had churned by the start of the
   * period (`startMrr` 0): their return is a reactivation, not new business.
   */
  readonly churnedBefore?: boolean;
}

const METRIC = 'mrrMovements' as const satisfies MetricName;

/**
 * The movements a customer can make over the period, as indices into the
 * per-movement sums and counts. `STEADY` pays the same at both ends, `IDLE`
 * pays at neither; both are `unchanged` in the tally.
 */
const NEW = 0;
const EXPANSION = 1;
const CONTRACTION = 2;
const CHURNED = 3;
const REACTIVATION = 4;
const STEADY = 5;
const IDLE = 6;
const MOVEMENTS = 7;
type Movement = typeof NEW | typeof EXPANSION | typeof CONTRACTION | typeof CHURNED | typeof REACTIVATION | typeof STEADY | typeof IDLE;

/**
 * How a customer's MRR moved, from its amounts at the start and the end (as
 * doubles or BigInt units at one scale, both non-negative): the one rule both
 * tallies follow.
 */
function movementOf(start: number | bigint, end: number | bigint, churnedBefore: boolean): Movement {
  if (start > 0) {
    if (end > start) return EXPANSION;
    if (end < start) return end > 0 ? CONTRACTION : CHURNED;
    return STEADY;
  }
  if (end > 0) return churnedBefore ? REACTIVATION : NEW;
  return IDLE;
}

/**
 * MRR movements: classifies each customer by how their MRR moved over the
 * period and adds up each movement exactly.
 *
 * A customer paying at neither end is unchanged; from 0 to a positive MRR is
 * new business, or a reactivation when flagged `churnedBefore`; from a
 * positive MRR to 0 churned; otherwise expansion, contraction or unchanged.
 * `startingMrr + newMrr + expansionMrr + reactivationMrr - contractionMrr -
 * churnedMrr = endingMrr`, exactly. Amounts are one currency; totals come
 * back as decimal strings with the largest number of decimals of any amount.
 *
 * The result is a tally: merge tallies of parts with `mergeCounts`, and pass
 * it as it is to `mrrChurn`, `netMrrChurn`, `expansionRevenue` and
 * `customerChurn`.
 *
 * @param customers - One record per customer: `{ id, startMrr, endMrr, churnedBefore? }`.
 * @returns Each movement's total and customer count, starting and ending
 *   MRR, and customers at the start, lost, added and at the end.
 * @throws {@link MetricsError} when a record or an amount is invalid (`path`
 *   is `['customers', index, field]`), an id repeats (code `'duplicate'`, at
 *   the second occurrence), or `churnedBefore` is set on a customer paying at
 *   the start (code `'inconsistent'`).
 * @example
 * const m = mrrMovements([
 *   { id: 'a', startMrr: '100.00', endMrr: '120.00' },
 *   { id: 'b', startMrr: '50.00', endMrr: 0 },
 *   { id: 'c', startMrr: 0, endMrr: '30.5' },
 *   { id: 'd', startMrr: 0, endMrr: 10, churnedBefore: true },
 * ]);
 * m.expansionMrr // => '20.00'
 * m.newMrr // => '30.50'
 * m.endingMrr // => '160.50'
 * m.customers // => { new: 1, expansion: 1, contraction: 0, churned: 1, reactivation: 1, unchanged: 0 }
 * mrrChurn(m).value // => 33.333333333333336
 * customerChurn(m).value // => 50
 * mrrMovements([{ id: 1, startMrr: 5, endMrr: 5 }, { id: 1, startMrr: 0, endMrr: 1 }]) // throws
 */
export function mrrMovements(customers: readonly MrrCustomer[]): MrrMovements {
  if (!Array.isArray(customers)) {
    fail(METRIC, 'invalid-type', ['customers'], `expected an array of customers { id, startMrr, endMrr }, received ${describe(customers)}`);
  }
  return deepFreeze(fastTally(customers) ?? exactTally(customers));
}

/** A customer record's fields as read from the input, before they are checked. */
type CustomerFields = { readonly [K in keyof MrrCustomer]?: unknown };

/** Checks a record's shape, id and flag; returns its `churnedBefore`. */
function churnedBeforeOf(c: unknown, i: number, ids: Set<unknown>): boolean {
  if (!isPlainObject(c)) {
    fail(METRIC, 'invalid-type', ['customers', i], `expected a customer { id, startMrr, endMrr } (a plain object), received ${describe(c)}`);
  }
  const r = c as CustomerFields;
  const id = r.id;
  if (typeof id === 'string' || (typeof id === 'number' && Number.isFinite(id))) {
    const before = ids.size;
    ids.add(id);
    if (ids.size === before) fail(METRIC, 'duplicate', ['customers', i, 'id'], `expected a unique id, received ${describe(id)} again`);
  } else {
    const code = id === null || id === undefined || (typeof id === 'number' && Number.isNaN(id)) ? 'missing-value' : 'invalid-type';
    fail(METRIC, code, ['customers', i, 'id'], `expected an id (a string or a finite number), received ${describe(id)}`);
  }
  const flag = r.churnedBefore;
  if (flag === undefined || flag === false) return false;
  if (flag === true) return true;
  return fail(METRIC, 'invalid-type', ['customers', i, 'churnedBefore'], `expected true or false, received ${describe(flag)}`);
}

/** Reads an amount exactly, or throws at `path`. */
function amountAt(value: unknown, path: MetricsPath): Amount {
  const r = readMoney(value);
  if (isMoneyProblem(r)) fail(METRIC, r.code, path, r.message);
  return r;
}

function flaggedWhilePaying(i: number): never {
  return fail(
    METRIC,
    'inconsistent',
    ['customers', i, 'churnedBefore'],
    'expected churnedBefore only on a customer not paying at the start (startMrr 0), received true with a positive startMrr',
  );
}

/**
 * The tally with every sum a double holding an exact integer of units at the
 * common scale: no allocation per customer, no `Set`, no decimal.js. Returns
 * `null`, and the exact tally takes over (and reports the first problem, in
 * order), when a record is invalid, an id repeats, an amount needs more than
 * 15 digits, or a sum passes 2^53.
 */
function fastTally(customers: readonly unknown[]): MrrMovements | null {
  const n = customers.length;
  const hashes = new Uint32Array(n);
  // Per movement: the customers, and the sums of their MRR at the start and at the end.
  const counts = new Float64Array(MOVEMENTS);
  const starts = new Float64Array(MOVEMENTS);
  const ends = new Float64Array(MOVEMENTS);
  let scale = 0;
  for (let i = 0; i < n; i++) {
    const c = customers[i] as CustomerFields | null;
    if (!isPlainObject(c)) return null;
    const id = c.id;
    if (typeof id === 'string') hashes[i] = hashString(id);
    else if (typeof id === 'number' && id - id === 0) hashes[i] = hashId(id);
    else return null;
    const flag = c.churnedBefore;
    if (flag !== undefined && flag !== false && flag !== true) return null;
    const sCode = fastAmount(c.startMrr);
    const eCode = fastAmount(c.endMrr);
    if (sCode < 0 || eCode < 0) return null;
    const sScale = sCode % 32;
    const eScale = eCode % 32;
    const top = sScale > eScale ? sScale : eScale;
    if (top > scale) {
      const f = POW10[top - scale]!;
      for (let m = 0; m < MOVEMENTS; m++) {
        starts[m]! *= f;
        ends[m]! *= f;
      }
      scale = top;
    }
    const s = ((sCode - sScale) / 32) * POW10[scale - sScale]!;
    const e = ((eCode - eScale) / 32) * POW10[scale - eScale]!;
    if (flag === true && s > 0) return null;
    const m = movementOf(s, e, flag === true);
    counts[m]!++;
    starts[m]! += s;
    ends[m]! += e;
  }
  // Every sum is at most the total at the start or at the end: when both stay
  // below 2^53, every addition and product above was exact.
  let start = 0;
  let end = 0;
  for (let m = 0; m < MOVEMENTS; m++) {
    start += starts[m]!;
    end += ends[m]!;
  }
  if (start > Number.MAX_SAFE_INTEGER || end > Number.MAX_SAFE_INTEGER) return null;
  if (hasDuplicateId(hashes, (i) => (customers[i] as CustomerFields).id)) return null;
  return movementsFrom(scale, Array.from(counts), Array.from(starts, BigInt), Array.from(ends, BigInt));
}

/** The same tally in BigInt, for amounts of any size; throws at the first invalid record. */
function exactTally(customers: readonly unknown[]): MrrMovements {
  const ids = new Set<unknown>();
  const records: { s: Amount; e: Amount; flagged: boolean }[] = [];
  let scale = 0;
  for (let i = 0; i < customers.length; i++) {
    const c = customers[i] as CustomerFields;
    const flagged = churnedBeforeOf(c, i, ids);
    const s = amountAt(c.startMrr, ['customers', i, 'startMrr']);
    const e = amountAt(c.endMrr, ['customers', i, 'endMrr']);
    if (flagged && s.units > 0n) flaggedWhilePaying(i);
    scale = Math.max(scale, s.scale, e.scale);
    records.push({ s, e, flagged });
  }
  const counts = new Array<number>(MOVEMENTS).fill(0);
  const starts = new Array<bigint>(MOVEMENTS).fill(0n);
  const ends = new Array<bigint>(MOVEMENTS).fill(0n);
  for (const r of records) {
    const s = unitsAt(r.s, scale);
    const e = unitsAt(r.e, scale);
    const m = movementOf(s, e, r.flagged);
    counts[m]!++;
    starts[m]! += s;
    ends[m]! += e;
  }
  return movementsFrom(scale, counts, starts, ends);
}

/**
 * The tally from per-movement counts and sums (units at `scale`) of MRR at the
 * start and at the end: each movement's amount is the change it made.
 */
function movementsFrom(scale: number, counts: readonly number[], starts: readonly bigint[], ends: readonly bigint[]): MrrMovements {
  const amount = (units: bigint) => formatUnits(units, scale);
  const customers = (m: Movement) => counts[m]!;
  const startOf = (m: Movement) => starts[m]!;
  const endOf = (m: Movement) => ends[m]!;
  const total = (sums: readonly bigint[]) => sums.reduce((a, b) => a + b, 0n);
  const paying = customers(EXPANSION) + customers(CONTRACTION) + customers(STEADY);
  return {
    metric: METRIC,
    startingMrr: amount(total(starts)),
    newMrr: amount(endOf(NEW)),
    expansionMrr: amount(endOf(EXPANSION) - startOf(EXPANSION)),
    reactivationMrr: amount(endOf(REACTIVATION)),
    contractionMrr: amount(startOf(CONTRACTION) - endOf(CONTRACTION)),
    churnedMrr: amount(startOf(CHURNED)),
    endingMrr: amount(total(ends)),
    customersAtStart: paying + customers(CHURNED),
    customersLost: customers(CHURNED),
    customersAdded: customers(NEW) + customers(REACTIVATION),
    customersAtEnd: paying + customers(NEW) + customers(REACTIVATION),
    customers: {
      new: customers(NEW),
      expansion: customers(EXPANSION),
      contraction: customers(CONTRACTION),
      churned: customers(CHURNED),
      reactivation: customers(REACTIVATION),
      unchanged: customers(STEADY) + customers(IDLE),
    },
  };
}
